"""Template filter for citizens' free text on public pages: ``{% load masking %}``."""

from django import template

from portal.masking import mask_personal_data as mask

register = template.Library()


@register.filter
def mask_personal_data(text, names=""):
    """``{{ laporan.isi|mask_personal_data:laporan.nama_pelapor|linebreaks }}``.

    ``names`` is one name or a list of names (empty for none). The result is plain
    text, escaped by the template like any other value: put the filter before
    ``linebreaks``, ``linebreaksbr`` or ``truncatechars``.
    """
    return mask(text, names or ())
