"""How the index widens a query: other forms of its words, and typos (issue #15).

The decisions live in :mod:`~briefing_tui.search.analysis` (pure functions); this is the
wiring into this engine, kept out of ``index.py`` so it can move to another engine whole.
A widened query keeps its words and carries the extra words in each term's ``forms`` (same
stem), ``family`` (derivational relatives) and ``near`` (a typo away), so matching, ranking
and highlighting all read one query.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from briefing_tui.search.lexicon import Lexicon
from briefing_tui.search.query import Query, QueryError, Term, parse_query
from briefing_tui.search.text import fold, is_cjk
from briefing_tui.search.typos import close_words, typo_limit

_WORD = re.compile(r"[^\W_]+")


def single_word(term: Term) -> bool:
    """A term stemming and typo tolerance apply to: one word, unquoted, not CJK."""
    return not term.phrase and len(term.words) == 1 and not is_cjk(term.words[0])


def with_forms(
    query: Query,
    forms: Callable[[str], tuple[str, ...]],
    family: Callable[[str], tuple[str, ...]] | None = None,
) -> Query:
    """``query`` with each one-word term's other forms filled in (``forms(word)``), and its
    derivational relatives (``family(word)``) for the terms it must match; included and
    excluded words alike take forms, so ``-переговоры`` leaves out «переговоров» too (but not
    «переговорный»: leaving out a whole family would hide too much)."""

    def fill(term: Term) -> Term:
        if not single_word(term):
            return term
        found = forms(term.words[0])
        related = family(term.words[0]) if family is not None and not term.negated else ()
        if not (found or related):
            return term
        return replace(term, forms=found, family=related)

    terms = tuple(map(fill, query.terms))
    excluded = tuple(map(fill, query.excluded))
    if terms == query.terms and excluded == query.excluded:
        return query
    return replace(query, terms=terms, excluded=excluded)


def rewrite(text: str, changed: dict[str, str]) -> str:
    """The user's query with each word whose folded form is in ``changed`` replaced, in the
    user's capitals ("Yurj" -> "Yuri", "PUTN" -> "PUTIN")."""

    def swap(match: re.Match[str]) -> str:
        typed = match.group()
        new = changed.get(fold(typed))
        if new is None:
            return typed
        if typed.isupper() and len(typed) > 1:
            return new.upper()
        return new[:1].upper() + new[1:] if typed[:1].isupper() else new

    return _WORD.sub(swap, text)


class Typos:
    """Typo tolerance for :class:`~briefing_tui.search.index.SearchIndex`."""

    #: Below this many hits a query also matches words a typo away.
    FEW_HITS = 3

    def _lexicon(self) -> Lexicon:
        raise NotImplementedError

    def _match(self, query: Query) -> int:
        """How many items match ``query``."""
        raise NotImplementedError

    def _close(self, word: str, limit: int) -> list[str]:
        """Indexed words within ``limit`` edits; kept (the "showing results for" search and
        the "did you mean" one ask for the same word, and typing asks again)."""
        if limit <= 0:
            return []
        lexicon = self._lexicon()
        key = (word, limit)
        found = lexicon.close_cache.get(key)
        if found is None:
            found = close_words(word, lexicon.vocabulary, lexicon.doc_freq, lexicon.letters, limit)
            if len(lexicon.close_cache) < 1024:
                lexicon.close_cache[key] = found
        return found

    def _best(self, words: Sequence[str]) -> str:
        """The most widely used of some words (alphabetical among equals)."""
        freq = self._lexicon().doc_freq
        return min(words, key=lambda w: (-freq.get(w, 0), w))

    def _with_near(self, query: Query) -> tuple[Query, str | None]:
        """``query`` with long words (and short ones in a name) also matching words a typo
        away, and that query as "showing results for" prints it; ``(query, None)`` when no
        word has any."""
        terms: list[Term] = []
        changed: dict[str, str] = {}
        singles = [t.words[0] if single_word(t) else "" for t in query.terms]
        for i, term in enumerate(query.terms):
            word = singles[i]
            beside = max(
                len(singles[i - 1]) if i > 0 else 0,
                len(singles[i + 1]) if i + 1 < len(singles) else 0,
            )
            # A word still being typed that starts some indexed word is no typo (yet).
            typing = term.prefix and self._expands(word)
            if word and not typing and (limit := typo_limit(word, beside)):
                near = tuple(
                    w
                    for w in self._close(word, limit)
                    if w not in term.forms and w not in term.family
                )
                if near:
                    term = replace(term, near=near)
                    changed[word] = self._best(near)
            terms.append(term)
        if not changed:
            return query, None
        return replace(query, terms=tuple(terms)), rewrite(query.text, changed).strip()

    def _suggest(self, query: Query) -> str | None:
        """A query a typo away that has hits ("did you mean"), or None. Words the library
        lacks are replaced by their closest word (1 edit from 3 letters, 2 from 9)."""
        changed: dict[str, str] = {}
        for term in query.terms:
            word = term.words[0]
            if (
                not single_word(term)
                or word in self._lexicon().doc_freq
                or term.forms
                or term.family
            ):
                continue
            if term.prefix and self._expands(word):
                continue
            limit = max(typo_limit(word), 1 if len(word) >= 3 else 0)
            found = self._close(word, limit)
            if found:
                changed[word] = self._best(found)
        if not changed:
            return None
        text = rewrite(query.text, changed).strip()
        try:
            parsed = parse_query(text)
        except QueryError:
            return None
        lexicon = self._lexicon()
        return (
            text if self._match(with_forms(parsed, lexicon.forms.forms, lexicon.family)) else None
        )

    def _expands(self, word: str) -> bool:
        """Some indexed word starts with ``word``."""
        vocabulary = self._lexicon().vocabulary
        i = bisect.bisect_left(vocabulary, word)
        return i < len(vocabulary) and vocabulary[i].startswith(word)
