"""The library's words, read from the engine's own term dictionary (issue #15).

Word forms and typo tolerance (:mod:`~briefing_tui.search.analysis`) need the words a library
holds, how many items hold each, and which words share a stem. tantivy already keeps the words
and their document frequencies in its term dictionary, in memory or in a library's store, so
nothing more is written: the lexicon is read from the index the first time a query needs it
(a persistent store opens without it, and a query of filters alone never reads it).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from briefing_tui.search.analysis import WordForms
from briefing_tui.search.typos import alphabets

if TYPE_CHECKING:
    import tantivy

#: The field whose terms are the library's words (titles are in it too, see engine.py).
WORDS_FIELD = "body"
#: The field holding each item's briefing language (its primary subtag).
LANGUAGE_FIELD = "lang"


class Lexicon:
    """Words, their document frequencies and their forms, for one searcher."""

    def __init__(self, searcher: tantivy.Searcher) -> None:
        self._searcher = searcher
        #: (word, edits) -> the words found that close (see ``expand.Typos._close``).
        self.close_cache: dict[tuple[str, int], list[str]] = {}

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
