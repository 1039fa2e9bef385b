"""The checked file fields: one file or several, each judged by its content."""

from io import BytesIO

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict
from PIL import Image
from pypdf import PdfWriter

from portal.forms import CheckedFileField, MultipleCheckedFileField
from portal.uploads import MAX_UPLOAD_BYTES


def png(name="foto.png"):
    output = BytesIO()
    Image.new("RGB", (12, 8), "red").save(output, format="PNG")
    return SimpleUploadedFile(name, output.getvalue(), "image/png")


def pdf(name="surat.pdf"):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    output = BytesIO()
    writer.write(output)
    return SimpleUploadedFile(name, output.getvalue(), "application/pdf")


def text_named_jpeg(name="foto.jpg"):
    return SimpleUploadedFile(name, b"ini hanya teks biasa", "image/jpeg")


class AttachmentsForm(forms.Form):
    lampiran = MultipleCheckedFileField(
        label="Lampiran",
        required=False,
        max_files=3,
        error_messages={"too_many": "Paling banyak %(max)s lampiran."},
    )


def bind(*files):
    return AttachmentsForm({}, MultiValueDict({"lampiran": list(files)}))


def test_a_good_set_is_cleaned_into_uploads_with_their_types_and_names():
    form = bind(png("rumah.png"), pdf("surat.pdf"))
    assert form.is_valid(), form.errors
    uploads = form.cleaned_data["lampiran"]
    assert [upload.content_type for upload in uploads] == [
        "image/png",
        "application/pdf",
    ]
    assert [upload.original_name for upload in uploads] == ["rumah.png", "surat.pdf"]
    assert all(upload.size > 0 for upload in uploads)


def test_no_file_is_an_empty_list_when_optional():
    form = bind()
    assert form.is_valid()
    assert form.cleaned_data["lampiran"] == []


def test_no_file_is_refused_when_required():
    field = MultipleCheckedFileField(max_files=2)
    with pytest.raises(forms.ValidationError) as error:
        field.clean([])
    assert error.value.code == "required"
    assert error.value.messages == [str(field.error_messages["required"])]


def test_too_many_files_are_refused_with_the_given_message():
    form = bind(*(png(f"foto{n}.png") for n in range(4)))
    assert not form.is_valid()
    assert form.errors["lampiran"] == ["Paling banyak 3 lampiran."]


def test_too_many_files_have_a_default_message():
    field = MultipleCheckedFileField(max_files=1)
    with pytest.raises(forms.ValidationError) as error:
        field.clean([png(), pdf()])
    assert error.value.messages == ["Paling banyak 1 berkas."]


def test_a_file_whose_content_is_not_what_its_name_says_is_refused_by_name():
    form = bind(png(), text_named_jpeg("foto.jpg"))
    assert not form.is_valid()
    assert form.errors["lampiran"] == [
        "Berkas foto.jpg bukan JPEG, PNG, WebP atau PDF yang valid."
    ]


def test_every_refused_file_gets_its_own_message():
    oversized = SimpleUploadedFile(
        "besar.pdf", b"%PDF-" + b"0" * MAX_UPLOAD_BYTES, "application/pdf"
    )
    form = bind(text_named_jpeg("a.jpg"), oversized)
    assert not form.is_valid()
    errors = form.errors["lampiran"]
    assert len(errors) == 2
    assert "Berkas a.jpg bukan JPEG" in errors[0]
    assert "Berkas besar.pdf terlalu besar" in errors[1]


def test_the_widget_lets_the_browser_pick_several_files():
    html = str(AttachmentsForm()["lampiran"])
    assert 'type="file"' in html
    assert "multiple" in html


def test_the_single_field_cleans_one_file_or_none():
    field = CheckedFileField(required=False)
    assert field.clean(None) is None
    upload = field.clean(png("ktp.png"))
    assert upload.content_type == "image/png"
    assert upload.original_name == "ktp.png"


def test_the_single_field_may_accept_images_only():
    field = CheckedFileField(allow_pdf=False)
    with pytest.raises(forms.ValidationError) as error:
        field.clean(pdf())
    assert error.value.messages == ["Hanya gambar yang diterima di sini."]


def test_the_single_field_refuses_a_renamed_text_file():
    field = CheckedFileField()
    with pytest.raises(forms.ValidationError) as error:
        field.clean(text_named_jpeg("ktp.jpg"))
    assert error.value.messages == [
        "Berkas ktp.jpg bukan JPEG, PNG, WebP atau PDF yang valid."
    ]
