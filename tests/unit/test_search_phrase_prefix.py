"""The phrase lift of an unquoted query whose last word is a broad prefix uses that word's most
common expansions only (translate.py, PHRASE_PREFIX_MOST): the same items and count, the phrase
hits of those expansions still lifted. The limit is lowered so the bundled briefing has one.
(A one-letter last word lifts no phrase at all: translate.PHRASE_LETTERS.)"""

from __future__ import annotations

import pytest

from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.search import SearchIndex, translate


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    result = load_library(bundled_content_path())
    assert not result.broken, result.problems
    return SearchIndex.build(result.library)


def _items(hits: object) -> set[tuple[str, str, str]]:
    return {(h.kind, h.target_id, h.location) for h in hits}  # type: ignore[attr-defined]


def test_a_broad_last_prefix_keeps_the_items_and_the_common_phrase_hits(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = index.search("power of", limit=None)
    full_phrase = _items(h for h in full.hits if h.phrase_hit)
    assert full_phrase  # "Power of Siberia"
    monkeypatch.setattr(translate, "PHRASE_PREFIX_MOST", 1)
    capped = index.search("power of", limit=None)
    assert capped.total == full.total
    assert _items(capped.hits) == _items(full.hits)
    capped_phrase = _items(h for h in capped.hits if h.phrase_hit)
    assert capped_phrase and capped_phrase <= full_phrase
    of_phrase = _items(h for h in full.hits if h.phrase_hit and "power of" in h.text.lower())
    assert of_phrase <= capped_phrase  # "of" is among the most common words starting with "of"


def test_below_the_limit_the_phrase_lift_is_unchanged(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled briefing's prefixes start fewer words than the default limit: its queries
    rank exactly as with no limit at all."""
    queries = ["power of", "power off", "gas pr", "eastern ru"]
    ranked = {q: _ranked(index, q) for q in queries}
    monkeypatch.setattr(translate, "PHRASE_PREFIX_MOST", 10**9)
    assert {q: _ranked(index, q) for q in queries} == ranked
    assert any(h.phrase_hit for h in index.search("power of", limit=None).hits)


def _ranked(index: SearchIndex, query: str) -> list[tuple[str, str, bool, float]]:
    return [
        (h.target_id, h.location, h.phrase_hit, round(h.score, 6))
        for h in index.search(query, limit=None).hits
    ]
