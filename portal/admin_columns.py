"""Table columns shared by the apps' admin listings (status tag, dates, deadlines)."""

from django.utils import timezone
from wagtail.admin.ui.tables import Column


class StatusColumn(Column):
    """The record's status as a labelled tag, with the status's readable name."""

    cell_template_name = "portal/admin/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["status"] = instance.status
        display = getattr(instance, f"get_{self.accessor}_display", None)
        if callable(display):
            context["value"] = display()
        return context


class DateTimeColumn(Column):
    """A date and time in the site's short format."""

    cell_template_name = "portal/admin/datetime_cell.html"


class DeadlineColumn(Column):
    """A deadline date, with an explicit "overdue" label and icon; for a completed
    record that came after its deadline, "Selesai terlambat N hari kerja".

    Subclasses say when a row is overdue by overriding :meth:`is_overdue`, without a
    query per row. The listing may give ``today`` and ``working_day_calendar`` (one
    for the page, to mark late completions from the record's
    ``completion_deadline(calendar)``; no calendar, no mark) in its context or as
    attributes of its table (``portal.admin_views.ProcessingIndexView`` does).
    """

    cell_template_name = "portal/admin/deadline_cell.html"

    def is_overdue(self, instance, today):
        deadline = self.get_value(instance)
        return bool(
            getattr(instance, "is_open", True) and deadline and deadline < today
        )

    def late_completion(self, instance, calendar):
        """The ``DeadlineStatus`` of a record completed after its deadline, or ``None``."""
        method = getattr(instance, "completion_deadline", None)
        if calendar is None or method is None:
            return None
        completion = method(calendar)
        if completion is None or completion.was_met is not False:
            return None
        return completion

    @staticmethod
    def listing_value(parent_context, name):
        """``name`` from the listing's context, or from its table."""
        value = parent_context.get(name)
        if value is None:
            value = getattr(parent_context.get("table"), name, None)
        return value

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        today = self.listing_value(parent_context, "today") or timezone.localdate()
        context["overdue"] = self.is_overdue(instance, today)
        late = None
        if not context["overdue"]:
            late = self.late_completion(
                instance, self.listing_value(parent_context, "working_day_calendar")
            )
        context["late_completion"] = late
        context["days_late"] = -late.working_days_left if late else 0
        return context
