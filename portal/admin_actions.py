"""Processing actions on service records, described once for every app.

An app lists its actions as :class:`Action` entries of an :class:`ActionSet` (label,
permission, when available, form class, service call) with the permission policy
that says who may take them. :class:`ProcessingActionView` is the admin page of one
action: its form under a short summary of the record (:class:`RecordSummary`),
re-rendered with the errors beside the fields when the form or the service refuses
the input. ``portal.admin_views.ProcessingDetailView`` and ``ProcessingIndexView``
link to the actions available.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import (
    ImproperlyConfigured,
    PermissionDenied,
    ValidationError,
)
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.working_days import status_against


@dataclass(frozen=True)
class Action:
    """One processing action: who may take it, when, its form and its service call.

    ``permission`` is asked of the :class:`ActionSet`'s policy. The action is offered
    while the record's ``status`` is one of ``statuses``, or, for rules a status
    cannot express, while ``available_when(obj)`` is true. ``run(obj, user,
    cleaned_data)`` calls the service; ``success_message`` may name the record's
    ``%(code)s``. The form of a ``multipart`` action uploads files; the button of a
    ``destructive`` one is styled as a refusal and kept in the "more" menus. An
    action with ``in_listing=False`` is not offered on list rows (say, when deciding
    whether it is available costs a query per record).
    """

    name: str
    label: str
    permission: str
    form_class: type
    success_message: str
    run: Callable
    statuses: frozenset = frozenset()
    available_when: Callable | None = None
    multipart: bool = False
    destructive: bool = False
    in_listing: bool = True

    def is_available(self, obj):
        """Whether the action applies to ``obj`` in its current state."""
        if self.available_when is not None:
            return bool(self.available_when(obj))
        return obj.status in self.statuses


class ActionSet:
    """An app's processing actions, in the order they are offered.

    ``policy`` answers ``user_has_permission(user, permission)`` for each action's
    ``permission``: a Wagtail permission policy, or any object with that method.
    """

    def __init__(self, actions, policy):
        self._actions = {}
        for action in actions:
            if action.name in self._actions:
                raise ImproperlyConfigured(
                    f"Two processing actions are named {action.name!r}."
                )
            self._actions[action.name] = action
        self.policy = policy

    def __iter__(self):
        return iter(self._actions.values())

    def get(self, name):
        """The action called ``name``, or ``None``."""
        return self._actions.get(name)

    def may_take(self, user, action):
        """Whether ``user`` holds the permission ``action`` needs."""
        return self.policy.user_has_permission(user, action.permission)

    def available(self, user, obj, listing=False):
        """The actions ``user`` may take on ``obj`` in its current state.

        With ``listing``, only those offered on list rows.
        """
        return [
            action
            for action in self
            if (action.in_listing or not listing)
            and action.is_available(obj)
            and self.may_take(user, action)
        ]


def action_url(url_namespace, obj, action):
    """The URL of ``action``'s page for ``obj`` in the viewset ``url_namespace``."""
    return reverse(f"{url_namespace}:action", args=[quote(obj.pk), action.name])


# What the top of every processing page says about the record.


class RecordSummary:
    """The status and the running deadlines of a record, for the top of its pages.

    By default the one deadline is the record's stored ``batas_waktu`` (the deadline
    now running), labelled ``deadline_label``; override :meth:`deadlines` to list
    others.
    """

    default_deadline_label = _("Batas waktu berjalan")

    def __init__(self, deadline_label=None):
        self.deadline_label = deadline_label or self.default_deadline_label

    def deadlines(self, obj):
        """``(label, date)`` of each deadline now running."""
        deadline = getattr(obj, "batas_waktu", None)
        return [(self.deadline_label, deadline)] if deadline else []

    def get_context(self, obj):
        """``status`` (readable) and ``deadlines``: each with its ``label``, its
        ``DeadlineStatus`` (``status``) and the working days it is ``late``."""
        rows = []
        for label, deadline in self.deadlines(obj):
            status = status_against(deadline)
            rows.append(
                {
                    "label": label,
                    "status": status,
                    "late": -status.working_days_left if status.is_overdue else 0,
                }
            )
        return {"status": obj.get_status_display(), "deadlines": rows}


