"""Admin of e-laga: the report list, the processing view, categories and templates.

Every view that shows or changes a report starts from
``Laporan.objects.for_user(request.user)``: moderators see every report, OPD officers
only those dispatched to their OPD, anybody else none. A report outside the user's
scope answers 404, whichever URL is used.
"""

import django_filters
from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from pengaduan import admin_forms, services
from pengaduan.choices import StatusLaporan
from pengaduan.models import KategoriLaporan, Laporan, TemplateTanggapan
from pengaduan.models.laporan import OPEN_STATUSES
from pengaduan.open311.viewsets import KunciOpen311ViewSet
from pengaduan.permissions import can_see_identity, is_moderator, officer_opd_id
from portal.admin_actions import (
    Action,
    ActionSet,
    ProcessingActionView,
    RecordSummary,
)
from portal.admin_columns import DateTimeColumn, DeadlineColumn, StatusColumn
from portal.admin_scoping import (
    ScopedListingObjectMixin,
    ScopedModelPermissionPolicy,
    ScopedObjectMixin,
)
from portal.admin_views import (
    ON_TIME_EXPORT_FIELD,
    ON_TIME_EXPORT_HEADING,
    DueSoonFilterMixin,
    IdentitySearch,
    OverdueFilterMixin,
    ProcessingDetailView,
    ProcessingIndexView,
    ProcessingViewSet,
    ScopedFileView,
    due_soon_filter,
    overdue_filter,
)
from portal.models import Kecamatan, PerangkatDaerah
from portal.uploads import download_name

S = StatusLaporan

LAPORAN_URL_NAMESPACE = "laporan"


class LaporanPermissionPolicy(ScopedModelPermissionPolicy):
    """Model permissions within the user's scope; reports are never added or copied
    in the admin and only superusers delete them."""

    def scope(self, user):
        """The reports ``user`` may see, with what lists and details show."""
        return Laporan.objects.for_user(user).select_related(
            "kategori", "kecamatan", "desa", "perangkat_daerah"
        )


def scoped_laporan(request):
    """The reports ``request.user`` may see, with what lists and details show."""
    return LaporanPermissionPolicy(Laporan).scope(request.user)


def is_overdue(laporan, today=None):
    """Whether an open report is past its current deadline (no query)."""
    today = today or timezone.localdate()
    return bool(laporan.is_open and laporan.batas_waktu and laporan.batas_waktu < today)


# The list.


class LaporanFilterSet(OverdueFilterMixin, DueSoonFilterMixin, WagtailFilterSet):
    """Filters of the report list; ``terlambat`` uses ``LaporanQuerySet.overdue()``,
    ``segera`` the open reports due within a few working days."""

    #: The reports whose deadline runs (the dashboard panel's rule too).
    running_filter = Q(status__in=OPEN_STATUSES)

    status = django_filters.ChoiceFilter(label=_("Status"), choices=S.choices)
    kategori = django_filters.ModelChoiceFilter(
        label=_("Kategori"), queryset=KategoriLaporan.objects.all()
    )
    perangkat_daerah = django_filters.ModelChoiceFilter(
        label=_("OPD tujuan"), queryset=PerangkatDaerah.objects.order_by("nama")
    )
    kecamatan = django_filters.ModelChoiceFilter(
        label=_("Kecamatan"), queryset=Kecamatan.objects.order_by("nama")
    )
    terlambat = overdue_filter()
    segera = due_soon_filter()

    class Meta:
        model = Laporan
        fields = [
            "status",
            "kategori",
            "perangkat_daerah",
            "kecamatan",
            "terlambat",
            "segera",
        ]


#: The reporter's identity as the list's search may match it (never the NIK but
#: for moderators, and then only the whole number).
REPORTER_SEARCH_FIELDS = ("nama_pelapor", "telepon", "email")


class LaporanIndexView(ProcessingIndexView):
    def get_edit_url(self, instance):
        # Titles open the processing view; editing is reached from there.
        return None

    def get_identity_search(self):
        """Moderators search every reporter; an OPD officer only the reporters who
        did not choose to be anonymous (the identity they may see)."""
        user = self.request.user
        if is_moderator(user):
            return IdentitySearch(fields=REPORTER_SEARCH_FIELDS, exact_fields=("nik",))
        if officer_opd_id(user) is not None:
            return IdentitySearch(
                fields=REPORTER_SEARCH_FIELDS, records=Q(anonim=False)
            )
        return None


