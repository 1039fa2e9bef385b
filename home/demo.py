"""Demo content of the public site: home page, PPID section with the DIP, news, sections."""

import datetime

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.choices import BentukInformasi, KategoriInformasi, TingkatPengumuman
from home.demo_files import illustration, pdf_document
from home.models import (
    BeritaIndexPage,
    BeritaPage,
    HomePage,
    InformasiPublikDokumen,
    InformasiPublikIndexPage,
    InformasiPublikPage,
    PengumumanIndexPage,
    PengumumanPage,
    PPIDPage,
    StandardPage,
)
from portal.models import PerangkatDaerah

BERKALA = KategoriInformasi.BERKALA
SERTA_MERTA = KategoriInformasi.SERTA_MERTA
SETIAP_SAAT = KategoriInformasi.SETIAP_SAAT
DIKECUALIKAN = KategoriInformasi.DIKECUALIKAN

# (number, title, summary, office slug, person responsible, category, year, retention)
DIP_ITEMS = [
    (
        "DIP-2026-001",
        "APBD Kabupaten Langkat Tahun Anggaran 2026",
        "Peraturan daerah tentang anggaran pendapatan dan belanja daerah tahun 2026 beserta lampirannya.",
        "bpkad",
        "Kepala BPKAD",
        BERKALA,
        2026,
        "Permanen",
    ),
    (
        "DIP-2026-002",
        "Laporan Keuangan Pemerintah Daerah 2025 (audited)",
        "Laporan keuangan yang telah diperiksa BPK: neraca, laporan realisasi anggaran, arus kas dan catatan.",
        "bpkad",
        "Kepala BPKAD",
        BERKALA,
        2026,
        "Permanen",
    ),
    (
        "DIP-2026-003",
        "LKPJ Bupati Langkat Tahun 2025",
        "Laporan keterangan pertanggungjawaban kepala daerah kepada DPRD atas penyelenggaraan pemerintahan 2025.",
        "setda",
        "Sekretaris Daerah",
        BERKALA,
        2026,
        "Permanen",
    ),
    (
        "DIP-2026-004",
        "Rencana Kerja Pemerintah Daerah 2027",
        "Dokumen perencanaan tahunan berisi prioritas pembangunan dan pagu indikatif.",
        "bappeda",
        "Kepala Bappeda",
        BERKALA,
        2026,
        "10 tahun",
    ),
    (
        "DIP-2026-005",
        "Renstra Dinas Kesehatan 2025-2029",
        "Rencana strategis lima tahunan Dinas Kesehatan: tujuan, sasaran, program dan indikator kinerja.",
        "dinkes",
        "Kepala Dinas Kesehatan",
        BERKALA,
        2025,
        "Selama berlaku",
    ),
    (
        "DIP-2026-006",
        "Renstra Dinas PUPR 2025-2029",
        "Rencana strategis pembangunan jalan, jembatan, irigasi dan tata ruang.",
        "dinas-pupr",
        "Kepala Dinas PUPR",
        BERKALA,
        2025,
        "Selama berlaku",
    ),
    (
        "DIP-2026-007",
        "Laporan Kinerja Instansi Pemerintah (LKjIP) 2025",
        "Capaian kinerja pemerintah daerah terhadap sasaran strategis tahun 2025.",
        "setda",
        "Kepala Bagian Organisasi",
        BERKALA,
        2026,
        "10 tahun",
    ),
    (
        "DIP-2026-008",
        "Data Jumlah Penduduk per Kecamatan Semester I 2026",
        "Rekapitulasi jumlah penduduk dan kartu keluarga di 23 kecamatan.",
        "disdukcapil",
        "Kepala Disdukcapil",
        BERKALA,
        2026,
        "5 tahun",
    ),
    (
        "DIP-2026-009",
        "Realisasi Dana Desa 2025",
        "Penyaluran dan realisasi dana desa untuk 240 desa di Kabupaten Langkat.",
        "dinas-pmd",
        "Kepala Dinas PMD",
        BERKALA,
        2026,
        "10 tahun",
    ),
    (
        "DIP-2026-010",
        "Peringatan Dini Banjir DAS Wampu dan Batang Serangan",
        "Jalur dan titik evakuasi, posko pengungsian serta nomor darurat saat banjir.",
        "bpbd",
        "Kepala Pelaksana BPBD",
        SERTA_MERTA,
        2026,
        "Selama berlaku",
    ),
    (
        "DIP-2026-011",
        "Informasi Kejadian Luar Biasa Demam Berdarah",
        "Wilayah terdampak, langkah pencegahan dan fasilitas kesehatan rujukan.",
        "dinkes",
        "Kepala Dinas Kesehatan",
        SERTA_MERTA,
        2026,
        "Selama berlaku",
    ),
    (
        "DIP-2026-012",
        "Peta Rawan Bencana Kabupaten Langkat",
        "Peta kawasan rawan banjir, longsor dan abrasi pantai beserta petunjuk evakuasi.",
        "bpbd",
        "Kepala Pelaksana BPBD",
        SERTA_MERTA,
        2025,
        "Selama berlaku",
    ),
    (
        "DIP-2026-013",
        "Pencemaran Sungai Sei Lepan: Hasil Uji Kualitas Air",
        "Hasil uji laboratorium dan imbauan penggunaan air sungai bagi warga.",
        "dlh",
        "Kepala Dinas Lingkungan Hidup",
        SERTA_MERTA,
        2026,
        "5 tahun",
    ),
    (
        "DIP-2026-014",
        "SOP Pelayanan Informasi Publik PPID",
        "Standar operasional prosedur permohonan informasi, keberatan dan sengketa informasi.",
        "diskominfo",
        "Sekretaris PPID",
        SETIAP_SAAT,
        2026,
        "Selama berlaku",
    ),
    (
        "DIP-2026-015",
        "Daftar Peraturan Bupati Tahun 2026",
        "Daftar dan naskah peraturan bupati yang ditetapkan pada tahun 2026.",
        "setda",
        "Kepala Bagian Hukum",
        SETIAP_SAAT,
        2026,
        "Permanen",
    ),
    (
        "DIP-2026-016",
        "Standar Pelayanan Perizinan Berusaha",
        "Persyaratan, prosedur, waktu dan biaya layanan perizinan di DPMPTSP.",
        "dpmptsp",
        "Kepala DPMPTSP",
        SETIAP_SAAT,
        2026,
        "Selama berlaku",
    ),
    (
        "DIP-2026-017",
        "Daftar Aset Tanah Pemerintah Kabupaten",
        "Inventaris tanah milik daerah: lokasi, luas, status sertifikat dan penggunaan.",
        "bpkad",
        "Kepala Bidang Aset",
        SETIAP_SAAT,
        2025,
        "Permanen",
    ),
    (
        "DIP-2026-018",
        "Rencana Umum Pengadaan Barang/Jasa 2026",
        "Daftar paket pengadaan seluruh perangkat daerah tahun anggaran 2026.",
        "setda",
        "Kepala Bagian Pengadaan Barang/Jasa",
        SETIAP_SAAT,
        2026,
        "5 tahun",
    ),
    (
        "DIP-2026-019",
        "Daftar Sekolah dan Data Pokok Pendidikan",
        "Sekolah negeri dan swasta per kecamatan, jumlah guru dan peserta didik.",
        "disdik",
        "Kepala Dinas Pendidikan",
        SETIAP_SAAT,
        2026,
        "5 tahun",
    ),
    (
        "DIP-2026-020",
        "Data Penerima Bantuan Sosial yang Dipadankan",
        "Data pribadi penerima bantuan sosial beserta NIK dan alamat.",
        "dinsos",
        "Kepala Dinas Sosial",
        DIKECUALIKAN,
        2026,
        "5 tahun",
    ),
    (
        "DIP-2026-021",
        "Berkas Pemeriksaan Inspektorat atas Dugaan Pelanggaran Disiplin ASN",
        "Laporan hasil pemeriksaan khusus yang masih dalam proses penjatuhan hukuman disiplin.",
        "inspektorat",
        "Inspektur",
        DIKECUALIKAN,
        2026,
        "10 tahun",
    ),
    (
        "DIP-2026-022",
        "Rencana Pengamanan Objek Vital Daerah",
        "Rencana pengamanan dan pengerahan personel untuk objek vital daerah.",
        "satpol-pp",
        "Kepala Satpol PP",
        DIKECUALIKAN,
        2025,
        "5 tahun",
    ),
]

