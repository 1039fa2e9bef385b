from django.core.management.base import BaseCommand, CommandError

from portal.base_url import base_url, configure_default_site, site_table_exists


class Command(BaseCommand):
    help = (
        "Sets the default Wagtail Site (host, port and so scheme) from "
        "PORTAL_BASE_URL, the address every link of the portal uses. Idempotent."
    )

    def handle(self, *args, **options):
        if not site_table_exists():
            raise CommandError(
                "The database has no Wagtail tables yet: run `manage.py migrate` "
                "(which configures the site itself)."
            )
        site, changed = configure_default_site()
        if site is None:
            raise CommandError(
                "There is no default Wagtail Site: create one in the admin "
                "(Settings > Sites) or run `manage.py load_demo_data`."
            )
        if changed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Default site set to {site.root_url} "
                    f"(hostname {site.hostname}, port {site.port})."
                )
            )
        else:
            self.stdout.write(f"Default site already answers at {base_url()}.")
