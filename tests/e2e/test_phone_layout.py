"""On a 360 px phone every public page and every form, empty and with errors, fits the
screen (nothing scrolls sideways) and passes axe; a form shows all its problems after
one submission, and a file that is too large is refused before anything is sent."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from layanan.models import EKecamatanIndexPage, StandarLayanan
from pengaduan.models import ELagaIndexPage
from pengaduan.views import published_reports
from ppid.models import LayananInformasiPage
from tests.e2e.conftest import (
    E2E_DB,
    FACTORY_PASSWORD,
    assert_no_serious_a11y_violations,
    assert_no_sideways_scroll,
)
from tests.layanan.factories import StandarLayananFactory
from tests.pasar.factories import PasarIndexPageFactory, UMKMFactory
from tests.pengaduan.factories import KategoriLaporanFactory, create_elaga_page
from tests.ppid.factories import (
    PengumumanIndexPageFactory,
    PengumumanPageFactory,
    PPIDPageFactory,
    create_layanan_informasi_page,
)

pytestmark = [pytest.mark.e2e, E2E_DB]

#: 11.7 MB: more than the 5 MB a citizen's file may have.
OVERSIZED_BYTES = 11_700_000


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def sitemap_paths(tab, base):
    """The paths of every page ``/sitemap.xml`` lists."""
    xml = tab.request.get(base + "/sitemap.xml").text()
    return [
        re.sub(r"^https?://[^/]+", "", loc)
        for loc in re.findall(r"<loc>([^<]+)</loc>", xml)
    ]


def demo_routes():
    """The public pages behind each app's routes, which the sitemap does not list."""
    elaga = ELagaIndexPage.objects.live().get()
    kip = LayananInformasiPage.objects.live().get()
    ekecamatan = EKecamatanIndexPage.objects.live().get()
    service = StandarLayanan.objects.live().first()
    report = published_reports().first()
    return [
        route(elaga, "track"),
        route(elaga, "published_list"),
        route(elaga, "published_detail", report.kode_lacak),
        route(elaga, "statistics"),
        route(kip, "track"),
        route(kip, "objection_form"),
        route(kip, "register"),
        route(kip, "yearly_report"),
        route(ekecamatan, "track"),
        route(ekecamatan, "ikm"),
        route(ekecamatan, "service_detail", service.slug),
        route(ekecamatan, "application_form", service.slug),
        "/cari/?q=banjir",
        "/akun/daftar/",
        "/akun/masuk/",
    ]


def assert_fits_and_passes_axe(tab):
    assert_no_sideways_scroll(tab)
    assert_no_serious_a11y_violations(tab)


def test_every_public_page_fits_a_phone_and_passes_axe(live_server, phone):
    call_command("load_demo_data", stdout=io.StringIO())
    paths = sitemap_paths(phone, live_server.url)
    assert len(paths) > 50
    for path in [*demo_routes(), *paths]:
        response = phone.goto(live_server.url + path)
        assert response.ok, path
        assert_fits_and_passes_axe(phone)


def submit(tab, name):
    tab.get_by_role("button", name=name, exact=True).click()
    expect(tab.locator("#ringkasan-kesalahan")).to_be_visible()


def check_form_states(tab, url, button, clear=()):
    """``url``'s form fits and passes axe empty and after a submission with errors
    (as it comes, after emptying the fields labelled ``clear``)."""
    tab.goto(url)
    assert_fits_and_passes_axe(tab)
    for label in clear:
        tab.get_by_label(label).fill("")
    submit(tab, button)
    assert_fits_and_passes_axe(tab)


@pytest.fixture
def forms_site(live_server, home_page):
    KategoriLaporanFactory(slug="jalan-rusak")
    ekecamatan = home_page.add_child(
        instance=EKecamatanIndexPage(title="e-kecamatan", slug="e-kecamatan")
    )
    service = StandarLayananFactory(slug="surat-keterangan-domisili")
    PasarIndexPageFactory(parent=home_page)
    return {
        "elaga": create_elaga_page(home_page),
        "kip": create_layanan_informasi_page(home_page),
        "ekecamatan": ekecamatan,
        "service": StandarLayanan.objects.get(pk=service.pk),
    }


