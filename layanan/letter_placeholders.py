"""Placeholders of letter templates: found, checked and replaced, never executed.

Editors write ``{{ nama_pemohon }}`` in a template's rich text; the letter replaces
each token by its value, HTML-escaped, with a plain regular expression. No Django
template is ever built from admin text, so a template can neither reach the
context's objects nor run tags or filters. A number pattern uses single braces
(``470/{nomor}/{kode_kecamatan}/{tahun}``) and is filled the same way.
"""

import re

from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
NUMBER_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
DEFAULT_NUMBER_PATTERN = "470/{nomor}/{kode_kecamatan}/{tahun}"

#: The placeholders every letter has, with what they hold (shown to editors).
STANDARD_PLACEHOLDERS = {
    "nama_pemohon": _("nama pemohon"),
    "nik_pemohon": _("NIK pemohon"),
    "alamat_pemohon": _("alamat pemohon"),
    "desa": _("desa/kelurahan pemohon"),
    "kecamatan": _("nama kecamatan"),
    "camat": _("nama camat"),
    "nomor_surat": _("nomor surat"),
    "tanggal_surat": _("tanggal surat"),
    "tanggal_permohonan": _("tanggal permohonan diajukan"),
    "layanan": _("nama layanan"),
    "kode_lacak": _("kode lacak permohonan"),
}
NUMBER_PLACEHOLDERS = ("nomor", "kode_kecamatan", "tahun", "bulan_romawi")
ROMAN_MONTHS = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
)


def answer_placeholder(label):
    """The placeholder of an application field: its label as ``snake_case``."""
    return slugify(str(label)).replace("-", "_")


def field_placeholders(isian):
    """``{placeholder: label}`` of a service's non-file application fields."""
    return {
        answer_placeholder(block.value["label"]): block.value["label"]
        for block in isian
        if block.block_type != "berkas"
    }


def known_placeholders(isian):
    """Every placeholder a template of a service with fields ``isian`` may use."""
    return {**STANDARD_PLACEHOLDERS, **field_placeholders(isian)}


def placeholders_in(text):
    """The placeholder names written in ``text``, in order, without repeats."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text or "")))


def unknown_placeholders(text, known):
    """The placeholders of ``text`` that are not in ``known``."""
    return [name for name in placeholders_in(text) if name not in known]


def fill(html, values):
    """``html`` with each ``{{ name }}`` replaced by ``values[name]``, escaped.

    An unknown name is left as written (the admin refuses such templates, and a
    letter never silently loses text).
    """

    def replace(match):
        name = match.group(1)
        if name not in values:
            return match.group(0)
        return escape(str(values[name]))

    return PLACEHOLDER.sub(replace, html or "")


def unknown_number_placeholders(pattern):
    return [
        name
        for name in NUMBER_PLACEHOLDER.findall(pattern or "")
        if name not in NUMBER_PLACEHOLDERS
    ]


def format_number(pattern, values):
    """The letter number: ``pattern`` with its ``{name}`` filled from ``values``."""
    return NUMBER_PLACEHOLDER.sub(
        lambda match: str(values.get(match.group(1), match.group(0))), pattern
    )
