"""The public KIP pages: what each page shows, the DIP filters, news tags and feed,
the serta-merta banner, Open Graph tags, search facets and constant query counts."""

import datetime
import re
from http import HTTPStatus
from xml.etree import ElementTree

import pytest
import wagtail_factories
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from ppid.choices import KategoriInformasi, TingkatPengumuman
from ppid.models import InformasiPublikPage
from tests.factories import StandardPageFactory
from tests.home.factories import (
    BeritaIndexPageFactory,
    BeritaPageFactory,
    DokumenFactory,
)
from tests.ppid.factories import (
    InformasiPublikPageFactory,
    PengumumanIndexPageFactory,
    PengumumanPageFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
RFC_3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
)
DIP_COLUMNS = [
    "Nomor",
    "Judul/Ringkasan",
    "Pejabat/Unit Penguasa Informasi",
    "Penanggung Jawab",
    "Waktu dan Tempat Pembuatan",
    "Bentuk",
    "Jangka Waktu Penyimpanan",
    "Kategori",
    "Tahun",
]
BANNER = 'role="region" aria-label="Pengumuman serta-merta"'
NOINDEX = '<meta name="robots" content="noindex">'
HOUR = datetime.timedelta(hours=1)


def html(response):
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def main_content(content):
    """The part of a page inside <main> (no banner, header or footer)."""
    return content[content.index('<main id="konten-utama"') : content.index("</main>")]


def dip_numbers(content):
    """The DIP numbers of the rows the DIP table shows, in order."""
    return re.findall(
        r'class="dip-table__number"[^>]*>.*?</span>\s*([^<\s]+)\s*</th>',
        content,
        flags=re.DOTALL,
    )


@pytest.fixture
def news_index(home_page):
    return BeritaIndexPageFactory(parent=home_page)


@pytest.fixture
def announcement_index(ppid_page):
    return PengumumanIndexPageFactory(parent=ppid_page)


# ---------- Home page ----------


def test_home_page_shows_the_latest_news_and_announcements(
    client, home_page, news_index, announcement_index
):
    home_page.body = [
        *[(block.block_type, block.value) for block in home_page.body],
        ("latest_announcements", {"heading": "Pengumuman terkini", "count": 3}),
        ("latest_news", {"heading": "Berita terbaru", "count": 2}),
    ]
    home_page.save()
    now = timezone.now()
    # Four active announcements: the banner shows the three newest, the home
    # section the fourth, so none is shown twice.
    for hours, title in enumerate(["Siaga banjir", "Air mati", "Jalan ditutup"]):
        PengumumanPageFactory(
            parent=announcement_index, title=title, mulai=now - hours * HOUR
        )
    PengumumanPageFactory(
        parent=announcement_index, title="Pemadaman listrik", mulai=now - 5 * HOUR
    )
    for day in [1, 2, 3]:
        BeritaPageFactory(
            parent=news_index,
            title=f"Berita hari {day}",
            tanggal=datetime.date(2026, 5, day),
        )

    page = html(client.get("/"))
    content = main_content(page)

    assert "<h1" in content
    assert "Pengumuman terkini" in content
    assert "Pemadaman listrik" in content
    assert "Waspada:" in content
    for title in ["Siaga banjir", "Air mati", "Jalan ditutup"]:
        assert title not in content
        assert title in page[: page.index('class="site-header"')]
    assert content.index("Berita hari 3") < content.index("Berita hari 2")
    assert "Berita hari 1" not in content


# ---------- PPID page ----------


