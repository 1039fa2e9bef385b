"""Template helpers of e-pasar: prices in Rupiah and schema.org data."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

# The characters that could end a <script> element or start markup, written as
# JSON unicode escapes (as django.utils.html.json_script does).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def format_rupiah(amount):
    """``15000`` as ``Rp 15.000`` (whole Rupiah, dots between thousands)."""
    return "Rp " + f"{int(amount):,}".replace(",", ".")


@register.filter
def rupiah(amount, amount_max=None):
    """A price in Rupiah, or a range when ``amount_max`` is given and higher:
    ``{{ produk.harga|rupiah:produk.harga_maks }}`` gives ``Rp 15.000 - Rp 25.000``.
    Empty for a missing or non-numeric amount."""
    try:
        low = int(amount)
    except (TypeError, ValueError):
        return ""
    try:
        high = int(amount_max) if amount_max not in (None, "") else None
    except (TypeError, ValueError):
        high = None
    if high is not None and high > low:
        return f"{format_rupiah(low)} - {format_rupiah(high)}"
    return format_rupiah(low)


@register.simple_tag
def json_ld(data):
    """``data`` as a ``<script type="application/ld+json">`` element.

    The JSON is escaped like Django's ``json_script``: ``<``, ``>`` and ``&`` become
    unicode escapes, so text written by users can never close the element.
    """
    serialized = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        SafeString(serialized.translate(_SCRIPT_ESCAPES)),
    )
