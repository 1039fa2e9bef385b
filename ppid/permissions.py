"""Who edits the KIP page tree, and through which workflow (DESIGN §5, issue 13).

The PPID page and everything below it (the Daftar Informasi Publik and its items,
announcements, the request page) is edited by the "Editor Informasi Publik" role,
which may add and change pages there but not publish: every change goes through the
"Publikasi Informasi Publik" workflow (created by migration ``ppid.0004``), whose one
task is approved by the PPID (Editor PPID) or an Admin Portal member. While a change
waits, the live version stays public. The approvers also hold publish rights on the
subtree. Documents and images of these pages go into the "Informasi Publik"
collection, where both roles may upload and choose.

Pages are created by the demo loader or in the admin, not by migrations, so
:func:`grant_kip_page_rights` runs wherever a PPID page comes into being: the
migration for a page that already exists, a ``post_save`` receiver for a new one
(connected in ``ppid.wagtail_hooks``) and the demo loader. It is idempotent.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    WorkflowPage,
)

from portal.roles import ADMIN_PORTAL, EDITOR_INFORMASI_PUBLIK, EDITOR_PPID
from portal.wagtail_setup import active_workflow, top_level_collection

WORKFLOW_NAME = "Publikasi Informasi Publik"
TASK_NAME = "Persetujuan PPID"
COLLECTION_NAME = "Informasi Publik"

#: Editors draft and submit; approvers (the task's groups) also publish and lock.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
APPROVER_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
PAGE_PERMISSIONS = {
    EDITOR_INFORMASI_PUBLIK: EDITOR_PAGE_PERMISSIONS,
    EDITOR_PPID: APPROVER_PAGE_PERMISSIONS,
    ADMIN_PORTAL: APPROVER_PAGE_PERMISSIONS,
}
#: (app label, codename) on the "Informasi Publik" collection, for all three roles.
COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
)


def publication_workflow():
    """The "Publikasi Informasi Publik" workflow, or ``None`` when it was removed."""
    return active_workflow(WORKFLOW_NAME)


def kip_collection():
    """The top-level "Informasi Publik" collection, created on first use."""
    return top_level_collection(COLLECTION_NAME)


@transaction.atomic
def grant_kip_page_rights(ppid_page):
    """Link ``ppid_page`` (and so its subtree) to "Publikasi Informasi Publik" and
    give the KIP roles their page and collection permissions there.

    Idempotent: a second call changes nothing; a missing group is skipped.
    """
    workflow = publication_workflow()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(
            page=ppid_page, defaults={"workflow": workflow}
        )
    collection = kip_collection()
    for role, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group is None:
            continue
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=ppid_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )


def set_up_new_ppid_page(sender, instance, created, raw=False, **kwargs):
    """``post_save`` of a PPID page: a new one gets the workflow and the KIP rights."""
    if created and not raw:
        grant_kip_page_rights(instance)
