"""``briefing import`` and ``briefing new`` on the command line: never over an existing folder,
one line for bad input, and a scaffold that validates as written (and once uncommented)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_tui.cli.commands import main
from briefing_tui.content.loader import load_briefing

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


def test_import_command_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b"
    assert main(["import", str(DATA / "no-table.md"), "-o", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == (
        f"{out}: 2 sections, 4 paragraphs, 0 tables, 0 agreements, 1 sources; 7 point(s) to review"
    )
    assert printed[1] == f"{out}/briefing.toml:5: id derived from the file name: 'no-table'"
    (out / "sections.toml").write_text("# edited", encoding="utf-8")
    assert main(["import", str(DATA / "no-table.md"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"briefing: {out} exists: choose another folder with -o, or --force to replace it\n"
    )
    assert (out / "sections.toml").read_text(encoding="utf-8") == "# edited"
    assert main(["import", str(DATA / "no-table.md"), "-o", str(out), "--force"]) == 0
    assert main(["validate", str(out)]) == 0
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["import", str(DATA / "no-table.md"), "-o", str(out), "--force"]) == 2
    assert "notes.txt is not a content file" in capsys.readouterr().err
    assert (out / "notes.txt").exists()


def test_import_command_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "nope.md")]) == 2
    assert capsys.readouterr().err.startswith(f"briefing: cannot read {tmp_path}/nope.md")
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\xff\xfe\x00")
    assert main(["import", str(binary)]) == 2
    assert capsys.readouterr().err == f"briefing: {binary} is not UTF-8 text (byte 0)\n"
    empty = tmp_path / "empty.md"
    empty.write_text("# Only a title\n", encoding="utf-8")
    assert main(["import", str(empty), "-o", str(tmp_path / "never")]) == 2
    assert capsys.readouterr().err.startswith(f"briefing: {empty}: no section found")
    assert not (tmp_path / "never").exists()


def test_new_scaffold_validates_as_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "my-briefing", str(tmp_path)]) == 0
    folder = tmp_path / "my-briefing"
    assert sorted(p.name for p in folder.iterdir()) == [
        "agreements.toml",
        "briefing.toml",
        "overview.toml",
        "sections.toml",
        "sources.toml",
    ]
    b = load_briefing(folder)
    assert (b.id, b.paragraph_count, len(b.sources)) == ("my-briefing", 1, 1)
    text = "".join(p.read_text(encoding="utf-8") for p in folder.iterdir())
    for part in (
        "[[sections.tables]]",
        "[[sections.sections]]",
        "attributions",
        "[[agreements]]",
        "[[figures]]",
        "[[timeline]]",
        "[[reactions]]",
        "url =",
        "assessment = true",
    ):
        assert part in text
    capsys.readouterr()
    assert main(["new", "my-briefing", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"briefing: {folder} exists: choose another id or folder\n"
    assert main(["new", "Bad Id", str(tmp_path)]) == 2


def test_new_scaffold_examples_validate_once_uncommented(tmp_path: Path) -> None:
    """The commented examples are real: uncomment every one and the briefing still validates."""
    assert main(["new", "full", str(tmp_path)]) == 0
    folder = tmp_path / "full"
    example = re.compile(r"^# (\[\[|[a-z_]+ = |  \{|\]|#?$)")
    for path in folder.iterdir():
        lines = path.read_text(encoding="utf-8").splitlines()
        uncommented = [line[2:] if example.match(line) else line for line in lines]
        path.write_text("\n".join(uncommented) + "\n", encoding="utf-8")
    b = load_briefing(folder)
    assert (b.paragraph_count, len(list(b.tables())), len(list(b.all_sections()))) == (3, 1, 2)
    assert (len(b.agreements), len(b.figures), len(b.timeline), len(b.reactions)) == (1, 1, 1, 1)
    assert b.sources[0].url == "https://www.example.org/article"
