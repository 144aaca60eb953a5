"""Text folding and tokenising shared by the search index, the query parser and highlighting.

Kept apart from :mod:`briefing_tui.search` so that the rules that decide what "the same word"
means live in one small place: the index and the highlighter must agree exactly, or the UI would
highlight words the engine did not match (or miss ones it did).

Folding is Unicode casefolding followed by NFKD and the removal of combining marks (Russian "й"
stays a letter of its own), so "Zelenský" matches "zelensky", "ИСТОЧНИКИ" matches "источники",
"ёлка" matches "елка" and "m³" matches "m3". Chinese, Japanese and Korean script has no spaces
between words, so a run of such characters is indexed as its single characters and its
overlapping character pairs, and matched as a substring.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

#: Scripts written without spaces between words: CJK ideographs (with extensions and
#: compatibility forms), kana, Hangul syllables, and CJK punctuation-free symbols.
_CJK_RANGES = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\U00020000-\U0002ebef"  # CJK extensions B-F
)
CJK_CHAR = re.compile(f"[{_CJK_RANGES}]")
#: A word: letters and digits (no underscore). CJK runs are split further by :func:`tokens`.
WORD = re.compile(r"[^\W_]+")
_CJK_RUN = re.compile(f"[{_CJK_RANGES}]+")


#: Letters that look accented but are letters of their own: Russian "й" is not an "и" with a
#: mark (unlike "ё", which Russian writes as "е" freely), and word forms depend on it: folded
#: to "и", "газовой" would no longer stem like "газовая" (issue #15).
_KEEP = {"й": "й"}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Fold one character; cached because text reuses a small alphabet."""
    folded = char.casefold()
    if folded in _KEEP:
        return _KEEP[folded]
    decomposed = unicodedata.normalize("NFKD", folded)
    # Lowered again: a compatibility form can decompose to a capital ("𝖠" -> "A").
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Casefold and strip accents, the one normal form every comparison in search uses."""
    return fold_aligned(text)[0]


def fold_aligned(text: str) -> tuple[str, bool]:
    """``fold(text)``, and whether every character folded to exactly one (offsets agree).

    Casefolded in C first; then only the distinct characters that fold further (accents,
    «ё») are replaced, each with one ``str.replace``. Russian text has a handful of those or
    none: a 1,000-character paragraph folds in about 15 us, against 230 us through
    ``str.translate``, whose per-character lookup for non-ASCII output dominated reading
    Russian hits back from the index. A character whose fold folds again (a few Greek and
    mathematical letters) takes the table path, which maps each character once.
    """
    if text.isascii():
        return text.lower(), True
    folded = text.casefold()
    aligned = len(folded) == len(text)
    others = _others.findall(folded)
    if not others:
        return folded, aligned
    learnt = False
    for char in set(others):
        tail, stable = _fold_tail(char)
        if not stable:
            return _fold_table(text)
        if tail == char:
            if char < _LEARNT_BELOW:
                _STILL.add(char)
                learnt = True
        else:
            folded = folded.replace(char, tail)
            aligned = aligned and len(tail) == 1
    if learnt:
        _learn()
    return folded, aligned


#: Characters that casefolding leaves as :func:`fold` wants them (ASCII, Cyrillic letters...),
#: learnt as text is folded; ``_others`` finds a text's other characters in one regex scan
#: (``set(text)`` alone cost 90 us for a 1,000-character Russian paragraph).
_STILL: set[str] = {chr(c) for c in range(128)}
#: Only alphabets' letters are learnt (Latin, Greek, Cyrillic, Hebrew, Arabic...): thousands of
#: CJK characters would recompile the pattern once per text that brought a new one.
_LEARNT_BELOW = "\u0800"


def _still_class() -> re.Pattern[str]:
    """A regex matching any character not in ``_STILL``, its runs written as ranges."""
    codes = sorted(map(ord, _STILL))
    parts, start = [], codes[0]
    for before, code in zip(codes, [*codes[1:], -1], strict=True):
        if code != before + 1:
            first, last = re.escape(chr(start)), re.escape(chr(before))
            parts.append(first if start == before else f"{first}-{last}")
            start = code
    return re.compile(f"[^{''.join(parts)}]")


_others = _still_class()


def _learn() -> None:
    """Rebuild ``_others`` after ``_STILL`` grew (a new script's letters: a few times)."""
    global _others
    _others = _still_class()


@lru_cache(maxsize=4096)
def _fold_tail(char: str) -> tuple[str, bool]:
    """What a casefolded character becomes in :func:`fold`, and whether that is final (no
    character of it folds again), so replacing characters one after another is safe."""
    tail = _fold_char(char).lower()
    stable = tail == char or all(c < "\x80" or _fold_char(c).lower() == c for c in tail)
    return tail, stable


def _fold_table(text: str) -> tuple[str, bool]:
    """:func:`fold_aligned` one character at a time, through a translation table."""
    table = {ord(c): _fold_char(c) for c in set(_NON_ASCII.findall(text))}
    aligned = all(len(v) == 1 for v in table.values())
    return text.translate(table).lower(), aligned


def fold_with_map(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text`` and say, for each folded character, which original character it came from.

    Folding can change lengths ("ß" -> "ss", a decomposed accent disappears), so spans found in
    folded text must be mapped back before they can highlight the original. The map is None
    when every character folds to exactly one (all ASCII text, most Cyrillic): offsets agree.
    """
    if text.isascii():
        return text.lower(), None
    parts = [_fold_char(char) for char in text]
    folded = "".join(parts)
    if len(folded) == len(text) and all(len(p) == 1 for p in parts):
        return folded, None
    index: list[int] = []
    for i, part in enumerate(parts):
        index.extend([i] * len(part))
    return folded, index


def is_cjk(token: str) -> bool:
    """True when a token is written in a script without spaces (matched as a substring)."""
    return CJK_CHAR.search(token) is not None


def _split(folded: str, cjk: Callable[[str], list[str]]) -> list[str]:
    """Words of folded text, with each CJK run (no spaces to split on) replaced by ``cjk(run)``."""
    out: list[str] = []
    for word in WORD.findall(folded):
        if not CJK_CHAR.search(word):
            out.append(word)
            continue
        last = 0
        for run in _CJK_RUN.finditer(word):
            if run.start() > last:
                out.append(word[last : run.start()])
            out.extend(cjk(run.group()))
            last = run.end()
        if last < len(word):
            out.append(word[last:])
    return out


def tokens(folded: str) -> list[str]:
    """Index terms of already-folded text: its words, and for CJK runs characters and pairs."""
    if folded.isascii() or CJK_CHAR.search(folded) is None:
        return WORD.findall(folded)
    return _split(folded, cjk_terms)


def cjk_terms(run: str) -> list[str]:
    """The characters and overlapping pairs of a CJK run, the terms that stand in for words."""
    return list(run) + [run[i : i + 2] for i in range(len(run) - 1)]


def query_words(folded: str) -> list[str]:
    """Split folded query text into words, keeping CJK runs whole (matched as substrings)."""
    return _split(folded, lambda run: [run])
