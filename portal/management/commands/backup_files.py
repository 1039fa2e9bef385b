from django.core.management.base import BaseCommand

from portal.backup_files import backup_files


class Command(BaseCommand):
    help = (
        "Copies every file of the media and private storages (folders or S3 "
        "buckets) into DIRECTORY/default/ and DIRECTORY/private/, for a backup "
        "taken together with pg_dump."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, *args, directory, **options):
        count = backup_files(directory)
        self.stdout.write(self.style.SUCCESS(f"{count} files copied to {directory}."))
