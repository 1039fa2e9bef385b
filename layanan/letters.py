"""Letters generated from a service's templates: values, numbers, codes and the PDF.

A letter is A4, headed by the regency (site settings, ``PengaturanPortal``) and the
kecamatan office (``KantorKecamatanPage``: name, address, camat), numbered per
kecamatan and year, signed by the camat, and closed by a QR code of its public
verification page with a short verification code. Pages are numbered
"Halaman 1 dari 2". Everything an editor typed reaches the PDF through
:mod:`layanan.letter_placeholders` (escaped values) and :class:`RichTextParagraphs`
(a fixed set of tags), never through a template engine.
"""

import datetime
import hashlib
import io
import secrets
from dataclasses import dataclass
from html import escape as xml_escape
from html.parser import HTMLParser

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from wagtail.models import Site

from layanan.letter_placeholders import (
    ROMAN_MONTHS,
    answer_placeholder,
    field_placeholders,
    fill,
    format_number,
)
from layanan.models import KantorKecamatanPage, PenghitungNomorSurat
from portal.base_url import absolute_url
from portal.models import PengaturanPortal
from portal.qr import qr_png
from portal.tracking import ALPHABET

#: Verification codes: 10 characters of the tracking alphabet (no 0/O, 1/I/L),
#: shown as ``XXXXX-XXXXX``; about 50 bits, so guessing one is hopeless.
VERIFICATION_CODE_LENGTH = 10
PREVIEW_NUMBER = "(nomor diberikan saat surat diterbitkan)"


def generate_verification_code():
    raw = "".join(
        secrets.choice(ALPHABET) for _index in range(VERIFICATION_CODE_LENGTH)
    )
    return f"{raw[:5]}-{raw[5:]}"


def normalise_verification_code(code):
    """A code as typed (lower case, spaces, no hyphen) in its stored form."""
    raw = "".join(ch for ch in str(code).upper() if ch.isalnum())
    return f"{raw[:5]}-{raw[5:]}" if len(raw) == VERIFICATION_CODE_LENGTH else raw


def verification_url(code):
    """The absolute URL of a letter's public verification page."""
    return absolute_url(reverse("verifikasi_surat", args=[code]))


def initials(name):
    """ "Rina Sembiring" as "R. S.": all a verification page says of the holder."""
    return " ".join(f"{word[0].upper()}." for word in str(name).split() if word)


# Numbers ---------------------------------------------------------------------------


def take_number(kecamatan, year):
    """The next letter number of ``kecamatan`` in ``year``, with its counter row
    locked until the caller's transaction ends (so numbers are never shared)."""
    with transaction.atomic():
        counter, _created = (
            PenghitungNomorSurat.objects.select_for_update().get_or_create(
                kecamatan=kecamatan, tahun=year
            )
        )
        counter.terakhir += 1
        counter.save(update_fields=["terakhir"])
    return counter.terakhir


def kecamatan_code(kantor, kecamatan):
    if kantor is not None and kantor.kode_surat:
        return kantor.kode_surat
    return kecamatan.nama.upper()


def letter_number(template, kantor, kecamatan, sequence, day):
    return format_number(
        template.pola_nomor,
        {
            "nomor": sequence,
            "kode_kecamatan": kecamatan_code(kantor, kecamatan),
            "tahun": day.year,
            "bulan_romawi": ROMAN_MONTHS[day.month - 1],
        },
    )


# Values ----------------------------------------------------------------------------


def kantor_for(kecamatan):
    return KantorKecamatanPage.objects.filter(kecamatan=kecamatan).first()


def _long_date(day):
    return date_format(day, "j F Y")


def letter_values(permohonan, kantor, number, day):
    """Every placeholder's value for ``permohonan`` (answers by their labels)."""
    values = {
        "nama_pemohon": permohonan.nama,
        "nik_pemohon": permohonan.nik,
        "alamat_pemohon": permohonan.alamat,
        "desa": permohonan.desa.nama if permohonan.desa else "",
        "kecamatan": permohonan.kecamatan.nama,
        "camat": kantor.camat if kantor else "",
        "nomor_surat": number,
        "tanggal_surat": _long_date(day),
        "tanggal_permohonan": _long_date(timezone.localdate(permohonan.diajukan_pada)),
        "layanan": permohonan.layanan.nama,
        "kode_lacak": permohonan.kode_lacak,
    }
    for row in permohonan.jawaban:
        value = row.get("nilai")
        if row.get("jenis") == "tanggal" and value:
            try:
                value = _long_date(datetime.date.fromisoformat(value))
            except ValueError:
                pass
        values[answer_placeholder(row["label"])] = "" if value is None else value
    return values


