"""Signal handlers of e-pasar: moderation set-up and emails on moderators' decisions."""

from django.db.models.signals import post_save
from wagtail.models import Page
from wagtail.signals import task_rejected, workflow_approved

from pasar.models import PasarIndexPage, ProdukPage


def _product_of(workflow_state):
    """The ProdukPage a workflow state is about, or ``None`` for other objects."""
    obj = workflow_state.content_object
    if not isinstance(obj, Page):
        return None
    obj = obj.specific
    return obj if isinstance(obj, ProdukPage) else None


def set_up_moderation(sender, instance, created, raw=False, **kwargs):
    """A new market index is linked to "Moderasi Produk" with moderators' rights."""
    if created and not raw:
        from pasar.moderation import ensure_moderation_setup

        ensure_moderation_setup(instance)


def email_owner_on_approval(sender, instance, user=None, **kwargs):
    """The workflow finished: the product (or its change) is live; tell the owner."""
    page = _product_of(instance)
    if page is not None:
        from pasar.services import notify_product_published

        notify_product_published(page)


def email_owner_on_rejection(sender, instance, user=None, **kwargs):
    """A moderator requested changes: send the owner the comment."""
    page = _product_of(instance.workflow_state)
    if page is not None:
        from pasar.services import notify_changes_requested

        notify_changes_requested(page, instance.comment)


def connect():
    post_save.connect(
        set_up_moderation,
        sender=PasarIndexPage,
        dispatch_uid="pasar_index_moderation_setup",
    )
    workflow_approved.connect(
        email_owner_on_approval, dispatch_uid="pasar_product_approved_email"
    )
    task_rejected.connect(
        email_owner_on_rejection, dispatch_uid="pasar_product_rejected_email"
    )
