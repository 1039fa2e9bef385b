"""The service-standard publishing workflow and the e-kecamatan role permissions.

Editor Layanan drafts and submits service standards; they have no publish
permission, so every change goes through the "Publikasi Standar Layanan" workflow,
whose one task is approved by an Admin Portal member (DESIGN §4.4, §5).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Publikasi Standar Layanan"
TASK_NAME = "Persetujuan Admin Portal"

EDITOR_PERMISSIONS = [
    "add_standarlayanan",
    "change_standarlayanan",
    "delete_standarlayanan",
    "view_standarlayanan",
    "lock_standarlayanan",
    "unlock_standarlayanan",
]
OFFICER_PERMISSIONS = ["view_permohonan", "process_permohonan", "view_surveiikm"]
ROLE_PERMISSIONS = {
    "Editor Layanan": EDITOR_PERMISSIONS,
    "Petugas Kecamatan": OFFICER_PERMISSIONS,
    "Admin Portal": [
        *EDITOR_PERMISSIONS,
        "publish_standarlayanan",
        *OFFICER_PERMISSIONS,
    ],
}
SNIPPET_EXTRA = {
    "publish_standarlayanan": "Can publish standar layanan",
    "lock_standarlayanan": "Can lock standar layanan",
    "unlock_standarlayanan": "Can unlock standar layanan",
}


def _permissions(apps, codenames):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label="layanan", codename=codename)
        for codename in codenames
    ]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("layanan")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    standar_type, _created = ContentType.objects.get_or_create(
        app_label="layanan", model="standarlayanan"
    )
    # Wagtail adds these snippet permissions after migrating; they are needed now.
    for codename, name in SNIPPET_EXTRA.items():
        Permission.objects.get_or_create(
            content_type=standar_type, codename=codename, defaults={"name": name}
        )
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(*_permissions(apps, codenames))

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name=TASK_NAME, content_type=task_type, active=True
    )
    task.groups.set([Group.objects.get(name="Admin Portal")])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(content_type=standar_type, workflow=workflow)


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
        ("layanan", "0001_initial"),
        ("portal", "0004_create_role_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
