"""The e-pasar dashboard panel: UMKM profiles awaiting verification, for moderators.

Products awaiting moderation are pages in the "Moderasi Produk" workflow: the
moderator approves them in Wagtail's own "awaiting your review" panel. Rows show
the business, never the owner's account, email or WhatsApp number.
"""

from django.contrib.admin.utils import quote
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from pasar.models import UMKM
from pasar.viewsets import UMKM_URL_NAMESPACE, is_market_moderator, verification_url
from portal.dashboard import (
    DashboardPanel,
    PanelCount,
    PanelItem,
    PanelList,
    list_url,
)


class UMKMDashboardPanel(DashboardPanel):
    """Profiles waiting for a moderator's verification, oldest first."""

    name = "umkm_e_pasar"
    order = 97
    heading = _("UMKM e-pasar")

    def is_shown(self):
        return is_market_moderator(self.user)

    @property
    def waiting_url(self):
        return list_url(UMKM_URL_NAMESPACE, terverifikasi="false")

    @cached_property
    def figures(self):
        return UMKM.objects.order_by().aggregate(
            waiting=Count("pk", filter=Q(terverifikasi=False)),
            verified=Count("pk", filter=Q(terverifikasi=True)),
        )

    def get_counts(self):
        figures = self.figures
        return [
            PanelCount(
                _("Menunggu verifikasi"),
                figures["waiting"],
                self.waiting_url,
                warning=True,
            ),
            PanelCount(
                _("Terverifikasi"),
                figures["verified"],
                list_url(UMKM_URL_NAMESPACE, terverifikasi="true"),
            ),
        ]

    def get_item(self, umkm):
        return PanelItem(
            url=reverse(f"{UMKM_URL_NAMESPACE}:edit", args=[quote(umkm.pk)]),
            label=umkm.nama_usaha,
            details=(
                _("Kecamatan %(nama)s") % {"nama": umkm.kecamatan.nama},
                _("NIB ada") if umkm.nib else _("tanpa NIB"),
            ),
            date=umkm.dibuat_pada,
            actions=((_("Verifikasi"), verification_url(umkm, "verify")),),
        )

    def get_lists(self):
        waiting = (
            UMKM.objects.filter(terverifikasi=False)
            .select_related("kecamatan")
            .order_by("dibuat_pada", "pk")[: self.list_limit]
        )
        return [
            PanelList(
                key="waiting",
                heading=_("UMKM menunggu verifikasi"),
                items=[self.get_item(umkm) for umkm in waiting],
                total=self.figures["waiting"],
                empty_text=_("Tidak ada UMKM yang menunggu verifikasi."),
                date_label=_("Didaftarkan"),
                more_url=self.waiting_url,
                icon="group",
            )
        ]
