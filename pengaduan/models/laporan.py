import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from pengaduan.choices import (
    JenisCatatan,
    JenisLaporan,
    StatusLaporan,
    TargetPenyelesaian,
)
from portal.models import BasePage
from portal.routes import DeclaredRoutesMixin, PageRoute
from portal.status import TimelineEntry
from portal.storage import private_storage
from portal.tracking import TrackedSubmission
from portal.uploads import ORIGINAL_NAME_LENGTH, attachment_name
from portal.validators import mask_nik, validate_nik
from portal.working_days import RunningDeadlineMixin, add_working_days, deadline_status

#: Working days allowed for verification and for the OPD's first follow-up (SP4N-LAPOR!).
VERIFICATION_DAYS = 3
FIRST_FOLLOWUP_DAYS = 5
#: Working days after ``selesai`` in which the reporter may reopen, once.
REOPEN_WINDOW_DAYS = 10
#: Reader flags that hide a public report until a moderator decides.
FLAGS_TO_HIDE = 3
MAX_DESCRIPTION_LENGTH = 4000

OPEN_STATUSES = (
    StatusLaporan.BARU,
    StatusLaporan.DIVERIFIKASI,
    StatusLaporan.DIDISPOSISIKAN,
    StatusLaporan.DITINDAKLANJUTI,
)
PUBLISHABLE_STATUSES = (
    StatusLaporan.DIVERIFIKASI,
    StatusLaporan.DIDISPOSISIKAN,
    StatusLaporan.DITINDAKLANJUTI,
    StatusLaporan.SELESAI,
    StatusLaporan.DITUTUP,
)


