"""Demo content of e-laga: the index page, categories, templates, officers, reports.

Reports are created through the services, as citizens and officers would, and their
timestamps are moved back afterwards so statistics and overdue flags look real.
"""

import datetime
import random

from django.utils import timezone
from wagtail.rich_text import RichText

from pengaduan import services
from pengaduan.choices import JenisLaporan, StatusLaporan
from pengaduan.models import (
    FIRST_FOLLOWUP_DAYS,
    VERIFICATION_DAYS,
    CatatanLaporan,
    ELagaIndexPage,
    KategoriLaporan,
    Laporan,
    TemplateTanggapan,
)
from pengaduan.statistics_rollup import rebuild_statistics
from portal.demo import add_area_index, create_officer
from portal.models import Desa, Kecamatan, PerangkatDaerah
from portal.roles import MODERATOR_PENGADUAN, PETUGAS_OPD
from portal.working_days import add_working_days

S = StatusLaporan

# (slug, name, OPD slug, target in hari kerja, anonymous allowed, never public, guidance)
CATEGORIES = [
    (
        "jalan-dan-jembatan",
        "Jalan dan jembatan",
        "dinas-pupr",
        14,
        True,
        False,
        "Sebutkan nama jalan atau jembatan dan titik terdekat yang mudah dikenali.",
    ),
    (
        "air-bersih",
        "Air bersih",
        "dinas-pupr",
        5,
        True,
        False,
        "Sebutkan sejak kapan air tidak mengalir dan berapa rumah yang terdampak.",
    ),
    (
        "kebersihan-dan-sampah",
        "Kebersihan dan sampah",
        "dlh",
        5,
        True,
        False,
        "Lampirkan foto tumpukan sampah bila ada.",
    ),
    (
        "pelayanan-kesehatan",
        "Pelayanan kesehatan",
        "dinkes",
        5,
        True,
        False,
        "Sebutkan nama puskesmas atau rumah sakit dan waktu kejadian.",
    ),
    (
        "pendidikan",
        "Pendidikan",
        "disdik",
        14,
        True,
        False,
        "Sebutkan nama sekolah dan jenjangnya.",
    ),
    (
        "administrasi-kependudukan",
        "Administrasi kependudukan",
        "disdukcapil",
        5,
        False,
        False,
        "Jangan menuliskan NIK atau nomor KK di isi laporan; isi kolom NIK bila perlu.",
    ),
    (
        "bencana",
        "Bencana",
        "bpbd",
        2,
        True,
        False,
        "Dalam keadaan darurat hubungi juga 112.",
    ),
    (
        "kinerja-asn",
        "Kinerja ASN",
        "inspektorat",
        14,
        True,
        True,
        "Sebutkan kantor, nama atau jabatan ASN, dan waktu kejadian. "
        "Laporan kategori ini tidak pernah dipublikasikan.",
    ),
    (
        "aspirasi-pembangunan",
        "Aspirasi pembangunan",
        "bappeda",
        60,
        True,
        False,
        "Sampaikan usulan pembangunan untuk desa atau kecamatan Anda.",
    ),
]

# (title, category slug or None for every category, text)
TEMPLATES = [
    (
        "Laporan diterima dan sedang ditinjau",
        None,
        "Terima kasih atas laporan Anda. Laporan telah kami terima dan sedang "
        "ditinjau oleh petugas. Kami akan menyampaikan perkembangan berikutnya "
        "melalui halaman lacak laporan.",
    ),
    (
        "Peninjauan lapangan dijadwalkan",
        None,
        "Petugas kami telah menjadwalkan peninjauan ke lokasi dalam beberapa hari "
        "kerja ke depan. Hasil peninjauan akan kami sampaikan di sini.",
    ),
    (
        "Perbaikan jalan masuk jadwal pemeliharaan",
        "jalan-dan-jembatan",
        "Kerusakan telah kami catat dan masuk jadwal pemeliharaan rutin Dinas PUPR. "
        "Perbaikan sementara (penimbunan) akan dilakukan lebih dulu.",
    ),
    (
        "Pengangkutan sampah dijadwalkan",
        "kebersihan-dan-sampah",
        "Armada pengangkut sampah DLH telah dijadwalkan ke lokasi. Mohon warga "
        "membuang sampah pada jam dan tempat yang ditentukan.",
    ),
    (
        "Laporan diselesaikan",
        None,
        "Laporan Anda telah ditindaklanjuti dan kami nyatakan selesai. Bila masalah "
        "belum teratasi, Anda dapat membuka kembali laporan melalui tautan rahasia "
        "dalam 10 hari kerja.",
    ),
]

