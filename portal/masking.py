"""One masker for personal data in citizens' free text shown to the public.

Every public rendering of text a citizen typed (a published complaint's title and
text, its address) or an officer wrote about a citizen (public answers, the KIP
register's summary) passes through :func:`mask_personal_data`; pages only the
citizen reaches (the secret page) and the admin show the text as it is.
"""

import functools
import re

from django.utils.translation import gettext

#: Digits joined by at most one space, dot or dash ("1205 0112 ...", "12.05.01...").
_GROUP_SEPARATOR = r"[ .\-]"
#: How people write the 16 digits of a NIK: whole, or in the groups of the card.
_NIK_GROUPINGS = (
    (16,),
    (4, 4, 4, 4),
    (6, 6, 4),
    (2, 2, 2, 6, 4),
    (2, 2, 2, 2, 2, 2, 4),
)

NIK_PATTERN = re.compile(
    r"(?<!\d)(?<!\d[.\-])(?:"
    + "|".join(
        _GROUP_SEPARATOR.join(rf"\d{{{size}}}" for size in grouping)
        for grouping in _NIK_GROUPINGS
    )
    + r")(?!\d)"
)

#: Between the digits of a phone number: one space, dot or dash, or a closing
#: parenthesis after the area or operator code ("(061) 4567890").
_PHONE_SEPARATOR = r"(?:\)?[ .\-]|\))"
PHONE_PATTERN = re.compile(
    # Not the continuation of another number (1.062..., 12-03-...) nor money.
    r"(?<![\d+])(?<!\d[.,\-/])"
    r"(?<!rp)(?<!rp\.)(?<!rp )(?<!rp\. )(?<!idr)(?<!idr )"
    r"(?P<number>\(?"
    r"(?:(?:\+|00)?62\)?[ .\-]?|0)"  # +62, 0062, (+62), 62 or the trunk 0
    r"(?:"
    # Mobile: 8xx and 9 to 12 digits in all after the prefix.
    rf"(?P<mobile>8(?:{_PHONE_SEPARATOR}?\d){{8,11}})"
    # Landline: an area code of 2 or 3 digits, then 5 to 8 digits.
    rf"|(?P<landline>[2-79]\d{{1,2}}{_PHONE_SEPARATOR}?\d(?:[ .\-]?\d){{4,7}})"
    r"))(?!\d)",
    re.IGNORECASE,
)
#: A landline shorter than this (area code and number, without the 0) is more
#: likely a date written without separators ("05032026").
_MIN_LANDLINE_DIGITS = 8
#: "628.000.000": money written with thousands dots, not a phone number.
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")

EMAIL_PATTERN = re.compile(
    r"(?<![\w.+\-])[\w.+\-]+"
    r"(?:@|\s?[\[({]\s?(?:at|et)\s?[\])}]\s?)"
    r"[\w\-]+(?:(?:\.|\s?[\[({]\s?(?:dot|titik)\s?[\])}]\s?)[\w\-]+)+",
    re.IGNORECASE,
)

#: Words of address before a name: "Pak Joko", "Ibu Siti", "a.n. Rudi".
_HONORIFICS = (
    r"(?:bapak|pak|bpk|bp|ibu|bu|sdr|sdri|saudara|saudari|mas|mbak|kak|bang|tuan"
    r"|nyonya|ny|a\.\s?n)\.?"
)
#: A name shorter than this (in letters) is not masked: it would wreck the text.
MIN_NAME_LETTERS = 3


def _letters(word):
    return sum(character.isalpha() for character in word)


def _phrase(words):
    return r"\s+".join(re.escape(word) for word in words)


