"""e-kecamatan in the service API: services, applications, tracking, IKM.

Applications and surveys are validated by :mod:`layanan.forms`, the same forms the
public site uses, and saved through :mod:`layanan.services`. Answer codes:

- 201: an application or survey was stored (exactly once);
- 400: invalid input, one entry per field in ``errors`` (also unreadable bodies);
- 404: unknown service, tracking code or private link;
- 409: the survey cannot be answered (already answered, or the application is not
  ``selesai`` yet);
- 415: an application not sent as ``multipart/form-data``;
- 429: too many requests from the client address.

The private link of an application is returned only in the 201 answer of its
submission; no answer carries the applicant's identity.
"""

import datetime
import json
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.responses import Status
from pydantic import Field
from wagtail.rich_text import expand_db_html

from layanan import services
from layanan.choices import UNSUR_IKM, StatusPermohonan
from layanan.forms import PermohonanForm, SurveiForm, field_name, requirement_name
from layanan.ikm_report import period_form, report_for
from layanan.models import LinimasaPermohonan, Permohonan, StandarLayanan
from layanan.verification import TIDAK_DIKENAL, verification_limit, verify_code
from portal.api_errors import ErrorOut, error_response
from portal.api_forms import ClientAddressThrottle, form_errors, read_form_body
from portal.models import Kecamatan
from portal.tracking import normalise_tracking_code

#: Same rates as e-laga's API (settings ``PENGADUAN_API_*_RATE``), counted separately.
submit_throttle = ClientAddressThrottle("layanan_submit", "PENGADUAN_API_SUBMIT_RATE")
read_throttle = ClientAddressThrottle("layanan_read", "PENGADUAN_API_READ_RATE")

router = Router(tags=["e-kecamatan"], throttle=[read_throttle])

JenisIsian = Literal["teks", "angka", "tanggal", "pilihan", "berkas"]


# Schemas -----------------------------------------------------------------------


class KecamatanRingkasOut(Schema):
    slug: str
    nama: str


class LayananRingkasOut(Schema):
    slug: str
    nama: str


class PersyaratanOut(Schema):
    id: str
    nama: str
    keterangan: str
    unggah: bool = Field(description="Wajib diunggah pada permohonan daring.")
    kolom: str | None = Field(
        description="Nama kolom berkas multipart (`syarat_<id>`), bila diunggah."
    )


class LangkahOut(Schema):
    judul: str
    uraian: str


class IsianOut(Schema):
    id: str
    kolom: str = Field(description="Nama kolom multipart (`isian_<id>`).")
    jenis: JenisIsian = Field(
        description="teks, angka (bilangan bulat), tanggal (TTTT-BB-HH), "
        "pilihan (salah satu `pilihan`) atau berkas (unggahan)."
    )
    label: str
    wajib: bool
    bantuan: str
    pilihan: list[str] = Field(description="Untuk jenis pilihan.")
    minimum: int | None = Field(description="Untuk jenis angka.")
    maksimum: int | None = Field(description="Untuk jenis angka.")
    teks_panjang: bool = Field(description="Untuk jenis teks: beberapa baris.")


class LayananOut(Schema):
    slug: str
    nama: str
    ringkasan: str
    dasar_hukum: str = Field(description="HTML.")
    persyaratan: list[PersyaratanOut]
    prosedur: list[LangkahOut]
    waktu_hari_kerja: int = Field(
        description="Waktu penyelesaian dalam hari kerja sejak diverifikasi."
    )
    biaya: int = Field(description="Rupiah; 0 berarti gratis.")
    keterangan_biaya: str
    produk: str
    saluran_pengaduan: str
    isian: list[IsianOut]
    semua_kecamatan: bool
    kecamatan: list[str] = Field(description="Slug kecamatan yang melayani.")


