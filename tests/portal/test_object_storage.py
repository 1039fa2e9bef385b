"""Files in S3-compatible object storage (README "Scaling out"), against a real S3
server: moto's standalone server started here, or the one ``S3_TEST_ENDPOINT_URL``
names. Public media are read straight from the media bucket by anyone; citizens'
files and exempt documents lie in the private bucket, which answers no anonymous
request, and reach people only through the portal's permission-checking views."""

import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from http import HTTPStatus

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from PIL import Image

from config.storage_settings import storages_from_environ
from pengaduan.models import Laporan
from portal.models import Desa
from portal.roles import MODERATOR_PENGADUAN
from portal.storage import private_storage
from ppid.choices import KategoriInformasi
from tests.home.factories import DokumenFactory
from tests.pasar.factories import PasarIndexPageFactory, product_with_photos
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    PetugasFactory,
    create_elaga_page,
)
from tests.ppid.factories import (
    InformasiPublikIndexPageFactory,
    InformasiPublikPageFactory,
    PPIDPageFactory,
)

pytestmark = pytest.mark.django_db

ACCESS_KEY = "portal-test"
SECRET_KEY = "portal-test-secret"
PDF = b"%PDF-1.4\n% Laporan keuangan\n%%EOF\n"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_answers(url, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto_server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=1).close()  # noqa: S310
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
        else:
            return
    raise RuntimeError(f"moto_server did not answer at {url} in {seconds} s")


