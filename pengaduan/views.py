"""Public e-laga views, hosted by the routes of :class:`~pengaduan.models.ELagaIndexPage`.

Every view that shows a form, a secret token or tracking data answers
``Cache-Control: private, no-cache, no-store``: ``BasePage.serve`` adds public caching
for anonymous visitors after the view returns, so :func:`private` re-applies the
private headers when the response is rendered.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pengaduan import services
from pengaduan.choices import JenisCatatan, StatusLaporan
from pengaduan.forms import LaporanForm
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
from portal.http import NO_REFERRER, private, private_redirect
from portal.models import Desa, Kecamatan
from portal.pagination import paginate
from portal.ratelimit import mark_limited, refuse_form, submit_limit
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


class DesaSelect(forms.Select):
    """A desa select grouped by kecamatan; each option names its kecamatan's slug so
    the script can narrow the list to the chosen kecamatan."""

    def __init__(self, *args, kecamatan_slugs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kecamatan_slugs = kecamatan_slugs or {}

    def create_option(self, name, value, label, selected, index, **kwargs):
        option = super().create_option(name, value, label, selected, index, **kwargs)
        slug = self.kecamatan_slugs.get(str(value))
        if slug:
            option["attrs"]["data-kecamatan"] = slug
        return option


def _group_desa_choices(form):
    """Give the desa field ``<optgroup>``s per kecamatan (works without JavaScript)."""
    field = form.fields["desa"]
    groups, slugs = {}, {}
    for desa in Desa.objects.select_related("kecamatan").order_by(
        "kecamatan__nama", "nama"
    ):
        groups.setdefault(desa.kecamatan.nama, []).append((str(desa.pk), desa.nama))
        slugs[str(desa.pk)] = desa.kecamatan.slug
    widget = DesaSelect(
        attrs={**field.widget.attrs, "data-desa-select": ""},
        kecamatan_slugs=slugs,
    )
    widget.choices = [("", field.empty_label), *groups.items()]
    field.widget = widget
    form.fields["kecamatan"].widget.attrs["data-kecamatan-select"] = ""
    form.fields["kategori"].widget.attrs["data-kategori-select"] = ""


FIELDSETS = (
    (_("Laporan"), ("jenis", "kategori", "judul", "isi")),
    (_("Lokasi"), ("kecamatan", "desa", "alamat", "tanggal_kejadian")),
    (_("Identitas dan privasi"), ("nama_pelapor", "email", "telepon", "nik")),
    (_("Lampiran"), ("lampiran",)),
)
PRIVACY_FIELDS = ("anonim", "rahasia")


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


class InformationForm(forms.Form):
    pesan = forms.CharField(
        label=_("Informasi tambahan"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class RatingForm(forms.Form):
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


class ReopenForm(forms.Form):
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
        queryset=KategoriLaporan.objects.filter(selalu_rahasia=False),
        to_field_name="slug",
        empty_label=_("Semua kategori"),
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        required=False,
        queryset=Kecamatan.objects.all(),
        to_field_name="slug",
        empty_label=_("Semua kecamatan"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
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


def published_detail(request, page, kode):
    """One published report: text, public answers, images; readers may flag it."""
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
        ),
    )
    # The flag form carries a CSRF token and messages are personal: keep those private.
    if confirm_flag or len(messages.get_messages(request)):
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
