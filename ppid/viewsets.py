"""Admin of KIP information requests: lists, processing, objections, yearly report.

Only PPID roles (Editor PPID, Atasan PPID, Admin Portal) and superusers see requests
at all; for anybody else every list is empty and every request answers 404. Editor
PPID processes requests (extend, decide, deliver); the Atasan PPID answers
objections. Every state change goes through :mod:`ppid.services`.
"""

import django_filters
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import registry as log_registry

from portal.admin_actions import (
    Action,
    ActionSet,
    ProcessingActionView,
    RecordSummary,
)
from portal.admin_columns import DateTimeColumn, DeadlineColumn, StatusColumn
from portal.admin_scoping import ServiceRecordPermissionPolicy
from portal.admin_views import (
    ON_TIME_EXPORT_FIELD,
    ON_TIME_EXPORT_HEADING,
    DueSoonFilterMixin,
    IdentitySearch,
    OverdueFilterMixin,
    ProcessingDetailView,
    ProcessingHistoryView,
    ProcessingIndexView,
    ProcessingViewSet,
    ScopedFileView,
    due_soon_filter,
    overdue_filter,
)
from portal.csv_export import csv_response
from portal.roles import ADMIN_PORTAL, ATASAN_PPID, EDITOR_PPID, group_names
from portal.uploads import download_name
from portal.working_days import to_local_date
from ppid import admin_forms, services
from ppid import report as kip_report
from ppid.choices import KeputusanPermohonan, StatusKeberatan, StatusPermohonan
from ppid.models import Keberatan, PermohonanInformasi

S = StatusPermohonan
PPID_ROLES = frozenset({EDITOR_PPID, ATASAN_PPID, ADMIN_PORTAL})
PERMOHONAN_URL_NAMESPACE = "permohonan_informasi"
KEBERATAN_URL_NAMESPACE = "keberatan_informasi"
REPORT_URL_NAMESPACE = "laporan_kip"
PROCESS_PERMISSION = "ppid.process_permohonan"
ANSWER_PERMISSION = "ppid.answer_keberatan"


# Who sees what.


def is_ppid_staff(user):
    """PPID roles and superusers; nobody else sees information requests."""
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or bool(PPID_ROLES & group_names(user)))
    )


def permohonan_for_user(user):
    """The requests ``user`` may see: all of them for PPID staff, else none."""
    if not is_ppid_staff(user):
        return PermohonanInformasi.objects.none()
    return PermohonanInformasi.objects.all()


def keberatan_for_user(user):
    if not is_ppid_staff(user):
        return Keberatan.objects.none()
    return Keberatan.objects.all()


class PPIDPermissionPolicy(ServiceRecordPermissionPolicy):
    """Model permissions of PPID staff only; never added, copied or edited in the
    admin (what the citizen typed never changes; every change is a processing action),
    and only superusers delete."""

    disabled_actions = frozenset({"add", "copy", "change"})

    def user_has_permission(self, user, action):
        if action in self.disabled_actions or action == "delete":
            return super().user_has_permission(user, action)
        return is_ppid_staff(user) and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.all()


class KeberatanPermissionPolicy(PPIDPermissionPolicy):
    """Objections are answered on their request's page, never edited as records."""


def scoped_permohonan(request):
    return permohonan_for_user(request.user).select_related("keberatan")


def is_overdue(obj, today=None):
    """Whether an open request or objection is past its deadline (no query)."""
    today = today or timezone.localdate()
    is_open = (
        obj.is_open
        if isinstance(obj, PermohonanInformasi)
        else obj.status == StatusKeberatan.DIAJUKAN
    )
    return bool(is_open and obj.batas_waktu and obj.batas_waktu < today)


# The request list.


def _year_choices():
    return [(year, str(year)) for year in kip_report.report_years()]


