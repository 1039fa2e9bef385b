from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import CallToActionBlock
from portal.page_cache import shared_value
from portal.visibility import first_live_page, public


class HeroBlock(blocks.StructBlock):
    """The opening of the home page, with the most urgent serta-merta notice."""

    heading = blocks.CharBlock(label=_("judul utama"), max_length=150)
    text = blocks.TextBlock(label=_("teks sambutan"), required=False)
    show_urgent_notice = blocks.BooleanBlock(
        label=_("tampilkan pengumuman serta-merta terpenting"),
        required=False,
        default=True,
    )

    class Meta:
        icon = "pick"
        label = _("Pembuka")
        template = "home/blocks/hero_block.html"
        description = _("Judul besar beranda dengan pengumuman darurat bila ada.")

    def get_context(self, value, parent_context=None):
        from ppid.models import current_announcements

        context = super().get_context(value, parent_context=parent_context)
        announcements = current_announcements()
        if value["show_urgent_notice"] and announcements:
            notice = announcements[0]
            # The site-wide banner shows it already: never twice on one page.
            if notice.pk not in _banner_pks(parent_context):
                context["urgent_notice"] = notice
        return context


def _banner_pks(parent_context):
    """The announcements the site-wide serta-merta banner shows on this page."""
    banners = (parent_context or {}).get("serta_merta_banners") or []
    return {announcement.pk for announcement in banners}


class QuickLinksBlock(blocks.StructBlock):
    """Links to the service areas: the chosen pages, or the main menu when none."""

    heading = blocks.CharBlock(label=_("judul bagian"), max_length=100)
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("halaman")),
        label=_("halaman"),
        required=False,
        help_text=_("Kosongkan untuk memakai halaman menu utama."),
    )

    class Meta:
        icon = "link"
        label = _("Tautan cepat")
        template = "home/blocks/quick_links_block.html"
        description = _("Kartu menuju bagian-bagian portal.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chosen = [page.specific for page in value["pages"] if page and page.live]
        if not chosen and parent_context and parent_context.get("page"):
            home = parent_context["page"]
            chosen = shared_value(
                f"quick-links:{home.pk}",
                lambda: list(public(home.get_children().live()).in_menu().specific()),
            )
        context["link_pages"] = chosen
        return context


class LatestNewsBlock(blocks.StructBlock):
    """The newest news articles."""

    heading = blocks.CharBlock(label=_("judul bagian"), max_length=100)
    count = blocks.IntegerBlock(label=_("jumlah"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "doc-full"
        label = _("Berita terbaru")
        template = "home/blocks/latest_news_block.html"
        description = _("Berita terbaru dari indeks berita.")

    def get_context(self, value, parent_context=None):
        from home.models import BeritaPage
        from home.views import prefetch_card_renditions

        context = super().get_context(value, parent_context=parent_context)
        articles = public(BeritaPage.objects.live()).select_related("image")
        context["articles"] = list(
            prefetch_card_renditions(articles).order_by("-tanggal", "-pk")[
                : value["count"]
            ]
        )
        return context


class LatestAnnouncementsBlock(blocks.StructBlock):
    """The serta-merta announcements that are showing now, except those the
    site-wide banner already shows on the page."""

    heading = blocks.CharBlock(label=_("judul bagian"), max_length=100)
    count = blocks.IntegerBlock(label=_("jumlah"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "warning"
        label = _("Pengumuman serta-merta")
        template = "home/blocks/latest_announcements_block.html"
        description = _("Pengumuman serta-merta yang sedang berlaku.")

    def get_context(self, value, parent_context=None):
        from ppid.models import current_announcements

        context = super().get_context(value, parent_context=parent_context)
        shown = _banner_pks(parent_context)
        announcements = [a for a in current_announcements() if a.pk not in shown]
        context["announcements"] = announcements[: value["count"]]
        return context


class ComplaintFiguresBlock(blocks.StructBlock):
    """This month's e-laga figures: received, resolved and resolved on time."""

    heading = blocks.CharBlock(label=_("judul bagian"), max_length=100)

    class Meta:
        icon = "table"
        label = _("Angka pengaduan bulan ini")
        template = "home/blocks/complaint_figures_block.html"
        description = _(
            "Jumlah laporan e-laga bulan ini: diterima, selesai, tepat waktu."
        )

    def get_context(self, value, parent_context=None):
        from pengaduan.models import ELagaIndexPage
        from pengaduan.statistics import period_total

        context = super().get_context(value, parent_context=parent_context)
        today = timezone.localdate()
        figures = period_total(today.year, today.month)
        context["figures"] = figures if figures.received else None
        context["elaga_page"] = first_live_page(ELagaIndexPage)
        return context


class FeaturedProductsBlock(blocks.StructBlock):
    """Featured e-pasar products, or the newest ones when none is featured."""

    heading = blocks.CharBlock(label=_("judul bagian"), max_length=100)
    count = blocks.IntegerBlock(label=_("jumlah"), min_value=1, max_value=12, default=4)

    class Meta:
        icon = "tag"
        label = _("Produk unggulan")
        template = "home/blocks/featured_products_block.html"
        description = _(
            "Produk UMKM unggulan dari e-pasar; produk terbaru bila belum ada yang "
            "diunggulkan."
        )
        preview_value = {"heading": "Produk unggulan UMKM", "count": 4}

    def get_context(self, value, parent_context=None):
        from pasar.catalogue import featured_products
        from pasar.models import PasarIndexPage

        context = super().get_context(value, parent_context=parent_context)
        context["products"] = featured_products(value["count"])
        context["pasar_page"] = first_live_page(PasarIndexPage)
        return context


class HomeBlock(blocks.StreamBlock):
    """The sections of the home page, in the order editors choose."""

    hero = HeroBlock()
    quick_links = QuickLinksBlock()
    latest_news = LatestNewsBlock()
    latest_announcements = LatestAnnouncementsBlock()
    complaint_figures = ComplaintFiguresBlock()
    featured_products = FeaturedProductsBlock()
    text = blocks.RichTextBlock(
        label=_("teks"), features=["bold", "italic", "link", "ol", "ul", "h2", "h3"]
    )
    call_to_action = CallToActionBlock()
