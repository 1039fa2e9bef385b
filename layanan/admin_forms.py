"""Forms of the processing actions kecamatan officers take on an application.

Each form only collects input; the state change itself is done by the matching
function in :mod:`layanan.services`, which also validates it. Every action needs a
note: it is written to the timeline and sent to the applicant.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from layanan.choices import JenisHasil
from layanan.letter_placeholders import (
    known_placeholders,
    unknown_number_placeholders,
    unknown_placeholders,
)
from layanan.models import TemplateSurat
from portal.forms import CheckedFileField

#: Said when an officer tries to complete without choosing a result.
NO_RESULT_MESSAGE = _(
    "Permohonan tidak dapat diselesaikan tanpa hasil. Pilih salah satu: terbitkan "
    "surat dari templat, unggah dokumen hasil, atau nyatakan dokumen diambil di "
    "kantor camat dengan pemberitahuan pengambilan."
)

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


class RejectForm(PermohonanActionForm):
    alasan = note_field(
        _("Alasan penolakan"),
        _("Wajib diisi; alasan dikirim kepada pemohon."),
        _("Alasan penolakan wajib diisi."),
    )


# Completing with a result, and the letter afterwards.


class LetterChoiceMixin(forms.Form):
    """A template of the application's service and the officer's word that the
    preview was read."""

    template = forms.ModelChoiceField(
        label=_("Templat surat"),
        queryset=TemplateSurat.objects.none(),
        required=False,
        empty_label=None,
        help_text=_("Buka pratinjau surat di atas sebelum menerbitkan."),
    )
    sudah_pratinjau = forms.BooleanField(
        label=_("Saya sudah memeriksa pratinjau surat dan isinya benar"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = TemplateSurat.objects.filter(
            standar_id=self.permohonan.layanan_id
        )

    def check_letter(self, cleaned):
        if not self.fields["template"].queryset.exists():
            self.add_error(
                "template",
                _(
                    "Layanan ini belum memiliki templat surat. Minta Editor Layanan "
                    "menambahkannya, atau pilih hasil lain."
                ),
            )
        elif not cleaned.get("template"):
            self.add_error("template", _("Pilih templat surat."))
        if not cleaned.get("sudah_pratinjau"):
            self.add_error(
                "sudah_pratinjau",
                _("Periksa pratinjau surat dahulu, lalu centang pernyataan ini."),
            )


class CompleteForm(LetterChoiceMixin, PermohonanActionForm):
    """Completing needs one result: a letter, an uploaded file or a pick-up notice."""

    jenis_hasil = forms.ChoiceField(
        label=_("Hasil permohonan"),
        choices=JenisHasil.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "Wajib dipilih; mengunggah dokumen hasil sudah berarti memilih "
            "“Berkas hasil diunggah petugas”."
        ),
    )
    hasil = CheckedFileField(
        label=_("Dokumen hasil"),
        required=False,
        help_text=_(
            "Untuk hasil berupa dokumen yang diunggah: PDF atau gambar (JPEG, PNG, "
            "WebP), paling besar 5 MB. Hanya pemohon yang dapat mengunduhnya "
            "melalui tautan rahasianya."
        ),
    )
    catatan = note_field(
        _("Catatan hasil"),
        _(
            "Wajib diisi; untuk dokumen yang diambil di kantor tuliskan "
            "pemberitahuan pengambilan (tempat, jam, yang dibawa). Dikirim kepada "
            "pemohon bersama undangan survei IKM."
        ),
        _("Tuliskan catatan hasil, mis. cara mengambil dokumen."),
    )

    field_order = ["jenis_hasil", "template", "sudah_pratinjau", "hasil", "catatan"]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("jenis_hasil")
        if not kind and cleaned.get("hasil"):
            # An uploaded document is a result the officer chose explicitly.
            kind = cleaned["jenis_hasil"] = JenisHasil.BERKAS
        if not kind and "hasil" not in self.errors:
            self.add_error("jenis_hasil", NO_RESULT_MESSAGE)
        elif kind == JenisHasil.SURAT:
            self.check_letter(cleaned)
        elif kind == JenisHasil.BERKAS and not cleaned.get("hasil"):
            self.add_error("hasil", _("Unggah dokumen hasil."))
        return cleaned


def complete_kwargs(data):
    """The result arguments of ``services.complete`` for a valid CompleteForm."""
    kind = data["jenis_hasil"]
    return {
        "letter_template": data["template"] if kind == JenisHasil.SURAT else None,
        "result": data["hasil"] if kind == JenisHasil.BERKAS else None,
        "pickup": kind == JenisHasil.AMBIL,
    }


class RevokeLetterForm(PermohonanActionForm):
    alasan = note_field(
        _("Alasan pencabutan"),
        _(
            "Wajib diisi; dicatat dan dikirim kepada pemohon. Halaman verifikasi "
            "akan menyatakan surat ini dicabut. Terbitkan surat pengganti sesudahnya."
        ),
        _("Alasan pencabutan wajib diisi."),
    )


class ReissueLetterForm(LetterChoiceMixin, PermohonanActionForm):
    def clean(self):
        cleaned = super().clean()
        self.check_letter(cleaned)
        return cleaned


# Service standards: letter templates checked against the service's fields.


class StandarLayananForm(WagtailAdminModelForm):
    """Refuses letter templates with placeholders the service cannot fill."""

    def clean(self):
        cleaned = super().clean()
        isian = cleaned.get("isian")
        known = known_placeholders(isian if isian is not None else self.instance.isian)
        formset = self.formsets.get("template_surat")
        for form in formset.forms if formset is not None else ():
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            unknown = unknown_placeholders(form.cleaned_data.get("isi"), known)
            if unknown:
                form.add_error(
                    "isi",
                    _(
                        "Penanda tidak dikenal: %(names)s. Penanda yang tersedia: "
                        "%(known)s."
                    )
                    % {
                        "names": ", ".join(f"{{{{ {name} }}}}" for name in unknown),
                        "known": ", ".join(sorted(known)),
                    },
                )
            pattern = form.cleaned_data.get("pola_nomor") or ""
            bad = unknown_number_placeholders(pattern)
            if bad:
                form.add_error(
                    "pola_nomor",
                    _("Penanda nomor tidak dikenal: %(names)s.")
                    % {"names": ", ".join(f"{{{name}}}" for name in bad)},
                )
            elif "{nomor}" not in pattern:
                form.add_error("pola_nomor", _("Pola nomor harus memuat {nomor}."))
        return cleaned
