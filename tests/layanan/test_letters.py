"""Letters issued on completion: placeholders, numbers, the PDF, revocation."""

import datetime
import hashlib
import threading
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from freezegun import freeze_time
from wagtail.log_actions import registry as log_registry

from layanan import letters, services
from layanan.choices import JenisHasil, StatusPermohonan
from layanan.letter_placeholders import fill, format_number, unknown_placeholders
from layanan.models import KantorKecamatanPage, PenghitungNomorSurat, SuratHasil
from portal.models import Kecamatan
from tests.layanan.factories import (
    PermohonanFactory,
    StandarLayananFactory,
    TemplateSuratFactory,
    kecamatan,
    kecamatan_officer,
)
from tests.layanan.pdf_reading import pdf_text, qr_texts

pytestmark = pytest.mark.django_db

S = StatusPermohonan

ANSWERS = [
    {"kunci": "a", "label": "Keperluan", "jenis": "teks", "nilai": "Melamar kerja"},
    {"kunci": "b", "label": "Status rumah", "jenis": "pilihan", "nilai": "Sewa"},
]


@pytest.fixture
def officer():
    return kecamatan_officer("babalan")


@pytest.fixture
def template():
    return TemplateSuratFactory(standar=StandarLayananFactory())


def processing(template, **kwargs):
    return PermohonanFactory(
        layanan=template.standar,
        status=S.DIPROSES,
        diverifikasi_pada=datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC),
        jawaban=ANSWERS,
        **kwargs,
    )


def audit_log(permohonan, action):
    log_model = log_registry.get_log_model_for_instance(permohonan)
    return log_model.objects.for_instance(permohonan).filter(action=action)


def read(surat):
    with surat.berkas.open("rb") as handle:
        return handle.read()


# Placeholders --------------------------------------------------------------------


def test_placeholders_are_replaced_by_escaped_values_never_executed():
    html = "<p>{{ nama_pemohon }} / {{nama_pemohon}} / {{ nama_pemohon.upper }}</p>"
    filled = fill(html, {"nama_pemohon": "<b>Rina</b> & {{ camat }}"})
    # The value is text: its markup is escaped and its braces stay as typed.
    assert filled == (
        "<p>&lt;b&gt;Rina&lt;/b&gt; &amp; {{ camat }} / "
        "&lt;b&gt;Rina&lt;/b&gt; &amp; {{ camat }} / {{ nama_pemohon.upper }}</p>"
    )


def test_unknown_placeholders_are_named():
    known = {"nama_pemohon": "", "keperluan": ""}
    text = "{{ nama_pemohon }} {{ keperluan }} {{ nama_ibu }} {% load x %} {{ a.b }}"
    assert unknown_placeholders(text, known) == ["nama_ibu", "a.b"]


def test_a_number_pattern_fills_only_its_own_placeholders():
    values = {"nomor": 7, "kode_kecamatan": "BBL", "tahun": 2026}
    assert format_number("470/{nomor}/{kode_kecamatan}/{tahun}", values) == (
        "470/7/BBL/2026"
    )
    assert format_number("{nomor.__class__}/{x}", values) == "{nomor.__class__}/{x}"


# Numbers -------------------------------------------------------------------------


