"""The portal's service API (django-ninja) at /api/portal/v1/, with one error format.

Every 4xx answer has the shape of :class:`ErrorOut`: a ``detail`` sentence in Bahasa
Indonesia and, for invalid input, one entry per field in ``errors``. Apps add
their routers here.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from portal.reference_api import router as reference_router


class FieldErrorOut(Schema):
    field: str
    message: str
    code: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldErrorOut] = []


# pydantic error types worded for citizens; others get a generic message.
_MESSAGES = {
    "missing": lambda ctx: _("Wajib diisi."),
    "string_too_long": lambda ctx: (
        _("Paling banyak %(max)s karakter.") % {"max": ctx.get("max_length")}
    ),
    "string_too_short": lambda ctx: (
        _("Paling sedikit %(min)s karakter.") % {"min": ctx.get("min_length")}
    ),
    "int_parsing": lambda ctx: _("Harus berupa bilangan bulat."),
    "int_type": lambda ctx: _("Harus berupa bilangan bulat."),
    "greater_than_equal": lambda ctx: _("Paling kecil %(ge)s.") % {"ge": ctx.get("ge")},
    "less_than_equal": lambda ctx: _("Paling besar %(le)s.") % {"le": ctx.get("le")},
    "date_from_datetime_parsing": lambda ctx: _(
        "Tanggal tidak valid (format TTTT-BB-HH)."
    ),
    "date_parsing": lambda ctx: _("Tanggal tidak valid (format TTTT-BB-HH)."),
    "bool_parsing": lambda ctx: _("Harus bernilai true atau false."),
    "enum": lambda ctx: (
        _("Pilihan tidak tersedia: %(expected)s.") % {"expected": ctx.get("expected")}
    ),
    "json_invalid": lambda ctx: _("Badan permintaan bukan JSON yang valid."),
}


def _field_name(location):
    # The first item is where the value came from (query, path, body, form).
    parts = [str(part) for part in location[1:]] or [str(part) for part in location]
    return ".".join(parts) or "__all__"


def _field_error(error):
    code = error.get("type", "invalid")
    wording = _MESSAGES.get(code)
    message = wording(error.get("ctx") or {}) if wording else _("Nilai tidak valid.")
    return {
        "field": _field_name(error.get("loc", ())),
        "message": message,
        "code": code,
    }


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


def error_response(request, status, detail, errors=()):
    """An answer in the API's one error format."""
    return api.create_response(
        request, {"detail": detail, "errors": list(errors)}, status=status
    )


@api.exception_handler(ValidationError)
def _invalid_input(request, exc):
    return error_response(
        request, 422, _("Data yang dikirim tidak valid."), map(_field_error, exc.errors)
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

# Apps' routers use ErrorOut and error_response, so they are mounted after them.
from pengaduan.api import router as pengaduan_router  # noqa: E402

api.add_router("/pengaduan/", pengaduan_router)
