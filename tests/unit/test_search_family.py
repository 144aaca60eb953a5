"""Derivational families and names in the bundled briefing (issue #15).

Snowball removes inflections but keeps derivations apart ("agreed" -> "agre", "agreements" ->
"agreement"; «переговоры» -> «переговор», «переговорный» -> «переговорн»). A query word also
finds its derivational relatives, ranked below the word as typed and its forms; short stems
have no family. Runs on the bundled briefing and on a copy of the Russian forms fixture with
a few words changed into relatives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from edited import edited_copy, index_of

from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.search import SearchIndex, SearchResult, fold
from briefing_tui.search.analysis import family_key

FORMS_RU = Path(__file__).resolve().parent.parent / "data" / "library-forms" / "forms-ru"


def keys(result: SearchResult) -> list[tuple[str, str, str, str]]:
    """Each hit as (briefing, target, kind, location): one item."""
    assert result.error is None, result.error
    return [(h.briefing_id, h.target_id, h.kind, h.location) for h in result.hits]


def marked_words(result: SearchResult) -> set[str]:
    """Every word marked in any hit's full text, folded."""
    return {fold(h.text[a:b]) for h in result.hits for a, b in h.text_spans}


@pytest.fixture(scope="module")
def bundled() -> SearchIndex:
    result = load_library(bundled_content_path())
    assert not result.broken, result.problems
    return SearchIndex.build(result.library)


@pytest.fixture(scope="module")
def russian(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    """The Russian forms fixture with relatives of «переговоры» and «Россия» written in."""
    root = tmp_path_factory.mktemp("family")
    edits = [
        (
            "По итогам переговоров лидеры подписали совместное заявление.",
            "Переговорный процесс продолжится, заявила российская сторона.",
        ),
        (
            "В переговорах участвовал помощник президента Юрий Ушаков.",
            "В газовой отрасли работает помощник президента Юрий Ушаков.",
        ),
    ]
    edited_copy(FORMS_RU, root / "forms-ru", {"sections.toml": edits})
    return index_of(root)


def test_family_keys() -> None:
    assert family_key("agreed", "english") == family_key("agreements", "english") == "agre"
    assert family_key("statement", "english") == family_key("state", "english")
    assert family_key("переговоры", "russian") == family_key("переговорный", "russian")
    assert family_key("россия", "russian") == family_key("российский", "russian")
    assert family_key("китай", "russian") == family_key("китайский", "russian")
    assert family_key("сибирь", "russian") == family_key("сибирский", "russian")
    # Short stems have no family; "-er" is no English derivation here ("corner" is no "corn").
    assert family_key("газ", "russian") is None
    assert family_key("gas", "english") is None
    assert family_key("corner", "english") != family_key("corn", "english")


def test_agreed_finds_agreements_in_the_bundled_briefing_below_its_forms(
    bundled: SearchIndex,
) -> None:
    result = bundled.search("agreed ")
    order = keys(result)
    exact = set(keys(bundled.search('"agreed"')))
    forms = {k for w in ("agree", "agrees", "agreeing") for k in keys(bundled.search(f'"{w}"'))}
    forms -= exact
    family = set(order) - exact - forms
    assert exact and family
    assert "agreements" in marked_words(result)
    # Every item as typed, then its forms, then its family only.
    grades = [0 if k in exact else 1 if k in forms else 2 for k in order]
    assert grades == sorted(grades)
    # Nothing an exact search finds is lost.
    assert exact <= set(order)


def test_pipelines_finds_pipeline_in_the_bundled_briefing(bundled: SearchIndex) -> None:
    plural, singular = bundled.search("pipelines "), bundled.search('"pipeline"')
    assert set(keys(singular)) <= set(keys(plural))
    assert "pipeline" in marked_words(plural)


@pytest.mark.parametrize("typed", ["Yury Ushakov", "Yuri Ushakov", "yury ushakov "])
def test_both_spellings_of_ushakov_in_the_bundled_briefing(
    bundled: SearchIndex, typed: str
) -> None:
    """The source list spells "Yury Ushakov", the report's text "Yuri Ushakov"."""
    result = bundled.search(typed)
    kinds = {h.kind for h in result.hits}
    assert {"source", "paragraph"} <= kinds
    assert {"yury", "yuri", "ushakov"} <= marked_words(result)
    both = set(keys(bundled.search('"Yury Ushakov"'))) | set(keys(bundled.search('"Yuri Ushakov"')))
    assert both <= set(keys(result))


def test_russian_relatives_rank_below_forms(russian: SearchIndex) -> None:
    result = russian.search("переговоры ")
    words = [fold(h.text[a:b]) for h in result.hits for a, b in h.text_spans[:1]]
    assert "переговорный" in words
    # The relative comes after every hit holding a form of «переговоры».
    first_relative = words.index("переговорный")
    assert all(w.startswith("переговор") and w != "переговорный" for w in words[:first_relative])
    assert all(w == "переговорный" for w in words[first_relative:])


def test_russian_country_finds_its_adjective(russian: SearchIndex) -> None:
    result = russian.search("Россия ")
    assert [fold(h.text[a:b]) for h in result.hits for a, b in h.text_spans] == ["российская"]


def test_short_words_bring_no_family(russian: SearchIndex) -> None:
    # «газ» is too short to have a family: «газовой» and «газопровод» are not found by it.
    result = russian.search("газ ")
    assert not {"газовой", "газопровод", "газопровода"} & marked_words(result)
