"""Search in the analyst's language (issue #15): word forms, ranking, typos, suggestions.

Runs on ``tests/data/library-forms``: a short Russian note (``forms-ru``) and a short English
one (``forms-en``) whose words appear in several forms. No UI is involved.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.cli.commands import main
from briefing_tui.content.loader import load_library
from briefing_tui.search import SearchIndex, SearchResult, fold, match_spans, match_words
from briefing_tui.search.analysis import algorithm_for, stem, word_algorithm
from briefing_tui.search.typos import alphabets, close_words, edit_distance, typo_limit

FORMS = Path(__file__).resolve().parent.parent / "data" / "library-forms"
GAS = {"gaz", "gaz.p1", "gaz.p2", "gaz.p3", "gaz.p4", "gaz.p5"}


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    result = load_library(FORMS)
    assert not result.broken, result.problems
    return SearchIndex.build(result.library)


def ids(result: SearchResult) -> list[str]:
    assert result.error is None, result.error
    return [hit.target_id for hit in result.hits]


def marked(result: SearchResult) -> dict[str, list[str]]:
    """Per hit, the words highlighted in its snippet (as written in the text)."""
    return {h.target_id: [h.snippet[a:b] for a, b in h.snippet_spans] for h in result.hits}


# --------------------------------------------------------------------------------------------
# The examples
# --------------------------------------------------------------------------------------------


def test_gas_pipeline_price_finds_the_same_three_in_any_form(index: SearchIndex) -> None:
    genitive = index.search("газопровода цена")
    nominative = index.search("газопровод цена")
    assert sorted(ids(genitive)) == ["gaz.p1", "gaz.p2", "gaz.p3"]
    assert sorted(ids(nominative)) == ["gaz.p1", "gaz.p2", "gaz.p3"]
    assert marked(nominative) == {
        "gaz.p1": ["Цена", "газопровода"],
        "gaz.p2": ["цене", "газопровода"],
        "gaz.p3": ["цены", "газопровода"],
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # The text has «Монголии» and «Монголию»; the title holds «Монголия» as typed.
        ("Монголия", {"#overview": ["Монголия"], "gaz": ["Монголию"], "gaz.p2": ["Монголии"]}),
        ("Сибирь", {"gaz.p4": ["Сибири"], "dip.p2": ["Сибири"]}),
        ("Путину", {"gaz.p3": ["Путин"], "gaz.p5": ["Путина"]}),
    ],
)
def test_names_match_in_other_cases(
    index: SearchIndex, query: str, expected: dict[str, list[str]]
) -> None:
    assert marked(index.search(query)) == expected


def test_negotiations_finds_every_negotiations_of(index: SearchIndex) -> None:
    result = index.search("переговоры")
    found = marked(result)
    # «переговоров» five times (a section title, the briefing's title, three paragraphs),
    # «переговорах» twice; «переговоры» as typed nowhere.
    assert {k for k, v in found.items() if v == ["переговоров"]} == {
        "dip",
        "#overview",
        "gaz.p1",
        "dip.p1",
        "dip.p2",
    }
    assert {k for k, v in found.items() if v == ["переговорах"]} == {"gaz.p5", "dip.p3"}
    assert result.total == 7


@pytest.mark.parametrize(
    ("form", "first"),
    [
        ("газопровод", "gaz"),  # nominative (the section title)
        ("газопровода", "gaz.p1"),  # genitive
        ("газопроводу", "gaz.p4"),  # dative
        ("газопроводе", "gaz.p5"),  # prepositional
    ],
)
def test_every_case_of_a_noun_finds_every_other(index: SearchIndex, form: str, first: str) -> None:
    result = index.search(form + " ")
    assert set(ids(result)) == GAS
    # The form as typed ranks above the other forms.
    assert ids(result)[0] == first or fold(form) in [
        fold(w) for w in marked(result)[ids(result)[0]]
    ]
    assert fold(marked(result)[first][0]) == form


@pytest.mark.parametrize("verb", ["подписал", "подписали"])
def test_two_forms_of_a_verb_find_each_other(index: SearchIndex, verb: str) -> None:
    result = index.search(verb + " ")
    assert marked(result) == {"dip.p1": ["подписали"], "dip.p2": ["подписал"]}
    assert fold(marked(result)[ids(result)[0]][0]) == verb


def test_english_plural_and_singular(index: SearchIndex) -> None:
    pipelines = index.search("pipelines ")
    assert set(ids(pipelines)) == {"gas", "#overview", "gas.p1", "gas.p3"}
    assert {w.lower() for words in marked(pipelines).values() for w in words} == {"pipeline"}
    agreements = index.search("agreements ")
    # As typed, then another form ("agreement"), then the family ("agreed").
    assert ids(agreements) == ["gas.p3", "gas.p4", "gas.p2"]
    assert marked(agreements) == {
        "gas.p3": ["agreements"],
        "gas.p4": ["agree", "agreement"],
        "gas.p2": ["agreed"],
    }


def test_english_verb_forms_then_derivations(index: SearchIndex) -> None:
    # Snowball keeps derivations apart ("agreed" -> "agre", "agreement" -> "agreement"); the
    # family tier brings "agreements" back, below the word as typed and its forms.
    result = index.search("agreed ")
    assert ids(result) == ["gas.p2", "gas.p4", "gas.p3"]
    assert marked(result) == {
        "gas.p2": ["agreed"],
        "gas.p4": ["agree", "agreement"],
        "gas.p3": ["agreements"],
    }


def test_yury_finds_yuri_ushakov(index: SearchIndex) -> None:
    """The source list spells "Yury Ushakov", the text "Yuri Ushakov" (as in the bundled
    report); the English stemmer already writes final y as i, so both spellings meet."""
    result = index.search("Yury Ushakov")
    assert ids(result) == ["ushakov", "gas.p5", "gas.p2"]
    assert marked(result)["gas.p2"] == ["Yuri", "Ushakov"]
    assert ids(index.search("Yuri Ushakov"))[-1] == "ushakov"  # the other spelling last


# --------------------------------------------------------------------------------------------
# Rules that stay
# --------------------------------------------------------------------------------------------


def test_exact_phrases_stay_exact(index: SearchIndex) -> None:
    assert ids(index.search('"газопровод"')) == ["gaz"]
    assert ids(index.search('"переговоры"')) == []
    assert ids(index.search('"цене газопровода"')) == ["gaz.p2"]
    assert ids(index.search('"цена газопровода"')) == ["gaz.p1"]


def test_the_last_word_is_still_a_prefix_while_typed(index: SearchIndex) -> None:
    assert set(ids(index.search("газопр"))) == GAS
    assert ids(index.search("газопр ")) == []
    assert marked(index.search("Мон"))["gaz"] == ["Монголию"]


def test_excluded_words_leave_out_every_form(index: SearchIndex) -> None:
    assert set(ids(index.search("газопровод -цена"))) == {"gaz", "gaz.p4", "gaz.p5"}


def test_reading_view_highlights_the_forms_found(index: SearchIndex) -> None:
    """The briefing screen marks matches with ``match_spans(text, result.query)``: the query
    the engine ran carries the library's forms of each word, so the same forms are marked."""
    result = index.search("газопровод ")
    text = "Газопроводу «Сила Сибири — 2»: о газопроводе и цене газопровода."
    assert result.query is not None
    assert [text[a:b] for a, b in match_spans(text, result.query)] == [
        "Газопроводу",
        "газопроводе",
        "газопровода",
    ]


