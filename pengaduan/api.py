"""e-laga in the service API: categories, report submission, tracking, published reports.

Submissions are validated by :class:`pengaduan.forms.LaporanForm`, the same form the
public site uses, so both channels apply exactly the same rules. No response of this
router carries the reporter's identity: citizens' free text and public answers pass
through :func:`portal.masking.mask_personal_data`, with the reporter's name.
"""

import datetime
from typing import Literal

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status
from pydantic import Field

from pengaduan.choices import JenisCatatan, JenisLaporan
from pengaduan.forms import LaporanForm
from pengaduan.location import LANGKAT_BOUNDS, public_point
from pengaduan.models import (
    MAX_DESCRIPTION_LENGTH,
    PUBLISHABLE_STATUSES,
    KategoriLaporan,
    Laporan,
)
from pengaduan.nearby import RADIUS_M, RECENT_DAYS, similar_reports
from pengaduan.services import MAX_ATTACHMENTS
from portal.api_errors import ErrorOut, error_response
from portal.api_forms import ClientAddressThrottle, form_errors, read_form_body
from portal.masking import mask_personal_data
from portal.pagination import LimitOffsetPagination
from portal.routes import route_url
from portal.tracking import normalise_tracking_code

submit_throttle = ClientAddressThrottle("pengaduan_submit", "PENGADUAN_API_SUBMIT_RATE")
read_throttle = ClientAddressThrottle("pengaduan_read", "PENGADUAN_API_READ_RATE")

router = Router(tags=["e-laga"], throttle=[read_throttle])


# Schemas -----------------------------------------------------------------------


class KategoriOut(Schema):
    slug: str
    nama: str
    deskripsi: str
    panduan: str
    boleh_anonim: bool
    target_hari_kerja: int = Field(
        description="Target penyelesaian dalam hari kerja sejak laporan diterima."
    )


class KategoriRingkasOut(Schema):
    slug: str
    nama: str


class KecamatanRingkasOut(Schema):
    slug: str
    nama: str


class LaporanIn(Schema):
    """The multipart fields of a submission (documentation; LaporanForm validates)."""

    jenis: Literal[tuple(JenisLaporan.values)] = Field(description="Jenis laporan.")
    kategori: str = Field(description="Slug kategori yang aktif (lihat GET kategori).")
    judul: str = Field(max_length=150)
    isi: str = Field(max_length=MAX_DESCRIPTION_LENGTH)
    kecamatan: str = Field(description="Slug kecamatan.")
    desa: int | None = Field(
        None, description="ID desa/kelurahan di kecamatan yang dipilih."
    )
    alamat: str = Field("", max_length=250)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    tanggal_kejadian: datetime.date | None = Field(
        None, description="TTTT-BB-HH, tidak boleh di masa depan."
    )
    nama_pelapor: str = Field(max_length=150)
    email: str = Field("", description="Isi email atau telepon.")
    telepon: str = Field("", description="Isi email atau telepon.")
    nik: str = Field("", description="16 angka NIK (tidak wajib).")
    anonim: bool = Field(False, description="Sembunyikan identitas dari OPD.")
    rahasia: bool = Field(False, description="Jangan publikasikan laporan.")
    setuju: bool = Field(
        description="Pernyataan bahwa laporan benar; harus bernilai true/on."
    )
    website: str = Field("", description="Kolom jebakan robot: biarkan kosong.")


def _submission_request_body():
    schema = LaporanIn.model_json_schema()
    schema.pop("description", None)
    schema["properties"]["lampiran"] = {
        "type": "array",
        "items": {"type": "string", "format": "binary"},
        "maxItems": MAX_ATTACHMENTS,
        "description": (
            "Paling banyak 5 berkas JPEG, PNG, WebP atau PDF, masing-masing 5 MB."
        ),
    }
    return {
        "required": True,
        "content": {"multipart/form-data": {"schema": schema}},
    }


class LaporanCreatedOut(Schema):
    kode_lacak: str
    tautan_rahasia: str = Field(
        description="Tautan rahasia pelapor (kosong bila halaman e-laga belum ada)."
    )
    status: str
    batas_verifikasi: datetime.date


class TenggatOut(Schema):
    label: str
    batas_waktu: datetime.date
    sisa_hari_kerja: int = Field(description="Negatif bila terlambat.")
    terlambat: bool
    terpenuhi: bool | None = Field(description="Kosong selama tahap belum selesai.")


class CatatanPublikOut(Schema):
    waktu: datetime.datetime
    jenis: str
    status_sebelumnya: str
    status_baru: str
    pesan: str


class StatusLaporanOut(Schema):
    kode_lacak: str
    status: str
    status_label: str
    jenis: str
    kategori: KategoriRingkasOut
    diterima_pada: datetime.date
    tenggat: list[TenggatOut]
    linimasa: list[CatatanPublikOut]


