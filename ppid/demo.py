"""Demo content of KIP: the PPID page, the DIP with its documents, serta-merta
announcements, the request page, PPID accounts, requests and objections.

Requests are built through :mod:`ppid.services`, as requesters and PPID
staff would, and their timestamps are moved back afterwards so the register, the
yearly report and the overdue flags look real.
"""

import datetime
import zoneinfo

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site
from wagtail.rich_text import RichText

from portal.demo import create_officer
from portal.demo_files import pdf_document
from portal.models import PerangkatDaerah
from portal.roles import ATASAN_PPID, EDITOR_INFORMASI_PUBLIK, EDITOR_PPID
from portal.working_days import add_working_days
from ppid import services
from ppid.choices import (
    BentukInformasi,
    CaraMemperoleh,
    CaraPenyampaian,
    KategoriInformasi,
    KeputusanPermohonan,
    PutusanKeberatan,
    StatusPermohonan,
    TingkatPengumuman,
)
from ppid.models import (
    CatatanPermohonan,
    InformasiPublikDokumen,
    InformasiPublikIndexPage,
    InformasiPublikPage,
    Keberatan,
    LayananInformasiPage,
    PengumumanIndexPage,
    PengumumanPage,
    PermohonanInformasi,
    PPIDPage,
)
from ppid.permissions import grant_kip_page_rights, kip_collection

K = KeputusanPermohonan
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
EDITOR_USERNAME = "ppid.editor"
ATASAN_USERNAME = "atasan.ppid"
CONTENT_EDITOR_USERNAME = "editor.informasi"

INFORMATION = [
    "Salinan Dokumen Pelaksanaan Anggaran (DPA) Dinas Pendidikan tahun 2025.",
    "Daftar penerima bantuan sosial pangan di Kecamatan Stabat tahun 2025.",
    "Laporan realisasi Dana Desa Kecamatan Babalan semester I.",
    "Rencana Kerja Dinas PUPR untuk pemeliharaan jalan kabupaten.",
    "Hasil audit Inspektorat atas pengadaan alat kesehatan RSUD.",
    "Data jumlah guru honorer per kecamatan.",
    "Dokumen AMDAL pembangunan pasar di Tanjung Pura.",
    "Daftar izin usaha perkebunan yang diterbitkan tahun 2024.",
    "Laporan keuangan BUMD air minum tahun 2024.",
    "Data kunjungan wisata ke Bukit Lawang per bulan.",
    "Kontrak pekerjaan rehabilitasi gedung sekolah di Kecamatan Bahorok.",
    "Peraturan Bupati tentang tarif retribusi pasar.",
    "Daftar aset tanah milik pemerintah kabupaten di Kecamatan Secanggang.",
    "Rekapitulasi pengaduan e-laga bidang kesehatan tahun 2025.",
    "Notulen rapat Musrenbang kabupaten tahun 2025.",
    "Data stunting per desa di Kecamatan Sei Lepan.",
    "Laporan penyelenggaraan pemerintahan daerah (LPPD) tahun 2024.",
    "Rincian belanja perjalanan dinas Sekretariat DPRD.",
    "Standar pelayanan Dinas Kependudukan dan Pencatatan Sipil.",
    "Daftar penerima beasiswa daerah tahun 2025.",
    "Dokumen perencanaan jaringan irigasi di Kecamatan Padang Tualang.",
    "Data produksi padi per kecamatan tahun 2024.",
    "Berita acara serah terima proyek jalan Stabat-Binjai.",
    "Hasil seleksi terbuka jabatan pimpinan tinggi pratama.",
    "Laporan harta kekayaan pejabat eselon II.",
]
REQUESTERS = [
    ("Rahmat Hidayat", "Jurnalis"),
    ("Nurhayati Siregar", "Mahasiswa"),
    ("Fadli Nasution", "Peneliti LSM"),
    ("Sri Wahyuni", "Guru"),
    ("Hendra Ginting", "Wiraswasta"),
]
NIKS = ["1205011203850001", "1205015203850002"]
DECISIONS = [
    K.DIBERIKAN_SELURUHNYA,
    K.DIBERIKAN_SEBAGIAN,
    K.DIBERIKAN_SELURUHNYA,
    K.DITOLAK,
    K.TIDAK_DIKUASAI,
    K.DIBERIKAN_SELURUHNYA,
    K.BELUM_DIDOKUMENTASIKAN,
]
GROUNDS = {K.DITOLAK: ["h", "a", "i"], K.DIBERIKAN_SEBAGIAN: ["h"]}
ANSWERS = {
    K.DIBERIKAN_SELURUHNYA: "Informasi yang Anda minta kami sampaikan terlampir.",
    K.DIBERIKAN_SEBAGIAN: (
        "Informasi kami berikan dengan menghitamkan data pribadi penerima "
        "(Pasal 17 huruf h)."
    ),
    K.DITOLAK: "Informasi yang diminta termasuk informasi yang dikecualikan.",
    K.TIDAK_DIKUASAI: (
        "Informasi tersebut tidak dikuasai PPID Kabupaten Langkat; silakan ajukan "
        "kepada badan publik yang menguasainya."
    ),
    K.BELUM_DIDOKUMENTASIKAN: (
        "Informasi tersebut belum didokumentasikan; akan tersedia setelah laporan "
        "selesai disusun."
    ),
}
#: Decided requests: working days taken (late when over 10, or over 17 extended).
TAKEN = [3, 5, 8, 13, 4, 9, 12, 6, 2, 15, 7, 10, 14, 5, 20, 4, 8, 16, 9, 3, 6, 11]
EXTENDED = {3, 9, 12, 14, 17}
#: Open requests: (days ago received, extended); the last one is overdue.
OPEN = [(2, False), (12, True), (35, False)]


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


