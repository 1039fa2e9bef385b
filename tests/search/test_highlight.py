"""Search results mark the words that matched, without letting HTML through."""

from search.templatetags.search_tags import highlight


def test_every_query_word_is_marked_whatever_its_case():
    assert highlight("Jadwal Banjir di Stabat", "banjir stabat") == (
        "Jadwal <mark>Banjir</mark> di <mark>Stabat</mark>"
    )


def test_html_in_the_text_and_the_query_is_escaped():
    marked = highlight("<b>Banjir</b> & longsor", "<b> banjir")
    assert marked == (
        "<mark>&lt;b&gt;</mark><mark>Banjir</mark>&lt;/b&gt; &amp; longsor"
    )


def test_without_a_query_the_text_is_only_escaped():
    assert highlight("Dinas <PUPR>", "") == "Dinas &lt;PUPR&gt;"
    assert highlight("Dinas", "a") == "Dinas"
