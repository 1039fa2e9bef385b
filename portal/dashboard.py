"""The admin dashboard: one panel kit for every role's panel (DESIGN §5).

Each app builds its panels from :class:`DashboardPanel` (a titled panel with counts
and short lists of items, each linking to where the officer acts on it) or from
:class:`DeadlineDashboardPanel` (counts, an "overdue" and a "due soon" list of
records with a stored ``batas_waktu``), and registers them through the
``construct_homepage_panels`` hook. Every panel is shown only to the users
:meth:`DashboardPanel.is_shown` accepts, runs a fixed number of queries whatever
the number of records, and never shows a citizen's identity.

:func:`keep_page_panels_for_page_users` removes Wagtail's page panels for users
without page rights, and :func:`can_search_pages` decides whether the dashboard
offers its "search all pages" box.
"""

import datetime
from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.db.models import CharField, Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import (
    LockedPagesPanel,
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
)
from wagtail.models import Page, WorkflowState, get_default_page_content_type
from wagtail.permissions import policy_registry

from portal.working_days import WorkingDayCalendar, add_working_days

#: Rows of each list; the rest is one "lihat semua" click away.
DEFAULT_LIST_LIMIT = 10
#: A deadline within this many working days from today (today included) is "due soon".
DUE_SOON_WORKING_DAYS = 3
#: Closures (HariLibur) loaded for the working-day distances shown beside deadlines.
_CALENDAR_PAST_DAYS = 366
_CALENDAR_FUTURE_DAYS = 31


@dataclass(frozen=True)
class PanelCount:
    """One figure of a panel, linking to the list it counts."""

    label: str
    value: int
    url: str = ""
    #: Shown in bold when not zero (overdue work).
    warning: bool = False


@dataclass(frozen=True)
class PanelItem:
    """One row of a panel list: where to act on it and a few facts, never identity."""

    url: str
    label: str
    title: str = ""
    details: tuple = ()
    date: datetime.date | datetime.datetime | None = None
    #: Beside the date: "2 hari kerja lagi", "terlambat 3 hari kerja".
    date_note: str = ""
    #: ``(label, url)`` buttons, e.g. "Verifikasi".
    actions: tuple = ()


@dataclass(frozen=True)
class PanelList:
    """A short list of a panel, with its empty-state text and a link to all items."""

    key: str
    heading: str
    items: list
    total: int
    empty_text: str
    date_label: str = ""
    more_url: str = ""
    icon: str = ""
    warning: bool = False

    @property
    def has_more(self):
        return self.total > len(self.items)


@dataclass(frozen=True)
class PanelLink:
    """A button under a panel."""

    label: str
    url: str


class DashboardPanel(Component):
    """A titled dashboard panel of counts and short lists, for the users it concerns.

    Subclasses set ``name`` (also the panel's HTML id), ``order`` and ``heading``
    and implement :meth:`is_shown`; they fill the panel through :meth:`get_counts`,
    :meth:`get_lists` and :meth:`get_links`.
    """

    name = None
    order = 100
    heading = None
    template_name = "portal/admin/dashboard_panel.html"
    list_limit = DEFAULT_LIST_LIMIT

    def __init__(self, request):
        self.request = request

    @property
    def user(self):
        return self.request.user

    def is_shown(self):
        raise NotImplementedError

    def get_heading(self):
        return self.heading

    def get_counts(self):
        """The panel's figures (:class:`PanelCount`)."""
        return []

    def get_lists(self):
        """The panel's lists (:class:`PanelList`)."""
        return []

    def get_links(self):
        """Buttons under the panel (:class:`PanelLink`)."""
        return []

    def get_context_data(self, parent_context):
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.get_heading(),
            "counts": self.get_counts(),
            "lists": self.get_lists(),
            "links": self.get_links(),
        }

    def render_html(self, parent_context=None):
        if not self.is_shown():
            return ""
        return super().render_html(parent_context)


def inspect_url(url_namespace, obj):
    """The admin detail view of ``obj`` in the viewset ``url_namespace``."""
    return reverse(f"{url_namespace}:inspect", args=[quote(obj.pk)])


