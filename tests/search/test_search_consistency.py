"""/cari/ tells one story: the count, the list and the message agree; a typo gets a
"Mungkin maksud Anda" suggestion; a word's beginning finds it; results carry human
labels, never a model's name."""

from html import unescape

import pytest
from django.urls import reverse

from layanan.models import EKecamatanIndexPage
from tests.factories import StandardPageFactory
from tests.home.factories import BeritaIndexPageFactory, BeritaPageFactory
from tests.layanan.factories import StandarLayananFactory
from tests.pasar.factories import PasarIndexPageFactory, ProdukPageFactory
from tests.ppid.factories import InformasiPublikPageFactory

pytestmark = pytest.mark.django_db

NOTHING_FOUND = "Tidak ada hasil yang cocok"


@pytest.fixture
def ekecamatan_page(home_page):
    page = EKecamatanIndexPage(title="e-kecamatan", slug="e-kecamatan")
    home_page.add_child(instance=page)
    return page


def search(client, query, **params):
    response = client.get(reverse("search"), {"q": query, **params})
    return response, unescape(response.content.decode())


def listed(response):
    return [
        getattr(result, "title", None) or result.nama
        for result in response.context["search_results"]
    ]


def test_a_matching_service_is_counted_listed_and_not_called_missing(
    client, ekecamatan_page
):
    StandarLayananFactory(nama="Surat Keterangan Domisili", slug="skd")

    response, html = search(client, "surat keterangan domisili")

    assert "1 hasil untuk “surat keterangan domisili”" in html
    assert listed(response) == ["Surat Keterangan Domisili"]
    assert NOTHING_FOUND not in html
    assert "0 hasil" not in html


def test_the_count_is_the_sum_of_the_kinds_and_of_the_pages_listed(
    client, ekecamatan_page, home_page
):
    for number in range(11):
        StandardPageFactory(parent=home_page, title=f"Jadwal posyandu {number}")
    StandarLayananFactory(nama="Surat keterangan posyandu", slug="posyandu")

    first, html = search(client, "posyandu")
    second, _ = search(client, "posyandu", page=2)

    facets = {facet["key"]: facet["count"] for facet in first.context["facets"]}
    assert facets == {"layanan": 1, "halaman": 11}
    assert "12 hasil untuk “posyandu”" in html
    assert listed(first)[0] == "Surat keterangan posyandu"
    assert len(listed(first)) + len(listed(second)) == 12
    assert set(listed(first)).isdisjoint(listed(second))


def test_nothing_found_says_zero_and_nothing_else(client, home_page):
    response, html = search(client, "zzqxyk")

    assert "0 hasil untuk “zzqxyk”" in html
    assert NOTHING_FOUND in html
    assert listed(response) == []
    assert "Mungkin maksud Anda" not in html


def test_a_narrowed_kind_counts_only_that_kind(client, ekecamatan_page, home_page):
    StandardPageFactory(parent=home_page, title="Syarat domisili")
    StandarLayananFactory(nama="Surat Keterangan Domisili", slug="skd")

    response, html = search(client, "domisili", jenis="halaman")

    assert listed(response) == ["Syarat domisili"]
    assert "1 hasil untuk “domisili”" in html


def test_a_typo_suggests_the_word_the_site_uses(client, home_page):
    StandardPageFactory(parent=home_page, title="Peringatan banjir di Stabat")

    response, html = search(client, "bajir")

    assert response.context["suggestion"] == "banjir"
    assert 'Mungkin maksud Anda: <a href="?q=banjir">banjir</a>?' in html
    followed, _ = search(client, "banjir")
    assert listed(followed) == ["Peringatan banjir di Stabat"]


def test_a_typo_among_right_words_is_corrected_alone(client, home_page):
    StandardPageFactory(parent=home_page, title="Peringatan banjir di Stabat")

    response, _ = search(client, "peringatan bajir")

    assert response.context["suggestion"] == "peringatan banjir"


def test_the_beginning_of_a_word_finds_it(client, home_page):
    StandardPageFactory(parent=home_page, title="Peringatan banjir di Stabat")

    response, html = search(client, "banj")

    assert listed(response) == ["Peringatan banjir di Stabat"]
    assert "1 hasil untuk “banj”" in html
    assert "diawali “banj”" in html


def test_results_carry_human_labels(client, ekecamatan_page, home_page):
    dip = InformasiPublikPageFactory(
        parent=home_page, title="Data curah hujan", nomor="DIP-7"
    )
    berita = BeritaIndexPageFactory(parent=home_page)
    BeritaPageFactory(parent=berita, title="Musim hujan tiba")
    StandardPageFactory(parent=home_page, title="Siaga hujan")
    ProdukPageFactory(
        parent=PasarIndexPageFactory(parent=home_page), title="Payung hujan"
    )
    StandarLayananFactory(nama="Surat keterangan hujan", slug="hujan")

    response, html = search(client, "hujan")

    labels = {
        getattr(result, "title", None) or result.nama: str(result.kind_label)
        for result in response.context["search_results"]
    }
    assert labels == {
        dip.title: "Informasi Publik",
        "Musim hujan tiba": "Berita",
        "Siaga hujan": "Halaman",
        "Payung hujan": "Produk UMKM",
        "Surat keterangan hujan": "Layanan",
    }
    assert "Halaman Standar" not in html
    assert "HALAMAN STANDAR" not in html


def test_search_keeps_a_constant_number_of_queries_with_every_kind(
    client, ekecamatan_page, home_page, django_assert_max_num_queries
):
    def add(start, stop):
        for number in range(start, stop):
            StandardPageFactory(parent=home_page, title=f"Jadwal posyandu {number}")
            StandarLayananFactory(nama=f"Layanan posyandu {number}", slug=f"p{number}")

    add(0, 2)
    with django_assert_max_num_queries(40) as few:
        search(client, "posyandu")
    with django_assert_max_num_queries(40) as few_typo:
        search(client, "posyandi")
    add(2, 15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        search(client, "posyandu")
    with django_assert_max_num_queries(len(few_typo.captured_queries)):
        search(client, "posyandi")
