"""How the admin and its exports show yes/no values and times: "Ya"/"Tidak", WIB.

Django and Wagtail print a boolean as ``True``/``False`` and write an export's
timestamp as UTC with microseconds. Officers read "Ya"/"Tidak" and the local time
(``TIME_ZONE``, Asia/Jakarta: WIB) to the minute, everywhere:

- listing cells: the overridden ``wagtailadmin/tables/cell.html`` and
  ``boolean_cell.html`` (``portal/templates/``);
- inspect views: :class:`YesNoDisplay`, active filter pills:
  :class:`YesNoFilterAdapter` (both registered in ``portal/wagtail_hooks.py``);
- CSV and XLSX exports: :mod:`portal.csv_export`.
"""

from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.active_filters import ActiveFilter, BaseFilterAdapter
from wagtail.admin.ui.fields import BaseFieldDisplay

#: How an export writes a date and time: ISO order, to the minute, in WIB.
EXPORT_DATETIME_FORMAT = "%Y-%m-%d %H:%M"


def yes_no(value):
    """``True`` as "Ya", ``False`` as "Tidak"; ``None`` (unknown) stays ``None``."""
    if value is None:
        return None
    return gettext("Ya") if value else gettext("Tidak")


def local_datetime(value):
    """``value`` as a naive date and time in WIB (the site's time zone), without
    microseconds; a naive ``value`` is taken to be WIB already."""
    if timezone.is_aware(value):
        value = timezone.localtime(value, timezone.get_default_timezone())
    return value.replace(tzinfo=None, microsecond=0)


def export_datetime(value):
    """``value`` as export text in WIB to the minute, e.g. "2026-12-02 14:05"."""
    return local_datetime(value).strftime(EXPORT_DATETIME_FORMAT)


class YesNoDisplay(BaseFieldDisplay):
    """A boolean field in an inspect view: "Ya", "Tidak" or nothing when unknown."""

    def render_html(self, parent_context=None):
        return yes_no(self.value) or ""


class YesNoFilterAdapter(BaseFilterAdapter):
    """An active yes/no filter's pill: "Melewati batas waktu: Ya", not "True"."""

    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            yes_no(self.value),
            self.get_url_without_filter_param(self.name),
        )
