"""The Content-Security-Policy: strict on the public site, looser in the Wagtail admin.

django-csp builds the header from ``CONTENT_SECURITY_POLICY`` (enforced) and
``CONTENT_SECURITY_POLICY_REPORT_ONLY``. The public templates have no inline script
or style, so their policy allows scripts from the site itself (and a nonce, for a
template that needs ``{{ CSP_NONCE }}``) and nothing inline. Wagtail's admin uses
inline scripts and style attributes; under ``CSP_ADMIN_PATH_PREFIXES`` the
middleware swaps in ``CSP_ADMIN_DIRECTIVES`` instead of dropping the header, so the
admin keeps ``frame-ancestors``, ``form-action``, ``base-uri`` and ``object-src``.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin policy for admin paths."""

    def get_policy_parts(self, request, response, report_only=False):
        """The policy for this response; admin paths get ``CSP_ADMIN_DIRECTIVES``."""
        parts = super().get_policy_parts(request, response, report_only=report_only)
        setting = (
            "CONTENT_SECURITY_POLICY_REPORT_ONLY"
            if report_only
            else "CONTENT_SECURITY_POLICY"
        )
        # A view's own decorator wins; a header that is not configured stays off.
        if parts.config is None and getattr(settings, setting, None):
            prefixes = tuple(getattr(settings, "CSP_ADMIN_PATH_PREFIXES", ()))
            if prefixes and request.path_info.startswith(prefixes):
                parts.config = default_config(settings.CSP_ADMIN_DIRECTIVES)
        return parts
