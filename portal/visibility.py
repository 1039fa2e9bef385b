"""Public pages without a query per call, and the section pages every page links to.

Wagtail's ``PageQuerySet.public()`` first reads every view restriction (one query each
time it is called: a page with a menu, an announcement banner and a few listings
paid eight), then excludes their sections by path. ``public`` below does the same
in the listing's own query: a page is left out when a restriction sits on it or on
an ancestor, i.e. when the restricted page's path is a prefix of its path.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Left, Length
from wagtail.models import PageViewRestriction

from portal.page_cache import shared_value


def public(pages):
    """``pages`` (a page queryset) without those in a section with a view restriction."""
    restricted_above = PageViewRestriction.objects.filter(
        page__path=Left(OuterRef("path"), Length("page__path"))
    )
    return pages.exclude(Exists(restricted_above))


def first_live_page(model):
    """The first live page of ``model`` (a section page such as the e-pasar index,
    that other pages link to), kept with the cached pages (``shared_value``)."""
    return shared_value(
        f"first-live:{model._meta.label_lower}",
        lambda: model.objects.live().first(),
    )