# The page of one action.


def add_service_errors(form, error):
    """Put a service's ``ValidationError`` on the form: each message beside its field
    when the service names one the form has, the others above the fields."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ProcessingActionView(WagtailAdminTemplateMixin, TemplateView):
    """The admin page of one processing action: the record's summary and the form.

    GET shows the form; a POST the form or the service refuses shows it again with
    every typed value and the errors beside their fields (files must be chosen
    again); a POST that succeeds returns to the record's detail view with a success
    message. An action the user may not take is refused (permission denied); one not
    available in the record's state changes nothing and says so.

    Subclasses set ``form_object_kwarg`` (the actions' forms take the record under
    this name) and implement :meth:`get_object`; the viewset passes
    ``processing_actions`` (an :class:`ActionSet`), ``url_namespace``,
    ``record_summary`` (a :class:`RecordSummary`) and ``brief_template_name`` (the
    app's few lines about the record shown above the form, optional).
    """

    http_method_names = ["get", "post"]
    template_name = "portal/admin/processing_action.html"
    model = None
    header_icon = ""
    index_url_name = None
    url_namespace = None
    processing_actions = None
    record_summary = None
    brief_template_name = None
    form_object_kwarg = None
    unavailable_message = _("Tindakan “%(action)s” tidak tersedia untuk status ini.")
    error_message = _(
        "Tindakan “%(action)s” belum dijalankan: periksa isian yang ditandai."
    )
    files_again_help = _(
        "Pilih ulang berkas: berkas yang tadi dipilih tidak disimpan karena isian "
        "belum lengkap."
    )

    def get_object(self, request, pk):
        """The record ``pk`` in the user's scope (404 outside it)."""
        raise NotImplementedError

    def may_take(self, user, action):
        return self.processing_actions.may_take(user, action)

    def dispatch(self, request, pk, action):
        self.action = self.processing_actions.get(action)
        if self.action is None:
            raise Http404
        self.object = self.get_object(request, pk)
        if not self.may_take(request.user, self.action):
            raise PermissionDenied
        if not self.action.is_available(self.object):
            messages.error(
                request, self.unavailable_message % {"action": self.action.label}
            )
            return redirect(self.detail_url)
        return super().dispatch(request, pk, action)

    @cached_property
    def detail_url(self):
        return reverse(f"{self.url_namespace}:inspect", args=[quote(self.object.pk)])

    # The form.

    def get_form_kwargs(self):
        kwargs = {self.form_object_kwarg: self.object, "prefix": self.action.name}
        if self.request.method == "POST":
            kwargs.update(data=self.request.POST, files=self.request.FILES)
        return kwargs

    def get_form(self):
        return self.action.form_class(**self.get_form_kwargs())

    def ask_for_files_again(self, form):
        """Say beside each file field given a file that it must be chosen again."""
        for name, field in form.fields.items():
            if form.add_prefix(name) not in self.request.FILES:
                continue
            help_text = f"{field.help_text} {self.files_again_help}".strip()
            field.help_text = form[name].help_text = help_text

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            try:
                self.action.run(self.object, request.user, form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    self.action.success_message % {"code": self.object.kode_lacak},
                )
                return redirect(self.detail_url)
        return self.form_invalid(form)

    def form_invalid(self, form):
        messages.error(self.request, self.error_message % {"action": self.action.label})
        self.ask_for_files_again(form)
        return self.render_to_response(self.get_context_data(form=form))

    # The page.

    def get_page_title(self):
        return self.action.label

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        items = []
        if self.index_url_name:
            items.append(
                {
                    "url": reverse(self.index_url_name),
                    "label": capfirst(self.object._meta.verbose_name_plural),
                }
            )
        items += [
            {"url": self.detail_url, "label": self.object.kode_lacak},
            {"url": "", "label": self.action.label, "sublabel": str(self.object)},
        ]
        return self.breadcrumbs_items + items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        summary = self.record_summary or RecordSummary()
        context.update(
            {
                "object": self.object,
                "action": self.action,
                "summary": summary.get_context(self.object),
                "detail_url": self.detail_url,
                "brief_template_name": self.brief_template_name,
                "media": kwargs["form"].media,
            }
        )
        return context
