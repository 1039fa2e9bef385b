"""The Wagtail admin login locks out guessing; the Admin Portal clears lockouts."""

import uuid
from http import HTTPStatus

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from portal.roles import ADMIN_PORTAL, EDITOR_PPID
from tests.factories import UserFactory

PASSWORD = "kata-sandi-uji-123"

pytestmark = pytest.mark.django_db


def client_address():
    """A documentation-range address of its own, so no test shares a counter."""
    number = uuid.uuid4().int
    return f"2001:db8::{number % 65536:x}:{(number >> 16) % 65536:x}"


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True


def _admin_login(client, username, password):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )


@pytest.fixture
def locked_officer(home_page):
    """An officer whose login from ``locked_officer.client`` is locked out."""
    officer = UserFactory(username="petugas.ppid")
    officer.groups.add(Group.objects.get(name=EDITOR_PPID))
    officer.client = Client(REMOTE_ADDR=client_address())
    statuses = [
        _admin_login(officer.client, "petugas.ppid", "salah").status_code
        for _ in range(5)
    ]
    # The fifth wrong password already locks the login.
    assert statuses == [200, 200, 200, 200, 429]
    return officer


def test_the_sixth_admin_login_after_five_wrong_passwords_is_refused(locked_officer):
    response = _admin_login(locked_officer.client, "petugas.ppid", PASSWORD)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    html = response.content.decode()
    assert "Login dikunci sementara" in html
    assert "Hubungi Admin Portal" in html
    assert "_auth_user_id" not in locked_officer.client.session


def test_the_admin_portal_clears_the_lockout_and_the_login_works_again(
    locked_officer,
):
    admin = UserFactory(username="admin.portal")
    admin.groups.add(Group.objects.get(name=ADMIN_PORTAL))
    admin_client = Client()
    admin_client.force_login(admin)
    attempt = AccessAttempt.objects.get(username="petugas.ppid")

    listing = admin_client.get(reverse("login_lockouts:index"))
    assert listing.status_code == HTTPStatus.OK
    assert "petugas.ppid" in listing.content.decode()
    deleted = admin_client.post(reverse("login_lockouts:delete", args=[attempt.pk]))

    assert deleted.status_code == HTTPStatus.FOUND
    assert not AccessAttempt.objects.exists()
    response = _admin_login(locked_officer.client, "petugas.ppid", PASSWORD)
    assert response.status_code == HTTPStatus.FOUND
    assert locked_officer.client.session["_auth_user_id"] == str(locked_officer.pk)


def test_other_officers_neither_see_nor_clear_lockouts(locked_officer):
    editor = UserFactory(username="editor.lain")
    editor.groups.add(Group.objects.get(name=EDITOR_PPID))
    client = Client()
    client.force_login(editor)
    attempt = AccessAttempt.objects.get()

    assert client.get(reverse("login_lockouts:index")).status_code == HTTPStatus.FOUND
    client.post(reverse("login_lockouts:delete", args=[attempt.pk]))

    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
