"""Forms that Snowball keeps apart by over-stemming one of them (search/endings.py).

Russian Snowball stems «визит» to «виз» (as if a verb) but «визита» to «визит»: before light
stems the query «визита» missed «Киев резко осудил визит.» in the Russian v2 fixture, in the
search bar, ``briefing search`` and the picker alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.content.loader import load_library
from briefing_tui.search import SearchIndex, match_words
from briefing_tui.search.endings import light_key, light_stem

NOTE_RU = Path(__file__).resolve().parent.parent / "data" / "library-v2" / "visit-note-ru"
#: Items of the fixture whose text has «визит» in some form, by the form.
BARE = {"#overview", "ukraina"}  # «Визит, приуроченный…», «Киев резко осудил визит.»
GENITIVE = {"itogi", "kreml", "#timeline-2"}  # «Итоги визита», «…программе визита», «…визита:»


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    result = load_library(NOTE_RU)
    assert not result.broken, result.problems
    return SearchIndex.build(result.library)


@pytest.mark.parametrize(
    ("word", "light"),
    [
        ("визит", "визит"),
        ("визита", "визит"),
        ("визитами", "визит"),
        ("визитом", "визит"),
        ("сибирь", "сибир"),
        ("сибири", "сибир"),
        ("китай", "кита"),
        ("китая", "кита"),
        ("китаем", "кита"),
        ("российский", "российск"),
        ("российская", "российск"),
        ("мира", "мира"),  # never below four letters
        ("мир", None),
    ],
)
def test_light_stems(word: str, light: str | None) -> None:
    assert light_stem(word, "russian") == light


def test_no_light_stems_without_a_list_and_keys_apart_from_snowballs() -> None:
    assert light_stem("visits", "english") is None
    assert light_key("визита", "russian") == "~russian+light:визит"


@pytest.mark.parametrize("query", ["визита", "визита ", "визитом", "Визиты", "визит", "визит "])
def test_every_form_finds_every_other(index: SearchIndex, query: str) -> None:
    found = {hit.target_id.split("/")[-1] for hit in index.search(query).hits}
    assert found >= BARE | GENITIVE, (query, sorted(found))


def test_a_form_in_the_middle_of_a_query_too(index: SearchIndex) -> None:
    found = {hit.target_id for hit in index.search("визита Киев").hits}
    assert found == {"ukraina"}, found


def test_the_bare_form_is_marked_where_the_genitive_was_asked(index: SearchIndex) -> None:
    result = index.search("визита")
    hit = next(h for h in result.hits if h.target_id == "ukraina")
    assert [hit.snippet[a:b] for a, b in hit.snippet_spans] == ["визит"]


def test_the_picker_matches_the_same_way() -> None:
    assert match_words("визита", "Визит, приуроченный к 80-летию Победы") == [(0, 5)]
    assert match_words("Визит ", "Итоги визита") == [(6, 12)]
    # Light stems are compared only with light stems: «виза» (visa) is not a form of «визита».
    assert match_words("визита", "Выдана виза") is None
