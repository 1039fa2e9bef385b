from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project package and the shared core every app builds on."""

    name = "portal"
    verbose_name = _("Inti Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.base_url import configure_site_after_migrate
        from portal.checks import check_base_url
        from portal.models import HariLibur
        from portal.page_cache import connect_signals
        from portal.working_days import calendar_changed

        connect_signals()

        # Connected here, not in wagtail_hooks, so that every process (the admin,
        # the task worker, a management command) moves the running deadlines.
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(
                calendar_changed, sender=HariLibur, dispatch_uid=f"hari-libur-{name}"
            )
        # Every migrated database serves PORTAL_BASE_URL (see portal.base_url).
        post_migrate.connect(
            configure_site_after_migrate, sender=self, dispatch_uid="portal-base-url"
        )
        checks.register(check_base_url)
