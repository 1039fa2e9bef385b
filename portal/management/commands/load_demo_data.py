from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils.module_loading import module_has_submodule

from portal.base_url import configure_default_site

#: Apps whose demo every other app's demo builds on (the site and its home page).
BASE_APPS = ("portal", "home")


class Command(BaseCommand):
    help = (
        "Builds the demo site: each installed app with a `demo` module adds its part. "
        "Safe to run again: existing demo content is kept, missing parts are added."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--app",
            action="append",
            dest="apps",
            metavar="LABEL",
            help=(
                "Load only this app's demo and the base site it builds on; repeat "
                "for several apps. Default: every app."
            ),
        )

    def handle(self, *args, **options):
        labels = options.get("apps")
        if labels:
            installed = {config.label for config in apps.get_app_configs()}
            unknown = sorted(set(labels) - installed)
            if unknown:
                raise CommandError(f"Unknown app: {', '.join(unknown)}")
            labels = {*BASE_APPS, *labels}
        # Demo reports and requests go through the real services; their emails are
        # addressed to example.com and are dropped, at once: with production's task
        # queue they would otherwise wait for the worker and go out by real SMTP.
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            TASKS={
                "default": {
                    "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
                }
            },
        ):
            self._load(labels)
        site, _ = configure_default_site()
        if site is not None:
            self.stdout.write(f"Alamat situs: {site.root_url} (PORTAL_BASE_URL).")
        self.stdout.write(self.style.SUCCESS("Data contoh siap."))

    def _load(self, labels):
        for app_config in apps.get_app_configs():
            if labels and app_config.label not in labels:
                continue
            if not module_has_submodule(app_config.module, "demo"):
                continue
            self.stdout.write(f"Memuat data contoh: {app_config.verbose_name} …")
            with transaction.atomic():
                import_module(f"{app_config.name}.demo").load(self.stdout, self.style)
