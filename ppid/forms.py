"""PPID forms: KIP requests and objections (one validation path for the site and the
API) and the DIP filters."""

import hmac
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.forms import (
    EmailAddressInput,
    HoneypotMixin,
    OptionsSelect,
    PhoneInput,
    PublicFormMixin,
)
from portal.models import PerangkatDaerah
from portal.search_query import search_words
from portal.tracking import normalise_tracking_code
from portal.validators import normalise_phone, validate_nik
from ppid.choices import (
    AlasanKeberatan,
    CaraMemperoleh,
    CaraPenyampaian,
    JenisIdentitas,
    KategoriInformasi,
)
from ppid.models import PermohonanInformasi

MAX_OBJECTION_LENGTH = 4000
MAX_NUMBER_LENGTH = 40


def _digits(value):
    return "".join(ch for ch in str(value) if ch.isdigit())


def _normalise_identity_number(value):
    return "".join(str(value).split()).upper()


def _same(given, stored):
    """Constant-time comparison; an empty value never matches."""
    return bool(given and stored) and hmac.compare_digest(
        given.encode(), stored.encode()
    )


class PermohonanInformasiForm(HoneypotMixin, forms.ModelForm):
    """A request for public information; the requester must be identified.

    The model's ``clean()`` adds the cross-field rules (a contact, the delivery of a copy, email for email).
    """

    honeypot_message = _("Permohonan tidak dapat dikirim.")

    cara_memperoleh = forms.ChoiceField(
        label=_("Cara memperoleh informasi"),
        choices=CaraMemperoleh.choices,
        widget=forms.RadioSelect,
    )
    cara_penyampaian = forms.ChoiceField(
        label=_("Cara mendapatkan salinan"),
        choices=CaraPenyampaian.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Wajib dipilih bila Anda meminta salinan informasi."),
    )

    class Meta:
        model = PermohonanInformasi
        fields = [
            "nama",
            "alamat",
            "jenis_identitas",
            "nomor_identitas",
            "pekerjaan",
            "telepon",
            "email",
            "informasi_diminta",
            "tujuan",
            "cara_memperoleh",
            "cara_penyampaian",
        ]
        labels = {
            "nama": _("Nama lengkap"),
            "alamat": _("Alamat"),
            "jenis_identitas": _("Jenis identitas"),
            "nomor_identitas": _("Nomor identitas"),
            "pekerjaan": _("Pekerjaan"),
            "telepon": _("Nomor telepon/WhatsApp"),
            "email": _("Email"),
            "informasi_diminta": _("Rincian informasi yang dibutuhkan"),
            "tujuan": _("Tujuan penggunaan informasi"),
        }
        help_texts = {
            "nomor_identitas": _(
                "Untuk KTP: NIK, 16 angka. Nomor ini tidak pernah ditampilkan di "
                "halaman publik."
            ),
            "email": _("Isi email atau telepon agar kami dapat mengabari Anda."),
            "informasi_diminta": _(
                "Sebutkan sejelas mungkin dokumen atau data yang Anda butuhkan. "
                "Jangan tulis data pribadi di sini (NIK, nomor telepon, email, nama "
                "orang lain); identitas Anda cukup diisi pada bagian Identitas "
                "pemohon. Paling banyak 4.000 karakter."
            ),
            "tujuan": _("Paling banyak 2.000 karakter."),
        }
        widgets = {
            "alamat": forms.Textarea(attrs={"rows": 3}),
            "informasi_diminta": forms.Textarea(attrs={"rows": 6}),
            "tujuan": forms.Textarea(attrs={"rows": 3}),
            # A NIK by default; kip-form.js switches to letters for a passport.
            "nomor_identitas": forms.TextInput(
                attrs={
                    "autocomplete": "off",
                    "inputmode": "numeric",
                    "data-identity-number": "",
                }
            ),
            "telepon": PhoneInput(),
            "email": EmailAddressInput(),
            "nama": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def clean_nomor_identitas(self):
        return _normalise_identity_number(self.cleaned_data["nomor_identitas"])

    def clean_telepon(self):
        return normalise_phone(self.cleaned_data["telepon"])

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("nomor_identitas")
        if cleaned.get("jenis_identitas") == JenisIdentitas.KTP and number:
            try:
                validate_nik(number)
            except ValidationError as error:
                self.add_error("nomor_identitas", error)
        if cleaned.get("cara_memperoleh") != CaraMemperoleh.SALINAN:
            # Only a copy is delivered; a hidden, stale choice must not stick.
            cleaned["cara_penyampaian"] = ""
        return cleaned


class KeberatanForm(PublicFormMixin, forms.Form):
    """An objection: one or more grounds of Pasal 35 ayat (1) and a description."""

    alasan = forms.MultipleChoiceField(
        label=_("Alasan keberatan (Pasal 35 ayat (1) UU 14/2008)"),
        choices=AlasanKeberatan.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Pilih satu atau lebih alasan."),
        error_messages={"required": _("Pilih paling sedikit satu alasan keberatan.")},
    )
    uraian = forms.CharField(
        label=_("Uraian keberatan"),
        max_length=MAX_OBJECTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Jelaskan mengapa Anda keberatan dan apa yang Anda minta. Paling banyak "
            "4.000 karakter."
        ),
        error_messages={"required": _("Uraikan keberatan Anda.")},
    )


