"""System checks of the portal's own rules."""

from django.conf import settings
from django.core import checks

from portal.base_url import base_url, site_table_exists

DERIVED_BASE_URL_SETTINGS = ("WAGTAILADMIN_BASE_URL", "WAGTAILAPI_BASE_URL")


def check_base_url(app_configs=None, **kwargs):
    """Warn when a link would not say ``PORTAL_BASE_URL``: the default Wagtail Site
    (the host of every page's ``full_url``) or a Wagtail base URL setting differs.

    Silent before ``migrate`` (no Site table), so a fresh clone's lint passes;
    ``migrate`` itself configures the Site.
    """
    from wagtail.models import Site

    expected = base_url()
    warnings = [
        checks.Warning(
            f"{name} is {getattr(settings, name, None)!r}, not PORTAL_BASE_URL "
            f"{expected!r}.",
            hint=f"Derive {name} from PORTAL_BASE_URL in the settings.",
            id="portal.W002",
        )
        for name in DERIVED_BASE_URL_SETTINGS
        if (getattr(settings, name, None) or "").rstrip("/") != expected
    ]
    if not site_table_exists():
        return warnings
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and site.root_url != expected:
        warnings.append(
            checks.Warning(
                f"The default Wagtail Site answers at {site.root_url}, but "
                f"PORTAL_BASE_URL is {expected}: page links would use another host.",
                hint="Run `python manage.py configure_site`.",
                obj=site,
                id="portal.W001",
            )
        )
    return warnings