class LaporanPublikOut(Schema):
    kode_lacak: str
    jenis: str
    judul: str
    isi: str
    kategori: KategoriRingkasOut
    kecamatan: KecamatanRingkasOut
    desa: str | None
    alamat: str
    latitude: float | None = Field(
        description="Dibulatkan ke 3 desimal (sekitar 100 m) demi privasi."
    )
    longitude: float | None = Field(
        description="Dibulatkan ke 3 desimal (sekitar 100 m) demi privasi."
    )
    status: str
    status_label: str
    diterima_pada: datetime.datetime
    jumlah_dukungan: int = Field(
        description="Warga yang menyatakan mengalami masalah yang sama."
    )

    @staticmethod
    def resolve_latitude(laporan):
        point = public_point(laporan)
        return point.latitude if point else None

    @staticmethod
    def resolve_longitude(laporan):
        point = public_point(laporan)
        return point.longitude if point else None

    @staticmethod
    def resolve_judul(laporan):
        return mask_personal_data(laporan.judul, laporan.nama_pelapor)

    @staticmethod
    def resolve_isi(laporan):
        return mask_personal_data(laporan.isi, laporan.nama_pelapor)

    @staticmethod
    def resolve_alamat(laporan):
        return mask_personal_data(laporan.alamat, laporan.nama_pelapor)

    @staticmethod
    def resolve_desa(laporan):
        return laporan.desa.nama if laporan.desa else None

    @staticmethod
    def resolve_status_label(laporan):
        return laporan.get_status_display()


PublishedStatus = Literal[tuple(str(status) for status in PUBLISHABLE_STATUSES)]


class LaporanFilter(Schema):
    kategori: str | None = Field(None, max_length=120, description="Slug kategori")
    kecamatan: str | None = Field(None, max_length=120, description="Slug kecamatan")
    status: PublishedStatus | None = Field(None, description="Status laporan")


class LaporanSerupaFilter(Schema):
    kategori: str | None = Field(None, max_length=120, description="Slug kategori")
    latitude: float | None = Field(
        None,
        ge=float(LANGKAT_BOUNDS["south"]),
        le=float(LANGKAT_BOUNDS["north"]),
        description="Lintang titik laporan (di wilayah Langkat).",
    )
    longitude: float | None = Field(
        None,
        ge=float(LANGKAT_BOUNDS["west"]),
        le=float(LANGKAT_BOUNDS["east"]),
        description="Bujur titik laporan (di wilayah Langkat).",
    )
    judul: str | None = Field(None, max_length=150, description="Judul yang diketik")


class LaporanSerupaOut(Schema):
    kode_lacak: str
    judul: str
    kategori: str
    kecamatan: str
    status_label: str
    diterima_pada: datetime.date
    jarak_m: int | None = Field(
        description="Jarak dari titik yang dikirim (meter, dibulatkan); kosong bila "
        "laporan dipilih karena judulnya mirip."
    )
    jumlah_dukungan: int
    tautan: str = Field(
        description="Alamat halaman laporan; formulir dukungan ada di sana."
    )


# Helpers -------------------------------------------------------------------------


def _public_entries(laporan):
    """Public answers and status changes; never internal notes or the reporter's own notes."""
    return (
        laporan.linimasa.filter(is_public=True)
        .exclude(jenis=JenisCatatan.INFO_PELAPOR)
        .order_by("created_at", "pk")
    )


# Endpoints -----------------------------------------------------------------------


@router.get(
    "/kategori",
    response=list[KategoriOut],
    summary="Daftar kategori laporan",
    description=(
        "Kategori yang aktif, dengan panduan pengisian, izin laporan anonim dan "
        "target penyelesaian dalam hari kerja."
    ),
)
def list_kategori(request):
    return KategoriLaporan.objects.filter(aktif=True)


@router.post(
    "/laporan",
    response={
        201: LaporanCreatedOut,
        400: ErrorOut,
        415: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },
    summary="Kirim laporan (pengaduan atau aspirasi)",
    description=(
        "Badan permintaan `multipart/form-data` dengan kolom yang sama seperti "
        "formulir di situs, ditambah paling banyak lima berkas `lampiran`. Aturan "
        "validasinya sama dengan formulir. Kolom `website` adalah jebakan robot dan "
        "harus kosong. Jawaban 201 memuat kode lacak dan tautan rahasia pelapor; "
        "jawaban 422 memuat satu galat per kolom. Dibatasi per alamat klien."
    ),
    throttle=[submit_throttle],
    openapi_extra={"requestBody": _submission_request_body()},
)
def submit_laporan(request):
    data, files, error = read_form_body(request, _("laporan"))
    if error is not None:
        return error
    form = LaporanForm(data, files)
    if not form.is_valid():
        return error_response(
            request, 422, _("Data yang dikirim tidak valid."), form_errors(form)
        )
    laporan = form.save_report()
    return Status(
        201,
        {
            "kode_lacak": laporan.kode_lacak,
            "tautan_rahasia": laporan.secret_url(),
            "status": laporan.status,
            "batas_verifikasi": laporan.batas_waktu,
        },
    )


