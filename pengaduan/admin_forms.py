"""Forms of the processing actions officers take on a report in the admin.

Each form only collects input; the state change itself is done by the matching
function in :mod:`pengaduan.services`, which also validates it.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pengaduan.models import TemplateTanggapan
from portal.models import PerangkatDaerah


class LaporanActionForm(forms.Form):
    """Base of the action forms: knows the report it acts on."""

    def __init__(self, *args, laporan, **kwargs):
        self.laporan = laporan
        super().__init__(*args, **kwargs)


class VerifyForm(LaporanActionForm):
    catatan = forms.CharField(
        label=_("Catatan untuk pelapor (tidak wajib)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RejectForm(LaporanActionForm):
    alasan = forms.CharField(
        label=_("Alasan penolakan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib diisi; alasan ditampilkan kepada pelapor."),
    )


class DispatchForm(LaporanActionForm):
    perangkat_daerah = forms.ModelChoiceField(
        label=_("OPD tujuan"),
        queryset=PerangkatDaerah.objects.filter(aktif=True).order_by("nama"),
        empty_label=_("Pilih OPD"),
    )
    catatan = forms.CharField(
        label=_("Pesan untuk OPD dan pelapor (tidak wajib)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, laporan, **kwargs):
        super().__init__(*args, laporan=laporan, **kwargs)
        default = laporan.kategori.perangkat_daerah_default_id
        if default and not self.is_bound:
            self.fields["perangkat_daerah"].initial = default


def templates_for(laporan):
    """Response templates of the report's category, and the general ones."""
    return TemplateTanggapan.objects.filter(
        Q(kategori_id=laporan.kategori_id) | Q(kategori__isnull=True)
    ).order_by("judul")


class TemplateChoiceForm(LaporanActionForm):
    """Picks a response template whose text is copied into the answer boxes (GET)."""

    template = forms.ModelChoiceField(
        label=_("Template tanggapan"),
        queryset=TemplateTanggapan.objects.none(),
        required=False,
        empty_label=_("Tanpa template"),
    )

    def __init__(self, *args, laporan, **kwargs):
        super().__init__(*args, laporan=laporan, **kwargs)
        self.fields["template"].queryset = templates_for(laporan)

    def chosen_text(self):
        if self.is_valid() and self.cleaned_data["template"]:
            return self.cleaned_data["template"].isi
        return ""


class FollowupForm(LaporanActionForm):
    pesan = forms.CharField(
        label=_("Tindak lanjut"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    publik = forms.BooleanField(
        label=_("Tampilkan kepada pelapor"),
        required=False,
        initial=True,
        help_text=_("Tidak dicentang: catatan internal, hanya terlihat oleh petugas."),
    )


class ResolveForm(LaporanActionForm):
    pesan = forms.CharField(
        label=_("Jawaban penyelesaian"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Jawaban akhir yang ditampilkan kepada pelapor."),
    )


class CloseForm(LaporanActionForm):
    catatan = forms.CharField(
        label=_("Catatan penutupan (tidak wajib)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FlagDecisionForm(LaporanActionForm):
    TAMPILKAN = "tampilkan"
    SEMBUNYIKAN = "sembunyikan"

    keputusan = forms.ChoiceField(
        label=_("Keputusan atas tanda pembaca"),
        choices=[
            (TAMPILKAN, _("Tampilkan kembali kepada publik")),
            (SEMBUNYIKAN, _("Tetap sembunyikan")),
        ],
        widget=forms.RadioSelect,
    )


class MakeConfidentialForm(LaporanActionForm):
    alasan = forms.CharField(
        label=_("Alasan menjadikan rahasia"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Alasan menjadikan laporan rahasia wajib diisi.")
        },
        help_text=_(
            "Wajib diisi; dicatat sebagai catatan internal. Laporan tidak lagi "
            "dipublikasikan dan tidak dapat dijadikan terbuka kembali."
        ),
    )
