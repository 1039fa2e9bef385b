"""Editorial blocks shared by every page type: the body of articles and pages."""

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
        template = "portal/blocks/image_with_caption_block.html"
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
        template = "portal/blocks/call_to_action_block.html"
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
        template = "portal/blocks/document_link_block.html"
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
        template = "portal/blocks/table_block.html"
        description = _("Tabel data dengan judul.")


class EmbedWithCaptionBlock(blocks.StructBlock):
    """A video or map from a provider, with a caption that describes it."""

    embed = EmbedBlock(label=_("alamat media"), help_text=_("Misalnya tautan YouTube."))
    caption = blocks.CharBlock(label=_("keterangan"), max_length=250)

    class Meta:
        icon = "media"
        label = _("Media sematan")
        template = "portal/blocks/embed_block.html"
        description = _("Video atau peta dari penyedia seperti YouTube.")


class ProcedureStepBlock(blocks.StructBlock):
    """One step of a service procedure."""

    judul = blocks.CharBlock(label=_("langkah"), max_length=150)
    uraian = blocks.TextBlock(label=_("uraian"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Langkah")
        template = "portal/blocks/procedure_step_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of editorial pages."""

    heading = blocks.CharBlock(
        label=_("subjudul"),
        form_classname="title",
        icon="title",
        template="portal/blocks/heading_block.html",
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