# (category slug, kind, title, text)
REPORTS = [
    (
        "jalan-dan-jembatan",
        "p",
        "Jalan berlubang di depan SD Negeri",
        "Lubang besar di badan jalan depan sekolah membahayakan anak-anak yang menyeberang, terutama saat hujan.",
    ),
    (
        "air-bersih",
        "p",
        "Air PDAM tidak mengalir tiga hari",
        "Sudah tiga hari air tidak mengalir di lingkungan kami. Warga terpaksa membeli air galon.",
    ),
    (
        "kebersihan-dan-sampah",
        "p",
        "Sampah menumpuk di pinggir pasar",
        "Tumpukan sampah di sisi pasar belum diangkut lebih dari seminggu dan berbau menyengat.",
    ),
    (
        "pelayanan-kesehatan",
        "p",
        "Antrean puskesmas terlalu lama",
        "Pasien menunggu lebih dari tiga jam karena hanya satu loket pendaftaran yang buka.",
    ),
    (
        "pendidikan",
        "p",
        "Atap ruang kelas bocor",
        "Atap dua ruang kelas bocor sehingga murid dipindahkan ke teras saat hujan.",
    ),
    (
        "administrasi-kependudukan",
        "p",
        "KTP elektronik belum terbit",
        "Perekaman KTP-el sudah dua bulan lalu tetapi kartu belum juga dicetak.",
    ),
    (
        "bencana",
        "p",
        "Banjir merendam permukiman",
        "Air sungai meluap dan merendam puluhan rumah setinggi lutut orang dewasa sejak subuh.",
    ),
    (
        "kinerja-asn",
        "p",
        "Petugas kantor desa meminta uang pengurusan surat",
        "Saat mengurus surat keterangan usaha, petugas meminta uang di luar ketentuan.",
    ),
    (
        "aspirasi-pembangunan",
        "a",
        "Usulan pembangunan jalan usaha tani",
        "Warga mengusulkan pembangunan jalan usaha tani sepanjang dua kilometer menuju areal sawah.",
    ),
    (
        "jalan-dan-jembatan",
        "p",
        "Jembatan kayu lapuk",
        "Papan jembatan penghubung dua dusun sudah lapuk dan beberapa berlubang.",
    ),
    (
        "air-bersih",
        "p",
        "Pipa air bocor di pinggir jalan",
        "Pipa distribusi bocor sehingga air terbuang dan tekanan ke rumah warga lemah.",
    ),
    (
        "kebersihan-dan-sampah",
        "p",
        "Saluran drainase tersumbat sampah",
        "Parit di sepanjang jalan tersumbat sampah plastik dan menyebabkan genangan.",
    ),
    (
        "pelayanan-kesehatan",
        "p",
        "Stok obat di pustu kosong",
        "Puskesmas pembantu tidak memiliki obat demam untuk anak selama dua minggu.",
    ),
    (
        "pendidikan",
        "a",
        "Usulan perpustakaan desa",
        "Kami mengusulkan bantuan buku dan rak untuk perpustakaan desa yang baru dibentuk.",
    ),
    (
        "administrasi-kependudukan",
        "p",
        "Pelayanan akta kelahiran lambat",
        "Permohonan akta kelahiran anak kami belum selesai setelah satu bulan.",
    ),
    (
        "bencana",
        "p",
        "Pohon tumbang menutup jalan",
        "Pohon besar tumbang akibat angin kencang dan menutup seluruh badan jalan.",
    ),
    (
        "jalan-dan-jembatan",
        "p",
        "Lampu jalan padam di tikungan",
        "Lampu penerangan jalan di tikungan padam sehingga rawan kecelakaan pada malam hari.",
    ),
    (
        "kebersihan-dan-sampah",
        "p",
        "Pembakaran sampah dekat sekolah",
        "Warga membakar sampah di lahan kosong dekat sekolah, asapnya masuk ke kelas.",
    ),
    (
        "aspirasi-pembangunan",
        "a",
        "Usulan posyandu permanen",
        "Posyandu di dusun kami masih menumpang di rumah warga; kami mengusulkan bangunan permanen.",
    ),
    (
        "kinerja-asn",
        "p",
        "Pegawai sering tidak di tempat pada jam kerja",
        "Loket pelayanan sering kosong pada jam kerja dan warga diminta datang kembali.",
    ),
    (
        "air-bersih",
        "p",
        "Air keruh dan berbau",
        "Air dari jaringan perpipaan berwarna kecokelatan dan berbau sejak seminggu.",
    ),
    (
        "pelayanan-kesehatan",
        "p",
        "Ambulans desa tidak dapat dihubungi",
        "Nomor ambulans desa tidak aktif saat kami membutuhkan pertolongan malam hari.",
    ),
    (
        "pendidikan",
        "p",
        "Pungutan seragam di sekolah negeri",
        "Orang tua murid diminta membayar seragam dengan harga di atas harga pasar.",
    ),
    (
        "jalan-dan-jembatan",
        "p",
        "Jalan tanah licin dan berlumpur",
        "Jalan desa belum diperkeras dan tidak dapat dilalui sepeda motor saat hujan.",
    ),
    (
        "bencana",
        "p",
        "Abrasi pantai mengancam rumah warga",
        "Gelombang pasang mengikis bibir pantai, beberapa rumah hanya berjarak lima meter dari air.",
    ),
    (
        "kebersihan-dan-sampah",
        "p",
        "Tempat pembuangan sampah liar",
        "Lahan kosong di tepi jalan dijadikan tempat pembuangan sampah oleh orang tak dikenal.",
    ),
    (
        "aspirasi-pembangunan",
        "a",
        "Usulan lapangan olahraga desa",
        "Pemuda desa mengusulkan perbaikan lapangan sepak bola yang selama ini tergenang.",
    ),
    (
        "administrasi-kependudukan",
        "p",
        "Data kartu keluarga salah",
        "Nama anak di kartu keluarga tertulis salah dan perbaikannya belum diproses.",
    ),
    (
        "jalan-dan-jembatan",
        "p",
        "Gorong-gorong ambles",
        "Gorong-gorong di bawah jalan ambles sehingga aspal retak dan turun.",
    ),
    (
        "air-bersih",
        "a",
        "Usulan sumur bor untuk dusun",
        "Dusun kami belum terjangkau jaringan air bersih; kami mengusulkan sumur bor bersama.",
    ),
    (
        "pelayanan-kesehatan",
        "p",
        "Petugas puskesmas kurang ramah",
        "Petugas pendaftaran berbicara kasar kepada pasien lansia.",
    ),
    (
        "kinerja-asn",
        "p",
        "Dugaan pungutan pada pengurusan izin",
        "Pengurusan izin usaha mikro diminta biaya tambahan tanpa kuitansi.",
    ),
    (
        "pendidikan",
        "p",
        "Guru honorer belum menerima honor",
        "Honor guru honorer di sekolah kami belum dibayarkan selama tiga bulan.",
    ),
    (
        "kebersihan-dan-sampah",
        "p",
        "Limbah pabrik mencemari sungai",
        "Air sungai berubah warna dan ikan mati setelah limbah dibuang dari arah pabrik.",
    ),
    (
        "jalan-dan-jembatan",
        "p",
        "Rambu lalu lintas hilang",
        "Rambu peringatan sekolah di jalan provinsi hilang sejak sebulan lalu.",
    ),
    (
        "bencana",
        "p",
        "Tanah longsor di tebing jalan",
        "Tebing di sisi jalan longsor dan sebagian material menutup separuh badan jalan.",
    ),
    (
        "aspirasi-pembangunan",
        "a",
        "Usulan pasar desa",
        "Pedagang mengusulkan penataan pasar desa agar tidak berjualan di badan jalan.",
    ),
    (
        "air-bersih",
        "p",
        "Meteran air rusak",
        "Meteran air rusak sehingga tagihan bulan ini tidak sesuai pemakaian.",
    ),
    (
        "pelayanan-kesehatan",
        "a",
        "Usulan jadwal posyandu lansia",
        "Kami mengusulkan posyandu lansia diadakan setiap bulan di balai desa.",
    ),
    (
        "jalan-dan-jembatan",
        "p",
        "Jalan amblas dekat jembatan",
        "Badan jalan amblas sepanjang tiga meter tepat sebelum jembatan.",
    ),
]

