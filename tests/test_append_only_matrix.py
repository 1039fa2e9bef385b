"""Citizens' records are append-only for staff: the permission matrix (issue 12).

DESIGN §4.5 and §5: what a citizen submitted (the report, request, objection and
application texts, their identity and form answers) and their privacy choices
(``anonim``, ``rahasia``) never change through the admin. Staff may only strengthen
privacy ("Jadikan rahasia") or write a redacted public summary ("Tulis ringkasan
publik"), each a logged action with its reason on the internal timeline; only
superusers delete a record, and the deletion is logged.

Each cell is one role (every group of ``portal/roles.py``, a superuser, an anonymous
visitor) on one admin URL through which a citizen's record, or its privacy, could be
changed (a category's "never public" switch included). Officers are given the scope
of the records (Dinas PUPR, Babalan), so a refusal is never merely "outside their
scope". Allowed: the change takes effect and is logged. Denied: a refusal (403,
404, or Wagtail's redirect to the dashboard or login) and the row, its timeline and
its audit log unchanged. Either way the citizen's own fields are as submitted
afterwards, and privacy is never weakened.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_registry

from layanan.choices import StatusPermohonan as StatusLayanan
from layanan.models import Permohonan as PermohonanLayanan
from pengaduan.choices import JenisCatatan, JenisLaporan
from pengaduan.models import Laporan
from pengaduan.services import CONFIDENTIAL_ACTION
from portal.models import PerangkatDaerah
from portal.roles import (
    ADMIN_PORTAL,
    ALL_ROLES,
    EDITOR_PPID,
    MODERATOR_PENGADUAN,
    PETUGAS_KECAMATAN,
    PETUGAS_OPD,
)
from ppid.choices import KeputusanPermohonan
from ppid.models import Keberatan, PermohonanInformasi
from ppid.services import PUBLIC_SUMMARY_ACTION
from tests.layanan.factories import PermohonanFactory
from tests.layanan.test_scoping import ACTION_CASES as LAYANAN_ACTIONS
from tests.pengaduan.factories import (
    DispatchedLaporanFactory,
    KategoriLaporanFactory,
    PetugasFactory,
)
from tests.pengaduan.test_scoping import ACTION_CASES as LAPORAN_ACTIONS
from tests.pengaduan.test_scoping import assert_denied
from tests.ppid.factories import create_kip_request

pytestmark = pytest.mark.django_db

SUPERUSER = "superuser"
ANONYMOUS = "anonim"
ROLES = [*ALL_ROLES, SUPERUSER, ANONYMOUS]
#: Each officer works where the records below are.
SCOPES = {
    PETUGAS_OPD: {"opd": "dinas-pupr"},
    PETUGAS_KECAMATAN: {"kecamatan_tugas": "babalan"},
}
NOBODY = frozenset()
ONLY_SUPERUSERS = frozenset({SUPERUSER})
#: Who may correct a report's classification and make it confidential.
ELAGA_MODERATORS = frozenset({MODERATOR_PENGADUAN, ADMIN_PORTAL, SUPERUSER})
#: Who may write the register's public summary (Atasan PPID answers objections only).
PPID_PROCESSORS = frozenset({EDITOR_PPID, ADMIN_PORTAL, SUPERUSER})

REASON = "Menyebut nama dan alamat rumah seorang ASN."
SUMMARY = "Data sertifikat tanah di Desa Pematang Tengah."
SUMMARY_REASON = "Nama, HP dan NIK dihapus."

#: What the citizen submitted, per model: never changed by anybody in the admin.
#: (``rahasia`` is checked apart: staff may strengthen it, never weaken it.)
CITIZEN_FIELDS = {
    Laporan: (
        "judul",
        "isi",
        "alamat",
        "latitude",
        "longitude",
        "tanggal_kejadian",
        "nama_pelapor",
        "nik",
        "telepon",
        "email",
        "anonim",
    ),
    PermohonanInformasi: (
        "nama",
        "alamat",
        "jenis_identitas",
        "nomor_identitas",
        "telepon",
        "email",
        "pekerjaan",
        "informasi_diminta",
        "tujuan",
        "cara_memperoleh",
        "cara_penyampaian",
    ),
    Keberatan: ("alasan", "uraian"),
    PermohonanLayanan: (
        "layanan_id",
        "kecamatan_id",
        "desa_id",
        "nama",
        "nik",
        "telepon",
        "email",
        "alamat",
        "jawaban",
    ),
}
#: What an officer would type over the citizen's fields.
TAMPERED_LAPORAN = {
    "jenis": JenisLaporan.ASPIRASI,
    "judul": "Judul diganti petugas",
    "isi": "Isi diganti petugas",
    "alamat": "Alamat diganti",
    "nama_pelapor": "Nama diganti",
    "nik": "1205010101010001",
    "telepon": "081100000000",
    "email": "diganti@example.com",
    # ``anonim`` and ``rahasia`` unticked: absent from the POST.
}
TAMPERED_PERMOHONAN_INFORMASI = {
    "nama": "Nama diganti",
    "nomor_identitas": "1205010101010001",
    "informasi_diminta": "Teks diganti petugas.",
    "tujuan": "Tujuan diganti.",
}
TAMPERED_KEBERATAN = {"uraian": "Uraian diganti petugas.", "alasan": ["b"]}
TAMPERED_PERMOHONAN_LAYANAN = {
    "nama": "Nama diganti",
    "nik": "1205010101010001",
    "telepon": "081100000000",
    "email": "diganti@example.com",
    "alamat": "Alamat diganti",
    "jawaban": '[{"kunci": "keperluan", "label": "Keperluan", "nilai": "Diganti"}]',
    "catatan_hasil": "Diganti petugas.",
}


def make_user(role):
    if role == ANONYMOUS:
        return None
    if role == SUPERUSER:
        return PetugasFactory(username="root", is_superuser=True)
    username = role.lower().replace(" ", ".")
    return PetugasFactory(username=username, role=role, **SCOPES.get(role, {}))


# The citizens' records.


def confidential_anonymous_report():
    """A report dispatched to Dinas PUPR whose reporter chose anonim and rahasia."""
    return DispatchedLaporanFactory(
        anonim=True, rahasia=True, alamat="Jl. Proklamasi", nik="1205015203850002"
    )


def anonymous_report():
    """A report dispatched to Dinas PUPR whose reporter chose anonim only."""
    return DispatchedLaporanFactory(anonim=True, rahasia=False, alamat="Jl. Proklamasi")


def report_in_a_never_public_category():
    """A report filed in a category whose reports are never public (Kinerja ASN)."""
    kategori = KategoriLaporanFactory(
        nama="Kinerja ASN (uji)", slug="kinerja-asn-uji", selalu_rahasia=True
    )
    return DispatchedLaporanFactory(kategori=kategori, anonim=True)


def kip_request():
    """A refused information request with a pending objection."""
    return create_kip_request(decided=KeputusanPermohonan.DITOLAK, objection=True)


def objection():
    return kip_request().keberatan


def application(status=None):
    """An application in Babalan with the applicant's form answers (new by default)."""
    fields = {}
    if status and status != StatusLayanan.DIAJUKAN:
        fields = {"status": status, "diverifikasi_pada": timezone.now()}
    return PermohonanFactory(
        jawaban=[
            {"kunci": "keperluan", "label": "Keperluan", "nilai": "Melamar kerja"},
            {"kunci": "status-rumah", "label": "Status rumah", "nilai": "Sewa"},
        ],
        **fields,
    )