EXEMPTIONS = {
    "DIP-2026-020": (
        "h",
        "Membuka data ini mengungkap NIK, alamat dan kondisi ekonomi warga penerima, "
        "sehingga melanggar hak atas perlindungan data pribadi. Kepentingan publik "
        "terpenuhi dengan membuka rekapitulasi penerima per desa, yang tersedia sebagai "
        "informasi berkala.",
    ),
    "DIP-2026-021": (
        "a",
        "Membuka berkas sebelum keputusan hukuman disiplin dapat menghambat proses "
        "pemeriksaan dan mengungkap identitas pelapor dan saksi.",
    ),
    "DIP-2026-022": (
        "c",
        "Rincian pengamanan objek vital dapat dimanfaatkan untuk mengganggu keamanan "
        "daerah; yang dibuka adalah ringkasan anggaran pengamanan.",
    ),
}

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
    {
        "slug": "struktur-organisasi-ppid",
        "title": "Struktur Organisasi PPID",
        "listing_summary": "Susunan PPID Utama dan PPID Pelaksana di perangkat daerah.",
        "introduction": "PPID Utama berkedudukan di Dinas Komunikasi dan Informatika; setiap perangkat daerah memiliki PPID Pelaksana.",
        "body": [
            (
                "paragraph",
                RichText(
                    "<ul><li>Atasan PPID: Sekretaris Daerah</li><li>PPID Utama: Kepala Dinas Komunikasi dan Informatika</li><li>PPID Pelaksana: sekretaris pada setiap perangkat daerah</li></ul>"
                ),
            )
        ],
    },
]


