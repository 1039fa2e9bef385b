"""Owners' login and password reset resist guessing and email floods."""

import uuid
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from tests.pasar.factories import OwnerFactory

PASSWORD = "kata-sandi-uji-123"
LOCKOUT_TEXT = "Login dikunci sementara"

pytestmark = pytest.mark.django_db


def client_address():
    """A documentation-range address of its own, so no test shares a counter."""
    number = uuid.uuid4().int
    return f"2001:db8::{number % 65536:x}:{(number >> 16) % 65536:x}"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


def _login(client, email, password):
    return client.post(
        reverse("pasar:login"), {"username": email, "password": password}
    )


def test_the_sixth_attempt_after_five_wrong_passwords_is_refused_with_the_right_one(
    axes_on, home_page
):
    owner = OwnerFactory(username="siti@example.com")
    client = Client(REMOTE_ADDR=client_address())
    statuses = [
        _login(client, "Siti@Example.com", "salah-sekali").status_code for _ in range(5)
    ]
    # The fifth wrong password already locks the login.
    assert statuses == [200, 200, 200, 200, 429]

    response = _login(client, "siti@example.com", PASSWORD)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    html = response.content.decode()
    assert LOCKOUT_TEXT in html
    assert "Silakan coba lagi setelah 30 menit" in html
    assert "_auth_user_id" not in client.session
    # The owner on another network is not locked out by someone else's guesses.
    other = Client(REMOTE_ADDR=client_address())
    assert _login(other, owner.email, PASSWORD).status_code == HTTPStatus.FOUND


def test_a_right_password_before_the_limit_resets_the_count(axes_on, home_page):
    OwnerFactory(username="budi@example.com")
    client = Client(REMOTE_ADDR=client_address())
    for _ in range(4):
        _login(client, "budi@example.com", "salah")
    assert _login(client, "budi@example.com", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        _login(client, "budi@example.com", "salah")
    assert _login(client, "budi@example.com", PASSWORD).status_code == 302


def test_the_fourth_password_reset_in_the_window_sends_no_email_and_says_so(
    home_page, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.PASAR_PASSWORD_RESET_RATE = "3/hour"
    OwnerFactory(username="ani@example.com")
    client = Client(REMOTE_ADDR=client_address())
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            response = client.post(
                reverse("pasar:password_reset"), {"email": "ani@example.com"}
            )
            assert response.status_code == HTTPStatus.FOUND
        refused = client.post(
            reverse("pasar:password_reset"), {"email": "ani@example.com"}
        )

    assert len(mailoutbox) == 3
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    html = refused.content.decode()
    assert "Terlalu banyak permintaan dari jaringan Anda" in html
    assert 'value="ani@example.com"' in html


def test_password_resets_for_one_email_are_limited_across_addresses(
    home_page, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.PASAR_PASSWORD_RESET_RATE = "2/hour"
    OwnerFactory(username="rina@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            Client(REMOTE_ADDR=client_address())
            .post(reverse("pasar:password_reset"), {"email": "Rina@example.com"})
            .status_code
            for _ in range(3)
        ]
    assert statuses == [302, 302, 429]
    assert len(mailoutbox) == 2


def test_login_attempts_leave_no_email_or_address_in_the_logs(
    axes_on, home_page, caplog
):
    owner = OwnerFactory(username="rahasia.pemilik@example.com")
    address = client_address()
    client = Client(REMOTE_ADDR=address)
    with caplog.at_level("DEBUG"):
        _login(client, owner.username, "salah-sekali")
        _login(client, owner.username, PASSWORD)
    axes_lines = [
        record.getMessage()
        for record in caplog.records
        if "AXES" in record.getMessage()
    ]
    assert axes_lines, "django-axes logged nothing: the check would be hollow"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert owner.username not in logged
    assert address not in logged