class PermohonanFilterSet(OverdueFilterMixin, DueSoonFilterMixin, WagtailFilterSet):
    """Filters of the request list; ``terlambat`` uses ``.overdue()``, ``segera``
    the undecided requests due within a few working days."""

    #: The requests whose answer deadline runs (the dashboard panel's rule too).
    running_filter = Q(status__in=[S.DITERIMA, S.DIPERPANJANG])

    status = django_filters.ChoiceFilter(label=_("Status"), choices=S.choices)
    keputusan = django_filters.ChoiceFilter(
        label=_("Keputusan"), choices=KeputusanPermohonan.choices
    )
    terlambat = overdue_filter()
    segera = due_soon_filter()
    tahun = django_filters.TypedChoiceFilter(
        label=_("Tahun diterima"),
        choices=_year_choices,
        coerce=int,
        method="filter_year",
    )

    class Meta:
        model = PermohonanInformasi
        fields = ["status", "keputusan", "terlambat", "segera", "tahun"]

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        start, end = kip_report.year_bounds(int(value))
        return queryset.filter(diterima_pada__gte=start, diterima_pada__lt=end)


class PPIDDeadlineColumn(DeadlineColumn):
    """The current deadline of a request or objection, with "overdue" label and icon."""

    def is_overdue(self, instance, today):
        return is_overdue(instance, today)


def _requested_information(permohonan):
    return Truncator(permohonan.informasi_diminta).chars(80)


#: The requester's identity as PPID staff may search it (the ID number, shown
#: masked, only as the whole number).
REQUESTER_SEARCH = IdentitySearch(
    fields=("nama", "telepon", "email"), exact_fields=("nomor_identitas",)
)


class PermohonanIndexView(ProcessingIndexView):
    def get_scope(self):
        return scoped_permohonan(self.request)

    def get_edit_url(self, instance):
        # Numbers open the processing view; editing is reached from there.
        return None

    def get_identity_search(self):
        # Only PPID staff see requests, and they see who asked.
        return REQUESTER_SEARCH if is_ppid_staff(self.request.user) else None

    def to_row_dict(self, item):
        # From the page's one calendar: no query per exported row.
        item.hari_kerja_keputusan = (
            self.working_day_calendar.between(
                to_local_date(item.diterima_pada), to_local_date(item.diputuskan_pada)
            )
            if item.diputuskan_pada
            else None
        )
        return super().to_row_dict(item)


class ScopedPermohonanMixin:
    def get_queryset(self):
        return scoped_permohonan(self.request)


class PermohonanEditView(ScopedPermohonanMixin, generic.EditView):
    pass


class PermohonanDeleteView(ScopedPermohonanMixin, generic.DeleteView):
    pass


class PermohonanHistoryView(ProcessingHistoryView):
    """The request's audit log, with its objection's: PPID staff read the whole
    story in one place."""

    def get_base_object_queryset(self):
        return scoped_permohonan(self.request)

    def get_base_queryset(self):
        entries = log_registry.get_logs_for_instance(self.object)
        keberatan = _objection(self.object)
        if keberatan is not None:
            entries = entries | log_registry.get_logs_for_instance(keberatan)
        return self._annotate_queryset(entries.latest_by_uuid_and_action())


# The processing actions.


class PPIDActionPolicy:
    """Who may take a processing action: PPID staff holding its permission."""

    def user_has_permission(self, user, permission):
        return is_ppid_staff(user) and user.has_perm(permission)


def _objection(permohonan):
    try:
        return permohonan.keberatan
    except Keberatan.DoesNotExist:
        return None


def _may_extend(permohonan):
    """Once, while the 10 hari kerja run (Pasal 22 ayat 8)."""
    return services.extension_refusal(permohonan) is None


def _objection_pending(permohonan):
    """The request has an objection still awaiting the Atasan PPID's answer."""
    keberatan = _objection(permohonan)
    return keberatan is not None and keberatan.status == StatusKeberatan.DIAJUKAN


