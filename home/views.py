"""Public views hosted by the routable index pages of the home app."""

from django.db.models import Prefetch
from django.template.response import TemplateResponse
from wagtail.images import get_image_model

from portal.pagination import paginate
from portal.routes import page_context

BERITA_PER_PAGE = 10
#: The rendition home/components/article_card.html shows for each article.
ARTICLE_CARD_RENDITION = "fill-640x360|format-webp"


def prefetch_card_renditions(articles):
    """``articles`` with the card rendition of their images fetched in one query."""
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec=ARTICLE_CARD_RENDITION)
    )
    return articles.prefetch_related(
        Prefetch(
            "image__renditions", queryset=renditions, to_attr="prefetched_renditions"
        )
    )


def berita_index(request, index_page):
    """News articles, newest first, optionally filtered by one tag."""
    articles = prefetch_card_renditions(index_page.articles())
    tag = request.GET.get("tag", "").strip()[:100]
    if tag:
        articles = articles.filter(tags__slug=tag)
    return TemplateResponse(
        request,
        "home/berita_index_page.html",
        {
            **page_context(index_page),
            "tag": tag,
            "articles": paginate(request, articles, BERITA_PER_PAGE),
        },
    )