class PermohonanIn(Schema):
    """The multipart fields of an application (documentation; the form validates)."""

    kecamatan: str = Field(description="Slug kecamatan yang melayani layanan ini.")
    desa: int | None = Field(
        None, description="ID desa/kelurahan di kecamatan yang dipilih."
    )
    nama: str = Field(max_length=150, description="Nama lengkap sesuai KTP.")
    nik: str = Field(description="16 angka NIK yang valid.")
    telepon: str = Field(description="8-15 angka.")
    email: str = Field("", description="Tidak wajib; untuk kabar perkembangan.")
    alamat: str = Field(max_length=500)
    setuju: bool = Field(
        description="Pernyataan bahwa data benar; harus bernilai true/on."
    )
    website: str = Field("", description="Kolom jebakan robot: biarkan kosong.")


def _application_request_body():
    schema = PermohonanIn.model_json_schema()
    schema.pop("description", None)
    schema["patternProperties"] = {
        "^syarat_.+$": {
            "type": "string",
            "format": "binary",
            "description": "Berkas persyaratan (lihat `persyaratan[].kolom`).",
        },
        "^isian_.+$": {
            "description": "Isian layanan (lihat `isian[].kolom` dan `jenis`); "
            "berkas untuk jenis berkas.",
        },
    }
    return {"required": True, "content": {"multipart/form-data": {"schema": schema}}}


class PermohonanCreatedOut(Schema):
    kode_lacak: str
    tautan_rahasia: str = Field(
        description="Tautan rahasia pemohon; hanya diberikan sekali, pada jawaban ini "
        "(kosong bila halaman e-kecamatan belum ada)."
    )
    status: str
    layanan: str
    kecamatan: str
    diajukan_pada: datetime.datetime


class TenggatOut(Schema):
    batas_waktu: datetime.date
    sisa_hari_kerja: int = Field(description="Negatif bila terlambat.")
    terlambat: bool
    terpenuhi: bool | None = Field(description="Kosong selama belum selesai.")


class CatatanPublikOut(Schema):
    waktu: datetime.datetime
    status_sebelumnya: str
    status_baru: str
    status_label: str
    pesan: str


class StatusPermohonanOut(Schema):
    kode_lacak: str
    status: str
    status_label: str
    layanan: LayananRingkasOut
    kecamatan: KecamatanRingkasOut
    diajukan_pada: datetime.date
    waktu_hari_kerja: int
    tenggat: TenggatOut | None = Field(
        description="Batas penyelesaian sejak verifikasi (kosong sebelumnya)."
    )
    linimasa: list[CatatanPublikOut]


class SurveiIn(Schema):
    """The JSON body of a survey (documentation; the survey form validates)."""

    u1: int = Field(ge=1, le=4, description=str(UNSUR_IKM[0][1]))
    u2: int = Field(ge=1, le=4, description=str(UNSUR_IKM[1][1]))
    u3: int = Field(ge=1, le=4, description=str(UNSUR_IKM[2][1]))
    u4: int = Field(ge=1, le=4, description=str(UNSUR_IKM[3][1]))
    u5: int = Field(ge=1, le=4, description=str(UNSUR_IKM[4][1]))
    u6: int = Field(ge=1, le=4, description=str(UNSUR_IKM[5][1]))
    u7: int = Field(ge=1, le=4, description=str(UNSUR_IKM[6][1]))
    u8: int = Field(ge=1, le=4, description=str(UNSUR_IKM[7][1]))
    u9: int = Field(ge=1, le=4, description=str(UNSUR_IKM[8][1]))
    saran: str = Field("", max_length=1000)
    jenis_kelamin: Literal["L", "P", ""] = Field(
        "", description="Profil responden, tidak wajib: L atau P."
    )
    usia: int | None = Field(
        None, ge=10, le=120, description="Profil responden, tidak wajib: tahun."
    )
    pendidikan: Literal["sd", "smp", "sma", "s1", "s2", "s3", ""] = Field(
        "", description="Profil responden, tidak wajib."
    )
    pekerjaan: Literal["pns", "tni", "polri", "swasta", "wirausaha", "lainnya", ""] = (
        Field("", description="Profil responden, tidak wajib.")
    )


