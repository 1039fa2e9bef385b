"""Demo content of the public site: the home page and the four area sections."""

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import HomePage, StandardPage

HOME_SLUG = "beranda"

SECTIONS = [
    {
        "slug": "informasi-publik",
        "title": "Informasi Publik",
        "listing_summary": (
            "Informasi yang wajib diumumkan Pemerintah Kabupaten Langkat menurut "
            "UU 14/2008 tentang Keterbukaan Informasi Publik."
        ),
        "introduction": (
            "Setiap warga berhak memperoleh informasi publik. PPID Kabupaten Langkat "
            "mengumumkan informasi berkala, serta-merta dan tersedia setiap saat, dan "
            "melayani permohonan informasi paling lama 10 hari kerja."
        ),
        "body": [
            ("heading", "Kategori informasi"),
            (
                "paragraph",
                RichText(
                    "<ul><li><b>Berkala</b> (Pasal 9): laporan keuangan, LKPJ, "
                    "rencana kerja, diumumkan paling sedikit enam bulan sekali.</li>"
                    "<li><b>Serta-merta</b> (Pasal 10): informasi yang mengancam hajat "
                    "hidup orang banyak, seperti peringatan banjir.</li>"
                    "<li><b>Tersedia setiap saat</b> (Pasal 11): daftar informasi "
                    "publik, keputusan dan kebijakan, SOP.</li>"
                    "<li><b>Dikecualikan</b> (Pasal 17): informasi yang tertutup "
                    "berdasarkan uji konsekuensi.</li></ul>"
                ),
            ),
        ],
        "children": [
            {
                "slug": "profil-kabupaten",
                "title": "Profil Kabupaten Langkat",
                "listing_summary": "Letak, wilayah dan pemerintahan Kabupaten Langkat.",
                "introduction": (
                    "Kabupaten Langkat terletak di pantai timur Sumatera Utara dengan "
                    "ibu kota Stabat, terdiri atas 23 kecamatan dan 277 desa/kelurahan."
                ),
                "body": [
                    (
                        "paragraph",
                        RichText(
                            "<p>Wilayah Langkat membentang dari pesisir Selat Malaka "
                            "hingga kawasan Taman Nasional Gunung Leuser di Bahorok. "
                            "Pertanian, perkebunan dan perikanan menjadi tumpuan "
                            "ekonomi warganya.</p>"
                        ),
                    )
                ],
            },
            {
                "slug": "visi-dan-misi",
                "title": "Visi dan Misi",
                "listing_summary": "Arah pembangunan Kabupaten Langkat.",
                "introduction": (
                    "Visi dan misi pemerintah daerah sebagaimana ditetapkan dalam RPJMD."
                ),
                "body": [
                    (
                        "paragraph",
                        RichText(
                            "<p>Visi: Langkat yang maju, sejahtera dan berdaya saing. "
                            "Misi: meningkatkan mutu pelayanan publik, membangun "
                            "infrastruktur yang merata, dan memberdayakan ekonomi "
                            "kerakyatan.</p>"
                        ),
                    )
                ],
            },
        ],
    },
    {
        "slug": "e-laga",
        "title": "e-laga",
        "listing_summary": (
            "Langkat Siaga: sampaikan pengaduan, aspirasi dan laporan kinerja ASN, "
            "lalu pantau tindak lanjutnya."
        ),
        "introduction": (
            "Laporan Anda diverifikasi paling lama 3 hari kerja, diteruskan ke perangkat "
            "daerah yang berwenang, dan ditindaklanjuti paling lama 5 hari kerja setelah "
            "disposisi. Identitas pelapor dirahasiakan bila Anda memilih anonim."
        ),
        "body": [
            ("heading", "Yang dapat Anda laporkan"),
            (
                "paragraph",
                RichText(
                    "<ul><li>Pengaduan atas pelayanan publik, misalnya jalan rusak atau "
                    "pelayanan yang lambat.</li><li>Aspirasi dan usulan untuk "
                    "pembangunan daerah.</li><li>Kinerja dan perilaku aparatur sipil "
                    "negara; laporan ini tidak pernah dipublikasikan.</li></ul>"
                ),
            ),
        ],
        "children": [],
    },
    {
        "slug": "e-kecamatan",
        "title": "e-kecamatan",
        "listing_summary": (
            "Standar pelayanan 23 kantor camat dan pengajuan layanan administrasi "
            "secara daring."
        ),
        "introduction": (
            "Surat keterangan domisili, SKTM, pengantar KTP dan KK, serta layanan "
            "administrasi kecamatan lainnya, dengan persyaratan, prosedur, waktu "
            "penyelesaian dan biaya yang jelas."
        ),
        "body": [],
        "children": [],
    },
    {
        "slug": "e-pasar",
        "title": "e-pasar",
        "listing_summary": (
            "Katalog produk UMKM Langkat: kuliner, kerajinan, hasil pertanian dan "
            "perikanan, langsung dari pelaku usaha."
        ),
        "introduction": (
            "Pelaku UMKM mendaftarkan usahanya dan mengajukan produk; setiap produk "
            "diperiksa moderator sebelum tayang. Pembeli menghubungi penjual langsung "
            "melalui WhatsApp."
        ),
        "body": [],
        "children": [],
    },
]


def load(stdout, style):
    """Create the home page as the default site's root, with the four sections."""
    home = _home_page()
    for section in SECTIONS:
        page = _standard_page(home, section, show_in_menus=True)
        for child in section["children"]:
            _standard_page(page, child)
    stdout.write(f"  Beranda dan {len(SECTIONS)} bagian utama siap.")


def _home_page():
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Beranda",
                slug=HOME_SLUG,
                hero_heading="Portal Pelayanan Publik Kabupaten Langkat",
                hero_text=(
                    "Informasi publik, pengaduan, layanan kecamatan dan produk UMKM "
                    "Langkat dalam satu tempat."
                ),
                seo_title="Portal Langkat",
                search_description=(
                    "Portal pelayanan publik Pemerintah Kabupaten Langkat, Sumatera Utara."
                ),
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
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


def _standard_page(parent, data, show_in_menus=False):
    existing = StandardPage.objects.child_of(parent).filter(slug=data["slug"]).first()
    if existing:
        return existing
    return parent.add_child(
        instance=StandardPage(
            title=data["title"],
            slug=data["slug"],
            listing_summary=data["listing_summary"],
            introduction=data["introduction"],
            body=data["body"],
            show_in_menus=show_in_menus,
        )
    )
