"""The one error format of the service API, shared by every router.

Every 4xx answer has the shape of :class:`ErrorOut`: a ``detail`` sentence in Bahasa
Indonesia and, for invalid input, one entry per field in ``errors``.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema


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


def field_name(location):
    # The first item is where the value came from (query, path, body, form).
    parts = [str(part) for part in location[1:]] or [str(part) for part in location]
    return ".".join(parts) or "__all__"


def field_error(error):
    code = error.get("type", "invalid")
    wording = _MESSAGES.get(code)
    message = wording(error.get("ctx") or {}) if wording else _("Nilai tidak valid.")
    return {
        "field": field_name(error.get("loc", ())),
        "message": message,
        "code": code,
    }


def error_response(request, status, detail, errors=()):
    """An answer in the API's one error format."""
    return JsonResponse({"detail": str(detail), "errors": list(errors)}, status=status)