class SurveiCreatedOut(Schema):
    kode_lacak: str
    diisi_pada: datetime.datetime


class UnsurOut(Schema):
    kode: str
    unsur: str
    rata_rata: float | None


class IKMOut(Schema):
    responden: int
    ikm: float | None = Field(description="25-100, dua desimal.")
    mutu: str = Field(description="A, B, C atau D (kosong tanpa responden).")
    kinerja: str
    unsur: list[UnsurOut]


class IKMKelompokOut(IKMOut):
    slug: str
    nama: str


class PeriodeOut(Schema):
    label: str
    mulai: datetime.date
    sampai: datetime.date


class IKMProfilOut(Schema):
    kelompok: str = Field(description="jenis_kelamin, usia, pendidikan atau pekerjaan.")
    judul: str
    baris: list[IKMKelompokOut] = Field(
        description="Satu baris per kategori berisi jawaban; slug kosong untuk "
        "responden yang tidak mengisi."
    )


class IKMLaporanOut(Schema):
    periode: PeriodeOut
    kecamatan: str | None = Field(description="Slug kecamatan bila dipilih.")
    keseluruhan: IKMOut
    per_kecamatan: list[IKMKelompokOut]
    per_layanan: list[IKMKelompokOut]
    per_profil: list[IKMProfilOut]


class VerifikasiSuratOut(Schema):
    kode: str
    status: Literal["asli", "dicabut"]
    nomor_surat: str
    judul: str
    layanan: str
    kecamatan: str = Field(description="Kecamatan penerbit.")
    tanggal_terbit: datetime.date
    inisial_pemohon: str = Field(description="Hanya inisial; tidak ada identitas.")
    sha256: str = Field(description="Sidik SHA-256 berkas PDF yang diterbitkan.")
    dicabut_pada: datetime.date | None


# Helpers -------------------------------------------------------------------------


def _isian_out(block):
    value = block.value
    return {
        "id": block.id,
        "kolom": field_name(block),
        "jenis": block.block_type,
        "label": value["label"],
        "wajib": bool(value.get("wajib")),
        "bantuan": value.get("bantuan") or "",
        "pilihan": list(value.get("pilihan") or []),
        "minimum": value.get("minimum"),
        "maksimum": value.get("maksimum"),
        "teks_panjang": bool(value.get("panjang")),
    }


def _layanan_out(service, all_slugs):
    return {
        "slug": service.slug,
        "nama": service.nama,
        "ringkasan": service.ringkasan,
        "dasar_hukum": expand_db_html(service.dasar_hukum),
        "persyaratan": [
            {
                "id": block.id,
                "nama": block.value["nama"],
                "keterangan": block.value.get("keterangan") or "",
                "unggah": bool(block.value.get("unggah")),
                "kolom": requirement_name(block) if block.value.get("unggah") else None,
            }
            for block in service.persyaratan
        ],
        "prosedur": [
            {"judul": block.value["judul"], "uraian": block.value.get("uraian") or ""}
            for block in service.prosedur
        ],
        "waktu_hari_kerja": service.waktu_hari_kerja,
        "biaya": service.biaya,
        "keterangan_biaya": service.keterangan_biaya,
        "produk": service.produk,
        "saluran_pengaduan": service.saluran_pengaduan,
        "isian": [_isian_out(block) for block in service.isian],
        "semua_kecamatan": service.semua_kecamatan,
        "kecamatan": (
            all_slugs
            if service.semua_kecamatan
            else sorted(kecamatan.slug for kecamatan in service.kecamatan.all())
        ),
    }


def _live_services():
    # A plain prefetch: with ``Prefetch(queryset=...)`` modelcluster's relation
    # manager loses its filter, so ``service.kecamatan.filter()`` (used by the form
    # and the service) would search every kecamatan.
    return StandarLayanan.objects.live().prefetch_related("kecamatan")


