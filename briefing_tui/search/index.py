"""The one search engine: used by the TUI's search bar and by ``briefing search``.

It must not import textual: the command line and the tests use it without a UI, and the TUI runs
it on a worker thread. Everything here is plain data in, plain data out.

Underneath is a tantivy index (:mod:`briefing_tui.search.engine`): in memory for
:meth:`SearchIndex.build`, or on disk in a library's store (:mod:`briefing_tui.store`), which
opens it with :meth:`SearchIndex.open` in milliseconds instead of rebuilding it. Our parsed
query is translated to tantivy's (:mod:`briefing_tui.search.translate`); hits, snippets and
marks are ours, cut from the stored text of the items being returned.

A *document* is one thing the UI can jump to: a paragraph (with its label, speakers and quotes),
a section heading, an agreement (with its figures), a source, a key figure, a timeline event, a
reaction, a briefing's title and summary, or a list heading. Hits point at their ``target_id``.

Word forms and typos (issue #15) are decided in ``analysis.py`` and ``typos.py`` and wired in
by ``expand.py``: a query word also matches the library's other forms of it (no extra
postings: a union of theirs, like a prefix), and with few hits, words a typo away.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from functools import cache, partial
from typing import TYPE_CHECKING, Any

from briefing_tui.content.model import Briefing, Library
from briefing_tui.search import engine
from briefing_tui.search.documents import Doc, briefing_docs, make_fields
from briefing_tui.search.expand import Typos, single_word, with_forms
from briefing_tui.search.filters import FilterKeys, FilterNames
from briefing_tui.search.highlight import (
    Matcher,
    Span,
    find_spans,
    original_spans,
    snippet,
    snippet_window,
    term_matcher,
)
from briefing_tui.search.lexicon import Lexicon
from briefing_tui.search.narrow import BestFirstTranslator
from briefing_tui.search.query import Query, QueryError, parse_query
from briefing_tui.search.results import Hit, LazyHits, SearchResult
from briefing_tui.search.translate import needs_check, tier_of

if TYPE_CHECKING:
    import tantivy

#: Hits a search builds itself (snippets, marks); the rest are built when read. The results
#: list shows about three and draws 5 first (ui/widgets/hit_list.py ``FIRST_PAGE``): each hit
#: built costs 15-70 us (reading the item back, folding its fields, cutting the snippet), up to
#: 0.9 ms when the item's block of the store has left memory, and the 40 built before were most
#: of a keystroke on one briefing.
EAGER_HITS = 5
#: Items read back from the index kept per searcher (FIFO), so that typing a word on, which
#: mostly finds the same items again, reads and folds each once: a few MB at most.
ITEMS_KEPT = 1024


def add_briefing(writer: tantivy.IndexWriter, briefing: Briefing, seq: int, bkey: str) -> int:
    """Write one briefing's items, numbered from ``seq``'s order keys; returns how many."""
    keys = FilterKeys(briefing)
    docs = list(briefing_docs(briefing))
    for order, (doc, cited, section_id) in zip(
        engine.iter_orders(seq, len(docs)), docs, strict=True
    ):
        writer.add_document(
            engine.tantivy_document(
                doc, order, bkey, keys.keys(doc, cited, section_id), briefing.language
            )
        )
    return len(docs)


class SearchIndex(Typos):
    """A search index over a whole library. Build (or open) once, query many times.

    Thread-safety: :meth:`search` only reads, so a UI may search from a worker thread while the
    main thread keeps the previous result on screen.
    """

    def __init__(self, index: tantivy.Index, positions: dict[int, int]) -> None:
        #: Briefing sequence number (the high bits of an item's order key) -> its position in
        #: the library, for ``Hit.order``.
        self._positions = positions
        self._index = index
        self._index.reload()
        self._searcher = index.searcher()
        # A function of the searcher, not a bound method: the index must not hold itself in a
        # cycle, or its files would stay mapped until a garbage collection.
        self._names = FilterNames(partial(_keys_of, self._searcher))
        # The same for the library's words, read on first use and shared with the translator.
        self._words: Callable[[], Lexicon] = cache(partial(Lexicon, self._searcher))
        self._translator = BestFirstTranslator(
            index.schema, self._searcher, self._names, self._words
        )
        #: Order key -> the item read back (see ``_item``).
        self._items: dict[int, Doc] = {}

    # -- building and opening -------------------------------------------------------------------

    @classmethod
    def build(cls, library: Library) -> SearchIndex:
        """Index every briefing of ``library`` in memory, in reading order."""
        index = engine.open_index(None)
        writer = engine.writer(index)
        for position, briefing in enumerate(library.briefings):
            add_briefing(writer, briefing, position, str(position))
        writer.commit()
        writer.wait_merging_threads()
        return cls(index, {i: i for i in range(len(library.briefings))})

    @classmethod
    def open(cls, index: tantivy.Index, positions: dict[int, int]) -> SearchIndex:
        """An index written by a store; ``positions`` maps briefing sequence numbers to their
        place in the library's reading order."""
        return cls(index, positions)

    # -- introspection --------------------------------------------------------------------------

    @property
    def doc_count(self) -> int:
        """How many searchable items the index holds."""
        return int(self._searcher.num_docs)

    @property
    def briefing_count(self) -> int:
        """How many briefings the index covers (hits name their briefing when above one)."""
        return len(self._positions)

    @property
    def term_count(self) -> int:
        """How many distinct words the index holds (walks the term dictionary: for reports,
        not for every keystroke)."""
        return len(self._searcher.terms_with_prefix("body", ""))

    def costly_letters(self, items: int) -> list[str]:
        """The letters starting words in at least ``items`` items, the most used first: the
        lone letters dearest to search (see ``search/recent.py``). Read from the first-letter
        field's term dictionary, in well under a millisecond."""
        letters = self._searcher.terms_with_prefix(engine.PREFIX_FIELD["body"], "")
        return [t for t, n in sorted(letters, key=lambda tn: (-tn[1], tn[0])) if n >= items]

    def prepare(self) -> None:
        """Read the library's words, forms and letters now rather than on the first keystroke
        (60-100 ms at 1,000 briefings, growing with the vocabulary): for a worker thread, once
        the index is open."""
        self._lexicon().prepare()

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
        """Matching and ranking in tantivy; exact checks and hits here. Each one-word term also
        matches the library's other forms of its word; with few hits, words a typo away too."""
        if query.is_empty or self.doc_count == 0:
            return SearchResult(query.text, (), 0, None, query)
        if any(single_word(t) for t in (*query.terms, *query.excluded)):
            lexicon = self._lexicon()
            query = with_forms(query, lexicon.forms.forms, lexicon.family)
        ranked, total = self._ranked(query, limit)
        corrected = suggestion = None
        if total < self.FEW_HITS and query.terms:
            # Few or no hits: let long words match a typo away too (issue #15).
            retry, corrected = self._with_near(query)
            if corrected is not None:
                more, more_total = self._ranked(retry, limit)
                if more_total > total:
                    query, ranked, total = retry, more, more_total
                else:
                    corrected = None
            if not total:
                suggestion = self._suggest(query)
        matchers = [term_matcher(t) for t in query.terms]

        def build(i: int) -> Hit:
            (score, tier, address), order = ranked[i]
            doc = self._item(address, order)
            return self._hit(doc, query, matchers, score, tier)

        hits = LazyHits(len(ranked), build, EAGER_HITS)
        return SearchResult(query.text, hits, total, None, query, corrected, suggestion)

    def _ranked(self, query: Query, limit: int | None) -> tuple[list[Any], int]:
        """The ranked rows ``((score, tier, address), order)`` of a query, and how many items
        match it in all."""
        translator = self._translator
        checked = [t for t in (*query.terms, *query.excluded) if needs_check(t)]
        everything = self.doc_count
        want = everything if (limit is None or checked) else max(1, limit)
        if not query.terms:
            found = self._searcher.search(
                translator.translate(query),
                want,
                count=True,
                order_by_field="order",
                order=self._asc(),
            )
            rows = [(0.0, 0, address) for _, address in found.hits]
            total = int(found.count or 0)
        else:
            found, total = self._best_first(query, want) if want < everything else (None, 0)
            if found is None:
                found = self._searcher.search(translator.translate(query), want, count=True)
                total = int(found.count or 0)
            rows = [(*reversed(tier_of(score)), address) for score, address in found.hits]
        orders = self._searcher.fast_field_values("order", [a for _, _, a in rows])
        # Ties in rank keep reading order.
        ranked = sorted(zip(rows, orders, strict=True), key=lambda r: (-r[0][1], -r[0][0], r[1]))
        if checked:
            kept = []
            for row in ranked:
                doc = self._item(row[0][2], row[1])
                if self._passes(query, doc):
                    kept.append(row)
            ranked, total = kept, len(kept)
        if limit is not None:
            ranked = ranked[:limit]
        return ranked, total

    def _best_first(self, query: Query, want: int) -> tuple[Any, int]:
        """The ``want`` best hits of ``query`` and how many items match it, found among the
        items that outrank all others (``narrow.BestFirstTranslator.best``: matching every
        word as typed, in a title and as a phrase; else every word as typed) when at least
        ``want`` do; (None, 0) otherwise.

        The best hits are then theirs, scored as the whole query scores them, and only the
        count needs the whole query, unscored. At 10,000 briefings ``power of`` took 42 ms
        scored as a whole (every item holding a word ``of`` starts scored, ``of`` itself twice,
        and the phrase checked in 82,000 items), 9 ms this way."""
        translator = self._translator
        for titled in (True, False):
            best = translator.best(query, titled)
            if best is None:
                continue
            found = self._searcher.search(best, want, count=False)
            if len(found.hits) >= want:
                counted = self._searcher.search(translator.matching(query), 1, count=True)
                return found, int(counted.count or 0)
        return None, 0

    def _match(self, query: Query) -> int:
        """How many items match ``query`` (typo suggestions try queries with this)."""
        return self._ranked(query, 1)[1]

    def _lexicon(self) -> Lexicon:
        """The library's words, read from the index when a query first needs them."""
        return self._words()

    def _asc(self) -> Any:
        import tantivy

        return tantivy.Order.Asc

    def _item(self, address: Any, order: int) -> Doc:
        """An item's document, from what the index stored; ``Doc.briefing`` is its briefing's
        place in the library and ``Doc.local`` its place in the briefing (for ``Hit.order``).
        Kept (:data:`ITEMS_KEPT`): the searcher's documents never change."""
        kept = self._items.get(order)
        if kept is not None:
            return kept
        stored = self._searcher.doc(address)
        bid, kind, target, ref, location, title, fields = engine.decode_doc(
            stored.get_first("item")
        )
        position = self._positions.get(order >> engine.LOCAL_BITS, order >> engine.LOCAL_BITS)
        local = order & ((1 << engine.LOCAL_BITS) - 1)
        doc = Doc(position, bid, kind, target, ref, location, title, make_fields(fields), local)
        items = self._items
        if len(items) >= ITEMS_KEPT:
            # Searches may run on two threads at once (a stale worker finishing): the oldest
            # entry may already be gone.
            with contextlib.suppress(RuntimeError, StopIteration, KeyError):
                del items[next(iter(items))]
        items[order] = doc
        return doc

    def _passes(self, query: Query, doc: Doc) -> bool:
        """The exact check of terms the index matched word by word (mixed CJK)."""
        for term in query.terms:
            if needs_check(term) and not _found(term_matcher(term), doc.fields):
                return False
        return not any(
            needs_check(t) and _found(term_matcher(t), doc.fields) for t in query.excluded
        )

    # -- hits -----------------------------------------------------------------------------------

    def _hit(
        self,
        doc: Doc,
        query: Query,
        matchers: Sequence[Matcher],
        score: float,
        tier: int,
    ) -> Hit:
        """The hit for one ranked document: the field to show, its snippet and spans."""
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
            order=(doc.briefing, doc.local),
            phrase_hit=bool(tier & 2),
            title_hit=bool(tier & 1),
            _field=chosen,
            _query=query,
        )


def _found(matcher: Matcher, fields: Iterable[Any]) -> bool:
    return any(matcher.found_in(f.folded, f.has_cjk) for f in fields)


def _keys_of(searcher: tantivy.Searcher, field: str) -> list[str]:
    """Distinct keys of one filter field, from the term dictionary."""
    return [t for t, _ in searcher.terms_with_prefix(engine.FILTER_FIELD[field], "")]
