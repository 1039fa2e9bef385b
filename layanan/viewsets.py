"""Admin of e-kecamatan: service standards, applications and the officers' panel.

Every view that shows or changes an application starts from
``Permohonan.objects.for_user(request.user)``: portal admins see every kecamatan,
a Petugas Kecamatan only their own, anybody else nothing. An application outside
the user's scope answers 404, whichever URL is used.
"""

import django_filters
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from layanan import admin_forms, letters, services
from layanan.choices import JenisHasil, StatusPermohonan
from layanan.models import RUNNING_STATUSES, Permohonan, StandarLayanan
from layanan.permissions import is_layanan_admin
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
from portal.models import Kecamatan
from portal.storage import private_file_response

S = StatusPermohonan

PERMOHONAN_URL_NAMESPACE = "permohonan_layanan"
#: Other e-kecamatan admin pieces (such as the IKM report) join the "e-kecamatan"
#: menu by registering a ``MenuItem`` under this hook, or a viewset whose
#: ``menu_hook`` is this name.
E_KECAMATAN_MENU_HOOK = "register_e_kecamatan_menu_item"


def format_rupiah(amount):
    """Whole Rupiah with Indonesian thousands separators; 0 is free."""
    if not amount:
        return _("Gratis")
    return f"Rp{amount:,}".replace(",", ".")


# Service standards (editorial content with a publishing workflow).


