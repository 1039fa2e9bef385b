"""Form pieces shared by every service: the public form's input hints, NIK, phone and
wilayah widgets, tracking codes, checked file uploads and the honeypot against robots."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.models import Desa
from portal.tracking import normalise_tracking_code
from portal.uploads import MAX_UPLOAD_BYTES, clean_upload

TRACKING_CODE_MAX_LENGTH = 40
TRACKING_CODE_LABEL = _("Kode lacak")

#: What citizens' upload fields offer; the server checks the content anyway.
UPLOAD_ACCEPT = (
    "image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf"
)
IMAGE_ACCEPT = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"
DESA_OUTSIDE_KECAMATAN = _("Desa/kelurahan tidak berada di kecamatan yang dipilih.")


class PublicBoundField(forms.BoundField):
    """A field of a public form, with the attributes ``portal/js/forms.js`` reads.

    A text with a maximum length gets ``data-max-chars`` instead of ``maxlength``,
    which would silently cut pasted text: the script counts characters and the
    server reports an overflow. A file input gets ``data-max-bytes`` and ``accept``,
    so a file that is too large or of the wrong type is refused before it is sent.
    Number and email fields bring up the right phone keyboard.
    """

    def build_widget_attrs(self, attrs, widget=None):
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        if widget.is_hidden:
            return attrs
        max_length = getattr(self.field, "max_length", None)
        if max_length and "maxlength" in widget.attrs:
            attrs["maxlength"] = False
            attrs["data-max-chars"] = max_length
        if isinstance(self.field, forms.FileField):
            attrs.setdefault("data-max-bytes", MAX_UPLOAD_BYTES)
            if "accept" not in widget.attrs:
                allow_pdf = getattr(self.field, "allow_pdf", True)
                attrs["accept"] = UPLOAD_ACCEPT if allow_pdf else IMAGE_ACCEPT
        elif isinstance(self.field, forms.IntegerField):
            attrs.setdefault("inputmode", "numeric")
        elif isinstance(self.field, forms.EmailField):
            attrs.setdefault("autocomplete", "email")
        return attrs


class PublicFormMixin:
    """A form citizens fill in on the public site (see :class:`PublicBoundField`)."""

    bound_field_class = PublicBoundField


class NIKInput(forms.TextInput):
    """A NIK: 16 digits, typed on the phone's number pad, never autofilled."""

    def __init__(self, attrs=None):
        super().__init__(
            {
                "inputmode": "numeric",
                "autocomplete": "off",
                "pattern": "[0-9]{16}",
                **(attrs or {}),
            }
        )


class PhoneInput(forms.TextInput):
    """A telephone or WhatsApp number: the phone keypad and the browser's own number."""

    input_type = "tel"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "tel", "autocomplete": "tel", **(attrs or {})})


class EmailAddressInput(forms.EmailInput):
    """An email address, offered from the browser's autofill."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "email", **(attrs or {})})


class OptionsSelect(forms.Select):
    """A select whose options are written here rather than through Django's option
    template, one template include per option: that took a sixth of the CPU time
    of a listing page with a filter form (thirty OPD, 23 kecamatan, the years) and
    a quarter of a form page with the 280 desa. The markup is Django's."""

    template_name = "portal/widgets/options_select.html"

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)
        selected = set(context["widget"]["value"])
        options = []
        for value_or_group, label_or_choices in self.choices:
            if isinstance(label_or_choices, (list, tuple)):
                options.append(format_html('<optgroup label="{}">', value_or_group))
                options += [
                    self._option(v, label, selected) for v, label in label_or_choices
                ]
                options.append("</optgroup>")
            else:
                options.append(self._option(value_or_group, label_or_choices, selected))
        context["widget"]["options"] = mark_safe("".join(options))  # noqa: S308
        return context

    def _option(self, value, label, selected):
        value = "" if value is None else str(value)
        return format_html(
            '<option value="{}"{}{}>{}</option>',
            value,
            " selected" if value in selected else "",
            self.option_data(value),
            label,
        )

    def option_data(self, value):
        """Extra attributes of the option of ``value`` (markup, "" for none)."""
        return ""


class DesaSelect(OptionsSelect):
    """The desa select of :func:`group_desa_choices`: each option names the slug of
    its kecamatan, so ``portal/js/forms.js`` narrows the list to the chosen one."""

    def __init__(self, attrs=None, choices=(), kecamatan_slugs=None):
        super().__init__(attrs, choices)
        self.kecamatan_slugs = kecamatan_slugs or {}

    def option_data(self, value):
        slug = self.kecamatan_slugs.get(value)
        return format_html(' data-kecamatan="{}"', slug) if slug else ""


