"""STORAGES from the environment (config/storage_settings.py): folders by default,
buckets when named, media and private files never in the same one."""

from pathlib import Path

from config.storage_settings import media_origins, storages_from_environ

PRIVATE_ROOT = Path("/srv/portal/private_media")
S3 = "storages.backends.s3.S3Storage"
MINIO = {
    "S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    "S3_ACCESS_KEY_ID": "portal",
    "S3_SECRET_ACCESS_KEY": "rahasia-panjang",
    "S3_MEDIA_BUCKET": "langkat-media",
    "S3_PRIVATE_BUCKET": "langkat-private",
}


def test_without_buckets_files_stay_in_folders():
    storages = storages_from_environ({}, private_media_root=PRIVATE_ROOT)
    assert storages["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    assert storages["private"]["OPTIONS"]["location"] == PRIVATE_ROOT
    assert storages["private"]["OPTIONS"]["base_url"] == "/berkas-privat/"
    assert media_origins({}) == []


def test_buckets_give_a_public_media_storage_and_a_signed_private_one():
    storages = storages_from_environ(MINIO, private_media_root=PRIVATE_ROOT)
    media, private = storages["default"], storages["private"]
    assert media["BACKEND"] == private["BACKEND"] == S3
    assert media["OPTIONS"]["bucket_name"] == "langkat-media"
    assert private["OPTIONS"]["bucket_name"] == "langkat-private"
    for options in (media["OPTIONS"], private["OPTIONS"]):
        assert options["endpoint_url"] == "http://127.0.0.1:9000"
        assert options["access_key"] == "portal"
        assert options["secret_key"] == "rahasia-panjang"
        assert options["region_name"] == "us-east-1"
        assert options["file_overwrite"] is False
        # Access comes from the bucket (policy or none), never from object ACLs.
        assert "default_acl" not in options
    assert media["OPTIONS"]["querystring_auth"] is False
    assert private["OPTIONS"]["querystring_auth"] is True
    assert private["OPTIONS"]["querystring_expire"] == 60
    assert storages["staticfiles"]["BACKEND"].startswith("whitenoise.")
    assert media_origins(MINIO) == ["http://127.0.0.1:9000"]


def test_a_media_url_serves_media_from_its_own_domain():
    environ = {**MINIO, "S3_MEDIA_URL": "https://media.langkatkab.go.id/portal/"}
    options = storages_from_environ(environ, private_media_root=PRIVATE_ROOT)[
        "default"
    ]["OPTIONS"]
    assert options["custom_domain"] == "media.langkatkab.go.id/portal"
    assert options["url_protocol"] == "https:"
    assert media_origins(environ) == ["https://media.langkatkab.go.id"]


def test_aws_needs_no_endpoint_and_may_use_an_instance_role():
    environ = {"S3_MEDIA_BUCKET": "langkat-media", "S3_REGION": "ap-southeast-3"}
    storages = storages_from_environ(environ, private_media_root=PRIVATE_ROOT)
    options = storages["default"]["OPTIONS"]
    assert options["endpoint_url"] is None
    assert options["access_key"] is None
    assert options["region_name"] == "ap-southeast-3"
    # Only the media bucket named: private files stay in their folder.
    assert storages["private"]["OPTIONS"]["location"] == PRIVATE_ROOT
    assert media_origins(environ) == ["https://langkat-media.s3.amazonaws.com"]