class IdentitasPemohonForm(PublicFormMixin, forms.Form):
    """Proof that the person filing an objection by number made the request.

    The identity number and the email or telephone of the request must match;
    :meth:`permohonan` returns the request only then, so a mismatch and an unknown
    number look the same.
    """

    nomor = forms.CharField(
        label=_("Nomor registrasi permohonan"),
        max_length=MAX_NUMBER_LENGTH,
        help_text=_("Contoh: KIP-7Q4M-2KXP."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
    )
    nomor_identitas = forms.CharField(
        label=_("Nomor identitas pada permohonan"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    kontak = forms.CharField(
        label=_("Email atau nomor telepon pada permohonan"),
        max_length=254,
    )

    def clean_nomor(self):
        return normalise_tracking_code(self.cleaned_data["nomor"])

    def permohonan(self):
        """The matching request, or ``None`` (also for an invalid form)."""
        if not self.is_valid():
            return None
        data = self.cleaned_data
        permohonan = PermohonanInformasi.objects.filter(
            kode_lacak=data["nomor"]
        ).first()
        if permohonan is None:
            return None
        number_ok = _same(
            _normalise_identity_number(data["nomor_identitas"]),
            _normalise_identity_number(permohonan.nomor_identitas),
        )
        contact = data["kontak"].strip()
        if "@" in contact:
            contact_ok = _same(contact.lower(), permohonan.email.strip().lower())
        else:
            contact_ok = _same(_digits(contact), _digits(permohonan.telepon))
        return permohonan if number_ok and contact_ok else None


def _word_start_pattern(word, vendor):
    """A regular expression matching ``word`` (letters and digits only) where a
    word begins: "anggaran" finds "Anggaran 2026" and "anggarannya", never
    "Pelanggaran". PostgreSQL writes the word boundary ``\\m``; SQLite (Python's
    ``re``) and MySQL ``\\b``."""
    boundary = r"\m" if vendor == "postgresql" else r"\b"
    return boundary + re.escape(word)


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
        widget=OptionsSelect,
    )
    opd = forms.ModelChoiceField(
        label=_("Perangkat daerah"),
        required=False,
        widget=OptionsSelect,
        queryset=PerangkatDaerah.objects.filter(aktif=True),
        to_field_name="slug",
        empty_label=_("Semua perangkat daerah"),
    )
    tahun = forms.TypedChoiceField(
        label=_("Tahun"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=OptionsSelect,
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
        for word in search_words(data["q"]):
            pattern = _word_start_pattern(word, connections[queryset.db].vendor)
            queryset = queryset.filter(
                Q(title__iregex=pattern)
                | Q(nomor__iregex=pattern)
                | Q(ringkasan__iregex=pattern)
                | Q(penanggung_jawab__iregex=pattern)
            )
        if data["kategori"]:
            queryset = queryset.filter(kategori=data["kategori"])
        if data["opd"]:
            queryset = queryset.filter(perangkat_daerah=data["opd"])
        if data["tahun"]:
            queryset = queryset.filter(tahun=data["tahun"])
        return queryset
