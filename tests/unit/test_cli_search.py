"""``briefing search``: the line format, bold only on a terminal, --json, --limit, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.cli.commands import main
from briefing_tui.cli.search_output import format_hit
from briefing_tui.content.text import one_line
from briefing_tui.search import Hit

MINI = Path(__file__).resolve().parent.parent / "data" / "mini"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["search", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_one_hit_per_line_id_location_snippet(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "gas", str(MINI))
    assert (code, err) == (0, "")
    assert out == (
        "mini/#timeline-1\tOverview › Timeline\tGas talks resumed.\n"
        "mini/s1.p1\t§1.1 Opening\tGas talks resumed, said the ministry.\n"
    )
    assert "\x1b" not in out


def test_no_hits_exits_1_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "zebra", str(MINI)) == (1, "", "")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            '"gas',
            'briefing: bad query: unclosed quote: add the closing " (or remove the opening one)',
        ),
        (
            "colour:red",
            "briefing: bad query: unknown filter 'colour:'; "
            "use source:, section:, area:, status:, kind:, briefing:",
        ),
        ("area:", "briefing: bad query: area: needs a value, e.g. area:power"),
    ],
)
def test_bad_query_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], query: str, message: str
) -> None:
    assert run(capsys, query, str(MINI)) == (2, "", message + "\n")


def test_bad_path_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    assert run(capsys, "gas", str(missing)) == (
        2,
        "",
        f"briefing: {missing}: no such file or folder\n",
    )


def test_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kind:source", str(MINI), "--limit", "2")
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == ["mini/#sources", "mini/ministry"]
    code, out, _ = run(capsys, "briefing:mini", str(MINI), "--limit", "0")
    assert (code, len(out.splitlines())) == (0, 15)
    code, out, err = run(capsys, "gas", str(MINI), "--limit", "-1")
    assert (code, out, err) == (2, "", "briefing: --limit must be 0 (no limit) or more, not -1\n")


def test_json_gives_full_hits(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "petrova", str(MINI), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["query"], data["total"]) == ("petrova", 1)
    [hit] = data["hits"]
    assert hit["briefing_id"] == "mini"
    assert (hit["kind"], hit["target_id"], hit["location"]) == (
        "paragraph",
        "s1.p1",
        "§1.1 Opening",
    )
    assert (hit["field"], hit["text"], hit["text_spans"]) == ("speaker", "Anna Petrova", [[5, 12]])
    assert (hit["snippet"], hit["snippet_spans"]) == ("Anna Petrova", [[5, 12]])
    assert {"title", "score", "order", "ref", "phrase_hit", "title_hit"} <= hit.keys()


def test_json_with_no_hits_still_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "zebra", str(MINI), "--json")
    assert code == 1
    assert json.loads(out) == {
        "query": "zebra",
        "total": 0,
        "showing_results_for": None,
        "did_you_mean": None,
        "hits": [],
    }


def test_query_starting_with_dash_after_double_dash(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--", "-gas talks", str(MINI))
    assert (code, out.split("\t")[0]) == (0, "mini/pipeline")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_matches_are_bold_on_a_terminal() -> None:
    import argparse

    from briefing_tui.cli.search_output import run_search
    from briefing_tui.content.loader import load_library

    out = _Terminal()
    ns = argparse.Namespace(query="talks resum", limit=1, json=False)
    assert run_search(ns, load_library(MINI), out) == 0
    assert out.getvalue() == (
        "mini/#timeline-1\tOverview › Timeline\tGas \x1b[1mtalks\x1b[22m \x1b[1mresumed\x1b[22m.\n"
    )


def test_control_characters_never_reach_the_output() -> None:
    hit = Hit(
        briefing_id="b",
        kind="paragraph",
        target_id="s1.p1",
        ref=None,
        location="§1.1\tOpen\x1b[31m",
        title="t",
        field="text",
        text="x",
        snippet="line\none\x9b2J \u202eevil\x07",
        snippet_spans=((0, 4),),
        score=1.0,
        order=(0, 0),
    )
    assert format_hit(hit, bold=False) == "b/s1.p1\t§1.1 Open [31m\tline one 2J  evil "
    assert format_hit(hit, bold=True).startswith("b/s1.p1\t§1.1 Open [31m\t\x1b[1mline\x1b[22m")
    assert one_line("a\tb") == "a b"


def test_piped_output_of_a_real_process_is_plain() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "search", "gas", str(MINI)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert (
        done.stdout.splitlines()[1]
        == "mini/s1.p1\t§1.1 Opening\tGas talks resumed, said the ministry."
    )
    assert "\x1b" not in done.stdout


def test_bad_query_in_a_real_process_has_no_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "search", '"gas', str(MINI)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