@functools.lru_cache(maxsize=256)
def _name_pattern(names):
    """The regex of ``names`` (a tuple of whitespace-normalised names), or None."""
    phrases, single_words = set(), set()
    for name in names:
        words = name.split()
        if _letters(name) < MIN_NAME_LETTERS:
            continue
        phrases.add(tuple(words))
        for size in range(2, len(words)):
            for start in range(len(words) - size + 1):
                part = words[start : start + size]
                if any(_letters(word) >= MIN_NAME_LETTERS for word in part):
                    phrases.add(tuple(part))
        single_words.update(
            word for word in words if _letters(word) >= MIN_NAME_LETTERS
        )
    if not phrases:
        return None
    # Longest first: alternatives are tried in order.
    full = [
        _phrase(words)
        for words in sorted(
            phrases, key=lambda words: (len(words), len("".join(words))), reverse=True
        )
    ]
    single = [re.escape(word) for word in sorted(single_words, key=len, reverse=True)]
    after_honorific = "|".join(full + single)
    return re.compile(
        rf"(?<!\w)(?:(?P<honorific>{_HONORIFICS}\s+)(?:{after_honorific})"
        rf"|(?:{'|'.join(full)}))(?!\w)",
        re.IGNORECASE,
    )


def _mask_phone(match):
    text = match.group("number")
    if match.group("landline"):
        digits = re.sub(r"\D", "", text)
        national = digits[2:] if digits.startswith("62") else digits[1:]
        if digits.startswith("0062"):
            national = digits[4:]
        if len(national) < _MIN_LANDLINE_DIGITS:
            return text
    if text[0].isdigit() and text[0] != "0" and _THOUSANDS.fullmatch(text):
        return text
    marker = gettext("[nomor telepon disamarkan]")
    # "(0812 3456 7890)": keep the opening parenthesis the number does not close.
    if text.startswith("(") and ")" not in text:
        return "(" + marker
    return marker


def mask_personal_data(text, names=()):
    """``text`` with NIK, phone numbers, email addresses and ``names`` replaced by
    visible markers ("[NIK disamarkan]", "[nomor telepon disamarkan]",
    "[email disamarkan]", "[nama disamarkan]").

    Works on plain text and returns a plain ``str`` (never marked safe): templates
    escape it as usual, and it goes before ``linebreaks`` or ``truncatechars``.

    Masked:

    - **NIK**: 16 digits, whole or in the groups people copy from the card
      (4-4-4-4, 6-6-4, 2-2-2-6-4, 2-2-2-2-2-2-4) joined by spaces, dots or dashes.
      A 16-digit family card (KK) number is masked the same way.
    - **Phone numbers**: mobiles ``08…``, ``+62 8…``, ``62 8…``, ``(+62) 8…`` with
      9 to 12 digits after the prefix; landlines with an area code, such as
      ``(061) 4567890``, ``0620-21234`` or ``+62 61 4567890`` (at least 8 digits
      after the 0). Digits may be grouped with spaces, dots, dashes or parentheses.
    - **Email addresses**, also written ``nama [at] contoh.id``.
    - **Names**: each of ``names`` (for example the submitter's own name), case-
      insensitively and whatever the spacing, and every run of two or more of its
      consecutive words ("Muhammad Rizki" and "Rizki Pratama" of "Muhammad Rizki
      Pratama"). A single word of a longer name is masked only after a word of
      address ("Pak Joko", "Ibu Siti", "Sdr. Rizki", "a.n. Joko"): alone, given
      names are often ordinary words or other people's names. Names of fewer than
      three letters are not masked.

    Deliberately left alone: dates ("12-03-2026", "08/12/2025"), times, years and
    year ranges, money ("Rp 1.500.000", "628.000.000"), RT/RW and house numbers,
    vehicle plates ("BK 1234 AB"), tracking codes, and other short numbers; numbers
    of other lengths (an 18-digit NIP, bank accounts); addresses and other people's
    names. The PPID and moderators still write public summaries without personal
    data: this is the safety net, not the rule.
    """
    if text is None:
        return ""
    text = str.__str__(str(text))
    if isinstance(names, str):
        names = (names,)
    text = EMAIL_PATTERN.sub(lambda match: gettext("[email disamarkan]"), text)
    text = NIK_PATTERN.sub(lambda match: gettext("[NIK disamarkan]"), text)
    text = PHONE_PATTERN.sub(_mask_phone, text)
    normalised = tuple(sorted({" ".join(str(name).split()) for name in names if name}))
    pattern = _name_pattern(normalised) if normalised else None
    if pattern is not None:
        text = pattern.sub(
            lambda match: (
                (match.group("honorific") or "") + gettext("[nama disamarkan]")
            ),
            text,
        )
    return text
