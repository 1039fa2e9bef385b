"""WhatsApp numbers: Indonesian mobile numbers, stored as +62…"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_MOBILE = re.compile(r"^\+628\d{7,11}$")


def normalise_whatsapp(value):
    """``0812-3456 7890``, ``62812…`` or ``+62 812…`` as ``+62812…``.

    Anything that is not an Indonesian mobile number is returned unchanged, for the
    validator to refuse.
    """
    raw = str(value).strip()
    digits = re.sub(r"[\s\-.()]", "", raw)
    if digits.startswith("+62"):
        candidate = digits
    elif digits.startswith("62"):
        candidate = "+" + digits
    elif digits.startswith("0"):
        candidate = "+62" + digits[1:]
    elif digits.startswith("8"):
        candidate = "+62" + digits
    else:
        return raw
    return candidate if _MOBILE.match(candidate) else raw


def validate_whatsapp(value):
    if not _MOBILE.match(str(value)):
        raise ValidationError(
            _(
                "Nomor WhatsApp tidak valid. Tulis nomor ponsel Indonesia, "
                "mis. 0812 3456 7890."
            ),
            code="invalid_whatsapp",
        )