# The requests.


def get(name):
    return lambda client, record: client.get(reverse(name, args=[record.pk]))


def post(name, data=None):
    return lambda client, record: client.post(reverse(name, args=[record.pk]), data)


def untick_never_public(client, laporan):
    """The category's edit form, posted with "never public" unticked."""
    kategori = laporan.kategori
    return client.post(
        reverse("wagtailsnippets_pengaduan_kategorilaporan:edit", args=[kategori.pk]),
        {
            "nama": kategori.nama,
            "slug": kategori.slug,
            "deskripsi": "",
            "panduan": "",
            "perangkat_daerah_default": kategori.perangkat_daerah_default_id,
            "target_hari_kerja": kategori.target_hari_kerja,
            "boleh_anonim": "on",
            "aktif": "on",
            "urutan": 0,
            # ``selalu_rahasia`` unticked: absent from the POST.
        },
    )


def action(namespace, name, data):
    return lambda client, record: client.post(
        reverse(f"{namespace}:action", args=[record.pk, name]), data
    )


# What an allowed request does.


def logged(record, action_name, user):
    """The audit log entry ``action_name`` on ``record``, written by ``user``."""
    entry = log_registry.get_logs_for_instance(record).get(action=action_name)
    assert entry.user_id == user.pk
    return entry


