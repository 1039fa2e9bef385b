"""Admin views shared by the apps that process citizens' records (DESIGN §5).

A service record (a report, an application, an information request) is listed,
shown with its timeline and processing actions, and its private files are served,
always within the user's scope. The apps subclass these pieces and fill in the
extension points: where the records come from (``get_scope``), which actions the
user may take, how timeline entries are labelled, which files a record has.
"""

from dataclasses import dataclass

import django_filters
from django.contrib.admin.utils import quote
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property, lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton

from portal.admin_actions import RecordSummary, action_url
from portal.admin_display import yes_no
from portal.admin_scoping import ScopedListingObjectMixin
from portal.csv_export import SafeSpreadsheetExportMixin
from portal.dashboard import DUE_SOON_WORKING_DAYS
from portal.search_query import search_words
from portal.storage import private_file_response
from portal.working_days import WorkingDayCalendar, add_working_days

#: The export column saying whether a completed record met its deadline.
ON_TIME_EXPORT_FIELD = "selesai_tepat_waktu"
ON_TIME_EXPORT_HEADING = _("Selesai tepat waktu")

# Listings.


def overdue_filter():
    """The "past its deadline" yes/no filter; pair it with :class:`OverdueFilterMixin`."""
    return django_filters.BooleanFilter(
        label=_("Melewati batas waktu"), method="filter_overdue"
    )


class OverdueFilterMixin:
    """Filters a queryset with an ``overdue()`` method by ``terlambat`` yes/no."""

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        if value:
            return overdue
        return queryset.exclude(pk__in=overdue.values("pk"))


def _due_soon_label():
    return gettext("Jatuh tempo dalam %(days)s hari kerja") % {
        "days": DUE_SOON_WORKING_DAYS
    }


def due_soon_filter():
    """The "due soon" yes/no filter (``segera``); pair it with :class:`DueSoonFilterMixin`."""
    return django_filters.BooleanFilter(
        label=lazy(_due_soon_label, str)(), method="filter_due_soon"
    )


class DueSoonFilterMixin:
    """Filters by ``segera`` yes/no: records whose deadline runs and falls within
    ``DUE_SOON_WORKING_DAYS`` working days from today, today included (so none that
    is already overdue): the dashboards' "due soon" list.

    Subclasses set ``running_filter``, a ``Q`` of the records whose deadline runs (the
    rule of their overdue filter and dashboard panel).
    """

    running_filter = None
    deadline_field = "batas_waktu"

    def filter_due_soon(self, queryset, name, value):
        if value is None:
            return queryset
        today = timezone.localdate()
        due_soon = self.running_filter & Q(
            **{
                f"{self.deadline_field}__gte": today,
                f"{self.deadline_field}__lte": add_working_days(
                    today, DUE_SOON_WORKING_DAYS
                ),
            }
        )
        return queryset.filter(due_soon) if value else queryset.exclude(due_soon)


@dataclass(frozen=True)
class IdentitySearch:
    """Which of a citizen's identity fields a user may search, and where.

    ``fields`` match a part of a searched word (name, phone, email); ``exact_fields``
    only a whole word (an ID number shown masked: matching a part would let one
    guess it digit by digit); ``records`` is a ``Q`` of the records whose identity
    the user may see (``None``: all those in scope).
    """

    fields: tuple = ()
    exact_fields: tuple = ()
    records: Q | None = None

    def condition(self, word):
        found = Q()
        for field in self.fields:
            found |= Q(**{f"{field}__icontains": word})
        for field in self.exact_fields:
            found |= Q(**{f"{field}__iexact": word})
        return found if self.records is None else self.records & found


def completion_deadline(record, calendar):
    """The deadline a completed ``record`` was held to, with its completion (a
    ``portal.working_days.DeadlineStatus``), or ``None`` while it runs."""
    method = getattr(record, "completion_deadline", None)
    return method(calendar) if method is not None else None


def completed_on_time(record, calendar):
    """ "Ya"/"Tidak" for a completed record, ``None`` for an open one."""
    status = completion_deadline(record, calendar)
    return None if status is None else yes_no(status.was_met)


class SafeExportIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    """A listing whose CSV export neutralises spreadsheet formulas.

    The index view of every admin viewset with a ``list_export``.
    """


