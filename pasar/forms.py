"""Owners' forms: the UMKM profile and products. The dashboard and the owner API
validate with these same forms, so both channels apply the same rules."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pasar.choices import Ketersediaan
from pasar.models import MAX_PRICE, MAX_PRODUCT_IMAGES, UMKM, KategoriProduk
from pasar.phone import normalise_whatsapp, validate_whatsapp
from portal.forms import PhoneInput, PublicFormMixin, group_desa_choices
from portal.models import Desa, Kecamatan
from portal.uploads import clean_upload

MAX_TAGS = 10
MAX_TAG_LENGTH = 50


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ImageUploadsField(forms.FileField):
    """Any number of photos, each checked by content (JPEG, PNG or WebP, 5 MB)
    and re-encoded without metadata. The form checks the total per product."""

    widget = MultipleImageInput

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            files = [item for item in data if item]
        else:
            files = [data] if data else []
        cleaned, errors = [], []
        for uploaded in files:
            try:
                cleaned.append(clean_upload(uploaded, allow_pdf=False))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


class ImageUploadField(forms.FileField):
    """One photo, checked by content and re-encoded without metadata."""

    def clean(self, data, initial=None):
        data = super().clean(data, initial)
        if not data or data is initial:
            return None
        return clean_upload(data, allow_pdf=False)


class RupiahField(forms.IntegerField):
    """Whole Rupiah; accepts what people type: ``15000``, ``15.000``, ``Rp 15.000``."""

    default_error_messages = {
        "invalid": _("Tulis harga dalam Rupiah tanpa sen, mis. 15000 atau 15.000."),
        "min_value": _("Harga harus lebih dari Rp 0."),
        "max_value": _("Harga terlalu besar; periksa jumlah angka nol."),
    }

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_PRICE, **kwargs)
        self.widget.input_type = "text"
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("min", None)
        attrs.pop("max", None)
        attrs.pop("step", None)
        return attrs

    def to_python(self, value):
        if isinstance(value, str):
            text = value.strip()
            text = re.sub(r"^rp\.?\s*", "", text, flags=re.IGNORECASE)
            if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
                text = text.replace(".", "")
            value = text.replace(" ", "")
        return super().to_python(value)


class UMKMProfileForm(PublicFormMixin, forms.ModelForm):
    """The owner's business profile."""

    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        queryset=Kecamatan.objects.order_by("nama"),
        to_field_name="slug",
        empty_label=_("Pilih kecamatan"),
    )
    desa = forms.ModelChoiceField(
        label=_("Desa/kelurahan (tidak wajib)"),
        queryset=Desa.objects.select_related("kecamatan"),
        required=False,
        empty_label=_("Pilih desa/kelurahan"),
    )
    whatsapp = forms.CharField(
        label=_("Nomor WhatsApp"),
        max_length=30,
        help_text=_("Nomor ponsel untuk dihubungi pembeli, mis. 0812 3456 7890."),
        widget=PhoneInput(),
    )
    logo_baru = ImageUploadField(
        label=_("Logo atau foto usaha (tidak wajib)"),
        required=False,
        help_text=_("JPEG, PNG atau WebP, paling besar 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    class Meta:
        model = UMKM
        fields = [
            "nama_usaha",
            "nib",
            "kecamatan",
            "desa",
            "alamat",
            "whatsapp",
            "deskripsi",
        ]
        labels = {
            "nama_usaha": _("Nama usaha"),
            "nib": _("NIB (tidak wajib)"),
            "alamat": _("Alamat usaha"),
            "deskripsi": _("Tentang usaha"),
        }
        help_texts = {
            "nib": _("13 angka Nomor Induk Berusaha dari OSS, bila sudah punya."),
            "deskripsi": _("Ceritakan usaha Anda: apa yang dibuat, sejak kapan."),
        }
        widgets = {
            "nib": forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off"}
            ),
            "deskripsi": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group_desa_choices(self)

    def clean_nib(self):
        return re.sub(r"[\s.\-]", "", self.cleaned_data.get("nib") or "")

    def clean_whatsapp(self):
        number = normalise_whatsapp(self.cleaned_data["whatsapp"])
        validate_whatsapp(number)
        return number

    def profile_data(self):
        """The cleaned fields for :func:`pasar.services.save_umkm_profile`."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ProdukForm(PublicFormMixin, forms.Form):
    """A product as the owner writes it; ``existing_images`` are the photos of the
    latest revision, each with a "remove" box and a position."""

    title = forms.CharField(
        label=_("Nama produk"),
        max_length=120,
        help_text=_("Mis. Keripik Pisang Kepok Original."),
    )
    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=KategoriProduk.objects.all(),
        to_field_name="slug",
        empty_label=_("Pilih kategori"),
    )
    deskripsi = forms.CharField(
        label=_("Deskripsi"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Bahan, ukuran, rasa, cara pesan. Paling banyak 3.000 karakter."),
    )
    harga = RupiahField(label=_("Harga (Rp)"), help_text=_("Mis. 15000."))
    harga_maks = RupiahField(
        label=_("Harga tertinggi (Rp, tidak wajib)"),
        required=False,
        help_text=_("Isi bila harga berupa rentang, mis. menurut ukuran."),
    )
    satuan = forms.CharField(
        label=_("Satuan"),
        max_length=50,
        help_text=_("Mis. per bungkus 250 g, per kg, per buah."),
    )
    ketersediaan = forms.ChoiceField(
        label=_("Ketersediaan"),
        choices=Ketersediaan.choices,
        initial=Ketersediaan.TERSEDIA,
    )
    tags = forms.CharField(
        label=_("Kata kunci (tidak wajib)"),
        required=False,
        max_length=500,
        help_text=_("Pisahkan dengan koma, mis. keripik, oleh-oleh, pedas."),
    )
    gambar_baru = ImageUploadsField(
        label=_("Tambah foto"),
        required=False,
        help_text=_(
            "Paling banyak 5 foto per produk: JPEG, PNG atau WebP, masing-masing "
            "5 MB. Data lokasi pada foto dihapus otomatis."
        ),
        widget=MultipleImageInput(attrs={"accept": "image/*"}),
    )

    def __init__(self, *args, existing_images=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.existing_images = list(existing_images)
        for position, image in enumerate(self.existing_images, start=1):
            self.fields[f"hapus_{image.pk}"] = forms.BooleanField(
                label=_("Hapus foto ini"), required=False
            )
            self.fields[f"urutan_{image.pk}"] = forms.IntegerField(
                label=_("Urutan"),
                min_value=1,
                max_value=MAX_PRODUCT_IMAGES,
                initial=position,
                required=False,
            )

    def image_rows(self):
        """(image, remove field, position field) for the template."""
        return [
            (image, self[f"hapus_{image.pk}"], self[f"urutan_{image.pk}"])
            for image in self.existing_images
        ]

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_tags(self):
        tags = []
        for item in self.cleaned_data.get("tags", "").split(","):
            tag = " ".join(item.split()).lower()
            if tag and tag not in tags:
                tags.append(tag)
        if len(tags) > MAX_TAGS:
            raise ValidationError(
                _("Paling banyak %(max)s kata kunci.") % {"max": MAX_TAGS}
            )
        if any(len(tag) > MAX_TAG_LENGTH for tag in tags):
            raise ValidationError(
                _("Setiap kata kunci paling panjang %(max)s karakter.")
                % {"max": MAX_TAG_LENGTH}
            )
        return tags

    def kept_image_ids(self):
        """Ids of the current photos to keep, in the order the owner chose."""
        kept = []
        for position, image in enumerate(self.existing_images, start=1):
            if self.cleaned_data.get(f"hapus_{image.pk}"):
                continue
            order = self.cleaned_data.get(f"urutan_{image.pk}") or position
            kept.append((order, position, image.pk))
        return [image_id for _order, _position, image_id in sorted(kept)]

    def clean(self):
        cleaned = super().clean()
        harga, harga_maks = cleaned.get("harga"), cleaned.get("harga_maks")
        if harga and harga_maks is not None and harga_maks <= harga:
            self.add_error(
                "harga_maks",
                _("Harga tertinggi harus lebih besar dari harga (terendah)."),
            )
        if "gambar_baru" in cleaned:
            total = len(self.kept_image_ids()) + len(cleaned["gambar_baru"])
            if total > MAX_PRODUCT_IMAGES:
                self.add_error(
                    "gambar_baru",
                    _(
                        "Paling banyak %(max)s foto per produk; hapus foto lama atau "
                        "pilih lebih sedikit foto."
                    )
                    % {"max": MAX_PRODUCT_IMAGES},
                )
            elif total == 0:
                self.add_error(
                    "gambar_baru", _("Unggah paling sedikit satu foto produk.")
                )
        return cleaned

    def product_data(self):
        """The cleaned fields for :func:`pasar.services.create_product` and
        :func:`pasar.services.update_product`."""
        data = {
            name: self.cleaned_data[name]
            for name in (
                "title",
                "kategori",
                "deskripsi",
                "harga",
                "harga_maks",
                "satuan",
                "ketersediaan",
                "tags",
            )
        }
        data["gambar"] = self.kept_image_ids()
        return data

    @staticmethod
    def initial_from(page):
        """Initial values from a product (the latest revision)."""
        return {
            "title": page.title,
            "kategori": page.kategori.slug if page.kategori_id else None,
            "deskripsi": page.deskripsi,
            "harga": page.harga,
            "harga_maks": page.harga_maks,
            "satuan": page.satuan,
            "ketersediaan": page.ketersediaan,
            "tags": ", ".join(tag.name for tag in page.tags.all()),
        }
