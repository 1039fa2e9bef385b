"""The "Moderasi Produk" workflow and the Moderator Pasar permissions (DESIGN §4.5).

Owners submit product pages from the public dashboard; the workflow's one task is
approved (published) or sent back by a Moderator Pasar member. Page permissions on
the market index are granted when that page is created (``pasar.moderation``).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Moderasi Produk"
TASK_NAME = "Persetujuan Moderator Pasar"

MODERATOR_PERMISSIONS = [
    "view_umkm",
    "change_umkm",
    "add_kategoriproduk",
    "change_kategoriproduk",
    "delete_kategoriproduk",
    "view_kategoriproduk",
]
ROLE_PERMISSIONS = {
    "Moderator Pasar": MODERATOR_PERMISSIONS,
    "Admin Portal": MODERATOR_PERMISSIONS,
}


def _permissions(apps, codenames):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label="pasar", codename=codename)
        for codename in codenames
    ]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("pasar")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(*_permissions(apps, codenames))

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name=TASK_NAME, content_type=task_type, active=True
    )
    task.groups.set([Group.objects.get(name="Moderator Pasar")])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def backwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()
    Group = apps.get_model("auth", "Group")
    for role, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group:
            group.permissions.remove(*_permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("pasar", "0001_initial"),
        ("portal", "0004_create_role_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
