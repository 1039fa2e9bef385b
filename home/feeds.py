import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from portal.base_url import page_url


class BeritaFeed(Feed):
    """The newest news articles as an Atom feed, every link on ``PORTAL_BASE_URL``
    (not on the host the feed reader asked)."""

    feed_type = Atom1Feed
    item_count = 20

    def get_object(self, request, index_page):
        self.request = request
        return index_page

    def title(self, index_page):
        return index_page.title

    def link(self, index_page):
        return page_url(index_page)

    def feed_url(self, index_page):
        return page_url(index_page) + index_page.reverse_subpage("feed")

    def subtitle(self, index_page):
        return index_page.introduction or index_page.search_description

    def items(self, index_page):
        return index_page.articles().prefetch_related("tags")[: self.item_count]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return page_url(article)

    def item_pubdate(self, article):
        return article.first_published_at or self._news_date(article)

    def item_updateddate(self, article):
        return article.last_published_at or self.item_pubdate(article)

    @staticmethod
    def _news_date(article):
        # Pages created in code (imports, demo) may have no publication record.
        return datetime.datetime.combine(
            article.tanggal, datetime.time(), tzinfo=timezone.get_current_timezone()
        )

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]


def berita_feed(request, index_page):
    """The Atom feed of ``index_page``'s articles (its ``feed/`` route)."""
    return BeritaFeed()(request, index_page=index_page)
