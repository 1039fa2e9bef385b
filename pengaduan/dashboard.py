"""The e-laga dashboard panel: reports overdue and due soon in the officer's scope.

Moderators see every report; an OPD officer only those dispatched to their OPD
(``Laporan.objects.for_user``). Rows show the code, the title and the office, never
the reporter.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pengaduan.choices import StatusLaporan
from pengaduan.models import Laporan
from pengaduan.models.laporan import OPEN_STATUSES
from pengaduan.permissions import is_moderator, officer_opd_id
from pengaduan.viewsets import LAPORAN_URL_NAMESPACE
from portal.dashboard import DeadlineDashboardPanel, PanelItem, list_url
from portal.models import PerangkatDaerah

S = StatusLaporan
#: The figures by status each kind of officer acts on.
MODERATOR_STATUSES = (S.BARU, S.DIVERIFIKASI)
OPD_STATUSES = (S.DIDISPOSISIKAN, S.DITINDAKLANJUTI)
STATUS_COUNT_LABELS = {
    S.BARU: _("Baru, menunggu verifikasi"),
    S.DIVERIFIKASI: _("Terverifikasi, menunggu disposisi"),
    S.DIDISPOSISIKAN: _("Didisposisikan, menunggu tindak lanjut"),
    S.DITINDAKLANJUTI: _("Sedang ditindaklanjuti"),
}


class LaporanDashboardPanel(DeadlineDashboardPanel):
    """Open reports past or near their deadline, for moderators and OPD officers."""

    name = "laporan_e_laga"
    order = 90
    heading = _("Laporan e-laga")
    url_namespace = LAPORAN_URL_NAMESPACE
    select_related = ("perangkat_daerah",)
    overdue_heading = _("Laporan melewati batas waktu")
    due_soon_heading = _("Laporan jatuh tempo dalam %(days)s hari kerja")
    overdue_empty_text = _("Tidak ada laporan yang melewati batas waktu.")
    due_soon_empty_text = _(
        "Tidak ada laporan yang jatuh tempo dalam %(days)s hari kerja."
    )

    def is_shown(self):
        return is_moderator(self.user) or officer_opd_id(self.user) is not None

    def get_heading(self):
        if is_moderator(self.user):
            return self.heading
        office = PerangkatDaerah.objects.filter(pk=officer_opd_id(self.user)).first()
        if office is None:
            return self.heading
        return _("Laporan e-laga: %(office)s") % {"office": office.nama}

    def get_scope(self):
        return Laporan.objects.for_user(self.user)

    def get_running_filter(self):
        return Q(status__in=OPEN_STATUSES)

    def get_status_counts(self):
        statuses = MODERATOR_STATUSES if is_moderator(self.user) else OPD_STATUSES
        return [
            (
                f"status_{status}",
                STATUS_COUNT_LABELS[status],
                Q(status=status),
                list_url(self.url_namespace, status=status),
            )
            for status in statuses
        ]

    def get_item(self, laporan):
        office = laporan.perangkat_daerah
        return PanelItem(
            url=self.get_item_url(laporan),
            label=laporan.kode_lacak,
            title=laporan.judul,
            details=(
                laporan.get_status_display(),
                (office.singkatan or office.nama) if office else "",
            ),
        )