#: What the citizen submitted and chose: never changed in the admin (DESIGN §4.5).
#: Staff may only make a report confidential, through the "Jadikan rahasia" action.
CITIZEN_FIELDS = frozenset({"judul", "isi", "alamat", "anonim", "rahasia"})


class LaporanEditView(ScopedObjectMixin, generic.EditView):
    """Edits only the report's classification; never the citizen's text or privacy.

    The form is built from ``LaporanViewSet.form_fields``, so posted citizen fields
    are ignored; this check keeps a later change of that list from reopening them.
    """

    def get_form_class(self):
        form_class = super().get_form_class()
        editable = set(form_class.base_fields)
        if editable & CITIZEN_FIELDS:
            raise ImproperlyConfigured(
                f"The laporan edit form must not hold {sorted(editable & CITIZEN_FIELDS)}."
            )
        return form_class


class LaporanDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class LaporanUsageView(ScopedListingObjectMixin, UsageView):
    pass


# The processing actions.


def _decide_flags(laporan, user, data):
    keep_public = data["keputusan"] == admin_forms.FlagDecisionForm.TAMPILKAN
    return services.decide_flags(laporan, user, keep_public)


def _make_confidential(laporan, user, data):
    return services.make_confidential(laporan, user, data["alasan"])


def _not_confidential(laporan):
    """Whether the report may still be made confidential (never the other way)."""
    return not laporan.rahasia


def _has_flags(laporan):
    """Whether readers flagged the report or it is hidden awaiting a decision."""
    return laporan.disembunyikan or laporan.jumlah_tanda > 0


ACTIONS = ActionSet(
    [
        Action(
            name="verifikasi-disposisi",
            label=_("Verifikasi dan disposisikan"),
            permission="process",
            statuses=frozenset({S.BARU}),
            form_class=admin_forms.DispatchForm,
            success_message=_(
                "Laporan %(code)s telah diverifikasi dan didisposisikan."
            ),
            run=lambda laporan, user, data: services.verify_and_dispatch(
                laporan, user, data["perangkat_daerah"], data["catatan"]
            ),
        ),
        Action(
            name="verifikasi",
            label=_("Verifikasi"),
            permission="process",
            statuses=frozenset({S.BARU}),
            form_class=admin_forms.VerifyForm,
            success_message=_("Laporan %(code)s telah diverifikasi."),
            run=lambda laporan, user, data: services.verify(
                laporan, user, data["catatan"]
            ),
        ),
        Action(
            name="tolak",
            label=_("Tolak"),
            permission="process",
            statuses=frozenset({S.BARU, S.DIVERIFIKASI}),
            form_class=admin_forms.RejectForm,
            success_message=_("Laporan %(code)s ditolak."),
            run=lambda laporan, user, data: services.reject(
                laporan, user, data["alasan"]
            ),
        ),
        Action(
            name="disposisi",
            label=_("Disposisikan ke OPD"),
            permission="process",
            statuses=frozenset(
                {S.DIVERIFIKASI, S.DIDISPOSISIKAN, S.DITINDAKLANJUTI, S.SELESAI}
            ),
            form_class=admin_forms.DispatchForm,
            success_message=_("Laporan %(code)s didisposisikan."),
            run=lambda laporan, user, data: services.dispatch(
                laporan, user, data["perangkat_daerah"], data["catatan"]
            ),
        ),
        Action(
            name="tindak-lanjut",
            label=_("Tulis tindak lanjut"),
            permission="followup",
            statuses=frozenset({S.DIDISPOSISIKAN, S.DITINDAKLANJUTI}),
            form_class=admin_forms.FollowupForm,
            success_message=_("Tindak lanjut untuk %(code)s disimpan."),
            run=lambda laporan, user, data: services.add_followup(
                laporan, user, data["pesan"], public=data["publik"]
            ),
        ),
        Action(
            name="selesaikan",
            label=_("Selesaikan"),
            permission="followup",
            statuses=frozenset({S.DIDISPOSISIKAN, S.DITINDAKLANJUTI}),
            form_class=admin_forms.ResolveForm,
            success_message=_("Laporan %(code)s diselesaikan."),
            run=lambda laporan, user, data: services.resolve(
                laporan, user, data["pesan"]
            ),
        ),
        Action(
            name="tutup",
            label=_("Tutup"),
            permission="process",
            statuses=frozenset({S.SELESAI}),
            form_class=admin_forms.CloseForm,
            success_message=_("Laporan %(code)s ditutup."),
            run=lambda laporan, user, data: services.close(
                laporan, user, data["catatan"]
            ),
        ),
        Action(
            name="tanda-pembaca",
            label=_("Putuskan tanda pembaca"),
            permission="process",
            available_when=_has_flags,
            form_class=admin_forms.FlagDecisionForm,
            success_message=_("Keputusan atas tanda pembaca %(code)s disimpan."),
            run=_decide_flags,
        ),
        Action(
            name="jadikan-rahasia",
            label=_("Jadikan rahasia"),
            permission="process",
            available_when=_not_confidential,
            form_class=admin_forms.MakeConfidentialForm,
            success_message=_(
                "Laporan %(code)s dijadikan rahasia dan tidak lagi dipublikasikan."
            ),
            run=_make_confidential,
            destructive=True,
        ),
    ],
    policy=LaporanPermissionPolicy(Laporan),
)


