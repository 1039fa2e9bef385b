"""Response headers for citizens' private pages (secret links, confirmations, files)."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

PRIVATE_CACHE_CONTROL = "private, no-cache, no-store, max-age=0"

#: Pages and redirects whose address holds a secret token: browsers send no referrer.
NO_REFERRER = "no-referrer"

#: Pages with a POST form: the path (with the secret token) never leaves the page,
#: but the origin does, as browsers send ``Origin: null`` under ``no-referrer`` and
#: Django's CSRF check refuses that.
FORM_REFERRER_POLICY = "strict-origin"


def _set_private_headers(response, referrer_policy=None, noindex=False):
    del response["Cache-Control"]
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    if referrer_policy:
        response["Referrer-Policy"] = referrer_policy
    if noindex:
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def private(response, referrer_policy=None, noindex=False):
    """Mark ``response`` private and uncacheable, also after ``BasePage.serve``.

    Template responses get the headers again once rendered (after ``serve`` patched
    them); other responses are wrapped so the handler's render step does the same.
    """
    _set_private_headers(response, referrer_policy, noindex)
    if isinstance(response, TemplateResponse):
        response.add_post_render_callback(
            lambda rendered: _set_private_headers(rendered, referrer_policy, noindex)
        )
    else:
        # Django renders any response with a callable ``render`` after the view chain.
        response.render = lambda: _set_private_headers(
            response, referrer_policy, noindex
        )
    return response


def private_redirect(url, referrer_policy=None):
    """A POST/redirect/GET redirect that no shared cache keeps."""
    return private(HttpResponseRedirect(url), referrer_policy=referrer_policy)
