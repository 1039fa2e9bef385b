"""Citizens' files are stored under random names and shown under human ones.

The name a file was sent with is kept beside it and shown and offered as the
download name, except to users who may not see the citizen's identity (an OPD
officer, for an anonymous report), who read "Lampiran 1 (PDF)"; files kept before
names were, read the same.
"""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from layanan import services as layanan_services
from pengaduan import services as pengaduan_services
from portal.models import PerangkatDaerah
from portal.roles import EDITOR_PPID, MODERATOR_PENGADUAN, PETUGAS_OPD
from portal.uploads import clean_upload, download_name, original_file_name
from ppid import services as ppid_services
from ppid.choices import KeputusanPermohonan
from tests.factories import pdf_bytes
from tests.layanan.factories import (
    PermohonanFactory,
    StandarLayananFactory,
    kecamatan_officer,
)
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LampiranLaporanFactory,
    LaporanFactory,
    PetugasFactory,
)
from tests.ppid.factories import create_kip_request, create_layanan_informasi_page

pytestmark = pytest.mark.django_db


def pdf(name):
    return clean_upload(SimpleUploadedFile(name, pdf_bytes(), "application/pdf"))


def dispatched_report(uploads, **fields):
    """A report submitted with ``uploads`` and dispatched to Dinas PUPR."""
    moderator = PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN)
    laporan = pengaduan_services.submit_laporan(
        LaporanFactory.build(kategori=KategoriLaporanFactory(), **fields), uploads
    )
    pengaduan_services.verify(laporan, moderator)
    pengaduan_services.dispatch(
        laporan, moderator, PerangkatDaerah.objects.get(slug="dinas-pupr")
    )
    return laporan, moderator


def disposition_name(response):
    return response["Content-Disposition"].split("filename=", 1)[1].strip('"')


def test_a_report_file_keeps_its_name_beside_the_random_one_it_is_stored_under(
    client,
):
    laporan, moderator = dispatched_report([pdf("Surat RT Securai.pdf")])
    lampiran = laporan.lampiran.get()
    client.force_login(moderator)

    detail = client.get(reverse("laporan:inspect", args=[laporan.pk])).content
    download = client.get(reverse("laporan:lampiran", args=[laporan.pk, lampiran.pk]))

    assert lampiran.nama_asli == "Surat RT Securai.pdf"
    assert "Securai" not in lampiran.berkas.name
    assert "Surat RT Securai.pdf" in detail.decode()
    assert disposition_name(download) == "Surat RT Securai.pdf"


def test_an_opd_officer_reads_neutral_names_for_an_anonymous_reports_files(client):
    laporan, _moderator = dispatched_report(
        [pdf("KTP Siti Rahmawati.pdf")], anonim=True
    )
    lampiran = laporan.lampiran.get()
    client.force_login(
        PetugasFactory(username="pupr", role=PETUGAS_OPD, opd="dinas-pupr")
    )

    detail = client.get(reverse("laporan:inspect", args=[laporan.pk])).content
    download = client.get(reverse("laporan:lampiran", args=[laporan.pk, lampiran.pk]))

    assert "Lampiran 1 (PDF)" in detail.decode()
    assert "Siti" not in detail.decode()
    assert disposition_name(download) == "Lampiran 1 (PDF).pdf"


def test_files_kept_before_names_were_read_lampiran_n_and_their_kind(client):
    first = LampiranLaporanFactory()
    LampiranLaporanFactory(laporan=first.laporan)
    client.force_login(PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN))

    detail = client.get(reverse("laporan:inspect", args=[first.laporan.pk]))

    html = detail.content.decode()
    assert "Lampiran 1 (PNG)" in html and "Lampiran 2 (PNG)" in html
    assert first.berkas.name.rsplit("/", 1)[-1] not in html


def test_an_application_file_shows_its_requirement_and_the_name_it_was_sent_with(
    client,
):
    permohonan = layanan_services.submit_permohonan(
        PermohonanFactory.build(layanan=StandarLayananFactory()),
        [("ktp", "KTP pemohon", pdf("ktp-rina.pdf"))],
    )
    berkas = permohonan.berkas.get()
    client.force_login(kecamatan_officer("babalan"))

    detail = client.get(reverse("permohonan_layanan:inspect", args=[permohonan.pk]))
    download = client.get(
        reverse("permohonan_layanan:berkas", args=[permohonan.pk, berkas.pk])
    )

    assert detail.status_code == HTTPStatus.OK
    assert "KTP pemohon</a>: ktp-rina.pdf" in detail.content.decode()
    assert disposition_name(download) == "ktp-rina.pdf"


def test_an_answer_document_downloads_under_its_title(client, home_page):
    page = create_layanan_informasi_page(home_page)
    editor = PetugasFactory(username="ppid", role=EDITOR_PPID)
    permohonan = create_kip_request()
    ppid_services.decide(
        permohonan,
        editor,
        KeputusanPermohonan.DIBERIKAN_SELURUHNYA,
        "Terlampir.",
        dokumen=[("DPA Dinas PUPR 2026", pdf("scan0001.pdf"))],
    )
    dokumen = permohonan.dokumen.get()
    client.force_login(editor)

    admin = client.get(
        reverse("permohonan_informasi:dokumen", args=[permohonan.pk, dokumen.pk])
    )
    secret = client.get(
        page.url + page.reverse_subpage("secret_page", args=[permohonan.token_rahasia]),
        {"dokumen": dokumen.pk},
    )

    assert disposition_name(admin) == "DPA Dinas PUPR 2026.pdf"
    assert disposition_name(secret) == "DPA Dinas PUPR 2026.pdf"


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("C:\\Users\\siti\\Desktop\\foto jalan.jpg", "foto jalan.jpg"),
        ("../../etc/passwd", "passwd"),
        ("surat\u202egpj.exe", "suratgpj.exe"),
        ("  laporan \t  akhir .pdf ", "laporan akhir .pdf"),
        ("\x00", ""),
        ("a" * 300 + ".pdf", "a" * 196 + ".pdf"),
    ],
)
def test_the_kept_name_has_no_folders_or_control_characters(sent, kept):
    assert original_file_name(sent) == kept


@pytest.mark.parametrize(
    ("name", "content_type", "downloaded"),
    [
        ("foto.JPEG", "image/jpeg", "foto.JPEG"),
        ("surat.doc", "application/pdf", "surat.doc.pdf"),
        ("KTP pemohon", "image/png", "KTP pemohon.png"),
        ("", "application/pdf", "berkas.pdf"),
    ],
)
def test_a_download_name_ends_in_the_extension_of_what_the_file_is(
    name, content_type, downloaded
):
    assert download_name(name, content_type) == downloaded
