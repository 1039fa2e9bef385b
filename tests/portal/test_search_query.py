"""Citizen-typed text becomes a Wagtail query of words only, bounded, or nothing."""

import pytest
from wagtail.search.query import And, Phrase, PlainText

from portal.search_query import MAX_TERMS, safe_search_query, search_words


def test_words_keep_letters_and_digits_of_any_script():
    assert search_words("KTP-el (Stabat): 2026*") == ["KTP", "el", "Stabat", "2026"]
    assert search_words("Pelayanan ümit 東京") == ["Pelayanan", "ümit", "東京"]


@pytest.mark.parametrize("text", ['"', "'", "*", "-", "(", ")", ":", "  ", "🙂", "_"])
def test_text_without_a_word_is_no_query(text):
    assert safe_search_query(text) is None


def test_operators_are_searched_as_plain_words():
    query = safe_search_query('banjir AND "stabat OR NEAR(')
    assert isinstance(query, PlainText)
    assert query.query_string == "banjir AND stabat OR NEAR"
    assert query.operator == "and"


def test_a_part_between_paired_quotes_is_a_phrase():
    query = safe_search_query('jadwal "bantuan sosial" stabat')
    assert isinstance(query, And)
    plain, phrase = query.subqueries
    assert plain.query_string == "jadwal stabat"
    assert isinstance(phrase, Phrase)
    assert phrase.query_string == "bantuan sosial"


def test_length_and_number_of_words_are_bounded():
    assert len(safe_search_query("a" * 500).query_string) == 200
    query = safe_search_query(" ".join(f"kata{n}" for n in range(100)))
    assert len(query.query_string.split()) == MAX_TERMS
