import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

MIN_TERM_LENGTH = 2


@register.filter
def highlight(text, query):
    """``text`` escaped, with each word of ``query`` wrapped in ``<mark>``."""
    text = str(text or "")
    terms = sorted(
        {term for term in str(query or "").split() if len(term) >= MIN_TERM_LENGTH},
        key=len,
        reverse=True,
    )
    if not terms:
        return conditional_escape(text)
    pattern = re.compile("(" + "|".join(map(re.escape, terms)) + ")", re.IGNORECASE)
    parts = [
        format_html("<mark>{}</mark>", part) if index % 2 else conditional_escape(part)
        for index, part in enumerate(pattern.split(text))
    ]
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
