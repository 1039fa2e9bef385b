"""Demo content of e-kecamatan: the index page, service standards, the 23 offices,
officer accounts, applications in every state and a year of IKM surveys.

Service standards are published through a revision, as the workflow would. The
showcased applications go through the services, as citizens and officers would,
and their timestamps are moved back afterwards; the year of completed applications
behind the IKM figures is written in bulk so loading stays fast.
"""

import datetime
import random
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from wagtail.rich_text import RichText

from layanan import services
from layanan.choices import (
    JenisHasil,
    JenisKelamin,
    Pekerjaan,
    Pendidikan,
    StatusPermohonan,
)
from layanan.ikm import ELEMENT_FIELDS
from layanan.models import (
    EKecamatanIndexPage,
    KantorKecamatanPage,
    LinimasaPermohonan,
    Permohonan,
    StandarLayanan,
    SurveiIKM,
    TemplateSurat,
)
from portal.demo import add_area_index, create_officer
from portal.models import Desa, Kecamatan
from portal.roles import EDITOR_LAYANAN, PETUGAS_KECAMATAN
from portal.tracking import generate_secret_token, generate_tracking_code
from portal.uploads import CleanUpload
from portal.working_days import WorkingDayCalendar, to_local_date

S = StatusPermohonan

SALURAN_PENGADUAN = (
    "e-laga di Portal Langkat (menu e-laga), kotak saran dan meja pengaduan di kantor "
    "camat, atau SP4N-LAPOR! (lapor.go.id)."
)
DASAR_UMUM = [
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
    "Peraturan Bupati Langkat tentang Pelimpahan Sebagian Kewenangan Bupati "
    "kepada Camat",
]


def _dasar(*extra):
    items = "".join(f"<li>{text}</li>" for text in [*DASAR_UMUM, *extra])
    return f"<ol>{items}</ol>"


def _syarat(nama, keterangan="", unggah=True):
    return ("persyaratan", {"nama": nama, "keterangan": keterangan, "unggah": unggah})


def _langkah(judul, uraian=""):
    return ("langkah", {"judul": judul, "uraian": uraian})


def _teks(label, wajib=True, bantuan="", panjang=False):
    return (
        "teks",
        {"label": label, "wajib": wajib, "bantuan": bantuan, "panjang": panjang},
    )


def _angka(label, minimum=None, maksimum=None, wajib=True, bantuan=""):
    return (
        "angka",
        {
            "label": label,
            "wajib": wajib,
            "bantuan": bantuan,
            "minimum": minimum,
            "maksimum": maksimum,
        },
    )


def _tanggal(label, wajib=True, bantuan=""):
    return ("tanggal", {"label": label, "wajib": wajib, "bantuan": bantuan})


def _pilihan(label, pilihan, wajib=True, bantuan=""):
    return (
        "pilihan",
        {"label": label, "wajib": wajib, "bantuan": bantuan, "pilihan": pilihan},
    )


def _berkas(label, wajib=False, bantuan=""):
    return ("berkas", {"label": label, "wajib": wajib, "bantuan": bantuan})


KTP = _syarat("KTP elektronik pemohon")
KK = _syarat("Kartu Keluarga")
PENGANTAR_DESA = _syarat(
    "Surat pengantar kepala desa/lurah", "Asli dibawa saat mengambil hasil."
)
STANDARD_STEPS = [
    _langkah(
        "Ajukan permohonan",
        "Isi formulir daring dan unggah persyaratan, atau datang ke meja layanan "
        "kantor camat.",
    ),
    _langkah(
        "Verifikasi berkas",
        "Petugas memeriksa kelengkapan; bila kurang, pemohon diminta memperbaiki "
        "melalui tautan rahasia.",
    ),
    _langkah("Pemrosesan dan penandatanganan", "Dokumen disiapkan dan ditandatangani."),
    _langkah(
        "Penyerahan hasil",
        "Hasil dapat diunduh melalui tautan rahasia atau diambil di kantor camat "
        "dengan membawa berkas asli.",
    ),
]
GRATIS = "Tidak dipungut biaya. Laporkan setiap pungutan melalui e-laga."