# The state each report ends in, oldest first (the newest reports are still new).
FINAL_STATUSES = (
    [S.DITUTUP] * 10
    + [S.SELESAI] * 8
    + [S.DITOLAK] * 3
    + [S.DITINDAKLANJUTI] * 6
    + [S.DIDISPOSISIKAN] * 5
    + [S.DIVERIFIKASI] * 3
    + [S.BARU] * 5
)

REPORTER_NAMES = [
    "Siti Aminah",
    "Budi Santoso",
    "Rahmawati Lubis",
    "Ahmad Syahputra",
    "Nurhayati Ginting",
    "Joko Prasetyo",
    "Dewi Sartika Sembiring",
    "Hendra Tarigan",
]

OPEN_RECENT = (S.DIDISPOSISIKAN, S.DITINDAKLANJUTI)

MODERATOR_USERNAME = "moderator.elaga"
PUPR_OFFICER_USERNAME = "petugas.pupr"


def load(stdout, style):
    """Build the e-laga page, categories, templates, demo officers and reports."""
    _index_page()
    categories = _categories()
    _templates(categories)
    moderator = create_officer(
        stdout,
        style,
        MODERATOR_USERNAME,
        "Moderator",
        "e-laga",
        MODERATOR_PENGADUAN,
    )
    created = _reports(categories, moderator)
    # The reports' timestamps were moved back with update(): recount the figures.
    rebuild_statistics()
    create_officer(
        stdout,
        style,
        PUPR_OFFICER_USERNAME,
        "Petugas",
        "Dinas PUPR",
        PETUGAS_OPD,
        perangkat_daerah=PerangkatDaerah.objects.get(slug="dinas-pupr"),
    )
    stdout.write(
        f"  e-laga: {len(categories)} kategori, {len(TEMPLATES)} template tanggapan, "
        f"{created} laporan baru."
    )