@pytest.fixture(scope="session")
def s3_endpoint():
    """An S3-compatible server: ``S3_TEST_ENDPOINT_URL``, or moto's standalone
    server on a free local port for this session (stopped by its PID at the end)."""
    given = os.environ.get("S3_TEST_ENDPOINT_URL")
    if given:
        yield given
        return
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_answers(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def s3_environ(s3_endpoint, tmp_path_factory):
    """The S3_* variables of a production run, with two fresh buckets (one pair per
    xdist worker) made by ``manage.py ensure_buckets``."""
    suffix = f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{uuid.uuid4().hex[:8]}"
    environ = {
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_ACCESS_KEY_ID": ACCESS_KEY,
        "S3_SECRET_ACCESS_KEY": SECRET_KEY,
        "S3_REGION": "us-east-1",
        "S3_MEDIA_BUCKET": f"portal-media-{suffix}",
        "S3_PRIVATE_BUCKET": f"portal-private-{suffix}",
    }
    unused_root = tmp_path_factory.mktemp("unused-private-root")
    with override_settings(
        STORAGES=storages_from_environ(environ, private_media_root=unused_root)
    ):
        output = io.StringIO()
        call_command("ensure_buckets", stdout=output)
        call_command("ensure_buckets", stdout=output)  # idempotent
    assert "exists, public read" in output.getvalue()
    return environ


@pytest.fixture
def buckets(settings, s3_environ, tmp_path):
    """The site stores files as a production run with S3_* set does; ``buckets``
    lists each bucket's keys."""
    settings.STORAGES = {
        **storages_from_environ(s3_environ, private_media_root=tmp_path),
        # Templates still find static files as in every other test.
        "staticfiles": settings.STORAGES["staticfiles"],
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_environ["S3_ENDPOINT_URL"],
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
    )

    class Buckets:
        media = s3_environ["S3_MEDIA_BUCKET"]
        private = s3_environ["S3_PRIVATE_BUCKET"]
        endpoint = s3_environ["S3_ENDPOINT_URL"]

        @staticmethod
        def keys(bucket):
            listing = client.list_objects_v2(Bucket=bucket)
            return {entry["Key"] for entry in listing.get("Contents", [])}

        @staticmethod
        def read(bucket, key):
            return client.get_object(Bucket=bucket, Key=key)["Body"].read()

        @classmethod
        def direct_url(cls, bucket, key):
            return f"{cls.endpoint}/{bucket}/{key}"

    return Buckets


def anonymous_get(url):
    """A GET without credentials, straight to the S3 server: (status, body)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def png_upload(name="jalan.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


def test_buckets_let_anyone_read_media_and_nobody_read_private_files(buckets):
    public_name = default_storage.save("uji/pengumuman.txt", ContentFile(b"umum"))
    private_name = private_storage().save("uji/nik.txt", ContentFile(b"rahasia"))

    assert default_storage.url(public_name) == buckets.direct_url(
        buckets.media, public_name
    )
    assert anonymous_get(default_storage.url(public_name)) == (HTTPStatus.OK, b"umum")
    # moto, like AWS and MinIO, refuses an unsigned GET of an object that neither
    # its ACL nor its bucket's policy opens to everyone. (moto stores but does not
    # enforce the public access block ensure_buckets also sets: not asserted here.)
    status, body = anonymous_get(buckets.direct_url(buckets.private, private_name))
    assert status == HTTPStatus.FORBIDDEN
    assert b"rahasia" not in body
    # A URL of a private file, if one were ever made, is signed and short-lived.
    signed = private_storage().url(private_name)
    assert "X-Amz-Expires=60" in signed
    assert anonymous_get(signed) == (HTTPStatus.OK, b"rahasia")


def test_an_elaga_attachment_is_stored_privately_and_read_back_by_reporter_and_officer(
    client, home_page, buckets
):
    elaga = create_elaga_page(home_page)
    kategori = KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")
    desa = Desa.objects.get(nama="Brandan Barat")
    form_url = elaga.url + elaga.reverse_subpage("submission_form")
    response = client.post(
        form_url,
        {
            "jenis": "pengaduan",
            "kategori": kategori.slug,
            "judul": "Jalan berlubang di depan SD",
            "isi": "Lubang besar membahayakan anak sekolah.",
            "kecamatan": "babalan",
            "desa": str(desa.pk),
            "nama_pelapor": "Siti Rahmawati",
            "email": "siti@example.com",
            "setuju": "on",
            "lampiran": [png_upload()],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    laporan = Laporan.objects.get()
    attachment = laporan.lampiran.get()
    key = attachment.berkas.name
    assert buckets.keys(buckets.private) >= {key}
    assert key not in buckets.keys(buckets.media)
    stored = buckets.read(buckets.private, key)
    assert Image.open(io.BytesIO(stored)).size == (40, 30)

    secret = elaga.url + elaga.reverse_subpage(
        "secret_page", args=[laporan.token_rahasia]
    )
    download = client.get(secret, {"lampiran": attachment.pk})
    assert download.status_code == HTTPStatus.OK
    assert "no-store" in download["Cache-Control"]
    assert body_of(download) == stored

    officer = PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN)
    client.force_login(officer)
    download = client.get(reverse("laporan:lampiran", args=[laporan.pk, attachment.pk]))
    assert download.status_code == HTTPStatus.OK
    assert download["Content-Type"] == "image/png"
    assert body_of(download) == stored

    status, _ = anonymous_get(buckets.direct_url(buckets.private, key))
    assert status == HTTPStatus.FORBIDDEN


def test_a_product_photo_and_its_rendition_are_read_from_the_media_bucket(
    client, home_page, buckets
):
    market = PasarIndexPageFactory(parent=home_page)
    product = product_with_photos(market, photos=1)
    original = product.gambar.get().image.file.name
    assert original in buckets.keys(buckets.media)

    html = client.get(product.url).content.decode()
    sources = re.findall(r'<img[^>]+src="([^"]+)"', html)
    prefix = buckets.direct_url(buckets.media, "images/")
    renditions = [source for source in sources if source.startswith(prefix)]
    assert renditions, sources
    status, body = anonymous_get(renditions[0])
    assert status == HTTPStatus.OK
    assert Image.open(io.BytesIO(body)).width > 0
    assert renditions[0].removeprefix(
        buckets.direct_url(buckets.media, "")
    ) in buckets.keys(buckets.media)


def _publish_as(page, kategori, committed, **fields):
    page = page.specific_class.objects.get(pk=page.pk)
    page.kategori = kategori
    for name, value in fields.items():
        setattr(page, name, value)
    with committed():
        page.save_revision().publish()


def test_a_dip_document_moves_to_the_private_bucket_when_exempt(
    client, admin_client, home_page, buckets, django_capture_on_commit_callbacks
):
    def committed():
        return django_capture_on_commit_callbacks(execute=True)

    dip_index = InformasiPublikIndexPageFactory(
        parent=PPIDPageFactory(parent=home_page)
    )
    item = InformasiPublikPageFactory(parent=dip_index, nomor="DIP-2026-031")
    with committed():
        document = DokumenFactory(
            page=item,
            document__file__filename="anggaran-2026.pdf",
            document__file__data=PDF,
        ).document
    public_key = document.file.name

    # Public: in the media bucket, served by Wagtail's document view.
    assert public_key in buckets.keys(buckets.media)
    response = client.get(document.url)
    assert response.status_code == HTTPStatus.OK
    assert body_of(response) == PDF

    _publish_as(
        item,
        KategoriInformasi.DIKECUALIKAN,
        committed,
        dasar_pengecualian="h",
        uji_konsekuensi="Mengungkap data pribadi penerima bantuan.",
    )
    document.refresh_from_db()

    # Exempt: gone from the media bucket, in the private one under a random folder.
    assert document.is_private
    private_key = document.file.name.removeprefix("private/")
    assert public_key not in buckets.keys(buckets.media)
    assert private_key in buckets.keys(buckets.private)
    assert buckets.read(buckets.private, private_key) == PDF
    status, _ = anonymous_get(buckets.direct_url(buckets.media, public_key))
    assert status != HTTPStatus.OK
    status, _ = anonymous_get(buckets.direct_url(buckets.private, private_key))
    assert status == HTTPStatus.FORBIDDEN
    assert client.get(document.url).status_code == HTTPStatus.FORBIDDEN
    response = admin_client.get(document.url)
    assert response.status_code == HTTPStatus.OK
    assert body_of(response) == PDF

    # Reclassified as public: back in the media bucket under its own name.
    _publish_as(
        item,
        KategoriInformasi.BERKALA,
        committed,
        dasar_pengecualian="",
        uji_konsekuensi="",
    )
    document.refresh_from_db()
    assert document.file.name == public_key
    assert private_key not in buckets.keys(buckets.private)
    assert body_of(client.get(document.url)) == PDF
