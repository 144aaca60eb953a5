"""Typos: which library words are a letter or two away from a query word (issue #15).

Pure functions over folded words, no engine inside: words of 5+ letters may be 1 edit away,
of 9+ letters 2; a short word in a name ("Yury Ushakov") 1. The engine calls
:func:`close_words` with its vocabulary only when a query found few hits.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from briefing_tui.search.analysis import char_script, script_of

#: Fewest letters a word needs before a typo of 1 (2) edits is forgiven.
TYPO_ONE, TYPO_TWO = 5, 9
#: Most words a two-edit search compares one by one (see :func:`close_words`).
SCAN_MOST = 2000


def typo_limit(word: str, beside: int = 0) -> int:
    """Edits forgiven in a query word: none under 5 letters, 1 from 5, 2 from 9.

    A shorter word (3+ letters) written next to a query word of ``beside`` letters is part of
    a name ("Yury Ushakov"): it is forgiven 1 edit when the two hold 9+ letters together, as
    names are spelt in several ways ("Yuri", "Yury") and the pair still narrows the hits.
    """
    if len(word) >= TYPO_TWO:
        return 2
    if len(word) >= TYPO_ONE:
        return 1
    return 1 if len(word) >= 3 and len(word) + beside >= TYPO_TWO else 0


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance from ``a`` to ``b`` (insert, delete, replace); any value above
    ``limit`` comes back as ``limit + 1``.

    Bit-parallel (Myers 1999): one pass over ``b`` with a few integer operations per letter,
    about 25 times faster in Python than filling the table cell by cell. A swap of two
    neighbours counts 2 here; :func:`close_words` finds one-swap typos by generating them.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    if not a or not b:
        return min(max(len(a), len(b)), limit + 1)
    masks: dict[str, int] = {}
    for i, char in enumerate(a):
        masks[char] = masks.get(char, 0) | (1 << i)
    full = (1 << len(a)) - 1
    top = 1 << (len(a) - 1)
    positive, negative, score = full, 0, len(a)
    for char in b:
        eq = masks.get(char, 0)
        xv = eq | negative
        xh = (((eq & positive) + positive) ^ positive) | eq
        ph = negative | (~(xh | positive) & full)
        mh = positive & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        positive = mh | (~(xv | ph) & full)
        negative = ph & xv
    return min(score, limit + 1)


def _edits1(word: str, alphabet: str) -> set[str]:
    """Every string one edit from ``word`` with letters from ``alphabet``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in alphabet}
    out |= {a + c + b for a, b in splits for c in alphabet}
    out.discard(word)
    return out


def alphabets(words: Iterable[str]) -> dict[str | None, str]:
    """The letters the words use, by script: the letters a typo may have replaced."""
    chars = set("".join(words))
    out: dict[str | None, list[str]] = {}
    for char in chars:
        out.setdefault(char_script(char), []).append(char)
    return {script: "".join(sorted(c)) for script, c in out.items()}


def close_words(
    word: str,
    vocabulary: Sequence[str],
    known: dict[str, object] | set[str],
    letters: dict[str | None, str],
    limit: int,
) -> list[str]:
    """Indexed words within ``limit`` edits of ``word`` (not the word itself).

    One edit (a swap of neighbours included) is found exactly, by generating every one-edit
    string over the library's letters of the word's script and looking it up in ``known``.
    Two edits, only when one found nothing, are looked for among words of the sorted
    ``vocabulary`` that start with the same letter (a slice found by bisection; the same two
    letters when that slice holds more than :data:`SCAN_MOST` words): a 9-letter word has
    about 300,000 two-edit strings, too many to generate per keystroke.
    """
    if limit <= 0 or not word.isalpha():
        return []
    alphabet = letters.get(script_of(word), "")
    found = {e for e in _edits1(word, alphabet) if e in known}
    if limit >= 2 and not found:
        start = word[0]
        lo = bisect.bisect_left(vocabulary, start)
        hi = bisect.bisect_left(vocabulary, start + "\U0010ffff", lo)
        if hi - lo > SCAN_MOST:
            start = word[:2]
            lo = bisect.bisect_left(vocabulary, start, lo, hi)
            hi = bisect.bisect_left(vocabulary, start + "\U0010ffff", lo, hi)
        size, letters_of_word, most = len(word), set(word), 2 * limit
        for other in vocabulary[lo:hi]:
            # An edit changes the set of letters by at most two: a cheap test in C first.
            if (
                abs(len(other) - size) <= limit
                and len(letters_of_word.symmetric_difference(other)) <= most
                and other not in found
                and edit_distance(word, other, limit) <= limit
            ):
                found.add(other)
    found.discard(word)
    return sorted(found)
