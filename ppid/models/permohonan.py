"""KIP information requests and objections (UU 14/2008, Perki 1/2021; DESIGN §4.3)."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from portal.choices import DasarPengecualian
from portal.models import BasePage
from portal.routes import DeclaredRoutesMixin, PageRoute
from portal.status import TimelineEntry
from portal.storage import private_storage
from portal.tracking import TrackedSubmission
from portal.validators import mask_nik, validate_nik
from portal.working_days import (
    RunningDeadlineMixin,
    status_against,
    working_days_between,
)
from ppid.choices import (
    AlasanKeberatan,
    CaraMemperoleh,
    CaraPenyampaian,
    JenisIdentitas,
    KeputusanPermohonan,
    PutusanKeberatan,
    StatusKeberatan,
    StatusPermohonan,
)
from ppid.deadlines import ANSWER_DAYS, EXTENSION_DAYS, kip_deadlines


class PermohonanInformasiQuerySet(models.QuerySet):
    def open(self):
        return self.filter(
            status__in=[StatusPermohonan.DITERIMA, StatusPermohonan.DIPERPANJANG]
        )

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(batas_waktu__lt=today)


class PermohonanInformasi(RunningDeadlineMixin, TrackedSubmission):
    """A request for public information; the requester is always identified."""

    host_page_model = "ppid.LayananInformasiPage"
    tracking_prefix = "KIP"

    nama = models.CharField(_("nama pemohon"), max_length=150)
    alamat = models.TextField(_("alamat"), max_length=500)
    jenis_identitas = models.CharField(
        _("jenis identitas"),
        max_length=10,
        choices=JenisIdentitas.choices,
        default=JenisIdentitas.KTP,
    )
    nomor_identitas = models.CharField(_("nomor identitas"), max_length=30)
    telepon = models.CharField(_("telepon"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    pekerjaan = models.CharField(_("pekerjaan"), max_length=100)
    informasi_diminta = models.TextField(
        _("rincian informasi yang dibutuhkan"), max_length=4000
    )
    tujuan = models.TextField(_("tujuan penggunaan informasi"), max_length=2000)
    ringkasan_publik = models.TextField(
        _("ringkasan publik"),
        max_length=300,
        blank=True,
        help_text=_(
            "Ringkasan informasi yang diminta, ditulis PPID untuk register publik, "
            "tanpa data pribadi (nama, NIK, telepon, email, alamat). Register tidak "
            "pernah menampilkan teks asli pemohon."
        ),
    )
    cara_memperoleh = models.CharField(
        _("cara memperoleh informasi"), max_length=10, choices=CaraMemperoleh.choices
    )
    cara_penyampaian = models.CharField(
        _("cara mendapatkan salinan"),
        max_length=10,
        choices=CaraPenyampaian.choices,
        blank=True,
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=StatusPermohonan.choices,
        default=StatusPermohonan.DITERIMA,
        db_index=True,
    )
    diterima_pada = models.DateTimeField(
        _("diterima"), default=timezone.now, db_index=True
    )
    batas_waktu = models.DateField(
        _("batas waktu"), null=True, blank=True, db_index=True
    )
    diperpanjang_pada = models.DateTimeField(_("diperpanjang"), null=True, blank=True)
    alasan_perpanjangan = models.TextField(_("alasan perpanjangan"), blank=True)
    keputusan = models.CharField(
        _("keputusan"), max_length=30, choices=KeputusanPermohonan.choices, blank=True
    )
    dasar_penolakan = models.CharField(
        _("dasar penolakan (Pasal 17)"),
        max_length=1,
        choices=DasarPengecualian.choices,
        blank=True,
    )
    uji_konsekuensi = models.TextField(_("uji konsekuensi"), blank=True)
    jawaban = models.TextField(_("jawaban"), blank=True)
    diputuskan_pada = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    disampaikan_pada = models.DateField(_("tanggal disampaikan"), null=True, blank=True)

    objects = PermohonanInformasiQuerySet.as_manager()

    class Meta:
        ordering = ["-diterima_pada"]
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        permissions = [
            ("process_permohonan", _("Dapat memproses permohonan informasi"))
        ]

    def __str__(self):
        return f"{self.kode_lacak} — {self.informasi_diminta[:60]}"

    def clean(self):
        """Every cross-field rule at once, so one submission shows every problem."""
        super().clean()
        errors = {}
        if self.jenis_identitas == JenisIdentitas.KTP and self.nomor_identitas:
            try:
                validate_nik(self.nomor_identitas)
            except ValidationError as error:
                errors["nomor_identitas"] = error.messages
        if not (self.email or self.telepon):
            errors[NON_FIELD_ERRORS] = [
                _("Isi email atau nomor telepon agar kami dapat mengabari Anda.")
            ]
        if self.cara_memperoleh == CaraMemperoleh.SALINAN and not self.cara_penyampaian:
            errors["cara_penyampaian"] = [
                _("Pilih cara mendapatkan salinan informasi.")
            ]
        if self.cara_penyampaian == CaraPenyampaian.EMAIL and not self.email:
            errors["email"] = [_("Isi email untuk menerima salinan melalui email.")]
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self):
        return self.status in (StatusPermohonan.DITERIMA, StatusPermohonan.DIPERPANJANG)

    @property
    def nomor_identitas_tersamar(self):
        return mask_nik(self.nomor_identitas)

    @property
    def answer_days(self):
        return ANSWER_DAYS + (EXTENSION_DAYS if self.diperpanjang_pada else 0)

    def kip_deadlines(self, calendar=None, objection_filed=None):
        """Every deadline of this request (see :mod:`ppid.deadlines`)."""
        return kip_deadlines(
            self.diterima_pada,
            extended=bool(self.diperpanjang_pada),
            decided=self.diputuskan_pada,
            objection_filed=objection_filed,
            calendar=calendar,
        )

    @cached_property
    def deadline(self):
        """The answer deadline: 10 hari kerja, or 17 after the one extension."""
        return status_against(
            self.kip_deadlines().answer, completed=self.diputuskan_pada
        )

    def running_deadline(self, calendar=None):
        if not self.is_open or self.diputuskan_pada:
            return None
        return self.kip_deadlines(calendar).answer

    def completion_deadline(self, calendar=None):
        """The answer deadline the decision was held to."""
        if not self.diputuskan_pada:
            return None
        return status_against(
            self.kip_deadlines(calendar).answer,
            completed=self.diputuskan_pada,
            calendar=calendar,
        )

    def deadlines(self):
        return [(_("Jawaban PPID"), self.deadline)]

    @property
    def days_taken(self):
        """Working days from receipt to decision (``None`` while undecided)."""
        if not self.diputuskan_pada:
            return None
        return working_days_between(self.diterima_pada, self.diputuskan_pada)

    def objection_window(self):
        """(first, last) day of the 30 hari kerja to object (Pasal 36 ayat 1)."""
        deadlines = self.kip_deadlines()
        return deadlines.objection_from, deadlines.objection_until

    def objection_deadline(self):
        return self.objection_window()[1]


def dokumen_jawaban_upload_to(instance, filename):
    extension = PurePosixPath(filename).suffix.lower()
    return f"kip/{uuid.uuid4().hex}{extension}"


class DokumenJawaban(models.Model):
    """A document given to the requester with the decision; reachable only by the requester."""

    permohonan = models.ForeignKey(
        PermohonanInformasi, on_delete=models.CASCADE, related_name="dokumen"
    )
    judul = models.CharField(_("judul"), max_length=200)
    berkas = models.FileField(
        _("berkas"), upload_to=dokumen_jawaban_upload_to, storage=private_storage
    )
    content_type = models.CharField(_("jenis berkas"), max_length=50)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("dokumen jawaban")
        verbose_name_plural = _("dokumen jawaban")

    def __str__(self):
        return self.judul


class CatatanPermohonan(TimelineEntry):
    """A timeline entry of an information request or its objection."""

    permohonan = models.ForeignKey(
        PermohonanInformasi, on_delete=models.CASCADE, related_name="linimasa"
    )

    class Meta(TimelineEntry.Meta):
        verbose_name = _("catatan permohonan")
        verbose_name_plural = _("catatan permohonan")

    def __str__(self):
        return f"{self.permohonan.kode_lacak} {self.created_at:%d-%m-%Y}"


class Keberatan(RunningDeadlineMixin, models.Model):
    """An objection to the PPID's handling of a request, answered by the atasan PPID."""

    permohonan = models.OneToOneField(
        PermohonanInformasi, on_delete=models.CASCADE, related_name="keberatan"
    )
    alasan = models.JSONField(
        _("alasan keberatan"),
        help_text=_("Huruf-huruf Pasal 35 ayat (1) yang dipilih pemohon."),
    )
    uraian = models.TextField(_("uraian keberatan"), max_length=4000)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=StatusKeberatan.choices,
        default=StatusKeberatan.DIAJUKAN,
        db_index=True,
    )
    diajukan_pada = models.DateTimeField(_("diajukan"), default=timezone.now)
    batas_waktu = models.DateField(
        _("batas waktu"), null=True, blank=True, db_index=True
    )
    putusan = models.CharField(
        _("putusan"), max_length=30, choices=PutusanKeberatan.choices, blank=True
    )
    tanggapan = models.TextField(_("tanggapan atasan PPID"), blank=True)
    dijawab_pada = models.DateTimeField(_("dijawab"), null=True, blank=True)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dijawab oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    #: How the audit log names a change of this status (in the request's history).
    status_log_subject = _("Status keberatan")

    class Meta:
        ordering = ["-diajukan_pada"]
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        permissions = [
            ("answer_keberatan", _("Dapat menjawab keberatan (atasan PPID)"))
        ]

    def __str__(self):
        return f"{self.permohonan.kode_lacak} — {self.get_status_display()}"

    def clean(self):
        super().clean()
        valid = set(AlasanKeberatan.values)
        if not self.alasan or not set(self.alasan) <= valid:
            raise ValidationError(
                {"alasan": _("Pilih paling sedikit satu alasan keberatan.")}
            )

    def get_alasan_display(self):
        labels = dict(AlasanKeberatan.choices)
        return [labels[letter] for letter in self.alasan if letter in labels]

    def _answer_deadline(self, calendar=None):
        return self.permohonan.kip_deadlines(
            calendar, objection_filed=self.diajukan_pada
        ).objection_answer

    @cached_property
    def deadline(self):
        """The atasan PPID's deadline: 30 hari kerja after filing (Pasal 36 ayat 2)."""
        return status_against(self._answer_deadline(), completed=self.dijawab_pada)

    def running_deadline(self, calendar=None):
        if self.status != StatusKeberatan.DIAJUKAN:
            return None
        return self._answer_deadline(calendar)

    def completion_deadline(self, calendar=None):
        """The atasan PPID's deadline the answer was held to."""
        if not self.dijawab_pada:
            return None
        return status_against(
            self._answer_deadline(calendar),
            completed=self.dijawab_pada,
            calendar=calendar,
        )

    def deadline_timeline(self):
        return self.permohonan.linimasa

    @classmethod
    def with_running_deadline(cls):
        return super().with_running_deadline().select_related("permohonan")