def _all_slugs():
    return list(Kecamatan.objects.order_by("slug").values_list("slug", flat=True))


def _summary_out(summary):
    return {
        "responden": summary.respondents,
        "ikm": None if summary.ikm is None else float(summary.ikm),
        "mutu": summary.grade,
        "kinerja": str(summary.label),
        "unsur": [
            {
                "kode": code,
                "unsur": str(label),
                "rata_rata": None if average is None else float(average),
            }
            for code, label, average in summary.elements
        ],
    }


def _from_applicant(entry):
    """The applicant's resubmission: its free text stays on the private page."""
    return entry.author_id is None and entry.status_from == (
        StatusPermohonan.PERLU_PERBAIKAN
    )


def _invalid(request, errors):
    return error_response(request, 400, _("Data yang dikirim tidak valid."), errors)


# Services ------------------------------------------------------------------------


@router.get(
    "/layanan/",
    response={200: list[LayananOut], 429: ErrorOut},
    summary="Daftar standar layanan kecamatan",
    description=(
        "Layanan yang dipublikasikan dengan seluruh komponen standar pelayanan: "
        "dasar hukum, persyaratan (dengan nama kolom unggahan `syarat_<id>`), "
        "prosedur, waktu, biaya, produk, saluran pengaduan, isian formulir "
        "(`isian_<id>`) dan kecamatan yang melayani."
    ),
)
def list_layanan(request):
    all_slugs = _all_slugs()
    return [_layanan_out(service, all_slugs) for service in _live_services()]


@router.get(
    "/layanan/{slug}/",
    response={200: LayananOut, 404: ErrorOut, 429: ErrorOut},
    summary="Satu standar layanan",
)
def get_layanan(request, slug: str):
    service = get_object_or_404(_live_services(), slug=slug[:200])
    return _layanan_out(service, _all_slugs() if service.semua_kecamatan else [])


@router.post(
    "/layanan/{slug}/permohonan",
    response={
        201: PermohonanCreatedOut,
        400: ErrorOut,
        404: ErrorOut,
        415: ErrorOut,
        429: ErrorOut,
    },
    summary="Ajukan permohonan layanan",
    description=(
        "Badan permintaan `multipart/form-data` dengan kolom yang sama seperti "
        "formulir di situs: identitas pemohon, kecamatan, berkas persyaratan "
        "`syarat_<id>` dan isian `isian_<id>` dari GET layanan. Aturan validasinya "
        "sama dengan formulir; berkas diperiksa menurut isinya (JPEG, PNG, WebP, "
        "PDF, 5 MB). Jawaban 201 memuat kode lacak dan tautan rahasia pemohon, yang "
        "tidak diberikan lagi di jawaban lain; 400 memuat satu galat per kolom. "
        "Dibatasi per alamat klien."
    ),
    throttle=[submit_throttle],
    openapi_extra={"requestBody": _application_request_body()},
)
def submit_permohonan(request, slug: str):
    service = get_object_or_404(_live_services(), slug=slug[:200])
    data, files, problem = read_form_body(request, _("permohonan"))
    if problem:
        return problem
    form = PermohonanForm(data, files, layanan=service)
    if not form.is_valid():
        return _invalid(request, form_errors(form))
    permohonan = form.submit()
    return Status(
        201,
        {
            "kode_lacak": permohonan.kode_lacak,
            "tautan_rahasia": permohonan.secret_url(),
            "status": permohonan.status,
            "layanan": service.slug,
            "kecamatan": permohonan.kecamatan.slug,
            "diajukan_pada": permohonan.diajukan_pada,
        },
    )


# Applications --------------------------------------------------------------------


