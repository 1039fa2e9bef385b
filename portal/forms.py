"""Form pieces shared by the public sites of every service."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.tracking import normalise_tracking_code

TRACKING_CODE_MAX_LENGTH = 40
TRACKING_CODE_LABEL = _("Kode lacak")


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
