"""Form pieces shared by every service: tracking codes, checked file uploads and the
honeypot against robots."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.tracking import normalise_tracking_code
from portal.uploads import clean_upload

TRACKING_CODE_MAX_LENGTH = 40
TRACKING_CODE_LABEL = _("Kode lacak")


class HoneypotMixin:
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


class TrackingCodeForm(forms.Form):
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