def test_numbers_run_per_kecamatan_and_year():
    babalan, stabat = kecamatan("babalan"), kecamatan("stabat")
    assert [letters.take_number(babalan, 2026) for _ in range(3)] == [1, 2, 3]
    assert letters.take_number(stabat, 2026) == 1
    assert letters.take_number(babalan, 2027) == 1
    assert PenghitungNomorSurat.objects.get(kecamatan=babalan, tahun=2026).terakhir == 3


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets one writer in at a time by itself (its shared-cache test "
    "database refuses the others); the row lock matters on PostgreSQL, where CI "
    "runs this test.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_officers_never_share_a_number():
    """Eight threads, each on its own database connection, take numbers at once."""
    babalan = Kecamatan.objects.get(slug="babalan")
    numbers, errors = [], []
    start = threading.Barrier(8)

    def take():
        try:
            start.wait()
            for _ in range(5):
                numbers.append(letters.take_number(babalan, 2026))
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == list(range(1, 41))


# Issuing -------------------------------------------------------------------------


def test_completing_with_a_letter_issues_a_numbered_verifiable_pdf(officer, template):
    KantorKecamatanPage.objects.filter(kecamatan__slug="babalan").delete()
    permohonan = processing(template)
    with freeze_time("2026-03-05 10:00:00+07:00"):
        services.complete(
            permohonan, officer, "Surat sudah terbit.", letter_template=template
        )
    permohonan.refresh_from_db()
    assert permohonan.status == S.SELESAI
    assert permohonan.jenis_hasil == JenisHasil.SURAT
    surat = permohonan.surat.get()
    assert surat.nomor_surat == "470/1/BABALAN/2026"
    data = read(surat)
    assert data.startswith(b"%PDF")
    assert surat.sha256 == hashlib.sha256(data).hexdigest()
    text = " ".join(pdf_text(data).split())
    for expected in (
        "KABUPATEN LANGKAT",
        "KECAMATAN BABALAN",
        "Nomor: 470/1/BABALAN/2026",
        "Rina Sembiring",
        "Melamar kerja",
        "Status rumah: Sewa",
        "5 Maret 2026",
        permohonan.kode_lacak,
        surat.kode_verifikasi,
        "Halaman 1 dari 1",
    ):
        assert expected in text
    assert qr_texts(data) == [f"http://testserver/verifikasi/{surat.kode_verifikasi}/"]
    entry = audit_log(permohonan, "layanan.letter_issued").get()
    assert entry.data["nomor"] == "470/1/BABALAN/2026"
    assert entry.message == (
        f"Surat diterbitkan: 470/1/BABALAN/2026 (kode {surat.kode_verifikasi})"
    )


def test_the_letterhead_and_number_come_from_the_kecamatan_office(
    officer, template, ekecamatan_page
):
    ekecamatan_page.add_child(
        instance=KantorKecamatanPage(
            title="Kantor Camat Babalan",
            kecamatan=kecamatan("babalan"),
            alamat="Jl. Pelabuhan No. 1, Pangkalan Brandan",
            camat="Drs. Ahmad Syukri",
            nip_camat="19700101 199803 1 001",
            kode_surat="KEC.BBL",
            jam_layanan="Senin-Jumat",
        )
    )
    template.pola_nomor = "{nomor}/{kode_kecamatan}/{bulan_romawi}/{tahun}"
    template.save()
    permohonan = processing(template)
    with freeze_time("2026-11-05 10:00:00+07:00"):
        surat = services.issue_letter(permohonan, template, officer)
    text = " ".join(pdf_text(read(surat)).split())
    assert surat.nomor_surat == "1/KEC.BBL/XI/2026"
    assert "Jl. Pelabuhan No. 1, Pangkalan Brandan" in text
    assert "Drs. Ahmad Syukri" in text
    assert "NIP. 19700101 199803 1 001" in text


def test_a_template_of_another_service_is_refused(officer, template):
    other = TemplateSuratFactory(standar=StandarLayananFactory())
    permohonan = processing(template)
    with pytest.raises(ValidationError):
        services.complete(permohonan, officer, "Selesai.", letter_template=other)
    permohonan.refresh_from_db()
    assert permohonan.status == S.DIPROSES
    assert not SuratHasil.objects.exists()


def test_completing_without_a_result_is_refused(officer, template):
    permohonan = processing(template)
    with pytest.raises(ValidationError) as refused:
        services.complete(permohonan, officer, "Selesai.")
    assert "tidak dapat diselesaikan tanpa hasil" in str(refused.value)
    permohonan.refresh_from_db()
    assert permohonan.status == S.DIPROSES
    assert not permohonan.linimasa.exists()


def test_a_revoked_letter_is_replaced_by_a_new_number_never_edited(officer, template):
    permohonan = processing(template)
    services.complete(permohonan, officer, "Terbit.", letter_template=template)
    first = permohonan.surat.get()
    first_pdf = read(first)

    services.revoke_letter(permohonan, officer, "Nama pemohon salah ketik.")
    with pytest.raises(ValidationError):
        services.revoke_letter(permohonan, officer, "Lagi.")
    second = services.reissue_letter(permohonan, officer, template)

    first.refresh_from_db()
    assert first.is_revoked
    assert first.alasan_pencabutan == "Nama pemohon salah ketik."
    assert read(first) == first_pdf
    assert second.nomor_urut == first.nomor_urut + 1
    assert second.kode_verifikasi != first.kode_verifikasi
    assert permohonan.active_letter == second
    messages = list(permohonan.linimasa.values_list("message", flat=True))
    assert f"Surat nomor {first.nomor_surat} dicabut: Nama pemohon salah ketik." in (
        messages
    )
    revoked = audit_log(permohonan, "layanan.letter_revoked").get()
    assert revoked.message == (
        f"Surat {first.nomor_surat} dicabut: Nama pemohon salah ketik."
    )


# Admin ---------------------------------------------------------------------------


def act(client, permohonan, action, data):
    return client.post(
        reverse("permohonan_layanan:action", args=[permohonan.pk, action]), data
    )


def test_the_officer_previews_then_completes_with_a_letter(client, officer, template):
    client.force_login(officer)
    permohonan = processing(template)
    page = client.get(
        reverse("permohonan_layanan:action", args=[permohonan.pk, "selesaikan"])
    ).content.decode()
    preview_url = reverse(
        "permohonan_layanan:letter_preview", args=[permohonan.pk, template.pk]
    )
    assert preview_url in page

    preview = client.get(preview_url)
    assert preview.status_code == HTTPStatus.OK
    assert preview["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(preview.content).split())
    assert "PRATINJAU" in text
    assert "Melamar kerja" in text
    assert qr_texts(preview.content) == []
    assert not SuratHasil.objects.exists()

    # Without ticking that the preview was read, nothing happens.
    data = {
        "selesaikan-jenis_hasil": "surat",
        "selesaikan-template": str(template.pk),
        "selesaikan-catatan": "Surat terbit; unduh di tautan Anda.",
    }
    response = act(client, permohonan, "selesaikan", data)
    assert response.context["form"].errors["sudah_pratinjau"] == [
        "Periksa pratinjau surat dahulu, lalu centang pernyataan ini."
    ]
    response = act(
        client, permohonan, "selesaikan", {**data, "selesaikan-sudah_pratinjau": "on"}
    )
    assert response.status_code == HTTPStatus.FOUND
    permohonan.refresh_from_db()
    assert permohonan.status == S.SELESAI
    surat = permohonan.surat.get()
    detail = client.get(
        reverse("permohonan_layanan:inspect", args=[permohonan.pk])
    ).content.decode()
    assert surat.nomor_surat in detail
    assert reverse("permohonan_layanan:surat", args=[permohonan.pk, surat.pk]) in (
        detail
    )

    response = act(client, permohonan, "cabut-surat", {"cabut-surat-alasan": "  "})
    assert response.context["form"].errors["alasan"] == [
        "Alasan pencabutan wajib diisi."
    ]
    act(client, permohonan, "cabut-surat", {"cabut-surat-alasan": "Salah tanggal."})
    act(
        client,
        permohonan,
        "terbitkan-ulang",
        {
            "terbitkan-ulang-template": str(template.pk),
            "terbitkan-ulang-sudah_pratinjau": "on",
        },
    )
    assert (
        list(permohonan.surat.order_by("pk").values_list("nomor_urut", "dicabut_pada"))[
            1
        ][1]
        is None
    )
    assert permohonan.surat.filter(dicabut_pada__isnull=False).count() == 1


def test_a_service_without_templates_cannot_complete_with_a_letter(client, officer):
    client.force_login(officer)
    permohonan = PermohonanFactory(status=S.DIPROSES)
    response = act(
        client,
        permohonan,
        "selesaikan",
        {
            "selesaikan-jenis_hasil": "surat",
            "selesaikan-sudah_pratinjau": "on",
            "selesaikan-catatan": "Terbit.",
        },
    )
    assert (
        "belum memiliki templat surat"
        in (response.context["form"].errors["template"][0])
    )


def test_officers_of_another_kecamatan_cannot_preview_or_download(client, template):
    permohonan = processing(template)
    client.force_login(kecamatan_officer("stabat"))
    preview_url = reverse(
        "permohonan_layanan:letter_preview", args=[permohonan.pk, template.pk]
    )
    assert client.get(preview_url).status_code == HTTPStatus.NOT_FOUND
