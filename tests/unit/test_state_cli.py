"""``briefing cite``, ``briefing notes`` and the ``--state`` / ``--no-state`` rules on the command
line: exact output, one-line errors with exit 2, and no write anywhere but the state file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from minikit import MINI
from statekit import mini, open_state, tree

from briefing_tui.cli.commands import main
from briefing_tui.state.fingerprint import ref_to
from briefing_tui.state.paths import DB_NAME


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A state with two marks and two notes on the mini briefing."""
    path = tmp_path / "state" / DB_NAME
    state = open_state(path)
    b = mini()
    state.mark("a", ref_to(b, "s1.p1"))
    state.mark("w", ref_to(b, "wire"))
    state.add_note(ref_to(b, "s1.p1"), "Ask for the transcript.\nTwo lines.")
    stale = ref_to(b, "pipeline")
    state.add_note(type(stale)(stale.briefing, stale.item, "0" * 32), "Written on older text.")
    state.close()
    return path


# -- cite --------------------------------------------------------------------------------------


def test_cite_prints_a_paragraph_with_its_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "cite", "mini/s1.p1", str(MINI)) == (
        0,
        "§1.1 Opening — Mini briefing, 1–3 January 2025\n"
        "Gas talks resumed, said the ministry.\n"
        "Sources:\n"
        "- Statements of the ministry (official statement; Ministry)\n"
        "[mini/s1.p1]\n",
        "",
    )


def test_cite_prints_an_agreement(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "cite", "pipeline", str(MINI)) == (
        0,
        "Agreement: Pipeline (Energy; negotiation) — Mini briefing, 1–3 January 2025\n"
        "Pipeline – talks to resume.\n"
        "Sources:\n"
        "- Wire reports (news agency; Wire One, Wire Two)\n"
        "[mini/pipeline]\n",
        "",
    )


def test_cite_prints_a_source_and_what_cites_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cite", "wire", str(MINI))
    assert code == 0
    assert out.splitlines() == [
        "Source: Wire reports (news agency; Wire One, Wire Two) — Mini briefing, 1–3 January 2025",
        "Cited in the text, not in the report's list.",
        "Cited by: §2.1, Pipeline",
        "[mini/wire]",
    ]


@pytest.mark.parametrize(
    ("ident", "message"),
    [
        ("nope", "briefing: no paragraph, agreement or source with id 'nope'\n"),
        ("s1", "briefing: s1 is a section; cite a paragraph, agreement or source id\n"),
        ("mini", "briefing: mini is a briefing; cite a paragraph, agreement or source\n"),
        ("x\x1b[2J", "briefing: no paragraph, agreement or source with id 'x [2J'\n"),
    ],
)
def test_cite_of_something_uncitable_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], ident: str, message: str
) -> None:
    assert run(capsys, "cite", ident, str(MINI)) == (2, "", message)


# -- notes -------------------------------------------------------------------------------------


def test_notes_lists_marks_then_notes_in_five_columns(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, "notes", str(MINI), "--state", str(db))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "mark:a\tmini/s1.p1\t§1.1 Opening\tcurrent\t",
        "mark:w\tmini/wire\tWire reports (Sources)\tcurrent\t",
        "note:1\tmini/s1.p1\t§1.1 Opening\tcurrent\tAsk for the transcript. Two lines.",
        "note:2\tmini/pipeline\tPipeline (Agreements › Energy)\tchanged\tWritten on older text.",
    ]