def _index_page():
    if ELagaIndexPage.objects.exists():
        return
    add_area_index(
        ELagaIndexPage(
            title="e-laga",
            slug="e-laga",
            show_in_menus=True,
            listing_summary=(
                "Sampaikan pengaduan dan aspirasi kepada Pemerintah Kabupaten Langkat, "
                "lalu lacak penanganannya dengan kode laporan."
            ),
            introduction=RichText(
                "<p>e-laga (Langkat Siaga) adalah saluran resmi pengaduan dan aspirasi "
                "warga. Laporan diverifikasi paling lama 3 hari kerja, diteruskan ke "
                "perangkat daerah yang berwenang, dan dijawab sesuai target kategori.</p>"
            ),
            privacy_notice=RichText(
                "<p>Identitas Anda tidak pernah ditampilkan kepada publik. Bila memilih "
                "<b>anonim</b>, identitas hanya terlihat oleh moderator Diskominfo. Bila "
                "memilih <b>rahasia</b>, laporan tidak dipublikasikan.</p>"
            ),
            confirmation_text=(
                "Terima kasih, laporan Anda sudah kami terima. Simpan kode lacak dan "
                "tautan rahasia di bawah ini untuk memantau dan melengkapi laporan."
            ),
        )
    )


def _categories():
    categories = {}
    for order, (slug, nama, opd, target, anonim, rahasia, panduan) in enumerate(
        CATEGORIES
    ):
        categories[slug], _created = KategoriLaporan.objects.get_or_create(
            slug=slug,
            defaults={
                "nama": nama,
                "perangkat_daerah_default": PerangkatDaerah.objects.get(slug=opd),
                "target_hari_kerja": target,
                "boleh_anonim": anonim,
                "selalu_rahasia": rahasia,
                "panduan": panduan,
                "urutan": order,
            },
        )
    return categories


def _templates(categories):
    for judul, kategori, isi in TEMPLATES:
        TemplateTanggapan.objects.get_or_create(
            judul=judul,
            defaults={"isi": isi, "kategori": categories.get(kategori)},
        )


def _reports(categories, moderator):
    titles = [title for _slug, _kind, title, _text in REPORTS]
    if Laporan.objects.filter(judul__in=titles).exists():
        return 0
    rng = random.Random(2026)  # noqa: S311 (repeatable demo data, not secrets)
    kecamatan = list(Kecamatan.objects.order_by("nama"))
    now = timezone.now()
    for number, (slug, kind, title, text) in enumerate(REPORTS):
        received = now - datetime.timedelta(
            days=int(360 * (len(REPORTS) - number) / len(REPORTS)) - 5,
            hours=rng.randint(0, 8),
        )
        if FINAL_STATUSES[number] == S.BARU:
            received = now - datetime.timedelta(days=2 * (len(REPORTS) - number))
        elif FINAL_STATUSES[number] in OPEN_RECENT and number % 2 == 0:
            # Some open reports are still within their deadline.
            received = now - datetime.timedelta(days=rng.randint(2, 4))
        _report(
            rng,
            number,
            categories[slug],
            kind,
            title,
            text,
            kecamatan[number % len(kecamatan)],
            FINAL_STATUSES[number],
            received,
            moderator,
        )
    return len(REPORTS)


