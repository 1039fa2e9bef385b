from django.urls import reverse
from django.views.generic import TemplateView

from portal.base_url import absolute_url


class RobotsView(TemplateView):
    """robots.txt: everything public may be crawled except the admin, APIs and search."""

    template_name = "robots.txt"
    content_type = "text/plain"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sitemap_url=absolute_url(reverse("sitemap")), **kwargs
        )