#: (slug, name, summary, extra legal bases, requirements, days, cost note, product,
#: application fields, kecamatan slugs or None for all)
SERVICES = [
    (
        "surat-keterangan-domisili",
        "Surat Keterangan Domisili",
        "Keterangan tempat tinggal bagi warga yang berdomisili di kecamatan, untuk "
        "keperluan administrasi, pekerjaan atau pendidikan.",
        [
            "Permendagri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Perpres "
            "Nomor 96 Tahun 2018"
        ],
        [KTP, KK, PENGANTAR_DESA],
        2,
        GRATIS,
        "Surat Keterangan Domisili yang ditandatangani camat",
        [
            _teks("Keperluan surat", bantuan="Mis. melamar pekerjaan."),
            _tanggal("Tinggal di alamat ini sejak"),
            _pilihan("Status tempat tinggal", ["Milik sendiri", "Sewa", "Menumpang"]),
        ],
        None,
    ),
    (
        "surat-keterangan-tidak-mampu",
        "Surat Keterangan Tidak Mampu (SKTM)",
        "Keterangan keluarga kurang mampu untuk keringanan biaya pendidikan, "
        "kesehatan atau bantuan sosial.",
        [
            "Permensos Nomor 3 Tahun 2021 tentang Pengelolaan Data Terpadu "
            "Kesejahteraan Sosial"
        ],
        [KTP, KK, PENGANTAR_DESA, _syarat("Foto rumah tampak depan")],
        2,
        GRATIS,
        "Surat Keterangan Tidak Mampu",
        [
            _pilihan(
                "Keperluan",
                ["Pendidikan", "Kesehatan", "Bantuan sosial", "Lainnya"],
            ),
            _angka("Jumlah tanggungan keluarga", 1, 20),
            _angka(
                "Penghasilan keluarga per bulan (Rp)",
                0,
                20000000,
                bantuan="Perkiraan, tanpa titik.",
            ),
        ],
        None,
    ),
    (
        "pengantar-ktp-elektronik",
        "Surat Pengantar KTP Elektronik",
        "Pengantar perekaman atau pencetakan ulang KTP elektronik ke Dinas "
        "Kependudukan dan Pencatatan Sipil.",
        [
            "Permendagri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Perpres "
            "Nomor 96 Tahun 2018"
        ],
        [KK, PENGANTAR_DESA, _syarat("KTP lama", "Bila mengganti yang rusak.", False)],
        1,
        GRATIS,
        "Surat pengantar ke Disdukcapil Kabupaten Langkat",
        [
            _pilihan(
                "Jenis permohonan",
                ["Perekaman baru", "Kartu hilang", "Kartu rusak", "Perubahan data"],
            ),
            _berkas("Surat kehilangan dari kepolisian", bantuan="Bila kartu hilang."),
        ],
        None,
    ),
    (
        "pengantar-kartu-keluarga",
        "Surat Pengantar Kartu Keluarga",
        "Pengantar penerbitan, perubahan atau pemisahan Kartu Keluarga.",
        [
            "Permendagri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Perpres "
            "Nomor 96 Tahun 2018"
        ],
        [KTP, KK, PENGANTAR_DESA, _syarat("Buku nikah atau akta perkawinan")],
        1,
        GRATIS,
        "Surat pengantar ke Disdukcapil Kabupaten Langkat",
        [
            _pilihan(
                "Jenis perubahan",
                ["KK baru", "Tambah anggota", "Pisah KK", "Perubahan data"],
            ),
            _angka("Jumlah anggota keluarga", 1, 20),
        ],
        None,
    ),
    (
        "surat-keterangan-ahli-waris",
        "Surat Keterangan Ahli Waris",
        "Keterangan para ahli waris dari pewaris yang telah meninggal dunia, "
        "dikuatkan oleh camat.",
        [
            "Permendagri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Perpres "
            "Nomor 96 Tahun 2018"
        ],
        [
            KTP,
            KK,
            _syarat("Akta kematian pewaris"),
            _syarat("Surat pernyataan ahli waris", "Ditandatangani semua ahli waris."),
            _syarat("KTP para ahli waris", "Fotokopi, dibawa saat verifikasi.", False),
        ],
        5,
        GRATIS,
        "Surat Keterangan Ahli Waris yang dikuatkan camat",
        [
            _teks("Nama pewaris"),
            _tanggal("Tanggal meninggal pewaris"),
            _angka("Jumlah ahli waris", 1, 30),
            _teks("Keterangan harta warisan", wajib=False, panjang=True),
        ],
        None,
    ),
    (
        "izin-usaha-mikro-kecil",
        "Izin Usaha Mikro dan Kecil (IUMK)",
        "Izin bagi usaha mikro dan kecil di wilayah kecamatan, sebagai dasar "
        "pembinaan dan akses permodalan.",
        [
            "Perpres Nomor 98 Tahun 2014 tentang Perizinan untuk Usaha Mikro dan Kecil",
            "PP Nomor 7 Tahun 2021 tentang Kemudahan, Pelindungan, dan Pemberdayaan "
            "Koperasi dan UMKM",
        ],
        [
            KTP,
            KK,
            PENGANTAR_DESA,
            _syarat("Pas foto 4x6 berwarna"),
            _syarat("Foto tempat usaha"),
        ],
        3,
        GRATIS,
        "Naskah IUMK",
        [
            _teks("Nama usaha"),
            _pilihan(
                "Bidang usaha",
                ["Kuliner", "Perdagangan", "Kerajinan", "Pertanian", "Jasa"],
            ),
            _angka("Modal usaha (Rp)", 0, 500000000),
            _angka("Jumlah tenaga kerja", 0, 50),
        ],
        None,
    ),
    (
        "surat-keterangan-usaha",
        "Surat Keterangan Usaha",
        "Keterangan bahwa pemohon menjalankan usaha di wilayah kecamatan, mis. untuk "
        "pengajuan kredit usaha rakyat.",
        [],
        [KTP, KK, PENGANTAR_DESA, _syarat("Foto tempat usaha")],
        2,
        GRATIS,
        "Surat Keterangan Usaha",
        [
            _teks("Nama dan jenis usaha"),
            _tanggal("Usaha berdiri sejak"),
            _teks("Keperluan surat", bantuan="Mis. pengajuan KUR ke bank."),
        ],
        None,
    ),
    (
        "rekomendasi-dispensasi-nikah",
        "Rekomendasi Dispensasi Nikah",
        "Rekomendasi camat bagi pernikahan yang didaftarkan kurang dari 10 hari "
        "kerja sebelum akad.",
        ["Peraturan Menteri Agama Nomor 20 Tahun 2019 tentang Pencatatan Pernikahan"],
        [
            KTP,
            _syarat("KTP calon pasangan"),
            _syarat("Surat pemberitahuan kekurangan waktu dari KUA"),
            PENGANTAR_DESA,
        ],
        1,
        GRATIS,
        "Surat rekomendasi dispensasi nikah",
        [
            _teks("Nama calon pasangan"),
            _tanggal("Rencana tanggal akad"),
            _teks("Alasan dispensasi", panjang=True),
        ],
        None,
    ),
    (
        "rekomendasi-izin-keramaian",
        "Rekomendasi Izin Keramaian",
        "Rekomendasi camat untuk pesta, hiburan atau acara yang mengumpulkan orang "
        "banyak, sebagai syarat izin kepolisian.",
        [
            "Peraturan Kapolri Nomor 7 Tahun 2023 tentang Tata Cara Perizinan dan "
            "Pengawasan Kegiatan Keramaian Umum"
        ],
        [KTP, PENGANTAR_DESA, _syarat("Denah lokasi acara")],
        3,
        GRATIS,
        "Surat rekomendasi izin keramaian ke Polsek",
        [
            _pilihan(
                "Jenis acara",
                ["Pesta pernikahan", "Hiburan", "Olahraga", "Keagamaan", "Lainnya"],
            ),
            _tanggal("Tanggal acara"),
            _angka("Perkiraan jumlah tamu", 10, 10000),
            _teks("Lokasi acara"),
        ],
        None,
    ),
    (
        "surat-keterangan-pindah",
        "Surat Keterangan Pindah",
        "Pengantar perpindahan penduduk ke luar kecamatan atau kabupaten.",
        [
            "Permendagri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Perpres "
            "Nomor 96 Tahun 2018"
        ],
        [KTP, KK, PENGANTAR_DESA],
        2,
        GRATIS,
        "Surat pengantar pindah ke Disdukcapil",
        [
            _teks("Alamat tujuan", panjang=True),
            _pilihan(
                "Alasan pindah",
                ["Pekerjaan", "Pendidikan", "Keluarga", "Keamanan", "Lainnya"],
            ),
            _angka("Jumlah anggota keluarga yang pindah", 1, 20),
        ],
        None,
    ),
    (
        "legalisasi-dokumen",
        "Legalisasi Dokumen",
        "Pengesahan fotokopi dokumen yang diterbitkan kecamatan.",
        [],
        [KTP, _syarat("Dokumen yang dilegalisasi", "Asli dibawa untuk dicocokkan.")],
        1,
        "Tidak dipungut biaya; materai disediakan pemohon bila diperlukan.",
        "Fotokopi dokumen yang dilegalisasi",
        [
            _teks("Nama dokumen"),
            _angka("Jumlah lembar", 1, 20),
        ],
        None,
    ),
    (
        "rekomendasi-izin-pengambilan-hasil-laut",
        "Rekomendasi Izin Nelayan Kecil",
        "Rekomendasi camat bagi nelayan kecil di kecamatan pesisir untuk pengurusan "
        "tanda daftar kapal dan bantuan alat tangkap.",
        [
            "Undang-Undang Nomor 7 Tahun 2016 tentang Perlindungan dan Pemberdayaan "
            "Nelayan"
        ],
        [KTP, KK, PENGANTAR_DESA, _syarat("Foto perahu")],
        3,
        GRATIS,
        "Surat rekomendasi nelayan kecil",
        [
            _teks("Nama perahu"),
            _angka("Ukuran perahu (GT)", 1, 10),
            _pilihan("Alat tangkap", ["Jaring insang", "Pancing", "Bubu", "Lainnya"]),
        ],
        [
            "babalan",
            "brandan-barat",
            "gebang",
            "pangkalan-susu",
            "secanggang",
            "tanjungpura",
        ],
    ),
]

