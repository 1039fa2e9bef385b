"""Public e-laga views, hosted by the routes of :class:`~pengaduan.models.ELagaIndexPage`.

Every view that shows a form, a secret token or tracking data answers
``Cache-Control: private, no-cache, no-store``: ``BasePage.serve`` adds public caching
for anonymous visitors after the view returns, so :func:`private` re-applies the
private headers when the response is rendered.
"""

import re
import secrets
from http import HTTPStatus

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pengaduan import services
from pengaduan.choices import JenisCatatan, StatusLaporan
from pengaduan.forms import LaporanForm
from pengaduan.location import LANGKAT_BOUNDS, public_point
from pengaduan.models import (
    PUBLISHABLE_STATUSES,
    VERIFICATION_DAYS,
    CatatanLaporan,
    KategoriLaporan,
    LampiranLaporan,
    Laporan,
)
from pengaduan.statistics import (
    CHART_HEIGHT,
    COLUMN_WIDTH_PERCENT,
    PeriodForm,
    compute_statistics,
    month_columns,
    statistics_csv,
)
from portal.csv_export import csv_response
from portal.forms import OptionsSelect, PublicFormMixin, group_desa_choices
from portal.http import NO_REFERRER, private, private_redirect
from portal.models import Kecamatan
from portal.pagination import paginate
from portal.ratelimit import (
    RateLimit,
    client_address,
    mark_limited,
    refuse_form,
    submit_limit,
    wait_in_minutes,
)
from portal.routes import page_context, route_url
from portal.storage import private_file_response
from portal.tracking import normalise_tracking_code
from portal.tracking_views import ConfirmationView, SecretPageView, TrackView
from portal.uploads import download_name
from portal.validators import validation_messages

PUBLISHED_PER_PAGE = 20
RESOLVED_STATUSES = (StatusLaporan.SELESAI, StatusLaporan.DITUTUP)


def _labelled(entries):
    labels = dict(StatusLaporan.choices)
    for entry in entries:
        entry.status_label = labels.get(entry.status_to, entry.status_to)
    return entries


def public_timeline(laporan):
    """Public entries a reader may see: status changes and answers, never authors,
    internal notes or the reporter's own additions."""
    return _labelled(
        [
            entry
            for entry in laporan.linimasa.all()
            if entry.is_public and entry.jenis != JenisCatatan.INFO_PELAPOR
        ]
    )


def deadline_rows(laporan):
    """(label, DeadlineStatus, working days overdue) for the deadlines table."""
    return [
        (label, status, max(0, -status.working_days_left))
        for label, status in laporan.deadlines()
    ]


# ---------- Submission form ----------


def _group_desa_choices(form):
    """The shared kecamatan→desa picker and the category guidance hook."""
    group_desa_choices(form)
    form.fields["kategori"].widget.attrs["data-kategori-select"] = ""


FIELDSETS = (
    (_("Laporan"), ("jenis", "kategori", "judul", "isi")),
    (
        _("Lokasi"),
        ("kecamatan", "desa", "alamat", "latitude", "longitude", "tanggal_kejadian"),
    ),
    (_("Identitas dan privasi"), ("nama_pelapor", "email", "telepon", "nik")),
    (_("Lampiran"), ("lampiran",)),
)
PRIVACY_FIELDS = ("anonim", "rahasia")
#: Langkat's box for the map script ("south,west,north,east"): the map opens on it
#: and refuses pins outside, as the form does.
MAP_BOUNDS = ",".join(
    str(LANGKAT_BOUNDS[side]) for side in ("south", "west", "north", "east")
)


def submission_form(request, page):
    """The report form; a valid report is submitted and the reporter redirected."""
    limited = None
    if request.method == "POST":
        form = LaporanForm(request.POST, request.FILES)
        decision = submit_limit("pengaduan").hit(request)
        if not decision.allowed:
            limited = decision
            refuse_form(form, decision)
        elif form.is_valid():
            try:
                laporan = form.save_report()
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return private_redirect(
                    route_url(page, "confirmation", laporan.token_rahasia),
                    referrer_policy=NO_REFERRER,
                )
        files_dropped = bool(request.FILES)
    else:
        form = LaporanForm()
        files_dropped = False
    _group_desa_choices(form)
    kategori_list = KategoriLaporan.objects.filter(aktif=True)
    response = TemplateResponse(
        request,
        "pengaduan/e_laga_index_page.html",
        page_context(
            page,
            form=form,
            fieldsets=[
                (legend, [form[name] for name in names]) for legend, names in FIELDSETS
            ],
            privacy_fields=[form[name] for name in PRIVACY_FIELDS],
            kategori_list=kategori_list,
            files_dropped=files_dropped,
            verification_days=VERIFICATION_DAYS,
            map_bounds=MAP_BOUNDS,
        ),
        status=200,
    )
    if limited is not None:
        mark_limited(response, limited)
    return private(response)


