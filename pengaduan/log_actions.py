"""How the e-laga audit log reads: a formatter for each action the services and the
daily reminder log (status changes are formatted by :mod:`portal.log_actions`)."""

from django.utils.translation import gettext_lazy as _

from pengaduan.services import (
    CONFIDENTIAL_ACTION,
    FLAGS_ACTION,
    NOTE_ACTION,
    RATING_ACTION,
    REPORTER_INFORMATION_ACTION,
)
from pengaduan.tasks import REMINDER_ACTION
from portal.log_actions import DataLogFormatter, ReminderFormatter, with_note


class ConfidentialFormatter(DataLogFormatter):
    """ "Laporan dijadikan rahasia: <alasan>"."""

    label = _("Jadikan rahasia")
    message = _("Laporan dijadikan rahasia")

    def describe(self, data, log_entry):
        return with_note(self.message, data.get("alasan"))


class NoteFormatter(DataLogFormatter):
    """A follow-up the reporter reads, or an internal note, that changes no status."""

    label = _("Tindak lanjut atau catatan internal")
    message = _("Catatan ditulis")

    def describe(self, data, log_entry):
        if "publik" not in data:
            return str(self.message)
        message = (
            _("Tindak lanjut ditulis (terlihat oleh pelapor)")
            if data["publik"]
            else _("Catatan internal ditulis")
        )
        return with_note(message, data.get("catatan"))


class FlagsDecisionFormatter(DataLogFormatter):
    """ "Tanda pembaca ditinjau: laporan tetap disembunyikan"."""

    label = _("Putuskan tanda pembaca")
    message = _("Tanda pembaca ditinjau")

    def describe(self, data, log_entry):
        if "ditampilkan" not in data:
            return str(self.message)
        decision = (
            _("laporan ditampilkan kembali")
            if data["ditampilkan"]
            else _("laporan tetap disembunyikan")
        )
        return with_note(self.message, decision)


class ReporterInformationFormatter(DataLogFormatter):
    """The reporter added information (its text is on the timeline only)."""

    label = _("Informasi tambahan pelapor")
    message = _("Pelapor menambahkan informasi (lihat linimasa)")


class RatingFormatter(DataLogFormatter):
    """ "Pelapor memberi nilai 4 dari 5"."""

    label = _("Penilaian pelapor")
    message = _("Pelapor memberi penilaian")

    def describe(self, data, log_entry):
        if not data.get("nilai"):
            return str(self.message)
        return str(
            _("Pelapor memberi nilai %(score)s dari 5") % {"score": data["nilai"]}
        )


class LaporanReminderFormatter(ReminderFormatter):
    label = _("Pengingat batas waktu")
    message = _("Pengingat batas waktu dikirim ke moderator")


FORMATTERS = {
    CONFIDENTIAL_ACTION: ConfidentialFormatter,
    NOTE_ACTION: NoteFormatter,
    FLAGS_ACTION: FlagsDecisionFormatter,
    REPORTER_INFORMATION_ACTION: ReporterInformationFormatter,
    RATING_ACTION: RatingFormatter,
    REMINDER_ACTION: LaporanReminderFormatter,
}