def offers_only_the_classification(record, response, user):
    assert response.status_code == HTTPStatus.OK
    assert set(response.context["form"].fields) == {"jenis"}


def corrected_the_classification(record, response, user):
    assert response.status_code == HTTPStatus.FOUND
    record.refresh_from_db()
    assert record.jenis == JenisLaporan.ASPIRASI
    logged(record, "wagtail.edit", user)


def made_confidential(record, response, user):
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("laporan:inspect", args=[record.pk])
    record.refresh_from_db()
    assert record.rahasia is True
    assert Laporan.objects.published().filter(pk=record.pk).exists() is False
    entry = record.linimasa.get()
    assert entry.jenis == JenisCatatan.CATATAN_INTERNAL
    assert entry.is_public is False
    assert REASON in entry.message
    assert entry.author_id == user.pk
    assert logged(record, CONFIDENTIAL_ACTION, user).data["rahasia"] is True


def wrote_the_public_summary(record, response, user):
    assert response.status_code == HTTPStatus.FOUND
    record.refresh_from_db()
    assert record.ringkasan_publik == SUMMARY
    entry = record.linimasa.latest("pk")
    assert entry.is_public is False
    assert SUMMARY in entry.message and SUMMARY_REASON in entry.message
    assert entry.author_id == user.pk
    data = logged(record, PUBLIC_SUMMARY_ACTION, user).data
    assert data["ringkasan"] == SUMMARY
    assert data["alasan"] == SUMMARY_REASON
    # The objection the citizen typed is untouched too.
    record.keberatan.refresh_from_db()
    assert record.keberatan.uraian == "Saya keberatan."


def kept_the_category_never_public(record, response, user):
    assert response.status_code == HTTPStatus.OK
    assert "selalu_rahasia" in response.context["form"].errors
    record.kategori.refresh_from_db()
    assert record.kategori.selalu_rahasia is True


def deleted(record, response, user):
    assert response.status_code == HTTPStatus.FOUND
    assert not type(record).objects.filter(pk=record.pk).exists()
    logged(record, "wagtail.delete", user)


@dataclass(frozen=True)
class Cell:
    """One admin URL: the record it acts on and the request sent to it.

    Roles in ``allowed`` get past the permission check and ``took_effect`` says what
    the request then did (never a change to what the citizen submitted); everybody
    else is refused.
    """

    id: str
    make: Callable
    send: Callable
    allowed: frozenset
    took_effect: Callable | None = None


