"""Checking and cleaning citizens' uploads (DESIGN §4.2).

The type is decided by the content, not the name: images are opened with Pillow and
re-encoded, which drops EXIF data such as GPS positions; PDFs must start with a PDF
header. Anything else is refused with a message in Bahasa Indonesia.
"""

from dataclasses import dataclass
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MAX_IMAGE_SIDE = 2560

# Pillow format -> (content type, extension, save options)
IMAGE_FORMATS = {
    "JPEG": ("image/jpeg", ".jpg", {"quality": 85, "optimize": True}),
    "PNG": ("image/png", ".png", {"optimize": True}),
    "WEBP": ("image/webp", ".webp", {"quality": 85}),
}
PDF_SIGNATURE = b"%PDF-"


@dataclass(frozen=True)
class CleanUpload:
    """An accepted upload, ready to be saved.

    ``original_name`` is the name the file was sent with: something to show (a
    document's title), never a guide to its type.
    """

    content: ContentFile
    content_type: str
    size: int
    original_name: str = ""

    @property
    def is_image(self):
        return self.content_type.startswith("image/")


def clean_upload(uploaded, allow_pdf=True):
    """Check ``uploaded`` (a Django UploadedFile) and return a :class:`CleanUpload`.

    Raises ``ValidationError`` for files that are too large, not an accepted type by
    content, or broken.
    """
    name = getattr(uploaded, "name", "") or "berkas"
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Berkas %(name)s terlalu besar (%(size)s); paling besar %(max)s.")
            % {
                "name": name,
                "size": filesizeformat(uploaded.size),
                "max": filesizeformat(MAX_UPLOAD_BYTES),
            },
            code="too_large",
        )
    uploaded.seek(0)
    head = uploaded.read(len(PDF_SIGNATURE))
    uploaded.seek(0)
    if head == PDF_SIGNATURE:
        if not allow_pdf:
            raise ValidationError(_("Hanya gambar yang diterima di sini."), code="type")
        data = uploaded.read()
        return CleanUpload(
            ContentFile(data, name="berkas.pdf"),
            "application/pdf",
            len(data),
            original_name=getattr(uploaded, "name", "") or "",
        )
    return _clean_image(uploaded, name, allow_pdf)


def _clean_image(uploaded, name, allow_pdf):
    accepted = _("JPEG, PNG, WebP atau PDF") if allow_pdf else _("JPEG, PNG atau WebP")
    refusal = ValidationError(
        _("Berkas %(name)s bukan %(accepted)s yang valid.")
        % {"name": name, "accepted": accepted},
        code="type",
    )
    try:
        with Image.open(uploaded) as image:
            image_format = image.format
            if image_format not in IMAGE_FORMATS:
                raise refusal
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("Gambar %(name)s terlalu besar dimensinya.") % {"name": name},
                    code="too_large",
                )
            image.load()
            # Apply the EXIF orientation, then save without any metadata.
            cleaned = ImageOps.exif_transpose(image)
            cleaned.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
            if image_format == "JPEG" and cleaned.mode not in ("RGB", "L"):
                cleaned = cleaned.convert("RGB")
            content_type, extension, options = IMAGE_FORMATS[image_format]
            output = BytesIO()
            cleaned.save(output, format=image_format, **options)
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ):
        raise refusal from None
    data = output.getvalue()
    return CleanUpload(
        ContentFile(data, name=f"berkas{extension}"),
        content_type,
        len(data),
        original_name=getattr(uploaded, "name", "") or "",
    )
