"""Every public form helps on a phone: the right keyboard for NIK, phone and email,
one kecamatan→desa picker, limits the browser can check before sending, no text cut
silently, and every problem of a submission shown at once."""

import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from layanan.models import EKecamatanIndexPage, StandarLayanan
from pengaduan.forms import LaporanForm
from portal.forms import DESA_OUTSIDE_KECAMATAN
from portal.models import Desa, Kecamatan
from portal.uploads import MAX_UPLOAD_BYTES
from tests.layanan.factories import StandarLayananFactory
from tests.pasar.factories import OwnerFactory
from tests.pengaduan.factories import KategoriLaporanFactory, create_elaga_page
from tests.ppid.factories import create_layanan_informasi_page

pytestmark = pytest.mark.django_db

DESA_OUTSIDE = str(DESA_OUTSIDE_KECAMATAN)


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


def tag(html, name, element="input|textarea|select"):
    """The opening tag of the form control named ``name``."""
    match = re.search(rf'<(?:{element})\b[^>]*\bname="{re.escape(name)}"[^>]*>', html)
    assert match, f"no control named {name}"
    return match.group()


def assert_nik(html, name):
    control = tag(html, name, "input")
    assert 'inputmode="numeric"' in control
    assert 'autocomplete="off"' in control
    assert "maxlength" not in control


def assert_phone(html, name):
    control = tag(html, name, "input")
    assert 'type="tel"' in control
    assert 'inputmode="tel"' in control
    assert 'autocomplete="tel"' in control


def assert_email(html, name):
    control = tag(html, name, "input")
    assert 'type="email"' in control
    assert 'autocomplete="email"' in control


def assert_desa_picker(html):
    assert "data-kecamatan-select" in tag(html, "kecamatan", "select")
    assert "data-desa-select" in tag(html, "desa", "select")
    assert '<optgroup label="Babalan">' in html
    brandan = Desa.objects.get(nama="Brandan Barat")
    assert re.search(
        rf'<option value="{brandan.pk}" data-kecamatan="babalan">Brandan Barat<', html
    )


def desa_elsewhere():
    """A desa that is not in Babalan."""
    return Desa.objects.exclude(kecamatan__slug="babalan").first()


# ---------- e-laga ----------


@pytest.fixture
def elaga_html(client, home_page):
    KategoriLaporanFactory(slug="jalan-rusak")
    page = create_elaga_page(home_page)
    response = client.get(url(page, "submission_form"))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_elaga_form_brings_up_the_right_keyboards(elaga_html):
    assert_nik(elaga_html, "nik")
    assert 'pattern="[0-9]{16}"' in tag(elaga_html, "nik")
    assert_phone(elaga_html, "telepon")
    assert_email(elaga_html, "email")


def test_elaga_description_counts_characters_instead_of_cutting(elaga_html):
    description = tag(elaga_html, "isi", "textarea")
    assert 'data-max-chars="4000"' in description
    assert "maxlength" not in description


def test_elaga_attachments_carry_their_limits_for_the_browser(elaga_html):
    attachments = tag(elaga_html, "lampiran", "input")
    assert f'data-max-bytes="{MAX_UPLOAD_BYTES}"' in attachments
    assert 'accept="image/jpeg,image/png,image/webp,application/pdf' in attachments


def test_elaga_uses_the_shared_desa_picker(elaga_html):
    assert_desa_picker(elaga_html)


def test_elaga_refuses_a_desa_outside_the_kecamatan():
    kategori = KategoriLaporanFactory()
    form = LaporanForm(
        {
            "jenis": "pengaduan",
            "kategori": kategori.slug,
            "judul": "Jalan rusak",
            "isi": "Lubang besar.",
            "kecamatan": "babalan",
            "desa": str(desa_elsewhere().pk),
            "nama_pelapor": "Siti",
            "telepon": "081234567890",
            "setuju": "on",
        }
    )
    assert not form.is_valid()
    assert form.errors["desa"] == [DESA_OUTSIDE]


def test_elaga_shows_every_problem_of_one_submission(client, home_page):
    page = create_elaga_page(home_page)
    response = client.post(
        url(page, "submission_form"),
        {
            "jenis": "pengaduan",
            "judul": "",
            "isi": "x" * 4001,
            "kecamatan": "babalan",
            "desa": str(desa_elsewhere().pk),
            "nik": "123",
            "setuju": "on",
        },
    )
    form = response.context["form"]
    assert {"kategori", "judul", "isi", "nik", "desa"} <= set(form.errors)
    assert "Isi email atau nomor telepon agar kami dapat mengabari Anda." in (
        form.non_field_errors()
    )


def test_elaga_form_sent_back_keeps_the_chosen_desa_selected(client, home_page):
    page = create_elaga_page(home_page)
    brandan = Desa.objects.get(nama="Brandan Barat")
    response = client.post(
        url(page, "submission_form"),
        {"jenis": "pengaduan", "kecamatan": "babalan", "desa": str(brandan.pk)},
    )
    html = response.content.decode()
    assert response.context["form"].errors
    assert_desa_picker(html.replace(" selected", ""))
    desa_select = re.search(r'<select name="desa".*?</select>', html, re.DOTALL)
    selected = re.findall(r"<option[^>]* selected[^>]*>([^<]*)<", desa_select.group())
    assert selected == ["Brandan Barat"]


# ---------- KIP ----------


@pytest.fixture
def kip_page(home_page):
    return create_layanan_informasi_page(home_page)


