import random
import time
from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.module_loading import module_has_submodule

from portal.page_cache import new_generation


def _parts():
    """The parts of each installed app's ``scale_data`` module, in app order.

    A module is one part, or lists several in ``PARTS``.
    """
    parts = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "scale_data"):
            module = import_module(f"{config.name}.scale_data")
            parts.extend(getattr(module, "PARTS", [module]))
    return parts


class Command(BaseCommand):
    help = (
        "Fills the database with fictitious data at regency scale for benchmarks, "
        "e.g. --laporan 100000 --permohonan 50000 --produk 10000 --dip 5000. Each "
        "app with a `scale_data` module adds its part with bulk inserts. Needs the "
        "demo site (load_demo_data) for pages, categories and services, and "
        "refuses a database that holds real citizens' data unless --force."
    )

    def add_arguments(self, parser):
        for part in _parts():
            parser.add_argument(
                f"--{part.OPTION}", type=int, default=0, metavar="N", help=part.HELP
            )
        parser.add_argument(
            "--seed", type=int, default=14, help="Seed for reproducible data."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even when the database holds real citizens' data.",
        )

    def handle(self, *args, **options):
        wanted = [
            (part, options[part.OPTION])
            for part in _parts()
            if options.get(part.OPTION, 0) > 0
        ]
        if not wanted:
            raise CommandError(
                "Sebutkan jumlah data, misalnya --laporan 1000 (lihat --help)."
            )
        if not options["force"]:
            real = [part.OPTION for part, _count in wanted if part.real_data_exists()]
            if real:
                raise CommandError(
                    "Basis data ini berisi data warga yang nyata "
                    f"({', '.join(real)}). Gunakan --force bila memang disengaja."
                )
        rng = random.Random(options["seed"])  # noqa: S311 - fictitious data
        for part, count in wanted:
            started = time.monotonic()
            with transaction.atomic():
                made = part.generate(count, rng, self.stderr)
            self.stdout.write(
                f"{part.OPTION}: {made} baris dalam {time.monotonic() - started:.1f} s"
            )
        # Bulk inserts send no signals: retire every cached page once.
        new_generation()
        # ...and leave the planner's statistics stale until autovacuum comes by: a
        # plan chosen for near-empty tables takes seconds per query at this scale.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS("Data skala siap."))
