from django.core.management.base import BaseCommand

from pengaduan.tasks import send_deadline_reminders, send_reminders


class Command(BaseCommand):
    help = (
        "Emails moderators the e-laga reports nearing (within 1 working day) or past "
        "their current deadline. Run it daily from cron; a second run on the same day "
        "sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the task for the task worker instead of sending now.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_deadline_reminders.enqueue()
            self.stdout.write(f"Tugas pengingat diantrekan ({result.id}).")
            return
        count = send_reminders()
        if count:
            self.stdout.write(
                self.style.SUCCESS(f"Pengingat dikirim untuk {count} laporan.")
            )
        else:
            self.stdout.write("Tidak ada pengingat baru untuk hari ini.")