def sample_values(standar):
    """Placeholder values for previews: the sample of each field, then the rest."""
    today = timezone.localdate()
    values = {
        "nama_pemohon": "Rina Sembiring",
        "nik_pemohon": "1205015203850002",
        "alamat_pemohon": "Jl. Pelabuhan No. 12, Pangkalan Brandan",
        "desa": "Brandan Barat",
        "kecamatan": "Babalan",
        "camat": "Nama Camat",
        "nomor_surat": f"470/1/BBL/{today.year}",
        "tanggal_surat": _long_date(today),
        "tanggal_permohonan": _long_date(today),
        "layanan": standar.nama,
        "kode_lacak": "KCM-7Q4M-2KXP",
    }
    for name, label in field_placeholders(standar.isian).items():
        values[name] = f"[{label}]"
    return values


def sample_letters(standar):
    """``(template, filled HTML)`` of each template of ``standar``, on sample data."""
    values = sample_values(standar)
    return [
        (template, fill(template.isi, values))
        for template in standar.template_surat.all()
    ]


# PDF -------------------------------------------------------------------------------


class RichTextParagraphs(HTMLParser):
    """The rich text of a template (paragraphs, lists, bold, italic) as reportlab
    paragraph markup; every other tag is dropped and every text escaped."""

    INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = []  # (markup, bullet or "")
        self._current = None
        self._lists = []

    def _open(self, bullet=""):
        self._close()
        self._current = ([], bullet)

    def _close(self):
        if self._current is not None:
            parts, bullet = self._current
            markup = "".join(parts).strip()
            if markup:
                self.paragraphs.append((markup, bullet))
        self._current = None

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h2", "h3", "h4"):
            self._open()
        elif tag in ("ul", "ol"):
            self._close()
            self._lists.append([tag, 0])
        elif tag == "li":
            bullet = "\u2022"
            if self._lists:
                kind = self._lists[-1]
                kind[1] += 1
                if kind[0] == "ol":
                    bullet = f"{kind[1]}."
            self._open(bullet)
        elif tag == "br" and self._current is not None:
            self._current[0].append("<br/>")
        elif tag in self.INLINE:
            if self._current is None:
                self._open()
            self._current[0].append(f"<{self.INLINE[tag]}>")

    def handle_endtag(self, tag):
        if tag in ("p", "h2", "h3", "h4", "li"):
            self._close()
        elif tag in ("ul", "ol"):
            self._close()
            if self._lists:
                self._lists.pop()
        elif tag in self.INLINE and self._current is not None:
            self._current[0].append(f"</{self.INLINE[tag]}>")

    def handle_data(self, data):
        if not data.strip() and self._current is None:
            return
        if self._current is None:
            self._open()
        self._current[0].append(xml_escape(data, quote=False))

    @classmethod
    def parse(cls, html):
        parser = cls()
        parser.feed(html or "")
        parser.close()
        parser._close()
        return parser.paragraphs


class NumberedCanvas(pdf_canvas.Canvas):
    """Writes "Halaman N dari M" at the foot of every page (and an optional mark)."""

    watermark = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_pages = []

    def showPage(self):
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total):
        self.saveState()
        if self.watermark:
            self.setFont("Helvetica-Bold", 60)
            self.setFillColor(colors.Color(0.85, 0.85, 0.85))
            self.translate(A4[0] / 2, A4[1] / 2)
            self.rotate(45)
            self.drawCentredString(0, 0, self.watermark)
            self.rotate(-45)
            self.translate(-A4[0] / 2, -A4[1] / 2)
        self.setFont("Helvetica", 8)
        self.setFillColor(colors.black)
        self.drawCentredString(
            A4[0] / 2,
            1.2 * cm,
            _("Halaman %(page)s dari %(total)s")
            % {"page": self._pageNumber, "total": total},
        )
        self.restoreState()


def _styles():
    base = getSampleStyleSheet()["Normal"]
    return {
        "body": ParagraphStyle(
            "body",
            parent=base,
            fontName="Helvetica",
            fontSize=11,
            leading=15,
            alignment=TA_JUSTIFY,
            spaceAfter=6,
        ),
        "item": ParagraphStyle(
            "item",
            parent=base,
            fontName="Helvetica",
            fontSize=11,
            leading=15,
            leftIndent=18,
            bulletIndent=4,
            spaceAfter=3,
        ),
        "head1": ParagraphStyle(
            "head1",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=13,
            leading=16,
            alignment=TA_CENTER,
        ),
        "head2": ParagraphStyle(
            "head2",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=15,
            leading=19,
            alignment=TA_CENTER,
        ),
        "head3": ParagraphStyle(
            "head3",
            parent=base,
            fontName="Helvetica",
            fontSize=9,
            leading=12,
            alignment=TA_CENTER,
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=12,
            leading=16,
            alignment=TA_CENTER,
        ),
        "center": ParagraphStyle(
            "center",
            parent=base,
            fontName="Helvetica",
            fontSize=11,
            leading=15,
            alignment=TA_CENTER,
            spaceAfter=12,
        ),
        "sign": ParagraphStyle(
            "sign",
            parent=base,
            fontName="Helvetica",
            fontSize=11,
            leading=15,
            alignment=TA_CENTER,
        ),
        "small": ParagraphStyle(
            "small", parent=base, fontName="Helvetica", fontSize=8, leading=10
        ),
    }


