"""Where files are stored, from the environment: folders on this server by default,
S3-compatible object storage (django-storages) when buckets are named.

Two buckets, never one: ``S3_MEDIA_BUCKET`` holds public media (Wagtail images, their
renditions and public documents) and is readable by anyone; ``S3_PRIVATE_BUCKET``
holds citizens' files and the documents of dikecualikan information and is never
public. Either may be set alone. ``manage.py ensure_buckets`` creates them with those
access rules.
"""

from urllib.parse import urlsplit

FILESYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"
S3_BACKEND = "storages.backends.s3.S3Storage"
STATICFILES_BACKEND = "whitenoise.storage.CompressedManifestStaticFilesStorage"
#: Seconds a signed URL of a private object stays valid. The portal streams private
#: files through its own views and signs no URL; this bounds one made by hand.
PRIVATE_URL_EXPIRY_SECONDS = 60
#: Where the private storage's files are served, on the filesystem: only by views
#: that check permissions, never by the web server.
PRIVATE_BASE_URL = "/berkas-privat/"


def _value(environ, name, default=""):
    return environ.get(name, default).strip()


def _s3_connection(environ):
    """Options shared by both buckets: endpoint, credentials, region.

    Empty credentials leave boto3 to its own chain (an instance role, say)."""
    return {
        "endpoint_url": _value(environ, "S3_ENDPOINT_URL") or None,
        "access_key": _value(environ, "S3_ACCESS_KEY_ID") or None,
        "secret_key": _value(environ, "S3_SECRET_ACCESS_KEY") or None,
        "region_name": _value(environ, "S3_REGION") or "us-east-1",
        "signature_version": "s3v4",
        # Two uploads named alike keep both files, as on the filesystem.
        "file_overwrite": False,
    }


def _absolute(url):
    """``url`` with a scheme: a bare host name means HTTPS."""
    return url if "://" in url else f"https://{url}"


def _public_address(media_url):
    """django-storages' custom domain and protocol for ``S3_MEDIA_URL``
    (e.g. ``https://media.langkatkab.go.id/portal``)."""
    parts = urlsplit(_absolute(media_url))
    return {
        "custom_domain": f"{parts.netloc}{parts.path}".rstrip("/"),
        "url_protocol": f"{parts.scheme}:",
    }


def storages_from_environ(environ, *, private_media_root):
    """The ``STORAGES`` setting for ``environ`` (``os.environ`` in settings).

    Public media: anonymous reads are granted by the bucket's policy, not by object
    ACLs (new AWS buckets refuse ACLs), so URLs are plain, unsigned. Private files:
    no ACL either (objects are private by default); their URLs, if ever asked for,
    are signed and short-lived.
    """
    media_bucket = _value(environ, "S3_MEDIA_BUCKET")
    private_bucket = _value(environ, "S3_PRIVATE_BUCKET")
    if media_bucket:
        default = {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **_s3_connection(environ),
                "bucket_name": media_bucket,
                "querystring_auth": False,
            },
        }
        media_url = _value(environ, "S3_MEDIA_URL")
        if media_url:
            default["OPTIONS"].update(_public_address(media_url))
    else:
        default = {"BACKEND": FILESYSTEM_BACKEND}
    if private_bucket:
        private = {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **_s3_connection(environ),
                "bucket_name": private_bucket,
                "querystring_auth": True,
                "querystring_expire": PRIVATE_URL_EXPIRY_SECONDS,
            },
        }
    else:
        private = {
            "BACKEND": FILESYSTEM_BACKEND,
            "OPTIONS": {"location": private_media_root, "base_url": PRIVATE_BASE_URL},
        }
    return {
        "default": default,
        "private": private,
        "staticfiles": {"BACKEND": STATICFILES_BACKEND},
    }


def media_origins(environ):
    """The origins public media are fetched from, for the Content-Security-Policy's
    ``img-src``: none beyond the site itself unless media live in a bucket."""
    media_bucket = _value(environ, "S3_MEDIA_BUCKET")
    if not media_bucket:
        return []
    address = _value(environ, "S3_MEDIA_URL") or _value(environ, "S3_ENDPOINT_URL")
    if address:
        parts = urlsplit(_absolute(address))
        return [f"{parts.scheme}://{parts.netloc}"]
    # AWS itself: boto3 addresses the bucket as a virtual host.
    return [f"https://{media_bucket}.s3.amazonaws.com"]