class StandarLayananViewSet(SnippetViewSet):
    """Service standards: drafts, revisions, preview, locking and the workflow."""

    model = StandarLayanan
    icon = "list-ul"
    menu_label = _("Standar layanan")
    list_display = [
        "nama",
        Column(
            "waktu_hari_kerja",
            label=_("Waktu (hari kerja)"),
            sort_key="waktu_hari_kerja",
        ),
        Column(
            "biaya",
            label=_("Biaya"),
            accessor=lambda layanan: format_rupiah(layanan.biaya),
            sort_key="biaya",
        ),
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    list_filter = ["live", "semua_kecamatan"]
    search_fields = ["nama", "ringkasan", "produk"]
    search_backend_name = None
    ordering = ["urutan", "nama"]
    copy_view_enabled = False

    def get_edit_handler(self):
        # The model's panels, with a form that checks the letter templates'
        # placeholders against the service's fields.
        return ObjectList(
            StandarLayanan.panels, base_form_class=admin_forms.StandarLayananForm
        ).bind_to_model(StandarLayanan)


# Applications (operational records).


class PermohonanPermissionPolicy(ScopedModelPermissionPolicy):
    """Officers view and process applications of their kecamatan only.

    Applications come from citizens: never added, copied or edited in the admin
    (every change is a processing action), and only superusers delete them.
    """

    disabled_actions = frozenset({"add", "copy", "change"})

    def scope(self, user):
        return Permohonan.objects.for_user(user).select_related(
            "layanan", "kecamatan", "desa"
        )


def is_overdue(permohonan, today=None):
    """Whether an application waiting for verification or completion is past the
    deadline now running (no query)."""
    today = today or timezone.localdate()
    return bool(
        permohonan.status in RUNNING_STATUSES
        and permohonan.batas_waktu
        and permohonan.batas_waktu < today
    )


class PermohonanDeadlineColumn(DeadlineColumn):
    def is_overdue(self, instance, today):
        return is_overdue(instance, today)


class PermohonanFilterSet(OverdueFilterMixin, DueSoonFilterMixin, WagtailFilterSet):
    """Filters of the application list; ``terlambat`` uses ``overdue()``, ``segera``
    the verified applications due within a few working days.

    The kecamatan filter is offered to portal admins only: an officer's list holds
    one kecamatan anyway.
    """

    #: The applications whose deadline runs (the dashboard panel's rule too).
    running_filter = Q(status__in=RUNNING_STATUSES)

    status = django_filters.ChoiceFilter(label=_("Status"), choices=S.choices)
    layanan = django_filters.ModelChoiceFilter(
        label=_("Layanan"), queryset=StandarLayanan.objects.order_by("nama")
    )
    kecamatan = django_filters.ModelChoiceFilter(
        label=_("Kecamatan"), queryset=Kecamatan.objects.order_by("nama")
    )
    terlambat = overdue_filter()
    segera = due_soon_filter()

    class Meta:
        model = Permohonan
        fields = ["status", "layanan", "kecamatan", "terlambat", "segera"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is None or not is_layanan_admin(request.user):
            del self.filters["kecamatan"]


#: The applicant's identity as the officers who see the application may search it
#: (the NIK, shown masked, only as the whole number).
APPLICANT_SEARCH = IdentitySearch(
    fields=("nama", "telepon", "email"), exact_fields=("nik",)
)


class PermohonanIndexView(ProcessingIndexView):
    def get_identity_search(self):
        # Whoever sees an application sees its applicant (DESIGN §5).
        return APPLICANT_SEARCH


class PermohonanEditView(ScopedObjectMixin, generic.EditView):
    pass


class PermohonanDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class PermohonanUsageView(ScopedListingObjectMixin, UsageView):
    pass


# The processing actions.


def permission_policy():
    return PermohonanPermissionPolicy(Permohonan)


def _with_note(service):
    """An action run that calls ``service(permohonan, user, note)``."""
    return lambda permohonan, user, data: service(permohonan, user, data["catatan"])


ACTIONS = ActionSet(
    [
        Action(
            name="verifikasi",
            label=_("Verifikasi"),
            permission="process",
            statuses=frozenset({S.DIAJUKAN}),
            form_class=admin_forms.VerifyForm,
            success_message=_("Permohonan %(code)s telah diverifikasi."),
            run=_with_note(services.verify),
        ),
        Action(
            name="minta-perbaikan",
            label=_("Minta perbaikan"),
            permission="process",
            statuses=frozenset({S.DIAJUKAN}),
            form_class=admin_forms.RequestFixForm,
            success_message=_(
                "Permohonan %(code)s dikembalikan kepada pemohon untuk diperbaiki."
            ),
            run=_with_note(services.request_fix),
        ),
        Action(
            name="proses",
            label=_("Proses"),
            permission="process",
            statuses=frozenset({S.DIVERIFIKASI}),
            form_class=admin_forms.StartProcessingForm,
            success_message=_("Permohonan %(code)s sedang diproses."),
            run=_with_note(services.start_processing),
        ),
        Action(
            name="selesaikan",
            label=_("Selesaikan"),
            permission="process",
            statuses=frozenset({S.DIPROSES}),
            form_class=admin_forms.CompleteForm,
            success_message=_("Permohonan %(code)s telah diselesaikan."),
            run=lambda permohonan, user, data: services.complete(
                permohonan, user, data["catatan"], **admin_forms.complete_kwargs(data)
            ),
            multipart=True,
        ),
        Action(
            name="cabut-surat",
            label=_("Cabut surat"),
            permission="process",
            form_class=admin_forms.RevokeLetterForm,
            success_message=_("Surat permohonan %(code)s telah dicabut."),
            run=lambda permohonan, user, data: services.revoke_letter(
                permohonan, user, data["alasan"]
            ),
            available_when=lambda permohonan: (
                permohonan.status == S.SELESAI
                and permohonan.jenis_hasil == JenisHasil.SURAT
                and permohonan.active_letter is not None
            ),
            destructive=True,
            in_listing=False,
        ),
        Action(
            name="terbitkan-ulang",
            label=_("Terbitkan surat pengganti"),
            permission="process",
            form_class=admin_forms.ReissueLetterForm,
            success_message=_("Surat pengganti permohonan %(code)s telah terbit."),
            run=lambda permohonan, user, data: services.reissue_letter(
                permohonan, user, data["template"]
            ),
            available_when=lambda permohonan: (
                permohonan.status == S.SELESAI
                and permohonan.jenis_hasil == JenisHasil.SURAT
                and permohonan.active_letter is None
            ),
            in_listing=False,
        ),
        Action(
            name="tolak",
            label=_("Tolak"),
            permission="process",
            statuses=frozenset(
                {S.DIAJUKAN, S.PERLU_PERBAIKAN, S.DIVERIFIKASI, S.DIPROSES}
            ),
            form_class=admin_forms.RejectForm,
            success_message=_("Permohonan %(code)s ditolak."),
            run=lambda permohonan, user, data: services.reject(
                permohonan, user, data["alasan"]
            ),
            destructive=True,
        ),
    ],
    policy=permission_policy(),
)


def scoped_object(request, pk):
    """The application ``pk`` if ``request.user`` may see it, else 404."""
    return get_object_or_404(permission_policy().scope(request.user), pk=pk)


class PermohonanActionView(ProcessingActionView):
    """Runs one processing action on an application through its service."""

    form_object_kwarg = "permohonan"
    unavailable_message = _(
        "Tindakan “%(action)s” tidak tersedia untuk status permohonan ini."
    )

    def get_object(self, request, pk):
        return scoped_object(request, pk)


class BerkasView(ScopedFileView):
    """Serves an applicant's uploaded file to officers who may see the application."""

    files_attribute = "berkas"

    def get_object(self, request, pk):
        return scoped_object(request, pk)

    def get_filename(self, item):
        return item.download_name

    def is_inline(self, item):
        return item.is_image


class HasilView(View):
    """Serves the result document of a completed application to its officers."""

    http_method_names = ["get"]

    def get(self, request, pk):
        permohonan = scoped_object(request, pk)
        if not permohonan.hasil_berkas:
            raise Http404
        extension = permohonan.hasil_berkas.name.rsplit(".", 1)[-1]
        return private_file_response(
            permohonan.hasil_berkas,
            permohonan.hasil_content_type,
            f"hasil-{permohonan.kode_lacak}.{extension}",
            inline=permohonan.hasil_content_type.startswith("image/"),
        )


class SuratView(View):
    """Serves an issued letter (valid or revoked) to the application's officers."""

    http_method_names = ["get"]

    def get(self, request, pk, surat_pk):
        permohonan = scoped_object(request, pk)
        surat = get_object_or_404(permohonan.surat, pk=surat_pk)
        return private_file_response(
            surat.berkas,
            "application/pdf",
            f"surat-{permohonan.kode_lacak}-{surat.kode_verifikasi}.pdf",
        )


class LetterPreviewView(View):
    """The letter a template would give for this application today, marked
    PRATINJAU, without number or QR code: read before completing or reissuing."""

    http_method_names = ["get"]

    def get(self, request, pk, template_pk):
        permohonan = scoped_object(request, pk)
        if not permission_policy().user_has_permission(request.user, "process"):
            raise Http404
        template = get_object_or_404(
            permohonan.layanan.template_surat.all(), pk=template_pk
        )
        pdf = letters.preview_pdf(permohonan, template)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="pratinjau-{permohonan.kode_lacak}.pdf"'
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class PermohonanRecordSummary(RecordSummary):
    """Verification while ``diajukan``, completion once verified."""

    def deadlines(self, obj):
        if not obj.batas_waktu or obj.status not in RUNNING_STATUSES:
            return []
        if obj.status == S.DIAJUKAN:
            return [(_("Batas waktu verifikasi"), obj.batas_waktu)]
        return [(_("Batas waktu penyelesaian"), obj.batas_waktu)]


class PermohonanDetailView(ProcessingDetailView):
    """The application: applicant (NIK masked), answers, files, timeline, actions."""

    template_name = "layanan/admin/permohonan_detail.html"
    any_permission_required = ["view"]
    context_object_name = "permohonan"
    status_choices = S.choices
    citizen_label = _("Pemohon")

    def get_scope(self):
        return permission_policy().scope(self.request.user)

    def get_page_subtitle(self):
        return str(self.object.layanan)

    def is_citizen_entry(self, entry):
        return entry.status_to == S.DIAJUKAN

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        permohonan = self.object
        deadline = permohonan.deadline
        context.update(
            {
                "overdue": is_overdue(permohonan),
                "deadline": deadline,
                "days_late": -deadline.working_days_left if deadline else 0,
                "berkas": self.file_links(permohonan.berkas.all(), "berkas"),
                "hasil_url": (
                    self.object_url("hasil") if permohonan.hasil_berkas else ""
                ),
                "verification_deadline": permohonan.verification_deadline,
                "verification_days_late": (
                    -permohonan.verification_deadline.working_days_left
                    if permohonan.verification_deadline
                    else 0
                ),
                "letters": [
                    {
                        "surat": surat,
                        "url": self.object_url("surat", surat.pk),
                        "verification_url": letters.verification_url(
                            surat.kode_verifikasi
                        ),
                    }
                    for surat in permohonan.surat.all()
                ],
            }
        )
        return context


class PermohonanViewSet(ProcessingViewSet):
    """Service applications: listed, processed and exported within the user's scope."""

    model = Permohonan
    name = PERMOHONAN_URL_NAMESPACE
    icon = "form"
    menu_label = _("Permohonan layanan")
    index_view_class = PermohonanIndexView
    inspect_view_class = PermohonanDetailView
    edit_view_class = PermohonanEditView
    delete_view_class = PermohonanDeleteView
    usage_view_class = PermohonanUsageView
    processing_actions = ACTIONS
    action_view_class = PermohonanActionView
    record_summary = PermohonanRecordSummary()
    action_brief_template_name = "layanan/admin/includes/permohonan_brief.html"
    filterset_class = PermohonanFilterSet
    list_display = [
        "kode_lacak",
        Column("layanan", label=_("Layanan"), sort_key="layanan__nama"),
        Column("kecamatan", label=_("Kecamatan"), sort_key="kecamatan__nama"),
        StatusColumn("status", label=_("Status"), sort_key="status"),
        DateTimeColumn("diajukan_pada", label=_("Diajukan"), sort_key="diajukan_pada"),
        PermohonanDeadlineColumn(
            "batas_waktu", label=_("Batas waktu"), sort_key="batas_waktu"
        ),
    ]
    # The service, the kecamatan and the answers to the service's own questions; the
    # applicant's identity through ``PermohonanIndexView.get_identity_search``.
    search_fields = ["kode_lacak", "layanan__nama", "kecamatan__nama", "jawaban"]
    search_backend_name = None
    ordering = ["-diajukan_pada"]
    list_per_page = 50
    # Never the applicant's identity (name, NIK, phone, email, address) in exports.
    list_export = [
        "kode_lacak",
        "layanan",
        "kecamatan",
        "desa",
        "get_status_display",
        "diajukan_pada",
        "diverifikasi_pada",
        "batas_waktu",
        "selesai_pada",
        ON_TIME_EXPORT_FIELD,
    ]
    export_headings = {
        "kode_lacak": _("Kode lacak"),
        "layanan": _("Layanan"),
        "kecamatan": _("Kecamatan"),
        "desa": _("Desa/kelurahan"),
        "get_status_display": _("Status"),
        "diajukan_pada": _("Diajukan"),
        "diverifikasi_pada": _("Diverifikasi"),
        "batas_waktu": _("Batas waktu"),
        "selesai_pada": _("Selesai"),
        ON_TIME_EXPORT_FIELD: ON_TIME_EXPORT_HEADING,
    }
    export_filename = "permohonan-e-kecamatan"
    # The edit view is never reachable (the policy refuses "change"), but Wagtail
    # builds its form class with the URLs.
    form_fields = ["catatan_hasil"]

    def get_file_urlpatterns(self):
        return [
            path(
                "berkas/<int:pk>/<int:file_pk>/",
                BerkasView.as_view(),
                name="berkas",
            ),
            path("hasil/<int:pk>/", HasilView.as_view(), name="hasil"),
            path("surat/<int:pk>/<int:surat_pk>/", SuratView.as_view(), name="surat"),
            path(
                "pratinjau-surat/<int:pk>/<int:template_pk>/",
                LetterPreviewView.as_view(),
                name="letter_preview",
            ),
        ]


class EKecamatanViewSetGroup(ViewSetGroup):
    """The "e-kecamatan" admin menu; other pieces join it via ``submenu_hook``."""

    menu_label = _("e-kecamatan")
    menu_icon = "site"
    menu_order = 260
    submenu_hook = E_KECAMATAN_MENU_HOOK
    items = [StandarLayananViewSet, PermohonanViewSet]
