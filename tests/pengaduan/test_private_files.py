"""Citizens' files live outside the public media folder, so no web server serves them."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from pengaduan.models import LampiranLaporan
from tests.pengaduan.factories import LaporanFactory

pytestmark = pytest.mark.django_db


def test_report_attachments_are_stored_outside_media_root():
    attachment = LampiranLaporan.objects.create(
        laporan=LaporanFactory(),
        berkas=ContentFile(b"%PDF-1.4 test", name="berkas.pdf"),
        content_type="application/pdf",
        ukuran=13,
    )
    path = Path(attachment.berkas.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert not attachment.berkas.url.startswith(settings.MEDIA_URL)