URLS = [
    # e-laga reports.
    Cell(
        "laporan edit GET",
        confidential_anonymous_report,
        get("laporan:edit"),
        ELAGA_MODERATORS,
        offers_only_the_classification,
    ),
    Cell(
        "laporan edit POST",
        confidential_anonymous_report,
        post("laporan:edit", TAMPERED_LAPORAN),
        ELAGA_MODERATORS,
        corrected_the_classification,
    ),
    Cell(
        "laporan jadikan-rahasia",
        anonymous_report,
        action(
            "laporan",
            "jadikan-rahasia",
            {"jadikan-rahasia-alasan": REASON, "anonim": "", "rahasia": ""},
        ),
        ELAGA_MODERATORS,
        made_confidential,
    ),
    Cell(
        "kategori laporan: untick never public",
        report_in_a_never_public_category,
        untick_never_public,
        ELAGA_MODERATORS,
        kept_the_category_never_public,
    ),
    Cell(
        "laporan delete",
        confidential_anonymous_report,
        post("laporan:delete"),
        ONLY_SUPERUSERS,
        deleted,
    ),
    # KIP information requests.
    Cell(
        "permohonan_informasi edit GET",
        kip_request,
        get("permohonan_informasi:edit"),
        NOBODY,
    ),
    Cell(
        "permohonan_informasi edit POST",
        kip_request,
        post("permohonan_informasi:edit", TAMPERED_PERMOHONAN_INFORMASI),
        NOBODY,
    ),
    Cell(
        "permohonan_informasi ringkasan-publik",
        kip_request,
        action(
            "permohonan_informasi",
            "ringkasan-publik",
            {
                "ringkasan-publik-ringkasan_publik": SUMMARY,
                "ringkasan-publik-alasan": SUMMARY_REASON,
                **TAMPERED_PERMOHONAN_INFORMASI,
            },
        ),
        PPID_PROCESSORS,
        wrote_the_public_summary,
    ),
    Cell(
        "permohonan_informasi delete",
        kip_request,
        post("permohonan_informasi:delete"),
        ONLY_SUPERUSERS,
        deleted,
    ),
    # KIP objections.
    Cell("keberatan edit GET", objection, get("keberatan_informasi:edit"), NOBODY),
    Cell(
        "keberatan edit POST",
        objection,
        post("keberatan_informasi:edit", TAMPERED_KEBERATAN),
        NOBODY,
    ),
    Cell(
        "keberatan delete",
        objection,
        post("keberatan_informasi:delete"),
        ONLY_SUPERUSERS,
        deleted,
    ),
    # e-kecamatan applications.
    Cell(
        "permohonan_layanan edit GET",
        application,
        get("permohonan_layanan:edit"),
        NOBODY,
    ),
    Cell(
        "permohonan_layanan edit POST",
        application,
        post("permohonan_layanan:edit", TAMPERED_PERMOHONAN_LAYANAN),
        NOBODY,
    ),
    Cell(
        "permohonan_layanan delete",
        application,
        post("permohonan_layanan:delete"),
        ONLY_SUPERUSERS,
        deleted,
    ),
]


def row(record):
    """Every column of ``record``'s row as stored now."""
    fresh = type(record).objects.get(pk=record.pk)
    return {
        field.attname: getattr(fresh, field.attname)
        for field in fresh._meta.concrete_fields
    }


def citizen_fields(snapshot, model):
    return {name: snapshot[name] for name in CITIZEN_FIELDS[model]}


def timeline(record):
    """The internal and public timeline the record (or its request) keeps."""
    owner = record.permohonan if isinstance(record, Keberatan) else record
    return list(owner.linimasa.values_list("pk", flat=True))


def is_published(record):
    return Laporan.objects.published().filter(pk=record.pk).exists()


def audit_log(record):
    return list(log_registry.get_logs_for_instance(record).values_list("pk", flat=True))


@pytest.mark.parametrize("cell", URLS, ids=lambda cell: cell.id)
@pytest.mark.parametrize("role", ROLES)
def test_append_only_matrix(client, role, cell):
    record = cell.make()
    model = type(record)
    before = row(record)
    timeline_before, log_before = timeline(record), audit_log(record)
    published_before = model is Laporan and is_published(record)
    user = make_user(role)
    if user:
        client.force_login(user)

    response = cell.send(client, record)

    if role in cell.allowed:
        cell.took_effect(record, response, user)
    else:
        assert_denied(response)
        assert row(record) == before
        assert timeline(record) == timeline_before
        assert audit_log(record) == log_before
    if model.objects.filter(pk=record.pk).exists():
        after = row(record)
        assert citizen_fields(after, model) == citizen_fields(before, model)
        if model is Laporan:
            # Privacy only ever strengthens: nothing unticks ``rahasia`` or
            # publishes a report that was not public.
            assert after["rahasia"] >= before["rahasia"]
            assert is_published(record) <= published_before


