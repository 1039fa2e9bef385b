"""Owner accounts on the public site: sign-up, email confirmation, login, logout and
password reset. Owners never get admin access: no staff flag, no groups."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.tokens import default_token_generator
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters

from pasar.account_forms import (
    EmailAuthenticationForm,
    OwnerPasswordResetForm,
    ResendConfirmationForm,
    SignUpForm,
    find_owner_by_email,
    normalise_email,
)
from portal.base_url import absolute_url
from portal.http import FORM_REFERRER_POLICY, private
from portal.notifications import notify
from portal.ratelimit import (
    RateLimit,
    mark_limited,
    refuse_form,
)

#: Sign-ups and confirmation resends per client address (``PASAR_SIGNUP_RATE``).
SIGNUP_LIMIT = RateLimit("pasar_signup", "PASAR_SIGNUP_RATE")
RESEND_LIMIT = RateLimit("pasar_resend", "PASAR_SIGNUP_RATE")
#: Password reset requests per client address and per email typed
#: (``PASAR_PASSWORD_RESET_RATE``): one owner is never sent a flood of emails.
PASSWORD_RESET_LIMIT = RateLimit("pasar_password_reset", "PASAR_PASSWORD_RESET_RATE")
PASSWORD_RESET_EMAIL_LIMIT = RateLimit(
    "pasar_password_reset_email", "PASAR_PASSWORD_RESET_RATE"
)


def private_page(view):
    """Owners' pages: private, uncacheable, not indexed; only the origin as referrer."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return private(
            view(request, *args, **kwargs),
            referrer_policy=FORM_REFERRER_POLICY,
            noindex=True,
        )

    return wrapper


def send_confirmation(user):
    """Queue the email with the link that activates ``user``."""
    path = reverse(
        "pasar:confirm_email",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    notify(
        [user.email],
        _("Konfirmasi akun e-pasar Anda"),
        "pasar/email/confirm_email.txt",
        {
            "user": user,
            "confirm_url": absolute_url(path),
            "timeout_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        },
    )


def _too_many(request, template, form, decision):
    """The form again, with what was typed and the reason of the refusal (429)."""
    refuse_form(form, decision)
    return mark_limited(render(request, template, {"form": form}), decision)


@private_page
@sensitive_post_parameters("password1", "password2")
def signup(request):
    """Create an inactive owner account and send the confirmation link."""
    if request.user.is_authenticated:
        return redirect("pasar:dashboard")
    template = "pasar/akun/signup.html"
    if request.method == "POST":
        form = SignUpForm(request.POST)
        decision = SIGNUP_LIMIT.hit(request)
        if not decision.allowed:
            return _too_many(request, template, form, decision)
        if form.is_valid():
            user = form.save()
            send_confirmation(user)
            request.session["pasar_signup_email"] = user.email
            return redirect("pasar:signup_done")
    else:
        form = SignUpForm()
    return render(request, template, {"form": form})


@private_page
def signup_done(request):
    """ "Check your email", with the address the link went to."""
    return render(
        request,
        "pasar/akun/signup_done.html",
        {"email": request.session.get("pasar_signup_email", "")},
    )


@private_page
def confirm_email(request, uidb64, token):
    """Activate the account and log the owner in; the link works once."""
    User = get_user_model()
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "pasar/akun/confirm_invalid.html", status=400)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    # Logging in updates last_login, which invalidates the token.
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(
        request,
        _("Akun Anda aktif. Lengkapi profil usaha Anda untuk mulai berjualan."),
    )
    return redirect("pasar:dashboard")


@private_page
def resend_confirmation(request):
    """Send the confirmation link again; the answer never tells whether an email
    is registered."""
    template = "pasar/akun/resend.html"
    if request.method == "POST":
        form = ResendConfirmationForm(request.POST)
        decision = RESEND_LIMIT.hit(request)
        if not decision.allowed:
            return _too_many(request, template, form, decision)
        if form.is_valid():
            user = find_owner_by_email(form.cleaned_data["email"])
            if user is not None and not user.is_active and user.has_usable_password():
                send_confirmation(user)
            request.session["pasar_signup_email"] = form.cleaned_data["email"]
            return redirect("pasar:signup_done")
    else:
        form = ResendConfirmationForm(initial={"email": request.GET.get("email", "")})
    return render(request, template, {"form": form})


class OwnerLoginView(auth_views.LoginView):
    """Login with email and password."""

    form_class = EmailAuthenticationForm
    template_name = "pasar/akun/login.html"
    redirect_authenticated_user = True

    def dispatch(self, request, *args, **kwargs):
        return private(
            super().dispatch(request, *args, **kwargs),
            referrer_policy=FORM_REFERRER_POLICY,
            noindex=True,
        )


class OwnerLogoutView(auth_views.LogoutView):
    """Logout (POST only, as Django requires)."""

    next_page = "/"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("Anda sudah keluar."))
        return response


class OwnerPasswordResetView(auth_views.PasswordResetView):
    """Ask for a password reset link by email."""

    form_class = OwnerPasswordResetForm
    template_name = "pasar/akun/password_reset_form.html"
    email_template_name = "pasar/email/password_reset.txt"
    subject_template_name = "pasar/email/password_reset_subject.txt"
    success_url = reverse_lazy("pasar:password_reset_done")

    def post(self, request, *args, **kwargs):
        """Send the link unless this address, or this email, asked too often."""
        form = self.get_form()
        decision = PASSWORD_RESET_LIMIT.hit(request)
        if decision.allowed and form.is_valid():
            email = normalise_email(form.cleaned_data["email"])
            decision = PASSWORD_RESET_EMAIL_LIMIT.hit(request, ident=email)
            if decision.allowed:
                return self.form_valid(form)
        if decision.allowed:
            return self.form_invalid(form)
        refuse_form(form, decision)
        return mark_limited(self.form_invalid(form), decision)


class OwnerPasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "pasar/akun/password_reset_done.html"


class OwnerPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password from the emailed link."""

    template_name = "pasar/akun/password_reset_confirm.html"
    success_url = reverse_lazy("pasar:password_reset_complete")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["new_password1"].label = _("Kata sandi baru")
        form.fields["new_password2"].label = _("Ulangi kata sandi baru")
        return form


class OwnerPasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "pasar/akun/password_reset_complete.html"
