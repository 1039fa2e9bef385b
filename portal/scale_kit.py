"""Shared pieces of the scale data generator (``manage.py generate_scale_data``).

Each app with a ``scale_data`` module adds its part: ``OPTION`` (the command-line
option naming how many rows to make), ``HELP``, ``real_data_exists()`` and
``generate(count, progress, rng)``. Rows go in with ``bulk_create`` in batches; the
people in them are fictitious and reachable only at reserved domains (RFC 2606),
which is also how a part tells generated or demo rows from real citizens' data.
"""

import sys

from django.db.models import Q
from django.utils import timezone

from portal.tracking import generate_secret_token, generate_tracking_code

BATCH_SIZE = 2000
#: Email domains that no real person uses (RFC 2606 and RFC 6761).
RESERVED_DOMAINS = ("example.com", "example.org", "example.net", ".invalid", ".test")
EMAIL_DOMAIN = "skala.invalid"


def real_rows(queryset, email_field="email"):
    """Rows of ``queryset`` with an email outside the reserved domains."""
    reserved = Q(**{email_field: ""})
    for domain in RESERVED_DOMAINS:
        reserved |= Q(**{f"{email_field}__iendswith": domain})
    return queryset.exclude(reserved)


class Progress:
    """A one-line progress bar on stderr (the figures go to stdout)."""

    def __init__(self, label, total, stream=None, width=30):
        self.label, self.total, self.width = label, max(total, 1), width
        self.stream = stream or sys.stderr
        self.done = 0

    def advance(self, amount):
        self.done += amount
        filled = self.width * self.done // self.total
        self.stream.write(
            f"\r{self.label:<12} [{'#' * filled}{'.' * (self.width - filled)}] "
            f"{self.done}/{self.total}"
        )
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def batches(total, size=BATCH_SIZE):
    """Sizes of the batches that make ``total`` rows."""
    while total > 0:
        yield min(size, total)
        total -= size


class UniqueCodes:
    """Tracking codes and secret tokens, unique within the run and the table."""

    def __init__(self, model, prefix):
        self.prefix = prefix
        self.taken = set(model._default_manager.values_list("kode_lacak", flat=True))

    def next(self):
        while True:
            code = generate_tracking_code(self.prefix)
            if code not in self.taken:
                self.taken.add(code)
                return {"kode_lacak": code, "token_rahasia": generate_secret_token()}


def bulk_create_pages(parent, pages):
    """Insert ``pages`` (unsaved, of one specific type) as live children of ``parent``.

    Wagtail saves a page with a tree move and a revision; at scale that takes hours.
    Here the tree rows (``wagtailcore_page``) go in with ``bulk_create`` and the
    type's own rows with one multi-row insert each batch (the insert that
    ``bulk_create`` itself uses; it refuses multi-table models). Pages made this
    way have no revisions and are not in the search index until ``update_index``.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from wagtail.models import Page

    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    base_rows = []
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.draft_title = page.title
        base_rows.append(
            Page(
                **{
                    field.attname: getattr(page, field.attname)
                    for field in Page._meta.concrete_fields
                    if field.attname != "id"
                }
            )
        )
    for saved, page in zip(Page.objects.bulk_create(base_rows), pages, strict=True):
        page.pk = page.page_ptr_id = saved.pk
        page.id = saved.pk
    model._base_manager._insert(
        pages, fields=list(model._meta.local_concrete_fields), using="default"
    )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.refresh_from_db(fields=["numchild"])
    return pages