class KategoriLaporan(index.Indexed, models.Model):
    """A report category with the switches that decide routing, deadlines and privacy."""

    nama = models.CharField(
        _("nama"), max_length=120, unique=True, help_text=_("Nama kategori.")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    deskripsi = models.TextField(
        _("deskripsi"),
        blank=True,
        help_text=_("Penjelasan singkat kategori untuk warga."),
    )
    panduan = models.TextField(
        _("panduan pengisian"),
        blank=True,
        help_text=_(
            "Petunjuk tambahan yang tampil di formulir saat kategori ini dipilih."
        ),
    )
    perangkat_daerah_default = models.ForeignKey(
        "portal.PerangkatDaerah",
        verbose_name=_("OPD tujuan bawaan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("OPD yang disarankan saat moderator mendisposisikan laporan."),
    )
    target_hari_kerja = models.PositiveSmallIntegerField(
        _("target penyelesaian"),
        choices=TargetPenyelesaian.choices,
        default=TargetPenyelesaian.BIASA,
        help_text=_(
            "Batas waktu penyelesaian dalam hari kerja sejak laporan diterima."
        ),
    )
    boleh_anonim = models.BooleanField(
        _("boleh anonim"),
        default=True,
        help_text=_("Pelapor boleh menyembunyikan identitasnya dari OPD dan publik."),
    )
    selalu_rahasia = models.BooleanField(
        _("tidak pernah dipublikasikan"),
        default=False,
        help_text=_("Laporan dalam kategori ini tidak pernah tampil di daftar publik."),
    )
    aktif = models.BooleanField(
        _("aktif"),
        default=True,
        help_text=_("Kategori tidak aktif tidak dapat dipilih warga."),
    )
    urutan = models.PositiveSmallIntegerField(
        _("urutan"), default=0, help_text=_("Urutan tampil di formulir (kecil dulu).")
    )

    panels = [
        FieldPanel("nama"),
        FieldPanel("slug"),
        FieldPanel("deskripsi"),
        FieldPanel("panduan"),
        MultiFieldPanel(
            [
                FieldPanel("perangkat_daerah_default"),
                FieldPanel("target_hari_kerja"),
                FieldPanel("boleh_anonim"),
                FieldPanel("selalu_rahasia"),
            ],
            heading=_("Aturan kategori"),
        ),
        FieldPanel("aktif"),
        FieldPanel("urutan"),
    ]

    search_fields = [index.SearchField("nama"), index.AutocompleteField("nama")]

    class Meta:
        ordering = ["urutan", "nama"]
        verbose_name = _("kategori laporan")
        verbose_name_plural = _("kategori laporan")

    def __str__(self):
        return self.nama


class LaporanQuerySet(models.QuerySet):
    def published(self):
        """Reports readers may see: verified, not confidential, not hidden by flags."""
        return self.filter(
            status__in=PUBLISHABLE_STATUSES,
            rahasia=False,
            kategori__selalu_rahasia=False,
            disembunyikan=False,
        )

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        """Open reports whose current deadline has passed."""
        today = today or timezone.localdate()
        return self.open().filter(batas_waktu__lt=today)

    def for_user(self, user):
        """What an officer may see: everything for moderators, their OPD's for OPD officers."""
        from pengaduan.permissions import laporan_scope_for

        return laporan_scope_for(user, self)


class Laporan(RunningDeadlineMixin, TrackedSubmission):
    """A complaint or aspiration filed by a citizen (DESIGN §4.2)."""

    host_page_model = "pengaduan.ELagaIndexPage"
    jenis = models.CharField(
        _("jenis"),
        max_length=10,
        choices=JenisLaporan.choices,
        default=JenisLaporan.PENGADUAN,
    )
    kategori = models.ForeignKey(
        KategoriLaporan,
        verbose_name=_("kategori"),
        on_delete=models.PROTECT,
        related_name="laporan",
    )
    judul = models.CharField(_("judul"), max_length=150)
    isi = models.TextField(_("isi laporan"), max_length=MAX_DESCRIPTION_LENGTH)
    kecamatan = models.ForeignKey(
        "portal.Kecamatan",
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    desa = models.ForeignKey(
        "portal.Desa",
        verbose_name=_("desa/kelurahan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    alamat = models.CharField(_("alamat/lokasi"), max_length=250, blank=True)
    latitude = models.DecimalField(
        _("lintang"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("bujur"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    tanggal_kejadian = models.DateField(_("tanggal kejadian"), null=True, blank=True)

    nama_pelapor = models.CharField(_("nama pelapor"), max_length=150)
    email = models.EmailField(_("email"), blank=True)
    telepon = models.CharField(_("telepon"), max_length=20, blank=True)
    nik = models.CharField(
        _("NIK"), max_length=16, blank=True, validators=[validate_nik]
    )
    anonim = models.BooleanField(
        _("anonim"),
        default=False,
        help_text=_("Identitas pelapor hanya terlihat oleh moderator."),
    )
    rahasia = models.BooleanField(
        _("rahasia"), default=False, help_text=_("Laporan tidak pernah dipublikasikan.")
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=StatusLaporan.choices,
        default=StatusLaporan.BARU,
        db_index=True,
    )
    perangkat_daerah = models.ForeignKey(
        "portal.PerangkatDaerah",
        verbose_name=_("OPD tujuan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="laporan",
    )
    diterima_pada = models.DateTimeField(
        _("diterima"), default=timezone.now, db_index=True
    )
    diverifikasi_pada = models.DateTimeField(
        _("diverifikasi"),
        null=True,
        blank=True,
        help_text=_("Waktu keputusan verifikasi: diterima atau ditolak."),
    )
    didisposisikan_pada = models.DateTimeField(
        _("didisposisikan"), null=True, blank=True
    )
    tindak_lanjut_pertama_pada = models.DateTimeField(
        _("tindak lanjut pertama"), null=True, blank=True
    )
    selesai_pada = models.DateTimeField(_("selesai"), null=True, blank=True)
    ditutup_pada = models.DateTimeField(_("ditutup"), null=True, blank=True)
    batas_waktu = models.DateField(
        _("batas waktu berjalan"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Batas waktu tahap yang sedang berjalan (hari kerja)."),
    )
    alasan_penolakan = models.TextField(_("alasan penolakan"), blank=True)
    ditolak_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditolak oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuka_kembali = models.BooleanField(_("pernah dibuka kembali"), default=False)
    penilaian = models.PositiveSmallIntegerField(
        _("penilaian"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    komentar_penilaian = models.TextField(
        _("komentar penilaian"), blank=True, max_length=1000
    )
    jumlah_tanda = models.PositiveSmallIntegerField(
        _("jumlah tanda dari pembaca"), default=0
    )
    jumlah_dukungan = models.PositiveIntegerField(
        _("jumlah dukungan"),
        default=0,
        db_index=True,
        help_text=_("Warga yang menyatakan mengalami masalah yang sama."),
    )
    disembunyikan = models.BooleanField(
        _("disembunyikan"),
        default=False,
        help_text=_(
            "Disembunyikan dari publik setelah ditandai pembaca, sampai moderator memutuskan."
        ),
    )

    objects = LaporanQuerySet.as_manager()

    class Meta:
        ordering = ["-diterima_pada"]
        verbose_name = _("laporan")
        verbose_name_plural = _("laporan")
        indexes = [
            # The open reports of a period, for the overdue figures of the public
            # statistics (pengaduan.statistics): a quarter of the reports or less.
            models.Index(
                fields=["diterima_pada"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="laporan_terbuka_diterima",
            ),
        ]
        permissions = [
            (
                "process_laporan",
                _("Dapat memproses laporan (verifikasi, disposisi, tolak)"),
            ),
            ("followup_laporan", _("Dapat menulis tindak lanjut laporan")),
        ]

    def __str__(self):
        return f"{self.kode_lacak} — {self.judul}"

    def clean(self):
        """Every cross-field rule at once, so one submission shows every problem."""
        super().clean()
        errors = {}
        if (
            self.desa_id
            and self.kecamatan_id
            and self.desa.kecamatan_id != self.kecamatan_id
        ):
            errors["desa"] = [
                _("Desa/kelurahan tidak berada di kecamatan yang dipilih.")
            ]
        if self.anonim and self.kategori_id and not self.kategori.boleh_anonim:
            errors["anonim"] = [_("Kategori ini tidak menerima laporan anonim.")]
        if self.tanggal_kejadian and self.tanggal_kejadian > timezone.localdate():
            errors["tanggal_kejadian"] = [
                _("Tanggal kejadian tidak boleh di masa depan.")
            ]
        if not (self.email or self.telepon):
            errors[NON_FIELD_ERRORS] = [
                _("Isi email atau nomor telepon agar kami dapat mengabari Anda.")
            ]
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_published(self):
        return (
            self.status in PUBLISHABLE_STATUSES
            and not self.rahasia
            and not self.kategori.selalu_rahasia
            and not self.disembunyikan
        )

    @property
    def nik_tersamar(self):
        return mask_nik(self.nik)

    @cached_property
    def verification_deadline(self):
        return deadline_status(
            self.diterima_pada, VERIFICATION_DAYS, completed=self.diverifikasi_pada
        )

    @cached_property
    def followup_deadline(self):
        if not self.didisposisikan_pada:
            return None
        return deadline_status(
            self.didisposisikan_pada,
            FIRST_FOLLOWUP_DAYS,
            completed=self.tindak_lanjut_pertama_pada,
        )

    @cached_property
    def resolution_deadline(self):
        if self.status == StatusLaporan.DITOLAK:
            return None
        return deadline_status(
            self.diterima_pada,
            self.kategori.target_hari_kerja,
            completed=self.selesai_pada,
        )

    def completion_deadline(self, calendar=None):
        """The resolution target the resolved report was held to."""
        if not self.selesai_pada:
            return None
        return deadline_status(
            self.diterima_pada,
            self.kategori.target_hari_kerja,
            completed=self.selesai_pada,
            calendar=calendar,
        )

    def running_deadline(self, calendar=None):
        """The deadline of the stage now running (DESIGN §4.2): verification until
        dispatch, the OPD's first follow-up until it comes, then resolution."""
        if self.selesai_pada or self.alasan_penolakan:
            return None
        if self.tindak_lanjut_pertama_pada:
            start, days = self.diterima_pada, self.kategori.target_hari_kerja
        elif self.didisposisikan_pada:
            start, days = self.didisposisikan_pada, FIRST_FOLLOWUP_DAYS
        else:
            start, days = self.diterima_pada, VERIFICATION_DAYS
        return add_working_days(start, days, calendar)

    @classmethod
    def with_running_deadline(cls):
        return super().with_running_deadline().select_related("kategori")

    def deadlines(self):
        """(label, DeadlineStatus) pairs shown on status pages."""
        rows = [(_("Verifikasi"), self.verification_deadline)]
        if self.followup_deadline:
            rows.append((_("Tindak lanjut pertama OPD"), self.followup_deadline))
        if self.resolution_deadline:
            rows.append((_("Penyelesaian"), self.resolution_deadline))
        return rows


def lampiran_upload_to(instance, filename):
    """A random, non-guessable path that keeps only the (checked) extension."""
    extension = PurePosixPath(filename).suffix.lower()
    return f"laporan/{uuid.uuid4().hex}{extension}"


class LampiranLaporan(models.Model):
    """A file attached to a report: an image (re-encoded, metadata stripped) or a PDF."""

    laporan = models.ForeignKey(
        Laporan,
        verbose_name=_("laporan"),
        on_delete=models.CASCADE,
        related_name="lampiran",
    )
    berkas = models.FileField(
        _("berkas"), upload_to=lampiran_upload_to, storage=private_storage
    )
    content_type = models.CharField(_("jenis berkas"), max_length=50)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    nama_asli = models.CharField(
        _("nama berkas asli"),
        max_length=ORIGINAL_NAME_LENGTH,
        blank=True,
        help_text=_(
            "Nama berkas di perangkat pelapor; kosong untuk lampiran lama. Berkas "
            "disimpan dengan nama acak."
        ),
    )
    dibuat_pada = models.DateTimeField(_("diunggah"), default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")

    def __str__(self):
        return self.label()

    def label(self, number=None, named=True):
        """The name the file was sent with, or "Lampiran 2 (PDF)" (``number``: its
        place among the report's files); ``named=False`` gives the latter always,
        for users who may not see the reporter's identity (a name can carry it)."""
        return attachment_name(
            self.nama_asli if named else "", self.content_type, number
        )

    @property
    def is_image(self):
        return self.content_type.startswith("image/")


class CatatanLaporan(TimelineEntry):
    """An entry in a report's timeline: a status change, follow-up or reporter's note."""

    laporan = models.ForeignKey(
        Laporan,
        verbose_name=_("laporan"),
        on_delete=models.CASCADE,
        related_name="linimasa",
    )
    jenis = models.CharField(
        _("jenis catatan"),
        max_length=20,
        choices=JenisCatatan.choices,
        default=JenisCatatan.STATUS,
    )

    class Meta(TimelineEntry.Meta):
        verbose_name = _("catatan linimasa")
        verbose_name_plural = _("catatan linimasa")

    def __str__(self):
        return f"{self.laporan.kode_lacak} {self.get_jenis_display()} {self.created_at:%d-%m-%Y}"


class TandaLaporan(models.Model):
    """A reader's flag on a public report (e.g. abusive content); one per reader."""

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="tanda")
    penanda = models.CharField(_("sidik penanda"), max_length=64)
    alasan = models.CharField(_("alasan"), max_length=200, blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("tanda laporan")
        verbose_name_plural = _("tanda laporan")
        constraints = [
            models.UniqueConstraint(
                fields=["laporan", "penanda"], name="one_flag_per_reader"
            )
        ]

    def __str__(self):
        return f"{self.laporan.kode_lacak} {self.dibuat_pada:%d-%m-%Y}"


class DukunganLaporan(models.Model):
    """A resident's "me too" on a published report instead of filing a duplicate.

    One per browser (a random cookie token) and one per address; both are stored
    only as salted hashes.
    """

    laporan = models.ForeignKey(
        Laporan,
        verbose_name=_("laporan"),
        on_delete=models.CASCADE,
        related_name="dukungan",
    )
    penanda_peramban = models.CharField(_("sidik peramban"), max_length=64)
    penanda_alamat = models.CharField(_("sidik alamat"), max_length=64)
    dibuat_pada = models.DateTimeField(_("dibuat"), default=timezone.now)

    class Meta:
        verbose_name = _("dukungan laporan")
        verbose_name_plural = _("dukungan laporan")
        constraints = [
            models.UniqueConstraint(
                fields=["laporan", "penanda_peramban"],
                name="one_support_per_browser",
            ),
            models.UniqueConstraint(
                fields=["laporan", "penanda_alamat"],
                name="one_support_per_address",
            ),
        ]

    def __str__(self):
        return f"{self.laporan.kode_lacak} {self.dibuat_pada:%d-%m-%Y}"


class TemplateTanggapan(models.Model):
    """A reusable answer officers start their follow-ups from."""

    judul = models.CharField(
        _("judul"), max_length=150, unique=True, help_text=_("Nama singkat template.")
    )
    isi = models.TextField(
        _("isi"),
        help_text=_("Teks tanggapan; petugas dapat menyuntingnya sebelum mengirim."),
    )
    kategori = models.ForeignKey(
        KategoriLaporan,
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kosongkan bila berlaku untuk semua kategori."),
    )

    panels = [FieldPanel("judul"), FieldPanel("kategori"), FieldPanel("isi")]

    class Meta:
        ordering = ["judul"]
        verbose_name = _("template tanggapan")
        verbose_name_plural = _("template tanggapan")

    def __str__(self):
        return self.judul


class ELagaIndexPage(DeclaredRoutesMixin, BasePage):
    """Hosts e-laga on the public site: the form, tracking, published reports, statistics."""

    introduction = RichTextField(
        _("pengantar"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Penjelasan di atas formulir laporan."),
    )
    privacy_notice = RichTextField(
        _("pemberitahuan privasi"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Penjelasan cara identitas pelapor dilindungi."),
    )
    confirmation_text = models.TextField(
        _("teks konfirmasi"),
        blank=True,
        help_text=_("Ditampilkan setelah laporan terkirim, di atas kode lacak."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("privacy_notice"),
        FieldPanel("confirmation_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("halaman e-laga")
        verbose_name_plural = _("halaman e-laga")

    routes = [
        PageRoute("", "pengaduan.views.submission_form", "submission_form"),
        PageRoute(
            "terkirim/<str:token>/",
            "pengaduan.views.LaporanConfirmationView",
            "confirmation",
        ),
        PageRoute("lacak/", "pengaduan.views.LaporanTrackView", "track"),
        PageRoute(
            "laporan-saya/<str:token>/",
            "pengaduan.views.LaporanSecretPageView",
            "secret_page",
        ),
        PageRoute("daftar/", "pengaduan.views.published_list", "published_list"),
        PageRoute(
            "daftar/<str:kode>/", "pengaduan.views.published_detail", "published_detail"
        ),
        PageRoute("statistik/", "pengaduan.views.statistics", "statistics"),
    ]


class KunciOpen311(models.Model):
    """An API key that lets a partner system POST service requests through Open311.

    Only a SHA-256 hash of the key is stored; the key itself is shown once, on creation.
    """

    nama = models.CharField(
        _("nama klien"),
        max_length=150,
        help_text=_("Sistem atau mitra pemakai kunci ini."),
    )
    awalan = models.CharField(_("awalan kunci"), max_length=8, editable=False)
    hash_kunci = models.CharField(max_length=64, unique=True, editable=False)
    aktif = models.BooleanField(
        _("aktif"), default=True, help_text=_("Kunci tidak aktif ditolak oleh Open311.")
    )
    dibuat_pada = models.DateTimeField(
        _("dibuat"), default=timezone.now, editable=False
    )
    terakhir_dipakai = models.DateTimeField(
        _("terakhir dipakai"), null=True, editable=False
    )

    panels = [FieldPanel("nama"), FieldPanel("aktif")]

    class Meta:
        ordering = ["nama"]
        verbose_name = _("kunci API Open311")
        verbose_name_plural = _("kunci API Open311")

    def __str__(self):
        return f"{self.nama} ({self.awalan}…)"