def test_notes_json(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, _ = run(capsys, "notes", str(MINI), "--state", str(db), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["state"] == str(db)
    assert [m["letter"] for m in data["marks"]] == ["a", "w"]
    first = data["notes"][0]
    assert {k: first[k] for k in ("id", "briefing", "item", "location", "status", "text")} == {
        "id": 1,
        "briefing": "mini",
        "item": "s1.p1",
        "location": "§1.1 Opening",
        "status": "current",
        "text": "Ask for the transcript.\nTwo lines.",
    }
    assert data["notes"][1]["status"] == "changed"


def test_notes_export_markdown(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, _ = run(capsys, "notes", str(MINI), "--state", str(db), "--export", "md")
    assert code == 0
    assert out.startswith("# Notes\n\n## Mini briefing\n\n### §1.1 Opening (mini/s1.p1)\n\n")
    assert "> Gas talks resumed, said the ministry.\n\nAsk for the transcript.\nTwo lines.\n" in out
    assert "*The item's text has changed since this was written.*" in out
    assert out.endswith(
        "## Marks\n\n- `a` mini/s1.p1 §1.1 Opening\n- `w` mini/wire Wire reports (Sources)\n"
    )


def test_notes_without_a_database_lists_nothing_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "none" / DB_NAME
    assert run(capsys, "notes", str(MINI), "--state", str(db)) == (0, "", "")
    assert list(tmp_path.iterdir()) == []


def test_notes_reads_without_changing_the_database(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    """SQLite's reader may leave its empty -wal and -shm beside the file; the file is as it was."""
    before = db.read_bytes()
    assert run(capsys, "notes", str(MINI), "--state", str(db))[0] == 0
    assert db.read_bytes() == before
    assert {p.name for p in db.parent.iterdir()} <= {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"}


def test_notes_with_no_state_lists_nothing(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert run(capsys, "notes", str(MINI), "--no-state") == (0, "", "")


def test_notes_through_a_symlink_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db)
    code, out, err = run(capsys, "notes", str(MINI), "--state", str(link))
    assert (code, out) == (2, "")
    assert (
        err == f"briefing: notes are off: {link} is a symbolic link; the state "
        "database is never opened through a link\n"
    )


def test_notes_of_a_foreign_database_is_one_line_and_leaves_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / DB_NAME
    db.write_bytes(b"not sqlite at all" * 100)
    code, out, err = run(capsys, "notes", str(MINI), "--state", str(db))
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert err == (
        f"briefing: notes are off: {db} is not readable as a database (file is not a database); "
        "the browser will start a new one\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]


def test_state_in_the_content_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before = tree(MINI)
    code, out, err = run(capsys, "notes", str(MINI), "--state", str(MINI / "n.sqlite3"))
    assert (code, out) == (2, "")
    assert err.endswith("notes are never written into content\n") and err.count("\n") == 1
    assert tree(MINI) == before


def test_secure_mode_refuses_state_for_the_browser_and_notes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    message = (
        "briefing: --state cannot be used with --secure: secure mode keeps notes at the "
        "account's own state path (--no-state turns them off)\n"
    )
    chosen = str(tmp_path / "chosen.sqlite3")
    # A secure browser session leaves with os._exit (see process_guard): run it as a process.
    done = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "--secure", "--state", chosen],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout, done.stderr) == (2, "", message)
    monkeypatch.setenv("BRIEFING_SECURE", "1")
    assert run(capsys, "notes", "--state", chosen) == (2, "", message)
    assert list(tmp_path.iterdir()) == []


def test_secure_mode_ignores_briefing_state_and_reads_the_account_path(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    sealed_state: Path,
) -> None:
    account_db = sealed_state / ".local" / "state" / "briefing-tui" / DB_NAME
    state = open_state(account_db)
    state.add_note(ref_to(mini(), "s1.p1"), "from the account path")
    state.close()
    monkeypatch.setenv("BRIEFING_SECURE", "1")
    monkeypatch.setenv("BRIEFING_STATE", str(tmp_path / "chosen.sqlite3"))
    code, out, err = run(capsys, "notes", str(MINI))
    assert code == 0
    assert out.endswith("\tfrom the account path\n")
    assert err == (
        f"briefing: BRIEFING_STATE is ignored in secure mode; notes stay at {account_db}\n"
    )
    assert not (tmp_path / "chosen.sqlite3").exists()


def test_the_browser_settles_its_state_before_starting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Without a terminal the browser refuses to start, but a bad --state is reported first."""
    code, _, err = run(capsys, str(MINI), "--state", str(MINI / "n.sqlite3"))
    assert code == 2 and "never written into content" in err
    with pytest.raises(SystemExit) as caught:
        main([str(MINI), "--state", str(tmp_path / "x"), "--no-state"])
    assert caught.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_a_whole_session_leaves_the_content_folder_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from minikit import copy_mini

    from briefing_tui.content.loader import load_briefing

    copy = copy_mini(tmp_path / "content")
    before = tree(copy.folder)
    db = tmp_path / "elsewhere" / DB_NAME
    state = open_state(db)
    b = load_briefing(copy.folder)
    state.open_briefing(b)
    state.mark("a", ref_to(b, "s1.p1"))
    state.add_note(ref_to(b, "s1.p1"), "a note")
    state.set_last_position(b.id, "s2.p1")
    assert run(capsys, "notes", str(copy.folder), "--state", str(db), "--export", "md")[0] == 0
    assert run(capsys, "cite", "s1.p1", str(copy.folder))[0] == 0
    state.close()
    assert tree(copy.folder) == before


# -- search kind:note ----------------------------------------------------------------------------


def test_search_kind_note_finds_notes_in_the_database(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_NO_STORE", "1")
    code, out, err = run(capsys, "search", "kind:note transcript", str(MINI), "--state", str(db))
    assert (code, err) == (0, "")
    assert out == "mini/s1.p1\tYour note · s1.p1\tAsk for the transcript. Two lines.\n"
    code, out, _ = run(capsys, "search", "kind:note", str(MINI), "--state", str(db), "--json")
    hits = json.loads(out)["hits"]
    assert code == 0 and sorted(h["target_id"] for h in hits) == ["pipeline", "s1.p1"]
    assert {h["kind"] for h in hits} == {"note"}


def test_search_without_kind_note_never_prints_notes(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_NO_STORE", "1")
    code, out, _ = run(capsys, "search", "transcript", str(MINI), "--state", str(db))
    assert code == 1 and out == ""  # the word is in a note only
    code, out, _ = run(capsys, "search", "gas", str(MINI), "--state", str(db))
    assert code == 0 and "Your note" not in out


def test_search_kind_note_with_no_state_finds_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_NO_STORE", "1")
    code, out, _ = run(capsys, "search", "kind:note transcript", str(MINI), "--no-state")
    assert (code, out) == (1, "")
    before = db.read_bytes()
    run(capsys, "search", "kind:note transcript", str(MINI), "--state", str(db))
    assert db.read_bytes() == before  # read, never written