def test_ppid_page_shows_profile_service_standard_contacts_and_sections(
    client, ppid_page, dip_index
):
    ppid_page.maklumat_pelayanan = "<p>Kami sanggup melayani.</p>"
    ppid_page.prosedur = [
        ("langkah", {"judul": "Ajukan permohonan", "uraian": "Isi formulir."}),
        ("langkah", {"judul": "Terima jawaban", "uraian": ""}),
    ]
    ppid_page.jam_layanan = "Senin-Kamis 08.00-16.00\n\nJumat 08.00-16.30"
    ppid_page.email = "ppid@langkatkab.go.id"
    ppid_page.save()

    content = html(client.get(ppid_page.url))

    assert "PPID Kabupaten Langkat." in content
    assert "Kami sanggup melayani." in content
    assert '<ol class="procedure">' in content
    assert content.index("Ajukan permohonan") < content.index("Terima jawaban")
    assert "10 hari kerja" in content
    assert "Gratis" in content
    assert "<li>Jumat 08.00-16.30</li>" in content
    assert 'href="mailto:ppid@langkatkab.go.id"' in content
    assert f'href="{dip_index.url}"' in content


# ---------- Daftar Informasi Publik ----------


def test_dip_index_shows_every_item_in_a_captioned_table_with_the_dip_columns(
    client, dip_index, sample_dip
):
    content = html(client.get(dip_index.url))

    assert "<caption>" in content
    headings = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', content)
    assert headings == DIP_COLUMNS
    assert sorted(dip_numbers(content)) == ["DIP-1", "DIP-2", "DIP-3", "DIP-4", "DIP-5"]
    assert "5 informasi publik" in content
    assert 'class="table-wrapper"' in content
    assert NOINDEX not in content


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kategori": "serta_merta"}, ["DIP-3"]),
        ({"kategori": "dikecualikan"}, ["DIP-5"]),
        ({"opd": "dinkes"}, ["DIP-2"]),
        ({"tahun": "2025"}, ["DIP-2"]),
        ({"q": "banjir"}, ["DIP-3"]),
        ({"kategori": "berkala", "tahun": "2026"}, ["DIP-1"]),
    ],
)
def test_dip_filters_show_exactly_the_filtered_rows(
    client, dip_index, sample_dip, params, expected
):
    content = html(client.get(dip_index.url, params))

    assert dip_numbers(content) == expected
    assert NOINDEX in content


def test_downloads_and_pagination_keep_the_filters(client, dip_index):
    for number in range(27):
        InformasiPublikPageFactory(parent=dip_index, nomor=f"DIP-B{number:02d}")
    InformasiPublikPageFactory(
        parent=dip_index, kategori=KategoriInformasi.SETIAP_SAAT, nomor="DIP-S"
    )

    content = html(client.get(dip_index.url, {"kategori": "berkala"}))

    assert "27 informasi publik" in content
    assert len(dip_numbers(content)) == 25
    assert 'href="?kategori=berkala&amp;page=2"' in content
    assert f'href="{dip_index.url}unduh/csv/?kategori=berkala"' in content
    assert f'href="{dip_index.url}unduh/xlsx/?kategori=berkala"' in content
    second = html(client.get(dip_index.url, {"kategori": "berkala", "page": 2}))
    assert len(dip_numbers(second)) == 2


def test_an_invalid_filter_value_shows_an_indonesian_error_not_a_500(
    client, dip_index, sample_dip
):
    content = html(client.get(dip_index.url, {"kategori": "rahasia", "tahun": "x"}))

    assert "Masukkan pilihan yang valid" in content
    assert "Sebagian filter tidak valid" in content
    assert 'aria-invalid="true"' in content
    assert len(dip_numbers(content)) == len(sample_dip)


def test_a_filter_without_matches_shows_an_empty_state(client, dip_index, sample_dip):
    content = html(client.get(dip_index.url, {"q": "tidak-ada-yang-cocok"}))

    assert dip_numbers(content) == []
    assert "Tidak ada informasi yang cocok" in content
    assert "Atur ulang" in content


def test_information_page_shows_the_dip_columns_and_its_documents(client, sample_dip):
    apbd = sample_dip["apbd"]
    attachment = DokumenFactory(page=apbd, judul="Perda APBD 2026")

    content = html(client.get(apbd.url))

    assert "<h1>APBD 2026</h1>" in content
    for text in ["DIP-1", "Dinas Komunikasi dan Informatika", "Kepala Dinas"]:
        assert text in content
    assert "Maret 2026" in content
    assert "5 tahun" in content
    assert f'href="{attachment.document.url}"' in content
    assert "Perda APBD 2026" in content