ACTIONS = ActionSet(
    [
        Action(
            name="perpanjang",
            label=_("Perpanjang jangka waktu"),
            permission=PROCESS_PERMISSION,
            available_when=_may_extend,
            form_class=admin_forms.ExtendForm,
            success_message=_("Jangka waktu %(code)s diperpanjang 7 hari kerja."),
            run=lambda p, user, data: services.extend(p, user, data["alasan"]),
            # Whether the period may still be extended reads the holiday calendar.
            in_listing=False,
        ),
        Action(
            name="putuskan",
            label=_("Putuskan"),
            permission=PROCESS_PERMISSION,
            available_when=lambda p: p.is_open,
            form_class=admin_forms.DecideForm,
            success_message=_(
                "Keputusan atas %(code)s disimpan dan dikirim kepada pemohon."
            ),
            run=lambda p, user, data: services.decide(
                p,
                user,
                data["keputusan"],
                data["jawaban"],
                dasar_penolakan=data["dasar_penolakan"],
                uji_konsekuensi=data["uji_konsekuensi"],
                dokumen=data["dokumen"],
            ),
            multipart=True,
        ),
        Action(
            name="sampaikan",
            label=_("Catat penyampaian"),
            permission=PROCESS_PERMISSION,
            statuses=frozenset({S.DIPUTUSKAN}),
            form_class=admin_forms.DeliverForm,
            success_message=_("Penyampaian %(code)s dicatat."),
            run=lambda p, user, data: services.deliver(
                p, user, data["disampaikan_pada"]
            ),
        ),
        Action(
            name="ringkasan-publik",
            label=_("Tulis ringkasan publik"),
            permission=PROCESS_PERMISSION,
            available_when=lambda p: True,
            form_class=admin_forms.PublicSummaryForm,
            success_message=_("Ringkasan publik %(code)s disimpan."),
            run=lambda p, user, data: services.set_public_summary(
                p, user, data["ringkasan_publik"], data["alasan"]
            ),
        ),
        Action(
            name="jawab-keberatan",
            label=_("Jawab keberatan"),
            permission=ANSWER_PERMISSION,
            available_when=_objection_pending,
            form_class=admin_forms.AnswerObjectionForm,
            success_message=_(
                "Tanggapan atas keberatan %(code)s disimpan dan dikirim kepada pemohon."
            ),
            run=lambda p, user, data: services.answer_keberatan(
                p.keberatan, user, data["putusan"], data["tanggapan"]
            ),
        ),
    ],
    policy=PPIDActionPolicy(),
)


class PermohonanSummary(RecordSummary):
    """The answer deadline, and the objection's while the atasan PPID has to answer."""

    def deadlines(self, permohonan):
        rows = super().deadlines(permohonan)
        keberatan = _objection(permohonan)
        if keberatan is not None and keberatan.batas_waktu:
            rows.append((_("Batas waktu tanggapan keberatan"), keberatan.batas_waktu))
        return rows


class PermohonanActionView(ProcessingActionView):
    """Runs one processing action on a permohonan through its service."""

    form_object_kwarg = "permohonan"
    unavailable_message = _(
        "Tindakan “%(action)s” tidak tersedia untuk status permohonan ini."
    )

    def get_object(self, request, pk):
        return get_object_or_404(scoped_permohonan(request), pk=pk)


class DokumenJawabanView(ScopedFileView):
    """Serves an answer document to PPID staff; nobody else (private storage)."""

    files_attribute = "dokumen"

    def get_object(self, request, pk):
        return get_object_or_404(permohonan_for_user(request.user), pk=pk)

    def get_filename(self, item):
        return download_name(item.judul, item.content_type)


class PermohonanDetailView(ProcessingDetailView):
    """The request, its requester (ID masked), deadline, timeline and actions."""

    template_name = "ppid/admin/permohonan_detail.html"
    any_permission_required = ["change", "view"]
    context_object_name = "permohonan"
    status_choices = S.choices
    timeline_shows_visibility = False

    def get_scope(self):
        return scoped_permohonan(self.request)

    def get_page_subtitle(self):
        return Truncator(self.object.informasi_diminta).chars(60)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        permohonan = self.object
        keberatan = _objection(permohonan)
        context.update(
            {
                "keberatan": keberatan,
                "overdue": is_overdue(permohonan),
                "deadline": permohonan.deadline,
                "days_late": -permohonan.deadline.working_days_left,
                "objection_overdue": bool(keberatan and is_overdue(keberatan)),
                "dokumen": self.file_links(permohonan.dokumen.all(), "dokumen"),
            }
        )
        return context


