from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from pasar import content_api
from pasar.choices import Ketersediaan
from pasar.phone import validate_whatsapp
from portal.base_url import page_url
from portal.models import BasePage
from portal.routes import DeclaredRoutesMixin, PageRoute
from portal.visibility import first_live_page, public

MAX_PRODUCT_IMAGES = 5
#: Highest price accepted (Rp 1 miliar): catches typing slips such as extra zeros.
MAX_PRICE = 1_000_000_000

validate_nib = RegexValidator(r"^\d{13}$", _("NIB terdiri atas 13 angka (dari OSS)."))


class KategoriProduk(index.Indexed, models.Model):
    """A product category of the catalogue (kuliner, kerajinan, …)."""

    nama = models.CharField(_("nama"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    deskripsi = models.TextField(_("deskripsi"), blank=True, max_length=500)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=100)

    panels = [
        FieldPanel("nama"),
        FieldPanel("slug"),
        FieldPanel("deskripsi"),
        FieldPanel("urutan"),
    ]
    search_fields = [index.SearchField("nama"), index.AutocompleteField("nama")]

    class Meta:
        ordering = ["urutan", "nama"]
        verbose_name = _("kategori produk")
        verbose_name_plural = _("kategori produk")

    def __str__(self):
        return self.nama


class UMKMQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(terverifikasi=True)


class UMKM(models.Model):
    """A micro business and its profile; one per owner account (DESIGN §4.5)."""

    pemilik = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pemilik"),
        on_delete=models.PROTECT,
        related_name="umkm",
    )
    nama_usaha = models.CharField(_("nama usaha"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=170, unique=True)
    nib = models.CharField(
        _("NIB"),
        max_length=13,
        blank=True,
        validators=[validate_nib],
        help_text=_("Nomor Induk Berusaha dari OSS, bila ada."),
    )
    kecamatan = models.ForeignKey(
        "portal.Kecamatan",
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="umkm",
    )
    desa = models.ForeignKey(
        "portal.Desa",
        verbose_name=_("desa/kelurahan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    alamat = models.CharField(_("alamat usaha"), max_length=300)
    whatsapp = models.CharField(
        _("nomor WhatsApp"),
        max_length=16,
        validators=[validate_whatsapp],
        help_text=_("Disimpan dalam format +62."),
    )
    deskripsi = models.TextField(_("tentang usaha"), max_length=2000)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    terverifikasi = models.BooleanField(
        _("terverifikasi"),
        default=False,
        db_index=True,
        help_text=_("Profil tampil untuk publik setelah diverifikasi moderator."),
    )
    diverifikasi_pada = models.DateTimeField(
        _("diverifikasi pada"), null=True, blank=True
    )
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now)
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), auto_now=True)

    objects = UMKMQuerySet.as_manager()

    class Meta:
        ordering = ["nama_usaha"]
        verbose_name = _("UMKM")
        verbose_name_plural = _("UMKM")

    def __str__(self):
        return self.nama_usaha

    def clean(self):
        super().clean()
        if (
            self.desa_id
            and self.kecamatan_id
            and self.desa.kecamatan_id != self.kecamatan_id
        ):
            raise ValidationError(
                {"desa": _("Desa/kelurahan tidak berada di kecamatan yang dipilih.")}
            )


