from django.core.files.storage import storages
from django.http import FileResponse, Http404


def private_storage():
    """Storage for citizens' files (report attachments, answer documents).

    It lies outside MEDIA_ROOT, so no web server serves it: files reach people only
    through views that check who may see them.
    """
    return storages["private"]


def private_file_response(field_file, content_type, filename, inline=False):
    """Serve a file from the private storage to someone already allowed to see it.

    The browser may neither sniff another type nor run the file, and no shared cache
    keeps it. A file missing from the storage is a 404.
    """
    try:
        handle = field_file.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(
        handle,
        content_type=content_type or "application/octet-stream",
        as_attachment=not inline,
        filename=filename,
    )
    if inline:
        # Shown in the page (images); the stored name says nothing to the reader.
        response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