CAMAT = [
    "Drs. Syahrial Nasution",
    "Ahmad Fauzi Lubis, S.STP",
    "Rahmat Hidayat Ginting, S.Sos",
    "Hj. Nurmala Sari, S.H.",
    "Zulkarnain Tarigan, S.Sos",
    "Muhammad Ridwan, S.STP, M.Si",
    "Sri Wahyuni Siregar, S.E.",
    "Bambang Irawan, S.Sos",
    "Erwin Syahputra Sembiring, S.STP",
    "Hendra Gunawan Sitepu, S.H.",
    "Dra. Lisnawati Harahap",
    "Irwansyah Putra, S.Sos",
    "Arief Rahman Hakim, S.STP",
    "Mariani Br Perangin-angin, S.Pd",
    "Sahat Tua Simanjuntak, S.Sos",
    "Fadli Azhari, S.IP",
    "Ramadhan Sinuhaji, S.STP",
    "Yusnita Daulay, S.H.",
    "Eko Prasetyo, S.Sos",
    "Darwin Karo-karo, S.IP",
    "Teuku Amri, S.STP, M.AP",
    "Syafrizal Rangkuti, S.Sos",
    "Indra Kusuma Bangun, S.STP",
]
STREETS = [
    "Jl. Jenderal Sudirman",
    "Jl. Tengku Amir Hamzah",
    "Jl. Pendidikan",
    "Jl. Merdeka",
    "Jl. Lintas Sumatera",
    "Jl. Perintis Kemerdekaan",
    "Jl. Kantor Camat",
]
OPENING_HOURS = "Senin-Kamis 08.00-16.00 WIB, Jumat 08.00-16.30 WIB"

