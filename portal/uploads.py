"""Checking and cleaning citizens' uploads (DESIGN §4.2).

The type is decided by the content, not the name: images are opened with Pillow and
re-encoded, which drops EXIF data such as GPS positions; PDFs must parse with pypdf,
open without a password and carry no active content (JavaScript, launch actions,
embedded files). A PDF encrypted with an owner password only (it opens without one;
common for scanned letters) is decrypted with the empty password and checked like
any other. Anything else is refused with a message in Bahasa Indonesia.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MAX_IMAGE_SIDE = 2560

#: Bilinear rather than Pillow's bicubic default when shrinking a photo: a third
#: faster on a 12-megapixel photo, and at these ratios (under 2:1) as sharp to the eye.
THUMBNAIL_FILTER = Image.Resampling.BILINEAR

# Pillow format -> (content type, extension, save options). No JPEG ``optimize``
# pass: it costs a tenth of the cleaning time for files about 8% smaller.
IMAGE_FORMATS = {
    "JPEG": ("image/jpeg", ".jpg", {"quality": 85}),
    "PNG": ("image/png", ".png", {"optimize": True}),
    "WEBP": ("image/webp", ".webp", {"quality": 85}),
}
#: What officers call each accepted type, and the extension a download of it gets.
FILE_KINDS = {
    "application/pdf": ("PDF", ".pdf"),
    "image/jpeg": ("JPEG", ".jpg"),
    "image/png": ("PNG", ".png"),
    "image/webp": ("WebP", ".webp"),
}
#: Characters of a file's original name that are kept.
ORIGINAL_NAME_LENGTH = 200
PDF_SIGNATURE = b"%PDF-"
# The structural walk of a PDF stops (and refuses the file) past these bounds, so a
# crafted file cannot make the check slow; nothing is ever rendered.
MAX_PDF_PAGES = 300
MAX_PDF_OBJECTS = 50_000
# Dictionary keys and action types that make a PDF run or carry something.
PDF_SCRIPT_KEYS = frozenset({"/JS", "/JavaScript"})
PDF_EMBEDDED_KEYS = frozenset({"/EmbeddedFiles", "/EmbeddedFile", "/EF"})
# The same names as raw tokens, ``#xx`` escapes decoded: a first look at the bytes,
# because a PDF viewer repairs broken files that pypdf refuses to read.
PDF_NAME_TOKEN = re.compile(rb"/([^\x00\t\n\f\r /<>\[\]()%{}]+)")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
PDF_ACTIVE_NAMES = {
    b"JavaScript": "pdf_script",
    b"JS": "pdf_script",
    b"Launch": "pdf_launch",
    b"EmbeddedFile": "pdf_embedded",
    b"EmbeddedFiles": "pdf_embedded",
    b"FileAttachment": "pdf_embedded",
}


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
        check_pdf(data, name)
        return CleanUpload(
            ContentFile(data, name="berkas.pdf"),
            "application/pdf",
            len(data),
            original_name=getattr(uploaded, "name", "") or "",
        )
    return _clean_image(uploaded, name, allow_pdf)


class _PdfRefusal(Exception):
    """Found active content or too many objects during the walk (its ``code``)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def check_pdf(data, name):
    """Refuse ``data`` unless it is a readable PDF that opens without a password
    and has no active content.

    The raw bytes are searched for active-content names first; then the document
    is parsed with pypdf (an encrypted one decrypted with the empty password, as a
    viewer opens it) and its object graph is walked from the trailer (catalogue,
    pages, annotations, actions, name trees) without rendering anything; the walk
    is bounded by ``MAX_PDF_PAGES`` and ``MAX_PDF_OBJECTS``. Raises
    ``ValidationError`` naming the file.
    """
    invalid = ValidationError(
        _("Berkas %(name)s bukan PDF yang valid.") % {"name": name}, code="type"
    )
    code = _active_name_in_bytes(data)
    if code:
        raise _pdf_refusal(code, name)
    pdf_logger = logging.getLogger("pypdf")
    previous_level = pdf_logger.level
    # A damaged file makes pypdf log warnings; the refusal says enough.
    pdf_logger.setLevel(logging.ERROR)
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt_without_password(reader, name)
        pages = len(reader.pages)
        if pages == 0:
            raise invalid
        if pages > MAX_PDF_PAGES:
            raise ValidationError(
                _(
                    "PDF %(name)s terlalu banyak halamannya (%(pages)s); paling "
                    "banyak %(max)s halaman."
                )
                % {"name": name, "pages": pages, "max": MAX_PDF_PAGES},
                code="too_large",
            )
        _walk_pdf(reader.trailer)
    except _PdfRefusal as refusal:
        raise _pdf_refusal(refusal.code, name) from None
    except ValidationError:
        raise
    except DependencyError:
        # An encryption the installed crypto provider cannot undo.
        raise _unreadable_encryption(name) from None
    except (
        PyPdfError,
        OSError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        AttributeError,
    ):
        raise invalid from None
    except RecursionError:
        raise _pdf_refusal("pdf_complex", name) from None
    finally:
        pdf_logger.setLevel(previous_level)


def _decrypt_without_password(reader, name):
    """Open an encrypted PDF as a viewer does, with the empty user password.

    Only an owner password (restricting printing or copying) is accepted: the
    objects read afterwards come decrypted, so the walk checks the real content.
    """
    try:
        opened = reader.decrypt("")
    except (DependencyError, NotImplementedError):
        raise _unreadable_encryption(name) from None
    if opened == PasswordType.NOT_DECRYPTED:
        raise ValidationError(
            _(
                "PDF %(name)s hanya dapat dibuka dengan kata sandi. Kirim berkas PDF "
                "yang dapat dibuka tanpa kata sandi."
            )
            % {"name": name},
            code="pdf_encrypted",
        )


