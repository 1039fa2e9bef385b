"""Uploaded PDFs are judged by their structure: active content and passwords refused.
Photos come back upright, at most MAX_IMAGE_SIDE on a side, without any metadata."""

from http import HTTPStatus
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.actions import JavaScript, PageTrigger
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from pengaduan.models import Laporan
from portal import uploads
from portal.models import Desa
from portal.uploads import MAX_IMAGE_SIDE, MAX_PDF_PAGES, clean_upload
from tests.pengaduan.factories import KategoriLaporanFactory, create_elaga_page


def pdf_bytes(writer):
    output = BytesIO()
    writer.write(output)
    return output.getvalue()


def blank_pdf(pages=1):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    return writer


def upload(data, name="surat.pdf"):
    return SimpleUploadedFile(name, data, "application/pdf")


def with_open_action_javascript():
    writer = blank_pdf()
    writer.add_open_action(JavaScript("app.alert('halo');"))
    return pdf_bytes(writer)


def with_javascript_name_tree():
    writer = blank_pdf()
    script = writer._add_object(JavaScript("app.launchURL('https://example.org');"))
    names = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {NameObject("/Names"): ArrayObject([TextStringObject("mulai"), script])}
            )
        }
    )
    writer.root_object[NameObject("/Names")] = names
    return pdf_bytes(writer)


def with_page_additional_action():
    writer = blank_pdf()
    writer.pages[0].add_action(PageTrigger.OPEN, JavaScript("this.print();"))
    return pdf_bytes(writer)


def with_launch_action():
    writer = blank_pdf()
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("cmd.exe"),
        }
    )
    return pdf_bytes(writer)


def with_embedded_file():
    writer = blank_pdf()
    writer.add_attachment("program.exe", b"MZ\x90\x00 bukan dokumen")
    return pdf_bytes(writer)


def with_file_attachment_annotation():
    writer = blank_pdf()
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/FileAttachment"),
            NameObject("/Rect"): ArrayObject(
                [FloatObject(10), FloatObject(10), FloatObject(30), FloatObject(30)]
            ),
            NameObject("/Contents"): TextStringObject("lampiran"),
        }
    )
    writer.add_annotation(0, annotation)
    return pdf_bytes(writer)


def polyglot():
    """The file from issue 12: a PDF header, JavaScript on open, HTML and an EXE."""
    return (
        b"%PDF-1.4\n"
        b"1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
        b"4 0 obj << /S /JavaScript /JS (app.alert\\(1\\)) >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
        b"<html><script>alert(document.cookie)</script></html>\n"
        b"MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode.\n"
    )


def hex_escaped_polyglot():
    """The same JavaScript action with its names hex-escaped (``/J#61vaScript``)."""
    return polyglot().replace(
        b"/S /JavaScript /JS (app.alert\\(1\\))", b"/S /J#61vaScript /J#53 (x)"
    )


def encrypted():
    writer = blank_pdf()
    writer.encrypt(user_password="rahasia")
    return pdf_bytes(writer)


def owner_password_only(writer, algorithm="RC4-128"):
    """``writer`` encrypted as many scanned letters are: it opens without a
    password, only printing or copying is restricted."""
    writer.encrypt(user_password="", owner_password="x", algorithm=algorithm)
    return pdf_bytes(writer)


def with_open_action_javascript_owner_password_only():
    writer = blank_pdf()
    writer.add_open_action(JavaScript("app.alert('halo');"))
    return owner_password_only(writer)


def refusal(data, name="surat.pdf"):
    with pytest.raises(ValidationError) as error:
        clean_upload(upload(data, name))
    return error.value


def test_a_plain_multi_page_pdf_is_accepted_unchanged():
    data = pdf_bytes(blank_pdf(pages=3))
    cleaned = clean_upload(upload(data, "surat-keterangan.pdf"))
    assert cleaned.content_type == "application/pdf"
    assert cleaned.content.read() == data
    assert cleaned.size == len(data)
    assert cleaned.original_name == "surat-keterangan.pdf"