def load(stdout, style):
    """Build the home page, the PPID section with the DIP, news and the area sections."""
    home = _home_page()
    ppid = _ppid_page(home)
    dip = _child(
        ppid,
        InformasiPublikIndexPage,
        "daftar-informasi-publik",
        title="Daftar Informasi Publik",
        introduction=RichText(
            "<p>Daftar seluruh informasi publik yang dikuasai Pemerintah Kabupaten Langkat, sesuai Pasal 9, 10, 11 dan 17 UU 14/2008.</p>"
        ),
    )
    created = sum(_dip_item(dip, *item) for item in DIP_ITEMS)
    _announcements(ppid)
    for data in PROFILE_PAGES:
        _child(ppid, StandardPage, **data)
    berita = _child(
        home,
        BeritaIndexPage,
        "berita",
        title="Berita",
        introduction="Kabar terbaru dari Pemerintah Kabupaten Langkat.",
    )
    for number, (title, intro, tags, colour) in enumerate(NEWS):
        _article(berita, number, title, intro, tags, colour)
    stdout.write(
        f"  Beranda, PPID, {len(DIP_ITEMS)} informasi publik ({created} baru), {len(NEWS)} berita siap."
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
            hostname="localhost",
            port=80,
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


def _ppid_page(home):
    return _child(
        home,
        PPIDPage,
        "informasi-publik",
        title="Informasi Publik",
        show_in_menus=True,
        listing_summary="PPID Kabupaten Langkat: Daftar Informasi Publik, pengumuman serta-merta, dan cara memperoleh informasi.",
        profil=RichText(
            "<p>Pejabat Pengelola Informasi dan Dokumentasi (PPID) Kabupaten Langkat dibentuk berdasarkan UU 14/2008 tentang Keterbukaan Informasi Publik. PPID Utama bertugas menyimpan, mendokumentasikan, menyediakan dan melayani informasi publik.</p>"
        ),
        maklumat_pelayanan=RichText(
            "<p>Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan informasi publik sesuai standar layanan, dan apabila tidak menepati janji ini kami siap menerima sanksi sesuai peraturan perundang-undangan.</p>"
        ),
        prosedur=[
            (
                "langkah",
                {
                    "judul": "Ajukan permohonan",
                    "uraian": "Isi formulir permohonan secara daring atau datang ke meja layanan PPID dengan membawa KTP.",
                },
            ),
            (
                "langkah",
                {
                    "judul": "Terima nomor registrasi",
                    "uraian": "Petugas mencatat permohonan dan memberikan nomor registrasi untuk pelacakan.",
                },
            ),
            (
                "langkah",
                {
                    "judul": "Tunggu pemberitahuan tertulis",
                    "uraian": "PPID menjawab paling lama 10 hari kerja, dapat diperpanjang 7 hari kerja.",
                },
            ),
            (
                "langkah",
                {
                    "judul": "Ajukan keberatan bila perlu",
                    "uraian": "Bila tidak puas, ajukan keberatan kepada atasan PPID dalam 30 hari kerja.",
                },
            ),
        ],
        jam_layanan="Senin-Kamis: 08.00-16.00 WIB\nJumat: 08.00-16.30 WIB",
        alamat="Dinas Komunikasi dan Informatika, Jl. Tengku Amir Hamzah, Stabat",
        telepon="(061) 891 0002",
        email="ppid@langkatkab.go.id",
    )


def _dip_item(
    index_page,
    nomor,
    title,
    ringkasan,
    opd_slug,
    penanggung_jawab,
    kategori,
    tahun,
    retensi,
):
    if InformasiPublikPage.objects.filter(nomor=nomor).exists():
        return False
    dasar, uji = EXEMPTIONS.get(nomor, ("", ""))
    page = InformasiPublikPage(
        title=title,
        slug=slugify(title)[:80],
        nomor=nomor,
        ringkasan=ringkasan,
        listing_summary=ringkasan,
        perangkat_daerah=PerangkatDaerah.objects.get(slug=opd_slug),
        penanggung_jawab=penanggung_jawab,
        waktu_pembuatan=f"Tahun {tahun}",
        tempat_pembuatan="Stabat",
        bentuk=BentukInformasi.CETAK_ELEKTRONIK,
        jangka_waktu_penyimpanan=retensi,
        kategori=kategori,
        tahun=tahun,
        dasar_pengecualian=dasar,
        uji_konsekuensi=uji,
    )
    page.tags.add(kategori.label.lower(), str(tahun))
    document = pdf_document(
        title,
        [ringkasan, f"Penanggung jawab: {penanggung_jawab}.", f"Nomor DIP: {nomor}."],
        f"{nomor.lower()}.pdf",
    )
    page.dokumen.add(InformasiPublikDokumen(document=document))
    index_page.add_child(instance=page)
    return True


def _announcements(ppid):
    index_page = _child(
        ppid,
        PengumumanIndexPage,
        "pengumuman",
        title="Pengumuman Serta-Merta",
        introduction="Informasi yang dapat mengancam hajat hidup orang banyak dan ketertiban umum (Pasal 10 UU 14/2008).",
    )
    now = timezone.now()
    _child(
        index_page,
        PengumumanPage,
        "peringatan-dini-banjir-das-wampu",
        title="Peringatan Dini Banjir DAS Wampu",
        tingkat=TingkatPengumuman.WASPADA,
        pesan="Waspada banjir di DAS Wampu dan Batang Serangan: siapkan tas siaga dan ikuti arahan petugas.",
        mulai=now - datetime.timedelta(hours=6),
        berakhir=now + datetime.timedelta(days=30),
        body=[
            (
                "paragraph",
                RichText(
                    "<p>Curah hujan tinggi diperkirakan berlanjut tiga hari ke depan. Posko BPBD di Stabat, Wampu dan Batang Serangan siaga 24 jam. Nomor darurat: 112.</p>"
                ),
            )
        ],
    )
    _child(
        index_page,
        PengumumanPage,
        "pemadaman-air-bersih-stabat",
        title="Gangguan Air Bersih di Stabat",
        tingkat=TingkatPengumuman.INFO,
        pesan="Distribusi air bersih di Kecamatan Stabat terganggu karena perbaikan pipa.",
        mulai=now - datetime.timedelta(days=60),
        berakhir=now - datetime.timedelta(days=58),
        body=[
            (
                "paragraph",
                RichText(
                    "<p>Perbaikan pipa transmisi telah selesai dan distribusi kembali normal.</p>"
                ),
            )
        ],
    )


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