# ---------- Confirmation, tracking, secret link ----------


class LaporanPageMixin:
    """The reporter's pages show a laporan with its place, office and timeline."""

    model = Laporan
    context_object_name = "laporan"

    def get_queryset(self):
        return Laporan.objects.select_related(
            "kategori", "kecamatan", "desa", "perangkat_daerah"
        ).prefetch_related(
            Prefetch("linimasa", queryset=CatatanLaporan.objects.order_by("created_at"))
        )


class LaporanConfirmationView(LaporanPageMixin, ConfirmationView):
    template_name = "pengaduan/confirmation.html"
    receipt_title = _("Tanda Terima Laporan e-laga")

    def get_receipt_details(self, laporan):
        return [
            (gettext("Jenis laporan"), laporan.get_jenis_display()),
            (gettext("Kategori"), laporan.kategori.nama),
            (gettext("Kecamatan"), laporan.kecamatan.nama),
        ]

    def get_next_steps_context(self, laporan):
        return {
            "verification": laporan.verification_deadline,
            "verification_days": VERIFICATION_DAYS,
        }


def _status_context(laporan):
    return {
        "laporan": laporan,
        "deadlines": deadline_rows(laporan),
        "timeline": public_timeline(laporan),
    }


class LaporanTrackView(LaporanPageMixin, TrackView):
    """Tracking by code: status, deadlines and public answers, nothing else."""

    template_name = "pengaduan/track.html"

    def get_status_context(self, laporan):
        return _status_context(laporan)


