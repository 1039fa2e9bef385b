"""Open311 GeoReport v2 endpoints for e-laga, in JSON and XML.

Services are the active report categories; service requests are the published reports
(their ``service_request_id`` is the tracking code). Partners POST new requests with an
API key managed in the admin; the report is validated by :class:`LaporanForm`, like on
the public site. Extension attributes (see the service definition): ``kecamatan``
(required), ``jenis``, ``judul``, ``anonim`` and ``rahasia``.
"""

import datetime
import functools
from decimal import Decimal, InvalidOperation

from django.core import signing
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db.models import OuterRef, Subquery
from django.http import UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from pengaduan.choices import JenisCatatan, JenisLaporan
from pengaduan.forms import LaporanForm
from pengaduan.models import CatatanLaporan, KategoriLaporan, Laporan
from pengaduan.open311 import keys
from pengaduan.open311.serialisation import (
    OPEN311_STATUS,
    render,
    render_errors,
    request_item,
    service_item,
)
from portal.base_url import absolute_url
from portal.models import Kecamatan
from portal.tracking import normalise_tracking_code

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-27T00:00:00+07:00"
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
#: The spec's default and largest window of requested_datetime.
MAX_SPAN = datetime.timedelta(days=90)
#: Dates outside these years are refused: the window around them, or the database's
#: conversion to UTC, would leave the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 9000
SIGNING_SALT = "pengaduan.open311.token"
COORDINATE_PLACES = Decimal("0.000001")

#: LaporanForm fields under the names an Open311 client sent them.
OPEN311_FIELD_NAMES = {
    "kategori": "service_code",
    "isi": "description",
    "judul": "attribute[judul]",
    "jenis": "attribute[jenis]",
    "kecamatan": "attribute[kecamatan]",
    "alamat": "address_string",
    "latitude": "lat",
    "longitude": "long",
    "nama_pelapor": "first_name",
    "email": "email",
    "telepon": "phone",
    "anonim": "attribute[anonim]",
    "rahasia": "attribute[rahasia]",
}
TRUE_VALUES = {"true", "1", "yes", "on"}


def _method_not_allowed(request, response_format, methods):
    error = render_errors(
        response_format,
        405,
        [_("Metode %(method)s tidak didukung.") % {"method": request.method}],
    )
    error["Allow"] = ", ".join(methods)
    return error


def require_get(view):
    """Answer other methods with 405 in the spec's error format."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return _method_not_allowed(request, kwargs["response_format"], ["GET"])
        return view(request, *args, **kwargs)

    return wrapper


def not_found(request, *args, **kwargs):
    """Anything under /open311/v2/ that is not an endpoint or format of the spec."""
    response_format = "xml" if request.path.endswith(".xml") else "json"
    return render_errors(response_format, 404, [_("Alamat tidak ditemukan.")])


@require_get
def discovery(request, response_format):
    """Where and how this Open311 endpoint is served."""
    base_url = absolute_url(reverse("open311:discovery", args=["json"]))
    base_url = base_url.rsplit("/", 1)[0] + "/"
    payload = {
        "changeset": CHANGESET,
        "contact": _("Diskominfo Kabupaten Langkat, melalui kanal e-laga."),
        "key_service": _(
            "Kunci API untuk mengirim laporan diberikan oleh admin Portal Langkat."
        ),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base_url,
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return render(response_format, payload, "discovery")


@require_get
def service_list(request, response_format):
    """The active report categories as services."""
    services = [service_item(kategori) for kategori in _active_categories()]
    return render(response_format, services, "services", "service")


def _active_categories():
    return KategoriLaporan.objects.filter(aktif=True)


def _choice(key, name):
    return {"key": key, "name": str(name)}


@require_get
def service_definition(request, service_code, response_format):
    """The extra attributes a request of this service takes."""
    kategori = _active_categories().filter(slug=service_code).first()
    if kategori is None:
        return render_errors(response_format, 404, [_("service_code tidak ditemukan.")])
    yes_no = [_choice("true", _("Ya")), _choice("false", _("Tidak"))]
    attributes = [
        {
            "variable": True,
            "code": "kecamatan",
            "datatype": "singlevaluelist",
            "required": True,
            "datatype_description": _("Slug kecamatan lokasi kejadian."),
            "order": 1,
            "description": _("Kecamatan"),
            "values": [
                _choice(kecamatan.slug, kecamatan.nama)
                for kecamatan in Kecamatan.objects.order_by("nama")
            ],
        },
        {
            "variable": True,
            "code": "jenis",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": _("Bawaan: pengaduan."),
            "order": 2,
            "description": _("Jenis laporan"),
            "values": [_choice(value, label) for value, label in JenisLaporan.choices],
        },
        {
            "variable": True,
            "code": "judul",
            "datatype": "string",
            "required": False,
            "datatype_description": _(
                "Paling banyak 150 karakter; bawaan: awal deskripsi."
            ),
            "order": 3,
            "description": _("Judul laporan"),
        },
        {
            "variable": True,
            "code": "anonim",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": _(
                "Identitas pelapor hanya terlihat oleh moderator."
            ),
            "order": 4,
            "description": _("Anonim"),
            "values": yes_no,
        },
        {
            "variable": True,
            "code": "rahasia",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": _("Laporan tidak pernah dipublikasikan."),
            "order": 5,
            "description": _("Rahasia"),
            "values": yes_no,
        },
    ]
    if not kategori.boleh_anonim:
        attributes = [item for item in attributes if item["code"] != "anonim"]
    payload = {"service_code": kategori.slug, "attributes": attributes}
    return render(response_format, payload, "service_definition")


def _published_requests():
    public_entries = (
        CatatanLaporan.objects.filter(laporan=OuterRef("pk"), is_public=True)
        .exclude(jenis=JenisCatatan.INFO_PELAPOR)
        .order_by("-created_at", "-pk")
    )
    return (
        Laporan.objects.published()
        .select_related("kategori", "desa", "perangkat_daerah")
        .annotate(
            status_notes=Subquery(public_entries.values("message")[:1]),
            public_update=Subquery(public_entries.values("created_at")[:1]),
        )
        .order_by("-diterima_pada", "-pk")
    )


def _parse_w3c(value):
    """A W3C datetime (or date) as an aware datetime; ``None`` when unparseable."""
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                return None
            moment = datetime.datetime.combine(day, datetime.time.min)
    except ValueError:
        return None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _whole_number(text, maximum):
    """``text`` as a whole number from 1 to ``maximum``, or ``None``; only ASCII
    digits, never longer than ``maximum``, reach ``int()``."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(maximum)):
        return None
    number = int(text)
    return number if 1 <= number <= maximum else None


