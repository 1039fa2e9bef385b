"""Open311 GeoReport v2 URLs; every endpoint answers in ``.json`` or ``.xml``."""

from django.urls import re_path

from pengaduan.open311 import views

app_name = "open311"

FORMAT = r"\.(?P<response_format>json|xml)$"

urlpatterns = [
    re_path(rf"^discovery{FORMAT}", views.discovery, name="discovery"),
    re_path(rf"^services{FORMAT}", views.service_list, name="services"),
    re_path(
        rf"^services/(?P<service_code>[-\w]+){FORMAT}",
        views.service_definition,
        name="service-definition",
    ),
    re_path(rf"^requests{FORMAT}", views.service_requests, name="requests"),
    re_path(
        rf"^requests/(?P<service_request_id>[^/]+?){FORMAT}",
        views.service_request_detail,
        name="request",
    ),
    re_path(rf"^tokens/(?P<token>[^/]+?){FORMAT}", views.token_detail, name="token"),
    re_path(r"^.*$", views.not_found),
]
