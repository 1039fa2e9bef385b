from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageWithCaptionBlock(blocks.StructBlock):
    """An image with a caption and the credit of its source."""

    image = ImageChooserBlock(label=_("gambar"))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("sumber"), required=False, max_length=150)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "home/blocks/image_with_caption_block.html"
        description = _("Gambar dengan keterangan dan sumber.")


class CallToActionBlock(blocks.StructBlock):
    """A highlighted box that sends the reader to one page or address."""

    heading = blocks.CharBlock(label=_("judul"), max_length=120)
    text = blocks.TextBlock(label=_("teks"), required=False)
    page = blocks.PageChooserBlock(label=_("halaman tujuan"), required=False)
    url = blocks.URLBlock(label=_("atau alamat tujuan"), required=False)
    button_label = blocks.CharBlock(label=_("teks tombol"), max_length=60)

    class Meta:
        icon = "link"
        label = _("Ajakan")
        template = "home/blocks/call_to_action_block.html"
        description = _("Kotak ajakan dengan satu tombol.")
        preview_value = {
            "heading": "Sampaikan pengaduan Anda",
            "text": "Laporan ditindaklanjuti paling lama 5 hari kerja.",
            "url": "https://langkatkab.go.id/",
            "button_label": "Buat laporan",
        }


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document in the document library, with its title."""

    document = DocumentChooserBlock(label=_("dokumen"))
    title = blocks.CharBlock(label=_("judul tautan"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Dokumen")
        template = "home/blocks/document_link_block.html"
        description = _("Tautan unduhan dokumen.")


class TableBlock(blocks.StructBlock):
    """A data table with a caption, typed columns and a header row."""

    caption = blocks.CharBlock(label=_("judul tabel"), max_length=200)
    table = TypedTableBlock(
        [
            ("teks", blocks.CharBlock(label=_("teks"))),
            ("angka", blocks.DecimalBlock(label=_("angka"))),
            ("tautan", blocks.PageChooserBlock(label=_("halaman"))),
        ],
        label=_("tabel"),
    )

    class Meta:
        icon = "table"
        label = _("Tabel")
        template = "home/blocks/table_block.html"
        description = _("Tabel data dengan judul.")


class EmbedWithCaptionBlock(blocks.StructBlock):
    """A video or map from a provider, with a caption that describes it."""

    embed = EmbedBlock(label=_("alamat media"), help_text=_("Misalnya tautan YouTube."))
    caption = blocks.CharBlock(label=_("keterangan"), max_length=250)

    class Meta:
        icon = "media"
        label = _("Media sematan")
        template = "home/blocks/embed_block.html"
        description = _("Video atau peta dari penyedia seperti YouTube.")


class ProcedureStepBlock(blocks.StructBlock):
    """One step of a service procedure."""

    judul = blocks.CharBlock(label=_("langkah"), max_length=150)
    uraian = blocks.TextBlock(label=_("uraian"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Langkah")
        template = "home/blocks/procedure_step_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of editorial pages."""

    heading = blocks.CharBlock(
        label=_("subjudul"),
        form_classname="title",
        icon="title",
        template="home/blocks/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("paragraf"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        icon="pilcrow",
    )
    image = ImageWithCaptionBlock()
    document = DocumentLinkBlock()
    table = TableBlock()
    embed = EmbedWithCaptionBlock()
    call_to_action = CallToActionBlock()


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
        from home.models import active_announcements

        context = super().get_context(value, parent_context=parent_context)
        if value["show_urgent_notice"]:
            context["urgent_notice"] = active_announcements().first()
        return context


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
            chosen = list(home.get_children().live().public().in_menu().specific())
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

        context = super().get_context(value, parent_context=parent_context)
        context["articles"] = list(
            BeritaPage.objects.live()
            .public()
            .select_related("image")
            .order_by("-tanggal", "-pk")[: value["count"]]
        )
        return context


class LatestAnnouncementsBlock(blocks.StructBlock):
    """The serta-merta announcements that are showing now."""

    heading = blocks.CharBlock(label=_("judul bagian"), max_length=100)
    count = blocks.IntegerBlock(label=_("jumlah"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "warning"
        label = _("Pengumuman serta-merta")
        template = "home/blocks/latest_announcements_block.html"
        description = _("Pengumuman serta-merta yang sedang berlaku.")

    def get_context(self, value, parent_context=None):
        from home.models import active_announcements

        context = super().get_context(value, parent_context=parent_context)
        context["announcements"] = list(active_announcements()[: value["count"]])
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
        from pengaduan.statistics import compute_statistics

        context = super().get_context(value, parent_context=parent_context)
        today = timezone.localdate()
        figures = compute_statistics(today.year, today.month, today=today).total
        context["figures"] = figures if figures.received else None
        context["elaga_page"] = ELagaIndexPage.objects.live().first()
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
        context["pasar_page"] = PasarIndexPage.objects.live().first()
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
