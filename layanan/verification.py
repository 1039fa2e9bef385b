"""Public verification of issued letters: ``/verifikasi/<code>/`` and the API.

Whoever holds a letter (a bank, a school, another office) scans its QR code or types
its code and reads whether it is genuine ("asli"), revoked ("dicabut") or unknown,
with the issuing kecamatan, the service, the date, the letter number and the PDF's
SHA-256, and of the holder only their initials. Lookups are rate-limited per client
address, so codes cannot be enumerated.
"""

from dataclasses import dataclass

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from layanan import letters
from layanan.models import SuratHasil
from portal.http import private
from portal.ratelimit import RateLimit, too_many_requests_page

#: Lookups of the verification page and the API share one counter per address.
verification_limit = RateLimit("verifikasi_surat", "PENGADUAN_API_READ_RATE")

ASLI = "asli"
DICABUT = "dicabut"
TIDAK_DIKENAL = "tidak_dikenal"
STATUS_LABELS = {
    ASLI: _("Asli"),
    DICABUT: _("Dicabut"),
    TIDAK_DIKENAL: _("Tidak dikenal"),
}


@dataclass(frozen=True)
class Verification:
    """What a verification shows about one code (no identity beyond initials)."""

    code: str
    status: str
    letter: SuratHasil | None = None

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    def as_dict(self):
        letter = self.letter
        if letter is None:
            return {"kode": self.code, "status": self.status}
        return {
            "kode": letter.kode_verifikasi,
            "status": self.status,
            "nomor_surat": letter.nomor_surat,
            "judul": letter.judul,
            "layanan": letter.permohonan.layanan.nama,
            "kecamatan": letter.kecamatan.nama,
            "tanggal_terbit": timezone.localdate(letter.diterbitkan_pada),
            "inisial_pemohon": letters.initials(letter.permohonan.nama),
            "sha256": letter.sha256,
            "dicabut_pada": (
                timezone.localdate(letter.dicabut_pada) if letter.dicabut_pada else None
            ),
        }


def verify_code(code):
    """The :class:`Verification` of ``code`` as typed (case, spaces, hyphens)."""
    normalised = letters.normalise_verification_code(str(code)[:40])
    letter = (
        SuratHasil.objects.select_related("permohonan__layanan", "kecamatan")
        .filter(kode_verifikasi=normalised)
        .first()
    )
    if letter is None:
        return Verification(normalised, TIDAK_DIKENAL)
    return Verification(normalised, DICABUT if letter.is_revoked else ASLI, letter)


def verification_page(request, code):
    """The public verification page of one code (noindex, never cached)."""
    decision = verification_limit.hit(request)
    if not decision.allowed:
        return private(too_many_requests_page(request, decision), noindex=True)
    verification = verify_code(code)
    response = TemplateResponse(
        request,
        "layanan/verification.html",
        {
            "verification": verification,
            "details": verification.as_dict(),
        },
        status=404 if verification.status == TIDAK_DIKENAL else 200,
    )
    return private(response, noindex=True)
