"""Citizen-typed search text as a query every Wagtail search backend accepts.

Wagtail's database backend hands a plain string to the database's own query
language: SQLite FTS5 refuses a lone ``"`` or ``*`` and PostgreSQL's ``to_tsquery``
reads operator characters. :func:`safe_search_query` keeps only the words (letters
and digits, any script), bounded in length and number, and builds Wagtail's own
query objects from them: words become one :class:`~wagtail.search.query.PlainText`
(every word must match), a part between a pair of double quotes a
:class:`~wagtail.search.query.Phrase`. Every search box of the portal (site search,
e-pasar catalogue, service API, content API) goes through it.
"""

import re

from wagtail.search.query import And, Phrase, PlainText

#: Characters of citizen text read; the rest is ignored.
MAX_QUERY_LENGTH = 200
#: Words searched for; more only make the query slower, never the results better.
MAX_TERMS = 16

# A word: letters and digits of any script, without the underscore.
_WORD = re.compile(r"[^\W_]+")


def search_words(text, max_terms=MAX_TERMS):
    """The words of ``text`` (letters and digits only), at most ``max_terms``."""
    return _WORD.findall(str(text or ""))[:max_terms]


def safe_search_query(text, *, operator="and", max_length=MAX_QUERY_LENGTH):
    """``text`` as a Wagtail search query that cannot be a syntax error on any
    backend, or ``None`` when it holds no word to search for.

    Quotes, operators (``AND``, ``OR``, ``NEAR`` are searched as words), ``*``,
    ``-``, ``:`` and every other sign are dropped; a part between a pair of double
    quotes stays a phrase. ``operator`` (``"and"`` or ``"or"``) joins the words
    outside phrases.
    """
    text = str(text or "")[:max_length]
    parts = text.split('"')
    if len(parts) % 2 == 0:
        # An unpaired quote opens no phrase: its text is searched as words.
        parts[-2:] = [" ".join(parts[-2:])]
    words, phrases = [], []
    budget = MAX_TERMS
    for position, part in enumerate(parts):
        part_words = search_words(part, budget)
        budget -= len(part_words)
        if not part_words:
            continue
        if position % 2 and len(part_words) > 1:
            phrases.append(Phrase(" ".join(part_words)))
        else:
            words.extend(part_words)
    subqueries = list(phrases)
    if words:
        subqueries.insert(0, PlainText(" ".join(words), operator=operator))
    if not subqueries:
        return None
    return subqueries[0] if len(subqueries) == 1 else And(subqueries)
