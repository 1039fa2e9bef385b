"""The e-kecamatan dashboard panels: applications near or past their deadline for
kecamatan officers, and service-standard drafts and moderation for their editors.

A Petugas Kecamatan sees only their kecamatan's applications
(``Permohonan.objects.for_user``); rows show the code, the service and the
kecamatan, never the applicant.
"""

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from layanan.choices import StatusPermohonan
from layanan.models import Permohonan, StandarLayanan
from layanan.permissions import is_layanan_admin, officer_kecamatan_id
from layanan.viewsets import PERMOHONAN_URL_NAMESPACE, RUNNING_STATUSES
from portal.dashboard import (
    DeadlineDashboardPanel,
    DraftsDashboardPanel,
    PanelItem,
    list_url,
)
from portal.models import Kecamatan

S = StatusPermohonan


def sees_applications(user):
    """Portal admins and kecamatan officers with a kecamatan on their profile."""
    return is_layanan_admin(user) or officer_kecamatan_id(user) is not None


class PermohonanDashboardPanel(DeadlineDashboardPanel):
    """New applications, and those past or near their deadline, in the user's scope."""

    name = "permohonan_e_kecamatan"
    order = 95
    heading = _("Permohonan layanan e-kecamatan")
    url_namespace = PERMOHONAN_URL_NAMESPACE
    select_related = ("layanan", "kecamatan")
    overdue_heading = _("Permohonan melewati batas waktu")
    due_soon_heading = _("Permohonan jatuh tempo dalam %(days)s hari kerja")
    overdue_empty_text = _("Tidak ada permohonan yang melewati batas waktu.")
    due_soon_empty_text = _(
        "Tidak ada permohonan yang jatuh tempo dalam %(days)s hari kerja."
    )

    def is_shown(self):
        return sees_applications(self.user)

    def get_heading(self):
        if is_layanan_admin(self.user):
            return self.heading
        kecamatan = Kecamatan.objects.filter(pk=officer_kecamatan_id(self.user)).first()
        if kecamatan is None:
            return self.heading
        return _("Permohonan layanan e-kecamatan: Kecamatan %(nama)s") % {
            "nama": kecamatan.nama
        }

    def get_scope(self):
        return Permohonan.objects.for_user(self.user)

    def get_running_filter(self):
        # The same rule as ``PermohonanQuerySet.overdue()`` and the list's filter.
        return Q(status__in=RUNNING_STATUSES)

    def get_status_counts(self):
        return [
            (
                "new",
                _("Baru diajukan, menunggu verifikasi"),
                Q(status=S.DIAJUKAN),
                list_url(self.url_namespace, status=S.DIAJUKAN),
            )
        ]

    def get_item(self, permohonan):
        return PanelItem(
            url=self.get_item_url(permohonan),
            label=permohonan.kode_lacak,
            title=permohonan.layanan.nama,
            details=(
                permohonan.get_status_display(),
                ""
                if officer_kecamatan_id(self.user)
                else _("Kecamatan %(nama)s") % {"nama": permohonan.kecamatan.nama},
            ),
        )


class StandarLayananDashboardPanel(DraftsDashboardPanel):
    """Service-standard drafts not yet submitted, and those in the "Publikasi Standar
    Layanan" workflow, for the users who edit service standards.

    Approvers act on submitted standards in Wagtail's "awaiting your review" panel.
    """

    name = "standar_layanan"
    order = 96
    heading = _("Standar layanan: draf dan moderasi")
    drafts_heading = _("Draf standar layanan belum diajukan")
    drafts_empty_text = _("Tidak ada draf standar layanan yang belum diajukan.")
    moderation_heading = _("Standar layanan dalam moderasi")
    moderation_empty_text = _("Tidak ada standar layanan yang sedang dalam moderasi.")

    def is_shown(self):
        return self.user.has_perm("layanan.change_standarlayanan")

    @property
    def drafts_url(self):
        return reverse(StandarLayanan.snippet_viewset.get_url_name("list"))

    moderation_url = drafts_url

    def get_queryset(self):
        return StandarLayanan.objects.all()

    def get_content_type(self):
        return ContentType.objects.get_for_model(StandarLayanan)

    def get_edit_url(self, obj):
        return reverse(
            StandarLayanan.snippet_viewset.get_url_name("edit"), args=[quote(obj.pk)]
        )
