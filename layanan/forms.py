"""The application form, built from a service's requirements and fields.

One validation path for the public site and the service API: both bind
:func:`application_form_class` (new applications) or :func:`fix_form_class`
(resubmission after ``perlu_perbaikan``).
"""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from layanan.choices import (
    SKALA_IKM,
    UNSUR_IKM,
    JenisKelamin,
    Pekerjaan,
    Pendidikan,
)
from layanan.models import Permohonan
from portal.forms import (
    CheckedFileField,
    EmailAddressInput,
    HoneypotMixin,
    NIKInput,
    PhoneInput,
    PublicFormMixin,
    validate_desa_in_kecamatan,
)
from portal.models import Desa, Kecamatan
from portal.validators import normalise_phone, validate_nik

REQUIREMENT_PREFIX = "syarat_"
FIELD_PREFIX = "isian_"
UPLOAD_HELP = _("JPEG, PNG, WebP atau PDF, paling besar 5 MB.")


def requirement_name(block):
    return f"{REQUIREMENT_PREFIX}{block.id}"


def field_name(block):
    return f"{FIELD_PREFIX}{block.id}"


def _isian_field(block, for_fix):
    value = block.value
    options = {
        "label": value["label"],
        "required": bool(value.get("wajib")),
        "help_text": value.get("bantuan") or "",
    }
    kind = block.block_type
    if kind == "teks":
        widget = forms.Textarea(attrs={"rows": 4}) if value.get("panjang") else None
        return forms.CharField(max_length=2000, widget=widget, **options)
    if kind == "angka":
        return forms.IntegerField(
            min_value=value.get("minimum"), max_value=value.get("maksimum"), **options
        )
    if kind == "tanggal":
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}), **options
        )
    if kind == "pilihan":
        choices = [(choice, choice) for choice in value.get("pilihan") or []]
        return forms.ChoiceField(
            choices=[("", _("Pilih salah satu")), *choices], **options
        )
    # berkas: when fixing, an earlier upload is kept unless replaced.
    if for_fix:
        options["required"] = False
    options["help_text"] = " ".join(
        str(text) for text in (options["help_text"], UPLOAD_HELP) if text
    )
    return CheckedFileField(**options)


class DynamicFieldsMixin:
    """Adds a service's requirement uploads and fields, and reads them back."""

    def add_service_fields(self, layanan, for_fix=False, answers=None):
        self.layanan = layanan
        self._requirements = list(layanan.unggahan_persyaratan)
        self._fields = list(layanan.isian)
        answers = answers or {}
        for block in self._requirements:
            self.fields[requirement_name(block)] = CheckedFileField(
                label=block.value["nama"],
                required=not for_fix,
                help_text=" ".join(
                    str(text)
                    for text in (block.value.get("keterangan"), UPLOAD_HELP)
                    if text
                ),
            )
        for block in self._fields:
            name = field_name(block)
            self.fields[name] = _isian_field(block, for_fix)
            if block.id in answers and block.block_type != "berkas":
                self.fields[name].initial = answers[block.id]

    def jawaban(self):
        """The non-file answers as ``[{kunci, label, jenis, nilai}]`` (JSON-safe)."""
        rows = []
        for block in self._fields:
            if block.block_type == "berkas":
                continue
            value = self.cleaned_data.get(field_name(block))
            if isinstance(value, datetime.date):
                value = value.isoformat()
            rows.append(
                {
                    "kunci": block.id,
                    "label": block.value["label"],
                    "jenis": block.block_type,
                    "nilai": "" if value is None else value,
                }
            )
        return rows

    def uploads(self):
        """``(kunci, label, CleanUpload)`` for every file given."""
        result = []
        for block in self._requirements:
            upload = self.cleaned_data.get(requirement_name(block))
            if upload:
                result.append((block.id, block.value["nama"], upload))
        for block in self._fields:
            if block.block_type == "berkas":
                upload = self.cleaned_data.get(field_name(block))
                if upload:
                    result.append((block.id, block.value["label"], upload))
        return result


