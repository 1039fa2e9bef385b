"""The public pages every tracked submission has: confirmation, tracking, secret page.

Each app subclasses these views for its model (a
:class:`portal.tracking.TrackedSubmission`), names its template (which extends the
matching ``portal/submission/*.html``) and adds its own context; the lookups, the
private-page headers and the POST/redirect/GET of the secret page live here once.
Routes are declared on the host page (:mod:`portal.routes`) with the names
"confirmation", "track" and "secret_page".
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.base_url import absolute_url
from portal.forms import TRACKING_CODE_LABEL, TrackingCodeForm
from portal.http import FORM_REFERRER_POLICY, NO_REFERRER, private, private_redirect
from portal.models import PengaturanPortal
from portal.qr import qr_svg
from portal.ratelimit import (
    TOO_MANY_REQUESTS,
    limited_message,
    mark_limited,
    read_limit,
    submit_limit,
    too_many_requests_page,
)
from portal.receipt import Receipt, long_date, receipt_response
from portal.routes import PageView, page_context

#: The confirmation page's GET parameters that ask for the receipt as a PDF,
#: and for the secret link on it.
RECEIPT_PARAMETER = "tanda-terima"
RECEIPT_FORMAT = "pdf"
WITH_LINK_PARAMETER = "sertakan-tautan"


class SubmissionPageView(PageView):
    """What the three pages share: the model's rows and the page context."""

    model = None
    template_name = None
    #: The template variable holding the submission besides ``submission``.
    context_object_name = "submission"
    #: The GET parameter of the tracking page, and the label of its field.
    code_field = "kode"
    code_label = TRACKING_CODE_LABEL

    def get_queryset(self):
        return self.model._default_manager.all()

    def get_by_token(self, token):
        """The submission whose secret token is ``token``, or 404."""
        submission = self.get_queryset().filter(token_rahasia=token).first()
        if submission is None:
            raise Http404
        return submission

    @property
    def rate_scope(self):
        """The app whose counters this page shares with its API (``"pengaduan"``)."""
        return self.model._meta.app_label

    def get_context_data(self, **kwargs):
        context = page_context(self.page, **kwargs)
        if "submission" in kwargs:
            context[self.context_object_name] = kwargs["submission"]
        return context

    def track_url(self, submission):
        """The tracking page with ``submission``'s code filled in."""
        query = urlencode({self.code_field: submission.kode_lacak})
        return f"{self.route_url('track')}?{query}"


class ConfirmationView(SubmissionPageView):
    """After submission: the code, the secret link, what happens next
    (``get_next_steps_context(submission)``: the app's deadlines) and the receipt.

    The page and its receipt (``?tanda-terima=pdf``) are found by the secret token
    in the address, never by the code, so only the submitter gets them. The
    receipt carries the secret link only when the submitter ticks the box for it
    (``sertakan-tautan``). Apps give the receipt its words (``receipt_title``,
    ``secret_label``) and facts (``get_receipt_details(submission)``,
    ``get_receipt_deadlines(submission)``; by default the rows of the model's
    ``deadlines()``, as the tracking page shows them).
    """

    receipt_title = _("Tanda Terima")
    secret_label = _("Tautan rahasia")

    def get(self, request, token):
        submission = self.get_by_token(token)
        secret_url = absolute_url(self.route_url("secret_page", token))
        track_url = self.track_url(submission)
        track_full_url = absolute_url(track_url)
        if request.GET.get(RECEIPT_PARAMETER) == RECEIPT_FORMAT:
            with_secret = request.GET.get(WITH_LINK_PARAMETER) == "1"
            receipt = self.get_receipt(
                request,
                submission,
                track_url=track_full_url,
                secret_url=secret_url if with_secret else "",
            )
            return private(
                receipt_response(receipt), referrer_policy=NO_REFERRER, noindex=True
            )
        context = self.get_context_data(
            submission=submission,
            secret_url=secret_url,
            track_url=track_url,
            track_full_url=track_full_url,
            track_qr=mark_safe(  # noqa: S308 - drawn by segno from our own URL
                qr_svg(track_full_url, title=gettext("Kode QR halaman pelacakan"))
            ),
            received_at=self.get_received_at(submission),
            receipt_parameter=RECEIPT_PARAMETER,
            receipt_format=RECEIPT_FORMAT,
            with_link_parameter=WITH_LINK_PARAMETER,
            **self.get_next_steps_context(submission),
        )
        response = TemplateResponse(request, self.template_name, context)
        return private(response, referrer_policy=NO_REFERRER, noindex=True)

    def get_next_steps_context(self, submission):
        return {}

    def get_receipt(self, request, submission, *, track_url, secret_url):
        """The :class:`portal.receipt.Receipt` of ``submission``."""
        site_settings = PengaturanPortal.for_request(request)
        return Receipt(
            title=str(self.receipt_title),
            issuer=site_settings.nama_kabupaten or gettext("Portal Langkat"),
            code_label=str(self.code_label),
            code=submission.kode_lacak,
            received_at=self.get_received_at(submission),
            track_url=track_url,
            details=self.get_receipt_details(submission),
            deadlines=self.get_receipt_deadlines(submission),
            secret_url=secret_url,
            secret_label=str(self.secret_label),
        )

    def get_received_at(self, submission):
        return submission.diterima_pada

    def get_receipt_details(self, submission):
        """(label, value) rows naming the service or category."""
        return []

    def get_receipt_deadlines(self, submission):
        """(label, long date) rows of the deadlines the tracking page shows."""
        return [
            (str(label), long_date(status.deadline))
            for label, status in submission.deadlines()
        ]