def test_exempt_page_shows_its_pasal_17_basis_and_consequence_test_without_links(
    client, sample_dip
):
    bansos = sample_dip["bansos"]
    attachment = DokumenFactory(page=bansos, judul="Daftar penerima")

    content = html(client.get(bansos.url))

    assert "Pasal 17 huruf h: mengungkap rahasia pribadi" in content
    assert "Uji konsekuensi" in content
    assert "Mengungkap data pribadi penerima bantuan." in content
    assert attachment.document.url not in content
    assert attachment.document.file.name not in content
    assert "Daftar penerima" not in content


# ---------- News ----------


def test_news_index_lists_articles_newest_first_and_announces_its_feed(
    client, news_index
):
    old = BeritaPageFactory(parent=news_index, tanggal=datetime.date(2026, 1, 5))
    new = BeritaPageFactory(parent=news_index, tanggal=datetime.date(2026, 3, 1))

    content = html(client.get(news_index.url))

    assert content.index(new.title) < content.index(old.title)
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Berita" '
        f'href="{news_index.url}feed/">'
    ) in content
    assert NOINDEX not in content


def test_news_tag_filter_shows_only_tagged_articles(client, news_index):
    flood = BeritaPageFactory(parent=news_index, title="Posko banjir dibuka")
    flood.tags.add("banjir")
    flood.save()
    other = BeritaPageFactory(parent=news_index, title="Pelatihan UMKM")
    other.tags.add("umkm")
    other.save()

    content = html(client.get(news_index.url, {"tag": "banjir"}))

    assert "Posko banjir dibuka" in content
    assert "Pelatihan UMKM" not in content
    assert "1 berita dengan tag “banjir”" in content
    assert NOINDEX in content


def test_news_article_shows_date_image_and_links_its_tags_to_the_index(
    client, news_index
):
    article = BeritaPageFactory(
        parent=news_index,
        title="Jembatan baru",
        tanggal=datetime.date(2026, 2, 14),
        image=wagtail_factories.ImageFactory(),
    )
    article.tags.add("infrastruktur")
    article.save()

    content = html(client.get(article.url))

    assert '<time datetime="2026-02-14">' in content
    assert 'class="figure__image"' in content
    assert f'href="{news_index.url}?tag=infrastruktur"' in content
    assert '<meta property="og:type" content="article">' in content
    assert re.search(r'<meta property="og:image" content="http://testserver/', content)
    assert f'href="{news_index.url}feed/"' in content


def published(article):
    """``article`` published the way an editor publishes it (with its dates)."""
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def assert_valid_atom(content):
    """Parse ``content`` as an Atom 1.0 feed and return its entries."""
    feed = ElementTree.fromstring(content)  # noqa: S314 - the portal's own feed
    assert feed.tag == f"{ATOM}feed"
    for name in ["id", "title", "updated", "link"]:
        assert feed.find(f"{ATOM}{name}") is not None, name
    assert RFC_3339.match(feed.find(f"{ATOM}updated").text)
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for name in ["id", "title", "updated", "link"]:
            assert entry.find(f"{ATOM}{name}") is not None, name
        assert RFC_3339.match(entry.find(f"{ATOM}updated").text)
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
    return entries


def test_atom_feed_validates_and_lists_newest_first(client, news_index):
    for day in [3, 20, 11]:
        published(
            BeritaPageFactory(
                parent=news_index,
                title=f"Berita tanggal {day}",
                tanggal=datetime.date(2026, 4, day),
            )
        )

    response = client.get(f"{news_index.url}feed/")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = assert_valid_atom(response.content)
    assert [entry.find(f"{ATOM}title").text for entry in entries] == [
        "Berita tanggal 20",
        "Berita tanggal 11",
        "Berita tanggal 3",
    ]


def test_atom_entries_have_a_date_even_without_a_publication_record(client, news_index):
    BeritaPageFactory(parent=news_index, tanggal=datetime.date(2026, 4, 1))

    assert_valid_atom(client.get(f"{news_index.url}feed/").content)


