"""Demo content of the public site: the home page, profile pages and news."""

import datetime

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import BeritaIndexPage, BeritaPage, HomePage, StandardPage
from portal.base_url import site_address
from portal.demo_files import illustration

NEWS = [
    (
        "Bupati Resmikan Jembatan Penghubung Dua Desa di Kecamatan Wampu",
        "Jembatan sepanjang 60 meter memperpendek perjalanan warga ke pasar dan sekolah.",
        ["infrastruktur", "wampu"],
        "#1f5f4a",
    ),
    (
        "Pemkab Langkat Buka Layanan Pengaduan e-laga 24 Jam",
        "Warga dapat menyampaikan pengaduan, aspirasi dan laporan kinerja ASN kapan saja.",
        ["pelayanan publik", "e-laga"],
        "#0b4f6c",
    ),
    (
        "Vaksinasi Anak Sekolah Dasar Capai 92 Persen",
        "Dinas Kesehatan melanjutkan vaksinasi susulan di sekolah yang belum tuntas.",
        ["kesehatan"],
        "#7a3b69",
    ),
    (
        "Pelatihan Pemasaran Digital untuk 150 Pelaku UMKM",
        "Pelaku UMKM belajar memotret produk dan berjualan melalui e-pasar.",
        ["umkm", "e-pasar"],
        "#8a5a00",
    ),
    (
        "BPBD Siagakan Posko Banjir di Sepanjang DAS Wampu",
        "Posko dilengkapi perahu karet, dapur umum dan tenaga kesehatan.",
        ["bencana", "banjir"],
        "#7f1d1d",
    ),
    (
        "Komisi Informasi Apresiasi Keterbukaan Informasi Kabupaten Langkat",
        "PPID Langkat meraih predikat menuju informatif dalam monitoring dan evaluasi tahunan.",
        ["keterbukaan informasi", "ppid"],
        "#334155",
    ),
]

PROFILE_PAGES = [
    {
        "slug": "profil-kabupaten",
        "title": "Profil Kabupaten Langkat",
        "listing_summary": "Letak, wilayah dan pemerintahan Kabupaten Langkat.",
        "introduction": "Kabupaten Langkat terletak di pantai timur Sumatera Utara dengan ibu kota Stabat, terdiri atas 23 kecamatan dan 277 desa/kelurahan.",
        "body": [
            (
                "paragraph",
                RichText(
                    "<p>Wilayah Langkat membentang dari pesisir Selat Malaka hingga kawasan Taman Nasional Gunung Leuser di Bahorok. Pertanian, perkebunan dan perikanan menjadi tumpuan ekonomi warganya.</p>"
                ),
            )
        ],
    },
    {
        "slug": "visi-dan-misi",
        "title": "Visi dan Misi",
        "listing_summary": "Arah pembangunan Kabupaten Langkat.",
        "introduction": "Visi dan misi pemerintah daerah sebagaimana ditetapkan dalam RPJMD.",
        "body": [
            (
                "paragraph",
                RichText(
                    "<p>Visi: Langkat yang maju, sejahtera dan berdaya saing. Misi: meningkatkan mutu pelayanan publik, membangun infrastruktur yang merata, dan memberdayakan ekonomi kerakyatan.</p>"
                ),
            )
        ],
    },
]


def load(stdout, style):
    """Build the home page, news and the regency's profile pages."""
    home = _home_page()
    for data in PROFILE_PAGES:
        _child(home, StandardPage, **data)
    berita = _child(
        home,
        BeritaIndexPage,
        "berita",
        title="Berita",
        introduction="Kabar terbaru dari Pemerintah Kabupaten Langkat.",
        show_in_menus=True,
    )
    for number, (title, intro, tags, colour) in enumerate(NEWS):
        _article(berita, number, title, intro, tags, colour)
    stdout.write(
        f"  Beranda, {len(PROFILE_PAGES)} halaman profil, {len(NEWS)} berita siap."
    )


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    return parent.add_child(instance=model(slug=slug, **fields))


def _home_page():
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(
                title="Beranda",
                slug="beranda",
                seo_title="Portal Langkat",
                search_description="Portal pelayanan publik Pemerintah Kabupaten Langkat, Sumatera Utara.",
                body=[
                    (
                        "hero",
                        {
                            "heading": "Portal Pelayanan Publik Kabupaten Langkat",
                            "text": "Informasi publik, pengaduan, layanan kecamatan dan produk UMKM Langkat dalam satu tempat.",
                            "show_urgent_notice": True,
                        },
                    ),
                    ("quick_links", {"heading": "Layanan portal", "pages": []}),
                    (
                        "latest_announcements",
                        {"heading": "Pengumuman serta-merta", "count": 3},
                    ),
                    ("latest_news", {"heading": "Berita terbaru", "count": 3}),
                    ("complaint_figures", {"heading": "Pengaduan bulan ini"}),
                    (
                        "featured_products",
                        {"heading": "Produk unggulan UMKM", "count": 4},
                    ),
                ],
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            **site_address(),
            root_page=home,
            is_default_site=True,
            site_name="Portal Langkat",
        )
    elif site.root_page_id != home.id:
        previous_root = site.root_page
        site.root_page = home
        site.site_name = "Portal Langkat"
        site.save()
        # Wagtail's placeholder welcome page is not part of the portal.
        if previous_root.specific_class is Page and previous_root.depth == 2:
            previous_root.delete()
    return home


def _article(index_page, number, title, intro, tags, colour):
    slug = slugify(title)[:80]
    if BeritaPage.objects.child_of(index_page).filter(slug=slug).exists():
        return
    article = BeritaPage(
        title=title,
        slug=slug,
        tanggal=timezone.localdate() - datetime.timedelta(days=number * 9 + 1),
        introduction=intro,
        image=illustration(title, colour, f"berita-{number + 1}.jpg"),
        body=[
            (
                "paragraph",
                RichText(
                    f"<p>{intro} Pemerintah Kabupaten Langkat berkomitmen melanjutkan program ini bersama warga dan perangkat desa.</p>"
                ),
            )
        ],
    )
    article.tags.add(*tags)
    index_page.add_child(instance=article)
