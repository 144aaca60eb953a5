"""Word forms and typos: which words of a library count as the same word as a query word.

Pure functions and plain tables over *folded* words (see :mod:`~briefing_tui.search.text`), with
no engine inside, so the in-memory index of today and an engine that replaces it get the same
answers from the same calls:

- **Forms.** Two words are forms of one another when a Snowball stemmer gives them one stem
  ("газопровода", "газопроводе" -> "газопровод"; "pipelines" -> "pipelin"). The stemmer is the
  one of the briefing's ``language``; a word in another script (a Latin name in a Russian
  briefing, a Russian quote in an English one) is stemmed by its script's language instead.
  :class:`WordForms` records, as briefings are indexed, which words share a stem; a query word
  then matches the library's own spellings of that stem, so the engine needs no second index:
  a stem match is a union of ordinary word postings, like a prefix expansion.
- **Typos.** Words of 5+ letters may be 1 edit away, of 9+ letters 2 (a swap of two neighbours
  is one edit): :func:`typo_limit`, :func:`close_words`.
- **Short lists.** :func:`match_words` applies the same folding and forms to a line of text, for
  the briefing picker and the command palette.

The stemmer is tantivy's Snowball filter (the analyzer of the engine the search is moving to),
called once per distinct word and cached. Measured against PyStemmer on the Russian fixture
briefing (82 distinct words x 50): PyStemmer 0.5 us a word, tantivy 1.6 us a word called
word by word, identical stems; with every distinct word stemmed once the difference is a few
milliseconds per thousand briefings, and tantivy adds no dependency the engine does not have.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from briefing_tui.search.text import WORD, fold, fold_with_map, is_cjk, query_words

if TYPE_CHECKING:
    import tantivy

#: BCP 47 primary language subtag -> the Snowball stemmer tantivy ships for it.
ALGORITHMS = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nb": "norwegian",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
}
#: The stemmer for a word written in another script than its briefing's language.
SCRIPT_ALGORITHMS = {
    "LATIN": "english",
    "CYRILLIC": "russian",
    "GREEK": "greek",
    "ARABIC": "arabic",
    "TAMIL": "tamil",
}
#: The script each stemmer reads (Latin unless listed).
_ALGORITHM_SCRIPT = {"russian": "CYRILLIC", "greek": "GREEK", "arabic": "ARABIC", "tamil": "TAMIL"}

#: Fewest letters a word needs before a typo of 1 (2) edits is forgiven.
TYPO_ONE, TYPO_TWO = 5, 9
#: Most words a two-edit search compares one by one (see :func:`close_words`).
SCAN_MOST = 2000


def algorithm_for(language: str) -> str | None:
    """The stemmer of a BCP 47 tag ("ru", "en-GB"), or None for a language without one."""
    return ALGORITHMS.get(language.split("-", 1)[0].lower())


@lru_cache(maxsize=4096)
def _char_script(char: str) -> str | None:
    """The Unicode script of a letter, from its name ("CYRILLIC SMALL LETTER A")."""
    if not char.isalpha():
        return None
    return unicodedata.name(char, "").split(" ", 1)[0] or None


def script_of(word: str) -> str | None:
    """The script of a word's first letter (LATIN, CYRILLIC...), None if it has no letters."""
    for char in word:
        if char.isalpha():
            return _char_script(char)
    return None


def word_algorithm(word: str, algorithm: str | None) -> str | None:
    """The stemmer for one word of a briefing whose language stems with ``algorithm``: that
    one if the word is in its script, else the stemmer of the word's own script. Words with
    digits ("s2", "2025") and CJK runs are not stemmed."""
    if not word.isalpha() or is_cjk(word):
        return None
    script = script_of(word)
    if script is None:
        return None
    if algorithm is not None and _ALGORITHM_SCRIPT.get(algorithm, "LATIN") == script:
        return algorithm
    return SCRIPT_ALGORITHMS.get(script)


@cache
def _analyzer(algorithm: str) -> tantivy.TextAnalyzer:
    """tantivy's analyzer with only the Snowball filter: words arrive folded and split."""
    import tantivy

    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw())
    return builder.filter(tantivy.Filter.stemmer(algorithm)).build()


@lru_cache(maxsize=65536)
def stem(word: str, algorithm: str) -> str:
    """The Snowball stem of one folded word."""
    out = _analyzer(algorithm).analyze(word)
    return out[0] if out else word


def stem_key(word: str, algorithm: str | None) -> str | None:
    """The name of a word's class of forms, ``~algorithm:stem``, or None if not stemmed.

    The ``~`` cannot start an indexed word, so a key can share a term table with words
    (an engine that indexes keys as terms never confuses the two)."""
    if algorithm is None:
        return None
    return f"~{algorithm}:{stem(word, algorithm)}"


