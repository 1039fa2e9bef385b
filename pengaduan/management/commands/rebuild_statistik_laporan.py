from django.core.management.base import BaseCommand

from pengaduan.statistics_rollup import rebuild_statistics


class Command(BaseCommand):
    help = (
        "Recounts the e-laga statistics rollup from every report. Needed only after "
        "writes that skip the model's signals (bulk imports, SQL by hand); safe to "
        "run at any time."
    )

    def handle(self, *args, **options):
        count = rebuild_statistics()
        self.stdout.write(
            self.style.SUCCESS(f"Statistik dihitung ulang dari {count} laporan.")
        )
