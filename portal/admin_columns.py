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
    """A deadline date, with an explicit "overdue" label and icon.

    Subclasses say when a row is overdue by overriding :meth:`is_overdue`, without a
    query per row; the listing may put ``today`` in its context.
    """

    cell_template_name = "portal/admin/deadline_cell.html"

    def is_overdue(self, instance, today):
        deadline = self.get_value(instance)
        return bool(
            getattr(instance, "is_open", True) and deadline and deadline < today
        )

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        today = parent_context.get("today") or timezone.localdate()
        context["overdue"] = self.is_overdue(instance, today)
        return context
