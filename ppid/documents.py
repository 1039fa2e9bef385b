"""Where the file of a DIP document lies: private while it belongs to dikecualikan
information (Pasal 17), public otherwise.

The public media folder is served by any web server or bucket in front of the portal,
so an exempt document's file must not be there at all: it moves to the private
storage (``portal.storage``) under a name nobody can guess, and reaches people only
through the document serve view and its ``before_serve_document`` check. Reclassified
to a public category, it moves back. The signal receivers below are connected in
``ppid.wagtail_hooks``.
"""

import logging
from functools import partial

from django.db import transaction

from portal.storage import public_name, unguessable_private_name
from ppid.models import InformasiPublikDokumen, is_dikecualikan_document

logger = logging.getLogger(__name__)


def place_document_file(document):
    """Move ``document``'s file to the private storage if it belongs to a dikecualikan
    item, or back to the public storage if it no longer does.

    The database decides (the saved category, not a draft's), so calling it again
    changes nothing. The old copy is deleted once the transaction commits, so a
    rolled-back publication still finds its file.
    """
    if not document.file:
        return
    exempt = is_dikecualikan_document(document)
    if exempt and not document.is_private:
        _move(document, unguessable_private_name(document.file.name))
    elif not exempt and document.is_private:
        _move(document, public_name(document.file.name))


def place_item_files(page):
    """Place the file of every document attached to the DIP item ``page``."""
    links = InformasiPublikDokumen.objects.filter(page=page).select_related("document")
    for link in links:
        place_document_file(link.document)


def _move(document, new_name):
    storage = document.file.storage
    old_name = document.file.name
    try:
        with storage.open(old_name, "rb") as source:
            saved_name = storage.save(
                new_name, source, max_length=document.file.field.max_length
            )
    except FileNotFoundError:
        logger.warning("Document %s has no file %s to move.", document.pk, old_name)
        return
    type(document).objects.filter(pk=document.pk).update(file=saved_name)
    document.file.name = saved_name
    transaction.on_commit(partial(storage.delete, old_name))


def place_files_of_saved_item(
    sender, instance, raw=False, update_fields=None, **kwargs
):
    """``post_save`` of a DIP item: its category may have changed.

    Saving a draft (a revision) writes only bookkeeping fields, and the live category
    stays; it is skipped.
    """
    if raw or (update_fields is not None and "kategori" not in update_fields):
        return
    place_item_files(instance)


def place_files_of_published_item(sender, instance, **kwargs):
    """``page_published`` of a DIP item, also when a workflow publishes it."""
    place_item_files(instance)


def place_file_of_attached_document(sender, instance, raw=False, **kwargs):
    """``post_save`` of a document attached to a DIP item."""
    if not raw:
        place_document_file(instance.document)


def place_file_of_saved_document(
    sender, instance, raw=False, update_fields=None, **kwargs
):
    """``post_save`` of a document: an editor may have replaced its file."""
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    place_document_file(instance)