def _date_window(params):
    """``(start, end)`` of requested_datetime from the query, or ``(None, error)``."""
    moments = {}
    for name in ("start_date", "end_date"):
        raw = params.get(name, "").strip()
        if raw:
            moments[name] = _parse_w3c(raw)
            if moments[name] is None:
                return None, _(
                    "%(name)s harus berupa tanggal-waktu W3C, misalnya "
                    "2026-03-17T00:00:00+07:00."
                ) % {"name": name}
    start, end = moments.get("start_date"), moments.get("end_date")
    if start and end:
        if end < start:
            return None, _("end_date tidak boleh sebelum start_date.")
        if end - start > MAX_SPAN:
            return None, _("Rentang start_date sampai end_date paling lama 90 hari.")
    elif start:
        end = start + MAX_SPAN
    elif end:
        start = end - MAX_SPAN
    else:
        end = timezone.now()
        start = end - MAX_SPAN
    return (start, end), None


def _list_requests(request, response_format):
    params = request.GET
    queryset = _published_requests()
    ids = params.get("service_request_id", "").strip()
    if ids:
        # The spec: a list of ids overrides every other argument.
        codes = {
            normalise_tracking_code(code[:40]) for code in ids.split(",")[:MAX_LIMIT]
        }
        items = [request_item(item) for item in queryset.filter(kode_lacak__in=codes)]
        return render(response_format, items, "service_requests", "request")

    errors = []
    raw_limit = params.get("limit", "").strip()
    limit = DEFAULT_LIMIT
    if raw_limit:
        limit = _whole_number(raw_limit, MAX_LIMIT)
        if limit is None:
            errors.append(
                _("limit harus bilangan bulat 1 sampai %(max)s.") % {"max": MAX_LIMIT}
            )
    window, window_error = _date_window(params)
    if window_error:
        errors.append(window_error)
    statuses = [item.strip() for item in params.get("status", "").split(",")]
    statuses = [item for item in statuses if item]
    if set(statuses) - {"open", "closed"}:
        errors.append(_("status harus open atau closed."))
    codes = [item.strip() for item in params.get("service_code", "").split(",")]
    codes = [item for item in codes if item]
    if errors:
        return render_errors(response_format, 400, errors)

    start, end = window
    queryset = queryset.filter(diterima_pada__gte=start, diterima_pada__lte=end)
    if codes:
        queryset = queryset.filter(kategori__slug__in=codes)
    if statuses:
        queryset = queryset.filter(
            status__in=[
                value for value, mapped in OPEN311_STATUS.items() if mapped in statuses
            ]
        )
    items = [request_item(item) for item in queryset[:limit]]
    return render(response_format, items, "service_requests", "request")


def _truthy(value):
    return "on" if (value or "").strip().lower() in TRUE_VALUES else ""


def _coordinate(value):
    """Round a coordinate to the 6 decimals we store; leave bad input to the form."""
    try:
        return str(Decimal(value).quantize(COORDINATE_PLACES))
    except (InvalidOperation, ValueError, TypeError):
        return value


