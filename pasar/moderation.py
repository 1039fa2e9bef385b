"""The moderation set-up of the market index: workflow link and moderators' permissions.

Products are moderated by the "Moderasi Produk" workflow (created by migration 0002).
A default Wagtail workflow is linked to the root page, so the market index must be
linked to ours explicitly; the Moderator Pasar group also needs page permissions on
the index to open and publish products, and image permissions on the collections
that hold owners' photos and logos.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    WorkflowPage,
)

from portal.roles import MODERATOR_PASAR
from portal.wagtail_setup import active_workflow, top_level_collection

WORKFLOW_NAME = "Moderasi Produk"
PRODUCT_COLLECTION_NAME = "Produk UMKM"
LOGO_COLLECTION_NAME = "UMKM"

#: Page permissions of Moderator Pasar on the market index (and so on products).
MODERATOR_PAGE_PERMISSIONS = ("change_page", "publish_page")
#: Image permissions of Moderator Pasar on the owners' collections.
MODERATOR_IMAGE_PERMISSIONS = ("choose_image", "change_image")


def moderation_workflow():
    """The "Moderasi Produk" workflow, or ``None`` when it was removed."""
    return active_workflow(WORKFLOW_NAME)


@transaction.atomic
def ensure_moderation_setup(index_page):
    """Link ``index_page`` to "Moderasi Produk" and grant Moderator Pasar what it needs.

    Idempotent: safe to call on every save of the index.
    """
    workflow = moderation_workflow()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(
            page=index_page, defaults={"workflow": workflow}
        )
    group = Group.objects.filter(name=MODERATOR_PASAR).first()
    if group is None:
        return
    for codename in MODERATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=index_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    for name in (PRODUCT_COLLECTION_NAME, LOGO_COLLECTION_NAME):
        collection = top_level_collection(name)
        for codename in MODERATOR_IMAGE_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailimages", codename=codename
                ),
            )
