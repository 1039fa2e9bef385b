import re
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse

from tests.pasar.factories import OwnerFactory

PASSWORD = "Keripik-Renyah-2026"
User = get_user_model()


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _signup(client, email="Siti.Aminah@Example.com", **extra):
    return client.post(
        reverse("pasar:signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra},
    )


def _link(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


@pytest.mark.django_db
def test_signup_creates_one_inactive_account_with_lowercased_email_username(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("pasar:signup_done")
    user = User.objects.get()
    assert user.username == user.email == "siti.aminah@example.com"
    assert not user.is_active
    assert not user.is_staff
    assert not user.groups.exists()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["siti.aminah@example.com"]
    assert "/akun/konfirmasi/" in mailoutbox[0].body


@pytest.mark.django_db
def test_confirmation_link_activates_logs_in_and_works_only_once(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client)
    link = _link(mailoutbox[0])
    response = client.get(link)
    assert response.status_code == HTTPStatus.FOUND
    assert User.objects.get().is_active
    # Logged in: the dashboard sends the new owner to the profile form first.
    response = client.get(reverse("pasar:dashboard"))
    assert response["Location"] == reverse("pasar:profile_create")
    client.logout()
    again = client.get(link)
    assert again.status_code == HTTPStatus.BAD_REQUEST
    assert "tidak berlaku" in again.content.decode()


@pytest.mark.django_db
def test_tampered_confirmation_link_is_refused(client):
    owner = OwnerFactory(is_active=False)
    response = client.get(reverse("pasar:confirm_email", args=["MQ", "bukan-token"]))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    owner.refresh_from_db()
    assert not owner.is_active


@pytest.mark.django_db
def test_duplicate_email_in_any_case_is_refused_with_a_clear_message(client):
    OwnerFactory(username="budi@example.com", email="budi@example.com")
    response = _signup(client, email="BUDI@example.com")
    assert response.status_code == HTTPStatus.OK
    assert "Email ini sudah terdaftar" in response.content.decode()
    assert User.objects.filter(email__iexact="budi@example.com").count() == 1


@pytest.mark.django_db
def test_weak_and_mismatched_passwords_are_refused(client):
    response = client.post(
        reverse("pasar:signup"),
        {"email": "a@example.com", "password1": "12345678", "password2": "12345678"},
    )
    assert response.status_code == HTTPStatus.OK
    assert not User.objects.exists()
    response = client.post(
        reverse("pasar:signup"),
        {"email": "a@example.com", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    assert "Kedua kata sandi tidak sama" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_filled_honeypot_creates_no_account(client, mailoutbox):
    response = _signup(client, website="http://spam.example")
    assert response.status_code == HTTPStatus.OK
    assert not User.objects.exists()
    assert mailoutbox == []


@pytest.mark.django_db
def test_signups_from_one_address_are_rate_limited(client, settings):
    for number in range(10):
        _signup(client, email=f"usaha{number}@example.com")
    response = _signup(client, email="usaha-ke-11@example.com")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert User.objects.count() == 10


@pytest.mark.django_db
def test_resend_sends_a_new_link_only_to_unconfirmed_accounts(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    OwnerFactory(username="baru@example.com", email="baru@example.com", is_active=False)
    OwnerFactory(username="aktif@example.com", email="aktif@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        for email in ("baru@example.com", "aktif@example.com", "tidak@example.com"):
            response = client.post(
                reverse("pasar:resend_confirmation"), {"email": email}
            )
            # The same answer whatever the address.
            assert response["Location"] == reverse("pasar:signup_done")
    assert [message.to for message in mailoutbox] == [["baru@example.com"]]


@pytest.mark.django_db
def test_login_by_email_in_any_case_and_logout_by_post(client):
    OwnerFactory(username="rina@example.com", email="rina@example.com")
    response = client.post(
        reverse("pasar:login"),
        {"username": "Rina@Example.com", "password": "kata-sandi-uji-123"},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("pasar:dashboard")
    assert client.get(reverse("pasar:logout")).status_code == (
        HTTPStatus.METHOD_NOT_ALLOWED
    )
    response = client.post(reverse("pasar:logout"))
    assert response.status_code == HTTPStatus.FOUND
    assert client.get(reverse("pasar:dashboard")).status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_wrong_password_is_refused_and_unconfirmed_account_is_explained(client):
    OwnerFactory(username="rina@example.com", email="rina@example.com")
    OwnerFactory(username="baru@example.com", email="baru@example.com", is_active=False)
    wrong = client.post(
        reverse("pasar:login"), {"username": "rina@example.com", "password": "salah"}
    )
    assert "Email atau kata sandi salah" in wrong.content.decode()
    unconfirmed = client.post(
        reverse("pasar:login"),
        {"username": "baru@example.com", "password": "kata-sandi-uji-123"},
    )
    assert "Akun Anda belum aktif" in unconfirmed.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_reset_by_email_sets_a_new_password(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    owner = OwnerFactory(username="rina@example.com", email="rina@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("pasar:password_reset"), {"email": "rina@example.com"}
        )
    assert response["Location"] == reverse("pasar:password_reset_done")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Buat kata sandi baru e-pasar"
    link = _link(mailoutbox[0])
    form_page = client.get(link, follow=True)
    assert form_page.status_code == HTTPStatus.OK
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert response["Location"] == reverse("pasar:password_reset_complete")
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


@pytest.mark.django_db
def test_owner_account_is_refused_by_the_wagtail_admin(client, owner_umkm):
    client.force_login(owner_umkm.pemilik)
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    response = client.get("/admin/pages/")
    assert response.status_code == HTTPStatus.FOUND
