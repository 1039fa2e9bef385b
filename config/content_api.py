"""Wagtail's content API v2 at /api/v2/: live pages, images and documents."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from pasar.catalogue import exclude_hidden_products


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Pages endpoint that loads each page's locale with the page, not once per item.

    Products outside ``ProdukPage.objects.visible_to_public()`` (those of UMKM not
    verified) are live pages the public site does not show (DESIGN 4.5); the API
    leaves them out too, in the same query.
    """

    def get_queryset(self):
        return exclude_hidden_products(super().get_queryset()).select_related("locale")


content_api = WagtailAPIRouter("wagtailapi")
content_api.register_endpoint("pages", PortalPagesAPIViewSet)
content_api.register_endpoint("images", ImagesAPIViewSet)
content_api.register_endpoint("documents", DocumentsAPIViewSet)
