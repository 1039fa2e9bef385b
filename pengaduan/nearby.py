"""Published reports like the one a resident is typing, so they can support it
("Dukung laporan ini") instead of filing a duplicate.

A report is similar when it was received in the last :data:`RECENT_DAYS` days and is
in the same category within :data:`RADIUS_M` of the pin, or shares words of its
title. One database query, whatever was typed; the texts are masked and the points
rounded as on every public page.
"""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from pengaduan.location import bounding_box, distance_m, rounded
from pengaduan.models import Laporan
from portal.masking import mask_personal_data

RECENT_DAYS = 30
RADIUS_M = 500
MAX_RESULTS = 5
#: Recent reports read at most per request, before ranking them.
MAX_CANDIDATES = 50
#: Title words compared at most, and the shortest word that counts.
MAX_WORDS = 6
MIN_WORD_LENGTH = 4
#: Words too common in Indonesian complaints to make two titles similar.
COMMON_WORDS = frozenset(
    """
    yang dengan untuk dari pada kami saya mohon tolong sudah belum tidak
    ada adalah akan bisa karena oleh atau juga agar dalam sangat
    desa dusun kecamatan kabupaten langkat warga masyarakat
    """.split()
)
WORD_PATTERN = re.compile(r"\w+")


def title_words(title):
    """The distinctive words of a title, lower case, in order, without repeats."""
    words = []
    for word in WORD_PATTERN.findall((title or "").lower()):
        if (
            len(word) >= MIN_WORD_LENGTH
            and not word.isdigit()
            and word not in COMMON_WORDS
            and word not in words
        ):
            words.append(word)
    return words[:MAX_WORDS]


@dataclass(frozen=True)
class SimilarReport:
    """A published report shown beside the form, and why it was chosen."""

    laporan: Laporan
    distance_m: int | None
    shared_words: int

    @property
    def judul(self):
        return mask_personal_data(self.laporan.judul, self.laporan.nama_pelapor)


def similar_reports(kategori=None, latitude=None, longitude=None, title=""):
    """Up to :data:`MAX_RESULTS` recent published reports near the pin (same
    category) or with a similar title; nearest first, then by shared words."""
    words = title_words(title)
    has_point = kategori is not None and latitude is not None and longitude is not None
    conditions = Q()
    if has_point:
        south, north, west, east = bounding_box(latitude, longitude, RADIUS_M)
        conditions |= Q(
            kategori=kategori,
            latitude__range=(south, north),
            longitude__range=(west, east),
        )
    for word in words:
        conditions |= Q(judul__icontains=word)
    if not conditions:
        return []
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    candidates = (
        Laporan.objects.published()
        .filter(conditions, diterima_pada__gte=since)
        .select_related("kategori", "kecamatan")
        .only(
            "kode_lacak",
            "judul",
            "status",
            "diterima_pada",
            "latitude",
            "longitude",
            "jumlah_dukungan",
            "nama_pelapor",
            "rahasia",
            "disembunyikan",
            "kategori__nama",
            "kategori__selalu_rahasia",
            "kecamatan__nama",
        )
        .order_by("-diterima_pada", "-pk")[:MAX_CANDIDATES]
    )
    needed = min(2, len(words))
    found = []
    for laporan in candidates:
        distance = None
        if has_point and laporan.latitude is not None and laporan.kategori_id:
            # From the rounded point, as public pages show it.
            measured = distance_m(
                latitude,
                longitude,
                rounded(laporan.latitude),
                rounded(laporan.longitude),
            )
            if laporan.kategori_id == kategori.pk and measured <= RADIUS_M:
                distance = round(measured / 10) * 10
        lowered = laporan.judul.lower()
        shared = sum(1 for word in words if word in lowered)
        if distance is not None or (needed and shared >= needed):
            found.append(SimilarReport(laporan, distance, shared))
    found.sort(
        key=lambda item: (
            item.distance_m is None,
            item.distance_m or 0,
            -item.shared_words,
        )
    )
    return found[:MAX_RESULTS]
