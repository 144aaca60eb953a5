"""The search engine: query language, matching rules, filters, ranking, snippets and spans.

Runs on ``tests/data/mini`` and on a second briefing built from it in a temporary folder, whose
text is rewritten to hold Cyrillic, accented and Chinese words. No UI is involved.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from edited import edited_copy, index_of

from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.search import (
    Query,
    QueryError,
    SearchIndex,
    SearchResult,
    Term,
    match_spans,
    parse_query,
)

MINI = Path(__file__).resolve().parent.parent / "data" / "mini"


def ids(result: SearchResult) -> list[str]:
    """Target ids of the hits, in rank order."""
    assert result.error is None, result.error
    return [hit.target_id for hit in result.hits]


@pytest.fixture(scope="module")
def mini() -> SearchIndex:
    return SearchIndex.build(load_library(MINI).library)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    """mini plus a second briefing ("intl") whose text is in several scripts."""
    root = tmp_path_factory.mktemp("library")
    shutil.copytree(MINI, root / "mini")
    intl = root / "intl"
    edits = {
        "briefing.toml": [('id = "mini"', 'id = "intl"')],
        "sections.toml": [
            (
                "Gas talks resumed, said the ministry.",
                "President Zelenský spoke in Kyiv: talks resumed.",
            ),
            ("The analyst thinks this matters.", "Москва и Пекин подписали соглашение."),
            ("Brussels took note.", "中俄关系进入新时代 and the Straße was closed."),
        ],
        "sources.toml": [('heading = "Sources"', 'heading = "Источники"')],
    }
    edited_copy(MINI, intl, edits)
    return index_of(root)


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


def test_parse_words_phrases_exclusions_and_filters() -> None:
    query = parse_query('Gas "Talks  Resumed" -wire source:"Wire One" -kind:figure')
    assert query.terms == (Term(("gas",)), Term(("talks", "resumed"), phrase=True))
    assert query.excluded == (Term(("wire",), negated=True),)
    assert [(f.field, f.value, f.negated) for f in query.filters] == [
        ("source", "wire one", False),
        ("kind", "figure", True),
    ]


def test_only_the_last_word_is_a_prefix_and_only_while_typing() -> None:
    assert parse_query("gas tal").terms == (Term(("gas",)), Term(("tal",), prefix=True))
    assert parse_query("gas tal ").terms == (Term(("gas",)), Term(("tal",)))
    assert parse_query('tal "gas"').terms[0].prefix is False


def test_punctuated_token_is_a_phrase_of_its_parts() -> None:
    assert parse_query("siberia-2 ").terms == (Term(("siberia", "2")),)


def test_empty_query_is_empty_not_an_error(mini: SearchIndex) -> None:
    assert parse_query("   ").is_empty
    result = mini.search("  ")
    assert (result.hits, result.total, result.error) == ((), 0, None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('gas "talks', 'unclosed quote: add the closing " (or remove the opening one)'),
        (
            "foo:bar",
            "unknown filter 'foo:'; use source:, section:, area:, status:, kind:, briefing:",
        ),
        ("source:", "source: needs a value, e.g. source:tass"),
        ('source:"  "', "source: needs a value, e.g. source:tass"),
        (
            "kind:zebra",
            "unknown kind 'zebra'; use one of: paragraph, table, agreement, source, figure, "
            "section, timeline, reaction, briefing, note",
        ),
        (
            "status:done",
            "unknown status 'done'; use one of: negotiation, memorandum, agreed, target, statement",
        ),
    ],
)
def test_bad_queries_have_one_line_messages(mini: SearchIndex, text: str, message: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse_query(text)
    assert str(raised.value) == message
    result = mini.search(text)
    assert (result.error, result.hits, result.total) == (message, (), 0)


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------


def test_every_word_must_match(mini: SearchIndex) -> None:
    assert sorted(ids(mini.search("gas talks "))) == ["#timeline-1", "s1.p1"]
    assert ids(mini.search("gas brussels")) == []


def test_last_word_matches_as_prefix_while_typing(mini: SearchIndex) -> None:
    assert sorted(ids(mini.search("resu"))) == ["#timeline-1", "pipeline", "s1.p1"]
    # Finished (a space after it), "resu" is a word of its own; ("resum " would match
    # "resumed": Snowball stems both to "resum", issue #15).
    assert ids(mini.search("resu ")) == []


def test_exact_phrase(mini: SearchIndex) -> None:
    assert sorted(ids(mini.search('"talks resumed"'))) == ["#timeline-1", "s1.p1"]
    assert ids(mini.search('"resumed talks"')) == []


def test_excluded_words(mini: SearchIndex) -> None:
    assert ids(mini.search("talks -gas")) == ["pipeline"]
    assert ids(mini.search('talks -"gas talks"')) == ["pipeline"]


def test_case_insensitive(mini: SearchIndex) -> None:
    assert ids(mini.search("BRUSSELS")) == ids(mini.search("brussels")) == ["s2.p1"]


def test_speakers_roles_and_quotes_point_at_their_paragraph(mini: SearchIndex) -> None:
    [hit] = mini.search("petrova").hits
    assert (hit.kind, hit.target_id, hit.field, hit.text) == (
        "paragraph",
        "s1.p1",
        "speaker",
        "Anna Petrova",
    )
    assert ids(mini.search("spokeswoman")) == ["s1.p1"]


def test_labels_gaps_and_source_notes_are_searchable(mini: SearchIndex) -> None:
    assert ids(mini.search("europe kind:paragraph")) == ["s2.p1"]
    assert ids(mini.search("words lost")) == ["s2.p1"]
    assert ids(mini.search('"not in the report"')) == ["wire"]


def test_every_kind_of_item_is_indexed(mini: SearchIndex) -> None:
    found = {(h.kind, h.target_id, h.location) for h in mini.search("briefing:mini").hits}
    assert {
        ("briefing", "#overview", "Overview"),
        ("section", "s1", "§1 Opening"),
        ("paragraph", "s1.p1", "§1.1 Opening"),
        ("agreement", "#agreements", "Agreements"),
        ("agreement", "pipeline", "Agreements › Energy"),
        ("source", "#sources", "Sources"),
        ("source", "wire", "Sources"),
        ("figure", "fig-trade", "Overview › Key figures"),
        ("timeline", "#timeline-1", "Overview › Timeline"),
        ("reaction", "europe", "Overview › Reactions"),
    } <= found
    assert len(found) == 15


def test_overview_items_carry_the_id_they_cite(mini: SearchIndex) -> None:
    [figure] = mini.search("kind:figure").hits
    assert (figure.target_id, figure.ref, figure.snippet) == (
        "fig-trade",
        "trade-goal",
        "Trade goal",
    )
    [reaction] = mini.search("kind:reaction").hits
    assert (reaction.target_id, reaction.ref) == ("europe", "s2.p1")


# --------------------------------------------------------------------------------------------
# Filters
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("source:wire", ["pipeline", "s2.p1", "wire"]),
        ('source:"wire one"', ["pipeline", "s2.p1", "wire"]),
        ("source:ministry gas", ["s1.p1"]),
        ("section:s2", ["s2", "s2.p1"]),
        ("section:reactions", ["s2", "s2.p1"]),
        ("section:1 -kind:section", ["s1.p1", "s1.p2"]),
        ("area:energy", ["pipeline"]),
        ("area:Trade", ["trade-goal"]),
        ("status:target", ["trade-goal"]),
        ("status:neg", ["pipeline"]),
        ("kind:source", ["#sources", "ministry", "wire"]),
        ("kind:agreement kind:figure", ["#agreements", "pipeline", "trade-goal", "fig-trade"]),
        ("briefing:nosuch", []),
    ],
)
def test_filters(mini: SearchIndex, text: str, expected: list[str]) -> None:
    assert ids(mini.search(text)) == expected


def test_briefing_filter_and_ids_across_a_library(world: SearchIndex) -> None:
    assert {h.briefing_id for h in world.search("talks").hits} == {"mini", "intl"}
    assert {h.briefing_id for h in world.search("talks briefing:intl").hits} == {"intl"}


# --------------------------------------------------------------------------------------------
# Unicode
# --------------------------------------------------------------------------------------------


def test_cyrillic_is_casefolded(world: SearchIndex) -> None:
    for text in ("источники", "ИСТОЧНИКИ", "Источ"):
        [hit] = world.search(text).hits
        assert (hit.briefing_id, hit.target_id, hit.snippet) == ("intl", "#sources", "Источники")
        assert hit.snippet_spans == ((0, 9),)  # a prefix marks the whole word it starts
    assert ids(world.search("москва пекин")) == ["s1.p2"]


def test_accents_are_ignored_both_ways(world: SearchIndex, tmp_path: Path) -> None:
    [hit] = world.search("zelensky").hits
    assert hit.target_id == "s1.p1"
    assert hit.snippet[slice(*hit.snippet_spans[0])] == "Zelenský"
    assert ids(world.search("ZELENSKÝ")) == ["s1.p1"]
    assert match_spans("Zelensky", "Zelenský") == [(0, 8)]


def test_cjk_substrings(world: SearchIndex) -> None:
    for text in ("关系", "俄关", "中俄关系进入", "俄"):
        [hit] = world.search(text).hits
        assert hit.target_id == "s2.p1"
        start, end = hit.snippet_spans[0]
        assert hit.snippet[start:end] == text
    assert ids(world.search("系统")) == []
    assert ids(world.search("关系 closed")) == ["s2.p1"]


def test_folding_that_changes_length_maps_spans_back(world: SearchIndex) -> None:
    [hit] = world.search("strasse").hits
    start, end = hit.snippet_spans[0]
    assert hit.snippet[start:end] == "Straße"
    text = "Die Straße, die STRASSE."
    assert [text[s:e] for s, e in match_spans(text, "strasse")] == ["Straße", "STRASSE"]


def test_bundled_heading_is_found_by_lowercase_cyrillic() -> None:
    index = SearchIndex.build(load_library(bundled_content_path()).library)
    hits = index.search("источники").hits
    assert [(h.kind, h.target_id, h.title) for h in hits] == [("source", "#sources", "Источники")]


# --------------------------------------------------------------------------------------------
# Highlighting and snippets
# --------------------------------------------------------------------------------------------


def test_match_spans_marks_every_match_in_place() -> None:
    text = "Gas, gas pipeline; GASEOUS gasps. Gazprom"
    assert match_spans(text, "gas ") == [(0, 3), (5, 8)]
    marked = [text[s:e] for s, e in match_spans(text, "gas")]
    assert marked == ["Gas", "gas", "GASEOUS", "gasps"]
    assert match_spans(text, '"gas pipeline"') == [(5, 17)]
    assert match_spans(text, "pipeline -gas") == [(9, 17)]
    assert match_spans(text, 'bad "query') == []
    assert match_spans(text, parse_query("kind:paragraph")) == []


def test_snippet_is_a_window_around_the_first_match(tmp_path: Path) -> None:
    filler = " ".join(["word"] * 60)
    text = f"{filler} the needle is here {filler}"
    [hit] = _one_paragraph_index(tmp_path, text).search("needle").hits
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < len(text) and "\n" not in hit.snippet
    [(start, end)] = hit.snippet_spans
    assert hit.snippet[start:end] == "needle"
    assert hit.text == text
    assert hit.text_spans == ((text.index("needle"), text.index("needle") + 6),)


def test_hit_spans_agree_with_match_spans(mini: SearchIndex) -> None:
    for hit in mini.search("talks resum").hits:
        assert list(hit.text_spans) == match_spans(hit.text, "talks resum")
        for start, end in hit.snippet_spans:
            assert hit.snippet[start:end].casefold().startswith(("talks", "resum"))


def _one_paragraph_index(tmp_path: Path, text: str) -> SearchIndex:
    folder = tmp_path / "one"
    shutil.copytree(MINI, folder)
    sections = folder / "sections.toml"
    old = "The analyst thinks this matters."
    sections.write_text(sections.read_text(encoding="utf-8").replace(old, text), encoding="utf-8")
    return SearchIndex.build(load_library(folder).library)


# --------------------------------------------------------------------------------------------
# Ranking
# --------------------------------------------------------------------------------------------


def test_title_hits_rank_first(mini: SearchIndex) -> None:
    result = mini.search("trade goal ")
    assert ids(result) == ["trade-goal", "fig-trade"]
    assert all(hit.title_hit for hit in result.hits)
    assert ids(mini.search("reactions "))[0] == "s2"


def test_phrase_hits_rank_before_scattered_words(mini: SearchIndex) -> None:
    result = mini.search("talks resum")
    assert ids(result)[-1] == "pipeline"
    assert [hit.phrase_hit for hit in result.hits] == [True, True, False]


def test_ties_keep_reading_order(mini: SearchIndex) -> None:
    result = mini.search("kind:source")
    assert ids(result) == ["#sources", "ministry", "wire"]
    assert [hit.order for hit in result.hits] == sorted(hit.order for hit in result.hits)


def test_limit_cuts_the_list_but_not_the_count(mini: SearchIndex) -> None:
    result = mini.search("kind:source", limit=1)
    assert (len(result.hits), result.total) == (1, 3)


def test_broad_queries_on_a_larger_library_stay_consistent(tmp_path: Path) -> None:
    """Over the preselection threshold the count stays exact, and a one-word query ranks
    exactly as if every candidate were scored."""
    from benchmarks.synth import write_library

    library = load_library(write_library(tmp_path / "lib", 15)).library
    index = SearchIndex.build(library)
    for text in ("t", "k", "a", "the", "the "):
        limited = index.search(text, limit=20)
        everything = index.search(text)
        assert limited.total == everything.total == len(everything.hits) > 1000, text
        assert [h.order for h in limited.hits] == [h.order for h in everything.hits[:20]], text


# --------------------------------------------------------------------------------------------
# Hygiene
# --------------------------------------------------------------------------------------------


def test_engine_does_not_import_textual() -> None:
    code = (
        "import sys, briefing_tui.search, briefing_tui.cli.search_output; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_query_is_hashable_for_caching() -> None:
    assert hash(parse_query("gas")) == hash(parse_query("gas"))
    assert isinstance(parse_query("gas"), Query)


# --------------------------------------------------------------------------------------------
# Differential check against a brute-force reading of the rules
# --------------------------------------------------------------------------------------------


def _oracle(library_docs: list[tuple[str, str, list[list[str]]]], query: Query) -> set[str]:
    """Items matching ``query`` by scanning word lists: a word is a whole token (a prefix of
    one when typing), a phrase is consecutive tokens of one field."""

    def has(fields: list[list[str]], term: Term) -> bool:
        n = len(term.words)
        for toks in fields:
            for i in range(len(toks) - n + 1):
                head, last = toks[i : i + n - 1], toks[i + n - 1]
                if list(head) == list(term.words[:-1]) and (
                    last.startswith(term.words[-1]) if term.prefix else last == term.words[-1]
                ):
                    return True
        return False

    return {
        f"{bid}/{target}"
        for bid, target, fields in library_docs
        if all(has(fields, t) for t in query.terms)
        and not any(has(fields, t) for t in query.excluded)
    }


def test_engine_agrees_with_brute_force(tmp_path: Path) -> None:
    import re

    from benchmarks.synth import write_library
    from briefing_tui.search.documents import briefing_docs
    from briefing_tui.search.text import fold

    library = load_library(write_library(tmp_path / "lib", 3)).library
    index = SearchIndex.build(library)
    docs = [
        (b.id, doc.target_id, [re.findall(r"[^\W_]+", fold(f.text)) for f in doc.fields])
        for b in library.briefings
        for doc, _, _ in briefing_docs(b)
    ]
    queries = [
        "the",
        "cooperation ",
        "coop",
        "k",
        "russia china",
        "trade -energy ",
        '"power of siberia"',
        "power of sib",
        '"national currencies" -the',
        "москва пек",
        "zelensky",
        "xi jinping",
        "siberia-2 ",
        '-"multipolar world" partnership ',
    ]
    for text in queries:
        got = {f"{h.briefing_id}/{h.target_id}" for h in index.search(text).hits}
        assert got == _oracle(docs, parse_query(text)), text
        assert got, text