@router.get(
    "/laporan/{kode}",
    response={200: StatusLaporanOut, 404: ErrorOut, 429: ErrorOut},
    summary="Lacak laporan dengan kode",
    description=(
        "Status, jenis, kategori, tanggal diterima, tenggat (hari kerja) dan "
        "linimasa publik sebuah laporan. Kode boleh ditulis dengan huruf kecil, "
        "spasi atau tanpa tanda hubung. Tidak memuat identitas pelapor, nama petugas, "
        "catatan internal, maupun isi laporan."
    ),
)
def track_laporan(request, kode: str):
    laporan = get_object_or_404(
        Laporan.objects.select_related("kategori"),
        kode_lacak=normalise_tracking_code(kode[:40]),
    )
    return {
        "kode_lacak": laporan.kode_lacak,
        "status": laporan.status,
        "status_label": laporan.get_status_display(),
        "jenis": laporan.jenis,
        "kategori": laporan.kategori,
        "diterima_pada": timezone.localdate(laporan.diterima_pada),
        "tenggat": [
            {
                "label": str(label),
                "batas_waktu": state.deadline,
                "sisa_hari_kerja": state.working_days_left,
                "terlambat": state.is_overdue,
                "terpenuhi": state.was_met,
            }
            for label, state in laporan.deadlines()
        ],
        "linimasa": [
            {
                "waktu": entry.created_at,
                "jenis": entry.jenis,
                "status_sebelumnya": entry.status_from,
                "status_baru": entry.status_to,
                "pesan": mask_personal_data(entry.message, laporan.nama_pelapor),
            }
            for entry in _public_entries(laporan)
        ],
    }


@router.get(
    "/laporan-serupa",
    response={200: list[LaporanSerupaOut], 422: ErrorOut, 429: ErrorOut},
    url_name="laporan_serupa",
    summary="Laporan serupa di sekitar lokasi atau dengan judul mirip",
    description=(
        f"Untuk formulir laporan: paling banyak lima laporan yang dipublikasikan "
        f"dalam {RECENT_DAYS} hari terakhir, dengan kategori sama dalam radius "
        f"{RADIUS_M} m dari titik yang dikirim, atau dengan judul yang mirip. Warga "
        f"dapat mendukung laporan itu alih-alih mengirim laporan ganda. Judul "
        f"disamarkan seperti di halaman publik; tidak memuat identitas pelapor."
    ),
)
def list_similar_laporan(request, filters: Query[LaporanSerupaFilter]):
    kategori = None
    if filters.kategori:
        kategori = KategoriLaporan.objects.filter(
            slug=filters.kategori, selalu_rahasia=False
        ).first()
    found = similar_reports(
        kategori=kategori,
        latitude=filters.latitude,
        longitude=filters.longitude,
        title=filters.judul or "",
    )
    page = Laporan.host_page() if found else None
    return [
        {
            "kode_lacak": item.laporan.kode_lacak,
            "judul": item.judul,
            "kategori": item.laporan.kategori.nama,
            "kecamatan": item.laporan.kecamatan.nama,
            "status_label": item.laporan.get_status_display(),
            "diterima_pada": timezone.localdate(item.laporan.diterima_pada),
            "jarak_m": item.distance_m,
            "jumlah_dukungan": item.laporan.jumlah_dukungan,
            "tautan": (
                route_url(page, "published_detail", item.laporan.kode_lacak)
                if page is not None and page.url
                else ""
            ),
        }
        for item in found
    ]


@router.get(
    "/laporan",
    response={200: list[LaporanPublikOut], 422: ErrorOut, 429: ErrorOut},
    summary="Daftar laporan yang dipublikasikan",
    description=(
        "Laporan yang sudah diverifikasi, tidak rahasia dan tidak disembunyikan, "
        "terbaru dulu, dengan saringan kategori, kecamatan dan status. Tidak memuat "
        "identitas pelapor."
    ),
)
@paginate(LimitOffsetPagination)
def list_laporan(request, filters: Query[LaporanFilter]):
    queryset = (
        Laporan.objects.published()
        .select_related("kategori", "kecamatan", "desa")
        .order_by("-diterima_pada", "-pk")
    )
    conditions = Q()
    if filters.kategori:
        conditions &= Q(kategori__slug=filters.kategori)
    if filters.kecamatan:
        conditions &= Q(kecamatan__slug=filters.kecamatan)
    if filters.status:
        conditions &= Q(status=filters.status)
    return queryset.filter(conditions)
