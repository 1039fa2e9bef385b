"""Public e-kecamatan views, hosted by the routes of
:class:`~layanan.models.EKecamatanIndexPage`.

Routed views are served by ``RoutablePageMixin.serve`` directly, so the headers a
view sets are the ones sent: pages with a form, a secret token or tracking data
are made private and uncacheable with :func:`private`.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from layanan import letters, services
from layanan.choices import UNSUR_IKM, StatusPermohonan
from layanan.forms import (
    FIELD_PREFIX,
    REQUIREMENT_PREFIX,
    PerbaikanForm,
    PermohonanForm,
    SurveiForm,
)
from layanan.models import (
    KantorKecamatanPage,
    LinimasaPermohonan,
    Permohonan,
    StandarLayanan,
)
from portal.forms import CheckedFileField, OptionsSelect, group_desa_choices
from portal.http import FORM_REFERRER_POLICY, NO_REFERRER, private
from portal.models import Kecamatan
from portal.ratelimit import mark_limited, refuse_form, submit_limit
from portal.receipt import long_date
from portal.routes import page_context, route_url
from portal.storage import private_file_response
from portal.tracking_views import ConfirmationView, SecretPageView, TrackView
from portal.validators import validation_messages


def _live_service(slug):
    """The published service ``slug`` with its live values, or 404."""
    service = (
        StandarLayanan.objects.live()
        .prefetch_related("kecamatan")
        .filter(slug=slug)
        .first()
    )
    if service is None:
        raise Http404
    return service


def _kecamatan_offering(service):
    """The kecamatan where ``service`` may be applied for."""
    if service.semua_kecamatan:
        return Kecamatan.objects.all()
    return service.kecamatan.all()


# ---------- Service list and detail ----------


class ServiceFilterForm(forms.Form):
    """The GET filters of the service list: kecamatan and words."""

    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        required=False,
        widget=OptionsSelect,
        queryset=Kecamatan.objects.all(),
        to_field_name="slug",
        empty_label=_("Semua kecamatan"),
    )
    q = forms.CharField(
        label=_("Cari layanan"),
        required=False,
        max_length=100,
        help_text=_("Mis. domisili, usaha, ahli waris."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def filter(self, queryset):
        """``queryset`` narrowed by valid filters; invalid ones are ignored."""
        if not self.is_bound or not self.is_valid():
            return queryset
        kecamatan = self.cleaned_data["kecamatan"]
        if kecamatan:
            queryset = queryset.offered_in(kecamatan)
        for word in self.cleaned_data["q"].split():
            queryset = queryset.filter(
                Q(nama__icontains=word)
                | Q(ringkasan__icontains=word)
                | Q(produk__icontains=word)
            )
        return queryset


def service_list(request, page):
    """The published services, filterable by kecamatan and words; offices; links."""
    form = ServiceFilterForm(
        request.GET if {"kecamatan", "q"} & set(request.GET) else None
    )
    services_ = form.filter(StandarLayanan.objects.live()).prefetch_related(
        Prefetch("kecamatan", queryset=Kecamatan.objects.order_by("nama"))
    )
    chosen = (
        form.cleaned_data.get("kecamatan")
        if form.is_bound and form.is_valid()
        else None
    )
    offices = (
        KantorKecamatanPage.objects.child_of(page)
        .live()
        .select_related("kecamatan")
        .order_by("kecamatan__nama")
    )
    return TemplateResponse(
        request,
        "layanan/e_kecamatan_index_page.html",
        page_context(
            page,
            form=form,
            services=list(services_),
            chosen_kecamatan=chosen,
            is_filtered=form.is_bound,
            offices=offices,
            list_url=route_url(page, "service_list"),
        ),
    )


def _chosen_kecamatan_slug(request, service):
    """The ``?kecamatan=`` slug when ``service`` is offered there, else ``""``."""
    slug = request.GET.get("kecamatan", "")
    if slug and _kecamatan_offering(service).filter(slug=slug).exists():
        return slug
    return ""


def service_detail(request, page, slug):
    """One published service standard, with the button to apply online."""
    service = _live_service(slug)
    kecamatan_slug = _chosen_kecamatan_slug(request, service)
    form_url = route_url(page, "application_form", service.slug)
    if kecamatan_slug:
        form_url += f"?kecamatan={kecamatan_slug}"
    return TemplateResponse(
        request,
        "layanan/service_detail.html",
        page_context(
            page,
            layanan=service,
            form_url=form_url,
            list_url=route_url(page, "service_list"),
            canonical_url=page.full_url
            + page.reverse_subpage("service_detail", args=[service.slug]),
        ),
    )


# ---------- Application form ----------


def _fieldsets(form):
    """(legend, bound fields) of the application form, in reading order."""
    answers = [
        form[name]
        for name, field in form.fields.items()
        if name.startswith(FIELD_PREFIX) and not isinstance(field, CheckedFileField)
    ]
    uploads = [
        form[name]
        for name, field in form.fields.items()
        if (name.startswith(REQUIREMENT_PREFIX) or name.startswith(FIELD_PREFIX))
        and isinstance(field, CheckedFileField)
    ]
    fieldsets = [
        (_("Tempat mengajukan"), [form["kecamatan"], form["desa"]]),
        (
            _("Identitas pemohon"),
            [form[name] for name in ("nama", "nik", "telepon", "email", "alamat")],
        ),
    ]
    if answers:
        fieldsets.append((_("Isian permohonan"), answers))
    if uploads:
        fieldsets.append((_("Unggah dokumen"), uploads))
    return fieldsets


def application_form(request, page, slug):
    """The application form of a service; a valid one is submitted once (PRG)."""
    service = _live_service(slug)
    files_dropped = False
    limited = None
    if request.method == "POST":
        form = PermohonanForm(request.POST, request.FILES, layanan=service)
        decision = submit_limit("layanan").hit(request)
        if not decision.allowed:
            limited = decision
            refuse_form(form, decision)
        elif form.is_valid():
            try:
                permohonan = form.submit()
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return private(
                    HttpResponseRedirect(
                        route_url(page, "confirmation", permohonan.token_rahasia)
                    ),
                    referrer_policy=NO_REFERRER,
                )
        files_dropped = bool(request.FILES)
    else:
        form = PermohonanForm(
            layanan=service,
            initial={"kecamatan": _chosen_kecamatan_slug(request, service) or None},
        )
    group_desa_choices(form)
    response = TemplateResponse(
        request,
        "layanan/application_form.html",
        page_context(
            page,
            layanan=service,
            form=form,
            fieldsets=_fieldsets(form),
            files_dropped=files_dropped,
            detail_url=route_url(page, "service_detail", service.slug),
        ),
    )
    if limited is not None:
        mark_limited(response, limited)
    return private(response, referrer_policy=FORM_REFERRER_POLICY)


# ---------- Confirmation, tracking, secret link ----------


class PermohonanPageMixin:
    """The applicant's pages show an application with its service, place and public
    timeline."""

    model = Permohonan
    context_object_name = "permohonan"

    def get_queryset(self):
        return Permohonan.objects.select_related(
            "layanan", "kecamatan", "desa"
        ).prefetch_related(
            Prefetch(
                "linimasa",
                queryset=LinimasaPermohonan.objects.filter(is_public=True).order_by(
                    "created_at", "pk"
                ),
                to_attr="public_entries",
            )
        )


def public_timeline(permohonan):
    """Public entries, labelled; the applicant's own resubmission text is marked so
    pages open to anyone with the code show only that a fix was sent."""
    labels = dict(StatusPermohonan.choices)
    for entry in permohonan.public_entries:
        entry.status_label = labels.get(entry.status_to, entry.status_to)
        if (
            entry.author_id is None
            and entry.status_from == StatusPermohonan.PERLU_PERBAIKAN
        ):
            entry.hidden_message = gettext("Pemohon mengirim perbaikan.")
    return permohonan.public_entries


class PermohonanConfirmationView(PermohonanPageMixin, ConfirmationView):
    template_name = "layanan/confirmation.html"
    receipt_title = _("Tanda Terima Permohonan Layanan e-kecamatan")

    def get_received_at(self, permohonan):
        return permohonan.diajukan_pada

    def get_receipt_details(self, permohonan):
        return [
            (gettext("Layanan"), permohonan.layanan.nama),
            (gettext("Kecamatan"), permohonan.kecamatan.nama),
        ]

    def get_receipt_deadlines(self, permohonan):
        # As the tracking page: the service time runs from verification.
        status = permohonan.deadline
        if status is not None:
            value = long_date(status.deadline)
        else:
            value = ngettext(
                "%(days)d hari kerja, dihitung sejak berkas diverifikasi petugas",
                "%(days)d hari kerja, dihitung sejak berkas diverifikasi petugas",
                permohonan.waktu_hari_kerja,
            ) % {"days": permohonan.waktu_hari_kerja}
        return [(gettext("Penyelesaian"), value)]


class PermohonanTrackView(PermohonanPageMixin, TrackView):
    """Tracking by code: service, kecamatan, status, deadline and public timeline."""

    template_name = "layanan/track.html"

    def get_status_context(self, permohonan):
        return {"timeline": public_timeline(permohonan)}


class PermohonanSecretPageView(PermohonanPageMixin, SecretPageView):
    """The applicant's own page: everything about the application, and the fix form."""

    template_name = "layanan/secret_page.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.fix_form = None

    def bind_action_form(self, request):
        if self.submission.status != StatusPermohonan.PERLU_PERBAIKAN:
            return None
        self.fix_form = PerbaikanForm(
            request.POST, request.FILES, permohonan=self.submission
        )
        return self.fix_form

    def handle_post(self, request):
        if self.bind_action_form(request) is None:
            self.action_errors.append(
                gettext("Permohonan ini tidak sedang menunggu perbaikan.")
            )
            return None
        if not self.fix_form.is_valid():
            return None
        try:
            self.fix_form.submit()
        except ValidationError as error:
            self.action_errors.extend(validation_messages(error))
            return None
        return gettext(
            "Perbaikan Anda sudah terkirim dan menunggu verifikasi petugas kecamatan."
        )

    def get_page_context(self):
        permohonan = self.submission
        fix_form = self.fix_form
        if fix_form is None and permohonan.status == StatusPermohonan.PERLU_PERBAIKAN:
            fix_form = PerbaikanForm(permohonan=permohonan)
        token = permohonan.token_rahasia
        return {
            "timeline": public_timeline(permohonan),
            "berkas": list(permohonan.berkas.all()),
            "fix_form": fix_form,
            "files_dropped": self.request.method == "POST" and bool(self.request.FILES),
            "result_url": (
                self.route_url("result_download", token)
                if permohonan.status == StatusPermohonan.SELESAI
                and (permohonan.hasil_berkas or permohonan.active_letter)
                else ""
            ),
            "letter": permohonan.active_letter,
            "letter_verification_url": (
                letters.verification_url(permohonan.active_letter.kode_verifikasi)
                if permohonan.active_letter
                else ""
            ),
            "survey_url": (
                self.route_url("survey", token) if permohonan.survey_open else ""
            ),
        }


