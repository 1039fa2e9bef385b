"""The KIP page workflow, the "Editor Informasi Publik" role, and no unused defaults.

- Creates the "Editor Informasi Publik" group (admin access; page rights come with the
  PPID page) and the "Publikasi Informasi Publik" workflow, whose one task
  "Persetujuan PPID" is approved by Editor PPID or Admin Portal members.
- On a database that already holds a PPID page, links it to the workflow and grants
  the page and collection rights of ``ppid.permissions`` (new PPID pages get them
  from ``ppid.permissions.set_up_new_ppid_page``).
- Removes Wagtail's default "Editors" and "Moderators" groups (root-page rights, never
  used here) when nobody is in them, and the default "Moderators approval" workflow
  and task linked to the root page when no page ever went through them (otherwise
  they are deactivated and unlinked, keeping their history).

Idempotent: every object is looked up before it is created.
"""

from django.db import migrations

GROUP_NAME = "Editor Informasi Publik"
WORKFLOW_NAME = "Publikasi Informasi Publik"
TASK_NAME = "Persetujuan PPID"
APPROVER_GROUPS = ["Editor PPID", "Admin Portal"]
COLLECTION_NAME = "Informasi Publik"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
APPROVER_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
PAGE_PERMISSIONS = {
    GROUP_NAME: EDITOR_PAGE_PERMISSIONS,
    "Editor PPID": APPROVER_PAGE_PERMISSIONS,
    "Admin Portal": APPROVER_PAGE_PERMISSIONS,
}
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "choose_image"),
]

DEFAULT_GROUPS = ["Editors", "Moderators"]
DEFAULT_WORKFLOW_NAME = "Moderators approval"

#: treebeard's materialised path: 4 base-36 digits per level.
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return permission


def _child_path(parent, last_child):
    number = int(last_child.path[-STEPLEN:], 36) + 1 if last_child else 1
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return parent.path + digits.rjust(STEPLEN, "0")


def _kip_collection(apps):
    """The top-level "Informasi Publik" collection (historical models have no
    treebeard methods, so the node is added by hand)."""
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return None
    children = Collection.objects.filter(depth=2, path__startswith=root.path).order_by(
        "path"
    )
    existing = children.filter(name=COLLECTION_NAME).first()
    if existing:
        return existing
    collection = Collection.objects.create(
        name=COLLECTION_NAME,
        path=_child_path(root, children.last()),
        depth=2,
        numchild=0,
    )
    root.numchild = children.count()
    root.save(update_fields=["numchild"])
    return collection


def _workflow(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=task_type, active=True
        )
        task.groups.set(Group.objects.filter(name__in=APPROVER_GROUPS))
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task_id=task.pk, defaults={"sort_order": 0}
    )
    return workflow


def _grant_on_existing_pages(apps, workflow):
    Group = apps.get_model("auth", "Group")
    PPIDPage = apps.get_model("ppid", "PPIDPage")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    pages = list(PPIDPage.objects.all())
    if not pages:
        return
    collection = _kip_collection(apps)
    for page in pages:
        WorkflowPage.objects.update_or_create(
            page_id=page.pk, defaults={"workflow": workflow}
        )
        for role, codenames in PAGE_PERMISSIONS.items():
            group = Group.objects.filter(name=role).first()
            if group is None:
                continue
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page_id=page.pk,
                    permission=_permission(apps, "wagtailcore", "page", codename),
                )
            if collection is None:
                continue
            for app_label, model, codename in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=collection,
                    permission=_permission(apps, app_label, model, codename),
                )


def _remove_wagtail_defaults(apps):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME):
        if WorkflowState.objects.filter(workflow=workflow).exists():
            WorkflowPage.objects.filter(workflow=workflow).delete()
            WorkflowContentType.objects.filter(workflow=workflow).delete()
            Workflow.objects.filter(pk=workflow.pk).update(active=False)
        else:
            workflow.delete()
    for task in Task.objects.filter(name=DEFAULT_WORKFLOW_NAME):
        if TaskState.objects.filter(task=task).exists() or task.workflow_tasks.exists():
            Task.objects.filter(pk=task.pk).update(active=False)
        else:
            task.delete()
    Group.objects.filter(name__in=DEFAULT_GROUPS, user__isnull=True).delete()


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    workflow = _workflow(apps)
    _grant_on_existing_pages(apps, workflow)
    _remove_wagtail_defaults(apps)


def backwards(apps, schema_editor):
    """Removes the KIP workflow, its task and the new group (the Wagtail defaults
    are not brought back)."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    PPIDPage = apps.get_model("ppid", "PPIDPage")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()
    GroupPagePermission.objects.filter(
        page_id__in=PPIDPage.objects.values("pk"),
        group__name__in=["Editor PPID", "Admin Portal"],
    ).delete()
    Group.objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ppid", "0003_permohonaninformasi_ringkasan_publik"),
        ("portal", "0004_create_role_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