@pytest.mark.parametrize(
    ("build", "code", "words"),
    [
        (with_open_action_javascript, "pdf_script", "berisi JavaScript"),
        (with_javascript_name_tree, "pdf_script", "berisi JavaScript"),
        (with_page_additional_action, "pdf_script", "berisi JavaScript"),
        (polyglot, "pdf_script", "berisi JavaScript"),
        (hex_escaped_polyglot, "pdf_script", "berisi JavaScript"),
        (with_launch_action, "pdf_launch", "menjalankan program"),
        (with_embedded_file, "pdf_embedded", "berkas sisipan"),
        (with_file_attachment_annotation, "pdf_embedded", "berkas sisipan"),
    ],
)
def test_a_pdf_with_active_content_is_refused_naming_the_file(build, code, words):
    error = refusal(build(), name="bukti-pembayaran.pdf")
    assert error.code == code
    [message] = error.messages
    assert message.startswith("PDF bukti-pembayaran.pdf ")
    assert words in message
    assert "tidak diterima" in message


def test_a_pdf_that_needs_a_password_to_open_is_refused_naming_the_file():
    error = refusal(encrypted(), name="kk.pdf")
    assert error.code == "pdf_encrypted"
    assert error.messages == [
        "PDF kk.pdf hanya dapat dibuka dengan kata sandi. "
        "Kirim berkas PDF yang dapat dibuka tanpa kata sandi."
    ]


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_with_only_an_owner_password_is_accepted_unchanged(algorithm):
    data = owner_password_only(blank_pdf(pages=2), algorithm)
    assert b"/Encrypt" in data

    cleaned = clean_upload(upload(data, "surat-pindaian.pdf"))

    assert cleaned.content_type == "application/pdf"
    assert cleaned.content.read() == data
    assert cleaned.original_name == "surat-pindaian.pdf"


def test_an_aes_pdf_with_only_an_owner_password_and_javascript_is_refused():
    writer = blank_pdf()
    writer.add_open_action(JavaScript("app.alert('halo');"))
    assert refusal(owner_password_only(writer, "AES-256")).code == "pdf_script"


def test_a_pdf_with_only_an_owner_password_and_javascript_is_refused():
    error = refusal(
        with_open_action_javascript_owner_password_only(), name="surat-pindaian.pdf"
    )
    assert error.code == "pdf_script"
    assert error.messages[0].startswith("PDF surat-pindaian.pdf berisi JavaScript")


def test_the_structure_walk_itself_checks_the_decrypted_document(monkeypatch):
    # Without the first look at the raw bytes, the walk of the decrypted objects
    # still finds the script (as it must where names hide in encrypted streams).
    monkeypatch.setattr(uploads, "_active_name_in_bytes", lambda data: None)
    error = refusal(with_open_action_javascript_owner_password_only())
    assert error.code == "pdf_script"
    writer = blank_pdf()
    writer.add_attachment("program.exe", b"MZ\x90\x00 bukan dokumen")
    assert refusal(owner_password_only(writer)).code == "pdf_embedded"
    assert clean_upload(upload(owner_password_only(blank_pdf())))


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%%EOF\n",
        b"%PDF-1.7\n" + b"\x00" * 2000,
        b"%PDF-1.4\n<html><script>alert(1)</script></html>\nMZ\x90\x00",
    ],
    ids=["header-only", "zeros", "html-and-exe"],
)
def test_a_file_that_only_starts_like_a_pdf_is_refused(data):
    error = refusal(data, name="surat.pdf")
    assert error.code == "type"
    assert error.messages == ["Berkas surat.pdf bukan PDF yang valid."]


def test_a_pdf_with_too_many_pages_is_refused():
    error = refusal(pdf_bytes(blank_pdf(pages=MAX_PDF_PAGES + 1)), name="buku.pdf")
    assert error.code == "too_large"
    assert error.messages == [
        f"PDF buku.pdf terlalu banyak halamannya ({MAX_PDF_PAGES + 1}); "
        f"paling banyak {MAX_PDF_PAGES} halaman."
    ]


def test_the_size_limit_still_comes_first():
    error = refusal(b"%PDF-" + b"0" * (5 * 1024 * 1024), name="besar.pdf")
    assert error.code == "too_large"
    assert "terlalu besar" in error.messages[0]


def test_pdfs_are_still_refused_where_only_images_are_accepted():
    with pytest.raises(ValidationError) as error:
        clean_upload(upload(pdf_bytes(blank_pdf())), allow_pdf=False)
    assert error.value.messages == ["Hanya gambar yang diterima di sini."]


# ---------- Photos ----------

ROTATED_CLOCKWISE = 6  # EXIF orientation: shown turned 90° clockwise


