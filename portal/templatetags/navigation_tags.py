"""Template tags for the public site: main menu, breadcrumbs, pagination, absolute URLs."""

from django import template
from wagtail.models import Page, Site

from portal import base_url
from portal.page_cache import shared_value
from portal.visibility import public

register = template.Library()


def _site_root(request):
    """The root page of the site serving ``request``, or None when there is none."""
    if request is None:
        return None
    site = Site.find_for_request(request)
    return site.root_page if site else None


def _menu_links(request, root):
    """(title, url, path) of the live, public, in-menu children of ``root``."""
    links = []
    for child in public(root.get_children().live()).in_menu():
        url = child.get_url(request)
        if url:
            links.append((child.title, url, child.path))
    return links


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live, public, in-menu children of the site root, with the current section.

    Each item is a dict with ``title``, ``url`` and ``current``: ``"page"`` when the item
    is the page being shown, ``"true"`` when that page lies inside the item's section,
    ``None`` otherwise (ready for an ``aria-current`` attribute). The links are the
    same for every reader and kept with the cached pages (``shared_value``).
    """
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return []
    links = shared_value(f"main-menu:{root.pk}", lambda: _menu_links(request, root))
    current_page = context.get("page")
    current_path = current_page.path if isinstance(current_page, Page) else None
    items = []
    for title, url, path in links:
        current = None
        if current_path is not None:
            if current_path == path:
                current = "page"
            elif current_path.startswith(path):
                current = "true"
        elif request is not None and request.path.startswith(url) and url != "/":
            current = "page" if request.path == url else "true"
        items.append({"title": title, "url": url, "current": current})
    return items


@register.inclusion_tag("portal/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the site root to the current page; empty on the root itself."""
    request = context.get("request")
    page = context.get("page")
    root = _site_root(request)
    if (
        not isinstance(page, Page)
        or root is None
        or page.pk == root.pk
        or not page.path.startswith(root.path)
    ):
        return {"ancestors": [], "page": None}
    ancestors = shared_value(
        f"breadcrumbs:{root.pk}:{page.path}",
        lambda: [
            {"title": ancestor.title, "url": ancestor.get_url(request)}
            for ancestor in page.get_ancestors().filter(depth__gt=root.depth)
        ],
    )
    return {
        "root_url": root.get_url(request) or "/",
        "ancestors": ancestors,
        "page": page,
    }


@register.simple_tag
def page_links(page_obj, on_each_side=1, on_ends=1):
    """The page numbers to link for a paginator page, with gaps as ``None``."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]


@register.simple_tag
def absolute_url(url):
    """``url`` on the portal's base URL (``PORTAL_BASE_URL``)."""
    return base_url.absolute_url(url)
