from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api
from config.content_api import content_api
from layanan.verification import verification_page
from portal.health import ReadinessView, liveness
from portal.views import RobotsView
from search import views as search_views

urlpatterns = [
    # Probes of load balancers and orchestrators (portal.health): no login, no cache.
    path("healthz", liveness, name="healthz"),
    path("readyz", ReadinessView.as_view(), name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("api/v2/", content_api.urls),
    path("api/portal/v1/", api.urls),
    path("open311/v2/", include("pengaduan.open311.urls")),
    path("cari/", search_views.search, name="search"),
    path("verifikasi/<str:code>/", verification_page, name="verifikasi_surat"),
    path("akun/", include("pasar.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
