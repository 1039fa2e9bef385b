"""Template tags of the admin dashboard (``wagtailadmin/home.html``)."""

from django import template

from portal import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def can_search_pages(context):
    """Whether the request's user may search (and so explore) pages."""
    return dashboard.can_search_pages(context["request"].user)
