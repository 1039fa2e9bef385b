"""QR codes for links printed on paper (receipts, letters), drawn by segno.

One place makes them so that a receipt's and a letter's code look and scan alike:
a PNG for PDFs (reportlab embeds it as an image, which a reader can extract and
decode) and an inline SVG for HTML pages (no image request, no inline style).
"""

import io

import segno

# Medium error correction survives a fold or a stamp across the code.
ERROR_CORRECTION = "m"


def qr_png(data, *, scale=8):
    """The QR code of ``data`` as PNG bytes with the standard quiet zone."""
    buffer = io.BytesIO()
    segno.make(data, error=ERROR_CORRECTION).save(
        buffer, kind="png", scale=scale, border=4
    )
    return buffer.getvalue()


def qr_svg(data, *, title):
    """The QR code of ``data`` as an inline ``<svg>`` element with an accessible title."""
    return segno.make(data, error=ERROR_CORRECTION).svg_inline(
        scale=4, border=4, title=title, svgclass="qr-code", lineclass=None
    )
