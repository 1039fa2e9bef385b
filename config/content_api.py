"""Wagtail's content API v2 at /api/v2/: live pages, images and documents."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Pages endpoint that loads each page's locale with the page, not once per item.

    Products of UMKM not yet verified are live pages the public site does not show
    (DESIGN 4.5); the API leaves them out too.
    """

    def get_queryset(self):
        from pasar.catalogue import unlisted_product_ids

        return (
            super()
            .get_queryset()
            .exclude(pk__in=unlisted_product_ids())
            .select_related("locale")
        )


content_api = WagtailAPIRouter("wagtailapi")
content_api.register_endpoint("pages", PortalPagesAPIViewSet)
content_api.register_endpoint("images", ImagesAPIViewSet)
content_api.register_endpoint("documents", DocumentsAPIViewSet)