def group_desa_choices(form, kecamatan_field="kecamatan", desa_field="desa"):
    """The one kecamatan→desa picker of every public form.

    The desa select lists the desa of the kecamatan ``form`` offers, in one
    ``<optgroup>`` per kecamatan (usable without JavaScript); the script then shows
    only the chosen kecamatan's group. The kecamatan field must use the slug as its
    value (``to_field_name="slug"``). The server checks the pair again, with
    :func:`validate_desa_in_kecamatan` or the model's ``clean()``, and the same
    message (:data:`DESA_OUTSIDE_KECAMATAN`).
    """
    kecamatan = form.fields[kecamatan_field]
    field = form.fields[desa_field]
    offered = kecamatan.queryset.values("pk")
    groups, slugs = {}, {}
    for pk, nama, kecamatan_nama, kecamatan_slug in (
        Desa.objects.filter(kecamatan__in=offered)
        .order_by("kecamatan__nama", "nama")
        .values_list("pk", "nama", "kecamatan__nama", "kecamatan__slug")
    ):
        groups.setdefault(kecamatan_nama, []).append((str(pk), nama))
        slugs[str(pk)] = kecamatan_slug
    empty_label = field.empty_label or _("Pilih desa/kelurahan")
    field.widget = DesaSelect(
        attrs={**field.widget.attrs, "data-desa-select": ""},
        choices=[("", empty_label), *groups.items()],
        kecamatan_slugs=slugs,
    )
    kecamatan.widget.attrs["data-kecamatan-select"] = ""


def validate_desa_in_kecamatan(form, kecamatan_field="kecamatan", desa_field="desa"):
    """Add an error to the desa field when it lies outside the chosen kecamatan."""
    desa = form.cleaned_data.get(desa_field)
    kecamatan = form.cleaned_data.get(kecamatan_field)
    if desa and kecamatan and desa.kecamatan_id != kecamatan.pk:
        form.add_error(desa_field, ValidationError(DESA_OUTSIDE_KECAMATAN))


class HoneypotMixin(PublicFormMixin):
    """Adds ``website``, a field people leave empty and robots fill (rendered hidden
    by ``portal/includes/honeypot.html``); a filled one refuses the whole form with
    ``honeypot_message`` (error code "honeypot")."""

    honeypot_message = _("Formulir tidak dapat dikirim.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"] = forms.CharField(
            label=_("Jangan isi kolom ini"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise ValidationError(self.honeypot_message, code="honeypot")
        return cleaned

    @property
    def is_honeypot_filled(self):
        return any(
            error.code == "honeypot" for error in self.non_field_errors().as_data()
        )


class TrackingCodeForm(PublicFormMixin, forms.Form):
    """One tracking code typed by a citizen, in any case and spacing.

    ``code_prefix`` gives the example in the help text ("KCM" shows
    ``KCM-7Q4M-2KXP``); ``field_name`` and ``label`` name the field, so a service
    may call its code a "nomor registrasi". The cleaned value is the canonical code.
    """

    def __init__(
        self,
        *args,
        code_prefix,
        field_name="kode",
        label=TRACKING_CODE_LABEL,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.field_name = field_name
        self.fields[field_name] = forms.CharField(
            label=label,
            max_length=TRACKING_CODE_MAX_LENGTH,
            help_text=gettext(
                "Contoh: %(contoh)s. Huruf besar/kecil dan spasi tidak masalah."
            )
            % {"contoh": f"{code_prefix}-7Q4M-2KXP"},
            widget=forms.TextInput(
                attrs={"autocomplete": "off", "autocapitalize": "characters"}
            ),
        )

    def clean(self):
        cleaned_data = super().clean()
        if self.field_name in cleaned_data:
            cleaned_data[self.field_name] = normalise_tracking_code(
                cleaned_data[self.field_name]
            )
        return cleaned_data


class CheckedFileField(forms.FileField):
    """One file, checked by its content and cleaned (``portal.uploads.clean_upload``).

    Django's checks come first (required, empty file); the cleaned value is a
    ``CleanUpload``, or ``None`` when no file was given. ``allow_pdf=False`` accepts
    images only.
    """

    def __init__(self, *, allow_pdf=True, **kwargs):
        self.allow_pdf = allow_pdf
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if not uploaded:
            return None
        return clean_upload(uploaded, allow_pdf=self.allow_pdf)


class MultipleFileInput(forms.ClearableFileInput):
    """A file input from which several files may be chosen at once."""

    allow_multiple_selected = True


class MultipleCheckedFileField(CheckedFileField):
    """Several files in one input, at most ``max_files``, each checked by content.

    Each file goes through :class:`CheckedFileField`'s checks; the cleaned value is
    a list of ``CleanUpload`` (empty when no file was given). More than
    ``max_files`` files are refused at once with the ``too_many`` message
    (``%(max)s`` is the limit; pass ``error_messages={"too_many": ...}`` to say what
    the files are); otherwise every refused file gets its own message.
    """

    widget = MultipleFileInput
    default_error_messages = {"too_many": _("Paling banyak %(max)s berkas.")}

    def __init__(self, *, max_files, **kwargs):
        self.max_files = max_files
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            files = [item for item in data if item]
        else:
            files = [data] if data else []
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > self.max_files:
            raise ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"max": self.max_files},
            )
        cleaned, errors = [], []
        for uploaded in files:
            try:
                cleaned.append(super().clean(uploaded))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return cleaned