# ---------- Serta-merta announcements ----------


def test_announcement_pages_render_with_their_level_and_window(
    client, announcement_index
):
    active = PengumumanPageFactory(
        parent=announcement_index,
        title="Banjir Wampu",
        tingkat=TingkatPengumuman.AWAS,
    )
    PengumumanPageFactory(
        parent=announcement_index,
        title="Gangguan air",
        mulai=timezone.now() - 5 * HOUR,
        berakhir=timezone.now() - HOUR,
    )

    index = main_content(html(client.get(announcement_index.url)))
    page = main_content(html(client.get(active.url)))

    assert index.index("Sedang berlaku") < index.index("Banjir Wampu")
    assert "Gangguan air" in index
    assert "Awas (darurat)" in page
    assert "Waspada banjir di DAS Wampu." in page
    assert "Sedang berlaku" in page


def test_the_banner_shows_an_active_announcement_on_an_ordinary_page(
    client, home_page, announcement_index
):
    announcement = PengumumanPageFactory(
        parent=announcement_index,
        tingkat=TingkatPengumuman.AWAS,
        pesan="Air sungai naik: segera mengungsi.",
    )
    page = StandardPageFactory(parent=home_page, title="Visi dan Misi")

    content = html(client.get(page.url))

    assert BANNER in content
    banner = content[content.index(BANNER) : content.index('class="site-header"')]
    assert "serta-merta__item--awas" in banner
    assert "Awas (darurat):" in banner
    assert "Air sungai naik: segera mengungsi." in banner
    assert f'href="{announcement.url}"' in banner


@pytest.mark.parametrize(
    ("mulai", "berakhir"),
    [(-5 * HOUR, -HOUR), (HOUR, 5 * HOUR)],
    ids=["expired", "future"],
)
def test_the_banner_hides_announcements_outside_their_window(
    client, home_page, announcement_index, mulai, berakhir
):
    now = timezone.now()
    PengumumanPageFactory(
        parent=announcement_index, mulai=now + mulai, berakhir=now + berakhir
    )
    page = StandardPageFactory(parent=home_page)

    content = html(client.get(page.url))

    assert BANNER not in content
    assert "Waspada banjir di DAS Wampu." not in content


# ---------- Open Graph ----------


def test_pages_carry_open_graph_tags(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Profil Kabupaten",
        listing_summary="Letak dan wilayah Kabupaten Langkat.",
        listing_image=wagtail_factories.ImageFactory(),
    )

    content = html(client.get(page.url))

    assert '<meta property="og:title" content="Profil Kabupaten">' in content
    assert (
        '<meta property="og:description" '
        'content="Letak dan wilayah Kabupaten Langkat.">'
    ) in content
    assert f'<meta property="og:url" content="{page.full_url}">' in content
    assert '<meta property="og:type" content="website">' in content
    assert '<meta property="og:site_name"' in content
    assert re.search(
        r'<meta property="og:image" content="http://testserver/media/images/'
        r'[^"]+fill-1200x630',
        content,
    )
    assert f'<link rel="canonical" href="{page.full_url}">' in content


# ---------- Search ----------


@pytest.fixture
def searchable(home_page, dip_index, news_index):
    InformasiPublikPageFactory(parent=dip_index, title="Peta rawan banjir")
    InformasiPublikPageFactory(parent=dip_index, title="Evakuasi banjir")
    BeritaPageFactory(parent=news_index, title="Posko banjir dibuka")
    StandardPageFactory(parent=home_page, title="Mitigasi banjir")


def test_search_facets_count_results_per_kind(client, searchable):
    response = client.get(reverse("search"), {"q": "banjir"})
    content = html(response)

    counts = {facet["key"]: facet["count"] for facet in response.context["facets"]}
    assert counts == {"informasi": 2, "berita": 1, "halaman": 1}
    assert 'href="?q=banjir&amp;jenis=informasi"' in content
    assert re.search(r"Informasi Publik <span[^>]*>\(2\)</span>", content)
    assert re.search(r'href="\?q=banjir" aria-current="page">Semua<', content)