def load(stdout, style):
    """Build the PPID section (DIP, announcements, request page), the PPID accounts,
    requests and three objections."""
    ppid = _ppid_page(Site.objects.get(is_default_site=True).root_page)
    # Also when the page already existed: the workflow and rights are set idempotently.
    grant_kip_page_rights(ppid)
    dip = _child(
        ppid,
        InformasiPublikIndexPage,
        "daftar-informasi-publik",
        title="Daftar Informasi Publik",
        introduction=RichText(
            "<p>Daftar seluruh informasi publik yang dikuasai Pemerintah Kabupaten Langkat, sesuai Pasal 9, 10, 11 dan 17 UU 14/2008.</p>"
        ),
    )
    created_items = sum(_dip_item(dip, *item) for item in DIP_ITEMS)
    _announcements(ppid)
    stdout.write(
        f"  PPID, {len(DIP_ITEMS)} informasi publik ({created_items} baru) siap."
    )
    _page(stdout)
    editor = create_officer(
        stdout, style, EDITOR_USERNAME, "Editor", "PPID", EDITOR_PPID
    )
    atasan = create_officer(
        stdout, style, ATASAN_USERNAME, "Atasan", "PPID", ATASAN_PPID
    )
    create_officer(
        stdout,
        style,
        CONTENT_EDITOR_USERNAME,
        "Editor",
        "Informasi Publik",
        EDITOR_INFORMASI_PUBLIK,
    )
    created = _requests(editor, atasan)
    stdout.write(f"  Layanan informasi: {created} permohonan baru.")


def _page(stdout):
    if LayananInformasiPage.objects.exists():
        return
    ppid = PPIDPage.objects.filter(slug="informasi-publik").first()
    if ppid is None:
        stdout.write("  Halaman PPID belum ada; halaman layanan informasi dilewati.")
        return
    ppid.add_child(
        instance=LayananInformasiPage(
            title="Permohonan Informasi Publik",
            slug="layanan-informasi",
            listing_summary=(
                "Ajukan permohonan informasi publik kepada PPID Kabupaten Langkat dan "
                "lacak jawabannya dengan nomor registrasi."
            ),
            introduction=RichText(
                "<p>Setiap orang berhak memperoleh informasi publik (UU Nomor 14 Tahun "
                "2008). Isi formulir di bawah ini dengan identitas yang benar. PPID "
                "menjawab paling lambat <b>10 hari kerja</b> dan dapat memperpanjang "
                "satu kali selama 7 hari kerja dengan alasan tertulis.</p>"
            ),
            objection_introduction=RichText(
                "<p>Bila permohonan Anda ditolak, tidak ditanggapi, atau dijawab tidak "
                "sebagaimana diminta, Anda dapat mengajukan keberatan kepada atasan PPID "
                "paling lambat <b>30 hari kerja</b> sejak keputusan atau sejak batas "
                "waktu jawaban terlewati. Atasan PPID menjawab dalam 30 hari kerja.</p>"
            ),
        )
    )


def _at(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=WIB)


def _new_request(number):
    name, occupation = REQUESTERS[number % len(REQUESTERS)]
    copy = number % 3 != 0
    return services.submit_permohonan(
        PermohonanInformasi(
            nama=name,
            alamat=f"Jl. Sudirman No. {number + 1}, Stabat",
            nomor_identitas=NIKS[number % 2],
            telepon=f"08137{number:06d}",
            email=f"pemohon{number}@example.com",
            pekerjaan=occupation,
            informasi_diminta=INFORMATION[number],
            tujuan="Bahan kajian dan pemberitaan kebijakan publik daerah.",
            cara_memperoleh=CaraMemperoleh.SALINAN if copy else CaraMemperoleh.MELIHAT,
            cara_penyampaian=CaraPenyampaian.EMAIL if copy else "",
        )
    )


