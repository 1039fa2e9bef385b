"""The applicant's private link: fix and resubmit, result, survey; and public tracking."""

from http import HTTPStatus
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from layanan import services
from layanan.choices import UNSUR_IKM, StatusPermohonan
from layanan.forms import field_name, requirement_name
from layanan.models import Permohonan, StandarLayanan, SurveiIKM
from portal.uploads import clean_upload
from tests.factories import pdf_bytes
from tests.layanan.factories import (
    StandarLayananFactory,
    kecamatan,
    kecamatan_officer,
)

pytestmark = pytest.mark.django_db

PDF_BYTES = pdf_bytes()


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


def png(colour="white", name="foto.png"):
    buffer = BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="dokumen.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def blocks_by_label(service):
    found = {block.value["nama"]: block for block in service.unggahan_persyaratan}
    found.update({block.value["label"]: block for block in service.isian})
    return found


@pytest.fixture
def service():
    made = StandarLayananFactory(nama="Surat Keterangan Domisili")
    return StandarLayanan.objects.get(pk=made.pk)


@pytest.fixture
def officer():
    return kecamatan_officer("babalan")


@pytest.fixture
def permohonan(service, django_capture_on_commit_callbacks):
    """An application submitted through the service, with two files and answers."""
    blocks = blocks_by_label(service)
    new = Permohonan(
        layanan=service,
        kecamatan=kecamatan("babalan"),
        nama="Zulkarnaen Pemohonrahasia",
        nik="1205015203850077",
        telepon="089912340077",
        email="zulkarnaen.pemohon@contoh-pribadi.id",
        alamat="Gang Kenanga Nomor 77",
        jawaban=[
            {
                "kunci": blocks["Keperluan"].id,
                "label": "Keperluan",
                "jenis": "teks",
                "nilai": "Melamar pekerjaan di pabrik",
            },
            {
                "kunci": blocks["Jumlah anggota keluarga"].id,
                "label": "Jumlah anggota keluarga",
                "jenis": "angka",
                "nilai": 4,
            },
            {
                "kunci": blocks["Tanggal mulai tinggal"].id,
                "label": "Tanggal mulai tinggal",
                "jenis": "tanggal",
                "nilai": "2019-03-01",
            },
            {
                "kunci": blocks["Status rumah"].id,
                "label": "Status rumah",
                "jenis": "pilihan",
                "nilai": "Sewa",
            },
        ],
    )
    uploads = [
        (blocks["KTP pemohon"].id, "KTP pemohon", clean_upload(png("white"))),
        (blocks["Kartu Keluarga"].id, "Kartu Keluarga", clean_upload(pdf())),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        return services.submit_permohonan(new, uploads)


def needing_fix(permohonan, officer):
    services.request_fix(permohonan, officer, "Foto KTP buram, unggah ulang.")
    return permohonan


def completed(permohonan, officer, result=True):
    services.verify(permohonan, officer, "Berkas lengkap.")
    services.start_processing(permohonan, officer, "Surat sedang disiapkan.")
    services.complete(
        permohonan,
        officer,
        "Surat dapat diambil di kantor camat.",
        result=clean_upload(pdf("hasil.pdf")) if result else None,
        pickup=not result,
    )
    return permohonan


def private_headers_ok(response):
    cache_control = response["Cache-Control"]
    return (
        "private" in cache_control
        and "no-store" in cache_control
        and "public" not in cache_control
        and response["X-Robots-Tag"] == "noindex, nofollow"
    )


# ---------- The private page ----------


def test_the_private_page_shows_status_answers_and_file_names_privately(
    client, ekecamatan_page, permohonan
):
    response = client.get(url(ekecamatan_page, "secret_page", permohonan.token_rahasia))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert permohonan.kode_lacak in html
    assert "Surat Keterangan Domisili" in html
    assert "Diajukan" in html
    assert "Melamar pekerjaan di pabrik" in html and "Sewa" in html
    assert "KTP pemohon" in html and "Kartu Keluarga" in html
    assert "3 hari kerja, dihitung sejak berkas diverifikasi" in html
    # Names only: no link serves the applicant's own uploads.
    assert "/media/" not in html and "permohonan/" not in html
    assert private_headers_ok(response)
    assert response["Referrer-Policy"] == "strict-origin"
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_a_wrong_token_is_not_found_everywhere(client, ekecamatan_page, permohonan):
    for route in ("secret_page", "result_download", "survey", "confirmation"):
        response = client.get(url(ekecamatan_page, route, "salah-token"))
        assert response.status_code == HTTPStatus.NOT_FOUND, route


def test_the_deadline_shows_once_verified(client, ekecamatan_page, permohonan, officer):
    services.verify(permohonan, officer, "Berkas lengkap.")
    html = client.get(
        url(ekecamatan_page, "secret_page", permohonan.token_rahasia)
    ).content.decode()
    deadline = permohonan.batas_waktu
    assert f'datetime="{deadline:%Y-%m-%d}"' in html
    assert "Berkas lengkap." in html


# ---------- Fix and resubmit ----------


def test_a_fix_request_shows_the_note_and_a_prefilled_form(
    client, ekecamatan_page, permohonan, officer
):
    needing_fix(permohonan, officer)

    html = client.get(
        url(ekecamatan_page, "secret_page", permohonan.token_rahasia)
    ).content.decode()

    assert "Perlu perbaikan" in html
    assert "Foto KTP buram, unggah ulang." in html
    assert 'value="Melamar pekerjaan di pabrik"' in html
    assert 'value="2019-03-01"' in html
    assert '<option value="Sewa" selected>Sewa</option>' in html
    assert 'enctype="multipart/form-data"' in html
    assert 'accept="image/jpeg,image/png,image/webp,application/pdf' in html


def test_the_applicant_fixes_and_resubmits_replacing_only_the_given_file(
    client,
    ekecamatan_page,
    service,
    permohonan,
    officer,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    needing_fix(permohonan, officer)
    blocks = blocks_by_label(service)
    old_ktp = permohonan.berkas.get(label="KTP pemohon")
    old_kk = permohonan.berkas.get(label="Kartu Keluarga")
    mailoutbox.clear()
    secret = url(ekecamatan_page, "secret_page", permohonan.token_rahasia)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            secret,
            {
                field_name(blocks["Keperluan"]): "Melamar pekerjaan di kantor desa",
                field_name(blocks["Jumlah anggota keluarga"]): "5",
                field_name(blocks["Tanggal mulai tinggal"]): "2019-03-01",
                field_name(blocks["Status rumah"]): "Milik sendiri",
                requirement_name(blocks["KTP pemohon"]): png("black", "ktp.png"),
                "pesan": "KTP sudah saya foto ulang.",
            },
        )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == secret
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.DIAJUKAN
    answers = {row["label"]: row["nilai"] for row in permohonan.jawaban}
    assert answers["Keperluan"] == "Melamar pekerjaan di kantor desa"
    assert answers["Jumlah anggota keluarga"] == 5
    assert answers["Status rumah"] == "Milik sendiri"
    new_ktp = permohonan.berkas.get(label="KTP pemohon")
    assert new_ktp.pk != old_ktp.pk
    assert permohonan.berkas.filter(label="KTP pemohon").count() == 1
    assert permohonan.berkas.get(label="Kartu Keluarga").pk == old_kk.pk
    assert any(officer.email in mail.to for mail in mailoutbox)

    html = client.get(secret).content.decode()
    assert "Perbaikan Anda sudah terkirim" in html
    assert "KTP sudah saya foto ulang." in html
    assert "Kirim perbaikan" not in html


def test_an_invalid_fix_re_renders_with_errors_and_changes_nothing(
    client, ekecamatan_page, service, permohonan, officer
):
    needing_fix(permohonan, officer)
    blocks = blocks_by_label(service)
    fake = SimpleUploadedFile("ktp.png", b"bukan gambar", content_type="image/png")

    response = client.post(
        url(ekecamatan_page, "secret_page", permohonan.token_rahasia),
        {
            field_name(blocks["Keperluan"]): "",
            field_name(blocks["Jumlah anggota keluarga"]): "99",
            field_name(blocks["Status rumah"]): "Sewa",
            requirement_name(blocks["KTP pemohon"]): fake,
        },
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "harus diisi" in html
    assert "lebih kecil dari atau sama dengan 20" in html
    assert "bukan JPEG, PNG, WebP atau PDF yang valid" in html
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.PERLU_PERBAIKAN
    assert permohonan.jawaban[0]["nilai"] == "Melamar pekerjaan di pabrik"


def test_no_fix_can_be_posted_unless_one_was_requested(
    client, ekecamatan_page, service, permohonan
):
    blocks = blocks_by_label(service)
    response = client.post(
        url(ekecamatan_page, "secret_page", permohonan.token_rahasia),
        {field_name(blocks["Keperluan"]): "Diubah diam-diam"},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "tidak sedang menunggu perbaikan" in response.content.decode()
    permohonan.refresh_from_db()
    assert permohonan.jawaban[0]["nilai"] == "Melamar pekerjaan di pabrik"
    assert permohonan.linimasa.count() == 1


# ---------- Result and rejection ----------


def test_a_completed_application_offers_its_result_and_the_survey(
    client, ekecamatan_page, permohonan, officer
):
    completed(permohonan, officer)
    token = permohonan.token_rahasia

    html = client.get(url(ekecamatan_page, "secret_page", token)).content.decode()
    assert "Surat dapat diambil di kantor camat." in html
    assert url(ekecamatan_page, "result_download", token) in html
    assert url(ekecamatan_page, "survey", token) in html

    response = client.get(url(ekecamatan_page, "result_download", token))
    assert response.status_code == HTTPStatus.OK
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert permohonan.kode_lacak in response["Content-Disposition"]
    assert private_headers_ok(response)
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_result_is_served_only_when_completed_with_a_file(
    client, ekecamatan_page, permohonan, officer, service
):
    # Still in progress: a result file set early is not served.
    services.verify(permohonan, officer, "Berkas lengkap.")
    permohonan.hasil_berkas.save("hasil.pdf", pdf().file, save=True)
    response = client.get(
        url(ekecamatan_page, "result_download", permohonan.token_rahasia)
    )
    assert response.status_code == HTTPStatus.NOT_FOUND

    # Completed with a pick-up notice only: nothing to download.
    other = Permohonan.objects.create(
        layanan=service,
        kecamatan=kecamatan("babalan"),
        nama="Pemohon Lain",
        nik="1205015203850099",
        telepon="081200000099",
        alamat="Jl. Lain",
        waktu_hari_kerja=3,
    )
    completed(other, officer, result=False)
    token = other.token_rahasia
    assert (
        client.get(url(ekecamatan_page, "result_download", token)).status_code
        == HTTPStatus.NOT_FOUND
    )
    html = client.get(url(ekecamatan_page, "secret_page", token)).content.decode()
    assert "Unduh dokumen hasil" not in html


def test_a_rejected_application_shows_the_reason(
    client, ekecamatan_page, permohonan, officer
):
    services.reject(permohonan, officer, "Pemohon bukan warga Kecamatan Babalan.")
    html = client.get(
        url(ekecamatan_page, "secret_page", permohonan.token_rahasia)
    ).content.decode()
    assert "Permohonan ditolak" in html
    assert "Pemohon bukan warga Kecamatan Babalan." in html


# ---------- IKM survey ----------


def scores(value="4"):
    return {field: value for field, _label in UNSUR_IKM}


def test_the_survey_waits_until_the_application_is_completed(
    client, ekecamatan_page, permohonan
):
    survey = url(ekecamatan_page, "survey", permohonan.token_rahasia)
    response = client.get(survey)
    assert response.status_code == HTTPStatus.OK
    assert "Survei belum dapat diisi" in response.content.decode()

    response = client.post(survey, scores())
    assert response.status_code == HTTPStatus.OK
    assert not SurveiIKM.objects.exists()


def test_the_survey_form_has_nine_radio_groups_with_the_ikm_scale(
    client, ekecamatan_page, permohonan, officer
):
    completed(permohonan, officer)
    response = client.get(url(ekecamatan_page, "survey", permohonan.token_rahasia))

    html = response.content.decode()
    # Nine elements, plus the optional respondent profile in its own fieldset.
    assert html.count("<fieldset") == 10
    assert "Profil responden (tidak wajib)" in html
    assert html.count('type="radio"') == 36
    for _field, label in UNSUR_IKM:
        assert str(label) in html
    for label in ("Tidak baik", "Kurang baik", "Baik", "Sangat baik"):
        assert f">{label}</label>" in html
    assert private_headers_ok(response)
    assert response["Referrer-Policy"] == "strict-origin"


def test_the_survey_is_answered_once(client, ekecamatan_page, permohonan, officer):
    completed(permohonan, officer)
    survey = url(ekecamatan_page, "survey", permohonan.token_rahasia)

    response = client.post(
        survey, {**scores("3"), "u9": "2", "saran": "Ruang tunggu sempit."}
    )

    assert response.status_code == HTTPStatus.FOUND
    stored = SurveiIKM.objects.get()
    assert (stored.u1, stored.u9) == (3, 2)
    assert stored.saran == "Ruang tunggu sempit."
    assert stored.kecamatan.slug == "babalan"

    html = client.get(survey).content.decode()
    assert "Terima kasih, survei Anda sudah tercatat." in html
    assert "Survei sudah diisi" in html
    assert 'type="radio"' not in html

    again = client.post(survey, scores("1"))
    assert again.status_code == HTTPStatus.OK
    assert "Survei sudah diisi" in again.content.decode()
    assert SurveiIKM.objects.count() == 1
    assert SurveiIKM.objects.get().u1 == 3

    secret_html = client.get(
        url(ekecamatan_page, "secret_page", permohonan.token_rahasia)
    ).content.decode()
    assert survey not in secret_html


def test_an_incomplete_survey_re_renders_with_errors(
    client, ekecamatan_page, permohonan, officer
):
    completed(permohonan, officer)
    answers = scores()
    del answers["u5"]
    answers["u2"] = "7"

    response = client.post(
        url(ekecamatan_page, "survey", permohonan.token_rahasia), answers
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert "Pilih salah satu nilai." in html
    assert 'href="#id_u5' in html
    assert "pilihan yang valid" in html
    assert not SurveiIKM.objects.exists()


# ---------- Public tracking ----------


def test_tracking_shows_status_and_timeline_but_no_identity_files_or_link(
    client, ekecamatan_page, service, permohonan, officer
):
    needing_fix(permohonan, officer)
    services.resubmit(
        permohonan,
        permohonan.jawaban,
        message="Ini nomor HP saya 089912340077, hubungi saja.",
    )
    sloppy = permohonan.kode_lacak.lower().replace("-", " ")

    response = client.get(url(ekecamatan_page, "track"), {"kode": f" {sloppy} "})

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert permohonan.kode_lacak in html
    assert "Surat Keterangan Domisili" in html
    assert "Babalan" in html
    assert "Diajukan" in html and "Perlu perbaikan" in html
    assert "Pemohon mengirim perbaikan." in html
    for private in (
        "Zulkarnaen",
        "Pemohonrahasia",
        "1205015203850077",
        "089912340077",
        "zulkarnaen.pemohon@contoh-pribadi.id",
        "Gang Kenanga",
        "Melamar pekerjaan di pabrik",
        "KTP pemohon",
        permohonan.token_rahasia,
        officer.username,
    ):
        assert private not in html, private
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_an_unknown_code_gets_a_clear_message(client, ekecamatan_page):
    response = client.get(url(ekecamatan_page, "track"), {"kode": "KCM-ZZZZ-ZZZZ"})
    assert response.status_code == HTTPStatus.OK
    assert "Kode tidak ditemukan" in response.content.decode()
    response = client.get(url(ekecamatan_page, "track"), {"kode": "x" * 500})
    assert response.status_code == HTTPStatus.OK
    assert 'class="error-summary"' in response.content.decode()
