"""Forms of the actions PPID staff take on an information request in the admin.

Each form only collects input; the state change itself is done by the matching
function in :mod:`ppid.services`, which also validates it.
"""

from pathlib import PurePath

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.choices import DasarPengecualian
from portal.forms import MultipleCheckedFileField
from ppid.choices import KeputusanPermohonan, PutusanKeberatan

#: Answer documents attached to one decision.
MAX_DOCUMENTS = 5


class PermohonanActionForm(forms.Form):
    """Base of the action forms: knows the request it acts on."""

    def __init__(self, *args, permohonan, **kwargs):
        self.permohonan = permohonan
        super().__init__(*args, **kwargs)


class ExtendForm(PermohonanActionForm):
    alasan = forms.CharField(
        label=_("Alasan perpanjangan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Wajib diisi dan dikirim kepada pemohon. Jangka waktu hanya dapat "
            "diperpanjang satu kali, 7 hari kerja."
        ),
    )


class PublicSummaryForm(PermohonanActionForm):
    ringkasan_publik = forms.CharField(
        label=_("Ringkasan publik"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Tampil di register publik menggantikan teks pemohon. Jangan tulis data "
            "pribadi: nama, NIK, nomor telepon, email atau alamat."
        ),
    )
    alasan = forms.CharField(
        label=_("Alasan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Misalnya: data pribadi dihapus, atau ringkasan diperbaiki. Dicatat di "
            "riwayat internal; tidak dikirim kepada pemohon."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["ringkasan_publik"].initial = self.permohonan.ringkasan_publik


class DecideForm(PermohonanActionForm):
    keputusan = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[("", _("Pilih keputusan")), *KeputusanPermohonan.choices],
    )
    jawaban = forms.CharField(
        label=_("Jawaban tertulis kepada pemohon"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    dasar_penolakan = forms.ChoiceField(
        label=_("Dasar pengecualian (Pasal 17)"),
        choices=[("", _("Tidak ada")), *DasarPengecualian.choices],
        required=False,
        help_text=_(
            "Wajib bila permohonan ditolak; isi juga bila diberikan sebagian karena "
            "sebagian informasi dikecualikan."
        ),
    )
    uji_konsekuensi = forms.CharField(
        label=_("Uji konsekuensi"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wajib bila ada dasar pengecualian."),
    )
    dokumen = MultipleCheckedFileField(
        label=_("Dokumen jawaban"),
        required=False,
        max_files=MAX_DOCUMENTS,
        error_messages={"too_many": _("Paling banyak %(max)s dokumen.")},
        help_text=_(
            "PDF atau gambar (JPEG, PNG, WebP), paling banyak %(count)s berkas, "
            "masing-masing paling besar 5 MB. Hanya pemohon yang dapat mengunduhnya."
        )
        % {"count": MAX_DOCUMENTS},
    )

    def clean_dokumen(self):
        """``(title, upload)`` pairs, each document titled after its file name."""
        return [
            (
                PurePath(upload.original_name).stem[:200] or _("Dokumen jawaban"),
                upload,
            )
            for upload in self.cleaned_data["dokumen"]
        ]


class DeliverForm(PermohonanActionForm):
    disampaikan_pada = forms.DateField(
        label=_("Tanggal disampaikan"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Tanggal informasi atau surat keputusan diterima pemohon."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["disampaikan_pada"].initial = timezone.localdate()


class AnswerObjectionForm(PermohonanActionForm):
    putusan = forms.ChoiceField(
        label=_("Putusan atas keberatan"),
        choices=PutusanKeberatan.choices,
        widget=forms.RadioSelect,
    )
    tanggapan = forms.CharField(
        label=_("Tanggapan tertulis atasan PPID"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Dikirim kepada pemohon bersama pemberitahuan bahwa ia dapat mengajukan "
            "sengketa informasi kepada Komisi Informasi."
        ),
    )