def _form_data(data):
    """LaporanForm data from the spec's POST fields and our attributes."""
    description = data.get("description", "")
    name = " ".join(
        part.strip()
        for part in (data.get("first_name", ""), data.get("last_name", ""))
        if part.strip()
    )
    form_data = {
        "jenis": data.get("attribute[jenis]") or JenisLaporan.PENGADUAN,
        "kategori": data.get("service_code", ""),
        "judul": data.get("attribute[judul]")
        or Truncator(" ".join(description.split())).chars(150),
        "isi": description,
        "kecamatan": data.get("attribute[kecamatan]", ""),
        "alamat": data.get("address_string", ""),
        "nama_pelapor": name,
        "email": data.get("email", ""),
        "telepon": data.get("phone", ""),
        "anonim": _truthy(data.get("attribute[anonim]")),
        "rahasia": _truthy(data.get("attribute[rahasia]")),
        # The partner accepted the terms of use when it was given its key.
        "setuju": "on",
    }
    if data.get("lat") or data.get("long"):
        form_data["latitude"] = _coordinate(data.get("lat", ""))
        form_data["longitude"] = _coordinate(data.get("long", ""))
    return form_data


def _form_error_descriptions(form, data):
    descriptions = []
    for field, messages in form.errors.items():
        if (
            field == "judul"
            and "isi" in form.errors
            and not data.get("attribute[judul]")
        ):
            continue  # the title defaults to the missing description
        name = OPEN311_FIELD_NAMES.get(field, field)
        for message in messages:
            descriptions.append(message if field == "__all__" else f"{name}: {message}")
    return descriptions


def _create_request(request, response_format):
    try:
        data = request.POST
    except (MultiPartParserError, SuspiciousOperation, BadRequest, UnreadablePostError):
        return render_errors(
            response_format, 400, [_("Badan permintaan tidak dapat dibaca.")]
        )
    kunci = keys.find_key(data.get("api_key", ""))
    if kunci is None:
        return render_errors(response_format, 403, [_("api_key tidak valid.")])
    if not kunci.aktif:
        return render_errors(response_format, 403, [_("api_key tidak aktif.")])
    keys.mark_used(kunci)

    errors = []
    if not data.get("service_code", "").strip():
        errors.append(_("service_code wajib diisi."))
    has_point = data.get("lat", "").strip() and data.get("long", "").strip()
    if not (
        has_point
        or data.get("address_string", "").strip()
        or data.get("address_id", "").strip()
    ):
        errors.append(_("Lokasi wajib diisi: lat dan long, atau address_string."))
    if not data.get("attribute[kecamatan]", "").strip():
        errors.append(
            _(
                "attribute[kecamatan] wajib diisi dengan slug kecamatan (lihat "
                "definisi layanan)."
            )
        )
    if errors:
        return render_errors(response_format, 400, errors)

    form = LaporanForm(_form_data(data))
    if not form.is_valid():
        return render_errors(response_format, 400, _form_error_descriptions(form, data))
    laporan = form.save_report()
    item = {
        "service_request_id": laporan.kode_lacak,
        "token": make_token(laporan),
        "service_notice": _("Laporan diterima dan diverifikasi paling lambat %(date)s.")
        % {"date": laporan.batas_waktu.strftime("%d-%m-%Y")},
        "account_id": None,
    }
    return render(response_format, [item], "service_requests", "request", status=201)


def make_token(laporan):
    """An opaque token that leads back to the request id (tokens/{token})."""
    return signing.dumps(laporan.kode_lacak, salt=SIGNING_SALT)


@csrf_exempt
def service_requests(request, response_format):
    """GET: published requests with the spec's filters; POST: a new request (api_key)."""
    if request.method in ("GET", "HEAD"):
        return _list_requests(request, response_format)
    if request.method == "POST":
        return _create_request(request, response_format)
    return _method_not_allowed(request, response_format, ["GET", "POST"])


@require_get
def service_request_detail(request, service_request_id, response_format):
    """One published request, as a list of one (as the spec has it)."""
    laporan = (
        _published_requests()
        .filter(kode_lacak=normalise_tracking_code(service_request_id[:40]))
        .first()
    )
    if laporan is None:
        return render_errors(
            response_format, 404, [_("service_request_id tidak ditemukan.")]
        )
    return render(
        response_format, [request_item(laporan)], "service_requests", "request"
    )


@require_get
def token_detail(request, token, response_format):
    """The request id a POST's token stands for."""
    try:
        kode = signing.loads(token, salt=SIGNING_SALT)
    except signing.BadSignature:
        kode = None
    if (
        not isinstance(kode, str)
        or not Laporan.objects.filter(kode_lacak=kode).exists()
    ):
        return render_errors(response_format, 404, [_("token tidak ditemukan.")])
    return render(
        response_format,
        [{"service_request_id": kode, "token": token}],
        "service_requests",
        "request",
    )
