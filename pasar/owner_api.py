"""e-pasar owners' endpoints: their UMKM profile and products (authenticated).

Session authentication (the owner logs in on the site; unsafe methods need the CSRF
token in ``X-CSRFToken``). Input is validated by the dashboard's own forms
(:mod:`pasar.forms`) and every change goes through :mod:`pasar.services`, so both
channels apply the same rules. Another owner's product answers 404.
"""

import datetime

from django.core.exceptions import BadRequest, SuspiciousOperation, ValidationError
from django.http import QueryDict, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status
from ninja.security import django_auth
from pydantic import Field

from pasar import services
from pasar.forms import ProdukForm, UMKMProfileForm
from pasar.models import UMKM, ProdukPage
from portal.api_errors import ErrorOut, error_response
from portal.api_forms import FORM_CONTENT_TYPES, form_errors
from portal.base_url import page_url
from portal.pagination import RecordId

router = Router(tags=["e-pasar: pemilik UMKM"], auth=django_auth)

# Schemas -------------------------------------------------------------------------


class ProfilOut(Schema):
    nama_usaha: str
    slug: str
    nib: str
    kecamatan: str = Field(description="Slug kecamatan.")
    desa: int | None = Field(description="ID desa/kelurahan.")
    alamat: str
    whatsapp: str = Field(description="Nomor WhatsApp dalam format +62.")
    deskripsi: str
    logo: str | None = Field(description="URL logo (ukuran asli), bila ada.")
    terverifikasi: bool


class GambarOut(Schema):
    id: int
    url: str


class ProdukOut(Schema):
    id: int
    judul: str = Field(description="Nama produk pada versi terakhir.")
    kategori: str | None = Field(description="Slug kategori.")
    deskripsi: str
    harga: int
    harga_maks: int | None
    satuan: str
    ketersediaan: str
    tags: list[str]
    gambar: list[GambarOut] = Field(description="Foto pada versi terakhir, berurutan.")
    status: str = Field(
        description=(
            "draft, in_moderation, published, published_with_draft, "
            "published_changes_in_moderation atau changes_requested."
        )
    )
    status_label: str
    catatan_moderator: str = Field(description="Diisi bila perlu perbaikan.")
    ditinjau_pada: datetime.datetime | None
    tayang: bool
    url_publik: str | None = Field(description="Halaman produk yang tayang.")


class ProdukRingkasOut(Schema):
    id: int
    judul: str
    status: str
    status_label: str
    catatan_moderator: str
    tayang: bool
    url_publik: str | None


class ProfilIn(Schema):
    """The multipart fields of the profile (documentation; UMKMProfileForm validates)."""

    nama_usaha: str = Field(max_length=150)
    nib: str = Field("", description="13 angka NIB (tidak wajib).")
    kecamatan: str = Field(description="Slug kecamatan.")
    desa: int | None = Field(None, description="ID desa di kecamatan itu.")
    alamat: str = Field(max_length=300)
    whatsapp: str = Field(description="Nomor ponsel, mis. 0812 3456 7890.")
    deskripsi: str = Field(max_length=2000)


class ProdukIn(Schema):
    """The multipart fields of a product (documentation; ProdukForm validates)."""

    title: str = Field(max_length=120, description="Nama produk.")
    kategori: str = Field(description="Slug kategori.")
    deskripsi: str = Field(max_length=3000)
    harga: int = Field(ge=1, description="Rupiah, bilangan bulat.")
    harga_maks: int | None = Field(None, description="Lebih besar dari harga.")
    satuan: str = Field(max_length=50)
    ketersediaan: str = Field("tersedia")
    tags: str = Field("", description="Kata kunci dipisah koma.")


def _multipart_body(schema, files):
    json_schema = schema.model_json_schema()
    json_schema.pop("description", None)
    json_schema["properties"].update(files)
    return {
        "required": True,
        "content": {"multipart/form-data": {"schema": json_schema}},
    }


_LOGO = {
    "logo_baru": {
        "type": "string",
        "format": "binary",
        "description": "JPEG, PNG atau WebP, paling besar 5 MB (tidak wajib).",
    }
}
_PHOTOS = {
    "gambar_baru": {
        "type": "array",
        "items": {"type": "string", "format": "binary"},
        "maxItems": 5,
        "description": "Foto baru; bersama foto lama paling banyak 5.",
    },
    "hapus_{id}": {
        "type": "boolean",
        "description": "Pada perubahan: hapus foto dengan id itu.",
    },
    "urutan_{id}": {
        "type": "integer",
        "description": "Pada perubahan: urutan foto dengan id itu (1-5).",
    },
}


# Helpers -------------------------------------------------------------------------


def _invalid(request, errors):
    return error_response(request, 400, _("Data yang dikirim tidak valid."), errors)


