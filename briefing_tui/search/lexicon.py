"""The library's words, read from the engine's own term dictionary (issue #15).

Word forms and typo tolerance (:mod:`~briefing_tui.search.analysis`) need the words a library
holds, how many items hold each, and which words share a stem. tantivy already keeps the words
and their document frequencies in its term dictionary, in memory or in a library's store, so
nothing more is written: the lexicon is read from the index the first time a query needs it
(a persistent store opens without it, and a query of filters alone never reads it).
"""

from __future__ import annotations

import bisect
import heapq
from functools import cached_property
from typing import TYPE_CHECKING

from briefing_tui.search.analysis import WordForms, family_key
from briefing_tui.search.typos import alphabets

if TYPE_CHECKING:
    import tantivy

#: The field whose terms are the library's words (titles are in it too, see engine.py).
WORDS_FIELD = "body"
#: The field holding each item's briefing language (its primary subtag).
LANGUAGE_FIELD = "lang"
#: How many of the library's most common words :meth:`Lexicon.most_common` looks among first.
COMMON_KEPT = 4096


class Lexicon:
    """Words, their document frequencies and their forms, for one searcher."""

    def __init__(self, searcher: tantivy.Searcher) -> None:
        self._searcher = searcher
        #: (word, edits) -> the words found that close (see ``expand.Typos._close``).
        self.close_cache: dict[tuple[str, int], list[str]] = {}
        #: Word -> its derivational relatives (see ``family``).
        self._families: dict[str, tuple[str, ...]] = {}

    @cached_property
    def doc_freq(self) -> dict[str, int]:
        """Word -> how many items hold it."""
        return dict(self._searcher.terms_with_prefix(WORDS_FIELD, ""))

    @cached_property
    def vocabulary(self) -> list[str]:
        """Every word, sorted (typo search bisects it by first letter)."""
        return sorted(self.doc_freq)

    @cached_property
    def letters(self) -> dict[str | None, str]:
        """The letters the library's words use, by script."""
        return alphabets(self.vocabulary)

    @cached_property
    def forms(self) -> WordForms:
        """Which words are forms of one another under the stemmers of the library's languages
        (a word in another script than its briefing's language is stemmed by its script's)."""
        languages = [t for t, _ in self._searcher.terms_with_prefix(LANGUAGE_FIELD, "")]
        out = WordForms()
        for language in languages or ["en"]:
            out.add(self.vocabulary, language)
        return out

    def prepare(self) -> None:
        """Read everything a query may need, ahead of it (on a worker thread, before the first
        keystroke): at 1,000 briefings this is 60-100 ms, most of it stemming every word."""
        _ = self.forms, self.letters, self._common

    @cached_property
    def _common(self) -> list[str]:
        """The library's most common words (about :data:`COMMON_KEPT`: every word used by as
        many items as the one at that rank), sorted alphabetically so a prefix's share of
        them is a slice."""
        freq = self.doc_freq
        counts = sorted(freq.values(), reverse=True)
        least = counts[min(COMMON_KEPT, len(counts)) - 1] if counts else 0
        return [w for w in self.vocabulary if freq[w] >= least]

    def prefixed(self, prefix: str) -> tuple[int, int]:
        """The slice of :attr:`vocabulary` holding the words that start with ``prefix``."""
        vocabulary = self.vocabulary
        lo = bisect.bisect_left(vocabulary, prefix)
        return lo, bisect.bisect_left(vocabulary, prefix + "\U0010ffff", lo)

    def most_common(self, prefix: str, count: int) -> list[str]:
        """The ``count`` most common words starting with ``prefix``, most common first
        (alphabetically among equals), as tantivy's ``terms_with_prefix`` orders them.

        A prefix starting more words than that is looked for among the library's most common
        words first: a one-letter prefix at 1,000 briefings starts 10,000 words. When ``count``
        of them are there, they are the answer (every other word comes after them in that
        order); otherwise the whole slice is ranked."""
        freq = self.doc_freq

        def key(w: str) -> tuple[int, str]:
            return -freq[w], w

        start, end = self.prefixed(prefix)
        if end - start > 64:  # ranking 64 words costs what the bisections cost
            common = self._common
            lo = bisect.bisect_left(common, prefix)
            hi = bisect.bisect_left(common, prefix + "\U0010ffff", lo)
            if hi - lo >= count:
                return heapq.nsmallest(count, common[lo:hi], key=key)
        return heapq.nsmallest(count, self.vocabulary[start:end], key=key)

    def family(self, word: str) -> tuple[str, ...]:
        """Indexed words of ``word``'s derivational family that are not forms of it, sorted
        (:func:`~briefing_tui.search.analysis.family_key`).

        Relatives share the family's stem as a prefix ("agre": "agreed", "agreements"), so
        only the words starting with it are compared: a bisection and a handful of stems per
        query word, not a table over the whole vocabulary built before the first keystroke.
        """
        found = self._families.get(word)
        if found is not None:
            return found
        forms = self.forms
        out: set[str] = set()
        for algorithm in forms.algorithms(word):
            key = family_key(word, algorithm)
            if key is None:
                continue
            start, end = self.prefixed(key)
            out.update(w for w in self.vocabulary[start:end] if family_key(w, algorithm) == key)
        out.discard(word)
        out.difference_update(forms.forms(word))
        found = tuple(sorted(out))
        if len(self._families) < 4096:
            self._families[word] = found
        return found
