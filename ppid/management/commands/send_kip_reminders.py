from django.core.management.base import BaseCommand

from ppid.tasks import send_kip_deadline_reminders, send_kip_reminders


class Command(BaseCommand):
    help = (
        "Emails Editor PPID the information requests due within 2 working days or "
        "overdue, and Atasan PPID the objections due within 5 working days or "
        "overdue. Run it daily from cron; a second run on the same day sends "
        "nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the task for the task worker instead of sending now.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_kip_deadline_reminders.enqueue()
            self.stdout.write(f"Tugas pengingat KIP diantrekan ({result.id}).")
            return
        requests, objections = send_kip_reminders()
        if requests or objections:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Pengingat dikirim untuk {requests} permohonan dan "
                    f"{objections} keberatan."
                )
            )
        else:
            self.stdout.write("Tidak ada pengingat KIP baru untuk hari ini.")
