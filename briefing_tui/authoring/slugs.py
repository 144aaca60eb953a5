"""Ids for imported items: stable slugs of their titles, Cyrillic transliterated.

An id derived from a title stays the same when the report is imported again, so links and notes
made against one import still resolve against the next; numbering would shift them.
"""

from __future__ import annotations

import re
import unicodedata

from briefing_tui.content.scalars import SLUG_PATTERN

#: Russian Cyrillic in Latin letters, after the passport (ICAO) transliteration; the soft and
#: hard signs are dropped.
_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e iu ia i i ie g u"
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў", _LATIN.split(), strict=True))

#: Words a slug can do without.
_STOP = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "i", "v", "na", "s"})

MAX_WORDS = 5
MAX_LENGTH = 48


def transliterate(text: str) -> str:
    out = []
    for char in text.lower():
        latin = _CYRILLIC.get(char)
        out.append(("" if latin == "_" else latin) if latin is not None else char)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str, fallback: str = "item") -> str:
    """``text`` as an id: at most a few lowercase Latin words joined by ``-``."""
    words = re.findall(r"[a-z0-9]+", transliterate(text))
    kept = [w for w in words if w not in _STOP] or words
    slug = ""
    for word in kept[:MAX_WORDS]:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_LENGTH:
            break
        slug = candidate
    slug = slug or fallback
    assert SLUG_PATTERN.fullmatch(slug), slug
    return slug


def clean_id(text: str) -> str | None:
    """An id the author wrote (``{#id}``, a footnote label), if it is a valid id as it is."""
    return text if SLUG_PATTERN.fullmatch(text) and len(text) <= 80 else None


class Ids:
    """The one id namespace of a briefing: hands out unique ids and says when it had to change
    one, which is a point for the author to look at."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> tuple[str, bool]:
        """``wanted``, or ``wanted-2``, ``-3``... when taken; True when it was changed."""
        candidate, number = wanted, 1
        while candidate in self.taken:
            number += 1
            candidate = f"{wanted}-{number}"
        self.taken.add(candidate)
        return candidate, candidate != wanted
