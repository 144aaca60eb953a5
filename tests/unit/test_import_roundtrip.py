"""Lossless round trip: ``briefing export --format markdown`` then ``briefing import`` gives the
same JSON export, for the bundled briefing, the plain-text seed and every import fixture."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing_tui.authoring.importer import import_report
from briefing_tui.cli.commands import main
from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.export import to_json, to_markdown

DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURES = [*sorted((DATA / "import").glob("*.md")), DATA / "seed" / "xi-russia-visit-2025-05.txt"]


def export_json(capsys: pytest.CaptureFixture[str], folder: Path) -> str:
    assert main(["export", str(folder), "--format", "json"]) == 0
    return capsys.readouterr().out


def test_bundled_briefing_round_trips_through_the_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = bundled_content_path() / "xi-russia-visit-2025-05"
    assert main(["export", str(bundled), "--format", "markdown"]) == 0
    markdown = tmp_path / "report.md"
    markdown.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["import", str(markdown), "-o", str(tmp_path / "back")]) == 0
    printed = capsys.readouterr().out
    assert printed.endswith("0 point(s) to review\n")
    assert export_json(capsys, tmp_path / "back") == export_json(capsys, bundled)


@pytest.mark.parametrize("report", FIXTURES, ids=lambda p: p.name)
def test_imported_fixture_round_trips(report: Path, tmp_path: Path) -> None:
    first = import_report(report, tmp_path / "first", today=dt.date(2025, 1, 1))
    assert first.briefing is not None
    markdown = tmp_path / "export.md"
    markdown.write_text(to_markdown(first.briefing), encoding="utf-8")
    second = import_report(markdown, tmp_path / "second")
    assert second.problems == [] and second.todos == []
    assert to_json([second.briefing]) == to_json([first.briefing])  # type: ignore[list-item]


@pytest.mark.parametrize("library", ["library-v2", "mini"])
def test_test_libraries_round_trip_but_for_headings_equal_to_the_default(
    library: str, tmp_path: Path
) -> None:
    """A heading the author set to the language's own word ("Sources", "Area") prints exactly
    like the default and reads back as the default: the one thing the round trip cannot tell."""
    for briefing in load_library(DATA / library).library.briefings:
        markdown = tmp_path / f"{briefing.id}.md"
        markdown.write_text(to_markdown(briefing), encoding="utf-8")
        back = import_report(markdown, tmp_path / briefing.id)
        assert back.problems == []
        want = json.loads(to_json([briefing]))["briefings"][0]
        got = json.loads(to_json([back.briefing]))["briefings"][0]  # type: ignore[list-item]
        defaults = {"heading": "Sources", "area_heading": "Area", "items_heading": "Agreements"}
        for key, word in defaults.items():
            if want[key] == word and got[key] is None:
                got[key] = word
        assert got == want


def test_an_export_of_several_briefings_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(DATA / "library-v2"), "--format", "markdown"]) == 0
    markdown = tmp_path / "library.md"
    markdown.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["import", str(markdown), "-o", str(tmp_path / "never")]) == 2
    assert capsys.readouterr().err == (
        "briefing: library.md holds 2 exported briefings: export one at a time "
        "(`briefing export --briefing ID --format markdown`)\n"
    )
    assert not (tmp_path / "never").exists()
