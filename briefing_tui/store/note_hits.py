"""The analyst's notes as search hits, merged into what the engine found (``kind:note``).

Notes are not content: they change while the index stays as built, and they live in the
analyst's database, not in the library the engine indexes. So the browser (and ``briefing
search`` for a ``kind:note`` query) searches them here,
beside the engine, with the engine's own query parser and matcher, and adds them to its
result. A query with a filter notes cannot have (``source:``, ``area:``...) finds no note;
``kind:note`` finds notes alone (the index has no item of that kind).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from briefing_tui.search import (
    SNIPPET_WIDTH,
    Hit,
    Query,
    QueryError,
    SearchResult,
    fold,
    match_spans,
    parse_query,
)
from briefing_tui.search.results import LazyHits
from briefing_tui.state.model import Note

#: Most note hits added to one result.
MAX_NOTE_HITS = 50

#: Filters a note can be tested against; any other (not negated) one rules notes out.
NOTE_FIELDS = ("kind", "briefing")


def _found(text: str, query: Query, term: object) -> bool:
    plain_term = dataclasses.replace(term, negated=False)  # type: ignore[type-var]
    return bool(match_spans(text, Query(query.text, (plain_term,))))


def _passes_filters(note: Note, query: Query) -> bool:
    kinds = [f for f in query.filters if f.field == "kind" and not f.negated]
    if kinds and not any("note".startswith(f.value) for f in kinds):
        return False
    for f in query.filters:
        if f.field == "kind" and f.negated and "note".startswith(f.value):
            return False
        if f.field == "briefing":
            same = fold(note.ref.briefing) == f.value or fold(note.ref.briefing).startswith(f.value)
            if same == f.negated:
                return False
        if f.field not in NOTE_FIELDS and not f.negated:
            return False
    return True


def asks_for_notes(text: str) -> bool:
    """Whether a query names notes (``kind:note``): the command line searches them only then,
    so a script's usual searches print the library's hits alone."""
    try:
        query = parse_query(text)
    except QueryError:
        return False
    return any(
        f.field == "kind" and not f.negated and "note".startswith(f.value) for f in query.filters
    )


def matching_notes(
    text: str, notes: Sequence[tuple[Note, str]], title: str = "Your note"
) -> list[Hit]:
    """Hits for the notes (with where each is, for the list) that ``text`` finds; ``title``
    is what a note hit is called (the browser's in its chrome's language)."""
    try:
        query = parse_query(text)
    except QueryError:
        return []
    if query.is_empty:
        return []
    only_filters = not query.terms and not query.excluded
    hits: list[Hit] = []
    for note, location in notes:
        if only_filters and not any(f.field == "kind" for f in query.filters):
            continue  # "briefing:x" alone lists the briefing's items, not every note in it
        if not _passes_filters(note, query):
            continue
        body = note.text.replace("\n", " ")
        if not all(_found(body, query, t) for t in query.terms):
            continue
        if any(_found(body, query, t) for t in query.excluded):
            continue
        spans = match_spans(body, query) if query.terms else []
        start = max(0, spans[0][0] - 20) if spans else 0
        snippet = body[start : start + SNIPPET_WIDTH]
        shown = tuple(
            (max(0, s - start), min(len(snippet), e - start))
            for s, e in spans
            if e > start and s < start + len(snippet)
        )
        hits.append(
            Hit(
                briefing_id=note.ref.briefing,
                kind="note",
                target_id=note.ref.item,
                ref=None,
                location=location,
                title=title,
                field="note",
                text=body,
                snippet=snippet,
                snippet_spans=shown,
                score=0.0,
                order=(0, note.id),
                _query=query,
            )
        )
        if len(hits) >= MAX_NOTE_HITS:
            break
    return hits


def with_notes(
    result: SearchResult, notes: Sequence[tuple[Note, str]], title: str = "Your note"
) -> SearchResult:
    """``result`` with the matching notes after the engine's hits."""
    if result.error or not notes:
        return result
    found = matching_notes(result.text, notes, title)
    if not found:
        return result
    hits = result.hits
    joined = hits.followed_by(found) if isinstance(hits, LazyHits) else (*hits, *found)
    return dataclasses.replace(result, hits=joined, total=result.total + len(found))
