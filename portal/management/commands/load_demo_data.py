from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = (
        "Builds the demo site: each installed app with a `demo` module adds its part. "
        "Safe to run again: existing demo content is kept, missing parts are added."
    )

    def handle(self, *args, **options):
        # Demo reports and requests go through the real services; their emails are
        # addressed to example.com and are dropped.
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"
        ):
            self._load()
        self.stdout.write(self.style.SUCCESS("Data contoh siap."))

    def _load(self):
        for app_config in apps.get_app_configs():
            if not module_has_submodule(app_config.module, "demo"):
                continue
            self.stdout.write(f"Memuat data contoh: {app_config.verbose_name} …")
            with transaction.atomic():
                import_module(f"{app_config.name}.demo").load(self.stdout, self.style)
