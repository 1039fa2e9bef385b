import json

from botocore.exceptions import ClientError
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from storages.backends.s3 import S3Storage

#: Answers of S3-compatible servers that lack the public-access-block API (MinIO).
UNSUPPORTED = {"NotImplemented", "XNotImplemented", "MethodNotAllowed"}


def public_read_policy(bucket):
    """A bucket policy letting anyone read (not list) the bucket's objects."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicReadMedia",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": ["s3:GetObject"],
                    "Resource": [f"arn:aws:s3:::{bucket}/*"],
                }
            ],
        }
    )


def _error_code(error):
    return error.response.get("Error", {}).get("Code", "")


class Command(BaseCommand):
    help = (
        "Creates the S3 buckets of the media and private storages "
        "(S3_MEDIA_BUCKET, S3_PRIVATE_BUCKET) when missing: media readable by "
        "anyone, private files closed to the public (public access blocked where "
        "the server supports it). Idempotent; does nothing for folder storages."
    )

    def handle(self, *args, **options):
        buckets = [
            (alias, storages[alias])
            for alias in ("default", "private")
            if isinstance(storages[alias], S3Storage)
        ]
        if not buckets:
            self.stdout.write("No S3 storage is configured: nothing to do.")
            return
        for alias, storage in buckets:
            client = storage.connection.meta.client
            bucket = storage.bucket_name
            try:
                created = self._create(client, bucket, storage.region_name)
                if alias == "default":
                    self._open_to_readers(client, bucket)
                else:
                    self._close_to_public(client, bucket)
            except ClientError as error:
                raise CommandError(f"Bucket {bucket}: {error}") from error
            state = "created" if created else "exists"
            access = "public read" if alias == "default" else "private"
            self.stdout.write(self.style.SUCCESS(f"{bucket}: {state}, {access}."))

    def _create(self, client, bucket, region):
        try:
            client.head_bucket(Bucket=bucket)
        except ClientError as error:
            if _error_code(error) not in {"404", "NoSuchBucket", "NotFound"}:
                raise
        else:
            return False
        options = {}
        if region and region != "us-east-1":
            options["CreateBucketConfiguration"] = {"LocationConstraint": region}
        client.create_bucket(Bucket=bucket, **options)
        return True

    def _public_access_block(self, client, bucket, *, block_policies):
        """Block ACL-based public access always; public policies only when asked."""
        try:
            client.put_public_access_block(
                Bucket=bucket,
                PublicAccessBlockConfiguration={
                    "BlockPublicAcls": True,
                    "IgnorePublicAcls": True,
                    "BlockPublicPolicy": block_policies,
                    "RestrictPublicBuckets": block_policies,
                },
            )
        except ClientError as error:
            if _error_code(error) not in UNSUPPORTED:
                raise

    def _open_to_readers(self, client, bucket):
        self._public_access_block(client, bucket, block_policies=False)
        client.put_bucket_policy(Bucket=bucket, Policy=public_read_policy(bucket))

    def _close_to_public(self, client, bucket):
        self._public_access_block(client, bucket, block_policies=True)
