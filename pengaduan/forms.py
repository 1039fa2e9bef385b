"""The report form: one validation path for the public site and the service API."""

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pengaduan.location import in_langkat
from pengaduan.models import MAX_DESCRIPTION_LENGTH, KategoriLaporan, Laporan
from pengaduan.services import MAX_ATTACHMENTS
from portal.forms import (
    EmailAddressInput,
    HoneypotMixin,
    MultipleCheckedFileField,
    NIKInput,
    PhoneInput,
)
from portal.models import Desa, Kecamatan
from portal.validators import normalise_phone, validate_nik


class CoordinateField(forms.DecimalField):
    """A latitude or longitude in degrees: a decimal comma is accepted (as typed in
    Indonesian) and more than six decimals are rounded, not refused."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    # A plain bound field: the public forms' one would give a number field the
    # digits-only keyboard, without the decimal point.
    bound_field_class = forms.BoundField

    def __init__(self, **kwargs):
        super().__init__(max_digits=9, decimal_places=6, required=False, **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and "," in value and "." not in value:
            value = value.replace(",", ".")
        number = super().to_python(value)
        if number is None or not number.is_finite():
            return number
        return number.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)


class LaporanForm(HoneypotMixin, forms.ModelForm):
    """A citizen's report."""

    honeypot_message = _("Laporan tidak dapat dikirim.")

    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=KategoriLaporan.objects.filter(aktif=True),
        to_field_name="slug",
        empty_label=_("Pilih kategori"),
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        queryset=Kecamatan.objects.all(),
        to_field_name="slug",
        empty_label=_("Pilih kecamatan"),
    )
    desa = forms.ModelChoiceField(
        label=_("Desa/kelurahan"),
        queryset=Desa.objects.select_related("kecamatan"),
        required=False,
        empty_label=_("Pilih desa/kelurahan"),
    )
    isi = forms.CharField(
        label=_("Isi laporan"),
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Ceritakan apa, di mana dan kapan. Paling banyak 4.000 karakter."),
    )
    nik = forms.CharField(
        label=_("NIK (tidak wajib)"),
        required=False,
        max_length=16,
        validators=[validate_nik],
        widget=NIKInput(),
        help_text=_("16 angka pada KTP. Hanya moderator yang dapat melihatnya."),
    )
    lampiran = MultipleCheckedFileField(
        label=_("Lampiran (tidak wajib)"),
        required=False,
        max_files=MAX_ATTACHMENTS,
        error_messages={"too_many": _("Paling banyak %(max)s lampiran.")},
        help_text=_(
            "Paling banyak 5 berkas JPEG, PNG, WebP atau PDF, masing-masing 5 MB. "
            "Data lokasi pada foto dihapus otomatis."
        ),
    )
    setuju = forms.BooleanField(
        label=_("Saya menyatakan laporan ini benar dan dapat dipertanggungjawabkan."),
    )
    latitude = CoordinateField(
        label=_("Lintang (tidak wajib)"),
        min_value=-90,
        max_value=90,
        help_text=_("Contoh: 3.7752. Terisi otomatis bila Anda memilih titik di peta."),
    )
    longitude = CoordinateField(
        label=_("Bujur (tidak wajib)"),
        min_value=-180,
        max_value=180,
        help_text=_("Contoh: 98.4521."),
    )

    class Meta:
        model = Laporan
        fields = [
            "jenis",
            "kategori",
            "judul",
            "isi",
            "kecamatan",
            "desa",
            "alamat",
            "latitude",
            "longitude",
            "tanggal_kejadian",
            "nama_pelapor",
            "email",
            "telepon",
            "nik",
            "anonim",
            "rahasia",
        ]
        labels = {
            "jenis": _("Jenis laporan"),
            "judul": _("Judul laporan"),
            "alamat": _("Alamat atau patokan lokasi (tidak wajib)"),
            "tanggal_kejadian": _("Tanggal kejadian (tidak wajib)"),
            "nama_pelapor": _("Nama lengkap"),
            "email": _("Email"),
            "telepon": _("Nomor telepon/WhatsApp"),
            "anonim": _("Rahasiakan identitas saya (anonim)"),
            "rahasia": _("Jangan publikasikan laporan ini (rahasia)"),
        }
        help_texts = {
            "anonim": _(
                "Nama dan kontak Anda hanya terlihat oleh moderator, tidak oleh OPD."
            ),
            "rahasia": _("Laporan tidak tampil di daftar publik."),
            "email": _("Isi email atau telepon agar kami dapat mengabari Anda."),
        }
        widgets = {
            "tanggal_kejadian": forms.DateInput(attrs={"type": "date"}),
            "nama_pelapor": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": EmailAddressInput(),
            "telepon": PhoneInput(),
        }

    def clean(self):
        cleaned_data = super().clean()
        latitude = cleaned_data.get("latitude")
        longitude = cleaned_data.get("longitude")
        if "latitude" in self.errors or "longitude" in self.errors:
            return cleaned_data
        if (latitude is None) != (longitude is None):
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(
                missing,
                _("Isi lintang dan bujur bersama-sama, atau kosongkan keduanya."),
            )
        elif latitude is not None and not in_langkat(latitude, longitude):
            self.add_error(
                "latitude",
                _(
                    "Titik lokasi berada di luar wilayah Kabupaten Langkat. Periksa "
                    "lintang dan bujur, atau kosongkan keduanya."
                ),
            )
        return cleaned_data

    def clean_telepon(self):
        return normalise_phone(self.cleaned_data["telepon"])

    def clean_tanggal_kejadian(self):
        value = self.cleaned_data["tanggal_kejadian"]
        if value and value > timezone.localdate():
            raise ValidationError(_("Tanggal kejadian tidak boleh di masa depan."))
        return value

    def save_report(self):
        """Submit the validated report through the service; returns the saved report."""
        from pengaduan.services import submit_laporan

        laporan = self.save(commit=False)
        return submit_laporan(laporan, self.cleaned_data.get("lampiran") or [])