class PermohonanViewSet(ProcessingViewSet):
    """Information requests: listed, processed and exported by PPID staff."""

    model = PermohonanInformasi
    name = PERMOHONAN_URL_NAMESPACE
    icon = "help"
    menu_label = _("Permohonan informasi")
    menu_order = 100
    index_view_class = PermohonanIndexView
    inspect_view_class = PermohonanDetailView
    edit_view_class = PermohonanEditView
    delete_view_class = PermohonanDeleteView
    history_view_class = PermohonanHistoryView
    processing_actions = ACTIONS
    action_view_class = PermohonanActionView
    record_summary = PermohonanSummary(_("Batas waktu jawaban"))
    action_brief_template_name = "ppid/admin/includes/permohonan_brief.html"
    filterset_class = PermohonanFilterSet
    list_display = [
        "kode_lacak",
        Column(
            "informasi_diminta",
            label=_("Informasi yang diminta"),
            accessor=_requested_information,
        ),
        DateTimeColumn("diterima_pada", label=_("Diterima"), sort_key="diterima_pada"),
        PPIDDeadlineColumn(
            "batas_waktu", label=_("Batas waktu"), sort_key="batas_waktu"
        ),
        StatusColumn("status", label=_("Status"), sort_key="status"),
        Column("get_keputusan_display", label=_("Keputusan"), sort_key="keputusan"),
    ]
    # The requester's identity: ``PermohonanIndexView.get_identity_search``.
    search_fields = ["kode_lacak", "informasi_diminta", "ringkasan_publik"]
    search_backend_name = None
    ordering = ["-diterima_pada"]
    list_per_page = 50
    # Never the requester's identity in exports.
    list_export = [
        "kode_lacak",
        "informasi_diminta",
        "get_cara_memperoleh_display",
        "get_status_display",
        "diterima_pada",
        "batas_waktu",
        "diperpanjang_pada",
        "get_keputusan_display",
        "get_dasar_penolakan_display",
        "diputuskan_pada",
        "hari_kerja_keputusan",
        ON_TIME_EXPORT_FIELD,
        "disampaikan_pada",
    ]
    export_headings = {
        "kode_lacak": _("Nomor registrasi"),
        "informasi_diminta": _("Informasi yang diminta"),
        "get_cara_memperoleh_display": _("Cara memperoleh"),
        "get_status_display": _("Status"),
        "diterima_pada": _("Diterima"),
        "batas_waktu": _("Batas waktu berjalan"),
        "diperpanjang_pada": _("Diperpanjang"),
        "get_keputusan_display": _("Keputusan"),
        "get_dasar_penolakan_display": _("Dasar pengecualian"),
        "diputuskan_pada": _("Diputuskan"),
        "hari_kerja_keputusan": _("Hari kerja sampai keputusan"),
        ON_TIME_EXPORT_FIELD: ON_TIME_EXPORT_HEADING,
        "disampaikan_pada": _("Disampaikan"),
    }
    export_filename = "permohonan-informasi"
    # The citizen's text is never edited (the policy disables "change"); the public
    # register shows the summary written through the "ringkasan-publik" action.
    form_fields = []

    def get_file_urlpatterns(self):
        return [
            path(
                "dokumen/<int:pk>/<int:file_pk>/",
                DokumenJawabanView.as_view(),
                name="dokumen",
            ),
        ]


# Objections.


