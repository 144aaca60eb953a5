"""A one-letter prefix is matched through the first-letter fields (engine.PREFIX_FIELD), and a
phrase lift whose last word is a prefix through a union of plain phrases
(translate.PHRASE_UNION_MOST): both must find, count and rank exactly what matching every word
the prefix starts (a fuzzy prefix query, a regex phrase) finds, in every script."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from edited import edited_copy, index_of

from briefing_tui.content.loader import load_library
from briefing_tui.search import SearchIndex, translate
from briefing_tui.search.documents import briefing_docs
from briefing_tui.search.engine import PREFIX_FIELD, document_fields
from briefing_tui.search.narrow import BestFirstTranslator
from briefing_tui.search.query import parse_query
from briefing_tui.search.text import is_cjk

MINI = Path(__file__).resolve().parent.parent / "data" / "mini"
#: Text in several scripts: Russian (with «й»), accents, digits, CJK, and letters and digits
#: Python counts as such that Rust's regex does not ("௰", a Tamil number) or that fold to
#: something else ("²", "ǅ").
EDITS = {
    "briefing.toml": [('id = "mini"', 'id = "intl"')],
    "sections.toml": [
        (
            "Gas talks resumed, said the ministry.",
            "Президент Zelenský spoke in Київ: talks resumed, 2025 x௰y ௰1 m² ǅemal éte.",
        ),
        ("The analyst thinks this matters.", "Москва и Пекин подписали йогурт соглашение ١٢."),
        ("Brussels took note.", "中俄关系进入新时代 and the Straße was closed."),
    ],
    "sources.toml": [('heading = "Sources"', 'heading = "Источники"')],
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    root = tmp_path_factory.mktemp("library")
    shutil.copytree(MINI, root / "mini")
    edited_copy(MINI, root / "intl", EDITS)
    return index_of(root)


def _every_word(self: translate.Translator, part: str, word: str) -> Any:
    """Matching every word ``word`` starts, as before the first-letter fields."""
    return self.t.Query.fuzzy_term_query(self.schema, part, word, 0, True, True)


def _ranked(index: SearchIndex, query: str, limit: int | None = None) -> tuple[Any, ...]:
    """Count and ranked hits of ``query``: all of them, or the ``limit`` best."""
    result = index.search(query, limit=limit)
    assert result.error is None, result.error
    rows = [
        (h.kind, h.target_id, h.location, h.phrase_hit, h.title_hit, round(h.score, 4))
        for h in result.hits
    ]
    return result.total, rows


def _letters(index: SearchIndex) -> list[str]:
    words = index._lexicon().vocabulary
    return sorted({w[0] for w in words if not is_cjk(w)})


def _queries(index: SearchIndex) -> list[str]:
    letters = _letters(index)
    out = list(letters)
    out += [f"talks {c}" for c in letters]  # next to a word, and lifted as a phrase
    out += [f"gas -{c}" for c in letters[:8]]  # excluded
    out += [f"kind:paragraph {c}" for c in letters[:8]]  # with a filter
    out += [f"talks-{c}" for c in letters[:8]]  # a phrase, typed
    return out


def test_the_index_holds_letters_of_every_script(index: SearchIndex) -> None:
    letters = _letters(index)
    for letter in ("п", "к", "й", "z", "e", "2", "௰", "١", "d"):
        assert letter in letters, letter


def test_one_letter_prefixes_find_count_and_rank_as_every_word_they_start(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = _queries(index)
    through_field = {q: _ranked(index, q) for q in queries}
    assert all(total for total, _ in (through_field[c] for c in _letters(index)))
    monkeypatch.setattr(translate.Translator, "_every", _every_word)
    assert {q: _ranked(index, q) for q in queries} == through_field


def test_longer_prefixes_and_cjk_are_untouched(index: SearchIndex) -> None:
    """Two letters and more still walk the words they start; CJK has fields of its own."""
    for query in ("ta", "tal", "мо", "x௰", "俄", "中俄关系", "新时代 an"):
        total, rows = _ranked(index, query)
        assert total == len(rows) and total > 0, query


def test_an_item_holds_the_first_letter_of_each_of_its_words(index: SearchIndex) -> None:
    library = load_library(MINI).library
    for doc, _cited, _section in briefing_docs(library.briefings[0]):
        fields = document_fields(doc, 0, "0", {})
        words = " ".join(" ".join(v) for k, v in fields.items() if k == "body").split()
        assert fields.get(PREFIX_FIELD["body"], [""])[0].split() == sorted({w[0] for w in words})
        titles = " ".join(" ".join(v) for k, v in fields.items() if k == "title").split()
        expected = sorted({w[0] for w in titles})
        assert fields.get(PREFIX_FIELD["title"], [""])[0].split() == expected


def _regex_phrase(self: translate.Translator, phrase: Any) -> Any:
    """The phrase lift as tantivy's regex phrase, as before the union of phrases."""
    words = phrase.words
    if not phrase.prefix:
        return [self.t.Query.phrase_query(self.schema, "body", list(words))]
    start, end = self.lexicon().prefixed(words[-1])
    if end - start > translate.PHRASE_PREFIX_MOST:
        last = "(" + "|".join(re.escape(e) for e in self._expansions(words[-1])) + ")"
    else:
        last = f"{words[-1]}.*"
    return [self.t.Query.regex_phrase_query(self.schema, "body", [*words[:-1], last])]