class TrackView(SubmissionPageView):
    """Tracking by code: what anyone holding the code may see, never the identity.

    ``get_status_context(submission)`` gives the app's status facts. Each lookup
    counts against the app's read limit, shared with its API.
    """

    def get(self, request):
        form = TrackingCodeForm(
            request.GET or None,
            code_prefix=self.model.tracking_prefix,
            field_name=self.code_field,
            label=self.code_label,
        )
        if form.is_bound:
            decision = read_limit(self.rate_scope).hit(request)
            if not decision.allowed:
                response = too_many_requests_page(
                    request, decision, self.get_context_data()
                )
                return private(response, referrer_policy="same-origin", noindex=True)
        context = self.get_context_data(
            form=form, code_field=form[self.code_field], not_found=False
        )
        if form.is_bound and form.is_valid():
            code = form.cleaned_data[self.code_field]
            submission = self.get_queryset().filter(kode_lacak=code).first()
            if submission is None:
                context.update(not_found=True, code=code)
            else:
                context.update(self.get_status_context(submission))
                context.update(self.get_context_data(submission=submission))
        response = TemplateResponse(request, self.template_name, context)
        return private(response, referrer_policy="same-origin", noindex=True)

    def get_status_context(self, submission):
        return {}


class SecretPageView(SubmissionPageView):
    """The submitter's own page behind the secret link.

    Apps supply ``get_page_context()`` (what the page shows), optionally
    ``serve_file()`` (a download asked for by a GET parameter),
    ``bind_action_form()``, which binds the form of the POSTed action to what was
    typed (kept where ``get_page_context()`` finds it) without running anything, and
    ``handle_post()``, which runs the submitter's action through the app's service
    and returns a success message, or ``None`` after recording why it failed (bound
    forms, ``self.action_errors``). Success redirects back to the page (POST/
    redirect/GET); failure renders the page again with status 400. A POST over the
    app's submit limit runs nothing: the page comes back with status 429, the action
    form still holding what was typed and the reason (how long to wait) on top.
    """

    def dispatch(self, request, *args, **kwargs):
        self.action_errors = []
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, token):
        self.submission = self.get_by_token(token)
        download = self.serve_file(request)
        if download is not None:
            return private(download, referrer_policy=NO_REFERRER, noindex=True)
        return self.render(request)

    def post(self, request, token):
        self.submission = self.get_by_token(token)
        decision = submit_limit(self.rate_scope).hit(request)
        if not decision.allowed:
            return self.refuse(request, decision)
        success = self.handle_post(request)
        if success:
            messages.success(request, success)
            return private_redirect(
                self.route_url("secret_page", token), referrer_policy=NO_REFERRER
            )
        # Reload: a failed service call may have run part of its checks.
        self.submission = self.get_by_token(token)
        return self.render(request, status=400)

    def refuse(self, request, decision):
        """Over the submit limit: the page again, what was typed kept, nothing run."""
        self.bind_action_form(request)
        self.action_errors.append(limited_message(decision))
        return mark_limited(self.render(request, status=TOO_MANY_REQUESTS), decision)

    def render(self, request, status=200):
        context = self.get_context_data(
            submission=self.submission,
            action_errors=self.action_errors,
            **self.get_page_context(),
        )
        response = TemplateResponse(request, self.template_name, context, status=status)
        return private(response, referrer_policy=FORM_REFERRER_POLICY, noindex=True)

    def serve_file(self, request):
        return None

    def bind_action_form(self, request):
        return None

    def handle_post(self, request):
        return None

    def get_page_context(self):
        return {}
