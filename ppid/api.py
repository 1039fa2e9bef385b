"""KIP in the service API: information requests, objections, tracking, the register.

Requests and objections are validated by the forms of :mod:`ppid.forms`, the
same forms the public site uses, and saved through :mod:`ppid.services`. No
response of this router carries the requester's identity: the register and tracking
show the request, its dates and its outcome only, their written texts passed through
:func:`portal.masking.mask_personal_data` with the requester's name.
"""

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status
from pydantic import Field

from portal.api_errors import ErrorOut, error_response
from portal.api_forms import (
    FORM_CONTENT_TYPES,
    ClientAddressThrottle,
    form_errors,
    read_form_body,
)
from portal.masking import mask_personal_data
from portal.pagination import LimitOffsetPagination
from portal.tracking import normalise_tracking_code
from portal.working_days import WorkingDayCalendar, to_local_date
from ppid import services
from ppid.choices import (
    AlasanKeberatan,
    CaraMemperoleh,
    CaraPenyampaian,
    JenisIdentitas,
    KeputusanPermohonan,
    StatusPermohonan,
)
from ppid.forms import (
    MAX_NUMBER_LENGTH,
    IdentitasPemohonForm,
    KeberatanForm,
    PermohonanInformasiForm,
)
from ppid.models import PermohonanInformasi

#: Same rates as e-laga's API (settings ``PENGADUAN_API_*_RATE``), counted separately.
submit_throttle = ClientAddressThrottle("ppid_submit", "PENGADUAN_API_SUBMIT_RATE")
read_throttle = ClientAddressThrottle("ppid_read", "PENGADUAN_API_READ_RATE")

router = Router(tags=["Informasi publik (KIP)"], throttle=[read_throttle])


# Schemas -----------------------------------------------------------------------


class PermohonanIn(Schema):
    """The form fields of a request (documentation; the request form validates)."""

    nama: str = Field(max_length=150, description="Nama pemohon.")
    alamat: str = Field(max_length=500)
    jenis_identitas: Literal[tuple(JenisIdentitas.values)] = Field(
        JenisIdentitas.KTP.value, description="Jenis kartu identitas."
    )
    nomor_identitas: str = Field(
        max_length=30, description="Untuk KTP: 16 angka NIK yang valid."
    )
    telepon: str = Field("", description="Isi telepon atau email.")
    email: str = Field("", description="Isi telepon atau email.")
    pekerjaan: str = Field(max_length=100)
    informasi_diminta: str = Field(max_length=4000)
    tujuan: str = Field(max_length=2000, description="Tujuan penggunaan informasi.")
    cara_memperoleh: Literal[tuple(CaraMemperoleh.values)]
    cara_penyampaian: Literal[("", *CaraPenyampaian.values)] = Field(
        "", description="Wajib bila meminta salinan; `email` memerlukan email."
    )
    website: str = Field("", description="Kolom jebakan robot: biarkan kosong.")


class KeberatanIn(Schema):
    """The form fields of an objection (documentation; the objection form validates)."""

    nomor_identitas: str = Field(
        description="Nomor identitas yang tercantum pada permohonan."
    )
    email: str = Field(
        "", description="Email pada permohonan (isi email dan/atau telepon)."
    )
    telepon: str = Field(
        "",
        description=(
            "Telepon pada permohonan (isi email dan/atau telepon; yang diisi harus "
            "cocok)."
        ),
    )
    alasan: list[Literal[tuple(AlasanKeberatan.values)]] = Field(
        description="Huruf alasan Pasal 35 ayat (1) UU 14/2008; kolom boleh berulang."
    )
    uraian: str = Field(max_length=4000, description="Uraian keberatan.")


def _form_body(schema_class):
    schema = schema_class.model_json_schema()
    schema.pop("description", None)
    schema.pop("title", None)
    return {
        "required": True,
        "content": {
            content_type: {"schema": schema} for content_type in FORM_CONTENT_TYPES
        },
    }


class PermohonanCreatedOut(Schema):
    nomor_registrasi: str
    tautan_rahasia: str = Field(
        description=(
            "Tautan rahasia pemohon (kosong bila halaman layanan informasi belum ada)."
        )
    )
    status: str
    batas_waktu: datetime.date = Field(
        description="Batas jawaban PPID (10 hari kerja)."
    )


