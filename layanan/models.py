import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from layanan.blocks import IsianStreamBlock, LangkahBlock, PersyaratanBlock
from layanan.choices import (
    SKALA_IKM,
    UNSUR_IKM,
    JenisHasil,
    JenisKelamin,
    Pekerjaan,
    Pendidikan,
    StatusPermohonan,
)
from layanan.letter_placeholders import DEFAULT_NUMBER_PATTERN
from portal.models import BasePage
from portal.routes import DeclaredRoutesMixin, PageRoute
from portal.status import TimelineEntry
from portal.storage import private_storage
from portal.tracking import TrackedSubmission
from portal.uploads import ORIGINAL_NAME_LENGTH, download_name
from portal.validators import mask_nik, validate_nik
from portal.working_days import RunningDeadlineMixin, add_working_days, deadline_status

OPEN_STATUSES = (
    StatusPermohonan.DIAJUKAN,
    StatusPermohonan.PERLU_PERBAIKAN,
    StatusPermohonan.DIVERIFIKASI,
    StatusPermohonan.DIPROSES,
)


#: The statuses in which a deadline runs: verification (``diajukan``) and completion.
RUNNING_STATUSES = frozenset(
    {
        StatusPermohonan.DIAJUKAN,
        StatusPermohonan.DIVERIFIKASI,
        StatusPermohonan.DIPROSES,
    }
)


class StandarLayananQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def offered_in(self, kecamatan):
        """Services a kecamatan offers: those for all, and those naming it."""
        return self.filter(Q(semua_kecamatan=True) | Q(kecamatan=kecamatan)).distinct()