OFFICERS = ["stabat", "babalan", "tanjungpura"]
EDITOR_USERNAME = "editor.layanan"

APPLICANT_NAMES = [
    "Siti Aisyah Nasution",
    "Muhammad Rizki Lubis",
    "Dewi Anggraini",
    "Joko Susilo",
    "Nur Hasanah Ginting",
    "Rudi Hartono Sembiring",
    "Fitri Handayani",
    "Agus Salim Tarigan",
    "Wulan Sari Sitepu",
    "Bayu Pratama",
    "Lina Marlina Br Sinaga",
    "Hasan Basri",
]

#: The final state of each showcased application, oldest first.
SHOWCASE_STATUSES = (
    [S.SELESAI] * 18
    + [S.DITOLAK] * 7
    + [S.DIPROSES] * 10
    + [S.DIVERIFIKASI] * 8
    + [S.PERLU_PERBAIKAN] * 6
    + [S.DIAJUKAN] * 11
)
HISTORIC_COUNT = 150
DEMO_EMAIL_PREFIX = "pemohon.demo."


def load(stdout, style):
    """Build the e-kecamatan page, services, offices, accounts, applications, IKM."""
    index = _index_page()
    created_services = _services()
    _letter_templates()
    created_offices = _offices(index)
    officers = {
        slug: create_officer(
            stdout,
            style,
            f"petugas.{slug}",
            "Petugas",
            f"Kecamatan {Kecamatan.objects.get(slug=slug).nama}",
            PETUGAS_KECAMATAN,
            kecamatan=Kecamatan.objects.get(slug=slug),
            jabatan="Kepala Seksi Pelayanan",
        )
        for slug in OFFICERS
    }
    create_officer(stdout, style, EDITOR_USERNAME, "Editor", "Layanan", EDITOR_LAYANAN)
    showcased, historic = _applications(officers)
    stdout.write(
        f"  e-kecamatan: {StandarLayanan.objects.live().count()} layanan "
        f"({created_services} baru), {created_offices} kantor kecamatan baru, "
        f"{showcased} permohonan contoh dan {historic} permohonan selesai bersurvei "
        "baru."
    )


# ---------- Pages ----------


