"""The portal's service API (django-ninja) at /api/portal/v1/, with one error format.

The error format lives in :mod:`portal.api_errors`; the handlers below turn every
4xx into it. Apps' routers are mounted here.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from layanan.api import router as layanan_router
from pasar.api import router as pasar_router
from pasar.owner_api import router as pasar_owner_router
from pengaduan.api import router as pengaduan_router
from portal.api_errors import error_response, field_error
from portal.reference_api import router as reference_router
from ppid.api import router as ppid_router

api = NinjaAPI(
    title="Portal Langkat — API Layanan",
    version="1.0.0",
    description=(
        "API layanan Portal Langkat: data wilayah, perangkat daerah, serta "
        "pengajuan dan pelacakan layanan warga. Semua jawaban 4xx memakai format "
        "galat yang sama: `detail` dan daftar `errors` per kolom."
    ),
    urls_namespace="portal-api",
)


@api.exception_handler(ValidationError)
def _invalid_input(request, exc):
    return error_response(
        request, 422, _("Data yang dikirim tidak valid."), map(field_error, exc.errors)
    )


@api.exception_handler(DjangoValidationError)
def _invalid_domain_input(request, exc):
    if hasattr(exc, "error_dict"):
        errors = [
            {"field": field, "message": message, "code": "invalid"}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        errors = [
            {"field": "__all__", "message": message, "code": "invalid"}
            for message in exc.messages
        ]
    return error_response(request, 400, _("Data yang dikirim tidak valid."), errors)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error_response(request, 404, _("Data tidak ditemukan."))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return error_response(request, 401, _("Autentikasi diperlukan."))


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return error_response(request, exc.status_code, str(exc))


@api.exception_handler(Throttled)
def _throttled(request, exc):
    # django-ninja adds the Retry-After header to this answer.
    return error_response(
        request,
        429,
        _(
            "Terlalu banyak permintaan dari alamat Anda. Silakan coba lagi "
            "setelah beberapa saat."
        ),
    )


api.add_router("/", reference_router)
api.add_router("/pengaduan/", pengaduan_router)
api.add_router("/informasi-publik/", ppid_router)
api.add_router("/e-kecamatan/", layanan_router)
api.add_router("/pasar/saya/", pasar_owner_router)
api.add_router("/pasar/", pasar_router)
