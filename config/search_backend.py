"""Which search engine Wagtail uses, from the environment.

By default the database backend: PostgreSQL full text with the ``indonesian``
configuration (other databases ignore it). With ``SEARCH_URL`` set, one of the
Elasticsearch/OpenSearch backends Wagtail ships, whose index analyses text with the
engine's built-in ``indonesian`` analyzer (Indonesian stop words and stemming: "jalan",
"perjalanan" and "berjalan" meet), under the ``SEARCH_INDEX_PREFIX`` of this
installation. After switching, fill the index with ``manage.py update_index``.
"""

from django.core.exceptions import ImproperlyConfigured

#: ``SEARCH_BACKEND`` values: Wagtail 8's Elasticsearch and OpenSearch backends.
#: requirements.txt installs the OpenSearch 3 client (opensearch-py 3); the others
#: need their own client (``elasticsearch`` 7, 8 or 9, ``opensearch-py`` 2).
SEARCH_ENGINES = {
    "opensearch3": "wagtail.search.backends.opensearch3",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch7": "wagtail.search.backends.elasticsearch7",
}
DEFAULT_SEARCH_ENGINE = "opensearch3"
DEFAULT_INDEX_PREFIX = "portal_langkat_"

#: Every text field without an analyzer of its own (Wagtail gives its fields none,
#: except the autocomplete n-grams) is analysed, and searched, as Indonesian.
INDONESIAN_INDEX_SETTINGS = {
    "settings": {"analysis": {"analyzer": {"default": {"type": "indonesian"}}}}
}


def search_backends(environ):
    """The ``WAGTAILSEARCH_BACKENDS`` setting for ``environ`` (``os.environ``)."""
    url = environ.get("SEARCH_URL", "").strip()
    if not url:
        return {
            "default": {
                "BACKEND": "wagtail.search.backends.database",
                # PostgreSQL stems Indonesian words; other databases ignore this.
                "SEARCH_CONFIG": "indonesian",
            }
        }
    engine = environ.get("SEARCH_BACKEND", "").strip() or DEFAULT_SEARCH_ENGINE
    if engine not in SEARCH_ENGINES:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND={engine!r}: choose one of {', '.join(SEARCH_ENGINES)}."
        )
    return {
        "default": {
            "BACKEND": SEARCH_ENGINES[engine],
            # Several nodes of one cluster: comma-separated.
            "URLS": [node.strip() for node in url.split(",") if node.strip()],
            "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "").strip()
            or DEFAULT_INDEX_PREFIX,
            "INDEX_SETTINGS": INDONESIAN_INDEX_SETTINGS,
        }
    }