def _requests(editor, atasan):
    if PermohonanInformasi.objects.filter(informasi_diminta__in=INFORMATION).exists():
        return 0
    today = timezone.localdate()
    built = []
    for number, taken in enumerate(TAKEN):
        received = _at(today - datetime.timedelta(days=355 - number * 14), 9)
        decision = DECISIONS[number % len(DECISIONS)]
        permohonan = _new_request(number)
        # The demo's requests hold no personal data, so the PPID confirms them as
        # their public summary; the open ones below still wait for theirs.
        services.set_public_summary(
            permohonan,
            editor,
            INFORMATION[number],
            "Ringkasan ditulis PPID tanpa data pribadi.",
        )
        extended = number in EXTENDED
        if extended:
            services.extend(
                permohonan, editor, "Dokumen tersebar di beberapa perangkat daerah."
            )
        grounds = GROUNDS.get(decision, [""])
        services.decide(
            permohonan,
            editor,
            decision,
            ANSWERS[decision],
            dasar_penolakan=grounds[number % len(grounds)],
            uji_konsekuensi=(
                "Membuka informasi ini dapat merugikan pihak yang dilindungi dan "
                "kepentingan yang dilindungi lebih besar daripada manfaatnya."
                if decision in GROUNDS
                else ""
            ),
        )
        decided = _at(add_working_days(received, taken), 14)
        delivered = None
        if number % 4 != 1:
            delivered = add_working_days(decided, 1)
            services.deliver(permohonan, editor)
        _backdate(permohonan, received, extended, decided, delivered)
        built.append(permohonan)
    for offset, (days_ago, extended) in enumerate(OPEN):
        permohonan = _new_request(len(TAKEN) + offset)
        if extended:
            services.extend(permohonan, editor, "Menunggu data dari OPD.")
        received = _at(today - datetime.timedelta(days=days_ago), 10)
        _backdate(permohonan, received, extended, None, None)
        built.append(permohonan)
    _objections(built, atasan)
    return len(built)


def _backdate(permohonan, received, extended, decided, delivered):
    """Move a request's timestamps (and its timeline) back to ``received``."""
    extended_at = _at(add_working_days(received, 8), 11) if extended else None
    PermohonanInformasi.objects.filter(pk=permohonan.pk).update(
        diterima_pada=received,
        diperpanjang_pada=extended_at,
        diputuskan_pada=decided,
        disampaikan_pada=delivered,
    )
    permohonan.refresh_from_db()
    permohonan.store_running_deadline()
    permohonan.save(update_fields=["batas_waktu"])
    times = {
        StatusPermohonan.DITERIMA: received,
        StatusPermohonan.DIPERPANJANG: extended_at,
        StatusPermohonan.DIPUTUSKAN: decided,
        StatusPermohonan.DISAMPAIKAN: delivered and _at(delivered, 10),
    }
    for status, moment in times.items():
        if moment:
            CatatanPermohonan.objects.filter(
                permohonan=permohonan, status_to=status
            ).update(created_at=moment)


def _objections(built, atasan):
    """Two answered objections (different outcomes) and one awaiting an answer."""
    refused = next(p for p in built[-10:-3] if p.keputusan == K.DITOLAK)
    partly = next(p for p in built[-10:-3] if p.keputusan == K.DIBERIKAN_SEBAGIAN)
    overdue = built[-1]
    plan = [
        (refused, ["a"], PutusanKeberatan.DITOLAK),
        (partly, ["d", "e"], PutusanKeberatan.DIKABULKAN_SEBAGIAN),
        (overdue, ["c"], None),
    ]
    for permohonan, grounds, outcome in plan:
        permohonan.refresh_from_db()
        filed = _at(add_working_days(permohonan.kip_deadlines().objection_from, 3), 10)
        keberatan = services.file_keberatan(
            permohonan,
            grounds,
            "Saya keberatan karena informasi tersebut menyangkut kepentingan publik.",
            today=filed.date(),
        )
        keberatan.diajukan_pada = filed
        keberatan.store_running_deadline()
        keberatan.save(update_fields=["diajukan_pada", "batas_waktu"])
        CatatanPermohonan.objects.filter(
            permohonan=permohonan, status_to="", created_at__gt=filed
        ).update(created_at=filed)
        if outcome:
            keberatan.refresh_from_db()
            services.answer_keberatan(
                keberatan,
                atasan,
                outcome,
                "Atasan PPID telah memeriksa keberatan dan keputusan PPID.",
            )
            answered = _at(add_working_days(filed, 12), 15)
            Keberatan.objects.filter(pk=keberatan.pk).update(dijawab_pada=answered)
            CatatanPermohonan.objects.filter(
                permohonan=permohonan, status_to="", author=atasan
            ).update(created_at=answered)


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    return parent.add_child(instance=model(slug=slug, **fields))


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
            "<h3>Struktur organisasi</h3><ul><li>Atasan PPID: Sekretaris Daerah</li><li>PPID Utama: Kepala Dinas Komunikasi dan Informatika</li><li>PPID Pelaksana: sekretaris pada setiap perangkat daerah</li></ul>"
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
    # In the KIP collection, where the KIP editors choose documents.
    type(document).objects.filter(pk=document.pk).update(collection=kip_collection())
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
