"""Kecamatan office pages and the page-tree rules of e-kecamatan."""

from http import HTTPStatus

import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from layanan.models import EKecamatanIndexPage, KantorKecamatanPage
from tests.layanan.factories import StandarLayananFactory, kecamatan


def only_in(slug, **fields):
    service = StandarLayananFactory(semua_kecamatan=False, **fields)
    service.kecamatan.set([kecamatan(slug)])
    service.save()  # a ParentalManyToManyField is written on save
    return service


@pytest.fixture
def office(ekecamatan_page):
    page = KantorKecamatanPage(
        title="Kantor Camat Babalan",
        slug="babalan",
        kecamatan=kecamatan("babalan"),
        alamat="Jl. Pelabuhan No. 1\nPangkalan Brandan",
        camat="Drs. Ahmad Syahputra",
        jam_layanan="Senin-Kamis 08.00-16.00 WIB\nJumat 08.00-16.30 WIB",
        telepon="(0620) 21234",
        email="kec.babalan@langkatkab.go.id",
        tautan_peta="https://www.openstreetmap.org/?mlat=4.03&mlon=98.28",
    )
    ekecamatan_page.add_child(instance=page)
    return page


@pytest.mark.django_db
def test_the_office_page_shows_contact_hours_and_map(client, office):
    response = client.get(office.url)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Jl. Pelabuhan No. 1<br>Pangkalan Brandan" in html
    assert "Drs. Ahmad Syahputra" in html
    assert "Jumat 08.00-16.30 WIB" in html
    assert 'href="tel:(0620)21234"' in html
    assert 'href="mailto:kec.babalan@langkatkab.go.id"' in html
    assert (
        '<a href="https://www.openstreetmap.org/?mlat=4.03&amp;mlon=98.28" '
        'target="_blank" rel="noopener noreferrer">' in html
    )
    assert "membuka situs peta di tab baru" in html


@pytest.mark.django_db
def test_the_office_page_lists_the_live_services_offered_there(
    client, ekecamatan_page, office
):
    everywhere = StandarLayananFactory(nama="Surat Keterangan Domisili")
    here = only_in("babalan", nama="Rekomendasi Izin Keramaian", biaya=15000)
    only_in("stabat", nama="Layanan Khusus Stabat")
    StandarLayananFactory(nama="Layanan Masih Draf", live=False)

    html = client.get(office.url).content.decode()

    assert "Layanan di Kecamatan Babalan" in html
    assert "Surat Keterangan Domisili" in html
    assert "Rekomendasi Izin Keramaian" in html
    assert "Rp15.000" in html and "Gratis" in html
    assert "Layanan Khusus Stabat" not in html
    assert "Layanan Masih Draf" not in html
    for service in (everywhere, here):
        detail = ekecamatan_page.url + ekecamatan_page.reverse_subpage(
            "service_detail", args=[service.slug]
        )
        assert f'href="{detail}?kecamatan=babalan"' in html
    # The link leads to a form with Babalan already chosen.
    detail_html = client.get(
        ekecamatan_page.url
        + ekecamatan_page.reverse_subpage("service_detail", args=[here.slug]),
        {"kecamatan": "babalan"},
    ).content.decode()
    form_url = ekecamatan_page.url + ekecamatan_page.reverse_subpage(
        "application_form", args=[here.slug]
    )
    assert f"{form_url}?kecamatan=babalan" in detail_html


@pytest.mark.django_db
def test_the_office_page_without_services_says_so(client, office):
    html = client.get(office.url).content.decode()
    assert "Belum ada layanan daring di kecamatan ini." in html


@pytest.mark.django_db
def test_only_one_e_kecamatan_page_may_exist(home_page):
    assert EKecamatanIndexPage.can_create_at(home_page)
    home_page.add_child(instance=EKecamatanIndexPage(title="e-kecamatan"))
    assert not EKecamatanIndexPage.can_create_at(home_page)


class TestPageTreeRules(WagtailPageTestCase):
    def test_the_index_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(EKecamatanIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, EKecamatanIndexPage)
        self.assertCanNotCreateAt(Page, EKecamatanIndexPage)

    def test_offices_live_only_under_the_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(KantorKecamatanPage, {EKecamatanIndexPage})
        self.assertAllowedSubpageTypes(EKecamatanIndexPage, {KantorKecamatanPage})
        self.assertAllowedSubpageTypes(KantorKecamatanPage, set())
        self.assertCanNotCreateAt(HomePage, KantorKecamatanPage)

    def test_the_pages_render(self):
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Beranda", slug="beranda-uji"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home},
        )
        index = home.add_child(
            instance=EKecamatanIndexPage(title="e-kecamatan", slug="e-kecamatan")
        )
        office = index.add_child(
            instance=KantorKecamatanPage(
                title="Kantor Camat Stabat",
                slug="stabat",
                kecamatan=kecamatan("stabat"),
                alamat="Jl. Proklamasi, Stabat",
                jam_layanan="Senin-Jumat",
            )
        )
        self.assertPageIsRoutable(index)
        self.assertPageIsRoutable(index, "lacak/")
        self.assertPageIsRenderable(index)
        self.assertPageIsRenderable(index, "lacak/")
        self.assertPageIsRenderable(office)