class KeberatanFilterSet(DueSoonFilterMixin, WagtailFilterSet):
    #: The objections whose answer deadline runs (the dashboard panel's rule too).
    running_filter = Q(status=StatusKeberatan.DIAJUKAN)

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=StatusKeberatan.choices
    )
    terlambat = overdue_filter()
    segera = due_soon_filter()

    class Meta:
        model = Keberatan
        fields = ["status", "terlambat", "segera"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = Q(
            status=StatusKeberatan.DIAJUKAN, batas_waktu__lt=timezone.localdate()
        )
        return queryset.filter(overdue) if value else queryset.exclude(overdue)


class KeberatanIndexView(ProcessingIndexView):
    def get_scope(self):
        return keberatan_for_user(self.request.user).select_related("permohonan")

    def get_identity_search(self):
        if not is_ppid_staff(self.request.user):
            return None
        return IdentitySearch(
            fields=tuple(f"permohonan__{field}" for field in REQUESTER_SEARCH.fields),
            exact_fields=("permohonan__nomor_identitas",),
        )

    def get_edit_url(self, instance):
        # An objection is read and answered on its request's page.
        return reverse(
            f"{PERMOHONAN_URL_NAMESPACE}:inspect", args=[quote(instance.permohonan_id)]
        )


class KeberatanViewSet(ModelViewSet):
    """Objections, listed for PPID staff; each links to its request's page."""

    model = Keberatan
    name = KEBERATAN_URL_NAMESPACE
    icon = "warning"
    menu_label = _("Keberatan")
    menu_order = 200
    index_view_class = KeberatanIndexView
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = KeberatanFilterSet
    list_display = [
        "permohonan",
        DateTimeColumn("diajukan_pada", label=_("Diajukan"), sort_key="diajukan_pada"),
        PPIDDeadlineColumn(
            "batas_waktu", label=_("Batas waktu"), sort_key="batas_waktu"
        ),
        StatusColumn("status", label=_("Status"), sort_key="status"),
        Column("get_putusan_display", label=_("Putusan"), sort_key="putusan"),
    ]
    search_fields = [
        "permohonan__kode_lacak",
        "permohonan__informasi_diminta",
        "permohonan__ringkasan_publik",
    ]
    search_backend_name = None
    ordering = ["-diajukan_pada"]
    list_per_page = 50
    # The objection the citizen typed is never edited (the policy disables "change").
    form_fields = []


# The yearly report.


class ReportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_ppid_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_report(self):
        form = kip_report.YearForm(self.request.GET or None)
        return form, kip_report.yearly_report(form.year())


class YearlyReportView(ReportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The Pasal 56 report of a chosen year, with CSV and PDF downloads."""

    template_name = "ppid/admin/yearly_report.html"
    page_title = _("Laporan tahunan layanan informasi")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, report = self.get_report()
        query = f"?tahun={report.year}"
        context.update(
            {
                "form": form,
                "report": report,
                "csv_url": reverse(f"{REPORT_URL_NAMESPACE}:csv") + query,
                "pdf_url": reverse(f"{REPORT_URL_NAMESPACE}:pdf") + query,
            }
        )
        return context


class YearlyReportDownloadView(ReportPermissionMixin, View):
    http_method_names = ["get"]
    fmt = "csv"

    def get(self, request):
        _form, report = self.get_report()
        filename = f"laporan-layanan-informasi-{report.year}.{self.fmt}"
        if self.fmt != "pdf":
            return csv_response(kip_report.report_csv(report), filename)
        response = HttpResponse(
            kip_report.report_pdf(report), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class PPIDMenuItem(MenuItem):
    def is_shown(self, request):
        return is_ppid_staff(request.user)


class YearlyReportViewSet(ViewSet):
    """The yearly report of Perki 1/2021 Pasal 56, for PPID staff."""

    name = REPORT_URL_NAMESPACE
    icon = "table"
    menu_label = _("Laporan tahunan")
    menu_order = 300
    add_to_admin_menu = False

    @property
    def menu_item_class(self):
        return PPIDMenuItem

    def get_urlpatterns(self):
        return [
            path("", YearlyReportView.as_view(), name="index"),
            path("csv/", YearlyReportDownloadView.as_view(fmt="csv"), name="csv"),
            path("pdf/", YearlyReportDownloadView.as_view(fmt="pdf"), name="pdf"),
        ]


class LayananInformasiViewSetGroup(ViewSetGroup):
    """The "Layanan Informasi (PPID)" admin menu."""

    menu_label = _("Layanan Informasi (PPID)")
    menu_icon = "help"
    menu_order = 260
    items = [PermohonanViewSet, KeberatanViewSet, YearlyReportViewSet]