def test_a_category_without_reports_may_still_be_switched_back_to_public(client):
    """The "never public" switch is locked only by the reports filed under it."""
    laporan = report_in_a_never_public_category()
    kategori = laporan.kategori
    laporan.delete()
    client.force_login(make_user(MODERATOR_PENGADUAN))

    response = untick_never_public(client, laporan)

    assert response.status_code == HTTPStatus.FOUND
    kategori.refresh_from_db()
    assert kategori.selalu_rahasia is False


# Every processing action, taken by a superuser (who may take them all): whatever
# else is posted, the citizen's fields and privacy choices stay as submitted.

KIP_ACTIONS = {
    "perpanjang": (create_kip_request, {"perpanjang-alasan": "Dokumen di tiga OPD."}),
    "putuskan": (
        create_kip_request,
        {
            "putuskan-keputusan": KeputusanPermohonan.DIBERIKAN_SELURUHNYA,
            "putuskan-jawaban": "Terlampir.",
        },
    ),
    "sampaikan": (
        partial(create_kip_request, decided=KeputusanPermohonan.DIBERIKAN_SELURUHNYA),
        {"sampaikan-disampaikan_pada": "{today}"},
    ),
    "jawab-keberatan": (
        kip_request,
        {
            "jawab-keberatan-putusan": "ditolak",
            "jawab-keberatan-tanggapan": "Pengecualian sudah tepat.",
        },
    ),
}


def private_report(make):
    """A report from ``make`` whose reporter chose both anonim and rahasia."""
    laporan = make()
    Laporan.objects.filter(pk=laporan.pk).update(anonim=True, rahasia=True)
    laporan.refresh_from_db()
    return laporan


def flagged_private_report():
    return private_report(
        partial(DispatchedLaporanFactory, jumlah_tanda=3, disembunyikan=True)
    )


def processing_actions():
    """``(namespace, action, make the record, POST data, tampered fields)``."""
    for name, (make, data, _after) in LAPORAN_ACTIONS.items():
        yield pytest.param(
            "laporan",
            name,
            partial(private_report, make),
            data,
            TAMPERED_LAPORAN,
            id=f"laporan {name}",
        )
    yield pytest.param(
        "laporan",
        "tanda-pembaca",
        flagged_private_report,
        {"tanda-pembaca-keputusan": "tampilkan"},
        TAMPERED_LAPORAN,
        id="laporan tanda-pembaca",
    )
    for name, (make, data) in KIP_ACTIONS.items():
        yield pytest.param(
            "permohonan_informasi",
            name,
            make,
            data,
            TAMPERED_PERMOHONAN_INFORMASI | TAMPERED_KEBERATAN,
            id=f"permohonan_informasi {name}",
        )
    for name, (before, data, _after) in LAYANAN_ACTIONS.items():
        yield pytest.param(
            "permohonan_layanan",
            name,
            partial(application, before),
            data,
            TAMPERED_PERMOHONAN_LAYANAN,
            id=f"permohonan_layanan {name}",
        )


@pytest.mark.parametrize(
    ("namespace", "name", "make", "data", "tampered"), list(processing_actions())
)
def test_no_processing_action_changes_what_the_citizen_submitted(
    client, namespace, name, make, data, tampered
):
    record = make()
    model = type(record)
    before = row(record)
    objection_before = row(record.keberatan) if hasattr(record, "keberatan") else None
    client.force_login(make_user(SUPERUSER))
    values = {
        "pupr": PerangkatDaerah.objects.get(slug="dinas-pupr").pk,
        "today": timezone.localdate().isoformat(),
    }
    data = {key: value.format(**values) for key, value in data.items()}

    response = client.post(
        reverse(f"{namespace}:action", args=[record.pk, name]), tampered | data
    )

    assert response.status_code == HTTPStatus.FOUND
    levels = [message.level_tag for message in get_messages(response.wsgi_request)]
    assert levels == ["success"]  # the action was taken
    after = row(record)
    assert citizen_fields(after, model) == citizen_fields(before, model)
    if model is Laporan:
        assert after["anonim"] is True and after["rahasia"] is True
    if objection_before:
        assert citizen_fields(row(record.keberatan), Keberatan) == citizen_fields(
            objection_before, Keberatan
        )
