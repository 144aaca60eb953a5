"""The ``briefing`` command: exit codes, help, version, schema and export, in-process and as a
real process; and the core modules never importing textual."""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mdkit import rendered_text, shown
from minikit import MINI, MiniCopy, copy_mini
from probe import fresh_python

from briefing_tui import __version__
from briefing_tui.cli.commands import main
from briefing_tui.content import model as models
from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.content.validation import validate_json

MINI_SUMMARY = "ok: 1 briefing, 2 sections, 3 paragraphs, 2 agreements, 2 sources\n"
ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_exit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """For argparse paths (--help, --version, bad options) that end in SystemExit."""
    with pytest.raises(SystemExit) as caught:
        main(list(argv))
    out, err = capsys.readouterr()
    code = caught.value.code
    return (code if isinstance(code, int) else 1), out, err


# -- validate ----------------------------------------------------------------------------------


def test_validate_valid_prints_one_line_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", str(MINI)) == (0, MINI_SUMMARY, "")


def test_validate_accepts_the_briefing_toml_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", str(MINI / "briefing.toml")) == (0, MINI_SUMMARY, "")


def test_validate_bundled_content(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate")
    assert (code, err) == (0, "")
    assert out.startswith("ok: 1 briefing, 5 sections, ")
    assert " 13 agreements, " in out
    assert out.count("\n") == 1


def test_validate_invalid_lists_every_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mini: MiniCopy = copy_mini(tmp_path / "mini")
    mini.edit("sources.toml", 'kind = "agency"', 'kind = "blog"')
    mini.edit("overview.toml", 'ref = "s2.p1"', 'ref = "s9"')
    mini.edit("briefing.toml", 'title = "Mini briefing"', 'title = " "')
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "validate", "mini")
    assert (code, out) == (1, "")
    # every problem of every file in one run, and the cross-file references (the reaction's
    # dangling ref), with the ids it could have meant
    assert err.splitlines() == [
        "mini/briefing.toml:3: title: text must not be empty or only whitespace",
        "mini/sources.toml:13: wire kind: 'blog' is not one of official, government, agency, "
        "media, document, expert, think-tank, academic, ngo, company, social, other",
        "mini/overview.toml:21: europe ref: unknown paragraph, table or agreement 's9'; "
        "known: pipeline, s1.p1, s1.p2, s2.p1, trade-goal",
        "invalid: 3 problem(s) in 1 briefing(s); valid: 0 briefings, 0 sections, 0 paragraphs, "
        "0 agreements, 0 sources",
    ]
    mini.edit("sources.toml", 'kind = "blog"', 'kind = "agency"')
    mini.edit("briefing.toml", 'title = " "', 'title = "Mini"')
    mini.edit("sections.toml", 'sources = ["wire", "ministry"]', 'sources = ["wire", "tass"]')
    code, out, err = run(capsys, "validate", "mini")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "mini/sections.toml:27: s2.p1 sources[1]: unknown source 'tass'; known: ministry, wire",
        "mini/overview.toml:21: europe ref: unknown paragraph, table or agreement 's9'; "
        "known: pipeline, s1.p1, s1.p2, s2.p1, trade-goal",
        "invalid: 2 problem(s) in 1 briefing(s); valid: 0 briefings, 0 sections, 0 paragraphs, "
        "0 agreements, 0 sources",
    ]


# -- usage errors --------------------------------------------------------------------------------


def test_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope"
    assert run(capsys, "validate", str(missing)) == (
        2,
        "",
        f"briefing: {missing}: no such file or folder\n",
    )


def test_folder_without_briefings_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "validate", str(tmp_path))
    assert (code, out) == (2, "")
    assert (
        err == f"briefing: {tmp_path}: no briefing found (a briefing folder holds briefing.toml)\n"
    )


def test_a_plain_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    assert run(capsys, "validate", str(other)) == (
        2,
        "",
        f"briefing: {other}: not a content folder\n",
    )


def test_bad_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_exit(capsys, "export", str(MINI), "--format", "pdf")
    assert (code, out) == (2, "")
    assert "argument --format: invalid choice: 'pdf'" in err
    assert err.count("\n") == 1


def test_unknown_briefing_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "export", str(MINI), "--briefing", "nope") == (
        2,
        "",
        "briefing: no briefing with id 'nope' (known: mini)\n",
    )


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_exit(capsys, "validate", "--frobnicate")
    assert code == 2
    assert "unrecognized arguments: --frobnicate" in err


def test_export_refuses_broken_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mini = copy_mini(tmp_path / "mini")
    mini.edit("sources.toml", 'kind = "agency"', 'kind = "blog"')
    code, out, err = run(capsys, "export", str(mini.folder))
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "briefing: export refused: fix the problems above first"


