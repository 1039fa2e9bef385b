"""The portal's one public address, ``PORTAL_BASE_URL``, and every absolute link
built on it.

Emails, the feed, robots.txt, the WhatsApp message and the APIs write their links
here, so a citizen's secret link says the same host as the sitemap. The Wagtail
default ``Site`` (which gives pages their ``full_url``) is kept equal to it by
``configure_default_site()``: after every ``migrate``, by the demo loader and by
``manage.py configure_site``; the system check ``portal.W001`` reports a drift.
"""

import functools
import re
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

DEFAULT_PORTS = {"http": 80, "https": 443}
HOSTNAME = re.compile(
    r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"
)


def split_base_url(value):
    """``(scheme, hostname, port)`` of a base URL such as
    ``https://portal.langkatkab.go.id``; ``ImproperlyConfigured`` saying what is
    wrong otherwise.

    Wagtail's ``Site`` derives the scheme from the port (443 is https, anything
    else http), so https is accepted on port 443 only and http on any other port.
    """
    parts = urlsplit(str(value).strip())
    problem = None
    if parts.scheme not in DEFAULT_PORTS:
        problem = "the scheme must be http or https"
    elif not parts.hostname or not HOSTNAME.match(parts.hostname):
        problem = "a host name (letters, digits, dots and hyphens) is required"
    elif parts.path not in ("", "/") or parts.query or parts.fragment:
        problem = "no path, query or fragment is allowed"
    elif parts.username is not None or parts.password is not None:
        problem = "no user name or password is allowed"
    if problem is None:
        try:
            port = parts.port or DEFAULT_PORTS[parts.scheme]
        except ValueError:
            problem = "the port must be a number from 1 to 65535"
        else:
            if (parts.scheme == "https") != (port == DEFAULT_PORTS["https"]):
                problem = (
                    "https is served on port 443 only, http on any other port "
                    "(Wagtail's Site derives the scheme from the port)"
                )
    if problem is not None:
        raise ImproperlyConfigured(f"PORTAL_BASE_URL {value!r}: {problem}.")
    return parts.scheme, parts.hostname, port


@functools.lru_cache(maxsize=8)
def validated_base_url(value):
    """``value`` as the portal writes it: ``scheme://host[:port]``, lower case,
    without a default port or a trailing slash (for the settings). Kept per
    value: a long API list builds a link or two per item."""
    scheme, hostname, port = split_base_url(value)
    if port == DEFAULT_PORTS[scheme]:
        return f"{scheme}://{hostname}"
    return f"{scheme}://{hostname}:{port}"


def base_url():
    """The portal's public address, e.g. ``https://portal.langkatkab.go.id``."""
    return validated_base_url(settings.PORTAL_BASE_URL)


def absolute_url(url):
    """``url`` (a path) on the portal's base URL; an absolute URL (a file on an
    object storage, say) is returned as it is."""
    if not url:
        return ""
    return urljoin(base_url() + "/", str(url))


def page_url(page, request=None):
    """The absolute URL of ``page`` on the base URL; "" when it is not routable.

    Given the request, Wagtail reads the sites' root paths once per request instead
    of once per page (a cache round trip each: a list of 100 products made 100).
    """
    url_parts = page.get_url_parts(request)
    if url_parts is None:
        return ""
    return absolute_url(url_parts[2])


def site_address():
    """The ``hostname`` and ``port`` a Wagtail ``Site`` needs for its ``root_url``
    to be the base URL."""
    _, hostname, port = split_base_url(settings.PORTAL_BASE_URL)
    return {"hostname": hostname, "port": port}


def site_table_exists(using=DEFAULT_DB_ALIAS):
    """Whether Wagtail's ``Site`` table is there (``False`` before ``migrate`` or
    while the database cannot be reached)."""
    from wagtail.models import Site

    try:
        return Site._meta.db_table in connections[using].introspection.table_names()
    except DatabaseError:
        return False


def configure_default_site(using=DEFAULT_DB_ALIAS):
    """Give the default Wagtail ``Site`` the base URL's host and port.

    Returns ``(site, changed)``; ``(None, False)`` when there is no default site
    (yet). Saving clears Wagtail's cache of site root paths, so pages' ``full_url``
    follows at once.
    """
    from wagtail.models import Site

    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return None, False
    address = site_address()
    if (site.hostname, site.port) == (address["hostname"], address["port"]):
        return site, False
    site.hostname = address["hostname"]
    site.port = address["port"]
    site.save(using=using, update_fields=["hostname", "port"])
    return site, True


def configure_site_after_migrate(using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs):
    """``post_migrate``: a migrated database serves the base URL at once (Wagtail's
    first migration creates the default site as ``localhost:80``)."""
    if not site_table_exists(using):
        return
    site, changed = configure_default_site(using)
    stdout = kwargs.get("stdout")
    if changed and verbosity >= 1 and stdout is not None:
        stdout.write(
            f"  Default Wagtail site set to {site.root_url} (PORTAL_BASE_URL)."
        )
