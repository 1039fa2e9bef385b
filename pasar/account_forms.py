"""Owner accounts: sign-up, login by email, confirmation and password reset forms.

The username of an owner is their email address in lower case. Accounts stay
inactive until the owner opens the confirmation link sent by email.
"""

from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.base_url import absolute_url
from portal.forms import HoneypotMixin
from portal.notifications import notify

#: Longest email accepted: it is also the username (150 characters).
MAX_EMAIL_LENGTH = 150


def normalise_email(value):
    return (value or "").strip().lower()


def find_owner_by_email(email):
    """The account registered with ``email`` (any case), or ``None``."""
    email = normalise_email(email)
    if not email:
        return None
    User = get_user_model()
    return (
        User.objects.filter(username=email).first()
        or User.objects.filter(email__iexact=email).first()
    )


class SignUpForm(HoneypotMixin, forms.Form):
    """A new owner account: email and password (twice)."""

    honeypot_message = _("Pendaftaran tidak dapat diproses.")

    email = forms.EmailField(
        label=_("Email"),
        max_length=MAX_EMAIL_LENGTH,
        help_text=_("Kami kirim tautan konfirmasi ke alamat ini."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        help_text=_("Paling sedikit 8 karakter, jangan hanya angka."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        existing = find_owner_by_email(email)
        if existing is not None:
            if existing.is_active:
                raise ValidationError(
                    _(
                        "Email ini sudah terdaftar. Silakan masuk, atau pakai "
                        "“Lupa kata sandi” bila lupa."
                    ),
                    code="duplicate",
                )
            raise ValidationError(
                _(
                    "Email ini sudah terdaftar tetapi belum dikonfirmasi. Buka tautan "
                    "di email kami, atau minta kirim ulang tautan konfirmasi."
                ),
                code="unconfirmed",
            )
        return email

    def clean(self):
        cleaned = super().clean()
        password1 = cleaned.get("password1")
        password2 = cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Kedua kata sandi tidak sama."))
        elif password1:
            email = cleaned.get("email") or ""
            user = get_user_model()(username=email, email=email)
            try:
                password_validation.validate_password(password1, user)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self):
        """Create the inactive account; the confirmation link activates it."""
        email = self.cleaned_data["email"]
        return get_user_model().objects.create_user(
            username=email,
            email=email,
            password=self.cleaned_data["password1"],
            is_active=False,
        )


class EmailAuthenticationForm(AuthenticationForm):
    """Login with the email address; unconfirmed accounts get a clear message."""

    error_messages = {
        "invalid_login": _(
            "Email atau kata sandi salah. Periksa kembali; huruf besar dan kecil "
            "pada kata sandi dibedakan."
        ),
        "inactive": _(
            "Akun Anda belum aktif. Buka tautan konfirmasi yang kami kirim ke email "
            "Anda, atau minta kirim ulang tautan."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Email")
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "autofocus": True}
        )
        self.fields["password"].label = _("Kata sandi")

    def clean(self):
        username = normalise_email(self.cleaned_data.get("username"))
        password = self.cleaned_data.get("password")
        if username and password:
            self.cleaned_data["username"] = username
            self.user_cache = authenticate(
                self.request, username=username, password=password
            )
            if self.user_cache is None:
                owner = find_owner_by_email(username)
                # Only say "not active yet" to whoever knows the password.
                if (
                    owner is not None
                    and not owner.is_active
                    and owner.check_password(password)
                ):
                    raise ValidationError(
                        self.error_messages["inactive"], code="inactive"
                    )
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class ResendConfirmationForm(HoneypotMixin, forms.Form):
    """Ask for the confirmation link again."""

    honeypot_message = _("Pendaftaran tidak dapat diproses.")

    email = forms.EmailField(
        label=_("Email"),
        max_length=MAX_EMAIL_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])


class OwnerPasswordResetForm(PasswordResetForm):
    """Django's password reset, with the email queued like every other email and
    its link on ``PORTAL_BASE_URL`` (not on the host the request came to)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Email")

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = render_to_string(subject_template_name, context)
        reset_path = reverse(
            "pasar:password_reset_confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        context = {**context, "reset_url": absolute_url(reset_path)}
        notify([to_email], subject, email_template_name, context)
