from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document

from portal.storage import PublicOrPrivateStorage, is_private_name


class Dokumen(AbstractDocument):
    """The site's document (``WAGTAILDOCS_DOCUMENT_MODEL``): Wagtail's document whose
    file lies in the private storage while it belongs to dikecualikan information
    (Pasal 17), and in the public media storage otherwise (``ppid.documents``)."""

    file = models.FileField(
        _("berkas"),
        upload_to="documents",
        storage=PublicOrPrivateStorage(),
        max_length=255,
        help_text=_("Berkas dokumen yang diunggah."),
    )

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")

    @property
    def is_private(self):
        """Whether the file lies in the private storage, outside MEDIA_ROOT."""
        return is_private_name(self.file.name)