# --------------------------------------------------------------------------------------------
# Ranking: as typed > another form > a longer word > a typo away
# --------------------------------------------------------------------------------------------


def test_ranking_exact_then_form_then_prefix(index: SearchIndex) -> None:
    result = index.search("price")
    # "price" (p2, the summary), "prices" (p4), "priceless" (p6, a longer word only).
    assert ids(result) == ["gas.p2", "#overview", "gas.p4", "gas.p6"]


def test_ranking_exact_above_typo(index: SearchIndex) -> None:
    result = index.search("prize ")
    assert ids(result)[0] == "gas.p7"
    assert set(ids(result)[1:]) == {"gas.p2", "#overview"}
    assert result.corrected == "price"


# --------------------------------------------------------------------------------------------
# Typos
# --------------------------------------------------------------------------------------------


def test_typo_limits() -> None:
    assert [typo_limit(w) for w in ("цена", "цены2", "газопровд", "газапрвода")] == [0, 1, 2, 2]
    assert typo_limit("yurj", beside=len("ushakov")) == 1  # part of a name
    assert typo_limit("yurj", beside=len("lee")) == 0
    assert edit_distance("yury", "yuri", 1) == 1
    assert edit_distance("газопровод", "газопровода", 2) == 1
    assert edit_distance("газопровода", "газапрвода", 2) == 2
    assert edit_distance("газопровод", "газапрвода", 2) == 3
    assert edit_distance("kitten", "sitting", 5) == 3
    assert edit_distance("", "abc", 5) == 3


