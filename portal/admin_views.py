"""Admin views shared by the apps that process citizens' records (DESIGN §5).

A service record (a report, an application, an information request) is listed,
shown with its timeline and processing actions, and its private files are served,
always within the user's scope. The apps subclass these pieces and fill in the
extension points: where the records come from (``get_scope``), which actions the
user may take, how timeline entries are labelled, which files a record has.
"""

import django_filters
from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from portal.csv_export import SafeSpreadsheetExportMixin
from portal.storage import private_file_response


def inspect_links(objects, url_namespace):
    """``(object, URL of its admin detail view)`` pairs."""
    return [
        (obj, reverse(f"{url_namespace}:inspect", args=[quote(obj.pk)]))
        for obj in objects
    ]


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


class SafeExportIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    """A listing whose CSV export neutralises spreadsheet formulas.

    The index view of every admin viewset with a ``list_export``.
    """


class ProcessingIndexView(SafeExportIndexView):
    """The records in the user's scope, with ``today`` for the deadline columns.

    By default the scope is the permission policy's; override :meth:`get_scope` to
    add ``select_related`` or to use another scope.
    """

    def get_scope(self):
        return self.permission_policy.scope(self.request.user)

    def get_base_queryset(self):
        return self.get_scope()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


# The processing (detail) view.


class ProcessingDetailView(generic.InspectView):
    """A record with its timeline and the processing actions the user may take.

    Subclasses set ``template_name`` (extending ``portal/admin/processing_detail.html``),
    ``context_object_name``, ``form_object_kwarg`` (the actions' forms take the record
    under this name) and ``status_choices``; they implement :meth:`get_scope`, and
    may override :meth:`get_action_form_kwargs`, :meth:`get_note_label` and
    :meth:`is_citizen_entry`. The viewset passes ``processing_actions`` (a
    ``portal.admin_actions.ActionSet``).
    """

    url_namespace = None
    processing_actions = None
    context_object_name = None
    form_object_kwarg = None
    status_choices = ()
    #: Who wrote a timeline entry without an author that came from the citizen.
    citizen_label = None
    #: Whether the timeline says which entries the citizen sees.
    timeline_shows_visibility = True

    def get_scope(self):
        """The records the user may see (404 outside them)."""
        raise NotImplementedError

    def get_available_actions(self):
        """The actions the user may take on ``self.object`` in its current state."""
        return self.processing_actions.available(self.request.user, self.object)

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

    def get_action_form_kwargs(self, action):
        return {self.form_object_kwarg: self.object, "prefix": action.name}

    def get_action_forms(self):
        return [
            {
                "action": action,
                "form": action.form_class(**self.get_action_form_kwargs(action)),
                "url": self.object_url("action", action.name),
            }
            for action in self.get_available_actions()
        ]

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
                "action_forms": self.get_action_forms(),
            }
        )
        return context


class ScopedFileView(View):
    """Serves one of a record's private files to officers who may see the record.

    Subclasses implement :meth:`get_object` (404 outside the user's scope) and set
    ``files_attribute`` (the record's related manager of files, each with ``berkas``
    and ``content_type``); they may override :meth:`get_filename` and
    :meth:`is_inline`.
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
        obj = self.get_object(request, pk)
        item = get_object_or_404(getattr(obj, self.files_attribute), pk=file_pk)
        return private_file_response(
            item.berkas,
            item.content_type,
            self.get_filename(item),
            inline=self.is_inline(item),
        )


class ProcessingViewSet(ModelViewSet):
    """A model viewset with the processing detail view and its action URL.

    Subclasses set ``processing_actions`` (a ``portal.admin_actions.ActionSet``, given
    to the detail and action views) and ``action_view_class`` (a
    ``portal.admin_actions.ProcessingActionView``), and add their file URLs in
    :meth:`get_file_urlpatterns`.
    """

    inspect_view_enabled = True
    copy_view_enabled = False
    processing_actions = None
    action_view_class = None

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            url_namespace=self.url_namespace,
            processing_actions=self.processing_actions,
            **kwargs,
        )

    def get_file_urlpatterns(self):
        return []

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "proses/<int:pk>/<slug:action>/",
                self.action_view_class.as_view(
                    url_namespace=self.url_namespace,
                    processing_actions=self.processing_actions,
                ),
                name="action",
            ),
            *self.get_file_urlpatterns(),
        ]


# The dashboard.


class DashboardPanel(Component):
    """A dashboard panel shown only to the users :meth:`is_shown` accepts."""

    def __init__(self, request):
        self.request = request

    def is_shown(self):
        raise NotImplementedError

    def render_html(self, parent_context=None):
        if not self.is_shown():
            return ""
        return super().render_html(parent_context)
