import secrets
from pathlib import PurePosixPath

from django.core.files.storage import Storage, storages
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible

#: Names under this prefix lie in the private storage (see PublicOrPrivateStorage).
PRIVATE_PREFIX = "private/"


def private_storage():
    """Storage for citizens' files (report attachments, answer documents).

    It lies outside MEDIA_ROOT (or in a bucket nobody can read anonymously), so no
    web server serves it: files reach people only through views that check who may
    see them.
    """
    return PrivateStorage()


def is_private_name(name):
    """Whether a name given by :class:`PublicOrPrivateStorage` lies in the private
    storage."""
    return bool(name) and name.startswith(PRIVATE_PREFIX)


def _top_folder(name):
    # A private name has one more folder, the random one, before the file's own name.
    parts = PurePosixPath(name.removeprefix(PRIVATE_PREFIX)).parts
    folders = len(parts) - (2 if is_private_name(name) else 1)
    return f"{parts[0]}/" if folders > 0 else ""


def unguessable_private_name(name):
    """A private name for the file called ``name``: it keeps its top folder and its
    own name (what a download is called), inside a random folder nobody can guess."""
    filename = PurePosixPath(name).name
    token = secrets.token_urlsafe(16)
    return f"{PRIVATE_PREFIX}{_top_folder(name)}{token}/{filename}"


def public_name(name):
    """The public name for a file called ``name``: its top folder and its own name."""
    return f"{_top_folder(name)}{PurePosixPath(name).name}"


class ConfiguredStorage(Storage):
    """Hands every call to a storage of the ``STORAGES`` setting, looked up when the
    call is made.

    A file field binds its storage once, when its model is defined; looking the
    backend up on each call lets settings (a bucket instead of a folder, or a test's
    override) reach it. Subclasses say which storage holds a name (:meth:`_locate`)
    and how its name reads from outside (:meth:`_named`).
    """

    def _locate(self, name):
        raise NotImplementedError

    def _named(self, storage, inner_name):
        return inner_name

    def _open(self, name, mode="rb"):
        storage, inner_name = self._locate(name)
        return storage.open(inner_name, mode)

    def save(self, name, content, max_length=None):
        if name is None:
            name = content.name
        storage, inner_name = self._locate(name)
        if max_length is not None:
            max_length -= len(self._named(storage, ""))
        saved = storage.save(inner_name, content, max_length=max_length)
        return self._named(storage, saved)

    def get_available_name(self, name, max_length=None):
        storage, inner_name = self._locate(name)
        if max_length is not None:
            max_length -= len(self._named(storage, ""))
        available = storage.get_available_name(inner_name, max_length=max_length)
        return self._named(storage, available)

    def delete(self, name):
        storage, inner_name = self._locate(name)
        storage.delete(inner_name)

    def exists(self, name):
        storage, inner_name = self._locate(name)
        return storage.exists(inner_name)

    def listdir(self, path):
        storage, inner_path = self._locate(path)
        return storage.listdir(inner_path)

    def size(self, name):
        storage, inner_name = self._locate(name)
        return storage.size(inner_name)

    def path(self, name):
        storage, inner_name = self._locate(name)
        return storage.path(inner_name)

    def url(self, name):
        storage, inner_name = self._locate(name)
        return storage.url(inner_name)

    def get_accessed_time(self, name):
        storage, inner_name = self._locate(name)
        return storage.get_accessed_time(inner_name)

    def get_created_time(self, name):
        storage, inner_name = self._locate(name)
        return storage.get_created_time(inner_name)

    def get_modified_time(self, name):
        storage, inner_name = self._locate(name)
        return storage.get_modified_time(inner_name)


@deconstructible(path="portal.storage.PrivateStorage")
class PrivateStorage(ConfiguredStorage):
    """The ``private`` storage of the ``STORAGES`` setting."""

    def _locate(self, name):
        return storages["private"], name


@deconstructible(path="portal.storage.PublicOrPrivateStorage")
class PublicOrPrivateStorage(ConfiguredStorage):
    """The default (public) storage, except for names under ``private/``, which lie
    in the private storage.

    For files that are public or private one by one, such as the documents of
    dikecualikan information (Pasal 17): moving a file between the two changes its
    name, and the name alone says where it lies.
    """

    def _locate(self, name):
        if is_private_name(name):
            return storages["private"], name.removeprefix(PRIVATE_PREFIX)
        return storages["default"], name

    def _named(self, storage, inner_name):
        if storage is storages["default"]:
            return inner_name
        return PRIVATE_PREFIX + inner_name

    def url(self, name):
        if is_private_name(name):
            # No address leads straight to a private file: only a checking view.
            raise NotImplementedError("A private file has no direct URL.")
        return storages["default"].url(name)


def private_file_response(field_file, content_type, filename, inline=False):
    """Serve a file from the private storage to someone already allowed to see it.

    The browser may neither sniff another type nor run the file, and no shared cache
    keeps it. A file missing from the storage is a 404.

    Also from a private bucket the file is streamed through Django, never handed out
    as a redirect to a signed URL: a signed URL is a bearer link that works for
    anyone it is passed to (browser history, a forwarded message, a proxy log) until
    it expires; the bucket's own answer would lack these headers and the download
    name; and the bucket need not be reachable from the internet at all. Citizens'
    files are small (5 MB at most), so the cost is an app-server worker for the
    length of one download.
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