def _index_page():
    existing = EKecamatanIndexPage.objects.first()
    if existing:
        return existing
    return add_area_index(
        EKecamatanIndexPage(
            title="e-kecamatan",
            slug="e-kecamatan",
            show_in_menus=True,
            listing_summary=(
                "Standar pelayanan 23 kantor camat dan pengajuan layanan "
                "administrasi secara daring."
            ),
            introduction=RichText(
                "<p>Surat keterangan domisili, SKTM, pengantar KTP dan KK, serta "
                "layanan administrasi kecamatan lainnya, dengan persyaratan, prosedur, "
                "waktu penyelesaian dan biaya yang jelas. Ajukan dari rumah, lalu "
                "lacak permohonan dengan kodenya.</p>"
            ),
            confirmation_text=(
                "Terima kasih, permohonan Anda sudah kami terima. Simpan kode lacak "
                "dan tautan rahasia di bawah ini untuk memantau, memperbaiki berkas "
                "dan mengunduh hasilnya."
            ),
        )
    )


def _offices(index):
    existing = set(KantorKecamatanPage.objects.values_list("kecamatan_id", flat=True))
    created = 0
    for number, kecamatan in enumerate(Kecamatan.objects.order_by("nama")):
        if kecamatan.pk in existing:
            continue
        index.add_child(
            instance=KantorKecamatanPage(
                title=f"Kantor Camat {kecamatan.nama}",
                slug=f"kantor-camat-{kecamatan.slug}",
                listing_summary=(
                    f"Alamat, jam layanan dan kontak Kantor Camat {kecamatan.nama}."
                ),
                kecamatan=kecamatan,
                alamat=(
                    f"{STREETS[number % len(STREETS)]} No. {number * 7 % 90 + 1}, "
                    f"Kecamatan {kecamatan.nama}, Kabupaten Langkat"
                ),
                camat=CAMAT[number % len(CAMAT)],
                nip_camat=f"19{70 + number % 20}0{number % 9 + 1}12 199803 1 00{number % 9 + 1}",
                kode_surat=kecamatan.slug.upper(),
                jam_layanan=OPENING_HOURS,
                telepon=f"(061) 891 {2100 + number:04d}",
                email=f"kec.{kecamatan.slug}@langkatkab.go.id",
                tautan_peta=(
                    "https://www.openstreetmap.org/search?query=Kantor+Camat+"
                    f"{kecamatan.nama.split(' (')[0].replace(' ', '+')}+Langkat"
                ),
            )
        )
        created += 1
    return created


# ---------- Service standards ----------


def _services():
    created = 0
    for order, (
        slug,
        nama,
        ringkasan,
        dasar,
        persyaratan,
        waktu,
        keterangan_biaya,
        produk,
        isian,
        kecamatan_slugs,
    ) in enumerate(SERVICES):
        if StandarLayanan.objects.filter(slug=slug).exists():
            continue
        service = StandarLayanan(
            nama=nama,
            slug=slug,
            ringkasan=ringkasan,
            dasar_hukum=_dasar(*dasar),
            persyaratan=persyaratan,
            prosedur=STANDARD_STEPS,
            waktu_hari_kerja=waktu,
            biaya=0,
            keterangan_biaya=keterangan_biaya,
            produk=produk,
            saluran_pengaduan=SALURAN_PENGADUAN,
            isian=isian,
            semua_kecamatan=kecamatan_slugs is None,
            urutan=(order + 1) * 10,
            live=False,
        )
        if kecamatan_slugs:
            service.kecamatan = list(Kecamatan.objects.filter(slug__in=kecamatan_slugs))
        service.save()
        service.save_revision(log_action=True).publish()
        created += 1
    return created


#: Letter templates of the demo services: slug -> (name, title, body).
LETTER_TEMPLATES = {
    "surat-keterangan-domisili": (
        "Surat Keterangan Domisili",
        "Surat Keterangan Domisili",
        "<p>Yang bertanda tangan di bawah ini, Camat {{ kecamatan }} Kabupaten "
        "Langkat, menerangkan bahwa:</p>"
        "<ul><li>Nama: <b>{{ nama_pemohon }}</b></li>"
        "<li>NIK: {{ nik_pemohon }}</li>"
        "<li>Alamat: {{ alamat_pemohon }}, {{ desa }}</li></ul>"
        "<p>benar berdomisili di wilayah Kecamatan {{ kecamatan }} sejak "
        "{{ tinggal_di_alamat_ini_sejak }} dengan status tempat tinggal "
        "{{ status_tempat_tinggal }}.</p>"
        "<p>Surat keterangan ini diberikan atas permohonan tanggal "
        "{{ tanggal_permohonan }} (kode {{ kode_lacak }}) untuk keperluan: "
        "<i>{{ keperluan_surat }}</i></p>"
        "<p>Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana "
        "mestinya.</p>",
    ),
    "surat-keterangan-usaha": (
        "Surat Keterangan Usaha",
        "Surat Keterangan Usaha",
        "<p>Camat {{ kecamatan }} Kabupaten Langkat menerangkan bahwa "
        "<b>{{ nama_pemohon }}</b> (NIK {{ nik_pemohon }}), beralamat di "
        "{{ alamat_pemohon }}, benar menjalankan usaha "
        "<b>{{ nama_dan_jenis_usaha }}</b> di wilayah Kecamatan {{ kecamatan }} "
        "sejak {{ usaha_berdiri_sejak }}.</p>"
        "<p>Surat ini diberikan untuk keperluan {{ keperluan_surat }}.</p>",
    ),
}


