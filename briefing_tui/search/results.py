"""What a search returns: hits in rank order, each with what the UI needs to show and jump.

Plain data, no textual: the TUI renders hits with its own styles, the command line prints them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import field
from functools import cached_property
from typing import overload

from briefing_tui.content.record import record
from briefing_tui.reading.kinds import Kind
from briefing_tui.search.documents import Field
from briefing_tui.search.highlight import Span, find_spans, match_spans, original_spans
from briefing_tui.search.query import Query


@record(frozen=False, eq=False)
class Hit:
    """One search result, with everything the UI needs to list it and to jump to it.

    Treat it as read-only. (It is not a frozen dataclass only because frozen construction is
    several times slower, and a keystroke builds up to a few hundred hits.)
    """

    briefing_id: str
    #: paragraph, section, agreement, source, figure, timeline, reaction or briefing.
    kind: Kind
    #: The id to jump to. Items without an id of their own get a ``#``-prefixed pseudo id that
    #: can never clash with a slug: ``#overview``, ``#agreements``, ``#sources``, ``#timeline-2``.
    target_id: str
    #: For key figures, timeline events and reactions: the paragraph or agreement they cite.
    ref: str | None
    #: Where the hit is, for humans: ``§2.3 Economic ...``, ``Agreements › Power engineering``.
    location: str
    #: The item's own title (section title, agreement title, source title, figure label...).
    title: str
    #: Which field of the item the snippet comes from: text, title, label, quote, speaker, ...
    field: str
    #: The full text of that field (``text_spans`` gives every match in it).
    text: str
    #: A one-line excerpt around the first match, and the matches as offsets into it.
    snippet: str
    snippet_spans: tuple[Span, ...]
    #: Relevance (higher is better) and the reading-order key used to break ties.
    score: float
    order: tuple[int, int]
    #: True when the query's words appear as a phrase / all in the item's title.
    phrase_hit: bool = False
    title_hit: bool = False
    _field: Field | None = field(default=None, repr=False, compare=False)
    _query: Query | None = field(default=None, repr=False, compare=False)

    @cached_property
    def text_spans(self) -> tuple[Span, ...]:
        """Every match in ``text`` as (start, end); computed on first use, since a results list
        only needs the snippet's."""
        if self._field is None or self._query is None:
            return tuple(match_spans(self.text, self._query)) if self._query else ()
        f = self._field
        found = find_spans(f.folded, self._query, f.has_cjk)
        return tuple(original_spans(f.text, found, f.aligned))

    @property
    def spans(self) -> tuple[Span, ...]:
        """Alias of ``snippet_spans``, the spans most callers want."""
        return self.snippet_spans

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form, used by ``briefing search --json``."""
        return {
            "briefing_id": self.briefing_id,
            "kind": self.kind,
            "target_id": self.target_id,
            "ref": self.ref,
            "location": self.location,
            "title": self.title,
            "field": self.field,
            "text": self.text,
            "text_spans": [list(s) for s in self.text_spans],
            "snippet": self.snippet,
            "snippet_spans": [list(s) for s in self.snippet_spans],
            "score": round(self.score, 4),
            "order": list(self.order),
            "phrase_hit": self.phrase_hit,
            "title_hit": self.title_hit,
        }


class LazyHits(Sequence[Hit]):
    """Hits in rank order, each built (snippet, marks) when first read.

    A results list draws 40 hits at a time, and building one means reading the item back from
    the index and cutting its snippet: the first ``eager`` are built by the search itself (on
    the searching thread), the rest only if something reads them. Compares equal to a tuple of
    the same hits, so ``result.hits == ()`` still says "no hits".
    """

    def __init__(self, count: int, build: Callable[[int], Hit], eager: int) -> None:
        self._build = build
        self._built: list[Hit | None] = [None] * count
        for i in range(min(eager, count)):
            self[i]

    def __len__(self) -> int:
        return len(self._built)

    @overload
    def __getitem__(self, i: int) -> Hit: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Hit, ...]: ...
    def __getitem__(self, i: int | slice) -> Hit | tuple[Hit, ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        hit = self._built[i]
        if hit is None:
            hit = self._built[i] = self._build(i if i >= 0 else len(self) + i)
        return hit

    def __iter__(self) -> Iterator[Hit]:
        return (self[i] for i in range(len(self)))

    def followed_by(self, more: Sequence[Hit]) -> LazyHits:
        """These hits, then ``more``: the analyst's notes after the engine's hits, without
        building the 200 engine hits a broad query keeps (3-14 ms a keystroke) to add them."""
        count = len(self)

        def build(i: int) -> Hit:
            return self[i] if i < count else more[i - count]

        return LazyHits(count + len(more), build, 0)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LazyHits({len(self)})"


@record(slots=True)
class SearchResult:
    """Hits in rank order; ``total`` counts every match even when ``limit`` cut the list."""

    text: str
    hits: Sequence[Hit] = ()
    total: int = 0
    #: A one-line message for a malformed query; the UI shows it inline instead of results.
    error: str | None = None
    query: Query | None = None
    #: The query as words a typo away made it match, when few hits led the engine to try
    #: them: shown as "showing results for …" (issue #15).
    corrected: str | None = None
    #: With no hits: a query a typo away that has some ("did you mean …").
    suggestion: str | None = None

    def __bool__(self) -> bool:
        return bool(self.hits)
