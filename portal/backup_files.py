"""Copy the files of the media and private storages to a folder and back.

The same two commands back up and restore whatever the storages are (folders on this
server or S3 buckets), with the portal's own settings and credentials: a restore puts
every file back under its exact name, so the database dump taken with it finds them.
"""

from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import storages

#: The storages a backup holds: public media (images, renditions, documents) and
#: citizens' private files; static files are rebuilt by collectstatic.
BACKED_UP_STORAGES = ("default", "private")


def stored_names(storage, folder=""):
    """Every file name in ``storage`` below ``folder``, recursively."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a media folder nothing was uploaded to yet
        return
    for name in files:
        yield str(PurePosixPath(folder, name)) if folder else name
    for sub in folders:
        yield from stored_names(storage, str(PurePosixPath(folder, sub)))


def backup_files(target):
    """Copy every stored file to ``target/<storage alias>/<name>``; the count."""
    count = 0
    for alias in BACKED_UP_STORAGES:
        storage = storages[alias]
        for name in stored_names(storage):
            destination = Path(target, alias, name)
            destination.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(name, "rb") as source:
                destination.write_bytes(source.read())
            count += 1
    return count


def restore_files(source):
    """Put every file of a backup back under its own name; the count."""
    count = 0
    for alias in BACKED_UP_STORAGES:
        storage = storages[alias]
        root = Path(source, alias)
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            name = path.relative_to(root).as_posix()
            if storage.exists(name):
                storage.delete(name)
            with path.open("rb") as content:
                saved = storage.save(name, File(content))
            if saved != name:
                msg = f"{alias}: {name} was stored as {saved}"
                raise RuntimeError(msg)
            count += 1
    return count
