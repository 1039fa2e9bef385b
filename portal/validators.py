"""Validators for Indonesian identity data shared by every form and API."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NIK_PATTERN = re.compile(r"^\d{16}$")


def validate_nik(value):
    """A NIK (Nomor Induk Kependudukan): 16 digits with a plausible region and birth date.

    Digits 1-6 are the region code (province 11-94), 7-12 the birth date as DDMMYY with 40
    added to the day for women, and 13-16 a serial number other than 0000.
    """
    if not NIK_PATTERN.match(value or ""):
        raise ValidationError(_("NIK harus terdiri atas 16 angka."), code="nik_format")
    province = int(value[:2])
    day, month = int(value[6:8]), int(value[8:10])
    if day > 40:
        day -= 40
    if (
        not (11 <= province <= 94 and 1 <= day <= 31 and 1 <= month <= 12)
        or value[12:] == "0000"
    ):
        raise ValidationError(
            _("NIK tidak valid: periksa kembali 16 angka pada KTP Anda."),
            code="nik_invalid",
        )


def normalise_phone(value):
    """A phone number as a citizen types it (spaces, dashes, dots, brackets) as its
    digits with an optional leading "+"; "" stays "". Anything but 8 to 15 digits is
    refused, so text without digits is never silently dropped."""
    if not value.strip():
        return ""
    number = "".join(ch for ch in value if ch.isdigit() or ch == "+")
    if not 8 <= len(number.lstrip("+")) <= 15:
        raise ValidationError(_("Nomor telepon tidak valid."), code="invalid_phone")
    return number


def mask_nik(value):
    """A NIK with all but its first four and last two digits hidden, for officers' screens."""
    if not value:
        return ""
    return f"{value[:4]}{'*' * (len(value) - 6)}{value[-2:]}"


def validation_messages(error):
    """The messages of a ValidationError, or of a form's ``errors`` dict, as a list."""
    if isinstance(error, ValidationError):
        return error.messages
    return [message for messages_ in error.values() for message in messages_]
