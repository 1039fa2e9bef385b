"""Forms of the processing actions kecamatan officers take on an application.

Each form only collects input; the state change itself is done by the matching
function in :mod:`layanan.services`, which also validates it. Every action needs a
note: it is written to the timeline and sent to the applicant.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import CheckedFileField

NOTE_MAX_LENGTH = 2000


def note_field(label, help_text, required_message=None):
    """A required note: whitespace alone counts as empty."""
    return forms.CharField(
        label=label,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=help_text,
        error_messages={"required": required_message or _("Catatan wajib diisi.")},
    )


class PermohonanActionForm(forms.Form):
    """Base of the action forms: knows the application it acts on."""

    def __init__(self, *args, permohonan, **kwargs):
        self.permohonan = permohonan
        super().__init__(*args, **kwargs)


class VerifyForm(PermohonanActionForm):
    catatan = note_field(
        _("Catatan verifikasi"),
        _(
            "Wajib diisi; dikirim kepada pemohon. Waktu penyelesaian mulai "
            "dihitung sejak verifikasi."
        ),
    )


class RequestFixForm(PermohonanActionForm):
    catatan = note_field(
        _("Yang harus diperbaiki pemohon"),
        _("Wajib diisi; pemohon memperbaiki melalui tautan rahasianya."),
        _("Tuliskan apa yang harus diperbaiki pemohon."),
    )


class StartProcessingForm(PermohonanActionForm):
    catatan = note_field(
        _("Catatan proses"),
        _("Wajib diisi; dikirim kepada pemohon."),
    )


class CompleteForm(PermohonanActionForm):
    catatan = note_field(
        _("Catatan hasil"),
        _(
            "Wajib diisi; mis. cara dan tempat mengambil dokumen. Dikirim kepada "
            "pemohon bersama undangan survei IKM."
        ),
        _("Tuliskan catatan hasil, mis. cara mengambil dokumen."),
    )
    hasil = CheckedFileField(
        label=_("Dokumen hasil (tidak wajib)"),
        required=False,
        help_text=_(
            "PDF atau gambar (JPEG, PNG, WebP), paling besar 5 MB. Hanya pemohon "
            "yang dapat mengunduhnya melalui tautan rahasianya."
        ),
    )


class RejectForm(PermohonanActionForm):
    alasan = note_field(
        _("Alasan penolakan"),
        _("Wajib diisi; alasan dikirim kepada pemohon."),
        _("Alasan penolakan wajib diisi."),
    )
