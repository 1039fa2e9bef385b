"""Processing actions on admin detail views: one POST view shared by every app.

An app describes its actions (label, form class, service call, when available) and
tells the view how to find the object in the user's scope and who may act.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from portal.validators import validation_messages


class ProcessingActionView(View):
    """Runs one action (POST) through its service, then returns to the detail view.

    Subclasses set ``actions`` (name -> action with ``label``, ``form_class``, ``run``,
    ``success_message``, ``is_available(obj)``) and ``form_object_kwarg``, and implement
    ``get_object`` (404 outside the user's scope) and ``may_take``.
    """

    http_method_names = ["post"]
    url_namespace = None
    actions = {}
    form_object_kwarg = None
    unavailable_message = _("Tindakan “%(action)s” tidak tersedia untuk status ini.")

    def get_object(self, request, pk):
        raise NotImplementedError

    def may_take(self, user, action):
        raise NotImplementedError

    def post(self, request, pk, action):
        spec = self.actions.get(action)
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