@pytest.mark.parametrize("most", [translate.PHRASE_PREFIX_MOST, 1])
def test_the_phrase_lift_as_a_union_of_phrases_ranks_as_the_regex_phrase(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch, most: int
) -> None:
    """However the phrase lift is built (every word the last one starts, or its most common
    ones when it starts more than ``PHRASE_PREFIX_MOST``), it ranks as the regex phrase."""
    monkeypatch.setattr(translate, "PHRASE_PREFIX_MOST", most)
    queries = ["talks r", "talks re", "talks resumed", "gas t", "power o", "power of", "spoke i"]
    queries += ["москва и", "москва и п", "said the m", "the straße w"]
    queries += [f"the {c}" for c in _letters(index)]
    union = {q: _ranked(index, q) for q in queries}
    assert any(row[3] for _, rows in union.values() for row in rows)  # phrase hits exist
    monkeypatch.setattr(translate.Translator, "_adjacent", _regex_phrase)
    assert {q: _ranked(index, q) for q in queries} == union


def test_a_one_letter_last_word_lifts_no_phrase_and_finds_the_same(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """translate.PHRASE_LETTERS: ``talks r`` lifts no phrase hits (``talks re`` does), and
    finds and counts what it found with the lift."""
    cut = index.search("talks r", limit=None)
    assert cut.total and not any(h.phrase_hit for h in cut.hits)
    assert any(h.phrase_hit for h in index.search("talks re", limit=None).hits)
    monkeypatch.setattr(translate, "PHRASE_LETTERS", 1)
    lifted = index.search("talks r", limit=None)
    assert any(h.phrase_hit for h in lifted.hits)
    assert lifted.total == cut.total
    assert {h.target_id for h in lifted.hits} == {h.target_id for h in cut.hits}


BEST_FIRST = [
    "talks",
    "gas",
    "the",
    "talks resumed",
    "gas talks",
    "the gas talks",
    "resumed t",
    "gas -talks",
    "talks -gas",
    "kind:paragraph talks",
    "москва",
    "москва и",
    "подписали",
    "zelensky",
    "2025",
]


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_the_best_hits_first_rank_and_count_as_the_whole_query(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """SearchIndex._best_first: the best hits, found among the items matching every word as
    typed, and the count, are the whole query's (scores equal up to float rounding: tantivy
    may add three or more words' scores in another order)."""
    used = []
    best_first = SearchIndex._best_first

    def spy(self: SearchIndex, query: Any, want: int) -> Any:
        found = best_first(self, query, want)
        used.append(found[0] is not None)
        return found

    monkeypatch.setattr(SearchIndex, "_best_first", spy)
    fast = {q: _ranked(index, q, limit) for q in BEST_FIRST}
    assert sum(used) >= 3  # the short way is taken (the others have too few best hits)
    monkeypatch.setattr(SearchIndex, "_best_first", lambda *_: (None, 0))
    assert {q: _ranked(index, q, limit) for q in BEST_FIRST} == fast


def test_a_lone_prefix_as_one_union_ranks_as_the_nested_query(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Translator._lone_prefix: a word being typed alone, flattened into one union, finds,
    counts and scores what the nested query does (every letter and two letters of every
    script; a word of the library, a filter or an exclusion keep the nested query)."""
    words = index._lexicon().vocabulary
    queries = _letters(index) + sorted({w[:2] for w in words if len(w) > 2 and not is_cjk(w)})
    queries += ["talk", "resum", "kind:paragraph t", "t -gas", "москв"]
    flat = {(q, n): _ranked(index, q, n) for q in queries for n in (None, 2)}
    assert index._translator._lone_prefix(parse_query("t")) is not None
    monkeypatch.setattr(BestFirstTranslator, "_lone_prefix", lambda *_: None)
    assert {(q, n): _ranked(index, q, n) for q in queries for n in (None, 2)} == flat
