"""Demo content of the shared core: the admin account and the site settings."""

import secrets

from django.contrib.auth import get_user_model
from wagtail.models import Site

from portal.models import PengaturanPortal

ADMIN_USERNAME = "admin"


def load(stdout, style):
    """Create the admin account (printing its new password) and fill the site settings."""
    _create_admin(stdout, style)
    _fill_site_settings()


def _create_admin(stdout, style):
    User = get_user_model()
    if User.objects.filter(username=ADMIN_USERNAME).exists():
        stdout.write(
            f"  Akun admin '{ADMIN_USERNAME}' sudah ada; kata sandinya tidak diubah "
            f"(ganti dengan: python manage.py changepassword {ADMIN_USERNAME})."
        )
        return
    password = secrets.token_urlsafe(12)
    User.objects.create_superuser(
        username=ADMIN_USERNAME,
        email="admin@langkatkab.go.id",
        password=password,
        first_name="Admin",
        last_name="Portal",
    )
    stdout.write(
        style.WARNING(
            f"  Akun admin dibuat: pengguna '{ADMIN_USERNAME}', kata sandi '{password}' "
            "(simpan sekarang; tidak akan ditampilkan lagi)."
        )
    )


def _fill_site_settings():
    for site in Site.objects.all():
        settings = PengaturanPortal.for_site(site)
        if settings.telepon:
            continue
        settings.telepon = "(061) 891 0001"
        settings.email = "diskominfo@langkatkab.go.id"
        settings.jam_pelayanan = (
            "Senin-Kamis: 08.00-16.00 WIB\nJumat: 08.00-16.30 WIB\n"
            "Sabtu, Minggu dan hari libur: tutup"
        )
        settings.ppid_nama = "PPID Utama Kabupaten Langkat (Dinas Kominfo)"
        settings.ppid_telepon = "(061) 891 0002"
        settings.ppid_email = "ppid@langkatkab.go.id"
        settings.facebook = "https://www.facebook.com/pemkablangkat"
        settings.instagram = "https://www.instagram.com/pemkablangkat"
        settings.youtube = "https://www.youtube.com/@pemkablangkat"
        settings.save()
