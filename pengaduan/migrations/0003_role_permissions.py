"""Gives the e-laga roles of DESIGN §5 their model permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ELAGA_EDITORIAL = [
    "add_kategorilaporan",
    "change_kategorilaporan",
    "delete_kategorilaporan",
    "add_templatetanggapan",
    "change_templatetanggapan",
    "delete_templatetanggapan",
]
MODERATOR_PERMISSIONS = [
    "view_laporan",
    "change_laporan",
    "process_laporan",
    "followup_laporan",
    *ELAGA_EDITORIAL,
]
ROLE_PERMISSIONS = {
    "Moderator Pengaduan": MODERATOR_PERMISSIONS,
    "Petugas OPD": ["view_laporan", "followup_laporan"],
    "Admin Portal": [
        *MODERATOR_PERMISSIONS,
        "add_kunciopen311",
        "change_kunciopen311",
        "delete_kunciopen311",
    ],
}


def _permissions(apps, codenames):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label="pengaduan", codename=codename)
        for codename in codenames
    ]


def grant(apps, schema_editor):
    # Model permissions are normally created after migrations; create them now.
    app_config = apps.get_app_config("pengaduan")
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
        ("pengaduan", "0002_open311_api_key"),
        ("portal", "0004_create_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
