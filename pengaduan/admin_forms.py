"""Forms of the processing actions officers take on a report in the admin.

Each form only collects input; the state change itself is done by the matching
function in :mod:`pengaduan.services`, which also validates it. Every form whose
message reaches the reporter offers the response templates of the report's
category above that message; a small script inserts the chosen text (no reload).
"""

from django import forms
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from pengaduan.models import TemplateTanggapan
from portal.models import PerangkatDaerah


class LaporanActionForm(forms.Form):
    """Base of the action forms: knows the report it acts on."""

    def __init__(self, *args, laporan, **kwargs):
        self.laporan = laporan
        super().__init__(*args, **kwargs)


def templates_for(laporan):
    """Response templates of the report's category, and the general ones."""
    return TemplateTanggapan.objects.filter(
        Q(kategori_id=laporan.kategori_id) | Q(kategori__isnull=True)
    ).order_by("judul")


class ResponseTemplateSelect(forms.Select):
    """A select of response templates whose options carry their text
    (``data-template-text``) for ``pengaduan/js/response-templates.js``, which
    inserts the chosen one into the message box named by ``data-response-template-for``.
    """

    class Media:
        js = ["pengaduan/js/response-templates.js"]

    def __init__(self, texts, attrs=None):
        super().__init__(attrs)
        self.texts = texts

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        text = self.texts.get(str(value))
        if text:
            option["attrs"]["data-template-text"] = text
        return option


class ResponseTemplateField(forms.ChoiceField):
    """The template picker: a writing aid for the browser, never read on the server."""

    def clean(self, value):
        return ""


class ResponseTemplateMixin:
    """Offers the report's response templates just above ``message_field``."""

    message_field = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        templates = list(templates_for(self.laporan))
        if not templates:
            return
        picker = ResponseTemplateField(
            label=_("Template tanggapan"),
            required=False,
            choices=[
                ("", _("Pilih template untuk disisipkan")),
                *((str(item.pk), item.judul) for item in templates),
            ],
            widget=ResponseTemplateSelect(
                texts={str(item.pk): item.isi for item in templates},
                attrs={"data-response-template-for": self[self.message_field].auto_id},
            ),
            help_text=_(
                "Disisipkan ke pesan di bawah tanpa memuat ulang halaman; yang sudah "
                "Anda ketik tetap ada."
            ),
        )
        fields = {}
        for name, field in self.fields.items():
            if name == self.message_field:
                fields["template"] = picker
            fields[name] = field
        self.fields = fields


class VerifyForm(ResponseTemplateMixin, LaporanActionForm):
    message_field = "catatan"

    catatan = forms.CharField(
        label=_("Catatan untuk pelapor (tidak wajib)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RejectForm(ResponseTemplateMixin, LaporanActionForm):
    message_field = "alasan"

    alasan = forms.CharField(
        label=_("Alasan penolakan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib diisi; alasan ditampilkan kepada pelapor."),
    )


class DispatchForm(ResponseTemplateMixin, LaporanActionForm):
    message_field = "catatan"

    perangkat_daerah = forms.ModelChoiceField(
        label=_("OPD tujuan"),
        # By name as people read it, whatever the database's collation.
        queryset=PerangkatDaerah.objects.filter(aktif=True).order_by(Lower("nama")),
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


class FollowupForm(ResponseTemplateMixin, LaporanActionForm):
    message_field = "pesan"

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


class ResolveForm(ResponseTemplateMixin, LaporanActionForm):
    message_field = "pesan"

    pesan = forms.CharField(
        label=_("Jawaban penyelesaian"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Jawaban akhir yang ditampilkan kepada pelapor."),
    )


class CloseForm(ResponseTemplateMixin, LaporanActionForm):
    message_field = "catatan"

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
