"""Open311 payloads as JSON or XML, with the spec's element names."""

import datetime
import xml.etree.ElementTree as ET

from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from pengaduan.choices import StatusLaporan
from pengaduan.location import public_point
from portal.masking import mask_personal_data

JSON_CONTENT_TYPE = "application/json; charset=utf-8"
XML_CONTENT_TYPE = "text/xml; charset=utf-8"

#: Our lifecycle mapped to the spec's two statuses.
OPEN311_STATUS = {
    StatusLaporan.BARU: "open",
    StatusLaporan.DIVERIFIKASI: "open",
    StatusLaporan.DIDISPOSISIKAN: "open",
    StatusLaporan.DITINDAKLANJUTI: "open",
    StatusLaporan.SELESAI: "closed",
    StatusLaporan.DITUTUP: "closed",
    StatusLaporan.DITOLAK: "closed",
}

#: The element name of one item in each XML list.
XML_ITEM_NAMES = {
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}


def w3c_datetime(value):
    """An aware datetime in WIB, as ``2026-03-17T09:30:00+07:00``; ``None`` stays."""
    if value is None:
        return None
    return timezone.localtime(value).isoformat(timespec="seconds")


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _append(parent, tag, value):
    element = ET.SubElement(parent, tag)
    if isinstance(value, dict):
        for key, item in value.items():
            _append(element, key, item)
    elif isinstance(value, list | tuple):
        for item in value:
            _append(element, XML_ITEM_NAMES.get(tag, "item"), item)
    else:
        element.text = _text(value)
    return element


def to_xml(root_tag, payload, item_tag=None):
    """UTF-8 XML: a dict becomes ``<root>`` with children, a list ``<root><item>…``."""
    root = ET.Element(root_tag)
    if isinstance(payload, dict):
        for key, value in payload.items():
            _append(root, key, value)
    else:
        for item in payload:
            _append(root, item_tag, item)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def render(response_format, payload, root_tag, item_tag=None, status=200):
    """The payload in the requested format (``json`` or ``xml``)."""
    if response_format == "xml":
        return HttpResponse(
            to_xml(root_tag, payload, item_tag),
            content_type=XML_CONTENT_TYPE,
            status=status,
        )
    return JsonResponse(
        payload,
        safe=False,
        status=status,
        content_type=JSON_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def render_errors(response_format, status, descriptions):
    """The spec's error list: ``[{"code": status, "description": …}]``."""
    errors = [
        {"code": status, "description": str(description)}
        for description in descriptions
    ]
    return render(response_format, errors, "errors", "error", status=status)


def service_item(kategori):
    """A category as an Open311 service."""
    return {
        "service_code": kategori.slug,
        "service_name": kategori.nama,
        "description": kategori.deskripsi,
        "metadata": True,
        "type": "realtime",
        "keywords": "",
        "group": "e-laga",
    }


def request_item(laporan):
    """A published report as an Open311 service request; never the reporter's identity.

    Free text (description, address, the latest public answer) is masked with the
    reporter's name; the point is rounded (:func:`pengaduan.location.public_point`). Expects the annotations ``status_notes`` and ``public_update`` (see the views).
    """
    updated = getattr(laporan, "public_update", None) or laporan.diterima_pada
    names = (laporan.nama_pelapor,)
    point = public_point(laporan)
    expected = None
    if laporan.is_open and laporan.batas_waktu:
        # The end of the deadline day, in WIB.
        expected = timezone.make_aware(
            datetime.datetime.combine(laporan.batas_waktu, datetime.time(23, 59, 59))
        )
    return {
        "service_request_id": laporan.kode_lacak,
        "status": OPEN311_STATUS.get(laporan.status, "open"),
        "status_notes": mask_personal_data(
            getattr(laporan, "status_notes", None) or "", names
        ),
        "service_name": laporan.kategori.nama,
        "service_code": laporan.kategori.slug,
        "description": mask_personal_data(laporan.isi, names),
        "agency_responsible": (
            laporan.perangkat_daerah.nama if laporan.perangkat_daerah else ""
        ),
        "service_notice": "",
        "requested_datetime": w3c_datetime(laporan.diterima_pada),
        "updated_datetime": w3c_datetime(updated),
        "expected_datetime": w3c_datetime(expected),
        "address": mask_personal_data(laporan.alamat, names),
        "address_id": "",
        "zipcode": laporan.desa.kode_pos if laporan.desa else "",
        "lat": point.latitude if point else None,
        "long": point.longitude if point else None,
        "media_url": "",
    }
