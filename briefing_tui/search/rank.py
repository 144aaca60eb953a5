"""Ranking: which of a query's candidate items come first, and why.

Order: how well the words match first (each word as typed, above another form of it, above a
longer word it starts, above a word a typo away: issue #15), then tier (the query as an exact
phrase, then every word in a title), then BM25 relevance, then reading order.
:class:`Ranking` holds the ranking half of :class:`~briefing_tui.search.index.SearchIndex`; the
index fills the statistics it reads.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections.abc import Iterable, Sequence

from briefing_tui.search.documents import Doc
from briefing_tui.search.highlight import adjacency_term, term_matcher
from briefing_tui.search.query import Query, Term
from briefing_tui.search.text import cjk_terms, is_cjk

#: BM25 constants (the usual defaults): term-frequency saturation and length normalisation.
K1, B = 1.2, 0.75
#: Title words count this many times, so a word in a heading outweighs one in running text.
TITLE_WEIGHT = 3
#: Above this many candidates (and with a limit) only each word's best documents are scored:
#: exact for one-word queries, very nearly so for longer ones; the hit count is always exact.
#: Below it every candidate is scored. Keeps a one-letter prefix over a thousand briefings
#: inside a keystroke budget.
RANK_ALL = 1000
#: A prefix that expands to many words is scored on its most common expansions only.
MAX_SCORED_EXPANSIONS = 8
#: How many expansions of a prefix feed documents into ranking when there are too many
#: candidates to score them all.
PRESELECT_EXPANSIONS = 8
#: How a document matched a query word, best first: as typed, another form of it (same stem),
#: a longer word it starts (the last word, while typing), a word a typo away.
EXACT, FORM, PREFIX, NEAR = 3, 2, 1, 0


class Ranking:
    """BM25 over the index's posting lists, with title and phrase tiers."""

    _docs: list[Doc]
    _post: dict[str, dict[int, int]]
    _title_post: dict[str, set[int]]
    _vocab: list[str]
    _norms: list[float]
    _ranked: dict[str, Sequence[int]]
    _prefix_top: dict[str, list[str]]
    _prefix_titles: dict[str, frozenset[int]]

    def _expansions(self, word: str) -> list[str]:
        """Indexed terms starting with ``word``, in vocabulary order."""
        lo = bisect.bisect_left(self._vocab, word)
        hi = bisect.bisect_left(self._vocab, word + "\U0010ffff", lo)
        return self._vocab[lo:hi]

    def _idf(self, term: str) -> float:
        """BM25 inverse document frequency: rare terms weigh more."""
        df = len(self._post.get(term, ()))
        n = len(self._docs)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def _scoring_terms(self, term: Term) -> list[list[tuple[str, int]]]:
        """For each word of ``term``, the index terms whose weight scores it, each with how
        well it matches (EXACT, FORM, PREFIX, NEAR), best first so preselection walks the
        word as typed and its forms before longer words."""
        out = []
        post = self._post
        for word, prefix in zip(term.words, term.word_prefixes, strict=True):
            if is_cjk(word):
                out.append([(t, EXACT) for t in cjk_terms(word)[len(word) :] or [word]])
                continue
            group = [(word, EXACT)] if word in post else []
            group += [(f, FORM) for f in term.forms if f in post]
            if prefix:
                if word in self._prefix_top:
                    expansions = self._prefix_top[word]
                else:
                    expansions = self._expansions(word)
                    if len(expansions) > MAX_SCORED_EXPANSIONS:
                        expansions = heapq.nlargest(
                            MAX_SCORED_EXPANSIONS, expansions, key=lambda e: len(post[e])
                        )
                seen = {word, *term.forms}
                group += [(e, PREFIX) for e in expansions if e not in seen]
            group += [(n, NEAR) for n in term.near if n in post]
            out.append(group or [(word, EXACT)])
        return out

    def _rank(
        self, query: Query, candidates: set[int], limit: int | None
    ) -> list[tuple[int, float, int]]:
        """(doc, score, tier) in rank order: tier (phrase, then title hits) first, then BM25
        relevance, then reading order."""
        if not query.terms:
            chosen = sorted(candidates) if limit is None else heapq.nsmallest(limit, candidates)
            return [(d, 0.0, 0) for d in chosen]
        scoring = [(t, self._scoring_terms(t)) for t in query.terms]
        titled = self._title_docs(query, candidates)
        weights = {
            e: self._idf(e) for _, groups in scoring for group in groups for e, _grade in group
        }
        empty: dict[int, int] = {}
        groups = [
            [(e, self._post.get(e, empty), weights[e] * (K1 + 1), grade) for e, grade in group]
            for _, term_groups in scoring
            for group in term_groups
        ]
        pool: Iterable[int] = candidates
        known: dict[int, tuple[int, float]] = {}
        if limit is not None and len(candidates) > RANK_ALL:
            # Title hits rank first: if they alone fill the list, only they can be in it.
            within = titled if len(titled) >= limit else candidates
            if len(within) > RANK_ALL:
                pool, known = self._preselect(groups, within, limit)
                if within is candidates:
                    pool |= titled
            else:
                pool = within
        phrase = adjacency_term(query)
        adjacent = term_matcher(phrase).found_in if phrase is not None else None
        docs = self._docs
        norms = self._norms
        rows = []
        for d in pool:
            doc = docs[d]
            norm = norms[d]
            form, score = known.get(d, (0, 0.0))
            # A document preselection has scored needs no second look.
            for group in () if d in known else groups:
                best = 0.0
                grade = 0
                for _e, bucket, weight, how in group:
                    tf = bucket.get(d)
                    if tf:
                        if how > grade:
                            grade = how
                        w = weight * tf / (tf + norm)
                        if w > best:
                            best = w
                score += best or 0.1
                form += grade
            tier = 1 if d in titled else 0
            if adjacent is not None and any(adjacent(f.folded, f.has_cjk) for f in doc.fields):
                tier += 2
            rows.append((-form, -tier, -score, d))
        if limit is not None and len(rows) > limit:
            rows = heapq.nsmallest(limit, rows)
        else:
            rows.sort()
        return [(d, -score, -tier) for _form, tier, score, d in rows]

    def _title_docs(self, query: Query, candidates: set[int]) -> set[int]:
        """Candidates whose title holds every positive term (they rank above the rest)."""
        found: set[int] = candidates
        for term in query.terms:
            for word, prefix in zip(term.words, term.word_prefixes, strict=True):
                if is_cjk(word):
                    terms = [word] if len(word) == 1 else cjk_terms(word)[len(word) :]
                    for t in terms:
                        found = found & self._title_post.get(t, set())
                    if not found:
                        return set()
                    continue
                titled = self._title_post
                if prefix and word in self._prefix_titles:
                    within: set[int] | frozenset[int] = self._prefix_titles[word]
                elif prefix:
                    expansions = self._expansions(word)
                    within = set().union(*(titled[e] for e in expansions if e in titled))
                else:
                    within = titled.get(word, set())
                if term.forms or term.near:
                    within = within.union(
                        *(titled[f] for f in term.forms + term.near if f in titled)
                    )
                found = found & within
                if not found:
                    return set()
            if term.phrase or len(term.words) > 1 or is_cjk(term.words[0]):
                matcher = term_matcher(term)
                found = {
                    d
                    for d in found
                    if any(
                        matcher.found_in(f.folded, f.has_cjk)
                        for f in self._docs[d].fields
                        if f.is_title
                    )
                }
        return found if found is not candidates else set(found)

    def _preselect(
        self,
        groups: list[list[tuple[str, dict[int, int], float, int]]],
        within: set[int],
        limit: int,
    ) -> tuple[set[int], dict[int, tuple[int, float]]]:
        """The documents that can reach the top ``limit`` of a very broad query.

        Each scored word's expansions are walked best-first, and each contributes its first
        ``limit`` documents in ``within``. For a one-word query this is exact: a document's
        score is its best expansion's weight, and a document outside that expansion's first
        ``limit`` has ``limit`` better documents ahead of it. Its grades and weights are
        returned too (document -> (grade, score)), so those documents need no scoring again.
        """
        want = max(limit, 50)
        pool: set[int] = set()
        best: dict[int, tuple[int, float]] = {}
        single = len(groups) == 1
        norms = self._norms
        for group in groups:
            for term, bucket, weight, how in group[:PRESELECT_EXPANSIONS]:
                got = 0
                for d in self._ranked_docs(term):
                    if d in within:
                        pool.add(d)
                        if single:
                            tf = bucket[d]
                            w = weight * tf / (tf + norms[d])
                            grade, seen = best.get(d, (0, 0.0))
                            if how > grade or w > seen:
                                best[d] = (max(how, grade), max(w, seen))
                        got += 1
                        if got >= want:
                            break
        return pool, best

    def _ranked_docs(self, term: str) -> Sequence[int]:
        """A term's documents, highest BM25 weight first (reading order among equals); common
        terms' lists are built with the index, the others on first use and kept."""
        ranked = self._ranked.get(term)
        if ranked is None:
            ranked = self._by_weight(self._post.get(term, {}))
            self._ranked[term] = ranked
        return ranked

    def _by_weight(self, bucket: dict[int, int]) -> list[int]:
        """Documents of a posting list by their BM25 term weight (idf is the same for all)."""
        norms = self._norms

        def weight(d: int) -> float:
            tf = bucket[d]
            return tf / (tf + norms[d])

        return sorted(bucket, key=weight, reverse=True)
