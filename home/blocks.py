from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
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
    call_to_action = CallToActionBlock()
