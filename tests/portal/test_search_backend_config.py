"""Search runs on the database unless SEARCH_URL names an OpenSearch/Elasticsearch
cluster, whose index then analyses text as Indonesian (config/search_backend.py).
No cluster runs here: Wagtail's backend is built from the setting, which connects to
nothing until it searches or indexes."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.search.backends import get_search_backend

from config.search_backend import search_backends
from ppid.models import InformasiPublikPage

CLUSTER = {
    "SEARCH_URL": "https://portal:rahasia@search.langkatkab.go.id:9200",
    "SEARCH_INDEX_PREFIX": "langkat_uji_",
}


def test_without_a_search_url_search_stays_in_the_database():
    assert search_backends({}) == {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            "SEARCH_CONFIG": "indonesian",
        }
    }


def test_a_search_url_selects_opensearch_with_the_indonesian_analyzer_by_default():
    backend = search_backends(CLUSTER)["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert backend["URLS"] == [CLUSTER["SEARCH_URL"]]
    assert backend["INDEX_PREFIX"] == "langkat_uji_"
    analyzers = backend["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]
    assert analyzers["default"] == {"type": "indonesian"}


@pytest.mark.parametrize(
    "engine", ["opensearch2", "elasticsearch7", "elasticsearch8", "elasticsearch9"]
)
def test_search_backend_picks_another_engine_wagtail_ships(engine):
    backend = search_backends({**CLUSTER, "SEARCH_BACKEND": engine})["default"]
    assert backend["BACKEND"] == f"wagtail.search.backends.{engine}"


def test_several_nodes_and_the_default_prefix():
    backend = search_backends(
        {"SEARCH_URL": "http://10.1.0.5:9200, http://10.1.0.6:9200"}
    )["default"]
    assert backend["URLS"] == ["http://10.1.0.5:9200", "http://10.1.0.6:9200"]
    assert backend["INDEX_PREFIX"] == "portal_langkat_"


def test_an_unknown_engine_is_refused_at_start():
    with pytest.raises(ImproperlyConfigured, match="solr"):
        search_backends({**CLUSTER, "SEARCH_BACKEND": "solr"})


def test_wagtail_builds_the_opensearch_backend_with_indonesian_text_fields(settings):
    settings.WAGTAILSEARCH_BACKENDS = search_backends(CLUSTER)
    backend = get_search_backend("default")

    # The credentials and TLS come from the URL; indices carry the prefix.
    assert backend.hosts == [
        {
            "host": "search.langkatkab.go.id",
            "port": 9200,
            "url_prefix": "",
            "use_ssl": True,
            "verify_certs": True,
            "http_auth": ("portal", "rahasia"),
        }
    ]
    index = backend.get_index_for_model(InformasiPublikPage)
    assert index.name == "langkat_uji_wagtailcore_page"

    # Wagtail's own analyzers stay beside the Indonesian default.
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {"type": "indonesian"}
    assert {"ngram_analyzer", "edgengram_analyzer"} <= set(analysis["analyzer"])

    # Text fields (but the autocomplete n-grams) name no analyzer of their own, so
    # the index default applies.
    properties = backend.mapping_class(InformasiPublikPage).get_mapping()["properties"]
    text_fields = {
        name: mapping
        for name, mapping in properties.items()
        if mapping.get("type") == "text" and not name.endswith("_edgengrams")
    }
    assert {
        "title",
        "ppid_informasipublikpage__ringkasan",
        "_all_text",
    } <= set(text_fields)
    assert all("analyzer" not in mapping for mapping in text_fields.values())
