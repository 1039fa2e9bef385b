"""Small generated files for demo content: PDF documents and illustrative images."""

from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def pdf_document(title, paragraphs, filename):
    """A Wagtail document holding a one-page PDF with ``title`` and ``paragraphs``."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = BytesIO()
    styles = getSampleStyleSheet()
    story = [Paragraph(title, styles["Title"]), Spacer(1, 12)]
    story += [Paragraph(text, styles["BodyText"]) for text in paragraphs]
    SimpleDocTemplate(buffer, pagesize=A4, title=title, author="Pemkab Langkat").build(
        story
    )
    document = Document(title=title)
    document.file.save(filename, ContentFile(buffer.getvalue()), save=False)
    document.save()
    return document


def illustration(title, colour, filename):
    """A Wagtail image: a plain coloured banner with ``title`` written on it."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", (1200, 675), colour)
    ImageDraw.Draw(picture).text((60, 300), title, fill="white", font_size=48)
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return Image.objects.create(title=title, file=ImageFile(buffer, name=filename))
