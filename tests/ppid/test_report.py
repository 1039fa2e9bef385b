"""The yearly KIP report (Perki 1/2021 Pasal 56) equals a hand count, without identities."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from ppid import services
from ppid.choices import KeputusanPermohonan, PutusanKeberatan
from ppid.report import report_csv, report_pdf, yearly_report
from tests.factories import UserFactory
from tests.ppid.factories import PermohonanInformasiFactory

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
K = KeputusanPermohonan
TODAY = datetime.date(2026, 1, 5)
NAMES = ["Budi Santoso", "Rini Wulandari", "Ahmad Fauzi"]


def at(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=WIB)


def make_request(
    received,
    *,
    extend_on=None,
    decide_on=None,
    keputusan=K.DIBERIKAN_SELURUHNYA,
    ground="",
    deliver_on=None,
    name="Budi Santoso",
):
    """A request moved through kip_services on the given (frozen) dates."""
    user = UserFactory()
    with freeze_time(received):
        permohonan = services.submit_permohonan(
            PermohonanInformasiFactory.build(nama=name)
        )
    if extend_on:
        with freeze_time(extend_on):
            services.extend(permohonan, user, "Dokumen tersebar di beberapa OPD.")
    if decide_on:
        with freeze_time(decide_on):
            services.decide(
                permohonan,
                user,
                keputusan,
                "Jawaban tertulis PPID.",
                dasar_penolakan=ground,
                uji_konsekuensi="Uji konsekuensi tertulis." if ground else "",
            )
    if deliver_on:
        with freeze_time(deliver_on):
            services.deliver(permohonan, user)
    return permohonan


def object_to(permohonan, filed, grounds, answer_on=None, putusan=""):
    with freeze_time(filed):
        keberatan = services.file_keberatan(
            permohonan, grounds, "Saya keberatan atas jawaban PPID."
        )
    if answer_on:
        with freeze_time(answer_on):
            services.answer_keberatan(
                keberatan, UserFactory(), putusan, "Tanggapan atasan PPID."
            )
    return keberatan


@pytest.fixture
def sample():
    """Nine requests of 2025 and two outside it; October 2025 has no holidays.

    Working days taken: I 1, A 2, B 5, C 10, D 17 (extended, on time), E 12 (late),
    F 23 (extended, late); G open past its deadline (15 Dec), H open within it.
    """
    # Outside 2025 in WIB, though 31 Dec 2024 23:30 WIB is still 2024 in UTC+7 terms.
    make_request(at(2024, 12, 31, 23, 30), name=NAMES[1])
    make_request(at(2026, 1, 2))
    # I: 1 Jan 2025 00:30 WIB (still 2024 in UTC) counts in 2025.
    make_request(at(2025, 1, 1, 0, 30), decide_on=at(2025, 1, 2))
    make_request(  # A
        at(2025, 10, 1),
        decide_on=at(2025, 10, 3),
        deliver_on=at(2025, 10, 6),
        name=NAMES[2],
    )
    make_request(  # B
        at(2025, 10, 6),
        decide_on=at(2025, 10, 13),
        keputusan=K.DIBERIKAN_SEBAGIAN,
        ground="h",
    )
    refused = make_request(  # C
        at(2025, 10, 6), decide_on=at(2025, 10, 20), keputusan=K.DITOLAK, ground="h"
    )
    make_request(  # D
        at(2025, 10, 6),
        extend_on=at(2025, 10, 17),
        decide_on=at(2025, 10, 29),
        keputusan=K.DITOLAK,
        ground="a",
    )
    late = make_request(  # E
        at(2025, 10, 1), decide_on=at(2025, 10, 17), keputusan=K.TIDAK_DIKUASAI
    )
    make_request(  # F
        at(2025, 10, 1),
        extend_on=at(2025, 10, 10),
        decide_on=at(2025, 11, 3),
        keputusan=K.BELUM_DIDOKUMENTASIKAN,
    )
    unanswered = make_request(at(2025, 12, 1))  # G
    make_request(at(2025, 12, 30))  # H
    object_to(
        refused, at(2025, 10, 22), ["a"], at(2025, 11, 5), PutusanKeberatan.DITOLAK
    )
    object_to(
        late,
        at(2025, 10, 20),
        ["e", "g"],
        at(2025, 11, 10),
        PutusanKeberatan.DIKABULKAN_SEBAGIAN,
    )
    object_to(unanswered, at(2025, 12, 22), ["c"])


def test_the_yearly_figures_equal_a_hand_count(sample):
    report = yearly_report(2025, today=TODAY)

    assert report.received == 9
    assert report.decided == 7
    assert report.undecided == 2
    assert report.delivered == 1
    assert report.extended == 2
    assert (report.late_decided, report.late_open, report.late) == (2, 1, 3)
    # 1, 2, 5, 10, 12, 17, 23 hari kerja
    assert report.average_days == 10.0
    assert report.median_days == 10
    assert [count for _label, count in report.duration_bands] == [3, 1, 2, 1, 2]
    assert dict(report.by_decision) == {
        "Diberikan seluruhnya": 2,
        "Diberikan sebagian": 1,
        "Ditolak (informasi dikecualikan)": 2,
        "Informasi tidak dikuasai": 1,
        "Informasi belum didokumentasikan": 1,
    }
    grounds = {label[:16]: count for label, count in report.refusals_by_ground}
    assert grounds["Pasal 17 huruf h"] == 2
    assert grounds["Pasal 17 huruf a"] == 1
    assert sum(grounds.values()) == 3
    assert (
        report.objections_filed,
        report.objections_answered,
        report.objections_pending,
        report.objections_late,
    ) == (3, 2, 1, 0)
    assert dict(report.objections_by_outcome) == {
        "Dikabulkan": 0,
        "Dikabulkan sebagian": 1,
        "Ditolak": 1,
    }
    assert {label[0]: count for label, count in report.objections_by_ground} == {
        "a": 1,
        "b": 0,
        "c": 1,
        "d": 0,
        "e": 1,
        "f": 0,
        "g": 1,
    }


def test_an_empty_year_reports_zeros_and_no_averages():
    report = yearly_report(2021, today=TODAY)
    assert report.received == 0
    assert report.average_days is None
    assert report.median_days is None
    assert all(count == 0 for _label, count in report.by_decision)


def test_the_report_reads_a_constant_number_of_queries(sample):
    with CaptureQueriesContext(connection) as before:
        yearly_report(2025, today=TODAY)
    for day in (13, 14, 15):
        make_request(at(2025, 10, day), decide_on=at(2025, 10, 24))
    with CaptureQueriesContext(connection) as after:
        yearly_report(2025, today=TODAY)
    assert len(after) == len(before) <= 3


def test_the_csv_shows_a_missing_average_as_text_and_counts_as_numbers():
    lines = report_csv(yearly_report(2024, today=TODAY)).splitlines()
    assert "Waktu pemenuhan (hari kerja),Rata-rata,'-" in lines
    assert "Ringkasan permohonan,Permohonan diterima,0" in lines
    assert "tahun,Tahun laporan,2024" in lines


def test_the_csv_has_every_section_and_no_identity(sample):
    text = report_csv(yearly_report(2025, today=TODAY))
    lines = text.splitlines()
    assert lines[0] == "bagian,uraian,jumlah"
    for heading in (
        "Ringkasan permohonan",
        "Waktu pemenuhan (hari kerja)",
        "Keputusan PPID",
        "Penolakan menurut dasar pengecualian Pasal 17",
        "Keberatan",
        "Keberatan menurut alasan Pasal 35 ayat (1)",
    ):
        assert any(line.startswith(heading + ",") for line in lines), heading
    assert "Ringkasan permohonan,Permohonan diterima,9" in lines
    for secret in [*NAMES, "1205011203850001", "budi.santoso@example.com"]:
        assert secret not in text


def test_the_pdf_is_a_pdf_with_the_title_and_no_requester_names(sample):
    pdf = report_pdf(yearly_report(2025, today=TODAY))
    assert pdf.startswith(b"%PDF")
    text = _pdf_text(pdf)
    assert "Laporan Layanan Informasi Publik Tahun 2025" in text
    assert "Diberikan seluruhnya" in text  # the text search works
    for secret in [*NAMES, "1205011203850001", "budi.santoso"]:
        assert secret not in text


def _pdf_text(pdf):
    """The PDF's page streams, decompressed, as text (enough for a search)."""
    import base64
    import re
    import zlib

    chunks = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL):
        data = match.group(1).strip()
        try:
            data = base64.a85decode(data, adobe=True)
        except ValueError:
            pass
        try:
            data = zlib.decompress(data)
        except zlib.error:
            pass
        chunks.append(data.decode("latin-1"))
    return "\n".join(chunks)
