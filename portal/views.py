from django.views.generic import TemplateView


class RobotsView(TemplateView):
    """robots.txt: everything public may be crawled except the admin, APIs and search."""

    template_name = "robots.txt"
    content_type = "text/plain"