def _levenshtein(a: str, b: str) -> int:
    """The textbook table, to check the bit-parallel version against."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


@given(st.text("абвгxyz", max_size=12), st.text("абвгxyz", max_size=12), st.integers(0, 3))
def test_edit_distance_agrees_with_the_table(a: str, b: str, limit: int) -> None:
    assert edit_distance(a, b, limit) == min(_levenshtein(a, b), limit + 1)


def test_close_words_counts_a_swap_as_one_edit() -> None:
    vocabulary = ["ushakov", "ushakova", "usual"]
    letters = alphabets(vocabulary)
    assert close_words("uhsakov", vocabulary, set(vocabulary), letters, 1) == ["ushakov"]
    # Two edits are looked for only when one found nothing.
    assert close_words("ushakovv", vocabulary, set(vocabulary), letters, 2) == [
        "ushakov",
        "ushakova",
    ]
    assert close_words("ushkovaa", vocabulary, set(vocabulary), letters, 2) == ["ushakova"]


def test_one_typo_in_a_long_word(index: SearchIndex) -> None:
    result = index.search("газопроводх ")
    assert set(ids(result)) == GAS
    assert result.corrected == "газопровода"


def test_two_typos_in_a_word_of_nine_letters(index: SearchIndex) -> None:
    result = index.search("газапрвода ")
    assert sorted(ids(result)) == ["gaz.p1", "gaz.p2", "gaz.p3"]
    assert result.corrected == "газопровода"


def test_a_name_forgives_a_short_word(index: SearchIndex) -> None:
    result = index.search("Yurj Ushakov")
    assert set(ids(result)) == {"ushakov", "gas.p5", "gas.p2"}
    assert result.corrected == "Yuri Ushakov"


def test_short_words_are_not_guessed_but_suggested(index: SearchIndex) -> None:
    result = index.search("prce ")
    assert (ids(result), result.corrected, result.suggestion) == ([], None, "price")
    assert index.search("zzzzqqq").suggestion is None


def test_many_hits_need_no_guessing(index: SearchIndex) -> None:
    assert index.search("переговоры").corrected is None


def test_a_word_still_being_typed_is_no_typo(index: SearchIndex) -> None:
    # "pricel" starts "priceless" (one hit): no guessing until the word is finished.
    result = index.search("pricel")
    assert (ids(result), result.corrected) == (["gas.p6"], None)


def test_cli_says_showing_results_for_and_did_you_mean(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["search", "Yurj Ushakov", str(FORMS)])
    out, err = capsys.readouterr()
    assert code == 0
    assert err == "briefing: showing results for Yuri Ushakov\n"
    assert out.splitlines()[0].startswith("forms-en/")
    code = main(["search", "Yuri prce", str(FORMS)])
    out, err = capsys.readouterr()
    assert (code, out, err) == (1, "", "briefing: did you mean: Yuri price\n")
    code = main(["search", "zzzzqqq", str(FORMS)])
    assert (code, *capsys.readouterr()) == (1, "", "")


# --------------------------------------------------------------------------------------------
# The stemmer choice, and short lists
# --------------------------------------------------------------------------------------------


def test_stemmer_by_language_and_by_script() -> None:
    assert algorithm_for("ru") == "russian"
    assert algorithm_for("en-GB") == "english"
    assert algorithm_for("xx") is None
    # A Latin word in a Russian briefing is stemmed as English, a Cyrillic one in an English
    # briefing as Russian; digits and CJK are not stemmed.
    assert word_algorithm("pipelines", "russian") == "english"
    assert word_algorithm("газопровода", "english") == "russian"
    assert word_algorithm("pipelines", "german") == "german"
    assert word_algorithm("2025", "english") is None
    assert word_algorithm("中国", "english") is None
    assert stem("газовой", "russian") == stem("газовая", "russian")  # needs й kept by fold
    assert fold("Ёлка Йошкар-Ола") == "елка йошкар-ола"


def test_match_words_for_the_picker_and_palette() -> None:
    title = "Газопровод через Монголию"
    assert match_words("монголия", title, "ru") == [(17, 25)]
    assert match_words("газопровода", title, "ru") == [(0, 10)]
    assert match_words("газопр", title, "ru") == [(0, 10)]  # typed: a prefix
    assert match_words("газопр ", title, "ru") is None
    assert match_words("газопровод пекин", title, "ru") is None
    assert match_words("pipelines", "Pipeline talks") == [(0, 8)]
    assert match_words("", "anything") == []


# --------------------------------------------------------------------------------------------
# Property: a stemmed query never loses a hit the exact query had
# --------------------------------------------------------------------------------------------


def _vocabulary() -> list[str]:
    import re

    words: set[str] = set()
    for path in FORMS.glob("*/*.toml"):
        words |= set(re.findall(r"[^\W\d_]{2,}", fold(path.read_text(encoding="utf-8"))))
    return sorted(words)


VOCABULARY = _vocabulary()
word = st.sampled_from(VOCABULARY)
ending = st.text(alphabet="аеиоуыяюйьвхмтслsedingr", max_size=3)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(st.tuples(word, ending), min_size=1, max_size=3), typing=st.booleans())
def test_stemmed_query_keeps_every_exact_hit(
    index: SearchIndex, words: list[tuple[str, str]], typing: bool
) -> None:
    typed = [w + e for w, e in words]
    exact = " ".join(f'"{w}"' for w in typed)
    loose = " ".join(typed) + ("" if typing else " ")
    had = {(h.briefing_id, h.target_id) for h in index.search(exact).hits}
    has = {(h.briefing_id, h.target_id) for h in index.search(loose).hits}
    assert had <= has
