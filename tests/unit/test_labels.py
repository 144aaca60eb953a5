"""One label for each section and paragraph, from its position, whatever the shape of its id."""

from __future__ import annotations

from pathlib import Path

import pytest
from minikit import MiniCopy, copy_mini

from briefing_tui.content.loader import load_briefing
from briefing_tui.content.model import Library
from briefing_tui.reading.labels import number_label, report_labels
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.search import SearchIndex


@pytest.fixture
def odd_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MiniCopy:
    """The mini briefing with ids an author might choose: not shaped ``sN.pM``."""
    mini = copy_mini(tmp_path / "mini")
    monkeypatch.chdir(mini.folder)
    for name in ("sections.toml", "overview.toml", "agreements.toml"):
        text = mini.read(name)
        text = text.replace('"s1.p1"', '"security.p1"').replace('"s1.p2"', '"s2.p3.x"')
        text = text.replace('"s2.p1"', '"brussels"').replace('"s1"', '"security"')
        mini.write(name, text)
    assert mini.problems() == []
    return mini


def test_number_label() -> None:
    assert number_label(4) == "§4"
    assert number_label(4, 7) == "§4.7"


def test_labels_follow_position_not_id_shape(odd_ids: MiniCopy) -> None:
    briefing = load_briefing(Path("."))
    assert report_labels(briefing) == {
        "security": "§1",
        "security.p1": "§1.1",
        "s2.p3.x": "§1.2",
        "s2": "§2",
        "brussels": "§2.1",
    }


def test_reader_refs_and_search_agree_on_labels(odd_ids: MiniCopy) -> None:
    briefing = load_briefing(Path("."))
    refs = BriefingRefs(briefing)
    assert refs.targets["s2.p3.x"].label == "§1.2"
    assert refs.targets["security"].location == "§1 Opening"
    index = SearchIndex.build(Library(briefings=(briefing,)))
    hits = {h.target_id: h.location for h in index.search("kind:paragraph").hits}
    assert hits["s2.p3.x"].startswith("§1.2")
    assert hits["security.p1"].startswith("§1.1")
    assert hits["brussels"].startswith("§2.1")


def test_goto_labels_resolve_to_ids_of_any_shape(odd_ids: MiniCopy) -> None:
    from briefing_tui.reading.refs import canonical_id

    refs = BriefingRefs(load_briefing(Path(".")))
    assert canonical_id("§1.2", refs) == "s2.p3.x"
    assert canonical_id("1.1", refs) == "security.p1"
    assert canonical_id("§1", refs) == "security"
