"""The admin roles of DESIGN §5 exist as groups and officers are tied to one unit."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from portal.models import Kecamatan
from portal.roles import ADMIN_PORTAL, ALL_ROLES, PETUGAS_OPD
from tests.factories import PerangkatDaerahFactory, ProfilPetugasFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_group_exists_with_admin_access():
    for role in ALL_ROLES:
        group = Group.objects.get(name=role)
        assert group.permissions.filter(codename="access_admin").exists(), role


def test_admin_portal_manages_offices_and_holidays():
    codenames = set(
        Group.objects.get(name=ADMIN_PORTAL).permissions.values_list(
            "codename", flat=True
        )
    )
    assert {
        "change_perangkatdaerah",
        "add_harilibur",
        "change_profilpetugas",
    } <= codenames
    assert "change_kecamatan" not in codenames


def test_an_officer_belongs_to_an_office_or_a_kecamatan_not_both():
    profile = ProfilPetugasFactory.build(
        user=UserFactory(),
        perangkat_daerah=PerangkatDaerahFactory(),
        kecamatan=Kecamatan.objects.first(),
    )
    with pytest.raises(ValidationError):
        profile.full_clean()
    with pytest.raises(IntegrityError):
        profile.save()


def test_an_opd_officer_can_open_the_admin_but_not_edit_offices(client):
    officer = UserFactory()
    officer.groups.add(Group.objects.get(name=PETUGAS_OPD))
    client.force_login(officer)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    response = client.get(reverse("perangkatdaerah:add"))
    assert response.status_code == 302  # redirected away: permission denied


def test_admin_portal_member_edits_offices_but_not_wilayah(client):
    admin = UserFactory()
    admin.groups.add(Group.objects.get(name=ADMIN_PORTAL))
    client.force_login(admin)
    assert client.get(reverse("perangkatdaerah:add")).status_code == 200
    kecamatan = Kecamatan.objects.get(nama="Stabat")
    listing = client.get(reverse("kecamatan:index"), {"q": "Stabat"})
    assert listing.status_code == 200
    assert "Stabat" in listing.content.decode()
    assert client.get(reverse("kecamatan:edit", args=[kecamatan.pk])).status_code == 302
    assert (
        client.get(reverse("kecamatan:inspect", args=[kecamatan.pk])).status_code == 200
    )