@dataclass(frozen=True)
class LetterContent:
    """Everything printed on a letter, already filled in."""

    regency: str
    kecamatan: str
    address: str
    contacts: str
    title: str
    number: str
    body_html: str
    place_and_date: str
    signer_title: str
    camat: str
    nip_camat: str
    verification_code: str = ""
    verification_url: str = ""


def _e(text):
    return xml_escape(str(text or ""), quote=False)


def render_pdf(content, watermark=""):
    """The A4 PDF of ``content`` as bytes (``watermark``: e.g. for a preview)."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=1.8 * cm,
        bottomMargin=2.2 * cm,
        title=content.title,
        author=content.kecamatan,
        subject=content.number,
    )
    styles = _styles()
    story = [
        Paragraph(_e(content.regency.upper()), styles["head1"]),
        Paragraph(_e(content.kecamatan.upper()), styles["head2"]),
        Paragraph(_e(content.address), styles["head3"]),
    ]
    if content.contacts:
        story.append(Paragraph(_e(content.contacts), styles["head3"]))
    story += [
        Spacer(1, 4),
        HRFlowable(width="100%", thickness=2, color=colors.black, spaceAfter=1),
        HRFlowable(width="100%", thickness=0.5, color=colors.black, spaceAfter=14),
        Paragraph(f"<u>{_e(content.title.upper())}</u>", styles["title"]),
        Paragraph(
            _("Nomor: %(number)s") % {"number": _e(content.number)}, styles["center"]
        ),
    ]
    for markup, bullet in RichTextParagraphs.parse(content.body_html):
        if bullet:
            story.append(Paragraph(markup, styles["item"], bulletText=bullet))
        else:
            story.append(Paragraph(markup, styles["body"]))
    signature = [
        Paragraph(_e(content.place_and_date), styles["sign"]),
        Paragraph(_e(content.signer_title), styles["sign"]),
        Spacer(1, 1.6 * cm),
        Paragraph(f"<b><u>{_e(content.camat or '')}</u></b>", styles["sign"]),
    ]
    if content.nip_camat:
        signature.append(
            Paragraph(
                _e(_("NIP. %(nip)s") % {"nip": content.nip_camat}), styles["sign"]
            )
        )
    story += [
        Spacer(1, 0.6 * cm),
        Table(
            [["", signature]],
            colWidths=[8 * cm, 8 * cm],
            style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]),
        ),
        Spacer(1, 0.8 * cm),
    ]
    if content.verification_code:
        qr = Image(io.BytesIO(qr_png(content.verification_url)), 3 * cm, 3 * cm)
        text = Paragraph(
            _(
                "Surat ini diterbitkan melalui e-kecamatan Portal Langkat. Periksa "
                "keasliannya dengan memindai kode QR atau membuka %(url)s. Kode "
                "verifikasi: <b>%(code)s</b>."
            )
            % {
                "url": _e(content.verification_url),
                "code": _e(content.verification_code),
            },
            styles["small"],
        )
    else:
        qr = ""
        text = Paragraph(
            _("Kode QR dan kode verifikasi dicetak saat surat diterbitkan."),
            styles["small"],
        )
    story.append(
        KeepTogether(
            Table(
                [[qr, text]],
                colWidths=[3.4 * cm, 12.6 * cm],
                style=TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]),
            )
        )
    )

    class _Canvas(NumberedCanvas):
        pass

    _Canvas.watermark = watermark
    document.build(story, canvasmaker=_Canvas)
    return buffer.getvalue()


def _regency():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return PengaturanPortal()
    return PengaturanPortal.for_site(site)


def letter_content(permohonan, template, number, day, code=""):
    """What a letter of ``permohonan`` from ``template`` prints."""
    kantor = kantor_for(permohonan.kecamatan)
    values = letter_values(permohonan, kantor, number, day)
    regency = _regency()
    contacts = []
    if kantor is not None:
        if kantor.telepon:
            contacts.append(_("Telepon %(phone)s") % {"phone": kantor.telepon})
        if kantor.email:
            contacts.append(_("Email %(email)s") % {"email": kantor.email})
    return LetterContent(
        regency=regency.nama_kabupaten,
        kecamatan=_("Kecamatan %(nama)s") % {"nama": permohonan.kecamatan.nama},
        address=kantor.alamat if kantor else regency.alamat,
        contacts=" \u00b7 ".join(contacts),
        title=template.judul,
        number=number,
        body_html=fill(template.isi, values),
        place_and_date=f"{permohonan.kecamatan.nama}, {_long_date(day)}",
        signer_title=_("Camat %(nama)s") % {"nama": permohonan.kecamatan.nama},
        camat=kantor.camat if kantor else "",
        nip_camat=kantor.nip_camat if kantor else "",
        verification_code=code,
        verification_url=verification_url(code) if code else "",
    )


def preview_pdf(permohonan, template):
    """The letter as it would be issued today, marked PRATINJAU, without number or
    QR code: what the officer checks before completing."""
    content = letter_content(
        permohonan, template, _(PREVIEW_NUMBER), timezone.localdate()
    )
    return render_pdf(content, watermark=_("PRATINJAU"))


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()