def list_url(url_namespace, **params):
    """The admin list of ``url_namespace``, filtered by ``params``."""
    url = reverse(f"{url_namespace}:index")
    return f"{url}?{urlencode(params)}" if params else url


class DeadlineDashboardPanel(DashboardPanel):
    """Counts, overdue and due-soon lists of records whose deadline runs.

    Subclasses give the records in the user's scope (:meth:`get_scope`), which of
    them run a deadline (:meth:`get_running_filter`, the same rule as the list's
    ``terlambat`` filter), how a row reads (:meth:`get_item`)
    and optional figures by status (:meth:`get_status_counts`). The deadline is the
    stored ``batas_waktu`` column, so counting and listing stay in SQL: one query
    for the figures, one per list and one for the calendar, whatever the number of
    records.
    """

    url_namespace = None
    deadline_field = "batas_waktu"
    due_soon_working_days = DUE_SOON_WORKING_DAYS
    select_related = ()
    overdue_heading = _("Melewati batas waktu")
    due_soon_heading = _("Jatuh tempo dalam %(days)s hari kerja")
    overdue_empty_text = _("Tidak ada yang melewati batas waktu.")
    due_soon_empty_text = _("Tidak ada yang jatuh tempo dalam %(days)s hari kerja.")

    def get_scope(self):
        """Every record the user may see."""
        raise NotImplementedError

    def get_running_filter(self):
        """A ``Q`` of the records whose deadline runs (open ones)."""
        raise NotImplementedError

    def get_status_counts(self):
        """``(key, label, Q, url)`` figures counted in the same query."""
        return []

    def get_item(self, obj):
        """The row of ``obj`` (:class:`PanelItem` without date, which is added)."""
        raise NotImplementedError

    def get_item_url(self, obj):
        return inspect_url(self.url_namespace, obj)

    def get_overdue_url(self):
        return list_url(self.url_namespace, terlambat="true")

    def get_due_soon_url(self):
        """The list filtered by its "due soon" filter (``segera``, the same rule as
        this panel's list: ``portal.admin_views.DueSoonFilterMixin``), nearest
        deadline first."""
        return list_url(self.url_namespace, segera="true", ordering="batas_waktu")

    # The figures and lists.

    @cached_property
    def today(self):
        return timezone.localdate()

    @cached_property
    def calendar(self):
        """Working days around today, the admins' closures read once."""
        return WorkingDayCalendar(
            self.today - datetime.timedelta(days=_CALENDAR_PAST_DAYS),
            self.today + datetime.timedelta(days=_CALENDAR_FUTURE_DAYS),
        )

    @cached_property
    def horizon(self):
        """The last day that counts as due soon."""
        return add_working_days(self.today, self.due_soon_working_days, self.calendar)

    def _filters(self):
        deadline = self.deadline_field
        running = self.get_running_filter() & Q(**{f"{deadline}__isnull": False})
        return {
            "running": running,
            "overdue": running & Q(**{f"{deadline}__lt": self.today}),
            "due_soon": running
            & Q(**{f"{deadline}__gte": self.today, f"{deadline}__lte": self.horizon}),
        }

    @cached_property
    def figures(self):
        """Every count of the panel, from one query."""
        aggregates = {
            key: Count("pk", filter=condition)
            for key, condition in self._filters().items()
        }
        for key, _label, condition, _url in self.get_status_counts():
            aggregates[key] = Count("pk", filter=condition)
        return self.get_scope().order_by().aggregate(**aggregates)

    def get_counts(self):
        figures = self.figures
        days = self.due_soon_working_days
        return [
            *(
                PanelCount(label, figures[key], url)
                for key, label, _condition, url in self.get_status_counts()
            ),
            PanelCount(
                self.overdue_heading,
                figures["overdue"],
                self.get_overdue_url(),
                warning=True,
            ),
            PanelCount(
                self.due_soon_heading % {"days": days},
                figures["due_soon"],
                self.get_due_soon_url(),
            ),
        ]

    def _rows(self, condition):
        rows = (
            self.get_scope()
            .filter(condition)
            .select_related(*self.select_related)
            .order_by(self.deadline_field, "pk")[: self.list_limit]
        )
        return [self._with_deadline(obj) for obj in rows]

    def _with_deadline(self, obj):
        deadline = getattr(obj, self.deadline_field)
        item = self.get_item(obj)
        return PanelItem(
            url=item.url,
            label=item.label,
            title=item.title,
            details=item.details,
            date=deadline,
            date_note=self.deadline_note(deadline),
            actions=item.actions,
        )

    def deadline_note(self, deadline):
        """How far ``deadline`` is from today, in working days."""
        today = self.today
        if deadline == today:
            return _("hari ini")
        days = self.calendar.between(today, deadline)
        if deadline < today:
            if days == 0:
                return _("lewat batas waktu")
            return _("terlambat %(days)s hari kerja") % {"days": -days}
        return _("%(days)s hari kerja lagi") % {"days": days}

    def get_lists(self):
        filters = self._filters()
        figures = self.figures
        days = self.due_soon_working_days
        return [
            PanelList(
                key="overdue",
                heading=self.overdue_heading,
                items=self._rows(filters["overdue"]),
                total=figures["overdue"],
                empty_text=self.overdue_empty_text,
                date_label=_("Batas waktu"),
                more_url=self.get_overdue_url(),
                icon="warning",
                warning=True,
            ),
            PanelList(
                key="due-soon",
                heading=self.due_soon_heading % {"days": days},
                items=self._rows(filters["due_soon"]),
                total=figures["due_soon"],
                empty_text=self.due_soon_empty_text % {"days": days},
                date_label=_("Batas waktu"),
                more_url=self.get_due_soon_url(),
                icon="time",
            ),
        ]


