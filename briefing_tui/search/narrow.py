"""Shorter ways to the same results: queries that find a query's best hits, or all its hits,
with less work than :meth:`Translator.translate`'s query, scoring them the same.

Why: at 10,000 briefings a keystroke's search scored every item a broad word matched, and
tantivy walks a union of clauses (a word's ways of matching, the tiers) item by item, scoring
each, where a single term skips (BENCHMARKS.md, "prefix, 2026-11-30"). The ranking makes
shortcuts safe: each word's way of matching is worth a grade unit, the phrase tier more than
the title tier, which is more than any BM25 score. So the items that match every word the
best way it can match, hold the query as a phrase and every term in a title, rank above all
others; when there are as many of them as hits wanted, the best hits are theirs
(``SearchIndex._best_first``), and only their count needs the whole query, unscored
(:meth:`BestFirstTranslator.matching`).

Scores are the whole query's: the same clauses, plus filters that score zero. tantivy adds
the scores of three or more words in an order of its own, so there they may differ by a float
rounding step (0.004 in 40,000), never in tier or grade.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.search.query import Query, Term
from briefing_tui.search.text import is_cjk
from briefing_tui.search.translate import (
    _PREFIX_SCORE,
    EXACT,
    GRADE_UNIT,
    PHRASE_TIER,
    PREFIX,
    TITLE_TIER,
    Translator,
    needs_check,
)

if TYPE_CHECKING:
    import tantivy


class BestFirstTranslator(Translator):
    """A :class:`Translator` that also builds the narrowed and the counting queries."""

    def translate(self, query: Query) -> tantivy.Query:
        lone = self._lone_prefix(query)
        return lone if lone is not None else super().translate(query)

    def _lone_prefix(self, query: Query) -> tantivy.Query | None:
        """A query of one word being typed, alone (no filter, exclusion or other way of
        matching it, and not itself a word of the library, as one or two letters mostly are),
        as one union of the prefix's parts and the tiers.

        The same items (its expansions and title words are among the words it starts) and
        the same scores, added in the same order: :meth:`Translator.translate` nests the same
        parts (the prefix's match around its expansions' BM25, then the tiers), and tantivy
        scored the nesting item by item. At 10,000 briefings: ``m`` 24 -> 15 ms, ``t`` 31 ->
        24 ms."""
        if query.filters or query.excluded or len(query.terms) != 1:
            return None
        term = query.terms[0]
        word = term.words[0]
        if len(term.words) > 1 or not term.prefix or is_cjk(word):
            return None
        if term.forms or term.family or term.near or word in self.lexicon().doc_freq:
            return None
        expansions = self._expansions(word)
        if not expansions:
            return None
        q, should = self.t.Query, self.t.Occur.Should
        best = [q.term_query(self.schema, "body", e) for e in expansions]
        every = self._every("body", word)
        parts = [
            (should, q.const_score_query(every, PREFIX * GRADE_UNIT + _PREFIX_SCORE)),
            (should, best[0] if len(best) == 1 else q.disjunction_max_query(best)),
        ]
        return q.boolean_query(parts + self._tiers(query))

    def best(self, query: Query, titled: bool) -> tantivy.Query | None:
        """:meth:`translate` narrowed to the items that match every word as typed, and with
        ``titled`` that also hold every term in a title and the query as a phrase (when the
        query has those tiers): those rank above every other item.

        A one-word term that may match in several ways (a prefix, other forms, typos) keeps
        only its exact word, graded and scored as in :meth:`translate`. The tiers' matches
        become filters that score zero, and the phrase tier is matched within titled items,
        phrase by phrase: a union of phrases is walked in full, a phrase within a few items
        is not (``power of`` at 10,000 briefings: 17 ms narrowed, 5 ms titled).

        None when nothing narrows, or when a word with other ways is not in the library (its
        best way is another one, that this does not look for)."""
        words = self.lexicon().doc_freq
        terms = []
        narrowed = False
        for t in query.terms:
            word = t.words[0]
            if len(t.words) > 1 or is_cjk(word) or not (t.prefix or t.forms or t.family or t.near):
                terms.append(self.term(t))
            elif word in words:
                terms.append(self._graded(self._word("body", word, False), EXACT))
                narrowed = True
            else:
                return None
        if not titled:
            return self._whole(query, terms, self.term) if narrowed else None
        in_title, phrases = self._tier_parts(query)
        if in_title is None:
            return None
        q, must, should = self.t.Query, self.t.Occur.Must, self.t.Occur.Should
        whole = self._whole(query, terms, self.term, tiers=False)
        clauses = [(must, whole), (must, q.const_score_query(in_title, 0.0))]
        tiers = [(should, q.const_score_query(in_title, TITLE_TIER))]
        if phrases is not None:
            within = [q.boolean_query([(must, in_title), (must, p)]) for p in phrases]
            adjacent = within[0] if len(within) == 1 else q.disjunction_max_query(within)
            clauses.append((must, q.const_score_query(adjacent, 0.0)))
            tiers.append((should, q.const_score_query(adjacent, PHRASE_TIER)))
        return q.boolean_query(clauses + tiers)

    def matching(self, query: Query) -> tantivy.Query:
        """The items :meth:`translate` finds, unscored and without tiers: how many there are,
        when :meth:`best` ranked them."""

        def unscored(t: Term) -> tantivy.Query:
            return self.term(t) if needs_check(t) else self._in_part("body", t, False)

        return self._whole(query, [unscored(t) for t in query.terms], unscored, tiers=False)
