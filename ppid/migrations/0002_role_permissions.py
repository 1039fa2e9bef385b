"""Gives the PPID roles of DESIGN §5 their permissions on KIP requests and objections.

Editor PPID processes requests and reads objections; the Atasan PPID reads requests
and answers objections; Admin Portal may do both.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PPID_PERMISSIONS = [
    "view_permohonaninformasi",
    "change_permohonaninformasi",
    "process_permohonan",
    "view_keberatan",
]
ATASAN_PPID_PERMISSIONS = [
    "view_permohonaninformasi",
    "view_keberatan",
    "change_keberatan",
    "answer_keberatan",
]
ROLE_PERMISSIONS = {
    "Editor PPID": EDITOR_PPID_PERMISSIONS,
    "Atasan PPID": ATASAN_PPID_PERMISSIONS,
    "Admin Portal": sorted({*EDITOR_PPID_PERMISSIONS, *ATASAN_PPID_PERMISSIONS}),
}


def _permissions(apps, codenames):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label="ppid", codename=codename)
        for codename in codenames
    ]


def grant(apps, schema_editor):
    # Model permissions are normally created after migrations; create them now.
    app_config = apps.get_app_config("ppid")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(*_permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for role, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group:
            group.permissions.remove(*_permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("ppid", "0001_initial"),
        ("portal", "0004_create_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