class ProcessingIndexView(SafeExportIndexView):
    """The records in the user's scope, with ``today`` and one working-day calendar
    for the deadline columns, and the processing actions available on each row in
    its "more" menu.

    By default the scope is the permission policy's; override :meth:`get_scope` to
    add ``select_related`` or to use another scope. The viewset passes
    ``processing_actions`` (none: no actions on the rows) and ``url_namespace``.

    The search box finds records holding every word typed, each in one of
    ``search_fields`` or, for users who may see the citizen's identity, in the
    fields :meth:`get_identity_search` allows. An export may name the column
    ``ON_TIME_EXPORT_FIELD`` ("Selesai tepat waktu": "Ya"/"Tidak" once completed).
    """

    processing_actions = None
    url_namespace = None

    def get_identity_search(self):
        """The :class:`IdentitySearch` of the user, or ``None``: no identity field."""
        return None

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        words = search_words(self.search_query)
        if not words:
            return queryset.none()
        identity = self.get_identity_search()
        for word in words:
            found = Q()
            for field in self.search_fields or ():
                found |= Q(**{f"{field}__icontains": word})
            if identity is not None:
                found |= identity.condition(word)
            queryset = queryset.filter(found)
        return queryset

    @cached_property
    def working_day_calendar(self):
        """One calendar for every deadline on the page, read when first needed."""
        return SimpleLazyObject(WorkingDayCalendar.complete)

    @cached_property
    def today(self):
        return timezone.localdate()

    def get_table(self, object_list):
        # The deadline columns' cells see the table, not the view's context.
        table = super().get_table(object_list)
        table.today = self.today
        table.working_day_calendar = self.working_day_calendar
        return table

    def to_row_dict(self, item):
        setattr(
            item,
            ON_TIME_EXPORT_FIELD,
            completed_on_time(item, self.working_day_calendar),
        )
        return super().to_row_dict(item)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.processing_actions is None:
            return buttons
        actions = self.processing_actions.available(
            self.request.user, instance, listing=True
        )
        return [
            Button(
                action.label,
                url=action_url(self.url_namespace, instance, action),
                icon_name="cross" if action.destructive else "arrow-right",
                priority=index,
            )
            for index, action in enumerate(actions, start=1)
        ] + buttons

    def get_scope(self):
        return self.permission_policy.scope(self.request.user)

    def get_base_queryset(self):
        return self.get_scope()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = self.today
        context["working_day_calendar"] = self.working_day_calendar
        return context


# The processing (detail) view.


class ProcessingDetailView(generic.InspectView):
    """A record with its status, deadline, timeline and the processing actions the
    user may take.

    The status and the running deadlines open the page; each available action is a
    header button (a refusal sits in the header's "more" menu) to the action's page
    (``portal.admin_actions.ProcessingActionView``).

    Subclasses set ``template_name`` (extending ``portal/admin/processing_detail.html``),
    ``context_object_name`` and ``status_choices``; they implement :meth:`get_scope`,
    and may override :meth:`get_note_label` and :meth:`is_citizen_entry`. The viewset
    passes ``processing_actions`` (a ``portal.admin_actions.ActionSet``) and
    ``record_summary`` (a ``portal.admin_actions.RecordSummary``).
    """

    url_namespace = None
    processing_actions = None
    record_summary = None
    history_url_name = None
    context_object_name = None
    status_choices = ()
    #: Who wrote a timeline entry without an author that came from the citizen.
    citizen_label = None
    #: Whether the timeline says which entries the citizen sees.
    timeline_shows_visibility = True

    def get_scope(self):
        """The records the user may see (404 outside them)."""
        raise NotImplementedError

    @cached_property
    def available_actions(self):
        """The actions the user may take on ``self.object`` in its current state."""
        return self.processing_actions.available(self.request.user, self.object)

    def get_action_links(self):
        """``{"action", "url"}`` of each available action, in the set's order."""
        return [
            {
                "action": action,
                "url": action_url(self.url_namespace, self.object, action),
            }
            for action in self.available_actions
        ]

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(item["action"].label, url=item["url"], priority=index)
            for index, item in enumerate(self.get_action_links())
            if not item["action"].destructive
        ]

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        history = []
        if self.history_url_name:
            # Whoever may see the record may read its audit log.
            history.append(
                Button(
                    _("Riwayat"),
                    url=reverse(self.history_url_name, args=[quote(self.object.pk)]),
                    icon_name="history",
                    priority=30,
                )
            )
        return [
            *(
                Button(item["action"].label, url=item["url"], icon_name="cross")
                for item in self.get_action_links()
                if item["action"].destructive
            ),
            *buttons,
            *history,
        ]

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_scope(), pk=self.pk)

    def get_fields(self):
        return []

    def get_page_title(self):
        return self.object.kode_lacak

    def object_url(self, name, *args):
        """The URL ``name`` of this viewset, for this record (and ``args``)."""
        return reverse(
            f"{self.url_namespace}:{name}", args=[quote(self.object.pk), *args]
        )

    def file_links(self, items, url_name):
        """``(file, download URL)`` pairs for the record's files ``items``."""
        return [(item, self.object_url(url_name, item.pk)) for item in items]

    def get_note_label(self, entry):
        """The event label of an entry that changes no status."""
        return _("Catatan")

    def is_citizen_entry(self, entry):
        """Whether an entry without an author was written by the citizen."""
        return False

    def get_timeline(self):
        """Every entry, public and internal, with readable event and author labels."""
        labels = dict(self.status_choices)
        entries = list(
            self.object.linimasa.select_related("author").order_by("created_at", "pk")
        )
        for entry in entries:
            if entry.status_to:
                entry.event_label = (
                    f"{labels.get(entry.status_from, entry.status_from)} → "
                    f"{labels.get(entry.status_to, entry.status_to)}"
                    if entry.status_from
                    else labels.get(entry.status_to, entry.status_to)
                )
            else:
                entry.event_label = self.get_note_label(entry)
            if entry.author:
                entry.author_label = (
                    entry.author.get_full_name() or entry.author.get_username()
                )
            elif self.citizen_label and self.is_citizen_entry(entry):
                entry.author_label = self.citizen_label
            else:
                entry.author_label = _("Sistem")
        return entries

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                self.context_object_name: self.object,
                "today": timezone.localdate(),
                "timeline": self.get_timeline(),
                "timeline_shows_visibility": self.timeline_shows_visibility,
                "summary": (self.record_summary or RecordSummary()).get_context(
                    self.object
                ),
                "action_links": self.get_action_links(),
            }
        )
        return context