def _service_errors(error):
    if hasattr(error, "error_dict"):
        return [
            {"field": field, "message": message, "code": "invalid"}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [
        {"field": "__all__", "message": message, "code": "invalid"}
        for message in error.messages
    ]


class BadBody(Exception):
    """The request body is not a readable form."""

    def __init__(self, status, message, code):
        self.status, self.message, self.code = status, message, code


def _form_input(request):
    """``(data, files)`` of a multipart or urlencoded body, for POST and PUT alike."""
    content_type = request.content_type
    if content_type not in FORM_CONTENT_TYPES:
        raise BadBody(
            415,
            _("Kirim data sebagai multipart/form-data."),
            "unsupported_media",
        )
    try:
        if request.method == "POST":
            return request.POST, request.FILES
        if content_type == "multipart/form-data":
            return request.parse_file_upload(request.META, request)
        return QueryDict(request.body, encoding=request.encoding), {}
    except (MultiPartParserError, SuspiciousOperation, BadRequest, UnreadablePostError):
        raise BadBody(
            400, _("Badan permintaan multipart tidak dapat dibaca."), "malformed"
        ) from None


def _bad_body(request, error):
    return error_response(
        request,
        error.status,
        error.message,
        [{"field": "__all__", "message": error.message, "code": error.code}],
    )


def _my_umkm(request):
    return (
        UMKM.objects.select_related("kecamatan", "logo")
        .filter(pemilik=request.auth)
        .first()
    )


def _profile_out(umkm):
    return {
        "nama_usaha": umkm.nama_usaha,
        "slug": umkm.slug,
        "nib": umkm.nib,
        "kecamatan": umkm.kecamatan.slug,
        "desa": umkm.desa_id,
        "alamat": umkm.alamat,
        "whatsapp": umkm.whatsapp,
        "deskripsi": umkm.deskripsi,
        "logo": umkm.logo.file.url if umkm.logo else None,
        "terverifikasi": umkm.terverifikasi,
    }


def _no_profile(request):
    return error_response(
        request, 404, _("Anda belum membuat profil UMKM. Buat profil terlebih dahulu.")
    )


def _product_out(product, state=None):
    state = state or services.product_state(product)
    draft = services.latest_product(product)
    images = [item.image for item in draft.gambar.all()]
    return {
        "id": product.pk,
        "judul": draft.title,
        "kategori": draft.kategori.slug if draft.kategori_id else None,
        "deskripsi": draft.deskripsi,
        "harga": draft.harga,
        "harga_maks": draft.harga_maks,
        "satuan": draft.satuan,
        "ketersediaan": draft.ketersediaan,
        "tags": [tag.name for tag in draft.tags.all()],
        "gambar": [{"id": image.pk, "url": image.file.url} for image in images],
        "status": state.code,
        "status_label": str(state.label),
        "catatan_moderator": state.comment,
        "ditinjau_pada": state.decided_at,
        "tayang": product.live,
        "url_publik": page_url(product) if product.live else None,
    }


def _own_product(request, umkm, pk):
    return get_object_or_404(
        ProdukPage.objects.select_related("umkm"), pk=pk, umkm=umkm
    )


# Profile --------------------------------------------------------------------------


@router.get(
    "/profil",
    response={200: ProfilOut, 401: ErrorOut, 404: ErrorOut},
    summary="Profil UMKM saya",
)
def get_profile(request):
    umkm = _my_umkm(request)
    if umkm is None:
        return _no_profile(request)
    return _profile_out(umkm)


def _save_profile(request, umkm):
    try:
        data, files = _form_input(request)
    except BadBody as error:
        return None, _bad_body(request, error)
    form = UMKMProfileForm(data, files, instance=umkm)
    if not form.is_valid():
        return None, _invalid(request, form_errors(form, each_message=True))
    try:
        saved = services.save_umkm_profile(
            request.auth,
            form.profile_data(),
            logo=form.cleaned_data.get("logo_baru"),
            umkm=umkm,
        )
    except ValidationError as error:
        return None, _invalid(request, _service_errors(error))
    return saved, None


@router.post(
    "/profil",
    response={201: ProfilOut, 400: ErrorOut, 401: ErrorOut, 415: ErrorOut},
    summary="Buat profil UMKM saya",
    description=(
        "Sekali per akun. `multipart/form-data` dengan kolom formulir profil dan "
        "`logo_baru` (tidak wajib). Profil baru menunggu verifikasi moderator."
    ),
    openapi_extra={"requestBody": _multipart_body(ProfilIn, _LOGO)},
)
def create_profile(request):
    if _my_umkm(request) is not None:
        message = _("Akun ini sudah memiliki profil UMKM; ubah dengan PUT.")
        return _invalid(
            request, [{"field": "__all__", "message": message, "code": "exists"}]
        )
    umkm, error = _save_profile(request, None)
    if error is not None:
        return error
    return Status(201, _profile_out(umkm))


@router.put(
    "/profil",
    response={
        200: ProfilOut,
        400: ErrorOut,
        401: ErrorOut,
        404: ErrorOut,
        415: ErrorOut,
    },
    summary="Ubah profil UMKM saya",
    description="Semua kolom profil dikirim ulang; `logo_baru` hanya bila diganti.",
    openapi_extra={"requestBody": _multipart_body(ProfilIn, _LOGO)},
)
def update_profile(request):
    umkm = _my_umkm(request)
    if umkm is None:
        return _no_profile(request)
    umkm, error = _save_profile(request, umkm)
    if error is not None:
        return error
    return _profile_out(umkm)


# Products -------------------------------------------------------------------------


@router.get(
    "/produk",
    response={200: list[ProdukRingkasOut], 401: ErrorOut, 404: ErrorOut},
    summary="Produk saya dengan status moderasinya",
)
def list_products(request):
    umkm = _my_umkm(request)
    if umkm is None:
        return _no_profile(request)
    products = list(
        ProdukPage.objects.filter(umkm=umkm).order_by(
            "-latest_revision_created_at", "-pk"
        )
    )
    states = services.product_states(products)
    return [
        {
            "id": product.pk,
            "judul": product.draft_title,
            "status": states[product.pk].code,
            "status_label": str(states[product.pk].label),
            "catatan_moderator": states[product.pk].comment,
            "tayang": product.live,
            "url_publik": page_url(product) if product.live else None,
        }
        for product in products
    ]


@router.get(
    "/produk/{produk_id}",
    response={200: ProdukOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Satu produk saya (versi terakhir)",
)
def get_product(request, produk_id: RecordId):
    umkm = _my_umkm(request)
    if umkm is None:
        return _no_profile(request)
    return _product_out(_own_product(request, umkm, produk_id))


@router.post(
    "/produk",
    response={
        201: ProdukOut,
        400: ErrorOut,
        401: ErrorOut,
        404: ErrorOut,
        415: ErrorOut,
    },
    summary="Tambah produk (draf)",
    description=(
        "`multipart/form-data` dengan kolom formulir produk dan 1-5 `gambar_baru`. "
        "Produk tersimpan sebagai draf; kirim dengan POST .../kirim."
    ),
    openapi_extra={"requestBody": _multipart_body(ProdukIn, _PHOTOS)},
)
def create_product(request):
    umkm = _my_umkm(request)
    if umkm is None:
        return _no_profile(request)
    try:
        data, files = _form_input(request)
    except BadBody as error:
        return _bad_body(request, error)
    form = ProdukForm(data, files)
    if not form.is_valid():
        return _invalid(request, form_errors(form, each_message=True))
    try:
        product = services.create_product(
            umkm, form.product_data(), form.cleaned_data["gambar_baru"], request.auth
        )
    except ValidationError as error:
        return _invalid(request, _service_errors(error))
    return Status(201, _product_out(product))


def _update(request, produk_id):
    umkm = _my_umkm(request)
    if umkm is None:
        return _no_profile(request)
    product = _own_product(request, umkm, produk_id)
    try:
        data, files = _form_input(request)
    except BadBody as error:
        return _bad_body(request, error)
    draft = services.latest_product(product)
    form = ProdukForm(
        data, files, existing_images=[item.image for item in draft.gambar.all()]
    )
    if not form.is_valid():
        return _invalid(request, form_errors(form, each_message=True))
    try:
        services.update_product(
            product, form.product_data(), form.cleaned_data["gambar_baru"], request.auth
        )
    except ValidationError as error:
        return _invalid(request, _service_errors(error))
    product.refresh_from_db()
    return _product_out(product)


_UPDATE_DOC = {
    "response": {
        200: ProdukOut,
        400: ErrorOut,
        401: ErrorOut,
        404: ErrorOut,
        415: ErrorOut,
        422: ErrorOut,
    },
    "summary": "Ubah produk saya (versi baru)",
    "description": (
        "Semua kolom produk dikirim ulang. Foto lama tetap kecuali `hapus_{id}`; "
        "urutan dengan `urutan_{id}`. Perubahan disimpan sebagai versi baru; "
        "halaman yang tayang tidak berubah sampai disetujui moderator."
    ),
    "openapi_extra": {"requestBody": _multipart_body(ProdukIn, _PHOTOS)},
}


@router.put(
    "/produk/{produk_id}", operation_id="pasar_update_product_put", **_UPDATE_DOC
)
def update_product_put(request, produk_id: RecordId):
    return _update(request, produk_id)


@router.post(
    "/produk/{produk_id}", operation_id="pasar_update_product_post", **_UPDATE_DOC
)
def update_product_post(request, produk_id: RecordId):
    return _update(request, produk_id)


@router.post(
    "/produk/{produk_id}/kirim",
    response={
        200: ProdukOut,
        400: ErrorOut,
        401: ErrorOut,
        404: ErrorOut,
        422: ErrorOut,
    },
    summary="Kirim produk untuk ditinjau moderator",
    description=(
        "Memulai moderasi versi terakhir, atau melanjutkannya setelah perbaikan "
        "yang diminta moderator."
    ),
)
def submit_product(request, produk_id: RecordId):
    umkm = _my_umkm(request)
    if umkm is None:
        return _no_profile(request)
    product = _own_product(request, umkm, produk_id)
    try:
        services.submit_product(product, request.auth)
    except ValidationError as error:
        return _invalid(request, _service_errors(error))
    product.refresh_from_db()
    return _product_out(product)
