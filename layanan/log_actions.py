"""How the e-kecamatan audit log reads the letters' actions (status changes are
formatted by :mod:`portal.log_actions`)."""

from django.utils.translation import gettext_lazy as _

from layanan.services import LETTER_ISSUED_ACTION, LETTER_REVOKED_ACTION
from portal.log_actions import DataLogFormatter, with_note


class LetterIssuedFormatter(DataLogFormatter):
    """ "Surat diterbitkan: 470/3/BBL/2026 (kode 7Q4M2-KXP9A)"."""

    label = _("Terbitkan surat")
    message = _("Surat diterbitkan")

    def describe(self, data, log_entry):
        if not data.get("nomor"):
            return str(self.message)
        return f"{self.message}: {data['nomor']} ({_('kode')} {data.get('kode', '')})"


class LetterRevokedFormatter(DataLogFormatter):
    """ "Surat 470/3/BBL/2026 dicabut: <alasan>"."""

    label = _("Cabut surat")
    message = _("Surat dicabut")

    def describe(self, data, log_entry):
        message = (
            _("Surat %(number)s dicabut") % {"number": data["nomor"]}
            if data.get("nomor")
            else self.message
        )
        return with_note(message, data.get("alasan"))


FORMATTERS = {
    LETTER_ISSUED_ACTION: LetterIssuedFormatter,
    LETTER_REVOKED_ACTION: LetterRevokedFormatter,
}