class ProcessingHistoryView(ScopedListingObjectMixin, HistoryView):
    """The audit log of one record, for everybody who may see the record.

    Wagtail asks for the add, change or delete permission; service records are
    never edited in the admin, so here the view permission is enough, within the
    user's scope (a record outside it is a 404, as everywhere). The header leads
    back to the record's processing view instead of an edit form. Apps whose
    permission policy has no ``scope()`` override :meth:`get_base_object_queryset`.
    """

    any_permission_required = ["view", "change", "delete"]
    inspect_url_name = None

    def get_edit_url(self, instance):
        if self.inspect_url_name:
            return reverse(self.inspect_url_name, args=[quote(instance.pk)])
        return None

    @cached_property
    def header_buttons(self):
        url = self.get_edit_url(self.object)
        if not url:
            return []
        return [
            HeaderButton(
                _("Buka %(record)s") % {"record": self.model._meta.verbose_name},
                url=url,
                icon_name="arrow-left",
            )
        ]


class ScopedFileView(View):
    """Serves one of a record's private files to officers who may see the record.

    Subclasses implement :meth:`get_object` (404 outside the user's scope) and set
    ``files_attribute`` (the record's related manager of files, each with ``berkas``
    and ``content_type``); they may override :meth:`get_filename` (the record is
    ``self.object``) and :meth:`is_inline`.
    """

    http_method_names = ["get"]
    files_attribute = None

    def get_object(self, request, pk):
        raise NotImplementedError

    def get_filename(self, item):
        return item.berkas.name.rsplit("/", 1)[-1]

    def is_inline(self, item):
        return False

    def get(self, request, pk, file_pk):
        obj = self.object = self.get_object(request, pk)
        item = get_object_or_404(getattr(obj, self.files_attribute), pk=file_pk)
        return private_file_response(
            item.berkas,
            item.content_type,
            self.get_filename(item),
            inline=self.is_inline(item),
        )


class ProcessingViewSet(ModelViewSet):
    """A model viewset with the processing detail view and the actions' pages.

    Subclasses set ``processing_actions`` (a ``portal.admin_actions.ActionSet``, given
    to the list, detail and action views), ``action_view_class`` (a
    ``portal.admin_actions.ProcessingActionView``), optionally ``record_summary`` (a
    ``portal.admin_actions.RecordSummary``) and ``action_brief_template_name`` (the
    few lines about the record above an action's form), and add their file URLs in
    :meth:`get_file_urlpatterns`.
    """

    inspect_view_enabled = True
    copy_view_enabled = False
    history_view_class = ProcessingHistoryView
    processing_actions = None
    action_view_class = None
    record_summary = RecordSummary()
    action_brief_template_name = None

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            url_namespace=self.url_namespace,
            processing_actions=self.processing_actions,
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            url_namespace=self.url_namespace,
            processing_actions=self.processing_actions,
            record_summary=self.record_summary,
            **kwargs,
        )

    @property
    def action_view(self):
        return self.construct_view(
            self.action_view_class,
            url_namespace=self.url_namespace,
            processing_actions=self.processing_actions,
            record_summary=self.record_summary,
            brief_template_name=self.action_brief_template_name,
        )

    def get_file_urlpatterns(self):
        return []

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("proses/<int:pk>/<slug:action>/", self.action_view, name="action"),
            *self.get_file_urlpatterns(),
        ]