class LaporanActionView(ProcessingActionView):
    """Runs one processing action on a laporan through its service."""

    form_object_kwarg = "laporan"
    unavailable_message = _(
        "Tindakan “%(action)s” tidak tersedia untuk status laporan ini."
    )

    def get_object(self, request, pk):
        return get_object_or_404(scoped_laporan(request), pk=pk)


class LampiranView(ScopedFileView):
    """Serves an attachment to officers who may see its report; nobody else."""

    files_attribute = "lampiran"

    def get_object(self, request, pk):
        return get_object_or_404(Laporan.objects.for_user(request.user), pk=pk)

    def get_filename(self, item):
        """The name it was sent with, for users who may see the reporter's identity
        (a file name can carry it); else "Lampiran 2 (PDF)"."""
        numbers = list(self.object.lampiran.values_list("pk", flat=True))
        label = item.label(
            numbers.index(item.pk) + 1,
            named=can_see_identity(self.request.user, self.object),
        )
        return download_name(label, item.content_type)

    def is_inline(self, item):
        return item.is_image


def named_attachments(laporan, user):
    """The report's attachments, each with ``display_name``: the name it was sent
    with for users who may see the reporter's identity, else "Lampiran 2 (PDF)"."""
    named = can_see_identity(user, laporan)
    attachments = list(laporan.lampiran.all())
    for number, attachment in enumerate(attachments, start=1):
        attachment.display_name = attachment.label(number, named=named)
    return attachments


class LaporanDetailView(ProcessingDetailView):
    """The report with its timeline, deadlines, identity (when allowed) and actions."""

    template_name = "pengaduan/admin/laporan_detail.html"
    any_permission_required = ["change", "view"]
    context_object_name = "laporan"
    status_choices = S.choices
    citizen_label = _("Pelapor")

    def get_scope(self):
        return scoped_laporan(self.request)

    def get_page_subtitle(self):
        return self.object.judul

    def get_note_label(self, entry):
        return entry.get_jenis_display()

    def is_citizen_entry(self, entry):
        return entry.jenis == "info_pelapor"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        laporan = self.object
        user = self.request.user
        context.update(
            {
                "overdue": is_overdue(laporan),
                "deadlines": [
                    (label, deadline, -deadline.working_days_left)
                    for label, deadline in laporan.deadlines()
                ],
                "lampiran": self.file_links(
                    named_attachments(laporan, user), "lampiran"
                ),
                "show_identity": can_see_identity(user, laporan),
                "show_nik": is_moderator(user),
            }
        )
        return context