def editor_name(user):
    """A staff member's name as the admin shows it (never a citizen's)."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class DraftsDashboardPanel(DashboardPanel):
    """Drafts not yet submitted and items in moderation, of one model with drafts
    (``DraftStateMixin``) and a workflow (pages or snippets).

    Subclasses give the items the user works on (:meth:`get_queryset`), where each
    is edited (:meth:`get_edit_url`) and the lists' texts. One query counts, one
    per list fetches, whatever the number of items.
    """

    drafts_heading = _("Draf belum diajukan")
    drafts_empty_text = _("Tidak ada draf yang belum diajukan.")
    moderation_heading = _("Dalam moderasi")
    moderation_empty_text = _("Tidak ada yang sedang dalam moderasi.")
    #: Whether the panel lists items in moderation or only counts them.
    lists_moderation = True
    drafts_url = ""
    moderation_url = ""

    def get_queryset(self):
        raise NotImplementedError

    def get_content_type(self):
        raise NotImplementedError

    def get_edit_url(self, obj):
        raise NotImplementedError

    def _workflow_states(self):
        return WorkflowState.objects.active().filter(
            base_content_type=self.get_content_type(),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )

    def annotated(self):
        """The items with their workflow's status, task and submission time."""
        states = self._workflow_states().order_by("-created_at")
        return self.get_queryset().annotate(
            workflow_status=Subquery(states.values("status")[:1]),
            workflow_task=Subquery(states.values("current_task_state__task__name")[:1]),
            workflow_started_at=Subquery(states.values("created_at")[:1]),
        )

    def _filters(self):
        in_workflow = Exists(self._workflow_states())
        return {
            "drafts": Q(has_unpublished_changes=True) & ~in_workflow,
            "moderation": in_workflow,
        }

    @cached_property
    def figures(self):
        return (
            self.get_queryset()
            .order_by()
            .aggregate(
                **{
                    key: Count("pk", filter=condition)
                    for key, condition in self._filters().items()
                }
            )
        )

    def get_counts(self):
        return [
            PanelCount(self.drafts_heading, self.figures["drafts"], self.drafts_url),
            PanelCount(
                self.moderation_heading,
                self.figures["moderation"],
                self.moderation_url,
            ),
        ]

    def draft_item(self, obj):
        revision = obj.latest_revision
        return PanelItem(
            url=self.get_edit_url(obj),
            label=str(obj),
            details=(
                _("sudah tayang, ada perubahan") if obj.live else _("belum tayang"),
                _("disimpan oleh %(name)s") % {"name": editor_name(revision.user)}
                if revision
                else "",
            ),
            date=revision.created_at if revision else None,
        )

    def moderation_item(self, obj):
        status = (
            _("perlu perubahan")
            if obj.workflow_status == WorkflowState.STATUS_NEEDS_CHANGES
            else _("menunggu persetujuan")
        )
        return PanelItem(
            url=self.get_edit_url(obj),
            label=str(obj),
            details=(status, obj.workflow_task or ""),
            date=obj.workflow_started_at,
        )

    def get_lists(self):
        filters = self._filters()
        drafts = (
            self.get_queryset()
            .filter(filters["drafts"])
            .select_related("latest_revision__user")
            .order_by("-latest_revision__created_at", "pk")[: self.list_limit]
        )
        lists = [
            PanelList(
                key="drafts",
                heading=self.drafts_heading,
                items=[self.draft_item(obj) for obj in drafts],
                total=self.figures["drafts"],
                empty_text=self.drafts_empty_text,
                date_label=_("Disimpan"),
                more_url=self.drafts_url,
                icon="edit",
            )
        ]
        if self.lists_moderation:
            in_moderation = (
                self.annotated()
                .filter(filters["moderation"])
                .order_by("-workflow_started_at", "pk")[: self.list_limit]
            )
            lists.append(
                PanelList(
                    key="moderation",
                    heading=self.moderation_heading,
                    items=[self.moderation_item(obj) for obj in in_moderation],
                    total=self.figures["moderation"],
                    empty_text=self.moderation_empty_text,
                    date_label=_("Diajukan"),
                    more_url=self.moderation_url,
                    icon="tasks",
                )
            )
        return lists


