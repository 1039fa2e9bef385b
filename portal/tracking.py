"""Tracking codes and secret links shared by every kind of submission.

A code such as ``LGK-7Q4M-2KXP`` is short enough to read over the phone, drawn from an
alphabet without look-alike characters (no 0/O, 1/I/L), and random, so codes
reveal neither order nor volume. The database enforces uniqueness; a collision is
retried.
"""

import secrets

from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from portal.base_url import page_url

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "LGK"
GROUP_LENGTH = 4
GROUPS = 2
MAX_ATTEMPTS = 8


def generate_tracking_code(prefix=PREFIX):
    """A new random code: prefix and two groups of four characters."""
    groups = (
        "".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH))
        for _ in range(GROUPS)
    )
    return "-".join([prefix, *groups])


def normalise_tracking_code(value):
    """A code typed by a citizen (any case, spaces, no dashes) in canonical form."""
    compact = "".join(ch for ch in str(value).upper() if ch.isalnum())
    if len(compact) != len(PREFIX) + GROUP_LENGTH * GROUPS:
        return compact
    body = compact[len(PREFIX) :]
    return "-".join(
        [
            compact[: len(PREFIX)],
            *(body[i : i + GROUP_LENGTH] for i in range(0, len(body), GROUP_LENGTH)),
        ]
    )


def generate_secret_token():
    """The secret part of a submitter's private link (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


class TrackedSubmission(models.Model):
    """Abstract base of citizen submissions: a tracking code and a secret token.

    ``save()`` assigns both on first insert and retries with a fresh code when the
    database reports the code as taken, so codes stay unique under concurrency.
    The submitter's pages (confirmation, tracking, secret page) are routes of one
    live routable page, ``host_page_model``, named "confirmation", "track" and
    "secret_page" (see :mod:`portal.tracking_views`).
    """

    tracking_prefix = PREFIX
    #: "app_label.ModelName" of the routable page that serves the submitter's pages.
    host_page_model = ""
    #: Left out of Wagtail's reference index: a citizen's record is no "usage" to
    #: list on the admin pages of the kecamatan or category it names, and indexing
    #: it queued a task on every save of every submission.
    wagtail_reference_index_ignore = True

    kode_lacak = models.CharField(
        _("kode lacak"), max_length=20, unique=True, editable=False, db_index=True
    )
    token_rahasia = models.CharField(
        _("token rahasia"), max_length=64, unique=True, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.kode_lacak:
            return super().save(*args, **kwargs)
        if not self.token_rahasia:
            self.token_rahasia = generate_secret_token()
        for attempt in range(1, MAX_ATTEMPTS + 1):
            self.kode_lacak = generate_tracking_code(self.tracking_prefix)
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                taken = (
                    type(self)
                    ._default_manager.filter(kode_lacak=self.kode_lacak)
                    .exists()
                )
                self.kode_lacak = ""
                if not taken or attempt == MAX_ATTEMPTS:
                    raise
        return None

    @classmethod
    def host_page(cls):
        """The live page that serves the submitters' pages, or ``None``; read for
        its links only (its address), not its content: a submission builds two,
        for its answer and its email."""
        model = apps.get_model(cls.host_page_model)
        return model.objects.live().only("url_path").first()

    def secret_url(self, route="secret_page"):
        """The submitter's private link (or its ``route`` subpage), absolute; ""
        while no host page is live."""
        page = self.host_page()
        if page is None:
            return ""
        return page_url(page) + page.reverse_subpage(route, args=[self.token_rahasia])