def test_kip_identity_number_brings_up_the_number_pad(client, kip_page):
    html = client.get(url(kip_page, "request_form")).content.decode()
    number = tag(html, "nomor_identitas", "input")
    assert 'inputmode="numeric"' in number
    assert 'inputmode="text"' not in number
    assert_phone(html, "telepon")
    assert_email(html, "email")
    assert "maxlength" not in tag(html, "informasi_diminta", "textarea")
    assert "data-max-chars" in tag(html, "informasi_diminta", "textarea")


def test_kip_request_shows_three_problems_after_one_submission(client, kip_page):
    response = client.post(
        url(kip_page, "request_form"),
        {
            "nama": "Budi Santoso",
            "alamat": "Jl. Proklamasi No. 5, Stabat",
            "jenis_identitas": "ktp",
            "nomor_identitas": "1205011203850000",
            "pekerjaan": "Wiraswasta",
            "telepon": "",
            "email": "",
            "informasi_diminta": "Salinan DPA Dinas PUPR 2026.",
            "tujuan": "Kajian anggaran.",
            "cara_memperoleh": "salinan",
            "cara_penyampaian": "",
        },
    )
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "NIK tidak valid" in html
    assert "Isi email atau nomor telepon agar kami dapat mengabari Anda." in html
    assert "Pilih cara mendapatkan salinan informasi." in html


# ---------- e-kecamatan ----------


@pytest.fixture
def application_html(client, home_page):
    ekecamatan_page = home_page.add_child(
        instance=EKecamatanIndexPage(title="e-kecamatan", slug="e-kecamatan")
    )
    made = StandarLayananFactory(slug="surat-keterangan-domisili")
    service = StandarLayanan.objects.get(pk=made.pk)
    response = client.get(url(ekecamatan_page, "application_form", service.slug))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_application_form_brings_up_the_right_keyboards(application_html):
    assert_nik(application_html, "nik")
    assert_phone(application_html, "telepon")
    assert_email(application_html, "email")
    number_fields = re.findall(r'<input type="number"[^>]*>', application_html)
    assert number_fields
    assert all('inputmode="numeric"' in field for field in number_fields)


def test_application_form_uses_the_shared_desa_picker(application_html):
    assert_desa_picker(application_html)


def test_application_uploads_carry_their_limits(application_html):
    uploads = re.findall(r'<input type="file"[^>]*>', application_html)
    assert uploads
    assert all(f'data-max-bytes="{MAX_UPLOAD_BYTES}"' in field for field in uploads)


# ---------- e-pasar ----------


@pytest.fixture
def owner_client(client):
    client.force_login(OwnerFactory())
    return client


def test_umkm_profile_uses_the_phone_keypad_and_the_desa_picker(owner_client):
    html = owner_client.get(reverse("pasar:profile_create")).content.decode()
    assert_phone(html, "whatsapp")
    assert 'inputmode="numeric"' in tag(html, "nib", "input")
    assert_desa_picker(html)
    assert 'accept="image/*"' in tag(html, "logo_baru", "input")
    assert f'data-max-bytes="{MAX_UPLOAD_BYTES}"' in tag(html, "logo_baru", "input")


def test_umkm_profile_refuses_a_desa_outside_the_kecamatan(owner_client):
    response = owner_client.post(
        reverse("pasar:profile_create"),
        {
            "nama_usaha": "Dodol Bu Siti",
            "kecamatan": "babalan",
            "desa": str(desa_elsewhere().pk),
            "alamat": "Jl. Pelabuhan No. 5",
            "whatsapp": "0812-3456-7890",
            "deskripsi": "Dodol durian sejak 2010.",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["desa"] == [DESA_OUTSIDE]


def test_signup_email_is_offered_from_autofill(client):
    html = client.get(reverse("pasar:signup")).content.decode()
    assert_email(html, "email")
    assert "Surel" not in html


def _normalised(html):
    return re.sub(r">\s+<", "><", str(html)).strip()


def test_options_select_writes_the_markup_of_djangos_select():
    """Options written in Python: chosen value, groups, escaping and attributes as
    Django's own select writes them."""
    from django import forms

    from portal.forms import OptionsSelect

    choices = [
        ("", "Semua"),
        ("Kota", [("1", "Stabat & <Baru>"), ("2", "Tanjung Pura")]),
        ("3", 'Pantai "Labu"'),
    ]
    attrs = {"id": "id_wilayah", "class": "pilihan", "required": True}
    for value in ("2", "3", "", None):
        ours = OptionsSelect(attrs, choices).render("wilayah", value)
        django = forms.Select(attrs, choices).render("wilayah", value)
        assert _normalised(ours) == _normalised(django)
    assert "Stabat &amp; &lt;Baru&gt;" in OptionsSelect(choices=choices).render("w", "")


def test_a_filter_sent_back_keeps_its_choice_selected(client, home_page):
    from tests.pasar.factories import PasarIndexPageFactory

    PasarIndexPageFactory(parent=home_page)

    html = client.get("/e-pasar/", {"kecamatan": "stabat"}).content.decode()

    select = re.search(r'<select name="kecamatan".*?</select>', html, re.S).group()
    chosen = re.findall(r"<option[^>]* selected[^>]*>([^<]*)<", select)
    assert chosen == ["Stabat"]
    assert len(re.findall(r"<option ", select)) == 1 + Kecamatan.objects.count()