class LayananInformasiPage(DeclaredRoutesMixin, BasePage):
    """Hosts the KIP request service under the PPID section.

    The request and objection forms, tracking by registration number, the public
    register and the yearly report (Perki 1/2021 Pasal 56).
    """

    introduction = RichTextField(
        _("pengantar"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Penjelasan di atas formulir permohonan informasi."),
    )
    objection_introduction = RichTextField(
        _("pengantar keberatan"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Penjelasan di atas formulir keberatan."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("objection_introduction"),
    ]

    parent_page_types = ["ppid.PPIDPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("halaman layanan informasi publik")
        verbose_name_plural = _("halaman layanan informasi publik")

    routes = [
        PageRoute("", "ppid.views.request_form", "request_form"),
        PageRoute(
            "terdaftar/<str:token>/",
            "ppid.views.RequestConfirmationView",
            "confirmation",
        ),
        PageRoute("lacak/", "ppid.views.RequestTrackView", "track"),
        PageRoute(
            "permohonan-saya/<str:token>/",
            "ppid.views.RequestSecretPageView",
            "secret_page",
        ),
        PageRoute("keberatan/", "ppid.views.objection_form", "objection_form"),
        PageRoute("register/", "ppid.views.register", "register"),
        PageRoute("laporan-tahunan/", "ppid.views.yearly_report", "yearly_report"),
    ]
