"""How the e-pasar audit log reads: the moderators' UMKM verification actions."""

from django.utils.translation import gettext_lazy as _

from pasar.services import UMKM_UNVERIFY_ACTION, UMKM_VERIFY_ACTION
from portal.log_actions import DataLogFormatter, with_note


class UMKMVerifiedFormatter(DataLogFormatter):
    label = _("Verifikasi UMKM")
    message = _("UMKM diverifikasi")


class UMKMUnverifiedFormatter(DataLogFormatter):
    """ "Verifikasi UMKM dicabut: <alasan>"."""

    label = _("Cabut verifikasi UMKM")
    message = _("Verifikasi UMKM dicabut")

    def describe(self, data, log_entry):
        return with_note(self.message, data.get("alasan"))


FORMATTERS = {
    UMKM_VERIFY_ACTION: UMKMVerifiedFormatter,
    UMKM_UNVERIFY_ACTION: UMKMUnverifiedFormatter,
}