def camera_photo(width, height):
    """A JPEG as a phone stores a portrait photo: sideways (left half red, right
    half blue) with an orientation tag, the GPS position and the camera's name."""
    image = Image.new("RGB", (width, height), "blue")
    image.paste("red", (0, 0, width // 2, height))
    exif = Image.Exif()
    exif[0x0112] = ROTATED_CLOCKWISE
    exif[0x010F] = "KameraPelapor"
    exif[0x8825] = {1: "N", 2: (3.0, 50.0, 0.0), 3: "E", 4: (98.0, 30.0, 0.0)}
    output = BytesIO()
    image.save(output, format="JPEG", quality=90, exif=exif)
    return output.getvalue()


@pytest.mark.parametrize(
    ("stored", "upright"),
    [
        # Large enough on both sides to be decoded at half scale first.
        ((6000, 5200), (round(5200 * MAX_IMAGE_SIDE / 6000), MAX_IMAGE_SIDE)),
        # A 12-megapixel phone photo, decoded at full scale.
        ((4000, 3000), (round(3000 * MAX_IMAGE_SIDE / 4000), MAX_IMAGE_SIDE)),
        ((800, 600), (600, 800)),
    ],
)
def test_a_photo_is_kept_upright_within_the_size_limit_without_metadata(
    stored, upright
):
    cleaned = clean_upload(upload(camera_photo(*stored), name="foto.jpg"))
    assert cleaned.content_type == "image/jpeg"
    with Image.open(BytesIO(cleaned.content.read())) as photo:
        assert photo.format == "JPEG"
        width, height = photo.size
        assert abs(width - upright[0]) <= 1
        assert height == upright[1]
        assert not photo.getexif(), "no GPS, camera or orientation tag is kept"
        assert "exif" not in photo.info
        # Turned as the phone showed it: the left half of the sensor is on top.
        red, blue = (
            photo.getpixel((width // 2, 10)),
            photo.getpixel((width // 2, height - 10)),
        )
    assert red[0] > 200 > red[2]
    assert blue[2] > 200 > blue[0]


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_are_also_kept_upright_without_metadata(image_format):
    sideways = Image.open(BytesIO(camera_photo(300, 200)))
    original = BytesIO()
    sideways.save(original, format=image_format, exif=sideways.getexif())
    assert Image.open(BytesIO(original.getvalue())).getexif()[0x010F]
    cleaned = clean_upload(upload(original.getvalue(), name="layar"))
    with Image.open(BytesIO(cleaned.content.read())) as picture:
        assert picture.format == image_format
        assert picture.size == (200, 300)
        assert not picture.getexif()
        assert "exif" not in picture.info


# ---------- Through the e-laga submission form ----------


@pytest.fixture
def elaga(home_page):
    return create_elaga_page(home_page)


@pytest.fixture
def form_data(db):
    kategori = KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")
    desa = Desa.objects.get(nama="Brandan Barat")
    return {
        "jenis": "pengaduan",
        "kategori": kategori.slug,
        "judul": "Jalan berlubang di depan SD",
        "isi": "Lubang besar membahayakan anak sekolah.",
        "kecamatan": "babalan",
        "desa": str(desa.pk),
        "nama_pelapor": "Siti Rahmawati",
        "email": "siti@example.com",
        "telepon": "0812-3456-7890",
        "nik": "1205015203850002",
        "setuju": "on",
    }


def stored_private_files():
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return (
        {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()
    )


def submission_url(elaga):
    return elaga.url + elaga.reverse_subpage("submission_form")


def test_a_refused_pdf_on_the_elaga_form_stores_no_report_and_no_file(
    client, elaga, form_data
):
    before = stored_private_files()
    response = client.post(
        submission_url(elaga),
        {**form_data, "lampiran": [upload(polyglot(), "bukti.pdf")]},
    )
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "PDF bukti.pdf berisi JavaScript dan tidak diterima." in html
    assert not Laporan.objects.exists()
    assert stored_private_files() == before


def test_a_plain_pdf_on_the_elaga_form_is_stored_privately(client, elaga, form_data):
    before = stored_private_files()
    response = client.post(
        submission_url(elaga),
        {**form_data, "lampiran": [upload(pdf_bytes(blank_pdf(2)), "bukti.pdf")]},
    )
    assert response.status_code == HTTPStatus.FOUND
    attachment = Laporan.objects.get().lampiran.get()
    assert attachment.content_type == "application/pdf"
    assert len(stored_private_files() - before) == 1
