from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.choices import KategoriInformasi
from portal.models import PerangkatDaerah


class DIPFilterForm(forms.Form):
    """The GET filters of the Daftar Informasi Publik; invalid values are reported."""

    q = forms.CharField(
        label=_("Kata kunci"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kategori = forms.ChoiceField(
        label=_("Kategori"),
        required=False,
        choices=[("", _("Semua kategori")), *KategoriInformasi.choices],
    )
    opd = forms.ModelChoiceField(
        label=_("Perangkat daerah"),
        required=False,
        queryset=PerangkatDaerah.objects.filter(aktif=True),
        to_field_name="slug",
        empty_label=_("Semua perangkat daerah"),
    )
    tahun = forms.TypedChoiceField(
        label=_("Tahun"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = [("", _("Semua tahun"))] + [
            (year, year) for year in years
        ]

    def filter(self, queryset):
        """``queryset`` narrowed by the valid filters (all of them, if the form is bound)."""
        if not self.is_bound or not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["q"]:
            queryset = queryset.filter(
                Q(title__icontains=data["q"])
                | Q(nomor__icontains=data["q"])
                | Q(ringkasan__icontains=data["q"])
                | Q(penanggung_jawab__icontains=data["q"])
            )
        if data["kategori"]:
            queryset = queryset.filter(kategori=data["kategori"])
        if data["opd"]:
            queryset = queryset.filter(perangkat_daerah=data["opd"])
        if data["tahun"]:
            queryset = queryset.filter(tahun=data["tahun"])
        return queryset