class KeberatanCreatedOut(Schema):
    nomor_registrasi: str
    status: str
    batas_waktu: datetime.date = Field(
        description="Batas jawaban atasan PPID (30 hari kerja)."
    )


class KeberatanStatusOut(Schema):
    status: str
    status_label: str
    alasan: list[str] = Field(description="Huruf alasan Pasal 35 ayat (1).")
    diajukan_pada: datetime.date
    batas_waktu: datetime.date | None
    putusan: str
    putusan_label: str
    tanggapan: str
    dijawab_pada: datetime.date | None


class StatusPermohonanOut(Schema):
    nomor_registrasi: str
    status: str
    status_label: str
    diterima_pada: datetime.date
    batas_waktu: datetime.date = Field(
        description="Batas jawaban PPID, termasuk perpanjangan bila ada."
    )
    terlambat: bool
    diperpanjang: bool
    alasan_perpanjangan: str
    keputusan: str
    keputusan_label: str
    jawaban: str
    dasar_penolakan: str = Field(description="Huruf Pasal 17 bila informasi ditolak.")
    dasar_penolakan_label: str
    uji_konsekuensi: str
    diputuskan_pada: datetime.date | None
    disampaikan_pada: datetime.date | None
    batas_keberatan: datetime.date = Field(
        description="Batas pengajuan keberatan (30 hari kerja)."
    )
    keberatan: KeberatanStatusOut | None


class RegisterOut(Schema):
    nomor_registrasi: str = Field(alias="kode_lacak")
    ringkasan_publik: str = Field(
        description=(
            "Ringkasan informasi yang diminta, ditulis PPID tanpa data pribadi; "
            "kosong bila belum tersedia. Teks asli pemohon tidak pernah ditampilkan."
        )
    )
    diterima_pada: datetime.date
    status: str
    status_label: str
    keputusan: str
    keputusan_label: str
    hari_kerja: int | None = Field(
        description="Hari kerja dari penerimaan sampai keputusan."
    )

    @staticmethod
    def resolve_ringkasan_publik(permohonan):
        return mask_personal_data(permohonan.ringkasan_publik, permohonan.nama)

    @staticmethod
    def resolve_diterima_pada(permohonan):
        return timezone.localdate(permohonan.diterima_pada)

    @staticmethod
    def resolve_status_label(permohonan):
        return permohonan.get_status_display()

    @staticmethod
    def resolve_keputusan_label(permohonan):
        return permohonan.get_keputusan_display()

    @staticmethod
    def resolve_hari_kerja(permohonan):
        return getattr(permohonan, "hari_kerja", None)


class RegisterFilter(Schema):
    tahun: int | None = Field(None, ge=2000, le=2100, description="Tahun diterima.")
    status: Literal[tuple(StatusPermohonan.values)] | None = None
    keputusan: Literal[tuple(KeputusanPermohonan.values)] | None = None


# Helpers -------------------------------------------------------------------------


def _read_form(request):
    """``(data, files, None)`` from a form-encoded or multipart body, or
    ``(None, None, error response)``."""
    return read_form_body(
        request,
        unsupported_message=_(
            "Kirim data sebagai application/x-www-form-urlencoded atau "
            "multipart/form-data."
        ),
        malformed_message=_("Badan permintaan tidak dapat dibaca."),
    )


def _invalid(request, form):
    return error_response(
        request, 422, _("Data yang dikirim tidak valid."), form_errors(form)
    )


def _not_found(request):
    return error_response(request, 404, _("Data tidak ditemukan."))


def _find(nomor, queryset=None):
    queryset = queryset if queryset is not None else PermohonanInformasi.objects
    return queryset.filter(
        kode_lacak=normalise_tracking_code(nomor[:MAX_NUMBER_LENGTH])
    ).first()


def find_by_identity(nomor, data):
    """The request ``nomor`` when the identity number and every contact given (email
    and/or telephone) match it, else ``None``: a mismatch looks like an unknown number.

    Each check runs through the site's :class:`IdentitasPemohonForm`.
    """
    contacts = [
        str(data.get(name, "")).strip()
        for name in ("email", "telepon")
        if str(data.get(name, "")).strip()
    ]
    permohonan = None
    for contact in contacts:
        form = IdentitasPemohonForm(
            {
                "nomor": nomor[:MAX_NUMBER_LENGTH],
                "nomor_identitas": data.get("nomor_identitas", ""),
                "kontak": contact,
            }
        )
        permohonan = form.permohonan()
        if permohonan is None:
            return None
    return permohonan