@router.get(
    "/permohonan/{kode}",
    response={200: StatusPermohonanOut, 404: ErrorOut, 429: ErrorOut},
    summary="Lacak permohonan dengan kode",
    description=(
        "Status, layanan, kecamatan, batas waktu (hari kerja sejak verifikasi) dan "
        "linimasa publik. Kode boleh ditulis dengan huruf kecil, spasi atau tanpa "
        "tanda hubung. Tidak memuat identitas pemohon, isian, berkas, maupun nama "
        "petugas; keterangan perbaikan dari pemohon tidak ditampilkan."
    ),
)
def track_permohonan(request, kode: str):
    permohonan = get_object_or_404(
        Permohonan.objects.select_related("layanan", "kecamatan"),
        kode_lacak=normalise_tracking_code(kode[:40]),
    )
    entries = LinimasaPermohonan.objects.filter(
        permohonan=permohonan, is_public=True
    ).order_by("created_at", "pk")
    labels = dict(StatusPermohonan.choices)
    state = permohonan.deadline
    return {
        "kode_lacak": permohonan.kode_lacak,
        "status": permohonan.status,
        "status_label": permohonan.get_status_display(),
        "layanan": permohonan.layanan,
        "kecamatan": permohonan.kecamatan,
        "diajukan_pada": timezone.localdate(permohonan.diajukan_pada),
        "waktu_hari_kerja": permohonan.waktu_hari_kerja,
        "tenggat": None
        if state is None
        else {
            "batas_waktu": state.deadline,
            "sisa_hari_kerja": state.working_days_left,
            "terlambat": state.is_overdue,
            "terpenuhi": state.was_met,
        },
        "linimasa": [
            {
                "waktu": entry.created_at,
                "status_sebelumnya": entry.status_from,
                "status_baru": entry.status_to,
                "status_label": str(labels.get(entry.status_to, "")),
                "pesan": (
                    _("Pemohon mengirim perbaikan.")
                    if _from_applicant(entry)
                    else entry.message
                ),
            }
            for entry in entries
        ],
    }


def _json_body(request):
    """The request's JSON object, or ``None`` when the body is not one."""
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _form_value(value):
    # SurveiForm reads form data: numbers and text as strings, nothing for null.
    if value is None or isinstance(value, (dict, list)):
        return "" if value is None else json.dumps(value)
    return str(value)


@router.post(
    "/permohonan/{token}/survei",
    response={
        201: SurveiCreatedOut,
        400: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        429: ErrorOut,
    },
    summary="Isi survei kepuasan (IKM)",
    description=(
        "Untuk permohonan yang selesai, melalui token tautan rahasia pemohon. Badan "
        "JSON: nilai `u1`-`u9` (1 tidak baik - 4 sangat baik), `saran` dan profil "
        "responden (`jenis_kelamin`, `usia`, `pendidikan`, `pekerjaan`) tidak "
        "wajib. 400: nilai tidak valid (satu galat per kolom); 409: survei sudah "
        "diisi atau permohonan belum selesai. Sekali per permohonan."
    ),
    throttle=[submit_throttle],
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": SurveiIn.model_json_schema()}},
        }
    },
)
def submit_survei(request, token: str):
    permohonan = get_object_or_404(
        Permohonan.objects.select_related("survei_ikm"), token_rahasia=token[:64]
    )
    if not permohonan.survey_open:
        message = (
            _("Survei untuk permohonan ini sudah diisi. Terima kasih.")
            if hasattr(permohonan, "survei_ikm")
            else _("Survei dapat diisi setelah permohonan selesai.")
        )
        return error_response(request, 409, message)
    data = _json_body(request)
    if data is None:
        message = _("Badan permintaan bukan JSON yang valid.")
        return _invalid(
            request, [{"field": "__all__", "message": message, "code": "json_invalid"}]
        )
    form = SurveiForm({key: _form_value(value) for key, value in data.items()})
    if not form.is_valid():
        return _invalid(request, form_errors(form))
    try:
        survei = services.submit_survey(
            permohonan,
            form.scores(),
            form.cleaned_data["saran"],
            profile=form.profile(),
        )
    except ValidationError as error:
        # Answered by a concurrent request a moment ago.
        return error_response(request, 409, " ".join(error.messages))
    return Status(
        201, {"kode_lacak": permohonan.kode_lacak, "diisi_pada": survei.dibuat_pada}
    )


