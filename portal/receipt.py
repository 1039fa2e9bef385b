"""The receipt (tanda terima) of a citizen's submission: a one-page PDF.

The confirmation page of every tracked submission offers it (see
:class:`portal.tracking_views.ConfirmationView`); each app supplies the words and
facts, this module lays them out once. The receipt names the code, when the
submission arrived (WIB), the deadlines the tracking page shows and a QR code to
that public tracking page. The secret link appears only when the citizen asked
for it on screen: a printed receipt is easily left on a desk.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    Image,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from portal.qr import qr_png

LONG_DATE = "l, j F Y"
QR_SIZE = 4.5 * cm


def long_date(value):
    """A date (or aware datetime, taken in WIB) as "Rabu, 2 Desember 2026"."""
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return date_format(value, LONG_DATE)


def long_datetime(value):
    """An aware datetime in WIB as "Rabu, 2 Desember 2026, 14.05 WIB"."""
    local = timezone.localtime(value)
    return gettext("%(date)s, pukul %(time)s WIB") % {
        "date": date_format(local, LONG_DATE),
        "time": date_format(local, "H.i"),
    }


@dataclass(frozen=True)
class Receipt:
    """What a receipt shows; every text is already in the citizen's language."""

    #: "Tanda Terima Laporan e-laga"
    title: str
    #: Who issues it: the regency's name from the site settings.
    issuer: str
    #: What the app calls the code ("Kode lacak", "Nomor registrasi").
    code_label: str
    code: str
    received_at: datetime
    #: The public tracking page, absolute: printed and drawn as the QR code.
    track_url: str
    #: (label, value) pairs: the service, category, kecamatan.
    details: Sequence[tuple[str, str]] = field(default_factory=tuple)
    #: (label, long date or explanation) pairs, as the tracking page shows them.
    deadlines: Sequence[tuple[str, str]] = field(default_factory=tuple)
    #: Only when the citizen asked for it on screen.
    secret_url: str = ""
    secret_label: str = ""

    @property
    def file_name(self):
        return f"tanda-terima-{self.code}.pdf"


def _styles():
    sheet = getSampleStyleSheet()
    return {
        "issuer": ParagraphStyle(
            "issuer", parent=sheet["Normal"], fontSize=10, textColor=colors.grey
        ),
        "title": ParagraphStyle("title", parent=sheet["Title"], fontSize=18),
        "heading": ParagraphStyle(
            "heading", parent=sheet["Heading2"], fontSize=12, spaceAfter=4
        ),
        "label": ParagraphStyle(
            "label", parent=sheet["Normal"], fontName="Helvetica-Bold", fontSize=10
        ),
        "value": ParagraphStyle("value", parent=sheet["Normal"], fontSize=10),
        "code": ParagraphStyle(
            "code",
            parent=sheet["Normal"],
            fontName="Courier-Bold",
            fontSize=20,
            leading=24,
        ),
        "small": ParagraphStyle(
            "small", parent=sheet["Normal"], fontSize=8.5, leading=11
        ),
        "url": ParagraphStyle(
            "url",
            parent=sheet["Normal"],
            fontName="Courier",
            fontSize=8,
            leading=10,
            wordWrap="CJK",
        ),
    }


def _fact_table(rows, styles):
    table = Table(
        [
            [
                Paragraph(escape(label), styles["label"]),
                Paragraph(escape(value), styles["value"]),
            ]
            for label, value in rows
        ],
        colWidths=[5 * cm, 11 * cm],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def receipt_pdf(receipt):
    """The receipt as the bytes of a one-page A4 PDF."""
    styles = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"{receipt.title} {receipt.code}",
        author=receipt.issuer,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    qr = Image(io.BytesIO(qr_png(receipt.track_url)), width=QR_SIZE, height=QR_SIZE)
    code_block = [
        Paragraph(escape(receipt.code_label), styles["label"]),
        Paragraph(escape(receipt.code), styles["code"]),
        Spacer(1, 0.3 * cm),
        Paragraph(
            escape(gettext("Pindai kode QR atau buka alamat ini untuk melacak:")),
            styles["small"],
        ),
        Paragraph(escape(receipt.track_url), styles["url"]),
    ]
    header = Table([[code_block, qr]], colWidths=[11.5 * cm, 4.5 * cm])
    header.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
                ("LEFTPADDING", (0, 0), (0, 0), 10),
            ]
        )
    )
    facts = [
        (gettext("Diterima"), long_datetime(receipt.received_at)),
        *receipt.details,
    ]
    story = [
        Paragraph(escape(receipt.issuer), styles["issuer"]),
        Paragraph(escape(receipt.title), styles["title"]),
        header,
        Spacer(1, 0.6 * cm),
        _fact_table(facts, styles),
        Spacer(1, 0.5 * cm),
    ]
    if receipt.deadlines:
        story += [
            Paragraph(escape(gettext("Batas waktu (hari kerja)")), styles["heading"]),
            _fact_table(receipt.deadlines, styles),
            Spacer(1, 0.5 * cm),
        ]
    story += [
        Paragraph(
            escape(
                gettext(
                    "Dengan kode ini siapa pun dapat melihat status dan batas waktu, "
                    "tetapi tidak isi maupun identitas Anda. Batas waktu dihitung "
                    "dalam hari kerja dan dapat berubah mengikuti tahap yang sedang "
                    "berjalan; halaman pelacakan selalu menunjukkan yang terbaru."
                )
            ),
            styles["small"],
        ),
    ]
    if receipt.secret_url:
        story += [
            Spacer(1, 0.5 * cm),
            Paragraph(escape(receipt.secret_label), styles["label"]),
            Paragraph(escape(receipt.secret_url), styles["url"]),
            Paragraph(
                escape(
                    gettext(
                        "Rahasiakan tautan ini: siapa pun yang memegangnya dapat "
                        "membuka halaman pribadi Anda."
                    )
                ),
                styles["small"],
            ),
        ]
    document.build(story)
    return buffer.getvalue()


def receipt_response(receipt):
    """The receipt as a PDF download named after its code."""
    response = HttpResponse(receipt_pdf(receipt), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{receipt.file_name}"'
    return response