def _date(value):
    return timezone.localdate(value) if value else None


def _keberatan_status(keberatan, names):
    return {
        "status": keberatan.status,
        "status_label": keberatan.get_status_display(),
        "alasan": list(keberatan.alasan),
        "diajukan_pada": timezone.localdate(keberatan.diajukan_pada),
        "batas_waktu": keberatan.batas_waktu,
        "putusan": keberatan.putusan,
        "putusan_label": keberatan.get_putusan_display() if keberatan.putusan else "",
        "tanggapan": mask_personal_data(keberatan.tanggapan, names),
        "dijawab_pada": _date(keberatan.dijawab_pada),
    }


class RegisterPagination(LimitOffsetPagination):
    """Limit/offset pages whose rows carry ``hari_kerja``, from one working-day
    calendar per page (one query for the admins' closures, whatever the rows)."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        rows = list(page[self.items_attribute])
        decided = [row for row in rows if row.diputuskan_pada]
        if decided:
            calendar = WorkingDayCalendar(
                min(to_local_date(row.diterima_pada) for row in decided),
                max(to_local_date(row.diputuskan_pada) for row in decided),
            )
            for row in decided:
                row.hari_kerja = calendar.between(
                    to_local_date(row.diterima_pada), to_local_date(row.diputuskan_pada)
                )
        page[self.items_attribute] = rows
        return page


# Endpoints -----------------------------------------------------------------------


@router.post(
    "/permohonan",
    response={
        201: PermohonanCreatedOut,
        400: ErrorOut,
        415: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },
    summary="Ajukan permohonan informasi publik",
    description=(
        "Badan permintaan `application/x-www-form-urlencoded` atau "
        "`multipart/form-data` dengan kolom yang sama seperti formulir permohonan di "
        "situs; aturan validasinya sama. Identitas pemohon wajib (tidak ada "
        "permohonan anonim). Jawaban 201 memuat nomor registrasi, tautan rahasia dan "
        "batas waktu jawaban PPID (10 hari kerja); jawaban 422 memuat satu galat per "
        "kolom. Dibatasi per alamat klien."
    ),
    throttle=[submit_throttle],
    openapi_extra={"requestBody": _form_body(PermohonanIn)},
)
def submit_permohonan(request):
    data, files, error = _read_form(request)
    if error:
        return error
    form = PermohonanInformasiForm(data, files)
    if not form.is_valid():
        return _invalid(request, form)
    try:
        permohonan = services.submit_permohonan(form.save(commit=False))
    except ValidationError as invalid:
        form.add_error(None, invalid)
        return _invalid(request, form)
    return Status(
        201,
        {
            "nomor_registrasi": permohonan.kode_lacak,
            "tautan_rahasia": permohonan.secret_url(),
            "status": permohonan.status,
            "batas_waktu": permohonan.batas_waktu,
        },
    )


@router.post(
    "/permohonan/{nomor}/keberatan",
    response={
        201: KeberatanCreatedOut,
        400: ErrorOut,
        404: ErrorOut,
        415: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },
    summary="Ajukan keberatan atas permohonan informasi",
    description=(
        "Pemohon membuktikan identitasnya dengan nomor identitas ditambah email "
        "dan/atau telepon seperti pada permohonan; bila tidak cocok jawabannya 404, "
        "sama seperti nomor yang tidak ada. Alasan (`alasan`, huruf a-g Pasal 35 "
        "ayat (1), boleh lebih dari satu) dan uraian divalidasi seperti formulir "
        "keberatan di situs. Keberatan yang tidak dapat diajukan (misalnya lewat 30 "
        "hari kerja) dijawab 422 dengan alasannya. Dibatasi per alamat klien."
    ),
    throttle=[submit_throttle],
    openapi_extra={"requestBody": _form_body(KeberatanIn)},
)
def submit_keberatan(request, nomor: str):
    data, _files, error = _read_form(request)
    if error:
        return error
    permohonan = find_by_identity(nomor, data)
    if permohonan is None:
        return _not_found(request)
    refusal = services.objection_refusal(permohonan)
    if refusal:
        return error_response(
            request,
            422,
            refusal,
            [{"field": "__all__", "message": str(refusal), "code": "refused"}],
        )
    form = KeberatanForm(data)
    if not form.is_valid():
        return _invalid(request, form)
    try:
        keberatan = services.file_keberatan(
            permohonan, form.cleaned_data["alasan"], form.cleaned_data["uraian"]
        )
    except ValidationError as invalid:
        form.add_error(None, invalid)
        return _invalid(request, form)
    return Status(
        201,
        {
            "nomor_registrasi": permohonan.kode_lacak,
            "status": keberatan.status,
            "batas_waktu": keberatan.batas_waktu,
        },
    )


@router.get(
    "/permohonan/{nomor}",
    response={200: StatusPermohonanOut, 404: ErrorOut, 429: ErrorOut},
    summary="Lacak permohonan dengan nomor registrasi",
    description=(
        "Status, tanggal, batas waktu, keputusan, jawaban, dasar pengecualian Pasal "
        "17 dan keberatan (status dan tanggapan) sebuah permohonan. Nomor boleh "
        "ditulis dengan huruf kecil, spasi atau tanpa tanda hubung. Tidak memuat "
        "identitas pemohon."
    ),
)
def track_permohonan(request, nomor: str):
    permohonan = _find(nomor, PermohonanInformasi.objects.select_related("keberatan"))
    if permohonan is None:
        return _not_found(request)
    keberatan = getattr(permohonan, "keberatan", None)
    deadline = permohonan.deadline
    # Open to anyone with the number: written texts are masked, with the name.
    names = (permohonan.nama,)
    return {
        "nomor_registrasi": permohonan.kode_lacak,
        "status": permohonan.status,
        "status_label": permohonan.get_status_display(),
        "diterima_pada": timezone.localdate(permohonan.diterima_pada),
        "batas_waktu": deadline.deadline,
        "terlambat": deadline.is_overdue,
        "diperpanjang": bool(permohonan.diperpanjang_pada),
        "alasan_perpanjangan": mask_personal_data(
            permohonan.alasan_perpanjangan, names
        ),
        "keputusan": permohonan.keputusan,
        "keputusan_label": (
            permohonan.get_keputusan_display() if permohonan.keputusan else ""
        ),
        "jawaban": mask_personal_data(permohonan.jawaban, names),
        "dasar_penolakan": permohonan.dasar_penolakan,
        "dasar_penolakan_label": (
            permohonan.get_dasar_penolakan_display()
            if permohonan.dasar_penolakan
            else ""
        ),
        "uji_konsekuensi": mask_personal_data(permohonan.uji_konsekuensi, names),
        "diputuskan_pada": _date(permohonan.diputuskan_pada),
        "disampaikan_pada": permohonan.disampaikan_pada,
        "batas_keberatan": permohonan.objection_deadline(),
        "keberatan": _keberatan_status(keberatan, names) if keberatan else None,
    }


@router.get(
    "/register",
    response={200: list[RegisterOut], 422: ErrorOut, 429: ErrorOut},
    summary="Register permohonan informasi publik",
    description=(
        "Register publik: nomor registrasi, ringkasan publik yang ditulis PPID, tanggal "
        "diterima, status, keputusan dan lama penyelesaian dalam hari kerja; terbaru "
        "dulu, dengan saringan tahun, status dan keputusan. Tanpa identitas pemohon."
    ),
)
@paginate(RegisterPagination)
def list_register(request, filters: Query[RegisterFilter]):
    conditions = Q()
    if filters.tahun:
        start = timezone.make_aware(datetime.datetime(filters.tahun, 1, 1))
        end = timezone.make_aware(datetime.datetime(filters.tahun + 1, 1, 1))
        conditions &= Q(diterima_pada__gte=start, diterima_pada__lt=end)
    if filters.status:
        conditions &= Q(status=filters.status)
    if filters.keputusan:
        conditions &= Q(keputusan=filters.keputusan)
    # Only what the register shows: never the text the requester typed, nor their
    # identity but the name, read only to mask it out of the summary.
    return (
        PermohonanInformasi.objects.filter(conditions)
        .only(
            "kode_lacak",
            "ringkasan_publik",
            "nama",
            "diterima_pada",
            "status",
            "keputusan",
            "diputuskan_pada",
        )
        .order_by("-diterima_pada", "-pk")
    )
