"""The bundled briefing: complete, verbatim, and attributed as the issue asks."""

from __future__ import annotations

from pathlib import Path

import pytest
from mdkit import rendered_text, shown

from briefing_tui.content.loader import load_library
from briefing_tui.content.model import Briefing, Library
from briefing_tui.content.validation import validate_json
from briefing_tui.export import to_json, to_markdown, to_text
from briefing_tui.reading.refs import BriefingRefs

#: The analyst's original text, kept with the tests so they run without ../shared.
SEED = Path(__file__).resolve().parent.parent / "data" / "seed" / "xi-russia-visit-2025-05.txt"


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    result = load_library()
    assert not result.broken, result.problems
    (only,) = result.library.briefings
    return only


def test_content_rebuilds_the_original_byte_for_byte(briefing: Briefing) -> None:
    assert to_text(briefing) == SEED.read_text(encoding="utf-8")


def test_counts(briefing: Briefing) -> None:
    assert briefing.id == "xi-russia-visit-2025-05"
    assert str(briefing.start) == "2025-05-07" and str(briefing.end) == "2025-05-10"
    assert len(briefing.sections) == 5
    assert len(briefing.agreements) == 13
    per_area = {a.id: sum(1 for g in briefing.agreements if g.area == a.id) for a in briefing.areas}
    assert list(per_area.values()) == [3, 4, 3, 3]
    listed = [s for s in briefing.sources if s.in_report_list]
    assert len(listed) == 5
    assert briefing.heading == "Источники"
    outside = {s.id for s in briefing.sources if not s.in_report_list}
    assert {"china-daily", "hao-he", "ec-spokesman"} <= outside


def test_paragraph_ids_are_stable_and_ordered(briefing: Briefing) -> None:
    for number, section in enumerate(briefing.sections, start=1):
        assert section.id == f"s{number}"
        assert [p.id for p in section.paragraphs] == [
            f"s{number}.p{i}" for i in range(1, len(section.paragraphs) + 1)
        ]


def test_labels_and_gaps(briefing: Briefing) -> None:
    labels = [p.label for _, p in briefing.paragraphs() if p.label]
    assert "Strategic partnership." in labels
    assert "Ukraine:" in labels
    gaps = {p.id for _, p in briefing.paragraphs() if p.gap}
    fragment = next(p for _, p in briefing.paragraphs() if "post-war world order." in p.text)
    assert fragment.id in gaps
    other = next(p for _, p in briefing.paragraphs() if p.text.endswith("Other."))
    assert other.id in gaps


def test_attributions_named_in_the_issue(briefing: Briefing) -> None:
    speakers = {a.speaker for _, p in briefing.paragraphs() for a in p.attributions}
    speakers |= {a.speaker for g in briefing.agreements for a in g.attributions}
    for name in ("Maria Zakharova", "Wang Yi", "Bloomberg", "China Daily", "Hao He"):
        assert any(name in s for s in speakers), name
    assert any("Ushakov" in s for s in speakers)
    zakharova = next(
        a
        for _, p in briefing.paragraphs()
        for a in p.attributions
        if a.speaker == "Maria Zakharova"
    )
    assert zakharova.quote is not None and zakharova.quote.startswith("the widest agenda")
    assert zakharova.source == "foreign-ministries"


def test_unsourced_paragraphs_say_so(briefing: Briefing) -> None:
    for _, paragraph in briefing.paragraphs():
        assert paragraph.assessment == (not paragraph.sources)
    assert any(p.assessment for _, p in briefing.paragraphs())


def test_agreement_figures(briefing: Briefing) -> None:
    figures = {f.text for g in briefing.agreements for f in g.figures}
    values = {(f.value, f.unit) for g in briefing.agreements for f in g.figures}
    assert (50.0, next(u for v, u in values if v == 50.0)) in values
    assert any(v == 200.0 for v, _ in values)
    currencies = next(g for g in briefing.agreements if g.id == "national-currencies")
    (share,) = currencies.figures
    assert (share.value, share.target, share.target_high) == (70.0, 80.0, 85.0)
    assert figures


def test_power_of_siberia_is_still_negotiation(briefing: Briefing) -> None:
    pos2 = next(g for g in briefing.agreements if g.id == "power-of-siberia-2")
    assert pos2.status.value == "negotiation"
    assert "leading-media" in pos2.sources


def test_overview_references_resolve_to_readable_items(briefing: Briefing) -> None:
    refs = BriefingRefs(briefing)
    assert briefing.figures and briefing.timeline and briefing.reactions
    for figure in briefing.figures:
        assert refs.target(figure.ref) is not None
    actors = " ".join(r.actor for r in briefing.reactions)
    for actor in ("United States", "Ukraine", "Belarus"):
        assert actor in actors


def test_markdown_export_misses_nothing(briefing: Briefing) -> None:
    markdown = rendered_text(to_markdown(briefing))
    for _, paragraph in briefing.paragraphs():
        assert shown(paragraph.text) in markdown
    for agreement in briefing.agreements:
        assert shown(agreement.text) in markdown
    assert briefing.note is not None and shown(briefing.note) in markdown
    for source in briefing.sources:
        assert shown(source.title) in markdown


def test_json_export_round_trips(briefing: Briefing) -> None:
    again = validate_json(Library, to_json([briefing]))
    assert again.briefings[0] == briefing
