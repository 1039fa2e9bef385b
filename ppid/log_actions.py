"""How the KIP audit log reads: a formatter for each action the services and the
daily reminder log (status changes are formatted by :mod:`portal.log_actions`)."""

from django.utils.translation import gettext_lazy as _

from portal.log_actions import (
    DataLogFormatter,
    ReminderFormatter,
    logged_model,
    shown_date,
    with_note,
)
from ppid.models import Keberatan
from ppid.services import OBJECTION_FILED_ACTION, PUBLIC_SUMMARY_ACTION
from ppid.tasks import KIP_REMINDER_ACTION


class PublicSummaryFormatter(DataLogFormatter):
    """ "Ringkasan publik diubah dari “…” menjadi “…” (alasan: …)"."""

    label = _("Ringkasan publik")
    message = _("Ringkasan publik register ditulis atau dikoreksi")

    def describe(self, data, log_entry):
        summary = data.get("ringkasan")
        if not summary:
            return str(self.message)
        if data.get("sebelumnya"):
            text = _(
                "Ringkasan publik diubah dari “%(before)s” menjadi “%(after)s”"
            ) % {
                "before": data["sebelumnya"],
                "after": summary,
            }
        else:
            text = _("Ringkasan publik ditulis: “%(after)s”") % {"after": summary}
        if data.get("alasan"):
            text = _("%(text)s; alasan: %(reason)s") % {
                "text": text,
                "reason": data["alasan"],
            }
        return str(text)


class ObjectionFiledFormatter(DataLogFormatter):
    """ "Keberatan diajukan pemohon (Pasal 35 ayat (1) huruf a, c): dijawab paling
    lambat 3 Maret 2026"."""

    label = _("Keberatan diajukan")
    message = _("Keberatan diajukan pemohon")

    def describe(self, data, log_entry):
        text = str(self.message)
        if data.get("alasan"):
            text = _("%(text)s (Pasal 35 ayat (1) huruf %(grounds)s)") % {
                "text": text,
                "grounds": ", ".join(data["alasan"]),
            }
        if data.get("batas_waktu"):
            return with_note(
                text,
                _("dijawab atasan PPID paling lambat %(date)s")
                % {"date": shown_date(data["batas_waktu"])},
            )
        return str(text)


class KIPReminderFormatter(ReminderFormatter):
    """Requests remind the PPID; objections, the atasan PPID."""

    label = _("Pengingat batas waktu PPID")
    message = _("Pengingat batas waktu dikirim ke petugas PPID")
    objection_message = _("Pengingat batas waktu keberatan dikirim ke atasan PPID")

    def get_message(self, log_entry):
        if logged_model(log_entry) is Keberatan:
            return self.objection_message
        return self.message


FORMATTERS = {
    PUBLIC_SUMMARY_ACTION: PublicSummaryFormatter,
    OBJECTION_FILED_ACTION: ObjectionFiledFormatter,
    KIP_REMINDER_ACTION: KIPReminderFormatter,
}
