"""Demo content of the shared core (the admin account, the site settings) and the
helpers every app's demo builds with: officer accounts and area index pages."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from portal.models import PengaturanPortal, ProfilPetugas

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


def create_officer(stdout, style, username, first_name, last_name, role, **profile):
    """The officer account ``username`` in group ``role``, created once.

    ``profile`` (``perangkat_daerah`` or ``kecamatan``, ``jabatan``) ties the officer
    to their office. A new account's generated password is printed once.
    """
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(
        username=username,
        email=f"{username}@langkatkab.go.id",
        password=password,
        first_name=first_name,
        last_name=last_name,
    )
    user.groups.add(Group.objects.get(name=role))
    if profile:
        ProfilPetugas.objects.create(user=user, **profile)
    stdout.write(
        style.WARNING(
            f"  Akun {role} dibuat: pengguna '{username}', kata sandi '{password}' "
            "(simpan sekarang; tidak akan ditampilkan lagi)."
        )
    )
    return user


def add_area_index(instance, after_slug="informasi-publik"):
    """Add an area's index page under the site's home page, right of the page
    ``after_slug`` when there is one (the menu follows the page order), else last."""
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(instance=instance)
    anchor = after_slug and (
        Page.objects.child_of(home).filter(slug=after_slug).exclude(pk=page.pk).first()
    )
    if anchor:
        page.move(anchor, pos="right")
    return page