def result_download(request, page, token):
    """The result of a completed application, only through its private link: the
    letter in force, else the uploaded result document."""
    permohonan = Permohonan.objects.filter(
        token_rahasia=token, status=StatusPermohonan.SELESAI
    ).first()
    if permohonan is None:
        raise Http404
    letter = permohonan.active_letter
    if letter is not None:
        response = private_file_response(
            letter.berkas, "application/pdf", f"surat-{permohonan.kode_lacak}.pdf"
        )
    elif permohonan.hasil_berkas:
        extension = permohonan.hasil_berkas.name.rsplit(".", 1)[-1].lower()
        response = private_file_response(
            permohonan.hasil_berkas,
            permohonan.hasil_content_type,
            f"hasil-{permohonan.kode_lacak}.{extension}",
        )
    else:
        raise Http404
    return private(response, referrer_policy=NO_REFERRER, noindex=True)


def survey(request, page, token):
    """The IKM survey (9 elements, 1-4), once per completed application."""
    permohonan = (
        PermohonanPageMixin().get_queryset().filter(token_rahasia=token).first()
    )
    if permohonan is None:
        raise Http404
    secret_url = route_url(page, "secret_page", token)
    form = None
    status = 200
    already_answered = hasattr(permohonan, "survei_ikm")
    if permohonan.survey_open:
        form = SurveiForm(request.POST if request.method == "POST" else None)
        if form.is_bound:
            if form.is_valid():
                try:
                    services.submit_survey(
                        permohonan,
                        form.scores(),
                        form.cleaned_data["saran"],
                        profile=form.profile(),
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(
                        request, gettext("Terima kasih, survei Anda sudah tercatat.")
                    )
                    return private(
                        HttpResponseRedirect(route_url(page, "survey", token)),
                        referrer_policy=NO_REFERRER,
                    )
            already_answered = Permohonan.objects.filter(
                pk=permohonan.pk, survei_ikm__isnull=False
            ).exists()
            status = 200 if already_answered else 400
            if already_answered:
                form = None
    response = TemplateResponse(
        request,
        "layanan/survey.html",
        page_context(
            page,
            permohonan=permohonan,
            form=form,
            profile_fields=[form[name] for name in SurveiForm.PROFILE] if form else [],
            score_fields=[form[name] for name, _label in UNSUR_IKM] if form else [],
            already_answered=already_answered,
            is_completed=permohonan.status == StatusPermohonan.SELESAI,
            secret_url=secret_url,
        ),
        status=status,
    )
    return private(response, referrer_policy=FORM_REFERRER_POLICY, noindex=True)