class PageDraftsPanel(DraftsDashboardPanel):
    """The page author's own drafts not yet submitted for approval.

    Pages in moderation are counted here and listed by Wagtail's "pages in a
    workflow" panel; a new page saved as a draft is in no other panel.
    """

    name = "draf_halaman"
    order = 200
    heading = _("Draf halaman Anda")
    drafts_empty_text = _("Tidak ada draf halaman yang belum diajukan.")
    moderation_heading = _("Menunggu persetujuan")
    lists_moderation = False

    def is_shown(self):
        return page_permission_policy().user_has_permission(self.user, "add")

    def get_queryset(self):
        user = self.user
        return Page.objects.filter(Q(owner=user) | Q(latest_revision__user=user))

    def get_content_type(self):
        return get_default_page_content_type()

    def get_edit_url(self, obj):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])

    def draft_item(self, obj):
        item = super().draft_item(obj)
        return PanelItem(
            url=item.url,
            label=obj.get_admin_display_title(),
            details=item.details,
            date=item.date,
        )


def page_permission_policy():
    return policy_registry.get_by_type(Page)


# Wagtail's own dashboard pieces.


def can_search_pages(user):
    """Whether the dashboard offers to search pages: only to users with page rights.

    Wagtail's sidebar search follows its search areas' own permission checks; the
    dashboard's "search all pages" box is hidden the same way (see the project's
    ``wagtailadmin/home.html``).
    """
    return user_has_any_page_permission(user)


#: Wagtail's panels about the user's pages (and their workflow), for page users.
PAGE_PANELS = (RecentEditsPanel, LockedPagesPanel, UserObjectsInWorkflowModerationPanel)


def keep_page_panels_for_page_users(request, panels):
    """``construct_homepage_panels``: Wagtail's page panels only for page users.

    Officers without page rights have no recent page edits and no locked pages,
    and the only workflow objects they may submit (service standards) have their
    own panel. "Awaiting your review" stays for everybody: approvers of snippet
    workflows act there.
    """
    if can_search_pages(request.user):
        return
    panels[:] = [panel for panel in panels if not isinstance(panel, PAGE_PANELS)]