def test_search_narrowed_to_information_shows_only_dip_items(client, searchable):
    response = client.get(reverse("search"), {"q": "banjir", "jenis": "informasi"})
    content = html(response)

    results = list(response.context["search_results"])
    assert len(results) == 2
    assert all(isinstance(result, InformasiPublikPage) for result in results)
    assert "Posko banjir dibuka" not in content
    assert 'href="?q=banjir&amp;jenis=informasi" aria-current="page"' in content


def test_search_highlights_the_term_and_escapes_html_in_titles(client, home_page):
    StandardPageFactory(
        parent=home_page,
        title="Siaga <script>alert(1)</script> Banjir",
        introduction="Warga diminta waspada banjir kiriman.",
    )

    content = html(client.get(reverse("search"), {"q": "banjir"}))

    assert "<mark>Banjir</mark>" in content
    assert "waspada <mark>banjir</mark> kiriman" in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert(1)" not in content


# ---------- Constant query counts ----------


def add_dip_items(dip_index, count):
    for _ in range(count):
        InformasiPublikPageFactory(parent=dip_index)


def add_articles(news_index, count):
    for _ in range(count):
        BeritaPageFactory(parent=news_index, image=wagtail_factories.ImageFactory())


def queries_of(client, url, assert_max, params=None, bound=200):
    """The number of queries of ``url`` once its renditions exist, with cold caches
    (so renditions are looked up in the database, as after a deploy)."""
    client.get(url, params or {})
    for cache in caches.all():
        cache.clear()
    with assert_max(bound) as captured:
        response = client.get(url, params or {})
    assert response.status_code == HTTPStatus.OK
    return len(captured.captured_queries)


def test_home_page_keeps_a_constant_number_of_queries(
    client,
    home_page,
    dip_index,
    news_index,
    announcement_index,
    django_assert_max_num_queries,
):
    home_page.body = [
        *[(block.block_type, block.value) for block in home_page.body],
        ("latest_news", {"heading": "Berita terbaru", "count": 3}),
        ("latest_announcements", {"heading": "Pengumuman", "count": 3}),
    ]
    home_page.save()
    PengumumanPageFactory(parent=announcement_index)
    add_dip_items(dip_index, 5)
    add_articles(news_index, 5)
    few = queries_of(client, "/", django_assert_max_num_queries)

    add_dip_items(dip_index, 195)
    add_articles(news_index, 35)

    assert queries_of(client, "/", django_assert_max_num_queries, bound=few) <= few


def test_dip_index_keeps_a_constant_number_of_queries(
    client, dip_index, django_assert_max_num_queries
):
    add_dip_items(dip_index, 5)
    few = queries_of(client, dip_index.url, django_assert_max_num_queries)

    add_dip_items(dip_index, 195)

    many = queries_of(client, dip_index.url, django_assert_max_num_queries, bound=few)
    assert many <= few
    filtered = {"kategori": "berkala", "page": "3"}
    assert (
        queries_of(
            client, dip_index.url, django_assert_max_num_queries, filtered, bound=few
        )
        <= few
    )


def test_news_index_keeps_a_constant_number_of_queries(
    client, news_index, django_assert_max_num_queries
):
    add_articles(news_index, 5)
    few = queries_of(client, news_index.url, django_assert_max_num_queries)

    add_articles(news_index, 35)

    assert (
        queries_of(client, news_index.url, django_assert_max_num_queries, bound=few)
        <= few
    )


def test_search_results_keep_a_constant_number_of_queries(
    client, dip_index, news_index, django_assert_max_num_queries
):
    params = {"q": "informasi"}
    add_dip_items(dip_index, 5)
    few = queries_of(client, reverse("search"), django_assert_max_num_queries, params)

    add_dip_items(dip_index, 195)

    many = queries_of(
        client, reverse("search"), django_assert_max_num_queries, params, bound=few
    )
    assert many <= few
