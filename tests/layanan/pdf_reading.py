"""Reading what a generated letter holds, as its receiver would: the text (pypdf)
and the QR code's content (the embedded image decoded by zxing-cpp)."""

from io import BytesIO

import zxingcpp
from pypdf import PdfReader


def pdf_text(data):
    """The text of every page of the PDF ``data``, joined."""
    reader = PdfReader(BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def qr_texts(data):
    """What each QR code in the images of the PDF ``data`` says."""
    found = []
    for page in PdfReader(BytesIO(data)).pages:
        for image in page.images:
            found += [
                result.text
                for result in zxingcpp.read_barcodes(image.image.convert("L"))
            ]
    return found
