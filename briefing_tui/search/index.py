"""The one search engine: used by the TUI's search bar and by ``briefing search``.

It must not import textual: the command line and the tests use it without a UI, and the TUI runs
it on a worker thread. Everything here is plain data in, plain data out.

Why an in-memory inverted index (term -> {doc: weighted term count}) and not SQLite FTS5: the
library is already in memory as models, the index builds in a fraction of the load time, and the
query language (prefix of the last word, accent folding, CJK substrings, filters on model fields)
maps directly onto set operations that run in C. BENCHMARKS.md has the measurements.

A *document* is one thing the UI can jump to: a paragraph (with its label, speakers and quotes),
a section heading, an agreement (with its figures), a source, a key figure, a timeline event, a
reaction, a briefing's title and summary, or a list heading. Hits point at their ``target_id``.

Word forms and typos (issue #15) are decided in ``analysis.py`` and ``typos.py`` and wired in
by ``expand.py``: a query word also matches the library's other forms of it (no extra
postings: a union of theirs, like a prefix), and with few hits, words a typo away.
"""

from __future__ import annotations

import heapq
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence

from briefing_tui.content.model import Briefing, Library
from briefing_tui.search.analysis import WordForms
from briefing_tui.search.documents import Doc, briefing_docs
from briefing_tui.search.expand import Typos, with_forms
from briefing_tui.search.filters import FilterIndex
from briefing_tui.search.highlight import (
    Matcher,
    Span,
    find_spans,
    original_spans,
    snippet,
    snippet_window,
    term_matcher,
)
from briefing_tui.search.query import (
    Query,
    QueryError,
    Term,
    parse_query,
)
from briefing_tui.search.rank import K1, MAX_SCORED_EXPANSIONS, RANK_ALL, TITLE_WEIGHT, B, Ranking
from briefing_tui.search.results import Hit, SearchResult
from briefing_tui.search.text import is_cjk, tokens

#: Prefixes up to this long whose expansions hold at least _PREFIX_CACHE_MIN postings have
#: their document sets precomputed (about 4 bytes per document each).
_CACHED_PREFIX_LENGTH = 3
_PREFIX_CACHE_MIN = 20_000


# --------------------------------------------------------------------------------------------
# The index
# --------------------------------------------------------------------------------------------


