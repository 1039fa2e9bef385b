"""Demo content of KIP: the request page, PPID accounts, requests and objections.

Requests are built through :mod:`pengaduan.kip_services`, as requesters and PPID
staff would, and their timestamps are moved back afterwards so the register, the
yearly report and the overdue flags look real.
"""

import datetime
import zoneinfo

from django.utils import timezone
from wagtail.rich_text import RichText

from home.models import PPIDPage
from pengaduan import kip_services
from pengaduan.choices import (
    CaraMemperoleh,
    CaraPenyampaian,
    KeputusanPermohonan,
    PutusanKeberatan,
    StatusPermohonan,
)
from pengaduan.models import (
    ANSWER_DAYS,
    EXTENSION_DAYS,
    OBJECTION_ANSWER_DAYS,
    CatatanPermohonan,
    Keberatan,
    LayananInformasiPage,
    PermohonanInformasi,
)
from portal.roles import ATASAN_PPID, EDITOR_PPID
from portal.working_days import add_working_days

K = KeputusanPermohonan
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
EDITOR_USERNAME = "ppid.editor"
ATASAN_USERNAME = "atasan.ppid"

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


def load(stdout, style):
    """Build the KIP page, the PPID accounts, requests and three objections."""
    from pengaduan.demo import _user

    _page(stdout)
    editor = _user(stdout, style, EDITOR_USERNAME, "Editor", "PPID", EDITOR_PPID)
    atasan = _user(stdout, style, ATASAN_USERNAME, "Atasan", "PPID", ATASAN_PPID)
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
    return kip_services.submit_permohonan(
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
        extended = number in EXTENDED
        if extended:
            kip_services.extend(
                permohonan, editor, "Dokumen tersebar di beberapa perangkat daerah."
            )
        grounds = GROUNDS.get(decision, [""])
        kip_services.decide(
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
            kip_services.deliver(permohonan, editor)
        _backdate(permohonan, received, extended, decided, delivered)
        built.append(permohonan)
    for offset, (days_ago, extended) in enumerate(OPEN):
        permohonan = _new_request(len(TAKEN) + offset)
        if extended:
            kip_services.extend(permohonan, editor, "Menunggu data dari OPD.")
        received = _at(today - datetime.timedelta(days=days_ago), 10)
        _backdate(permohonan, received, extended, None, None)
        built.append(permohonan)
    _objections(built, atasan)
    return len(built)


def _backdate(permohonan, received, extended, decided, delivered):
    """Move a request's timestamps (and its timeline) back to ``received``."""
    extended_at = _at(add_working_days(received, 8), 11) if extended else None
    deadline = add_working_days(
        received, ANSWER_DAYS + (EXTENSION_DAYS if extended else 0)
    )
    PermohonanInformasi.objects.filter(pk=permohonan.pk).update(
        diterima_pada=received,
        diperpanjang_pada=extended_at,
        diputuskan_pada=decided,
        disampaikan_pada=delivered,
        batas_waktu=None if decided else deadline,
    )
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
        start = permohonan.objection_window_start()
        filed = _at(add_working_days(start, 3), 10)
        keberatan = kip_services.file_keberatan(
            permohonan,
            grounds,
            "Saya keberatan karena informasi tersebut menyangkut kepentingan publik.",
            today=filed.date(),
        )
        Keberatan.objects.filter(pk=keberatan.pk).update(
            diajukan_pada=filed,
            batas_waktu=add_working_days(filed, OBJECTION_ANSWER_DAYS),
        )
        CatatanPermohonan.objects.filter(
            permohonan=permohonan, status_to="", created_at__gt=filed
        ).update(created_at=filed)
        if outcome:
            keberatan.refresh_from_db()
            kip_services.answer_keberatan(
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