class WordForms:
    """Which indexed words are forms of one another; filled as briefings are indexed.

    ``add`` takes each briefing's distinct words with its language; ``forms`` answers, for a
    query word, the indexed words that share its stem under any stemmer used for its script.
    """

    def __init__(self) -> None:
        #: Per briefing stemmer: word -> its key (None: not stemmed), for words seen so far.
        self._keys: dict[str | None, dict[str, str | None]] = {}
        #: Key -> the indexed words in that class.
        self._members: dict[str, set[str]] = {}
        #: Script -> the stemmers used for words in it.
        self._by_script: dict[str, set[str]] = {}
        self._cache: dict[str, tuple[str, ...]] = {}

    def add(self, words: Iterable[str], language: str) -> None:
        """Record the (folded, distinct) words of a briefing written in ``language``."""
        algorithm = algorithm_for(language)
        table = self._keys.setdefault(algorithm, {})
        fresh = set(words).difference(table)
        if not fresh:
            return
        self._cache.clear()
        members, by_script = self._members, self._by_script
        for word in fresh:
            chosen = word_algorithm(word, algorithm)
            key = stem_key(word, chosen)
            table[word] = key
            if key is not None and chosen is not None:
                members.setdefault(key, set()).add(word)
                script = _ALGORITHM_SCRIPT.get(chosen, "LATIN")
                by_script.setdefault(script, set()).add(chosen)

    def keys(self, word: str) -> tuple[str, ...]:
        """The keys a query word is looked up by: its stem under each stemmer of its script
        that the library uses (the script's default when it uses none)."""
        if not word.isalpha() or is_cjk(word):
            return ()
        script = script_of(word)
        if script is None:
            return ()
        algorithms = self._by_script.get(script) or (
            {SCRIPT_ALGORITHMS[script]} if script in SCRIPT_ALGORITHMS else set()
        )
        return tuple(sorted(f"~{a}:{stem(word, a)}" for a in algorithms))

    def forms(self, word: str) -> tuple[str, ...]:
        """Other indexed words sharing a stem with ``word``, sorted (the word itself excluded)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        found: set[str] = set()
        for key in self.keys(word):
            found |= self._members.get(key, set())
        found.discard(word)
        out = tuple(sorted(found))
        if len(self._cache) < 4096:
            self._cache[word] = out
        return out


# --------------------------------------------------------------------------------------------
# Typos
# --------------------------------------------------------------------------------------------


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
        out.setdefault(_char_script(char), []).append(char)
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


# --------------------------------------------------------------------------------------------
# Short lists: the picker and the palette
# --------------------------------------------------------------------------------------------


def match_words(needle: str, text: str, language: str = "en") -> list[tuple[int, int]] | None:
    """Where each word of ``needle`` matches in ``text``, as (start, end) offsets into ``text``,
    or None when some word matches nowhere.

    The search bar's rule for one line: folded alike; a word matches itself and its other
    forms (stemmed as ``text``'s language, or by script); the last word, still being typed
    unless ``needle`` ends in a space, also matches the start of a longer word. A list filtered
    on every keystroke analyses each text once (cached), then compares words.
    """
    wanted = query_words(fold(needle))
    if not wanted:
        return []
    typing = not needle[-1].isspace()
    folded, index, words = _analysed(text, algorithm_for(language))
    spans: list[tuple[int, int]] = []
    for position, query_word in enumerate(wanted):
        prefix = typing and position == len(wanted) - 1
        found = _word_spans(query_word, prefix, folded, words)
        if not found:
            return None
        spans.extend(found)
    if index is not None:
        spans = [(index[s], index[e - 1] + 1) for s, e in spans]
    return sorted(set(spans))


@lru_cache(maxsize=8192)
def _analysed(
    text: str, algorithm: str | None
) -> tuple[str, list[int] | None, tuple[tuple[str, int, int, str | None, str | None], ...]]:
    """Folded text, its offset map, and its words as (word, start, end, stemmer, stem)."""
    folded, index = fold_with_map(text)
    words = []
    for match in WORD.finditer(folded):
        word = match.group()
        chosen = word_algorithm(word, algorithm)
        words.append(
            (word, match.start(), match.end(), chosen, stem(word, chosen) if chosen else None)
        )
    return folded, index, tuple(words)


def _word_spans(
    query_word: str,
    prefix: bool,
    folded: str,
    words: tuple[tuple[str, int, int, str | None, str | None], ...],
) -> list[tuple[int, int]]:
    """Spans of ``folded`` matching one query word (CJK: as a substring)."""
    if is_cjk(query_word):
        start = folded.find(query_word)
        out = []
        while start >= 0:
            out.append((start, start + len(query_word)))
            start = folded.find(query_word, start + 1)
        return out
    out = []
    stems: dict[str, str | None] = {}
    for word, start, end, chosen, stemmed in words:
        if word == query_word or (prefix and word.startswith(query_word)):
            out.append((start, end))
        elif chosen is not None:
            if chosen not in stems:
                same_script = word_algorithm(query_word, chosen) == chosen
                stems[chosen] = stem(query_word, chosen) if same_script else None
            if stems[chosen] == stemmed:
                out.append((start, end))
    return out