class SearchIndex(Ranking, Typos):
    """An in-memory inverted index over a whole library. Build once, query many times.

    Thread-safety: :meth:`search` only reads the index (and fills small caches with single,
    atomic dict assignments), so a UI may search from a worker thread while the main thread
    keeps the previous result on screen.
    """

    def __init__(self) -> None:
        self._docs: list[Doc] = []
        self._briefing_count = 0
        self._post: defaultdict[str, dict[int, int]] = defaultdict(dict)
        self._title_post: dict[str, set[int]] = {}
        self._vocab: list[str] = []
        self._filters = FilterIndex()
        self._avg_len = 1.0
        self._norms: list[float] = []
        self._ranked: dict[str, Sequence[int]] = {}
        self._prefix_docs: dict[str, array[int]] = {}
        self._prefix_top: dict[str, list[str]] = {}
        self._prefix_titles: dict[str, frozenset[int]] = {}
        #: Which indexed words are forms of one another (issue #15).
        self._forms = WordForms()

    # -- building -----------------------------------------------------------------------------

    @classmethod
    def build(cls, library: Library) -> SearchIndex:
        """Index every briefing of ``library``, in reading order."""
        index = cls()
        for briefing in library.briefings:
            index._add_briefing(briefing)
        index._finish()
        return index

    def _add_briefing(self, briefing: Briefing) -> None:
        """Index one briefing; call :meth:`_finish` after the last one.

        Exposed so a UI can index a large library in steps and show the first screen earlier.
        """
        bindex = self._briefing_count
        self._briefing_count += 1
        first = len(self._docs)
        if not isinstance(self._post, defaultdict):
            self._post = defaultdict(dict, self._post)
        post = self._post
        words: set[str] = set()
        for doc, cited, section_id in briefing_docs(briefing):
            doc_id = len(self._docs)
            doc.briefing = bindex
            self._docs.append(doc)
            counts: Counter[str] = Counter()
            title_terms: set[str] = set()
            for f in doc.fields:
                terms = tokens(f.folded)
                if f.is_title:
                    title_terms.update(terms)
                    for term in terms:
                        counts[term] += TITLE_WEIGHT
                else:
                    counts.update(terms)
            doc.length = sum(counts.values()) or 1
            words.update(counts)
            for term, count in counts.items():
                post[term][doc_id] = count
            for term in title_terms:
                self._title_post.setdefault(term, set()).add(doc_id)
            self._filters.add(briefing, doc, doc_id, cited, section_id)
        self._filters.add_briefing(briefing, first, len(self._docs))
        self._forms.add(words, briefing.language)

    def _finish(self) -> None:
        """Compute the statistics ranking needs; the index is ready after this."""
        # A plain dict from here on, so that looking up a missing term cannot add it.
        self._post = dict(self._post)  # type: ignore[assignment]
        self._vocab = sorted(self._post)
        total = sum(d.length for d in self._docs)
        self._avg_len = total / len(self._docs) if self._docs else 1.0
        post = self._post
        # Terms common enough to need preselection get their ranked lists now, not on the
        # first keystroke that needs them.
        self._norms = [K1 * (1 - B + B * d.length / self._avg_len) for d in self._docs]
        self._ranked = {
            term: array("I", self._by_weight(bucket))
            for term, bucket in post.items()
            if len(bucket) > RANK_ALL
        }
        # Short prefixes whose expansions have many postings ("k", "ka"): their union is
        # computed once here, stored compactly, instead of on every such keystroke.
        work: dict[str, int] = {}
        for term, bucket in post.items():
            for length in range(1, min(len(term), _CACHED_PREFIX_LENGTH) + 1):
                work[term[:length]] = work.get(term[:length], 0) + len(bucket)
        self._prefix_docs = {}
        self._prefix_titles = {}
        self._prefix_top = {}
        for prefix, postings in work.items():
            if postings < _PREFIX_CACHE_MIN:
                continue
            expansions = self._expansions(prefix)
            union = set().union(*(post[e] for e in expansions))
            self._prefix_docs[prefix] = array("I", sorted(union))
            titled = self._title_post
            self._prefix_titles[prefix] = frozenset().union(
                *(titled[e] for e in expansions if e in titled)
            )
            self._prefix_top[prefix] = heapq.nlargest(
                MAX_SCORED_EXPANSIONS, expansions, key=lambda e: len(post[e])
            )

    # -- introspection --------------------------------------------------------------------------

    @property
    def doc_count(self) -> int:
        """How many searchable items the index holds."""
        return len(self._docs)

    @property
    def briefing_count(self) -> int:
        """How many briefings the index covers (hits name their briefing when above one)."""
        return self._briefing_count

    @property
    def term_count(self) -> int:
        """How many distinct terms (words, CJK characters and pairs) the index holds."""
        return len(self._post)

    # -- searching ------------------------------------------------------------------------------

    def search(self, query_text: str, limit: int | None = None) -> SearchResult:
        """Run a query typed by a user. Never raises on user input: errors come back in
        ``result.error`` as one line."""
        try:
            query = parse_query(query_text)
            return self._run(query, limit)
        except QueryError as exc:
            return SearchResult(query_text, (), 0, str(exc))

    def _run(self, query: Query, limit: int | None) -> SearchResult:
        """Candidates (filters, then terms cheapest first, minus exclusions), ranked, as hits."""
        if query.is_empty:
            return SearchResult(query.text, (), 0, None, query)
        query = with_forms(query, self._forms.forms)
        candidates = self._match(query)
        corrected = suggestion = None
        if len(candidates) < self.FEW_HITS:
            # Few or no hits: let long words match a typo away too (issue #15).
            retry, corrected = self._with_near(query)
            more = self._match(retry) if corrected is not None else set()
            if len(more) > len(candidates):
                query, candidates = retry, more
            else:
                corrected = None
            if not candidates:
                suggestion = self._suggest(query)
        total = len(candidates)
        ranked = self._rank(query, candidates, limit)
        matchers = [term_matcher(t) for t in query.terms]
        hits = tuple(
            self._hit(doc_id, query, matchers, score, tier) for doc_id, score, tier in ranked
        )
        return SearchResult(query.text, hits, total, None, query, corrected, suggestion)

    def _match(self, query: Query) -> set[int] | frozenset[int]:
        """Every document matching the query: filters, then terms cheapest first, minus
        exclusions."""
        candidates = self._filters.allowed(query.filters, len(self._docs))
        # Cheap terms first, so verification (phrases, CJK) only sees what is left.
        for term in sorted(query.terms, key=self._cost):
            docs = self._term_docs(term, candidates)
            candidates = docs if candidates is None else candidates & docs
            if not candidates:
                return set()
        if candidates is None:
            candidates = set(range(len(self._docs)))
        for term in query.excluded:
            if not candidates:
                break
            candidates = candidates - self._term_docs(term, candidates)
        return candidates

    # -- matching -------------------------------------------------------------------------------

    def _cost(self, term: Term) -> int:
        """Rough work to match a term, to order them: verified terms last, on fewer candidates."""
        if term.phrase or any(is_cjk(w) for w in term.words):
            return 1 << 40  # needs verification: run last, on the fewest candidates
        if term.prefix:
            return 1 << 30
        return len(self._post.get(term.words[0], ()))

    def _word_docs(self, word: str, prefix: bool) -> set[int]:
        """Documents holding the word (any word it starts, for a prefix); for CJK, candidates
        that hold all its character pairs, still to be verified as a substring."""
        if is_cjk(word):
            return self._cjk_candidates(word)
        if not prefix:
            return set(self._post.get(word, ()))
        cached = self._prefix_docs.get(word)
        if cached is not None:
            return set(cached)
        expansions = self._expansions(word)
        if len(expansions) == 1:
            return set(self._post[expansions[0]])
        return set().union(*(self._post[e] for e in expansions))

    def _cjk_candidates(self, run: str) -> set[int]:
        """Documents holding every character pair of a CJK run (every character if one)."""
        terms = [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
        docs: set[int] | None = None
        for t in sorted(set(terms), key=lambda t: len(self._post.get(t, ()))):
            found = self._post.get(t, {})
            docs = set(found) if docs is None else docs & found.keys()
            if not docs:
                return set()
        return docs or set()

    def _term_docs(self, term: Term, within: set[int] | frozenset[int] | None) -> set[int]:
        """Documents matching ``term``, restricted to ``within`` when given."""
        docs: set[int] | None = None
        for word, prefix in zip(term.words, term.word_prefixes, strict=True):
            found = self._word_docs(word, prefix)
            if term.forms or term.near:  # one-word terms only
                post = self._post
                found = found.union(*(post[f] for f in term.forms + term.near if f in post))
            docs = found if docs is None else docs & found
            if within is not None:
                docs &= within
            if not docs:
                return set()
        assert docs is not None
        needs_check = len(term.words) > 1 or any(is_cjk(w) and len(w) > 2 for w in term.words)
        if not needs_check:
            return docs
        matcher = term_matcher(term)
        search, found_in = matcher.fast.search, matcher.found_in
        all_docs = self._docs
        out = set()
        for d in docs:
            doc = all_docs[d]
            if doc.has_cjk:
                if any(found_in(f.folded, f.has_cjk) for f in doc.fields):
                    out.add(d)
            elif any(search(f.folded) for f in doc.fields):
                out.add(d)
        return out

    # -- hits -----------------------------------------------------------------------------------

    def _hit(
        self, doc_id: int, query: Query, matchers: list[Matcher], score: float, tier: int
    ) -> Hit:
        """The hit for one ranked document: the field to show, its snippet and spans."""
        doc = self._docs[doc_id]
        # The field that shows the most of the query: most distinct terms, then running text
        # over a title (the title is shown anyway), then field order. ``display`` lists the
        # fields in that preference, so the first field holding every term wins at once.
        best = 0
        chosen = doc.main or doc.display[0]
        first: int | None = None
        for f in doc.display:
            firsts = [m.first(f.folded, f.has_cjk) for m in matchers]
            found = [x for x in firsts if x is not None]
            if len(found) > best:
                best, chosen = len(found), f
                first = min(found) if found else None
                if best == len(matchers):
                    break
        window: list[Span] = []
        start, end = 0, len(chosen.text)
        if first is not None:
            if chosen.aligned:
                # Only the snippet's stretch is searched now; text_spans is computed on demand.
                start, end = snippet_window(chosen.text, first)
                window = find_spans(chosen.folded, query, chosen.has_cjk, start, end + 40)
            else:
                window = original_spans(
                    chosen.text, find_spans(chosen.folded, query, chosen.has_cjk)
                )
                start, end = snippet_window(chosen.text, window[0][0] if window else 0)
        excerpt, excerpt_spans = snippet(chosen.text, window, (start, end))
        return Hit(
            briefing_id=doc.briefing_id,
            kind=doc.kind,
            target_id=doc.target_id,
            ref=doc.ref,
            location=doc.location,
            title=doc.title,
            field=chosen.name,
            text=chosen.text,
            snippet=excerpt,
            snippet_spans=tuple(excerpt_spans),
            score=score,
            order=(doc.briefing, doc_id),
            phrase_hit=bool(tier & 2),
            title_hit=bool(tier & 1),
            _field=chosen,
            _query=query,
        )
