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

from portal.forms import TRACKING_CODE_LABEL, TrackingCodeForm
from portal.http import FORM_REFERRER_POLICY, NO_REFERRER, private, private_redirect
from portal.ratelimit import (
    TOO_MANY_REQUESTS,
    limited_message,
    mark_limited,
    read_limit,
    submit_limit,
    too_many_requests_page,
)
from portal.routes import PageView, page_context


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
    """After submission: the code, the secret link and what happens next
    (``get_next_steps_context(submission)``: the app's deadlines)."""

    def get(self, request, token):
        submission = self.get_by_token(token)
        context = self.get_context_data(
            submission=submission,
            secret_url=request.build_absolute_uri(self.route_url("secret_page", token)),
            track_url=self.track_url(submission),
            **self.get_next_steps_context(submission),
        )
        response = TemplateResponse(request, self.template_name, context)
        return private(response, referrer_policy=NO_REFERRER, noindex=True)

    def get_next_steps_context(self, submission):
        return {}


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