class InformationForm(PublicFormMixin, forms.Form):
    pesan = forms.CharField(
        label=_("Informasi tambahan"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class RatingForm(PublicFormMixin, forms.Form):
    penilaian = forms.TypedChoiceField(
        label=_("Nilai"),
        coerce=int,
        choices=[(score, str(score)) for score in range(5, 0, -1)],
        widget=forms.RadioSelect,
        help_text=_("5 = sangat puas, 1 = sangat tidak puas."),
    )
    komentar = forms.CharField(
        label=_("Komentar (tidak wajib)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReopenForm(PublicFormMixin, forms.Form):
    alasan = forms.CharField(
        label=_("Alasan membuka kembali"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Jelaskan apa yang belum selesai."),
    )


SECRET_ACTIONS = {
    "informasi": InformationForm,
    "penilaian": RatingForm,
    "buka-kembali": ReopenForm,
}


def _apply_action(laporan, action, form):
    """Run one reporter action through the service; returns the success message."""
    data = form.cleaned_data
    if action == "informasi":
        services.add_reporter_information(laporan, data["pesan"])
        return gettext("Informasi tambahan Anda sudah kami terima.")
    if action == "penilaian":
        services.rate(laporan, data["penilaian"], data["komentar"])
        return gettext("Terima kasih atas penilaian Anda.")
    services.reopen(laporan, data["alasan"])
    return gettext("Laporan dibuka kembali dan diteruskan lagi kepada OPD.")


class LaporanSecretPageView(LaporanPageMixin, SecretPageView):
    """The reporter's own page: status, own text and files, add info, rate, reopen."""

    template_name = "pengaduan/secret_page.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.forms = {
            action: form_class(prefix=action)
            for action, form_class in SECRET_ACTIONS.items()
        }

    def serve_file(self, request):
        if "lampiran" not in request.GET:
            return None
        return _serve_attachment(
            self.submission, request.GET["lampiran"], images_only=False
        )

    def bind_action_form(self, request):
        action = request.POST.get("aksi", "")
        form_class = SECRET_ACTIONS.get(action)
        if form_class is None:
            return None
        self.forms[action] = form_class(request.POST, prefix=action)
        return self.forms[action]

    def handle_post(self, request):
        form = self.bind_action_form(request)
        if form is None:
            self.action_errors.append(gettext("Tindakan tidak dikenal."))
            return None
        if not form.is_valid():
            return None
        try:
            return _apply_action(self.submission, request.POST["aksi"], form)
        except ValidationError as error:
            self.action_errors.extend(validation_messages(error))
            return None

    def get_page_context(self):
        laporan = self.submission
        return {
            **_status_context(laporan),
            "own_timeline": _labelled(
                [entry for entry in laporan.linimasa.all() if entry.is_public]
            ),
            "attachments": list(laporan.lampiran.all()),
            "information_form": self.forms["informasi"],
            "rating_form": self.forms["penilaian"],
            "reopen_form": self.forms["buka-kembali"],
            "can_add_information": laporan.is_open,
            "can_rate": laporan.status in RESOLVED_STATUSES,
            "can_reopen": services.can_reopen(laporan),
        }


# ---------- Published reports ----------


class PublishedFilterForm(forms.Form):
    """The GET filters of the published list; invalid values are reported."""

    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        required=False,
        widget=OptionsSelect,
        queryset=KategoriLaporan.objects.filter(selalu_rahasia=False),
        to_field_name="slug",
        empty_label=_("Semua kategori"),
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        required=False,
        widget=OptionsSelect,
        queryset=Kecamatan.objects.all(),
        to_field_name="slug",
        empty_label=_("Semua kecamatan"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        widget=OptionsSelect,
        choices=[
            ("", _("Semua status")),
            *(
                (value, label)
                for value, label in StatusLaporan.choices
                if value in PUBLISHABLE_STATUSES
            ),
        ],
    )

    def filter(self, queryset):
        """``queryset`` narrowed by the filters, or unfiltered if any is invalid."""
        if not self.is_bound or not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["kategori"]:
            queryset = queryset.filter(kategori=data["kategori"])
        if data["kecamatan"]:
            queryset = queryset.filter(kecamatan=data["kecamatan"])
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        return queryset


def published_reports():
    """Published reports with only what public pages show: no identity field but
    the reporter's name, read only for the masker to take it out of the text."""
    return (
        Laporan.objects.published()
        .select_related("kategori", "kecamatan", "desa", "perangkat_daerah")
        .only(
            "kode_lacak",
            "jenis",
            "judul",
            "isi",
            "status",
            "diterima_pada",
            "rahasia",
            "disembunyikan",
            "nama_pelapor",
            "kategori__nama",
            "kategori__slug",
            "kategori__selalu_rahasia",
            "kecamatan__nama",
            "kecamatan__slug",
            "desa__nama",
            "perangkat_daerah__nama",
            "perangkat_daerah__singkatan",
            "latitude",
            "longitude",
            "jumlah_dukungan",
        )
    )


def published_list(request, page):
    """Published reports, filterable and paginated, without any identity."""
    filter_keys = {"kategori", "kecamatan", "status"}
    form = PublishedFilterForm(request.GET if filter_keys & set(request.GET) else None)
    reports = form.filter(published_reports()).order_by("-diterima_pada", "-pk")
    return TemplateResponse(
        request,
        "pengaduan/published_list.html",
        page_context(
            page,
            form=form,
            reports=paginate(request, reports, PUBLISHED_PER_PAGE),
            is_filtered=form.is_bound,
            list_url=route_url(page, "published_list"),
        ),
    )


def _serve_attachment(laporan, attachment_id, images_only=True):
    """One attachment of ``laporan``: images inline, PDFs (if allowed) as downloads.

    Public pages pass ``images_only``; anything else is not found."""
    try:
        attachment_id = int(attachment_id)
    except (TypeError, ValueError):
        raise Http404 from None
    attachment = get_object_or_404(LampiranLaporan, pk=attachment_id, laporan=laporan)
    if images_only and not attachment.is_image:
        raise Http404
    # The name it was sent with only on the reporter's own page: it can carry
    # their identity.
    name = attachment.label(named=not images_only)
    return private_file_response(
        attachment.berkas,
        attachment.content_type,
        download_name(name, attachment.content_type),
        inline=attachment.is_image,
    )


class FlagForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan (tidak wajib)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(),
    )


#: The browser cookie that makes one support per browser ("Dukung laporan ini").
SUPPORT_COOKIE = "elaga_pendukung"
SUPPORT_COOKIE_MAX_AGE = 365 * 24 * 60 * 60
SUPPORT_ACTION = "dukung"
BROWSER_TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{32}")
#: Supports per address share the submission rate but not its counter.
support_limit = RateLimit("pengaduan_support", "PENGADUAN_API_SUBMIT_RATE")


def _browser_token(request):
    """This browser's supporter token from its cookie, or a new one."""
    token = request.COOKIES.get(SUPPORT_COOKIE, "")
    if BROWSER_TOKEN_PATTERN.fullmatch(token):
        return token
    return secrets.token_urlsafe(24)


def _support(request, laporan, support_url):
    """Record a support ("Dukung laporan ini"): one per browser and per address,
    rate-limited per address.

    The form's script (``Accept: application/json``) gets the new count as JSON;
    a plain form POST is redirected to the support panel with a message.
    """
    token = _browser_token(request)
    decision = support_limit.hit(request)
    status = HTTPStatus.OK
    supported = False
    if not decision.allowed:
        status = HTTPStatus.TOO_MANY_REQUESTS
        message = gettext(
            "Terlalu banyak dukungan dari jaringan Anda. Silakan coba lagi dalam "
            "%(minutes)s menit."
        ) % {"minutes": wait_in_minutes(decision.wait)}
    elif services.support(laporan, token, client_address(request)):
        supported = True
        message = gettext("Terima kasih. Dukungan Anda untuk laporan ini tercatat.")
    else:
        message = gettext("Anda sudah mendukung laporan ini.")
    if request.headers.get("Accept", "").startswith("application/json"):
        response = private(
            JsonResponse(
                {
                    "didukung": supported,
                    "jumlah_dukungan": laporan.jumlah_dukungan,
                    "pesan": message,
                },
                status=status,
            )
        )
    else:
        level = messages.SUCCESS if supported else messages.WARNING
        messages.add_message(request, level, message)
        response = private_redirect(support_url)
    response.set_cookie(
        SUPPORT_COOKIE,
        token,
        max_age=SUPPORT_COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def published_detail(request, page, kode):
    """One published report: text, place, public answers, images; readers may
    support it ("Dukung laporan ini") or flag it."""
    laporan = (
        published_reports()
        .prefetch_related(
            Prefetch(
                "linimasa", queryset=CatatanLaporan.objects.order_by("created_at")
            ),
            "lampiran",
        )
        .filter(kode_lacak=normalise_tracking_code(kode))
        .first()
    )
    if laporan is None:
        raise Http404
    detail_url = route_url(page, "published_detail", laporan.kode_lacak)
    if "lampiran" in request.GET:
        return _serve_attachment(laporan, request.GET["lampiran"])
    support_url = f"{detail_url}?{SUPPORT_ACTION}=1#dukung"
    if request.method == "POST" and request.POST.get("aksi") == SUPPORT_ACTION:
        return _support(request, laporan, support_url)
    confirm_support = SUPPORT_ACTION in request.GET
    flag_form = FlagForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if flag_form.is_valid():
            services.flag(
                laporan,
                request.META.get("REMOTE_ADDR", ""),
                flag_form.cleaned_data["alasan"],
            )
            messages.success(
                request,
                gettext(
                    "Terima kasih. Moderator akan meninjau laporan yang Anda tandai."
                ),
            )
            list_url = route_url(page, "published_list")
            # The third flag hides the report: go back to the list then.
            laporan.refresh_from_db(fields=["disembunyikan"])
            return private_redirect(list_url if laporan.disembunyikan else detail_url)
    confirm_flag = "tandai" in request.GET or request.method == "POST"
    response = TemplateResponse(
        request,
        "pengaduan/published_detail.html",
        page_context(
            page,
            laporan=laporan,
            timeline=public_timeline(laporan),
            images=[item for item in laporan.lampiran.all() if item.is_image],
            detail_url=detail_url,
            list_url=route_url(page, "published_list"),
            flag_form=flag_form,
            confirm_flag=confirm_flag,
            point=public_point(laporan),
            support_url=support_url,
            confirm_support=confirm_support,
            support_action=SUPPORT_ACTION,
            already_supported=confirm_support
            and services.has_supported(
                laporan, request.COOKIES.get(SUPPORT_COOKIE), client_address(request)
            ),
        ),
    )
    # The flag and support forms carry a CSRF token and messages are personal: keep
    # those private.
    if confirm_flag or confirm_support or len(messages.get_messages(request)):
        return private(response)
    return response


# ---------- Statistics ----------


def statistics(request, page):
    """Received, resolved, on-time % and time to first answer, as charts, tables, CSV."""
    form = PeriodForm(request.GET if {"tahun", "bulan"} & set(request.GET) else None)
    period = form.period()
    stats = compute_statistics(**period)
    if request.GET.get("format") == "csv":
        return csv_response(
            statistics_csv(stats), f"statistik-e-laga-{stats.period_slug}.csv"
        )
    csv_query = request.GET.copy()
    csv_query["format"] = "csv"
    return TemplateResponse(
        request,
        "pengaduan/statistics.html",
        page_context(
            page,
            form=form,
            stats=stats,
            columns=month_columns(stats),
            chart_height=CHART_HEIGHT,
            column_width=COLUMN_WIDTH_PERCENT,
            csv_url="?" + csv_query.urlencode(),
        ),
    )
