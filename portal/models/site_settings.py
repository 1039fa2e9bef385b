from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def validate_tile_url(value):
    """A tile URL pattern the maps can use: https, with {z}, {x} and {y}."""
    if not value.startswith("https://") or not all(
        part in value for part in ("{z}", "{x}", "{y}")
    ):
        raise ValidationError(
            _(
                "Tulis alamat https:// yang memuat {z}, {x} dan {y}, misalnya "
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png."
            )
        )


@register_setting(icon="site")
class PengaturanPortal(BaseSiteSetting):
    """Regency identity and contacts shown in every page footer."""

    nama_kabupaten = models.CharField(
        _("nama pemerintah daerah"),
        max_length=150,
        default="Pemerintah Kabupaten Langkat",
        help_text=_("Ditampilkan di kepala dan kaki halaman."),
    )
    alamat = models.TextField(
        _("alamat"),
        default=(
            "Jl. Tengku Amir Hamzah No. 1, Kwala Bingai, Stabat, Langkat, "
            "Sumatera Utara 20811"
        ),
        help_text=_("Alamat kantor bupati atau sekretariat daerah."),
    )
    telepon = models.CharField(
        _("telepon"), max_length=50, blank=True, help_text=_("Nomor telepon kantor.")
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("Email resmi."))
    jam_pelayanan = models.TextField(
        _("jam pelayanan"),
        blank=True,
        help_text=_(
            "Satu baris per hari atau rentang hari, misalnya: Senin-Kamis 08.00-16.00."
        ),
    )
    ppid_nama = models.CharField(
        _("nama PPID"),
        max_length=150,
        blank=True,
        help_text=_("Nama unit atau pejabat PPID Utama."),
    )
    ppid_telepon = models.CharField(
        _("telepon PPID"), max_length=50, blank=True, help_text=_("Nomor layanan PPID.")
    )
    ppid_email = models.EmailField(
        _("email PPID"), blank=True, help_text=_("Email layanan informasi publik.")
    )
    facebook = models.URLField(
        _("Facebook"), blank=True, help_text=_("Alamat halaman Facebook.")
    )
    instagram = models.URLField(
        _("Instagram"), blank=True, help_text=_("Alamat akun Instagram.")
    )
    youtube = models.URLField(
        _("YouTube"), blank=True, help_text=_("Alamat kanal YouTube.")
    )
    x_twitter = models.URLField(
        _("X (Twitter)"), blank=True, help_text=_("Alamat akun X.")
    )
    peta_tile_url = models.CharField(
        _("alamat ubin peta"),
        max_length=255,
        default="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        validators=[validate_tile_url],
        help_text=_(
            "Pola alamat ubin peta dengan {z}, {x} dan {y}. Jika server ubin diganti, "
            "hostnya juga harus ditambahkan ke CSP_MAP_TILE_HOSTS agar peta tampil."
        ),
    )
    peta_atribusi = models.CharField(
        _("atribusi peta"),
        max_length=255,
        default="© kontributor OpenStreetMap",
        help_text=_("Keterangan sumber peta yang wajib ditampilkan di atas peta."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("nama_kabupaten"),
                FieldPanel("alamat"),
                FieldPanel("telepon"),
                FieldPanel("email"),
                FieldPanel("jam_pelayanan"),
            ],
            heading=_("Identitas dan kontak"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("ppid_nama"),
                FieldPanel("ppid_telepon"),
                FieldPanel("ppid_email"),
            ],
            heading=_("Kontak PPID"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook"),
                FieldPanel("instagram"),
                FieldPanel("youtube"),
                FieldPanel("x_twitter"),
            ],
            heading=_("Media sosial"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("peta_tile_url"),
                FieldPanel("peta_atribusi"),
            ],
            heading=_("Peta"),
        ),
    ]

    class Meta:
        verbose_name = _("pengaturan portal")

    @property
    def jam_pelayanan_lines(self):
        return [
            line.strip() for line in self.jam_pelayanan.splitlines() if line.strip()
        ]

    @property
    def social_links(self):
        """(label, url) pairs of the social accounts that are filled in."""
        candidates = [
            ("Facebook", self.facebook),
            ("Instagram", self.instagram),
            ("YouTube", self.youtube),
            ("X", self.x_twitter),
        ]
        return [(label, url) for label, url in candidates if url]
