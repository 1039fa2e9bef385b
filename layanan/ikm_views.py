"""IKM figures on the public site (a route of the e-kecamatan page) and in the admin.

Both show the same report (:mod:`layanan.ikm_report`) for a chosen period, with a
CSV download. Figures are public, so every officer of e-kecamatan may see every
kecamatan's IKM in the admin.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from layanan.ikm import GRADES
from layanan.ikm_report import (
    BAR_ROW_HEIGHT,
    element_bars,
    period_form,
    report_csv,
    report_for,
)
from layanan.viewsets import E_KECAMATAN_MENU_HOOK
from portal.csv_export import csv_response
from portal.roles import ADMIN_PORTAL, EDITOR_LAYANAN, PETUGAS_KECAMATAN, group_names
from portal.routes import page_context

ADMIN_URL_NAMESPACE = "layanan_ikm"
ADMIN_ROLES = {ADMIN_PORTAL, PETUGAS_KECAMATAN, EDITOR_LAYANAN}


def _report_context(query):
    form = period_form(query)
    report = report_for(form)
    bars = element_bars(report.overall)
    csv_query = query.copy()
    csv_query.pop("format", None)
    return {
        "form": form,
        "report": report,
        "bars": bars,
        "chart_height": len(bars) * BAR_ROW_HEIGHT,
        "grades": [(grade, label, lowest) for lowest, grade, label in GRADES],
        "csv_query": csv_query.urlencode(),
    }


def _csv_response(query, prefix):
    report = report_for(period_form(query))
    suffix = f"-{report.kecamatan.slug}" if report.kecamatan is not None else ""
    return csv_response(
        report_csv(report), f"{prefix}-{report.period.slug}{suffix}.csv"
    )


# Public site ---------------------------------------------------------------------


def public_ikm(request, page):
    """IKM of a period: overall with grade, element chart, per kecamatan and service."""
    context = _report_context(request.GET)
    csv_url = page.url + page.reverse_subpage("ikm_csv")
    if context["csv_query"]:
        csv_url += "?" + context["csv_query"]
    return TemplateResponse(
        request,
        "layanan/ikm.html",
        page_context(page, csv_url=csv_url, **context),
    )


def public_ikm_csv(request, page):
    """The public IKM figures of a period as CSV."""
    return _csv_response(request.GET, "ikm-e-kecamatan")


# Admin ---------------------------------------------------------------------------


def can_view_ikm(user):
    """Admin Portal, Petugas Kecamatan and Editor Layanan (and superusers)."""
    return user.is_active and (
        user.is_superuser or bool(ADMIN_ROLES & group_names(user))
    )


class IKMPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_view_ikm(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class IKMAdminView(IKMPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The IKM report in the admin, with the same figures as the public page."""

    template_name = "layanan/admin/ikm.html"
    page_title = _("Indeks Kepuasan Masyarakat")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(_report_context(self.request.GET))
        context["csv_url"] = reverse(f"{ADMIN_URL_NAMESPACE}:csv")
        if context["csv_query"]:
            context["csv_url"] += "?" + context["csv_query"]
        return context


class IKMCsvView(IKMPermissionMixin, View):
    http_method_names = ["get"]

    def get(self, request):
        return _csv_response(request.GET, "ikm-e-kecamatan")


class IKMMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_ikm(request.user)


class IKMReportViewSet(ViewSet):
    """The admin menu item and URLs of the IKM report."""

    name = ADMIN_URL_NAMESPACE
    icon = "table"
    menu_label = _("Indeks Kepuasan (IKM)")
    menu_order = 300
    #: Joins the "e-kecamatan" admin menu.
    menu_hook = E_KECAMATAN_MENU_HOOK

    @property
    def menu_item_class(self):
        return IKMMenuItem

    def get_urlpatterns(self):
        return [
            path("", IKMAdminView.as_view(), name="index"),
            path("csv/", IKMCsvView.as_view(), name="csv"),
        ]
