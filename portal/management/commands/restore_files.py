from django.core.management.base import BaseCommand, CommandError

from portal.backup_files import restore_files


class Command(BaseCommand):
    help = (
        "Puts the files of a backup made by backup_files (DIRECTORY/default/, "
        "DIRECTORY/private/) back into the configured storages under their own "
        "names, replacing files of the same name."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, *args, directory, **options):
        try:
            count = restore_files(directory)
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"{count} files restored from {directory}.")
        )
