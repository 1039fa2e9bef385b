"""A spelling suggestion ("Mungkin maksud Anda: banjir?") for a search that found
nothing.

The words a reader can mean are the words of the titles the site shows: live,
public pages and live service standards. Each typed word that is not one of them
is replaced by the closest one. On PostgreSQL the ``pg_trgm`` extension (enabled by
``search/migrations/0001_trigram_extension.py``) ranks titles by trigram word
similarity in the database; elsewhere (SQLite) :mod:`difflib` compares the words of
a bounded number of recent titles. Both give "banjir" for "bajir".
"""

import difflib

from django.db import connection

from portal.search_query import search_words

#: How close a word must be to be suggested (difflib ratio; "bajir"/"banjir" 0.91).
MIN_RATIO = 0.75
#: Trigram word similarity a title needs to be read on PostgreSQL.
MIN_TRIGRAM_SIMILARITY = 0.4
#: Titles read per word on PostgreSQL, and in all on other databases.
TITLES_PER_WORD = 10
MAX_TITLES = 2000
#: Words of a query that are corrected; a longer query is left as typed.
MAX_WORDS = 6
#: Shorter words are never corrected: too many near neighbours.
MIN_WORD_LENGTH = 4


def _titles(querysets, field_names, similar_to=None):
    """Titles of ``querysets`` (``field_names`` name each one's title field), the
    most recent first; ``similar_to`` keeps those close to a word (pg_trgm)."""
    titles = []
    for queryset, field_name in zip(querysets, field_names, strict=True):
        if similar_to is not None:
            from django.contrib.postgres.search import TrigramWordSimilarity

            queryset = (
                queryset.annotate(
                    similarity=TrigramWordSimilarity(similar_to, field_name)
                )
                .filter(similarity__gte=MIN_TRIGRAM_SIMILARITY)
                .order_by("-similarity")
            )[:TITLES_PER_WORD]
        else:
            queryset = queryset.order_by("-pk")[:MAX_TITLES]
        titles.extend(queryset.values_list(field_name, flat=True))
    return titles


def _vocabulary(titles):
    return {word.lower() for title in titles for word in search_words(title, 50)}


def _closest(word, vocabulary):
    if word in vocabulary:
        return word
    matches = difflib.get_close_matches(word, vocabulary, n=1, cutoff=MIN_RATIO)
    return matches[0] if matches else word


def suggest(text, sources):
    """A corrected ``text``, or ``""`` when every word is already a known one.

    ``sources`` is a list of (queryset, title field name) pairs: what the reader
    may find. The number of queries depends on the words typed, not on the rows.
    """
    words = [word.lower() for word in search_words(text)]
    if not words or len(words) > MAX_WORDS:
        return ""
    querysets = [queryset for queryset, _field in sources]
    field_names = [field_name for _queryset, field_name in sources]
    on_postgresql = connection.vendor == "postgresql"
    shared = None if on_postgresql else _vocabulary(_titles(querysets, field_names))
    corrected = []
    for word in words:
        if len(word) < MIN_WORD_LENGTH or word.isdigit():
            corrected.append(word)
            continue
        vocabulary = shared
        if on_postgresql:
            vocabulary = _vocabulary(_titles(querysets, field_names, similar_to=word))
        corrected.append(_closest(word, vocabulary))
    return " ".join(corrected) if corrected != words else ""
