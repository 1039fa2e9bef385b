"""Processing actions on admin detail views, described once for every app.

An app lists its actions as :class:`Action` entries of an :class:`ActionSet` (label,
permission, when available, form class, service call) with the permission policy
that says who may take them; :class:`ProcessingActionView` runs one of them and
``portal.admin_views.ProcessingDetailView`` offers those available.
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
from django.utils.translation import gettext_lazy as _
from django.views import View

from portal.validators import validation_messages


@dataclass(frozen=True)
class Action:
    """One processing action: who may take it, when, its form and its service call.

    ``permission`` is asked of the :class:`ActionSet`'s policy. The action is offered
    while the record's ``status`` is one of ``statuses``, or, for rules a status
    cannot express, while ``available_when(obj)`` is true. ``run(obj, user,
    cleaned_data)`` calls the service; ``success_message`` may name the record's
    ``%(code)s``. The form of a ``multipart`` action uploads files; the button of a
    ``destructive`` one is styled as a refusal.
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

    def available(self, user, obj):
        """The actions ``user`` may take on ``obj`` in its current state."""
        return [
            action
            for action in self
            if action.is_available(obj) and self.may_take(user, action)
        ]


class ProcessingActionView(View):
    """Runs one action (POST) through its service, then returns to the detail view.

    Subclasses (or the viewset) set ``processing_actions`` (an :class:`ActionSet`)
    and ``form_object_kwarg`` (the actions' forms take the record under this name),
    and implement :meth:`get_object`. An action the user may not take is refused
    (permission denied); one not available in the record's state changes nothing and
    says so.
    """

    http_method_names = ["post"]
    url_namespace = None
    processing_actions = None
    form_object_kwarg = None
    unavailable_message = _("Tindakan “%(action)s” tidak tersedia untuk status ini.")

    def get_object(self, request, pk):
        """The record ``pk`` in the user's scope (404 outside it)."""
        raise NotImplementedError

    def may_take(self, user, action):
        return self.processing_actions.may_take(user, action)

    def post(self, request, pk, action):
        spec = self.processing_actions.get(action)
        if spec is None:
            raise Http404
        item = self.get_object(request, pk)
        if not self.may_take(request.user, spec):
            raise PermissionDenied
        detail_url = reverse(f"{self.url_namespace}:inspect", args=[quote(pk)])
        if not spec.is_available(item):
            messages.error(request, self.unavailable_message % {"action": spec.label})
            return redirect(detail_url)
        form = spec.form_class(
            request.POST,
            request.FILES,
            prefix=spec.name,
            **{self.form_object_kwarg: item},
        )
        if not form.is_valid():
            for message in validation_messages(form.errors):
                messages.error(request, message)
            return redirect(detail_url)
        try:
            spec.run(item, request.user, form.cleaned_data)
        except ValidationError as error:
            for message in validation_messages(error):
                messages.error(request, message)
        else:
            messages.success(request, spec.success_message % {"code": item.kode_lacak})
        return redirect(detail_url)