def _unreadable_encryption(name):
    """An encryption pypdf cannot undo here (an algorithm it does not implement)."""
    return ValidationError(
        _(
            "PDF %(name)s dienkripsi dengan cara yang tidak dapat kami periksa. "
            "Kirim berkas PDF yang tidak dilindungi."
        )
        % {"name": name},
        code="pdf_encrypted",
    )


def _active_name_in_bytes(data):
    """The refusal code of the first active-content name token in ``data``, if any."""
    for match in PDF_NAME_TOKEN.finditer(data):
        token = PDF_NAME_ESCAPE.sub(
            lambda escape: bytes([int(escape.group(1), 16)]), match.group(1)
        )
        if token in PDF_ACTIVE_NAMES:
            return PDF_ACTIVE_NAMES[token]
    return None


def _pdf_refusal(code, name):
    messages = {
        "pdf_script": _(
            "PDF %(name)s berisi JavaScript dan tidak diterima. Cetak ulang "
            "dokumen ke PDF biasa (misalnya dengan menu Cetak ke PDF), lalu kirim "
            "lagi."
        ),
        "pdf_launch": _(
            "PDF %(name)s berisi perintah untuk menjalankan program dan tidak "
            "diterima. Cetak ulang dokumen ke PDF biasa, lalu kirim lagi."
        ),
        "pdf_embedded": _(
            "PDF %(name)s berisi berkas sisipan (lampiran di dalam PDF) dan tidak "
            "diterima. Kirim setiap berkas secara terpisah."
        ),
        "pdf_complex": _(
            "PDF %(name)s terlalu rumit untuk diperiksa. Cetak ulang dokumen ke "
            "PDF biasa, lalu kirim lagi."
        ),
    }
    return ValidationError(messages[code] % {"name": name}, code=code)


def _walk_pdf(root):
    """Visit every object reachable from ``root``; raise ``_PdfRefusal`` on a find.

    JavaScript (``/JS``, the ``/JavaScript`` name tree, ``/S /JavaScript`` actions
    under ``/OpenAction``, ``/AA`` or links), ``/Launch`` actions and embedded files
    (``/EmbeddedFiles``, ``/EmbeddedFile`` streams, ``/EF`` in a file
    specification, ``/FileAttachment`` annotations) are refused wherever they sit.
    """
    seen = set()
    stack = [root]
    visited = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise _PdfRefusal("pdf_complex")
        if isinstance(item, DictionaryObject):
            _check_pdf_dictionary(item)
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)


def _check_pdf_dictionary(dictionary):
    keys = set(dictionary.keys())
    if keys & PDF_SCRIPT_KEYS:
        raise _PdfRefusal("pdf_script")
    if keys & PDF_EMBEDDED_KEYS:
        raise _PdfRefusal("pdf_embedded")
    action = dictionary.get("/S")
    subtype = dictionary.get("/Subtype")
    kind = dictionary.get("/Type")
    if action == NameObject("/JavaScript"):
        raise _PdfRefusal("pdf_script")
    if action == NameObject("/Launch"):
        raise _PdfRefusal("pdf_launch")
    if subtype == NameObject("/FileAttachment") or kind == NameObject("/EmbeddedFile"):
        raise _PdfRefusal("pdf_embedded")


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
            # A JPEG at least twice MAX_IMAGE_SIDE on both sides is decoded at 1/2,
            # 1/4 or 1/8 scale (libjpeg's DCT scaling), never below that side.
            image.draft(None, (MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
            image.load()
            # Apply the EXIF orientation, then save without any metadata. The
            # decoded image is ours: transposed and shrunk in place, not copied.
            ImageOps.exif_transpose(image, in_place=True)
            image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE), THUMBNAIL_FILTER)
            cleaned = image
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


# The names files are shown and downloaded under. Files are stored under random
# names; the name a file was sent with is kept beside it, for people to read.


def original_file_name(name):
    """The name a file was sent with, fit to keep and show, or ``""``.

    Only the last part of a path (some browsers send one), without control or
    formatting characters (a right-to-left override would make ``gpj.exe`` read
    as ``exe.jpg``), spaces collapsed, at most ``ORIGINAL_NAME_LENGTH``
    characters with the extension kept.
    """
    name = str(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    name = " ".join(name.split()).strip(" .")
    if len(name) > ORIGINAL_NAME_LENGTH:
        suffix = PurePosixPath(name).suffix[:10]
        name = name[: ORIGINAL_NAME_LENGTH - len(suffix)].rstrip(" .") + suffix
    return name


def file_kind(content_type):
    """ "PDF", "JPEG"…: a file's type as officers read it."""
    return FILE_KINDS.get(content_type, (content_type or _("berkas"), ""))[0]


def attachment_name(original_name, content_type, number=None, noun=None):
    """What a list of a record's files calls one: the name it was sent with, or
    for a file kept without one "Lampiran 2 (PDF)" (``number``: its place in the
    list; ``noun``: "Lampiran" unless given)."""
    if original_name:
        return original_name
    noun = noun or _("Lampiran")
    if number is None:
        return f"{noun} ({file_kind(content_type)})"
    return f"{noun} {number} ({file_kind(content_type)})"


def download_name(name, content_type):
    """``name`` as a download's file name: it ends in the extension of what the
    file is by its content (``surat.doc`` that is a PDF downloads as
    ``surat.doc.pdf``)."""
    extension = FILE_KINDS.get(content_type, ("", ""))[1]
    name = original_file_name(name) or "berkas"
    suffix = PurePosixPath(name).suffix.lower()
    if not extension or suffix == extension:
        return name
    if extension == ".jpg" and suffix in (".jpeg", ".jpe", ".jfif"):
        return name
    return f"{name}{extension}"
