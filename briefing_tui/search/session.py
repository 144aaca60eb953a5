"""The search session: hits in reading order, one stop per occurrence, for ``n``/``N``.

The results list is ranked, but an analyst stepping with ``n`` expects ``less``: the next match
further down the text, every occurrence in turn, not the next-best item. Stops follow the tabs
as numbered (overview, report, agreements, sources) and each tab's own order; hits in other
briefings of a library come after, in rank order. No UI code, so it is tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from briefing_tui.content.record import record
from briefing_tui.reading.refs import TABS, BriefingRefs

Span = tuple[int, int]


class HitLike(Protocol):
    """What a stop needs of a search hit (``search_results.Hit`` has these)."""

    briefing_id: str
    target_id: str
    ref: str | None
    kind: str
    location: str


@record
class Stop:
    """One place ``n`` lands: a hit, and for report text the match inside it."""

    #: Index into the result's ranked hits.
    hit: int
    #: The paragraph to show, when the stop is a match in report text.
    paragraph: str | None = None
    #: The match inside that paragraph's full text.
    span: Span | None = None


def _tab_of(hit: HitLike, refs: BriefingRefs) -> int:
    target = refs.target(hit.target_id) or (refs.target(hit.ref) if hit.ref else None)
    if target is not None:
        return TABS.index(target.tab)
    pseudo = {"#agreements": "agreements", "#sources": "sources"}
    return TABS.index(pseudo.get(hit.target_id, "overview"))  # type: ignore[arg-type]


def stops_in_reading_order(
    hits: Sequence[HitLike], refs: BriefingRefs, spans: Callable[[str], list[Span]]
) -> list[Stop]:
    """Every stop for ``hits``: report matches per occurrence, other items once each.

    ``spans`` gives the matches of the query in a text (the screen passes its marker).
    """
    order = {target_id: i for i, target_id in enumerate(refs.targets)}
    briefing_id = refs.briefing.id
    here = [i for i, hit in enumerate(hits) if hit.briefing_id == briefing_id]
    elsewhere = [i for i, hit in enumerate(hits) if hit.briefing_id != briefing_id]
    keyed: list[tuple[tuple[int, int, int], Stop]] = []
    expanded: set[str] = set()
    for i in here:
        hit = hits[i]
        tab = _tab_of(hit, refs)
        target = hit.target_id if hit.target_id in order else hit.ref
        position = order.get(target or "", -1)
        paragraph = refs.paragraph(hit.target_id) if hit.kind == "paragraph" else None
        if paragraph is None:
            keyed.append(((tab, position, -1), Stop(i)))
            continue
        if paragraph.id in expanded:
            continue
        expanded.add(paragraph.id)
        matches = spans(paragraph.full_text) or [None]
        for span in matches:
            start = span[0] if span else -1
            keyed.append(((tab, position, start), Stop(i, paragraph.id, span)))
    keyed.sort(key=lambda pair: pair[0])
    return [stop for _, stop in keyed] + [Stop(i) for i in elsewhere]


@record
class Place:
    """Where the current stop is, for the screen to show."""

    hit: HitLike
    """The search hit of the stop."""
    stop: Stop
    counter: str
    """``3/17``: the stop's place among all stops."""
    target: str | None
    """The id to jump to in this briefing; None when the hit is in another briefing or has no
    item of its own here (a list heading)."""


class SearchSession:
    """The search an analyst steps through with ``n``/``N``, as ``less`` does.

    Holds the chosen result, its stops in reading order and the current one; knows nothing of
    the screen, so stepping, wrapping and where each stop lands are tested without a terminal.
    """

    def __init__(self, refs: BriefingRefs) -> None:
        self.refs = refs
        self.hits: Sequence[HitLike] = ()
        self.stops: list[Stop] = []
        self.position = 0

    @property
    def active(self) -> bool:
        return bool(self.stops)

    def start(
        self, hits: Sequence[HitLike], spans: Callable[[str], list[Span]], chosen: int
    ) -> None:
        """A search hit was chosen: stops from ``hits``, the current one at the chosen hit's
        first occurrence."""
        self.hits = hits
        self.stops = stops_in_reading_order(hits, self.refs, spans)
        self.position = next((i for i, s in enumerate(self.stops) if s.hit == chosen), 0)

    def clear(self) -> None:
        self.hits, self.stops, self.position = (), [], 0

    def step(self, step: int) -> str:
        """Move to the next (1) or previous (-1) stop; the note says when it wrapped."""
        position = self.position + step
        note = ""
        if position >= len(self.stops):
            position, note = 0, " — wrapped to the first match"
        elif position < 0:
            position, note = len(self.stops) - 1, " — wrapped to the last match"
        self.position = position
        return note

    def place(self) -> Place:
        stop = self.stops[self.position]
        hit = self.hits[stop.hit]
        target: str | None = None
        if hit.briefing_id == self.refs.briefing.id:
            if stop.paragraph is not None:
                target = stop.paragraph
            elif self.refs.target(hit.target_id) is not None:
                target = hit.target_id
            elif hit.ref and self.refs.target(hit.ref) is not None:
                target = hit.ref
        return Place(hit, stop, f"{self.position + 1}/{len(self.stops)}", target)
