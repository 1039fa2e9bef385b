"""Documents of dikecualikan (Pasal 17) items live in the private storage, never under
MEDIA_ROOT, and reach nobody but staff; reclassified as public, they are public again."""

import io
from http import HTTPStatus
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.storage import private_storage
from ppid.choices import KategoriInformasi
from ppid.models import InformasiPublikDokumen
from tests.home.factories import DokumenFactory
from tests.ppid.factories import InformasiPublikPageFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% Laporan keuangan\n%%EOF\n"
EXEMPTION = {
    "dasar_pengecualian": "h",
    "uji_konsekuensi": "Mengungkap data pribadi penerima bantuan.",
}


@pytest.fixture(autouse=True)
def media_roots(settings, tmp_path):
    """Empty public and private roots for each test, so every file found is its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {
                "location": tmp_path / "private",
                "base_url": "/berkas-privat/",
            },
        },
    }
    return settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit (deleting the old copy of a moved file)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def files_under(root):
    return {
        path.relative_to(root).as_posix()
        for path in Path(root).rglob("*")
        if path.is_file()
    }


def attach_pdf(page, committed, filename="dip-2026-020.pdf"):
    with committed():
        link = DokumenFactory(
            page=page, document__file__filename=filename, document__file__data=PDF
        )
    return link.document


def publish_as(page, committed, kategori, **fields):
    """Reclassify the live item through a published revision, as an editor would."""
    page = page.specific_class.objects.get(pk=page.pk)
    page.kategori = kategori
    for name, value in {
        "dasar_pengecualian": "",
        "uji_konsekuensi": "",
        **fields,
    }.items():
        setattr(page, name, value)
    with committed():
        page.save_revision().publish()


def download(client, url):
    response = client.get(url)
    if response.streaming:
        return response, b"".join(response.streaming_content)
    return response, response.content


def api_download_url(client, document):
    response = client.get(f"/api/v2/documents/{document.id}/")
    if response.status_code == HTTPStatus.NOT_FOUND:
        return None
    return response.json()["meta"].get("download_url")


def test_reclassifying_moves_the_file_to_private_storage_and_back(
    client, dip_index, media_roots, committed
):
    media_root, private_root = media_roots
    item = InformasiPublikPageFactory(parent=dip_index, nomor="DIP-2026-020")
    document = attach_pdf(item, committed)
    public_name = document.file.name
    serve_url = document.url

    # Public: served, in the media folder, with a download URL in the API.
    assert public_name == "documents/dip-2026-020.pdf"
    assert files_under(media_root) == {public_name}
    response, body = download(client, serve_url)
    assert response.status_code == HTTPStatus.OK
    assert body == PDF
    assert api_download_url(client, document).endswith(serve_url)

    publish_as(item, committed, KategoriInformasi.DIKECUALIKAN, **EXEMPTION)
    document.refresh_from_db()

    # Exempt: gone from the media folder, readable only from the private storage.
    assert files_under(media_root) == set()
    assert document.is_private
    private_name = document.file.name.removeprefix("private/")
    assert files_under(private_root) == {private_name}
    assert private_name != "documents/dip-2026-020.pdf"
    assert private_name.endswith("/dip-2026-020.pdf")
    with private_storage().open(private_name) as stored:
        assert stored.read() == PDF
    assert document.url == serve_url
    response = client.get(serve_url)
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Dokumen ini tidak dapat diunduh" in response.content.decode()
    assert "Pasal 17" in response.content.decode()
    assert api_download_url(client, document) is None
    listing = client.get("/api/v2/documents/").json()["items"]
    assert document.id not in {entry["id"] for entry in listing}
    assert client.get(f"/api/v2/pages/{item.id}/").json()["dokumen_terbuka"] == []

    publish_as(item, committed, KategoriInformasi.BERKALA)
    document.refresh_from_db()

    # Public again: back in the media folder under its own name, and downloadable.
    assert not document.is_private
    assert files_under(private_root) == set()
    assert files_under(media_root) == {"documents/dip-2026-020.pdf"}
    response, body = download(client, serve_url)
    assert response.status_code == HTTPStatus.OK
    assert body == PDF
    assert api_download_url(client, document).endswith(serve_url)
    page_documents = client.get(f"/api/v2/pages/{item.id}/").json()["dokumen_terbuka"]
    assert [entry["url"] for entry in page_documents] == [serve_url]


def test_an_item_created_exempt_never_leaves_its_file_in_the_media_folder(
    client, dip_index, media_roots, committed
):
    media_root, private_root = media_roots
    item = InformasiPublikPageFactory(
        parent=dip_index, kategori=KategoriInformasi.DIKECUALIKAN, **EXEMPTION
    )
    document = attach_pdf(item, committed)
    assert document.is_private
    assert files_under(media_root) == set()
    assert files_under(private_root) == {document.file.name.removeprefix("private/")}
    assert client.get(document.url).status_code == HTTPStatus.FORBIDDEN


def test_staff_who_may_edit_the_document_get_the_exempt_file_uncached(
    admin_client, dip_index, committed
):
    item = InformasiPublikPageFactory(
        parent=dip_index, kategori=KategoriInformasi.DIKECUALIKAN, **EXEMPTION
    )
    document = attach_pdf(item, committed)
    response, body = download(admin_client, document.url)
    assert response.status_code == HTTPStatus.OK
    assert body == PDF
    assert response["Cache-Control"] == "private, no-store"


def test_a_draft_reclassification_moves_nothing_until_it_is_published(
    dip_index, media_roots, committed
):
    media_root, _ = media_roots
    item = InformasiPublikPageFactory(parent=dip_index)
    document = attach_pdf(item, committed)
    item.kategori = KategoriInformasi.DIKECUALIKAN
    for name, value in EXEMPTION.items():
        setattr(item, name, value)
    with committed():
        revision = item.save_revision()
    document.refresh_from_db()
    assert not document.is_private
    assert files_under(media_root) == {document.file.name}

    with committed():
        revision.publish()
    document.refresh_from_db()
    assert document.is_private
    assert files_under(media_root) == set()


def test_the_demos_exempt_documents_are_only_in_private_storage(media_roots, committed):
    media_root, private_root = media_roots
    with committed():
        call_command("load_demo_data", app=["ppid"], stdout=io.StringIO())
    links = InformasiPublikDokumen.objects.select_related("document", "page")
    exempt = [link.document for link in links if link.page.is_dikecualikan]
    public = [link.document for link in links if not link.page.is_dikecualikan]
    assert exempt
    assert public
    assert all(document.is_private for document in exempt)
    assert {
        name for name in files_under(media_root) if name.startswith("documents/")
    } == {document.file.name for document in public}
    assert files_under(private_root) >= {
        document.file.name.removeprefix("private/") for document in exempt
    }
