"""Word forms: which words of a library count as the same word as a query word (issue #15).

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
- **Families.** Snowball removes inflections and keeps derivations apart ("agreed" -> "agre",
  "agreements" -> "agreement"). :func:`family_key` strips one derivational suffix of the
  stemmer's language from a stem of 4+ letters, leaving 4+ ("agreement" -> "agree" -> "agre",
  «российск» -> «росс»), so a query word also finds its derivational relatives, ranked below
  its own forms. Short stems have no family, so short words never flood a query.
- **Typos** are in :mod:`~briefing_tui.search.typos`.
- **Short lists.** :func:`match_words` applies the same folding and forms to a line of text, for
  the briefing picker and the command palette.

The stemmer is tantivy's Snowball filter (the analyzer of the engine the search is moving to),
called once per distinct word and cached. Measured against PyStemmer on the Russian fixture
briefing (82 distinct words x 50): PyStemmer 0.5 us a word, tantivy 1.6 us a word called
word by word, identical stems. Each distinct word is stemmed once, so the difference is about
20 ms per 20,000 distinct words (the synthetic 1000-briefing library), once per index build;
and tantivy adds no dependency the engine does not have.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from briefing_tui.search.endings import light_key, light_stem
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


def algorithm_for(language: str) -> str | None:
    """The stemmer of a BCP 47 tag ("ru", "en-GB"), or None for a language without one."""
    return ALGORITHMS.get(language.split("-", 1)[0].lower())


@lru_cache(maxsize=4096)
def char_script(char: str) -> str | None:
    """The Unicode script of a letter, from its name ("CYRILLIC SMALL LETTER A")."""
    if not char.isalpha():
        return None
    return unicodedata.name(char, "").split(" ", 1)[0] or None


def script_of(word: str) -> str | None:
    """The script of a word's first letter (LATIN, CYRILLIC...), None if it has no letters."""
    for char in word:
        if char.isalpha():
            return char_script(char)
    return None


def _script(word: str) -> str | None:
    """The script of a word that may be stemmed (letters only, not CJK), else None."""
    if not word.isalpha():
        return None
    if word.isascii():
        return "LATIN"
    return None if is_cjk(word) else script_of(word)


def word_algorithm(word: str, algorithm: str | None) -> str | None:
    """The stemmer for one word of a briefing whose language stems with ``algorithm``: that
    one if the word is in its script, else the stemmer of the word's own script. Words with
    digits ("s2", "2025") and CJK runs are not stemmed."""
    script = _script(word)
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


#: Derivational suffixes of a Snowball stem, per stemmer, longest first (see
#: :func:`family_key`). English keeps to suffixes that make nouns of verbs and people of nouns
#: and that Snowball leaves on ("-er" and "-or" would join "corner" to "corn"); Russian adds
#: the adjective suffixes its stemmer keeps («переговорн», «российск», «экономическ»).
DERIVATIONS = {
    "english": ("ment", "ness", "ship", "ism", "ist"),
    "russian": (
        "ическ",
        "тельн",
        "ийск",
        "ейск",
        "ност",
        "ств",
        "йск",
        "ьск",
        "щик",
        "чик",
        "ник",
        "ост",
        "ск",
        "ик",
        "н",
    ),
}
#: Fewest letters of a stem that has a family, and of what stripping leaves.
FAMILY_MIN = 4
#: Stemmers whose stripped stem is stemmed again ("agreement" -> "agree" -> "agre"); a Russian
#: stem stemmed again loses letters that look like endings («кита» -> «кит»).
_RESTEM = frozenset({"english"})


@lru_cache(maxsize=65536)
def family_key(word: str, algorithm: str) -> str | None:
    """The stem a word shares with its derivational relatives, or None (a stem under
    :data:`FAMILY_MIN` letters): its Snowball stem less one suffix of :data:`DERIVATIONS`."""
    stemmed = stem(word, algorithm)
    if len(stemmed) < FAMILY_MIN:
        return None
    for suffix in DERIVATIONS.get(algorithm, ()):
        if stemmed.endswith(suffix) and len(stemmed) - len(suffix) >= FAMILY_MIN:
            stemmed = stemmed[: -len(suffix)]
            return stem(stemmed, algorithm) if algorithm in _RESTEM else stemmed
    return stemmed


class WordForms:
    """Which indexed words are forms of one another; filled as briefings are indexed.

    ``add`` takes each briefing's distinct words with its language; ``forms`` answers, for a
    query word, the indexed words that share its stem under any stemmer used for its script.
    """

    def __init__(self) -> None:
        #: Per briefing stemmer: the words already recorded.
        self._seen: dict[str | None, set[str]] = {}
        #: Key -> the indexed words in that class.
        self._members: dict[str, set[str]] = {}
        #: Script -> the stemmers used for words in it.
        self._by_script: dict[str, set[str]] = {}
        self._cache: dict[str, tuple[str, ...]] = {}

    def add(self, words: Iterable[str], language: str) -> None:
        """Record the (folded, distinct) words of a briefing written in ``language``.

        Runs once per briefing at index build; each word new to the library is stemmed once
        (about 3 us a word, most of it tantivy's analyzer)."""
        algorithm = algorithm_for(language)
        seen = self._seen.setdefault(algorithm, set())
        fresh = set(words).difference(seen)
        if not fresh:
            return
        seen |= fresh
        self._cache.clear()
        members = self._members
        own = _ALGORITHM_SCRIPT.get(algorithm, "LATIN") if algorithm is not None else None
        used: set[tuple[str, str]] = set()
        for word in fresh:
            script = _script(word)
            if script is None:
                continue
            chosen = algorithm if script == own else SCRIPT_ALGORITHMS.get(script)
            if chosen is None:
                continue
            key = f"~{chosen}:{stem(word, chosen)}"  # stem_key, inlined: called per word
            found = members.get(key)
            if found is None:
                members[key] = {word}
            else:
                found.add(word)
            light = light_key(word, chosen)
            if light is not None:
                members.setdefault(light, set()).add(word)
            used.add((script, chosen))
        for script, chosen in used:
            self._by_script.setdefault(script, set()).add(chosen)

    def algorithms(self, word: str) -> tuple[str, ...]:
        """The stemmers of a word's script that the library uses (the script's default when
        it uses none), sorted."""
        script = _script(word)
        if script is None:
            return ()
        algorithms = self._by_script.get(script) or (
            {SCRIPT_ALGORITHMS[script]} if script in SCRIPT_ALGORITHMS else set()
        )
        return tuple(sorted(algorithms))

    def keys(self, word: str) -> tuple[str, ...]:
        """The keys a query word is looked up by: its stem under each stemmer of its script
        that the library uses (the script's default when it uses none), and its light stem
        under each (:mod:`~briefing_tui.search.endings`)."""
        algorithms = self.algorithms(word)
        keys = [stem_key(word, a) for a in algorithms] + [light_key(word, a) for a in algorithms]
        return tuple(sorted(filter(None, keys)))

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
    lights: dict[str, str | None] = {}
    for word, start, end, chosen, stemmed in words:
        if word == query_word or (prefix and word.startswith(query_word)):
            out.append((start, end))
        elif chosen is not None:
            if chosen not in stems:
                same_script = word_algorithm(query_word, chosen) == chosen
                stems[chosen] = stem(query_word, chosen) if same_script else None
                lights[chosen] = light_stem(query_word, chosen) if same_script else None
            light = lights[chosen]
            if stems[chosen] == stemmed or (
                light is not None and light == light_stem(word, chosen)
            ):
                out.append((start, end))
    return out