class PermohonanForm(HoneypotMixin, DynamicFieldsMixin, forms.ModelForm):
    """A new application."""

    honeypot_message = _("Permohonan tidak dapat dikirim.")

    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan tempat mengajukan"),
        queryset=Kecamatan.objects.none(),
        to_field_name="slug",
        empty_label=_("Pilih kecamatan"),
    )
    desa = forms.ModelChoiceField(
        label=_("Desa/kelurahan (tidak wajib)"),
        queryset=Desa.objects.select_related("kecamatan"),
        required=False,
        empty_label=_("Pilih desa/kelurahan"),
    )
    nik = forms.CharField(
        label=_("NIK"),
        max_length=16,
        validators=[validate_nik],
        widget=NIKInput(),
        help_text=_(
            "16 angka pada KTP. Hanya petugas kecamatan yang dapat melihatnya."
        ),
    )
    setuju = forms.BooleanField(
        label=_("Saya menyatakan data dan dokumen yang saya kirim benar."),
    )

    class Meta:
        model = Permohonan
        fields = ["kecamatan", "desa", "nama", "nik", "telepon", "email", "alamat"]
        labels = {
            "nama": _("Nama lengkap (sesuai KTP)"),
            "telepon": _("Nomor telepon/WhatsApp"),
            "email": _("Email (tidak wajib)"),
            "alamat": _("Alamat lengkap"),
        }
        help_texts = {
            "email": _("Isi agar kami dapat mengabarkan perkembangan permohonan Anda."),
        }
        widgets = {
            "nama": forms.TextInput(attrs={"autocomplete": "name"}),
            "telepon": PhoneInput(),
            "email": EmailAddressInput(),
            "alamat": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, layanan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].queryset = (
            Kecamatan.objects.all()
            if layanan.semua_kecamatan
            else layanan.kecamatan.all()
        )
        self.add_service_fields(layanan)

    def clean_telepon(self):
        return normalise_phone(self.cleaned_data["telepon"])

    def clean(self):
        cleaned = super().clean()
        validate_desa_in_kecamatan(self)
        return cleaned

    def submit(self):
        """Submit the validated application through the service; returns it saved."""
        from layanan.services import submit_permohonan

        permohonan = self.save(commit=False)
        permohonan.layanan = self.layanan
        permohonan.jawaban = self.jawaban()
        return submit_permohonan(permohonan, self.uploads())


class PerbaikanForm(PublicFormMixin, DynamicFieldsMixin, forms.Form):
    """The applicant's fix: answers prefilled, files replaced only when given."""

    pesan = forms.CharField(
        label=_("Keterangan perbaikan (tidak wajib)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, permohonan, **kwargs):
        super().__init__(*args, **kwargs)
        self.permohonan = permohonan
        answers = {row["kunci"]: row["nilai"] for row in permohonan.jawaban or []}
        self.add_service_fields(permohonan.layanan, for_fix=True, answers=answers)

    def submit(self):
        from layanan.services import resubmit

        return resubmit(
            self.permohonan,
            self.jawaban(),
            self.uploads(),
            self.cleaned_data.get("pesan", ""),
        )


class SurveiForm(PublicFormMixin, forms.Form):
    """The nine IKM questions, each answered 1-4, and an optional suggestion."""

    saran = forms.CharField(
        label=_("Saran untuk perbaikan layanan (tidak wajib)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    # The respondent profile of the questionnaire (PermenPANRB 14/2017 annex), each
    # item optional.
    jenis_kelamin = forms.ChoiceField(
        label=_("Jenis kelamin (tidak wajib)"),
        required=False,
        choices=[("", _("Tidak ingin mengisi")), *JenisKelamin.choices],
    )
    usia = forms.IntegerField(
        label=_("Usia dalam tahun (tidak wajib)"),
        required=False,
        min_value=10,
        max_value=120,
        error_messages={
            "min_value": _("Usia paling kecil 10 tahun."),
            "max_value": _("Usia paling besar 120 tahun."),
            "invalid": _("Tulis usia dengan angka, mis. 35."),
        },
    )
    pendidikan = forms.ChoiceField(
        label=_("Pendidikan terakhir (tidak wajib)"),
        required=False,
        choices=[("", _("Tidak ingin mengisi")), *Pendidikan.choices],
    )
    pekerjaan = forms.ChoiceField(
        label=_("Pekerjaan (tidak wajib)"),
        required=False,
        choices=[("", _("Tidak ingin mengisi")), *Pekerjaan.choices],
    )

    PROFILE = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, label in UNSUR_IKM:
            self.fields[field] = forms.TypedChoiceField(
                label=label,
                choices=SKALA_IKM,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu nilai.")},
            )
        self.order_fields(
            [*self.PROFILE, *(field for field, _label in UNSUR_IKM), "saran"]
        )

    def scores(self):
        return {field: self.cleaned_data[field] for field, _label in UNSUR_IKM}

    def profile(self):
        """The profile items given (empty ones left out)."""
        return {
            field: self.cleaned_data[field]
            for field in self.PROFILE
            if self.cleaned_data.get(field) not in (None, "")
        }
