"""Every validation rule: a broken copy of the mini briefing, the exact message and its line.

Each test edits the text of one file of ``tests/data/mini`` and asserts the whole list of problems
the loader reports, so a rule that fires twice, at the wrong line or with a vaguer message fails.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import typing
from pathlib import Path

import pytest
from minikit import UNKNOWN, MiniCopy, copy_mini

from briefing_tui.content import items, scalars
from briefing_tui.content import model as models
from briefing_tui.content.loader import load_briefing, load_library
from briefing_tui.content.rules import timeline_warnings
from briefing_tui.content.text import unsafe_character

KINDS = (
    "official, government, agency, media, document, expert, think-tank, academic, ngo, "
    "company, social, other"
)
STATUSES = "negotiation, memorandum, agreed, target, statement"
STANCES = (
    "condemned, critical, concerned, wary, restrained, silent, neutral, mixed, divided, "
    "cautious, supportive, welcomed, other"
)
SLUG = (
    "an id is lowercase Latin letters and digits, in words joined by '-' or '.' "
    "(for example 's2.p3' or 'power-of-siberia'), at most 80 characters"
)
DATE = "expected a date written YYYY-MM-DD without quotes (for example 2025-05-07)"
EMPTY = "text must not be empty or only whitespace"


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MiniCopy:
    copy = copy_mini(tmp_path / "mini")
    monkeypatch.chdir(copy.folder)
    return copy


def test_fixture_is_valid(mini: MiniCopy) -> None:
    assert mini.problems() == []


# -- shape of each file ----------------------------------------------------------------------


def test_unknown_field(mini: MiniCopy) -> None:
    mini.edit("sources.toml", 'kind = "agency"', 'kind = "agency"\ncolour = "red"')
    assert mini.problems() == [f"sources.toml:14: wire colour: {UNKNOWN}"]


def test_unknown_top_level_field(mini: MiniCopy) -> None:
    mini.edit("briefing.toml", 'id = "mini"', 'id = "mini"\nwriter = "someone"')
    assert mini.problems() == [f"briefing.toml:3: writer: {UNKNOWN}"]


def test_missing_field_points_at_its_table(mini: MiniCopy) -> None:
    mini.edit("sources.toml", 'title = "Wire reports"\n', "")
    assert mini.problems() == ["sources.toml:10: wire title: required field is missing"]


def test_missing_top_level_field(mini: MiniCopy) -> None:
    mini.edit("briefing.toml", 'summary = "A small briefing for tests."\n', "")
    assert mini.problems() == ["briefing.toml: summary: required field is missing"]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "sources.toml",
            "in_report_list = false",
            'in_report_list = "no"',
            "sources.toml:15: wire in_report_list: "
            "expected true or false (without quotes); got 'no'",
        ),
        (
            "sections.toml",
            'title = "Opening"',
            "title = 7",
            "sections.toml:3: s1 title: expected text in quotes; got 7",
        ),
        (
            "overview.toml",
            "value = 10",
            'value = "10"',
            "overview.toml:6: fig-trade value: expected a number (without quotes); got '10'",
        ),
        (
            "briefing.toml",
            'tags = ["test"]',
            'tags = "test"',
            "briefing.toml:8: tags: expected an array [ ... ]; got 'test'",
        ),
        (
            "briefing.toml",
            "start = 2025-01-01",
            "start = 20250101",
            f"briefing.toml:4: start: {DATE}; got 20250101",
        ),
        (
            "briefing.toml",
            "start = 2025-01-01",
            "start = 2025-01-01T00:00:00",
            f"briefing.toml:4: start: {DATE}; got 2025-01-01T00:00:00 (a date and time)",
        ),
        (
            "sections.toml",
            "bullet = true",
            "bullet = 1",
            "sections.toml:25: s2.p1 bullet: expected true or false (without quotes); got 1",
        ),
        (
            "agreements.toml",
            '[[areas]]\nid = "trade"\ntitle = "Trade"\n',
            'areas = "x"\n',
            "agreements.toml:7: areas: expected an array [ ... ]; got 'x'",
        ),
        (
            "overview.toml",
            "value = 10",
            "value = nan",
            "overview.toml:6: fig-trade value: expected a finite number; got nan",
        ),
        (
            "overview.toml",
            "value = 10",
            "value = inf",
            "overview.toml:6: fig-trade value: expected a finite number; got inf",
        ),
    ],
    ids=[
        "bool",
        "string",
        "number",
        "array",
        "date",
        "datetime",
        "bullet",
        "table-array",
        "nan",
        "inf",
    ],
)
def test_wrong_types(mini: MiniCopy, name: str, old: str, new: str, expected: str) -> None:
    if old.startswith("[[areas]]"):
        # replace both area tables with a string
        text = mini.read(name)
        start = text.index("[[areas]]")
        end = text.index("[[agreements]]")
        mini.write(name, text[:start] + new + "\n" + text[end:])
    else:
        mini.edit(name, old, new)
    assert mini.problems() == [expected]


# -- closed sets -----------------------------------------------------------------------------


def test_bad_source_kind(mini: MiniCopy) -> None:
    mini.edit("sources.toml", 'kind = "agency"', 'kind = "blog"')
    assert mini.problems() == [f"sources.toml:13: wire kind: 'blog' is not one of {KINDS}"]


def test_bad_status(mini: MiniCopy) -> None:
    mini.edit("agreements.toml", 'status = "target"', 'status = "signed"')
    assert mini.problems() == [
        f"agreements.toml:28: trade-goal status: 'signed' is not one of {STATUSES}"
    ]


def test_bad_stance(mini: MiniCopy) -> None:
    mini.edit("overview.toml", 'stance = "restrained"', 'stance = "happy"')
    assert mini.problems() == [f"overview.toml:19: europe stance: 'happy' is not one of {STANCES}"]


@pytest.mark.parametrize(
    "bad", ["Wire", "wire reports", "wire-", "-wire", "wire..x", "wire\\n", ""]
)
def test_bad_slug_id(mini: MiniCopy, bad: str) -> None:
    mini.edit("sources.toml", 'id = "wire"', f'id = "{bad}"')
    problems = mini.problems()
    shown = bad.replace("\\n", "\n")
    assert problems[0] == f"sources.toml:11: sources[1].id: {SLUG}; got {shown!r}"
    # the references to the old id no longer resolve, and say so with the ids there are
    assert [p.split(": unknown source")[0] for p in problems[1:]] == [
        "sections.toml:27: s2.p1 sources[0]",
        "agreements.toml:21: pipeline sources[0]",
    ]


def test_bad_slug_tag(mini: MiniCopy) -> None:
    mini.edit("briefing.toml", 'tags = ["test"]', 'tags = ["test", "Not A Slug"]')
    assert mini.problems() == [
        "briefing.toml:8: tags[1]: a tag is one lowercase word, or words joined by '-', in any "
        "script (for example 'energy', 'энергетика' or 'north-korea'); got 'Not A Slug'"
    ]


# -- text ------------------------------------------------------------------------------------


@pytest.mark.parametrize("blank", ['""', '"   "', '"\\n\\t"', "'''\n\n'''"])
def test_empty_or_whitespace_text(mini: MiniCopy, blank: str) -> None:
    mini.edit("sections.toml", 'text = "The analyst thinks this matters."', f"text = {blank}")
    assert mini.problems() == [f"sections.toml:15: s1.p2 text: {EMPTY}"]


def test_empty_outlet(mini: MiniCopy) -> None:
    mini.edit("sources.toml", '["Wire One", "Wire Two"]', '["Wire One", " "]')
    assert mini.problems() == [f"sources.toml:14: wire outlets[1]: {EMPTY}"]


def _metadata_of_str(annotation: object) -> list[list[object]] | None:
    """For each ``str`` inside ``annotation``, the metadata attached to it; None if no str."""
    found: list[list[object]] = []
    if annotation is str:
        return [[]]
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        inner = _metadata_of_str(base)
        return [[*m, *extra] for m in inner] if inner else None
    for arg in typing.get_args(annotation):
        inner = _metadata_of_str(arg)
        if inner:
            found.extend(inner)
    return found or None


#: The validators that keep control characters out: free text and cells check every character;
#: ids, tags, language tags and URLs are matched against patterns that admit none.
SAFE_CHECKS = {
    scalars._safe_text,
    scalars._safe_characters,
    scalars._slug,
    scalars._tag,
    scalars._language,
    scalars._url,
}


def test_every_string_field_is_text_or_slug() -> None:
    """No text field escapes the safety check: each str field is checked by one of SAFE_CHECKS."""
    checked, unchecked = [], []
    defined = [(name, m) for module in (items, models) for name, m in vars(module).items()]
    for model_name, model in defined:
        if not (isinstance(model, type) and dataclasses.is_dataclass(model)):
            continue
        if model.__module__ not in (items.__name__, models.__name__):
            continue
        hints = typing.get_type_hints(model, include_extras=True)
        for field in dataclasses.fields(model):
            for metadata in _metadata_of_str(hints[field.name]) or []:
                safe = any(getattr(m, "check", None) in SAFE_CHECKS for m in metadata)
                (checked if safe else unchecked).append(f"{model_name}.{field.name}")
    assert unchecked == []
    # the walk really saw the text fields the issue names
    for where in (
        "Paragraph.label",
        "Source.outlets",
        "Attribution.quote",
        "Section.title",
        "BriefingFile.tags",
        "Figure.unit",
        "Reaction.actor",
        "AgreementsFile.note",
    ):
        assert where in checked


@pytest.mark.parametrize(
    ("name", "old", "escaped", "expected"),
    [
        (
            "briefing.toml",
            'title = "Mini briefing"',
            'title = "Mini\\u001b[2J"',
            "briefing.toml:3: title: forbidden character U+001B control character at position 5",
        ),
        (
            "briefing.toml",
            'photo_caption = "A caption."',
            'photo_caption = "A \\u202ecaption."',
            "briefing.toml:6: photo_caption: forbidden character U+202E RIGHT-TO-LEFT OVERRIDE "
            "at position 3",
        ),
        (
            "sections.toml",
            'label = "Europe:"',
            'label = "Europe\\u0085:"',
            "sections.toml:24: s2.p1 label: forbidden character U+0085 "
            "control character at position 7",
        ),
        (
            "sections.toml",
            'quote = "talks resumed"',
            'quote = "talks\\u2066 resumed"',
            "sections.toml:10: s1.p1 attributions[0].quote: "
            "forbidden character U+2066 LEFT-TO-RIGHT ISOLATE at position 6",
        ),
        (
            "sources.toml",
            '"Wire Two"]',
            '"Wire\\u007fTwo"]',
            "sources.toml:14: wire outlets[1]: forbidden character U+007F control character "
            "at position 5",
        ),
        (
            "sources.toml",
            'title = "Wire reports"',
            'title = "\\u009b2J"',
            "sources.toml:12: wire title: forbidden character U+009B control character "
            "at position 1",
        ),
        (
            "agreements.toml",
            'note = "Most were confirmed."',
            'note = "Most\\rwere"',
            "agreements.toml:5: note: forbidden character U+000D control character at position 5",
        ),
        (
            "overview.toml",
            'unit = "USD billion"',
            'unit = "USD\\u202abillion"',
            "overview.toml:7: fig-trade unit: forbidden character U+202A LEFT-TO-RIGHT EMBEDDING "
            "at position 4",
        ),
        (
            "overview.toml",
            'actor = "Europe"',
            'actor = "\\u0007Europe"',
            "overview.toml:18: europe actor: forbidden character U+0007 control character "
            "at position 1",
        ),
    ],
    ids=["esc", "rlo", "nel", "lri", "del", "csi", "cr", "lre", "bel"],
)
def test_control_and_bidi_characters_are_rejected(
    mini: MiniCopy, name: str, old: str, escaped: str, expected: str
) -> None:
    mini.edit(name, old, escaped)
    suffix = "; control and bidi-override characters are not allowed in content"
    assert mini.problems() == [expected + suffix]


def test_tab_and_newline_are_allowed(mini: MiniCopy) -> None:
    mini.edit("sections.toml", 'text = "Brussels took note."', 'text = "Brussels\\ttook\\nnote."')
    assert mini.problems() == []


# -- dates -----------------------------------------------------------------------------------


def test_briefing_dates_out_of_order(mini: MiniCopy) -> None:
    mini.edit("briefing.toml", "end = 2025-01-03", "end = 2024-12-31")
    assert mini.problems() == [
        "briefing.toml:5: end: end (2024-12-31) is before start (2025-01-01)"
    ]


def test_timeline_end_before_date(mini: MiniCopy) -> None:
    mini.edit("overview.toml", "date = 2025-01-02", "date = 2025-01-02\nend = 2025-01-01")
    assert mini.problems() == [
        "overview.toml:12: timeline[0].end: end (2025-01-01) is before date (2025-01-02)"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("date = 2024-12-31", (("timeline", 0, "date"), "2024-12-31")),
        ("date = 2025-01-02\nend = 2025-01-04", (("timeline", 0, "end"), "2025-01-04")),
    ],
)
def test_timeline_may_fall_outside_the_visit_with_a_warning_on_request(
    mini: MiniCopy, line: str, expected: tuple[tuple[str | int, ...], str]
) -> None:
    """A follow-up two days later is real content: valid, and reported only as a warning."""
    mini.edit("overview.toml", "date = 2025-01-02", line)
    assert mini.problems() == []
    briefing = load_briefing(Path("."))
    loc, day = expected
    assert timeline_warnings(dataclasses.asdict(briefing)) == [
        (loc, f"{day} is outside the briefing (2025-01-01 to 2025-01-03)")
    ]


# -- paragraph assessment and sources ---------------------------------------------------------


def test_paragraph_without_sources_must_be_an_assessment(mini: MiniCopy) -> None:
    mini.edit("sections.toml", "assessment = true\n", "")
    assert mini.problems() == [
        "sections.toml:13: s1.p2 assessment: paragraph cites no sources: "
        "list them, or set assessment = true to mark it as the analyst's own assessment"
    ]


def test_assessment_must_not_list_sources(mini: MiniCopy) -> None:
    mini.edit(
        "sections.toml", 'sources = ["ministry"]', 'sources = ["ministry"]\nassessment = true'
    )
    assert mini.problems() == [
        "sections.toml:9: s1.p1 assessment: "
        "a paragraph marked assessment = true must not list sources"
    ]


def test_agreement_needs_sources(mini: MiniCopy) -> None:
    mini.edit("agreements.toml", 'sources = ["wire"]', "sources = []")
    assert mini.problems() == [
        "agreements.toml:21: pipeline sources: needs at least 1 item; the list is empty"
    ]


def test_section_needs_paragraphs(mini: MiniCopy) -> None:
    text = mini.read("sections.toml")
    mini.write("sections.toml", text[: text.index('[[sections]]\nid = "s2"')])
    problems = mini.problems()
    # s2.p1 is gone, so the reaction that pointed at it dangles too
    assert problems == [
        "overview.toml:21: europe ref: unknown paragraph, table or agreement 's2.p1'; "
        "did you mean 's1.p1' or 's1.p2'?"
    ]
    mini.write("sections.toml", '[[sections]]\nid = "s1"\ntitle = "Opening"\n')
    assert mini.problems() == [
        "sections.toml:1: s1: a section needs at least one paragraph, table or subsection",
        "overview.toml:14: timeline[0].refs[0]: unknown paragraph, table or agreement 's1.p1'; "
        "known: pipeline, trade-goal",
        "overview.toml:21: europe ref: unknown paragraph, table or agreement 's2.p1'; "
        "known: pipeline, trade-goal",
    ]


# -- figures ----------------------------------------------------------------------------------


def test_target_high_needs_target(mini: MiniCopy) -> None:
    mini.edit("overview.toml", "value = 10", "value = 10\ntarget_high = 12")
    assert mini.problems() == ["overview.toml:7: fig-trade target_high: target_high needs target"]


def test_target_high_below_target(mini: MiniCopy) -> None:
    mini.edit("agreements.toml", "value = 10", "value = 10\ntarget = 12\ntarget_high = 11.5")
    assert mini.problems() == [
        "agreements.toml:36: trade-goal figures[0].target_high: "
        "target_high (11.5) must not be below target (12)"
    ]


def test_target_range_is_fine(mini: MiniCopy) -> None:
    mini.edit("agreements.toml", "value = 10", "value = 10\ntarget = 12\ntarget_high = 12.5")
    assert mini.problems() == []


# -- unique ids ------------------------------------------------------------------------------


def test_duplicate_id_within_a_file(mini: MiniCopy) -> None:
    mini.edit("sources.toml", 'id = "wire"', 'id = "ministry"')
    assert mini.problems() == [
        "sources.toml:11: ministry id: duplicate id 'ministry' (first used at sources.toml:4)",
        "sections.toml:27: s2.p1 sources[0]: unknown source 'wire'; known: ministry",
        "agreements.toml:21: pipeline sources[0]: unknown source 'wire'; known: ministry",
    ]


def test_duplicate_paragraph_id(mini: MiniCopy) -> None:
    mini.edit("sections.toml", 'id = "s2.p1"', 'id = "s1.p1"')
    assert mini.problems() == [
        "sections.toml:23: s1.p1 id: duplicate id 's1.p1' (first used at sections.toml:6)",
        "overview.toml:21: europe ref: unknown paragraph, table or agreement 's2.p1'; "
        "did you mean 's1.p1' or 's1.p2'?",
    ]


def test_duplicate_id_across_files(mini: MiniCopy) -> None:
    mini.edit("overview.toml", 'id = "fig-trade"', 'id = "energy"')
    assert mini.problems() == [
        "overview.toml:2: energy id: duplicate id 'energy' (first used at agreements.toml:8)"
    ]


# -- references ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "sections.toml",
            'sources = ["wire", "ministry"]',
            'sources = ["wire", "tass"]',
            "sections.toml:27: s2.p1 sources[1]: unknown source 'tass'; known: ministry, wire",
        ),
        (
            "sections.toml",
            'source = "ministry" }',
            'source = "tass" }',
            "sections.toml:10: s1.p1 attributions[0].source: "
            "unknown source 'tass'; known: ministry, wire",
        ),
        (
            "sections.toml",
            'source = "ministry" }',
            'source = "wire" }',
            "sections.toml:10: s1.p1 attributions[0].source: "
            "source 'wire' is not in this item's sources",
        ),
        (
            "agreements.toml",
            'sources = ["wire"]',
            'sources = ["wire"]\nattributions = [{ speaker = "X", source = "ministry" }]',
            "agreements.toml:22: pipeline attributions[0].source: "
            "source 'ministry' is not in this item's sources",
        ),
        (
            "agreements.toml",
            'area = "trade"',
            'area = "finance"',
            "agreements.toml:25: trade-goal area: unknown area 'finance'; known: energy, trade",
        ),
        (
            "agreements.toml",
            'sources = ["ministry"]',
            'sources = ["ministry", "nyt"]',
            "agreements.toml:29: trade-goal sources[1]: unknown source 'nyt'; "
            "known: ministry, wire",
        ),
        (
            "agreements.toml",
            'after_section = "s1"',
            'after_section = "s9"',
            "agreements.toml:1: after_section: unknown section 's9'; known: s1, s2",
        ),
        (
            "overview.toml",
            'ref = "trade-goal"',
            'ref = "trade-gaol"',
            "overview.toml:3: fig-trade ref: unknown paragraph, table or agreement 'trade-gaol'; "
            "did you mean 'trade-goal'?",
        ),
        (
            "overview.toml",
            'refs = ["s1.p1"]',
            'refs = ["s1.p1", "s1.p9"]',
            "overview.toml:14: timeline[0].refs[1]: unknown paragraph, table or agreement 's1.p9'; "
            "did you mean 's1.p2', 's1.p1' or 's2.p1'?",
        ),
        (
            "overview.toml",
            'ref = "s2.p1"',
            'ref = "s2"',
            "overview.toml:21: europe ref: unknown paragraph, table or agreement 's2'; "
            "known: pipeline, s1.p1, s1.p2, s2.p1, trade-goal",
        ),
    ],
    ids=[
        "paragraph-source",
        "attribution-unknown",
        "attribution-not-in-item",
        "agreement-attribution",
        "agreement-area",
        "agreement-source",
        "after-section",
        "figure-ref",
        "timeline-ref",
        "reaction-ref",
    ],
)
def test_dangling_reference(mini: MiniCopy, name: str, old: str, new: str, expected: str) -> None:
    mini.edit(name, old, new)
    assert mini.problems() == [expected]


def test_references_may_point_at_agreements(mini: MiniCopy) -> None:
    mini.edit("overview.toml", 'refs = ["s1.p1"]', 'refs = ["s1.p1", "pipeline"]')
    assert mini.problems() == []


def test_every_problem_in_one_run(mini: MiniCopy) -> None:
    mini.edit("sources.toml", 'kind = "agency"', 'kind = "blog"')
    mini.edit("briefing.toml", 'id = "mini"', 'id = "Mini"')
    mini.edit("sections.toml", 'title = "Reactions"', 'title = ""')
    assert mini.problems() == [
        f"briefing.toml:2: id: {SLUG}; got 'Mini'",
        f"sections.toml:20: s2 title: {EMPTY}",
        f"sources.toml:13: wire kind: 'blog' is not one of {KINDS}",
    ]


# -- folders and libraries -------------------------------------------------------------------


def test_unknown_extra_toml_file(mini: MiniCopy) -> None:
    mini.write("notes.toml", 'x = "y"\n')
    assert mini.problems() == [
        "notes.toml: unknown content file; expected briefing.toml, sections.toml, "
        "agreements.toml, sources.toml, overview.toml"
    ]


def test_other_files_are_ignored(mini: MiniCopy) -> None:
    mini.write("README.md", "# notes\n")
    assert mini.problems() == []


@pytest.mark.parametrize("name", list(models.CONTENT_FILES))
def test_missing_content_file(mini: MiniCopy, name: str) -> None:
    mini.path(name).unlink()
    if name == "briefing.toml":
        # without briefing.toml the folder is not recognised as a briefing by load_library
        assert mini.problems() == ["briefing.toml: required content file is missing"]
        return
    if name == "overview.toml":
        assert mini.problems() == []  # optional: a briefing is valid without an overview
        return
    if name == "agreements.toml":
        # optional too, but the overview's figure points at one of its agreements
        assert mini.problems() == [
            "overview.toml:3: fig-trade ref: unknown paragraph, table or agreement "
            "'trade-goal'; known: s1.p1, s1.p2, s2.p1"
        ]
        return
    assert mini.problems() == [f"{name}: required content file is missing"]


def test_duplicate_briefing_ids_across_a_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "library"
    copy_mini(library / "a")
    copy_mini(library / "b")
    monkeypatch.chdir(library)
    result = load_library(Path("."))
    assert [b.id for b in result.library.briefings] == ["mini"]
    assert [str(p) for p in result.problems] == [
        "b/briefing.toml:2: id: duplicate briefing id 'mini' (also in a)"
    ]
    assert [b.folder for b in result.broken] == ["b"]


def test_library_ids_are_unique_in_the_model(mini: MiniCopy) -> None:
    briefing = load_library(Path(".")).library.briefings[0]
    with pytest.raises(ValueError, match="duplicate briefing id"):
        models.Library(briefings=(briefing, briefing))


def test_library_path_without_briefings(tmp_path: Path) -> None:
    from briefing_tui.content.loader import UsageError

    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no briefing found"):
        load_library(tmp_path / "empty")
    with pytest.raises(UsageError, match="no such file or folder"):
        load_library(tmp_path / "nowhere")


def test_problems_follow_the_file_order_when_loaded_from_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = copy_mini(tmp_path / "mini")
    copy.edit("sources.toml", 'kind = "agency"', 'kind = "blog"')
    monkeypatch.chdir(tmp_path)
    problems = [str(p) for p in load_library(Path("mini")).problems]
    assert problems == [
        f"{os.path.join('mini', 'sources.toml')}:13: wire kind: 'blog' is not one of {KINDS}"
    ]
    shutil.rmtree(copy.folder)


# -- lines in every TOML layout an author may use ---------------------------------------------


def test_line_inside_a_multi_line_inline_table(mini: MiniCopy) -> None:
    mini.edit(
        "sections.toml",
        '  { speaker = "Anna Petrova", role = "spokeswoman", quote = "talks resumed", '
        'source = "ministry" },',
        '  {\n    speaker = "Anna Petrova",\n    role = "",\n    source = "ministry",\n  },',
    )
    assert mini.problems() == [f"sections.toml:12: s1.p1 attributions[0].role: {EMPTY}"]


def test_line_of_an_element_of_a_multi_line_array(mini: MiniCopy) -> None:
    mini.edit(
        "sources.toml",
        'outlets = ["Wire One", "Wire Two"]',
        'outlets = [\n  "Wire One",  # first\n  # a comment line\n  "",\n]',
    )
    assert mini.problems() == [f"sources.toml:17: wire outlets[1]: {EMPTY}"]


def test_line_in_an_array_of_tables_nested_in_an_array_of_tables(mini: MiniCopy) -> None:
    mini.edit("agreements.toml", 'unit = "USD billion"', 'unit = "USD billion"\nscale = 2')
    assert mini.problems() == [f"agreements.toml:36: trade-goal figures[0].scale: {UNKNOWN}"]


def test_line_of_a_dotted_key(mini: MiniCopy) -> None:
    mini.edit(
        "sources.toml", 'note = "Cited in the text, not in the report\'s list."', "note.text = 1"
    )
    assert mini.problems() == ["sources.toml:16: wire note: expected text in quotes; got a table"]


def test_line_of_a_quoted_key(mini: MiniCopy) -> None:
    mini.edit("sources.toml", 'kind = "agency"', '"kind" = "agency"\n"out lets" = []')
    assert mini.problems() == [
        "sources.toml:14: wire out lets: unknown field; did you mean 'outlets'? "
        "(see `briefing schema`)"
    ]


def test_line_of_a_key_after_a_multi_line_string(mini: MiniCopy) -> None:
    mini.edit(
        "sections.toml",
        'text = "The analyst thinks this matters."',
        'text = """\nThe analyst [[thinks]] "this" = matters.\nid = 1\n"""\nweight = 2',
    )
    assert mini.problems() == [f"sections.toml:19: s1.p2 weight: {UNKNOWN}"]


def test_line_of_a_table_written_with_a_header(mini: MiniCopy) -> None:
    mini.write(
        "briefing.toml",
        mini.read("briefing.toml") + '\n[extra]\nkey = "value"\n',
    )
    assert mini.problems() == [f"briefing.toml:10: extra: {UNKNOWN}"]


def test_line_of_sources_written_as_inline_tables(mini: MiniCopy) -> None:
    mini.write(
        "sources.toml",
        'heading = "Sources"\nsources = [\n'
        '  { id = "ministry", title = "M", kind = "official", in_report_list = true },\n'
        '  { id = "wire", title = "W",\n    kind = "wire", in_report_list = false },\n]\n',
    )
    assert mini.problems() == [f"sources.toml:5: wire kind: 'wire' is not one of {KINDS}"]


def test_unsafe_character_flags_exactly_the_documented_set() -> None:
    """Every code point, against the rule as written: C0 but tab and newline, DEL, C1, bidi."""
    bidi = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}

    def forbidden(code: int) -> bool:
        return (code < 0x20 and code not in (0x09, 0x0A)) or 0x7F <= code <= 0x9F or code in bidi

    wrong = [
        code
        for code in range(0x110000)
        if (unsafe_character("ok " + chr(code)) is not None) != forbidden(code)
    ]
    assert wrong == []
    assert unsafe_character("a\u2067b") == (1, "U+2067 RIGHT-TO-LEFT ISOLATE")