class PasarIndexPage(DeclaredRoutesMixin, BasePage):
    """Hosts e-pasar: the catalogue, category pages and UMKM pages."""

    introduction = RichTextField(
        _("pengantar"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Penjelasan di atas katalog."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["pasar.ProdukPage"]
    max_count = 1

    class Meta:
        verbose_name = _("halaman e-pasar")
        verbose_name_plural = _("halaman e-pasar")

    routes = [
        PageRoute("", "pasar.views.catalogue", "catalogue"),
        PageRoute(
            "kategori/<slug:category_slug>/", "pasar.views.catalogue", "category"
        ),
        PageRoute("umkm/<slug:slug>/", "pasar.views.umkm_detail", "umkm_detail"),
    ]


class TagProduk(TaggedItemBase):
    content_object = ParentalKey(
        "pasar.ProdukPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ProdukPageQuerySet(PageQuerySet):
    """Product pages, with the one rule of which of them the public sees."""

    def visible_to_public(self):
        """Live, public products of verified UMKM: the only products the catalogue,
        the site search, the sitemap and both APIs show. A product whose UMKM is not
        (or no longer) verified stays live but appears nowhere."""
        return public(self.live()).filter(umkm__terverifikasi=True)


ProdukPageManager = PageManager.from_queryset(ProdukPageQuerySet)


def _visible_product_ids(request):
    """IDs of ``ProdukPage.objects.visible_to_public()``, read once per request:
    the sitemap asks every page in turn."""
    ids = getattr(request, "_pasar_visible_product_ids", None)
    if ids is None:
        ids = set(ProdukPage.objects.visible_to_public().values_list("pk", flat=True))
        if request is not None:
            request._pasar_visible_product_ids = ids
    return ids


class ProdukPage(BasePage):
    """An UMKM product; owners submit it from their dashboard, moderators publish it."""

    umkm = models.ForeignKey(
        UMKM,
        verbose_name=_("UMKM"),
        on_delete=models.PROTECT,
        related_name="produk",
    )
    kategori = models.ForeignKey(
        KategoriProduk,
        verbose_name=_("kategori"),
        on_delete=models.PROTECT,
        related_name="produk",
    )
    kecamatan = models.ForeignKey(
        "portal.Kecamatan",
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        help_text=_("Disalin dari UMKM agar katalog dapat disaring per kecamatan."),
    )
    deskripsi = models.TextField(_("deskripsi"), max_length=3000)
    harga = models.PositiveBigIntegerField(
        _("harga (Rp)"), validators=[MaxValueValidator(MAX_PRICE)]
    )
    harga_maks = models.PositiveBigIntegerField(
        _("harga tertinggi (Rp)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_PRICE)],
        help_text=_("Isi bila harga berupa rentang, mis. menurut ukuran."),
    )
    satuan = models.CharField(
        _("satuan"), max_length=50, help_text=_("Mis. per bungkus, per kg, per buah.")
    )
    ketersediaan = models.CharField(
        _("ketersediaan"),
        max_length=20,
        choices=Ketersediaan.choices,
        default=Ketersediaan.TERSEDIA,
    )
    unggulan = models.BooleanField(
        _("produk unggulan"),
        default=False,
        help_text=_("Tampil di beranda. Diatur oleh moderator."),
    )
    tags = ClusterTaggableManager(through=TagProduk, blank=True, verbose_name=_("tag"))

    objects = ProdukPageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("umkm"),
        FieldPanel("kategori"),
        FieldPanel("deskripsi"),
        MultiFieldPanel(
            [FieldPanel("harga"), FieldPanel("harga_maks"), FieldPanel("satuan")],
            heading=_("Harga"),
        ),
        FieldPanel("ketersediaan"),
        InlinePanel("gambar", label=_("foto"), max_num=MAX_PRODUCT_IMAGES),
        FieldPanel("tags"),
        FieldPanel("unggulan"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("deskripsi"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("umkm", [index.SearchField("nama_usaha")]),
        index.FilterField("kategori"),
        index.FilterField("kecamatan"),
        index.FilterField("harga"),
        index.FilterField("umkm"),
        index.FilterField("unggulan"),
    ]

    # Filters of /api/v2/pages/?type=pasar.ProdukPage work on these fields by
    # value: kategori, kecamatan and umkm by id, harga, ketersediaan, unggulan,
    # tags by name.
    api_fields = [
        *BasePage.api_fields,
        APIField("deskripsi"),
        APIField("harga"),
        APIField("harga_maks"),
        APIField("satuan"),
        APIField("ketersediaan"),
        APIField("unggulan"),
        APIField("kategori", serializer=content_api.KategoriProdukSerializer()),
        APIField("kecamatan", serializer=content_api.KecamatanSerializer()),
        APIField("umkm", serializer=content_api.UMKMSerializer()),
        APIField("gambar", serializer=content_api.GambarProdukSerializer(many=True)),
        APIField("tags"),
    ]

    parent_page_types = ["pasar.PasarIndexPage"]
    subpage_types = []

    template = "pasar/produk_page.html"

    class Meta:
        verbose_name = _("produk")
        verbose_name_plural = _("produk")

    def clean(self):
        super().clean()
        if self.harga_maks is not None and self.harga is not None:
            if self.harga_maks <= self.harga:
                raise ValidationError(
                    {
                        "harga_maks": _(
                            "Harga tertinggi harus lebih besar dari harga terendah."
                        )
                    }
                )

    def save(self, *args, **kwargs):
        if self.umkm_id:
            self.kecamatan_id = self.umkm.kecamatan_id
        return super().save(*args, **kwargs)

    @property
    def summary(self):
        return self.listing_summary or self.search_description or self.deskripsi

    def photos(self):
        """The product's images in order, with their renditions prefetched."""
        images = [photo.image for photo in self.gambar.all().select_related("image")]
        prefetch_related_objects(
            images, Prefetch("renditions", to_attr="prefetched_renditions")
        )
        return images

    def _join_related(self):
        """Load the UMKM (with its kecamatan), category and kecamatan the page shows
        in one query rather than one each."""
        joined = ProdukPage.objects.select_related(
            "umkm__kecamatan", "kategori", "kecamatan"
        ).get(pk=self.pk)
        for name in ("umkm", "kategori", "kecamatan"):
            setattr(self, name, getattr(joined, name))

    def serve(self, request, *args, **kwargs):
        # A preview shows the edited revision's choices, not the live ones.
        if not getattr(request, "is_preview", False):
            self._join_related()
            # The public sees products of verified UMKM only; previews stay possible.
            if not self.umkm.terverifikasi:
                raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        if self.pk not in _visible_product_ids(request):
            return []
        return super().get_sitemap_urls(request)

    def get_context(self, request, *args, **kwargs):
        from pasar import catalogue

        context = super().get_context(request, *args, **kwargs)
        product_url = page_url(self, request)
        photos = self.photos()
        market = first_live_page(PasarIndexPage)
        context.update(
            {
                "photos": photos,
                "market_page": market,
                "whatsapp_url": catalogue.product_whatsapp_url(self, product_url),
                "json_ld": catalogue.product_json_ld(self, photos, product_url, market),
                "other_products": (
                    list(
                        catalogue.catalogue_queryset({"umkm": self.umkm_id}).exclude(
                            pk=self.pk
                        )[:4]
                    )
                    if self.umkm.terverifikasi
                    else []
                ),
            }
        )
        return context


class GambarProduk(Orderable):
    """One of up to five photos of a product."""

    page = ParentalKey(ProdukPage, on_delete=models.CASCADE, related_name="gambar")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("foto produk")
        verbose_name_plural = _("foto produk")
