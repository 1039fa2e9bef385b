"""Refuse input that holds a NUL character, before it reaches a view.

PostgreSQL cannot store NUL (``\\x00``) in text and raises on any query that carries
one, so a NUL in a search word, a filter or a submitted field would answer 500 there
(SQLite accepts it). No citizen types one: the request is answered 400, in the
service API's error format under ``/api/``, in Open311's under ``/open311/``.
"""

import json

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from portal.api_errors import error_response

NUL = "\x00"


def _has_nul(request):
    sources = [request.GET]
    # Multipart bodies are left to the views, which parse them with their own error
    # handling; their text fields go through Django forms, which refuse NUL.
    if (
        request.method == "POST"
        and request.content_type == "application/x-www-form-urlencoded"
    ):
        sources.append(request.POST)
    for querydict in sources:
        for key, values in querydict.lists():
            if NUL in key or any(NUL in value for value in values):
                return True
    return _json_has_nul(request)


def _json_has_nul(request):
    if request.content_type != "application/json" or not request.body:
        return False
    try:
        data = json.loads(request.body)
    except ValueError:
        return False  # The view answers malformed JSON itself.
    return _json_holds_nul(data)


def _json_holds_nul(value):
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(_json_holds_nul(k) or _json_holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_json_holds_nul(item) for item in value)
    return False


class RejectNullCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return self.refusal(request)
        return self.get_response(request)

    def refusal(self, request):
        message = _("Isian tidak boleh memuat karakter NUL.")
        if request.path.startswith("/api/"):
            return error_response(request, 400, message)
        if request.path.startswith("/open311/"):
            return JsonResponse(
                [{"code": 400, "description": message}], safe=False, status=400
            )
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