def test_every_form_fits_a_phone_empty_and_with_errors(live_server, phone, forms_site):
    base = live_server.url
    elaga, kip = forms_site["elaga"], forms_site["kip"]
    ekecamatan, service = forms_site["ekecamatan"], forms_site["service"]
    check_form_states(phone, base + route(kip, "request_form"), "Kirim permohonan")
    check_form_states(
        phone,
        base + route(ekecamatan, "application_form", service.slug),
        "Kirim permohonan",
    )
    for tracked in (elaga, kip, ekecamatan):
        phone.goto(base + route(tracked, "track"))
        assert_fits_and_passes_axe(phone)
        phone.locator("main input[type=text]").fill("XX-tidak-ada")
        phone.get_by_role("button", name="Lacak", exact=True).click()
        phone.wait_for_load_state()
        assert_fits_and_passes_axe(phone)
    check_form_states(phone, base + "/akun/daftar/", "Daftar")
    check_form_states(phone, base + "/akun/masuk/", "Masuk")

    owner = UMKMFactory().pemilik
    phone.goto(base + "/akun/masuk/")
    phone.get_by_label("Email").fill(owner.email)
    phone.get_by_label("Kata sandi").fill(FACTORY_PASSWORD)
    phone.get_by_role("button", name="Masuk", exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    check_form_states(
        phone, base + "/akun/profil/", "Simpan profil", clear=["Nama usaha"]
    )
    check_form_states(
        phone, base + "/akun/produk/baru/", "Simpan dan kirim untuk ditinjau"
    )
    check_form_states(phone, base + route(elaga, "submission_form"), "Kirim laporan")


def test_kip_request_shows_three_problems_after_one_submission(
    live_server, phone, forms_site
):
    phone.goto(live_server.url + route(forms_site["kip"], "request_form"))
    phone.get_by_label("Nama lengkap").fill("Budi Santoso")
    phone.get_by_label("Alamat").fill("Jl. Proklamasi No. 5, Stabat")
    phone.get_by_label("Nomor identitas").fill("1205011203850000")
    phone.get_by_label("Pekerjaan").fill("Wiraswasta")
    phone.get_by_label("Rincian informasi yang dibutuhkan").fill("Salinan DPA 2026.")
    phone.get_by_label("Tujuan penggunaan informasi").fill("Kajian anggaran.")
    phone.get_by_label(re.compile("salinan", re.IGNORECASE)).first.check()
    phone.get_by_role("button", name="Kirim permohonan").click()

    summary = phone.locator("#ringkasan-kesalahan")
    expect(summary).to_contain_text("NIK tidak valid")
    expect(summary).to_contain_text("Isi email atau nomor telepon")
    expect(summary).to_contain_text("Pilih cara mendapatkan salinan informasi")
    assert_fits_and_passes_axe(phone)


def test_an_oversized_file_is_refused_before_anything_is_sent(
    live_server, phone, forms_site
):
    sent = []
    phone.on(
        "request",
        lambda request: sent.append(request.url) if request.method == "POST" else None,
    )
    phone.goto(live_server.url + route(forms_site["elaga"], "submission_form"))
    phone.set_input_files(
        "input[name=lampiran]",
        files=[
            {
                "name": "foto-jalan.jpg",
                "mimeType": "image/jpeg",
                "buffer": b"\xff\xd8\xff" + bytes(OVERSIZED_BYTES),
            }
        ],
    )
    message = phone.locator("#id_lampiran_file")
    expect(message).to_contain_text("foto-jalan.jpg terlalu besar")
    expect(message).to_contain_text("paling besar 5 MB")

    phone.get_by_role("button", name="Kirim laporan").click()
    expect(phone.locator("input[name=lampiran]")).to_be_focused()
    phone.wait_for_timeout(500)
    assert sent == []
    assert_fits_and_passes_axe(phone)


def test_the_serta_merta_banner_closes_and_stays_closed(live_server, phone, home_page):
    index = PengumumanIndexPageFactory(parent=PPIDPageFactory(parent=home_page))
    PengumumanPageFactory(parent=index, pesan="Waspada banjir di DAS Wampu.")
    phone.goto(live_server.url + "/")
    banner = phone.get_by_role("region", name="Pengumuman serta-merta")
    expect(banner).to_contain_text("Waspada banjir di DAS Wampu.")
    expect(phone.get_by_text("Waspada banjir di DAS Wampu.")).to_have_count(1)
    assert_fits_and_passes_axe(phone)

    banner.get_by_role("button", name="Tutup pengumuman").click()
    expect(banner).to_be_hidden()
    phone.reload()
    expect(phone.get_by_role("region", name="Pengumuman serta-merta")).to_be_hidden()