class StandarLayanan(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A kecamatan service standard (PermenPANRB 15/2014) and its application form.

    Edits are drafts until the "Publikasi Standar Layanan" workflow approves them;
    the row keeps the live version meanwhile, so public queries filter ``live=True``.
    """

    nama = models.CharField(_("nama layanan"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    ringkasan = models.TextField(
        _("ringkasan"),
        max_length=400,
        help_text=_("Satu atau dua kalimat: untuk apa layanan ini."),
    )
    dasar_hukum = RichTextField(
        _("dasar hukum"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Peraturan yang menjadi dasar layanan."),
    )
    persyaratan = StreamField(
        [("persyaratan", PersyaratanBlock())],
        verbose_name=_("persyaratan"),
        blank=True,
    )
    prosedur = StreamField(
        [("langkah", LangkahBlock())],
        verbose_name=_("prosedur"),
        blank=True,
    )
    waktu_hari_kerja = models.PositiveSmallIntegerField(
        _("waktu penyelesaian (hari kerja)"),
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Dihitung sejak permohonan diverifikasi."),
    )
    waktu_verifikasi_hari_kerja = models.PositiveSmallIntegerField(
        _("waktu verifikasi (hari kerja)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_(
            "Batas waktu petugas memeriksa berkas, sejak permohonan diajukan atau "
            "perbaikannya dikirim. Bawaan 1 hari kerja."
        ),
    )
    biaya = models.PositiveIntegerField(
        _("biaya (Rp)"), default=0, help_text=_("0 berarti gratis.")
    )
    keterangan_biaya = models.CharField(
        _("keterangan biaya"), max_length=300, blank=True
    )
    produk = models.CharField(
        _("produk layanan"),
        max_length=300,
        help_text=_("Hasil yang diterima pemohon, mis. surat keterangan."),
    )
    saluran_pengaduan = models.TextField(
        _("saluran pengaduan"),
        help_text=_("Ke mana warga menyampaikan pengaduan atas layanan ini."),
    )
    isian = StreamField(
        IsianStreamBlock(),
        verbose_name=_("isian formulir permohonan"),
        blank=True,
        help_text=_(
            "Isian tambahan yang diminta dari pemohon, selain identitas dan "
            "unggahan persyaratan."
        ),
    )
    semua_kecamatan = models.BooleanField(
        _("tersedia di semua kecamatan"), default=True
    )
    kecamatan = ParentalManyToManyField(
        "portal.Kecamatan",
        verbose_name=_("kecamatan penyedia"),
        blank=True,
        related_name="standar_layanan",
        help_text=_("Diisi bila layanan hanya tersedia di kecamatan tertentu."),
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=100)

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="standar_layanan",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="standar_layanan",
        for_concrete_model=False,
    )

    objects = StandarLayananQuerySet.as_manager()

    panels = [
        FieldPanel("nama"),
        FieldPanel("slug"),
        FieldPanel("ringkasan"),
        FieldPanel("dasar_hukum"),
        FieldPanel("persyaratan"),
        FieldPanel("prosedur"),
        MultiFieldPanel(
            [
                FieldPanel("waktu_verifikasi_hari_kerja"),
                FieldPanel("waktu_hari_kerja"),
                FieldPanel("biaya"),
                FieldPanel("keterangan_biaya"),
                FieldPanel("produk"),
                FieldPanel("saluran_pengaduan"),
            ],
            heading=_("Standar pelayanan"),
        ),
        FieldPanel("isian"),
        MultiFieldPanel(
            [FieldPanel("semua_kecamatan"), FieldPanel("kecamatan")],
            heading=_("Kecamatan penyedia"),
        ),
        FieldPanel("urutan"),
        InlinePanel(
            "template_surat",
            heading=_("Templat surat hasil"),
            label=_("Templat surat"),
            help_text=_(
                "Surat yang diterbitkan petugas saat menyelesaikan permohonan. "
                "Tulis isian dengan penanda seperti {{ nama_pemohon }}; daftar "
                "penanda ada di bawah kolom isi surat."
            ),
        ),
    ]

    search_fields = [
        index.SearchField("nama", boost=3),
        index.AutocompleteField("nama"),
        index.SearchField("ringkasan"),
        index.SearchField("produk"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["urutan", "nama"]
        verbose_name = _("standar layanan")
        verbose_name_plural = _("standar layanan")

    def __str__(self):
        return self.nama

    def is_offered_in(self, kecamatan):
        if self.semua_kecamatan:
            return True
        kecamatan_id = getattr(kecamatan, "pk", kecamatan)
        return any(item.pk == kecamatan_id for item in self.kecamatan.all())

    @property
    def preview_modes(self):
        return [("", _("Standar layanan")), ("surat", _("Contoh surat"))]

    def get_preview_template(self, request, mode_name):
        if mode_name == "surat":
            return "layanan/letter_template_preview.html"
        return "layanan/standar_layanan_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["layanan"] = self
        if mode_name == "surat":
            from layanan.letters import sample_letters

            context["letters"] = sample_letters(self)
        return context

    @property
    def unggahan_persyaratan(self):
        """The requirement blocks the applicant uploads online."""
        return [block for block in self.persyaratan if block.value.get("unggah")]


class TemplateSurat(Orderable):
    """A letter a service issues, written in the admin with placeholders.

    An inline of the service standard, so a template is a draft, a revision and
    part of the "Publikasi Standar Layanan" workflow together with its standard:
    officers issue letters only from the published version.
    """

    standar = ParentalKey(
        StandarLayanan,
        on_delete=models.CASCADE,
        related_name="template_surat",
        verbose_name=_("standar layanan"),
    )
    nama = models.CharField(
        _("nama templat"),
        max_length=150,
        help_text=_("Dilihat petugas saat memilih surat, mis. Surat Keterangan."),
    )
    judul = models.CharField(
        _("judul surat"),
        max_length=200,
        help_text=_(
            "Dicetak tebal di atas nomor surat, mis. SURAT KETERANGAN DOMISILI."
        ),
    )
    pola_nomor = models.CharField(
        _("pola nomor surat"),
        max_length=100,
        default=DEFAULT_NUMBER_PATTERN,
        help_text=_(
            "Penanda: {nomor} (urut per kecamatan dan tahun), {kode_kecamatan}, "
            "{tahun}, {bulan_romawi}. Mis. 470/{nomor}/{kode_kecamatan}/{tahun}."
        ),
    )
    isi = RichTextField(
        _("isi surat"),
        features=["bold", "italic", "ol", "ul"],
        help_text=_(
            "Penanda yang tersedia: {{ nama_pemohon }}, {{ nik_pemohon }}, "
            "{{ alamat_pemohon }}, {{ desa }}, {{ kecamatan }}, {{ camat }}, "
            "{{ nomor_surat }}, {{ tanggal_surat }}, {{ tanggal_permohonan }}, "
            "{{ layanan }}, {{ kode_lacak }}, dan setiap isian formulir layanan "
            "menurut labelnya, mis. {{ keperluan }} untuk isian berlabel Keperluan."
        ),
    )

    panels = [
        FieldPanel("nama"),
        FieldPanel("judul"),
        FieldPanel("pola_nomor"),
        FieldPanel("isi"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("templat surat")
        verbose_name_plural = _("templat surat")

    def __str__(self):
        return self.nama


class PermohonanQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        """Applications past the deadline now running: verification while
        ``diajukan``, completion once verified."""
        today = today or timezone.localdate()
        return self.filter(status__in=RUNNING_STATUSES, batas_waktu__lt=today)

    def for_user(self, user):
        """What an officer may see: all for portal admins, their kecamatan's for officers."""
        from layanan.permissions import permohonan_scope_for

        return permohonan_scope_for(user, self)


class Permohonan(RunningDeadlineMixin, TrackedSubmission):
    """A citizen's online application for a kecamatan service (DESIGN §4.4)."""

    host_page_model = "layanan.EKecamatanIndexPage"
    tracking_prefix = "KCM"

    layanan = models.ForeignKey(
        StandarLayanan,
        verbose_name=_("layanan"),
        on_delete=models.PROTECT,
        related_name="permohonan",
    )
    kecamatan = models.ForeignKey(
        "portal.Kecamatan",
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="permohonan_layanan",
    )
    desa = models.ForeignKey(
        "portal.Desa",
        verbose_name=_("desa/kelurahan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    nama = models.CharField(_("nama pemohon"), max_length=150)
    nik = models.CharField(_("NIK"), max_length=16, validators=[validate_nik])
    telepon = models.CharField(_("telepon/WhatsApp"), max_length=20)
    email = models.EmailField(_("email"), blank=True)
    alamat = models.TextField(_("alamat"), max_length=500)
    jawaban = models.JSONField(
        _("isian formulir"),
        default=list,
        blank=True,
        help_text=_("Daftar {kunci, label, nilai} sesuai isian layanan saat diajukan."),
    )
    waktu_hari_kerja = models.PositiveSmallIntegerField(
        _("waktu penyelesaian (hari kerja)"),
        help_text=_("Diambil dari standar layanan saat permohonan diajukan."),
    )
    waktu_verifikasi_hari_kerja = models.PositiveSmallIntegerField(
        _("waktu verifikasi (hari kerja)"),
        default=1,
        help_text=_("Diambil dari standar layanan saat permohonan diajukan."),
    )
    menunggu_verifikasi_sejak = models.DateTimeField(
        _("menunggu verifikasi sejak"),
        null=True,
        blank=True,
        help_text=_("Saat diajukan, atau saat perbaikan terakhir dikirim."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=StatusPermohonan.choices,
        default=StatusPermohonan.DIAJUKAN,
        db_index=True,
    )
    diajukan_pada = models.DateTimeField(
        _("diajukan pada"), default=timezone.now, db_index=True
    )
    diverifikasi_pada = models.DateTimeField(
        _("diverifikasi pada"), null=True, blank=True
    )
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    batas_waktu = models.DateField(
        _("batas waktu"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Batas waktu yang sedang berjalan: verifikasi selama diajukan, "
            "penyelesaian sejak diverifikasi."
        ),
    )
    catatan_perbaikan = models.TextField(
        _("catatan perbaikan"),
        blank=True,
        help_text=_("Apa yang harus diperbaiki pemohon (permintaan terakhir)."),
    )
    hasil_berkas = models.FileField(
        _("dokumen hasil"),
        upload_to="permohonan/hasil/",
        storage=private_storage,
        blank=True,
    )
    hasil_content_type = models.CharField(max_length=50, blank=True)
    jenis_hasil = models.CharField(
        _("jenis hasil"), max_length=10, choices=JenisHasil.choices, blank=True
    )
    catatan_hasil = models.TextField(
        _("catatan hasil"),
        blank=True,
        help_text=_("Mis. pemberitahuan pengambilan dokumen di kantor camat."),
    )
    alasan_penolakan = models.TextField(_("alasan penolakan"), blank=True)
    petugas = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas terakhir"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PermohonanQuerySet.as_manager()

    class Meta:
        ordering = ["-diajukan_pada"]
        verbose_name = _("permohonan layanan")
        verbose_name_plural = _("permohonan layanan")
        permissions = [
            ("process_permohonan", _("Dapat memproses permohonan layanan")),
        ]

    def __str__(self):
        return f"{self.kode_lacak} — {self.layanan}"

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def nik_tersamar(self):
        return mask_nik(self.nik)

    @cached_property
    def deadline(self):
        """The completion deadline, counted from verification (``None`` before it)."""
        if not self.diverifikasi_pada or self.status == StatusPermohonan.DITOLAK:
            return None
        return deadline_status(
            self.diverifikasi_pada, self.waktu_hari_kerja, completed=self.selesai_pada
        )

    def completion_deadline(self, calendar=None):
        """The service time the completed application was held to."""
        if (
            self.status != StatusPermohonan.SELESAI
            or not self.diverifikasi_pada
            or not self.selesai_pada
        ):
            return None
        return deadline_status(
            self.diverifikasi_pada,
            self.waktu_hari_kerja,
            completed=self.selesai_pada,
            calendar=calendar,
        )

    @cached_property
    def verification_deadline(self):
        """The verification deadline while the application waits for it."""
        if self.status != StatusPermohonan.DIAJUKAN:
            return None
        return deadline_status(
            self.menunggu_verifikasi_sejak or self.diajukan_pada,
            self.waktu_verifikasi_hari_kerja,
        )

    def running_deadline(self, calendar=None):
        """Verification while ``diajukan`` (from submission or the last fix), then
        the service time from verification until the application closes."""
        if self.alasan_penolakan:
            return None
        if self.diverifikasi_pada:
            return add_working_days(
                self.diverifikasi_pada, self.waktu_hari_kerja, calendar
            )
        if self.status == StatusPermohonan.DIAJUKAN:
            return add_working_days(
                self.menunggu_verifikasi_sejak or self.diajukan_pada,
                self.waktu_verifikasi_hari_kerja,
                calendar,
            )
        return None

    @classmethod
    def with_running_deadline(cls):
        """Open applications only: a completed one keeps the deadline it was held to."""
        return super().with_running_deadline().filter(status__in=OPEN_STATUSES)

    @cached_property
    def active_letter(self):
        """The letter issued for this application and not revoked, or ``None``."""
        return self.surat.filter(dicabut_pada__isnull=True).first()

    @property
    def survey_open(self):
        """The applicant may answer the IKM survey: completed and not yet answered."""
        return self.status == StatusPermohonan.SELESAI and not hasattr(
            self, "survei_ikm"
        )


def berkas_upload_to(instance, filename):
    """A random, non-guessable path that keeps only the (checked) extension."""
    extension = PurePosixPath(filename).suffix.lower()
    return f"permohonan/{uuid.uuid4().hex}{extension}"


class BerkasPermohonan(models.Model):
    """An uploaded requirement or file field of an application."""

    permohonan = models.ForeignKey(
        Permohonan,
        verbose_name=_("permohonan"),
        on_delete=models.CASCADE,
        related_name="berkas",
    )
    kunci = models.CharField(
        _("kunci"), max_length=64, help_text=_("Id persyaratan/isian layanan.")
    )
    label = models.CharField(_("dokumen"), max_length=200)
    berkas = models.FileField(
        _("berkas"), upload_to=berkas_upload_to, storage=private_storage
    )
    content_type = models.CharField(_("jenis berkas"), max_length=50)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    nama_asli = models.CharField(
        _("nama berkas asli"),
        max_length=ORIGINAL_NAME_LENGTH,
        blank=True,
        help_text=_(
            "Nama berkas di perangkat pemohon; kosong untuk berkas lama. Berkas "
            "disimpan dengan nama acak."
        ),
    )
    diunggah_pada = models.DateTimeField(_("diunggah"), default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("berkas permohonan")
        verbose_name_plural = _("berkas permohonan")

    def __str__(self):
        return self.label

    @property
    def download_name(self):
        """The file name of a download: the name it was sent with, else the
        requirement's ("KTP.jpg"), with the extension of what it is."""
        return download_name(self.nama_asli or self.label, self.content_type)

    @property
    def is_image(self):
        return self.content_type.startswith("image/")


class LinimasaPermohonan(TimelineEntry):
    permohonan = models.ForeignKey(
        Permohonan,
        verbose_name=_("permohonan"),
        on_delete=models.CASCADE,
        related_name="linimasa",
    )

    class Meta(TimelineEntry.Meta):
        verbose_name = _("linimasa permohonan")
        verbose_name_plural = _("linimasa permohonan")

    def __str__(self):
        return f"{self.permohonan.kode_lacak}: {self.status_to or self.message[:40]}"


def _score_field(label):
    return models.PositiveSmallIntegerField(
        label,
        choices=SKALA_IKM,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )


class SurveiIKM(models.Model):
    """One applicant's IKM answers (PermenPANRB 14/2017), at most one per application.

    Kecamatan and service are copied from the application so figures group cheaply.
    """

    permohonan = models.OneToOneField(
        Permohonan,
        verbose_name=_("permohonan"),
        on_delete=models.CASCADE,
        related_name="survei_ikm",
    )
    kecamatan = models.ForeignKey(
        "portal.Kecamatan",
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    layanan = models.ForeignKey(
        StandarLayanan,
        verbose_name=_("layanan"),
        on_delete=models.PROTECT,
        related_name="survei_ikm",
    )
    u1 = _score_field(UNSUR_IKM[0][1])
    u2 = _score_field(UNSUR_IKM[1][1])
    u3 = _score_field(UNSUR_IKM[2][1])
    u4 = _score_field(UNSUR_IKM[3][1])
    u5 = _score_field(UNSUR_IKM[4][1])
    u6 = _score_field(UNSUR_IKM[5][1])
    u7 = _score_field(UNSUR_IKM[6][1])
    u8 = _score_field(UNSUR_IKM[7][1])
    u9 = _score_field(UNSUR_IKM[8][1])
    saran = models.TextField(_("saran"), blank=True, max_length=1000)
    jenis_kelamin = models.CharField(
        _("jenis kelamin"), max_length=1, choices=JenisKelamin.choices, blank=True
    )
    usia = models.PositiveSmallIntegerField(
        _("usia (tahun)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(10), MaxValueValidator(120)],
    )
    pendidikan = models.CharField(
        _("pendidikan"), max_length=5, choices=Pendidikan.choices, blank=True
    )
    pekerjaan = models.CharField(
        _("pekerjaan"), max_length=10, choices=Pekerjaan.choices, blank=True
    )
    dibuat_pada = models.DateTimeField(
        _("diisi pada"), default=timezone.now, db_index=True
    )

    class Meta:
        ordering = ["-dibuat_pada"]
        verbose_name = _("survei IKM")
        verbose_name_plural = _("survei IKM")

    def __str__(self):
        return f"IKM {self.permohonan.kode_lacak}"


class PenghitungNomorSurat(models.Model):
    """The last letter number a kecamatan gave in a year.

    Numbers are taken with the row locked (``select_for_update``), so two officers
    completing at the same moment never get the same number.
    """

    kecamatan = models.ForeignKey(
        "portal.Kecamatan",
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    terakhir = models.PositiveIntegerField(_("nomor terakhir"), default=0)

    class Meta:
        verbose_name = _("penghitung nomor surat")
        verbose_name_plural = _("penghitung nomor surat")
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "tahun"], name="nomor_surat_per_kecamatan_tahun"
            )
        ]

    def __str__(self):
        return f"{self.kecamatan} {self.tahun}: {self.terakhir}"


class SuratHasil(models.Model):
    """A letter generated for a completed application: a PDF never edited again.

    A mistaken letter is revoked (with a reason) and a new one issued; the
    verification page reads the revocation. ``sha256`` is the PDF's digest, shown
    on the verification page so a holder can compare a copy.
    """

    permohonan = models.ForeignKey(
        Permohonan,
        verbose_name=_("permohonan"),
        on_delete=models.PROTECT,
        related_name="surat",
    )
    template = models.ForeignKey(
        TemplateSurat,
        verbose_name=_("templat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kecamatan = models.ForeignKey(
        "portal.Kecamatan",
        verbose_name=_("kecamatan penerbit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    judul = models.CharField(_("judul surat"), max_length=200)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nomor_urut = models.PositiveIntegerField(_("nomor urut"))
    nomor_surat = models.CharField(_("nomor surat"), max_length=150)
    kode_verifikasi = models.CharField(_("kode verifikasi"), max_length=20, unique=True)
    berkas = models.FileField(
        _("berkas PDF"), upload_to="permohonan/surat/", storage=private_storage
    )
    sha256 = models.CharField(_("SHA-256 PDF"), max_length=64)
    diterbitkan_pada = models.DateTimeField(_("diterbitkan pada"), default=timezone.now)
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterbitkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dicabut_pada = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    alasan_pencabutan = models.TextField(_("alasan pencabutan"), blank=True)
    dicabut_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicabut oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-diterbitkan_pada", "-pk"]
        verbose_name = _("surat hasil")
        verbose_name_plural = _("surat hasil")
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "tahun", "nomor_urut"],
                name="surat_hasil_nomor_unik",
            )
        ]

    def __str__(self):
        return self.nomor_surat

    @property
    def is_revoked(self):
        return self.dicabut_pada is not None


class EKecamatanIndexPage(DeclaredRoutesMixin, BasePage):
    """Hosts e-kecamatan: service standards, application forms, tracking and IKM."""

    introduction = RichTextField(
        _("pengantar"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Penjelasan di atas daftar layanan."),
    )
    confirmation_text = models.TextField(
        _("teks konfirmasi"),
        blank=True,
        help_text=_("Ditampilkan setelah permohonan terkirim, di atas kode lacak."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("confirmation_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["layanan.KantorKecamatanPage"]
    max_count = 1

    class Meta:
        verbose_name = _("halaman e-kecamatan")
        verbose_name_plural = _("halaman e-kecamatan")

    routes = [
        PageRoute("", "layanan.views.service_list", "service_list"),
        PageRoute(
            "layanan/<slug:slug>/", "layanan.views.service_detail", "service_detail"
        ),
        PageRoute(
            "layanan/<slug:slug>/ajukan/",
            "layanan.views.application_form",
            "application_form",
        ),
        PageRoute(
            "terkirim/<str:token>/",
            "layanan.views.PermohonanConfirmationView",
            "confirmation",
        ),
        PageRoute("lacak/", "layanan.views.PermohonanTrackView", "track"),
        PageRoute(
            "permohonan-saya/<str:token>/",
            "layanan.views.PermohonanSecretPageView",
            "secret_page",
        ),
        PageRoute(
            "permohonan-saya/<str:token>/hasil/",
            "layanan.views.result_download",
            "result_download",
        ),
        PageRoute(
            "permohonan-saya/<str:token>/survei/", "layanan.views.survey", "survey"
        ),
        PageRoute("ikm/", "layanan.ikm_views.public_ikm", "ikm"),
        PageRoute("ikm/csv/", "layanan.ikm_views.public_ikm_csv", "ikm_csv"),
    ]


class KantorKecamatanPage(BasePage):
    """A kecamatan office: where it is, who leads it, when it serves, what it offers."""

    kecamatan = models.OneToOneField(
        "portal.Kecamatan",
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="kantor_page",
    )
    alamat = models.TextField(_("alamat kantor"), max_length=500)
    camat = models.CharField(_("nama camat"), max_length=150, blank=True)
    nip_camat = models.CharField(
        _("NIP camat"),
        max_length=30,
        blank=True,
        help_text=_("Dicetak di bawah nama camat pada surat hasil."),
    )
    kode_surat = models.CharField(
        _("kode kecamatan pada nomor surat"),
        max_length=20,
        blank=True,
        help_text=_(
            "Menggantikan {kode_kecamatan} pada pola nomor surat, mis. BBL. Bila "
            "kosong dipakai nama kecamatan dalam huruf besar."
        ),
    )
    jam_layanan = models.TextField(
        _("jam layanan"),
        max_length=500,
        help_text=_("Mis. Senin-Kamis 08.00-16.00 WIB, Jumat 08.00-16.30 WIB."),
    )
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    tautan_peta = models.URLField(
        _("tautan peta"), blank=True, help_text=_("Tautan lokasi kantor di peta.")
    )
    keterangan = RichTextField(
        _("keterangan"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kecamatan"),
        FieldPanel("alamat"),
        FieldPanel("camat"),
        FieldPanel("nip_camat"),
        FieldPanel("kode_surat"),
        FieldPanel("jam_layanan"),
        MultiFieldPanel(
            [FieldPanel("telepon"), FieldPanel("email"), FieldPanel("tautan_peta")],
            heading=_("Kontak"),
        ),
        FieldPanel("keterangan"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("alamat"),
        index.SearchField("camat"),
    ]

    parent_page_types = ["layanan.EKecamatanIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("kantor kecamatan")
        verbose_name_plural = _("kantor kecamatan")

    def layanan_tersedia(self):
        """Live services offered in this kecamatan."""
        return StandarLayanan.objects.live().offered_in(self.kecamatan_id)