# -- help and version ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "mentions"),
    [
        ((), "validate"),
        (("validate",), "path"),
        (("export",), "--format"),
        (("schema",), "schema"),
        (("search",), "--limit"),
    ],
    ids=["briefing", "validate", "export", "schema", "search"],
)
def test_help_for_every_command(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], mentions: str
) -> None:
    code, out, err = run_exit(capsys, *argv, "--help")
    assert (code, err) == (0, "")
    assert out.startswith("usage: briefing")
    assert mentions in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_exit(capsys, "--version") == (0, f"briefing {__version__}\n", "")


# -- schema --------------------------------------------------------------------------------------


def test_schema_is_json_for_all_five_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "schema")
    assert (code, err) == (0, "")
    schema = json.loads(out)
    assert list(schema) == list(models.CONTENT_FILES)
    assert set(schema) == {
        "briefing.toml",
        "sections.toml",
        "agreements.toml",
        "sources.toml",
        "overview.toml",
    }
    for name, model in models.CONTENT_FILES.items():
        assert schema[name]["type"] == "object"
        assert set(schema[name]["properties"]) == {f.name for f in dataclasses.fields(model)}
        assert schema[name]["additionalProperties"] is False
    kinds = schema["sources.toml"]["$defs"]["SourceKind"]["enum"]
    assert kinds == [k.value for k in models.SourceKind]


def _undocumented(schema: dict[str, Any], name: str) -> list[str]:
    """Fields of ``schema`` (and of every model it defines) without a description or example."""
    objects = [(name, schema), *schema.get("$defs", {}).items()]
    return [
        f"{owner}.{field}"
        for owner, definition in objects
        for field, prop in definition.get("properties", {}).items()
        if not prop.get("description") or not prop.get("examples")
    ]


def test_schema_documents_every_field_with_a_description_and_an_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert [f for name in schema for f in _undocumented(schema[name], name)] == []
    paragraph_id = schema["sections.toml"]["$defs"]["Paragraph"]["properties"]["id"]
    assert "share one namespace" in paragraph_id["description"]


def test_schema_of_the_json_export_describes_what_export_writes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "schema", "--export")
    assert (code, err) == (0, "")
    schema = json.loads(out)
    assert _undocumented(schema, "Library") == []
    assert schema["title"] == "briefing-tui JSON export"
    briefing = schema["$defs"]["Briefing"]
    fields = {f.name for model in models.CONTENT_FILES.values() for f in dataclasses.fields(model)}
    assert set(briefing["properties"]) == fields
    assert briefing["additionalProperties"] is False


# -- export --------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", [MINI, None], ids=["mini", "bundled"])
def test_export_json_round_trips(capsys: pytest.CaptureFixture[str], where: Path | None) -> None:
    argv = ["export", "--format", "json"] + ([str(where)] if where else [])
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    library = validate_json(models.Library, out)
    assert library == load_library(where).library
    data = json.loads(out)
    briefing = data["briefings"][0]
    for key in ("id", "title", "sections", "agreements", "sources"):
        assert key in briefing
    assert {"id", "text", "sources"} <= set(briefing["sections"][0]["paragraphs"][0])
    assert {"id", "area", "title", "text", "status", "sources"} <= set(briefing["agreements"][0])
    assert {"id", "title", "in_report_list"} <= set(briefing["sources"][0])


@pytest.mark.parametrize("where", [MINI, None], ids=["mini", "bundled"])
def test_export_markdown_contains_every_paragraph(
    capsys: pytest.CaptureFixture[str], where: Path | None
) -> None:
    argv = ["export"] + ([str(where)] if where else [])
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    briefing = load_library(where).library.briefings[0]
    text = rendered_text(out)
    assert shown(briefing.title) in text
    for _, paragraph in briefing.paragraphs():
        assert shown(paragraph.text) in text, paragraph.id
    for agreement in briefing.agreements:
        assert shown(agreement.title) in text
    for source in briefing.sources:
        assert shown(source.title) in text
    if briefing.note:
        assert shown(briefing.note) in text


def test_export_one_briefing_of_a_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_mini(tmp_path / "lib" / "a")
    second = copy_mini(tmp_path / "lib" / "b")
    second.edit("briefing.toml", 'id = "mini"', 'id = "other"')
    code, out, _ = run(
        capsys, "export", str(tmp_path / "lib"), "--briefing", "other", "--format", "json"
    )
    assert code == 0
    assert [b["id"] for b in json.loads(out)["briefings"]] == ["other"]


# -- as a real process ---------------------------------------------------------------------------


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "validate", str(MINI)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, MINI_SUMMARY, "")
    done = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "validate", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.endswith("no such file or folder\n")


def test_core_modules_never_import_textual() -> None:
    code = (
        "import sys\n"
        "import briefing_tui.content.model, briefing_tui.content.loader, briefing_tui.export\n"
        "import briefing_tui.search, briefing_tui.cli.commands\n"
        "from briefing_tui.cli.commands import build_command_parser\n"
        "build_command_parser().parse_args(['validate'])\n"
        "from briefing_tui.content.loader import load_library\n"
        "from briefing_tui.search import SearchIndex\n"
        "index = SearchIndex.build(load_library().library)\n"
        "index.search('gas')\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad)\n"
    )
    assert fresh_python(code) == "[]\n"