def _report(
    rng, number, kategori, kind, title, text, kecamatan, final, received, moderator
):
    desa = rng.choice([*Desa.objects.filter(kecamatan=kecamatan), None])
    anonim = kategori.boleh_anonim and number % 5 == 2
    laporan = Laporan(
        jenis=JenisLaporan.ASPIRASI if kind == "a" else JenisLaporan.PENGADUAN,
        kategori=kategori,
        judul=title,
        isi=text,
        kecamatan=kecamatan,
        desa=desa,
        alamat=f"Dusun {number % 7 + 1}, {desa.nama if desa else kecamatan.nama}",
        tanggal_kejadian=(received - datetime.timedelta(days=1)).date(),
        nama_pelapor=REPORTER_NAMES[number % len(REPORTER_NAMES)],
        telepon=f"08126{number:06d}",
        nik="1205015203850002" if number % 4 == 0 else "",
        anonim=anonim,
        rahasia=number % 7 == 3,
    )
    services.submit_laporan(laporan)
    opd = kategori.perangkat_daerah_default
    if final == S.DITOLAK:
        services.reject(
            laporan, moderator, "Laporan di luar kewenangan pemerintah kabupaten."
        )
    elif final != S.BARU:
        services.verify(laporan, moderator)
    if final in (S.DIDISPOSISIKAN, S.DITINDAKLANJUTI, S.SELESAI, S.DITUTUP):
        services.dispatch(laporan, moderator, opd)
    if final in (S.DITINDAKLANJUTI, S.SELESAI, S.DITUTUP):
        services.add_followup(
            laporan, moderator, "Petugas telah meninjau lokasi dan mencatat masalahnya."
        )
    if final in (S.SELESAI, S.DITUTUP):
        services.resolve(
            laporan, moderator, "Masalah telah ditangani; terima kasih atas laporannya."
        )
    if final == S.DITUTUP:
        services.close(laporan, moderator)
    _backdate(rng, laporan, received)


def _backdate(rng, laporan, received):
    """Move every timestamp of a report (and its timeline) back in time."""
    now = timezone.now()

    def after(moment, **delta):
        return min(moment + datetime.timedelta(**delta), now)

    verified = after(received, days=rng.randint(0, 4), hours=2)
    dispatched = after(verified, hours=rng.randint(1, 30))
    first_followup = after(dispatched, days=rng.randint(1, 8))
    resolved = after(first_followup, days=rng.randint(1, 25))
    closed = after(resolved, days=rng.randint(3, 12))
    times = {
        "diterima_pada": received,
        "diverifikasi_pada": verified if laporan.diverifikasi_pada else None,
        "didisposisikan_pada": dispatched if laporan.didisposisikan_pada else None,
        "tindak_lanjut_pertama_pada": (
            first_followup if laporan.tindak_lanjut_pertama_pada else None
        ),
        "selesai_pada": resolved if laporan.selesai_pada else None,
        "ditutup_pada": closed if laporan.ditutup_pada else None,
    }
    deadline = {
        S.BARU: lambda: add_working_days(received, VERIFICATION_DAYS),
        S.DIDISPOSISIKAN: lambda: add_working_days(dispatched, FIRST_FOLLOWUP_DAYS),
        S.DITINDAKLANJUTI: lambda: add_working_days(
            received, laporan.kategori.target_hari_kerja
        ),
    }.get(laporan.status)
    Laporan.objects.filter(pk=laporan.pk).update(
        batas_waktu=deadline() if deadline else None, **times
    )
    entry_times = {
        S.BARU: received,
        S.DIVERIFIKASI: verified,
        S.DITOLAK: verified,
        S.DIDISPOSISIKAN: dispatched,
        S.DITINDAKLANJUTI: first_followup,
        S.SELESAI: resolved,
        S.DITUTUP: closed,
    }
    for entry in CatatanLaporan.objects.filter(laporan=laporan):
        CatatanLaporan.objects.filter(pk=entry.pk).update(
            created_at=entry_times.get(entry.status_to, received)
        )