class LaporanViewSet(ProcessingViewSet):
    """Citizens' reports: listed, processed and exported within the user's scope."""

    model = Laporan
    name = LAPORAN_URL_NAMESPACE
    icon = "warning"
    menu_label = _("Laporan")
    # The moderators' daily work: first in the e-laga menu.
    menu_order = 0
    index_view_class = LaporanIndexView
    inspect_view_class = LaporanDetailView
    edit_view_class = LaporanEditView
    delete_view_class = LaporanDeleteView
    usage_view_class = LaporanUsageView
    processing_actions = ACTIONS
    action_view_class = LaporanActionView
    record_summary = RecordSummary(_("Batas waktu tahap ini"))
    action_brief_template_name = "pengaduan/admin/includes/laporan_brief.html"
    filterset_class = LaporanFilterSet
    list_display = [
        "kode_lacak",
        "judul",
        "kategori",
        "kecamatan",
        Column("perangkat_daerah", label=_("OPD"), sort_key="perangkat_daerah__nama"),
        StatusColumn("status", label=_("Status"), sort_key="status"),
        DateTimeColumn("diterima_pada", label=_("Diterima"), sort_key="diterima_pada"),
        DeadlineColumn("batas_waktu", label=_("Batas waktu"), sort_key="batas_waktu"),
        Column("jumlah_dukungan", label=_("Dukungan"), sort_key="jumlah_dukungan"),
    ]
    # The reporter's identity is searched only where the user may see it
    # (``LaporanIndexView.get_identity_search``).
    search_fields = ["kode_lacak", "judul", "isi"]
    search_backend_name = None
    ordering = ["-diterima_pada"]
    list_per_page = 50
    # Never the reporter's identity in exports.
    list_export = [
        "kode_lacak",
        "get_jenis_display",
        "judul",
        "kategori",
        "kecamatan",
        "desa",
        "perangkat_daerah",
        "get_status_display",
        "diterima_pada",
        "batas_waktu",
        "selesai_pada",
        ON_TIME_EXPORT_FIELD,
        "ditutup_pada",
        "anonim",
        "rahasia",
    ]
    export_headings = {
        "kode_lacak": _("Kode lacak"),
        "get_jenis_display": _("Jenis"),
        "judul": _("Judul"),
        "kategori": _("Kategori"),
        "kecamatan": _("Kecamatan"),
        "desa": _("Desa/kelurahan"),
        "perangkat_daerah": _("OPD tujuan"),
        "get_status_display": _("Status"),
        "diterima_pada": _("Diterima"),
        "batas_waktu": _("Batas waktu berjalan"),
        "selesai_pada": _("Selesai"),
        ON_TIME_EXPORT_FIELD: ON_TIME_EXPORT_HEADING,
        "ditutup_pada": _("Ditutup"),
        "anonim": _("Anonim"),
        "rahasia": _("Rahasia"),
    }
    export_filename = "laporan-e-laga"
    # Only the classification may be corrected here. The citizen's text and privacy
    # choices never change (DESIGN §4.5): a report is made confidential through the
    # "jadikan-rahasia" action, and every status change goes through the actions too.
    form_fields = ["jenis"]

    def get_file_urlpatterns(self):
        return [
            path(
                "lampiran/<int:pk>/<int:file_pk>/",
                LampiranView.as_view(),
                name="lampiran",
            ),
        ]


class KategoriLaporanForm(WagtailAdminModelForm):
    """A category's "never public" switch is turned on freely, but never off while the
    category holds reports: they were filed under that promise, and staff may only
    strengthen a citizen's privacy (DESIGN §4.5)."""

    def clean_selalu_rahasia(self):
        selalu_rahasia = self.cleaned_data["selalu_rahasia"]
        if (
            not selalu_rahasia
            and self.instance.pk
            and KategoriLaporan.objects.filter(
                pk=self.instance.pk, selalu_rahasia=True, laporan__isnull=False
            ).exists()
        ):
            raise forms.ValidationError(
                _(
                    "Laporan dalam kategori ini dikirim dengan janji tidak pernah "
                    "dipublikasikan, jadi pilihan ini tidak dapat dimatikan. Buat "
                    "kategori baru untuk laporan yang boleh tampil di daftar publik."
                )
            )
        return selalu_rahasia


class KategoriLaporanViewSet(SnippetViewSet):
    """Report categories: routing, targets and privacy switches (editorial settings)."""

    model = KategoriLaporan
    edit_handler = ObjectList(
        KategoriLaporan.panels, base_form_class=KategoriLaporanForm
    )
    icon = "tag"
    menu_label = _("Kategori laporan")
    list_display = [
        "nama",
        "perangkat_daerah_default",
        "target_hari_kerja",
        "boleh_anonim",
        "selalu_rahasia",
        "aktif",
    ]
    list_filter = ["aktif", "selalu_rahasia"]
    search_fields = ["nama"]
    search_backend_name = None
    copy_view_enabled = False

    def get_queryset(self, request):
        return KategoriLaporan.objects.select_related("perangkat_daerah_default")


class TemplateTanggapanViewSet(SnippetViewSet):
    """Response templates officers start their answers from."""

    model = TemplateTanggapan
    icon = "doc-full"
    menu_label = _("Template tanggapan")
    list_display = ["judul", "kategori"]
    list_filter = ["kategori"]
    search_fields = ["judul", "isi"]
    search_backend_name = None

    def get_queryset(self, request):
        return TemplateTanggapan.objects.select_related("kategori")


class ELagaViewSetGroup(ViewSetGroup):
    """The "e-laga" admin menu."""

    menu_label = _("e-laga")
    menu_icon = "warning"
    menu_order = 250
    items = [
        LaporanViewSet,
        KategoriLaporanViewSet,
        TemplateTanggapanViewSet,
        KunciOpen311ViewSet,
    ]
