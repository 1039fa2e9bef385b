"""Creates the admin role groups of DESIGN §5 with their admin access.

Apps add their own model permissions to these groups in their migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = [
    "Admin Portal",
    "Editor PPID",
    "Atasan PPID",
    "Moderator Pengaduan",
    "Petugas OPD",
    "Petugas Kecamatan",
    "Editor Layanan",
    "Moderator Pasar",
]

# Admin Portal manages reference data, officers' assignments, site settings and users.
ADMIN_PORTAL_PERMISSIONS = [
    ("portal", "view_kecamatan"),
    ("portal", "view_desa"),
    ("portal", "add_perangkatdaerah"),
    ("portal", "change_perangkatdaerah"),
    ("portal", "delete_perangkatdaerah"),
    ("portal", "view_perangkatdaerah"),
    ("portal", "add_harilibur"),
    ("portal", "change_harilibur"),
    ("portal", "delete_harilibur"),
    ("portal", "add_profilpetugas"),
    ("portal", "change_profilpetugas"),
    ("portal", "delete_profilpetugas"),
    ("portal", "change_pengaturanportal"),
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "delete_user"),
]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Model permissions are normally created after migrations; create them now.
    for label in ("portal", "auth"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(access_admin)
    admin_group = Group.objects.get(name="Admin Portal")
    for app_label, codename in ADMIN_PORTAL_PERMISSIONS:
        admin_group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_seed_perangkat_daerah"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
