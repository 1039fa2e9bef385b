"""The KIP dashboard panels: requests for the Editor PPID, objections for the
Atasan PPID, each with the items past or near their deadline.

Rows show the request's code and what was asked, never the requester's name,
identity number or contacts.
"""

from django.contrib.admin.utils import quote
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from portal.dashboard import DeadlineDashboardPanel, PanelItem, PanelLink, list_url
from ppid.choices import StatusKeberatan, StatusPermohonan
from ppid.viewsets import (
    ANSWER_PERMISSION,
    KEBERATAN_URL_NAMESPACE,
    PERMOHONAN_URL_NAMESPACE,
    PROCESS_PERMISSION,
    REPORT_URL_NAMESPACE,
    is_ppid_staff,
    keberatan_for_user,
    permohonan_for_user,
)

S = StatusPermohonan
#: Characters of the requested information shown on a row.
SUMMARY_LENGTH = 70


def request_summary(permohonan):
    """The public summary when written, else the start of what was asked."""
    return Truncator(permohonan.ringkasan_publik or permohonan.informasi_diminta).chars(
        SUMMARY_LENGTH
    )


class PermohonanInformasiDashboardPanel(DeadlineDashboardPanel):
    """Undecided requests past or near their answer deadline, for the Editor PPID."""

    name = "permohonan_informasi"
    order = 93
    heading = _("Permohonan informasi publik (PPID)")
    url_namespace = PERMOHONAN_URL_NAMESPACE
    overdue_heading = _("Permohonan melewati batas waktu")
    due_soon_heading = _("Permohonan jatuh tempo dalam %(days)s hari kerja")
    overdue_empty_text = _("Tidak ada permohonan yang melewati batas waktu.")
    due_soon_empty_text = _(
        "Tidak ada permohonan yang jatuh tempo dalam %(days)s hari kerja."
    )

    def is_shown(self):
        return is_ppid_staff(self.user) and self.user.has_perm(PROCESS_PERMISSION)

    def get_scope(self):
        return permohonan_for_user(self.user)

    def get_running_filter(self):
        # The same rule as ``PermohonanInformasiQuerySet.overdue()``.
        return Q(status__in=[S.DITERIMA, S.DIPERPANJANG])

    def get_status_counts(self):
        return [
            (
                "received",
                _("Diterima, belum diputuskan"),
                Q(status=S.DITERIMA),
                list_url(self.url_namespace, status=S.DITERIMA),
            ),
            (
                "extended",
                _("Diperpanjang, belum diputuskan"),
                Q(status=S.DIPERPANJANG),
                list_url(self.url_namespace, status=S.DIPERPANJANG),
            ),
            (
                "decided",
                _("Diputuskan, belum disampaikan"),
                Q(status=S.DIPUTUSKAN),
                list_url(self.url_namespace, status=S.DIPUTUSKAN),
            ),
        ]

    def get_item(self, permohonan):
        return PanelItem(
            url=self.get_item_url(permohonan),
            label=permohonan.kode_lacak,
            title=request_summary(permohonan),
            details=(permohonan.get_status_display(),),
        )

    def get_links(self):
        return [
            PanelLink(_("Laporan tahunan"), reverse(f"{REPORT_URL_NAMESPACE}:index"))
        ]


class KeberatanDashboardPanel(DeadlineDashboardPanel):
    """Objections awaiting an answer, past or near their deadline, for the Atasan PPID.

    An objection is read and answered on its request's page.
    """

    name = "keberatan_informasi"
    order = 94
    heading = _("Keberatan informasi publik")
    url_namespace = KEBERATAN_URL_NAMESPACE
    select_related = ("permohonan",)
    overdue_heading = _("Keberatan melewati batas waktu")
    due_soon_heading = _("Keberatan jatuh tempo dalam %(days)s hari kerja")
    overdue_empty_text = _("Tidak ada keberatan yang melewati batas waktu.")
    due_soon_empty_text = _(
        "Tidak ada keberatan yang jatuh tempo dalam %(days)s hari kerja."
    )

    def is_shown(self):
        return is_ppid_staff(self.user) and self.user.has_perm(ANSWER_PERMISSION)

    def get_scope(self):
        return keberatan_for_user(self.user)

    def get_running_filter(self):
        # The same rule as the objection list's ``terlambat`` filter.
        return Q(status=StatusKeberatan.DIAJUKAN)

    def get_status_counts(self):
        return [
            (
                "pending",
                _("Keberatan menunggu tanggapan"),
                Q(status=StatusKeberatan.DIAJUKAN),
                list_url(self.url_namespace, status=StatusKeberatan.DIAJUKAN),
            )
        ]

    def get_item_url(self, keberatan):
        return reverse(
            f"{PERMOHONAN_URL_NAMESPACE}:inspect", args=[quote(keberatan.permohonan_id)]
        )

    def get_item(self, keberatan):
        return PanelItem(
            url=self.get_item_url(keberatan),
            label=keberatan.permohonan.kode_lacak,
            title=request_summary(keberatan.permohonan),
            details=(
                _("diajukan %(date)s")
                % {"date": date_format(localtime(keberatan.diajukan_pada), "j M Y")},
            ),
        )