def test_bundled_content_path_exists() -> None:
    path = bundled_content_path()
    assert path.is_dir()
    assert any(path.glob("*/briefing.toml"))


def test_an_internal_error_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing_tui.cli import commands as cli

    def broken(ns: object) -> int:
        raise RuntimeError("unexpected state")

    monkeypatch.setattr(cli, "_validate", broken)
    assert cli.main(["validate"]) == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err == "briefing: internal error: RuntimeError: unexpected state\n"


def test_references_are_judged_even_when_a_type_error_fails_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mini: MiniCopy = copy_mini(tmp_path / "mini")
    mini.edit("sources.toml", 'kind = "agency"', 'kind = "blog"')  # sources.toml fails
    mini.edit("sections.toml", 'sources = ["wire", "ministry"]', 'sources = ["wire", "tass"]')
    mini.edit("agreements.toml", 'area = "trade"', 'area = "fishing"')
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "validate", "mini")
    assert code == 1
    assert err.splitlines()[:3] == [
        "mini/sources.toml:13: wire kind: 'blog' is not one of official, government, agency, "
        "media, document, expert, think-tank, academic, ngo, company, social, other",
        "mini/sections.toml:27: s2.p1 sources[1]: unknown source 'tass'; known: ministry, wire",
        "mini/agreements.toml:25: trade-goal area: unknown area 'fishing'; known: energy, trade",
    ]


def test_a_status_typo_does_not_hide_a_bad_ref_in_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mini: MiniCopy = copy_mini(tmp_path / "mini")
    mini.edit("agreements.toml", 'status = "target"', 'status = "signed"')
    mini.edit("overview.toml", "value = 10", 'value = "10"')
    mini.edit("overview.toml", 'ref = "s2.p1"', 'ref = "s9"')
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "validate", "mini")
    assert code == 1
    assert err.splitlines()[:3] == [
        "mini/agreements.toml:28: trade-goal status: 'signed' is not one of negotiation, "
        "memorandum, agreed, target, statement",
        "mini/overview.toml:6: fig-trade value: expected a number (without quotes); got '10'",
        "mini/overview.toml:21: europe ref: unknown paragraph, table or agreement 's9'; "
        "known: pipeline, s1.p1, s1.p2, s2.p1, trade-goal",
    ]


def test_references_into_a_file_that_does_not_parse_are_not_judged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mini: MiniCopy = copy_mini(tmp_path / "mini")
    mini.edit("sources.toml", 'heading = "Sources"', 'heading = ["Sources"')
    mini.edit("sections.toml", 'sources = ["wire", "ministry"]', 'sources = ["wire", "tass"]')
    mini.edit("agreements.toml", 'area = "trade"', 'area = "fishing"')
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "validate", "mini")
    assert code == 1
    # 'tass' may or may not be in the file that could not be read: not judged this run
    assert err.splitlines()[:2] == [
        "mini/sources.toml:1:11: TOML syntax error: '[' opened here is never closed; add ']'",
        "mini/agreements.toml:25: trade-goal area: unknown area 'fishing'; known: energy, trade",
    ]


def test_cli_module_loads_without_pydantic() -> None:
    """The browser pauses garbage collection before pydantic loads (gcpolicy): so ``cli``,
    which the ``briefing`` script imports first, must not bring pydantic in itself."""
    code = (
        "import sys\n"
        "import briefing_tui.cli.commands\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'textual')))\n"
    )
    assert fresh_python(code) == "[]\n"


@pytest.mark.parametrize(
    ("argv", "code"),
    [(["validate"], 0), (["search", "gas"], 0), ([], 2)],  # [] is the browser: no TTY here
    ids=["validate", "search", "browser"],
)
def test_pydantic_plugins_are_never_loaded(tmp_path: Path, argv: list[str], code: int) -> None:
    """A pydantic plugin installed anywhere on sys.path would run inside every validation."""
    dist = tmp_path / "evil_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: evil-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[pydantic]\nevil = evil_plugin_mod:plugin\n")
    (tmp_path / "evil_plugin_mod.py").write_text(
        "import sys\nsys.stderr.write('PLUGIN LOADED\\n')\nplugin = object()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    probe = [sys.executable, "-c", "import briefing_tui.content.loader as l; l.load_library()"]
    loaded = subprocess.run(probe, capture_output=True, text=True, timeout=60, env=env)
    assert "PLUGIN LOADED" in loaded.stderr  # the planted plugin is real: pydantic finds it
    done = subprocess.run(
        [sys.executable, "-m", "briefing_tui", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == code, done.stderr
    assert "PLUGIN LOADED" not in done.stderr


def test_browser_start_turns_collection_back_on_when_it_cannot_start() -> None:
    """gcpolicy: the browser pauses collection before it loads; refusing to start (no TTY
    here) must not leave the process without it."""
    gc.enable()
    assert main([]) == 2
    assert gc.isenabled()