def _letter_templates():
    """Give the demo services their letter templates, through a published revision."""
    for slug, (nama, judul, isi) in LETTER_TEMPLATES.items():
        service = StandarLayanan.objects.filter(slug=slug).first()
        if service is None or service.template_surat.exists():
            continue
        service.template_surat = [TemplateSurat(nama=nama, judul=judul, isi=isi)]
        service.save()
        service.save_revision(log_action=True).publish()


# ---------- Accounts ----------


# ---------- Applications and surveys ----------


def _answers(service, rng, today):
    """Plausible answers to the service's fields, as the form would store them."""
    rows = []
    for block in service.isian:
        value = block.value
        kind = block.block_type
        if kind == "berkas":
            continue
        if kind == "teks":
            answer = "Untuk melengkapi persyaratan administrasi."
        elif kind == "angka":
            low = value.get("minimum") or 0
            high = min(value.get("maksimum") or low + 10, low + 10)
            answer = rng.randint(low, max(low, high))
        elif kind == "tanggal":
            answer = (today - datetime.timedelta(days=rng.randint(30, 900))).isoformat()
        else:
            answer = rng.choice(list(value["pilihan"]))
        rows.append(
            {"kunci": block.id, "label": value["label"], "jenis": kind, "nilai": answer}
        )
    return rows


def _pdf(title, lines):
    buffer = BytesIO()
    styles = getSampleStyleSheet()
    story = [Paragraph(title, styles["Title"]), Spacer(1, 12)]
    story += [Paragraph(text, styles["BodyText"]) for text in lines]
    SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author="Pemerintah Kabupaten Langkat"
    ).build(story)
    data = buffer.getvalue()
    return CleanUpload(
        content=ContentFile(data, name="dokumen.pdf"),
        content_type="application/pdf",
        size=len(data),
    )


def _offered(services_, kecamatan):
    return [
        service
        for service in services_
        if service.semua_kecamatan or kecamatan.pk in service.kecamatan_ids
    ]


def _live_services():
    services_ = list(StandarLayanan.objects.live().prefetch_related("kecamatan"))
    for service in services_:
        service.kecamatan_ids = {kecamatan.pk for kecamatan in service.kecamatan.all()}
    return services_


def _applications(officers):
    if Permohonan.objects.filter(email__startswith=DEMO_EMAIL_PREFIX).exists():
        return 0, 0
    rng = random.Random(2026)  # noqa: S311 (repeatable demo data, not secrets)
    services_ = _live_services()
    kecamatan_list = list(Kecamatan.objects.order_by("nama"))
    desa_by_kecamatan = {}
    for desa in Desa.objects.order_by("nama"):
        desa_by_kecamatan.setdefault(desa.kecamatan_id, []).append(desa)
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    showcased = _showcase(
        rng, services_, kecamatan_list, desa_by_kecamatan, officers, admin
    )
    historic = _historic(rng, services_, kecamatan_list, desa_by_kecamatan)
    return showcased, historic


def _applicant(rng, number, kecamatan, desa_by_kecamatan):
    desa = rng.choice(desa_by_kecamatan.get(kecamatan.pk) or [None])
    place = desa.nama if desa else kecamatan.nama
    return {
        "kecamatan": kecamatan,
        "desa": desa,
        "nama": APPLICANT_NAMES[number % len(APPLICANT_NAMES)],
        "nik": f"1205{rng.randint(10, 99)}{rng.randint(41, 71):02d}"
        f"{rng.randint(1, 12):02d}{rng.randint(70, 99):02d}{number % 9000 + 1:04d}",
        "telepon": f"0813{rng.randint(10000000, 99999999)}",
        "email": f"{DEMO_EMAIL_PREFIX}{number:03d}@example.com",
        "alamat": f"Dusun {number % 6 + 1}, {place}, Kecamatan {kecamatan.nama}",
    }