# IKM -----------------------------------------------------------------------------


@router.get(
    "/ikm/",
    response={200: IKMLaporanOut, 400: ErrorOut, 429: ErrorOut},
    summary="Indeks Kepuasan Masyarakat (IKM)",
    description=(
        "IKM (PermenPANRB 14/2017) keseluruhan, per kecamatan dan per layanan, "
        "dengan jumlah responden, rata-rata sembilan unsur dan mutu (A-D). Periode: "
        "`tahun` (bawaan tahun berjalan) dengan `periode` tw1-tw4 (triwulan) atau "
        "sm1-sm2 (semester), atau rentang `dari` dan `sampai` (TTTT-BB-HH, WIB); "
        "`kecamatan` (slug) membatasi angka pada satu kecamatan. `per_profil` "
        "memecah IKM menurut profil responden: jenis kelamin, kelompok usia, "
        "pendidikan dan pekerjaan, dengan jumlah responden."
    ),
)
def ikm(
    request,
    tahun: str = Query("", description="Tahun, mis. 2026."),
    periode: str = Query("", description="tw1-tw4, sm1-sm2, atau kosong."),
    dari: str = Query("", description="Awal rentang, TTTT-BB-HH."),
    sampai: str = Query("", description="Akhir rentang, TTTT-BB-HH."),
    kecamatan: str = Query("", description="Slug kecamatan, atau kosong."),
):
    # The parameters are read (and validated, with 400) by the page's PeriodForm.
    form = period_form(request.GET)
    if form.is_bound and not form.is_valid():
        return _invalid(request, form_errors(form))
    report = report_for(form)

    def group(rows):
        return [
            {"slug": row.slug, "nama": row.nama, **_summary_out(row.summary)}
            for row in rows
        ]

    return {
        "periode": {
            "label": report.period.label,
            "mulai": report.period.start,
            "sampai": report.period.end,
        },
        "kecamatan": report.kecamatan.slug if report.kecamatan else None,
        "keseluruhan": _summary_out(report.overall),
        "per_kecamatan": group(report.by_kecamatan),
        "per_layanan": group(report.by_layanan),
        "per_profil": [
            {
                "kelompok": table.key,
                "judul": str(table.heading),
                "baris": group(table.rows),
            }
            for table in report.by_profile
        ],
    }


# Letters -------------------------------------------------------------------------


@router.get(
    "/verifikasi/{kode}",
    response={200: VerifikasiSuratOut, 404: ErrorOut, 429: ErrorOut},
    summary="Verifikasi keaslian surat",
    description=(
        "Status surat hasil layanan menurut kode verifikasinya (tercetak di bawah "
        "kode QR surat): `asli` atau `dicabut`, dengan nomor surat, layanan, "
        "kecamatan penerbit, tanggal terbit dan sidik SHA-256 berkas PDF. Pemohon "
        "hanya disebut dengan inisialnya. 404 untuk kode yang tidak dikenal. "
        "Dibatasi per alamat klien, bersama halaman /verifikasi/."
    ),
    throttle=[],
)
def verifikasi_surat(request, kode: str):
    decision = verification_limit.hit(request)
    if not decision.allowed:
        response = error_response(
            request, 429, _("Terlalu banyak permintaan. Coba lagi nanti.")
        )
        response["Retry-After"] = str(decision.wait)
        return response
    verification = verify_code(kode)
    if verification.status == TIDAK_DIKENAL:
        return error_response(request, 404, _("Kode verifikasi tidak dikenal."))
    return verification.as_dict()
