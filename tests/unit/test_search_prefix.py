"""The fast paths of a keystroke give the answers of the slow ones: a prefix's union, its most
common expansions, items read back once, and the lexicon read ahead of the first query."""

from __future__ import annotations

import re

import pytest

from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.search import SearchIndex, fold, translate
from briefing_tui.search.documents import briefing_docs
from briefing_tui.search.lexicon import COMMON_KEPT

PREFIXES = ["a", "c", "p", "s", "t", "co", "pr", "st", "agre", "pipel", "sib", "xyzq"]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    result = load_library(bundled_content_path())
    assert not result.broken, result.problems
    return SearchIndex.build(result.library)


@pytest.fixture(scope="module")
def items() -> list[tuple[tuple[str, str, str], list[str]]]:
    """Every item of the bundled briefing with its folded fields, cut as the index cuts it."""
    briefing = load_library(bundled_content_path()).library.briefings[0]
    return [
        ((doc.kind, doc.target_id, doc.location), [f.folded for f in doc.fields])
        for doc, _, _ in briefing_docs(briefing)
    ]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_prefix_finds_every_item_holding_a_word_it_starts(
    index: SearchIndex, items: list[tuple[tuple[str, str, str], list[str]]], prefix: str
) -> None:
    """Checked against a plain scan of every item's text: a typed prefix finds every item with
    a word starting with it, and nothing else unless through forms or relatives of the word."""
    pattern = re.compile(rf"(?<![^\W_]){re.escape(prefix)}")
    scanned = {key for key, fields in items if any(pattern.search(f) for f in fields)}
    result = index.search(prefix, limit=None)
    assert result.error is None and result.total == len(result.hits)
    found = {(h.kind, h.target_id, h.location) for h in result.hits}
    assert scanned <= found
    term = result.query.terms[0] if result.query and result.query.terms else None
    if term is None or not (term.forms or term.family or term.near):
        assert found == scanned


@pytest.mark.parametrize("prefix", PREFIXES)
def test_most_common_expansions_are_tantivys(index: SearchIndex, prefix: str) -> None:
    lexicon = index._lexicon()
    wanted = [w for w, _ in index._searcher.terms_with_prefix("body", prefix, limit=8)]
    assert lexicon.most_common(prefix, 8) == wanted


def test_most_common_among_the_common_words_equals_the_whole_slice(index: SearchIndex) -> None:
    lexicon = index._lexicon()
    assert len(lexicon._common) >= min(COMMON_KEPT, len(lexicon.vocabulary))
    for prefix in ("a", "c", "s", "t", "p", "m"):
        start, end = lexicon.prefixed(prefix)
        freq = lexicon.doc_freq
        whole = sorted(lexicon.vocabulary[start:end], key=lambda w: (-freq[w], w))[:8]
        assert lexicon.most_common(prefix, 8) == whole


def test_prepare_reads_the_lexicon_ahead(index: SearchIndex) -> None:
    fresh = SearchIndex.build(load_library(bundled_content_path()).library)
    fresh.prepare()
    read = vars(fresh._lexicon())
    assert {"doc_freq", "vocabulary", "forms", "letters", "_common"} <= read.keys()
    assert fresh.search("agreed ").total == index.search("agreed ").total


def test_items_read_back_once_are_the_same_hits(index: SearchIndex) -> None:
    first = [h.as_dict() for h in index.search("power", limit=30).hits]
    again = [h.as_dict() for h in index.search("power", limit=30).hits]
    assert first == again
    assert fold("Power") in {fold(h["text"][a:b]) for h in first for a, b in h["text_spans"]}


def test_a_broad_prefix_finds_the_same_items_without_the_title_lift(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One or two letters on a large library lift no all-in-title hits (translate.py,
    TITLE_PREFIX_MOST); here the limit is lowered so the bundled briefing has such a prefix."""
    lifted = index.search("s", limit=None)
    assert any(h.title_hit for h in lifted.hits)
    monkeypatch.setattr(translate, "TITLE_PREFIX_MOST", 5)
    broad = index.search("s", limit=None)
    assert not any(h.title_hit for h in broad.hits)
    assert broad.total == lifted.total
    items = {(h.kind, h.target_id, h.location) for h in broad.hits}
    assert items == {(h.kind, h.target_id, h.location) for h in lifted.hits}
    # A whole word is no prefix: its title hits stay lifted.
    assert any(h.title_hit for h in index.search("power ").hits)