def _showcase(rng, services_, kecamatan_list, desa_by_kecamatan, officers, admin):
    """Applications in every state, through the services, then moved back in time."""
    now = timezone.now()
    today = timezone.localdate()
    # The officers' kecamatan get more applications, the rest one or two each.
    favoured = [k for k in kecamatan_list if k.slug in officers]
    count = len(SHOWCASE_STATUSES)
    for number, final in enumerate(SHOWCASE_STATUSES):
        kecamatan = (
            favoured[number % len(favoured)]
            if number % 2 == 0
            else kecamatan_list[number % len(kecamatan_list)]
        )
        service = rng.choice(_offered(services_, kecamatan))
        officer = officers.get(kecamatan.slug) or admin
        permohonan = Permohonan(
            layanan=service,
            jawaban=_answers(service, rng, today),
            **_applicant(rng, number, kecamatan, desa_by_kecamatan),
        )
        uploads = []
        if number % 3 == 0 and service.unggahan_persyaratan:
            block = service.unggahan_persyaratan[0]
            uploads.append(
                (
                    block.id,
                    block.value["nama"],
                    _pdf(block.value["nama"], ["Salinan dokumen pemohon (contoh)."]),
                )
            )
        services.submit_permohonan(permohonan, uploads)
        _advance(rng, permohonan, final, officer, number)
        # Older applications first; the open ones are recent.
        days_ago = int(75 * (count - number) / count) + 1
        _backdate(rng, permohonan, now - datetime.timedelta(days=days_ago, hours=3))
    return count


def _advance(rng, permohonan, final, officer, number):
    if final == S.DIAJUKAN:
        return
    if final in (S.PERLU_PERBAIKAN,) or number % 7 == 0:
        services.request_fix(
            permohonan,
            officer,
            "Foto KTP kurang jelas. Mohon unggah ulang foto KTP yang terbaca.",
        )
        if final == S.PERLU_PERBAIKAN:
            return
        services.resubmit(
            permohonan, permohonan.jawaban, (), "Foto KTP sudah saya ganti."
        )
    if final == S.DITOLAK:
        services.reject(
            permohonan,
            officer,
            "Pemohon tidak berdomisili di wilayah kecamatan ini; silakan ajukan ke "
            "kecamatan sesuai alamat KTP.",
        )
        return
    services.verify(permohonan, officer, "Berkas lengkap dan sesuai.")
    if final == S.DIVERIFIKASI:
        return
    services.start_processing(
        permohonan, officer, "Dokumen sedang disiapkan untuk ditandatangani camat."
    )
    if final == S.DIPROSES:
        return
    template = permohonan.layanan.template_surat.first()
    if template is not None:
        services.complete(
            permohonan,
            officer,
            "Surat telah terbit; unduh melalui tautan rahasia Anda.",
            letter_template=template,
        )
        return
    result = None
    message = (
        "Surat dapat diambil di meja layanan kantor camat dengan membawa KTP asli."
    )
    if number % 2 == 0:
        result = _pdf(
            permohonan.layanan.produk,
            [
                f"Nomor: 470/{number + 100}/{permohonan.kecamatan.nama}/2026",
                f"Layanan: {permohonan.layanan.nama}.",
                "Dokumen contoh e-kecamatan Portal Langkat.",
            ],
        )
        message = "Dokumen hasil dapat diunduh melalui tautan rahasia Anda."
    services.complete(
        permohonan, officer, message, result=result, pickup=result is None
    )


def _backdate(rng, permohonan, submitted):
    """Move the timestamps of an application and its timeline back in time."""
    now = timezone.now()

    def after(moment, **delta):
        return min(moment + datetime.timedelta(**delta), now)

    fixed = after(submitted, days=1, hours=2)
    resubmitted = after(fixed, days=rng.randint(0, 2), hours=1)
    verified = after(resubmitted, hours=rng.randint(2, 20))
    processing = after(verified, hours=rng.randint(1, 24))
    completed = after(processing, days=rng.randint(0, 3), hours=2)
    times = {
        S.DIAJUKAN: submitted,
        S.PERLU_PERBAIKAN: fixed,
        S.DIVERIFIKASI: verified,
        S.DIPROSES: processing,
        S.SELESAI: completed,
        S.DITOLAK: verified,
    }
    seen_submission = resubmission_seen = False
    for entry in LinimasaPermohonan.objects.filter(permohonan=permohonan).order_by(
        "pk"
    ):
        moment = times.get(entry.status_to, submitted)
        if entry.status_to == S.DIAJUKAN:
            moment = resubmitted if seen_submission else submitted
            resubmission_seen = seen_submission
            seen_submission = True
        LinimasaPermohonan.objects.filter(pk=entry.pk).update(created_at=moment)
    verified_at = verified if permohonan.diverifikasi_pada else None
    waiting_since = resubmitted if resubmission_seen else submitted
    if verified_at and permohonan.status != S.DITOLAK:
        deadline = _calendar_add(verified_at, permohonan.waktu_hari_kerja)
    elif permohonan.status == S.DIAJUKAN:
        deadline = _calendar_add(waiting_since, permohonan.waktu_verifikasi_hari_kerja)
    else:
        deadline = None
    Permohonan.objects.filter(pk=permohonan.pk).update(
        diajukan_pada=submitted,
        menunggu_verifikasi_sejak=waiting_since,
        diverifikasi_pada=verified_at,
        selesai_pada=completed if permohonan.selesai_pada else None,
        batas_waktu=deadline,
    )


def _calendar_add(moment, days):
    day = to_local_date(moment)
    return WorkingDayCalendar(day, day + datetime.timedelta(days=60)).add(day, days)


#: How each kecamatan's answers lean (added to the base score), for varied grades.
LEANINGS = [-0.9, -0.5, -0.2, 0.0, 0.1, 0.3]


def _score(rng, leaning):
    value = 3.1 + leaning + rng.uniform(-0.8, 0.9)
    return max(1, min(4, round(value)))


def _profile(rng, number):
    """A respondent profile; one respondent in six leaves it empty (it is optional)."""
    if number % 6 == 5:
        return {}
    return {
        "jenis_kelamin": rng.choice(JenisKelamin.values),
        "usia": rng.randint(18, 72),
        "pendidikan": rng.choice(Pendidikan.values),
        "pekerjaan": rng.choice(Pekerjaan.values),
    }


def _historic(rng, services_, kecamatan_list, desa_by_kecamatan):
    """A year of completed applications with their IKM answers, written in bulk."""
    now = timezone.now()
    today = timezone.localdate()
    calendar = WorkingDayCalendar(
        today - datetime.timedelta(days=400), today + datetime.timedelta(days=60)
    )
    leanings = {kecamatan.pk: rng.choice(LEANINGS) for kecamatan in kecamatan_list}
    applications, entries, surveys = [], [], []
    for number in range(HISTORIC_COUNT):
        kecamatan = kecamatan_list[rng.randrange(len(kecamatan_list))]
        service = rng.choice(_offered(services_, kecamatan))
        submitted = now - datetime.timedelta(
            days=rng.randint(12, 360), hours=rng.randint(0, 6)
        )
        verified = submitted + datetime.timedelta(hours=rng.randint(2, 30))
        processing = verified + datetime.timedelta(hours=rng.randint(1, 20))
        deadline = calendar.add(to_local_date(verified), service.waktu_hari_kerja)
        completed = processing + datetime.timedelta(days=rng.randint(0, 4))
        answered = min(
            completed + datetime.timedelta(hours=rng.randint(1, 72)),
            now - datetime.timedelta(hours=1),
        )
        permohonan = Permohonan(
            layanan=service,
            jawaban=_answers(service, rng, today),
            waktu_hari_kerja=service.waktu_hari_kerja,
            status=S.SELESAI,
            diajukan_pada=submitted,
            diverifikasi_pada=verified,
            selesai_pada=completed,
            batas_waktu=deadline,
            catatan_hasil="Surat telah diambil pemohon di kantor camat.",
            jenis_hasil=JenisHasil.AMBIL,
            menunggu_verifikasi_sejak=submitted,
            kode_lacak=generate_tracking_code(Permohonan.tracking_prefix),
            token_rahasia=generate_secret_token(),
            **_applicant(rng, 1000 + number, kecamatan, desa_by_kecamatan),
        )
        applications.append(permohonan)
        for status_from, status_to, moment, message in [
            ("", S.DIAJUKAN, submitted, "Permohonan diterima."),
            (S.DIAJUKAN, S.DIVERIFIKASI, verified, "Berkas lengkap dan sesuai."),
            (S.DIVERIFIKASI, S.DIPROSES, processing, "Dokumen sedang disiapkan."),
            (S.DIPROSES, S.SELESAI, completed, permohonan.catatan_hasil),
        ]:
            entries.append(
                (
                    permohonan,
                    LinimasaPermohonan(
                        created_at=moment,
                        status_from=status_from,
                        status_to=status_to,
                        message=message,
                        is_public=True,
                    ),
                )
            )
        leaning = leanings[kecamatan.pk]
        surveys.append(
            (
                permohonan,
                SurveiIKM(
                    kecamatan=kecamatan,
                    layanan=service,
                    dibuat_pada=answered,
                    saran=(
                        "Pelayanan cepat, terima kasih."
                        if number % 9 == 0
                        else (
                            "Mohon ruang tunggu diperluas." if number % 13 == 0 else ""
                        )
                    ),
                    **{field: _score(rng, leaning) for field in ELEMENT_FIELDS},
                    **_profile(rng, number),
                ),
            )
        )
    Permohonan.objects.bulk_create(applications)
    for permohonan, entry in entries:
        entry.permohonan = permohonan
    LinimasaPermohonan.objects.bulk_create([entry for _p, entry in entries])
    for permohonan, survey in surveys:
        survey.permohonan = permohonan
    SurveiIKM.objects.bulk_create([survey for _p, survey in surveys])
    return HISTORIC_COUNT
