"""The store seen from the command line: ``briefing index``, ``briefing search`` refreshing or
reading it, a damaged store (every file of it, in turn), and secure mode's read-only use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from storekit import edit, library, snapshot

from briefing_tui.cli.commands import main
from briefing_tui.store import beside_library, in_cache

Capture = pytest.CaptureFixture[str]


def search(capsys: Capture, query: str, lib: Path) -> tuple[int, list[str], list[str]]:
    code = main(["search", query, str(lib), "--limit", "0"])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def search_process(query: str, lib: Path) -> tuple[int, list[str], list[str]]:
    """``briefing search`` in a process of its own, as it is used (an index this process had
    open would keep the damaged files mapped in memory)."""
    argv = ["search", query, str(lib), "--limit", "0"]
    code = f"from briefing_tui.cli.commands import main; raise SystemExit(main({argv!r}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout.splitlines(), done.stderr.splitlines()


def no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any validation fail loudly: what follows must be read from a store."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated a briefing")

    monkeypatch.setattr("briefing_tui.content.loader.load_briefing", refuse)
    monkeypatch.setattr("briefing_tui.cli.commands._load", refuse)


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return library(tmp_path / "lib", 3)


# --------------------------------------------------------------------------------------------
# briefing index
# --------------------------------------------------------------------------------------------


def test_index_builds_beside_the_library_then_refreshes(lib: Path, capsys: Capture) -> None:
    assert main(["index", str(lib)]) == 0
    out, err = capsys.readouterr()
    store = beside_library(lib)
    assert out == (
        f"ok: 3 of 3 briefings searchable; validated 3, removed 0, unchanged 0 (store rebuilt); "
        f"store: {store}\n"
    )
    assert err == ""  # not a terminal: no progress bar
    assert (store / "manifest.sqlite3").is_file()
    assert oct((store / "index" / ".tantivy-meta.lock").stat().st_mode & 0o777) == "0o666"
    assert all(p.stat().st_mode & 0o044 == 0o044 for p in store.rglob("*") if p.is_file()), (
        "readable by the analysts' accounts"
    )
    edit(lib / "b1", "word1", "zebra")
    assert main(["index", str(lib)]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("ok: 3 of 3 briefings searchable; validated 1, removed 0, unchanged 2;")


def test_index_with_broken_briefings_exits_1(lib: Path, capsys: Capture) -> None:
    (lib / "b2" / "sources.toml").write_text("[[sources]\n")
    assert main(["index", "--cache", str(lib)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("ok: 2 of 3 briefings searchable; validated 3,")
    assert f"store: {in_cache(lib)}" in out
    assert err == (
        "briefing: warning: 1 briefing(s) with problems are left out (see `briefing validate`)\n"
    )


def test_index_of_a_bad_path_is_a_usage_error(tmp_path: Path, capsys: Capture) -> None:
    assert main(["index", str(tmp_path / "nowhere")]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "no such file or folder" in err


def test_index_where_the_store_cannot_be_written(lib: Path, capsys: Capture) -> None:
    beside_library(lib).write_text("a file where the store folder would go")
    assert main(["index", str(lib)]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith("briefing: cannot write the store in ")


# --------------------------------------------------------------------------------------------
# briefing search and the user's store
# --------------------------------------------------------------------------------------------


def test_search_keeps_the_users_store_fresh(
    lib: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = search(capsys, "gas", lib)
    assert first[0] == 0 and first[2] == []
    assert (in_cache(lib) / "manifest.sqlite3").is_file()
    with monkeypatch.context() as m:  # the second search reads the store only
        no_validation(m)
        assert search(capsys, "gas", lib) == first
    edit(lib / "b0", "word0", "zebra")
    code, out, _ = search(capsys, "zebra", lib)
    assert code == 0 and [line.split("/")[0] for line in out] == ["b0"]
    now = search(capsys, "gas", lib)
    monkeypatch.setenv("BRIEFING_NO_STORE", "1")
    assert search(capsys, "gas", lib) == now


def store_files(store: Path) -> list[Path]:
    """Every file of a store that holds data (lock files hold none)."""
    return sorted(p for p in store.rglob("*") if p.is_file() and not p.name.endswith(".lock"))


def kind_of(path: Path) -> str:
    """A segment file by its extension (its name changes with each rebuild), others by name."""
    return path.suffix if len(path.stem) == 32 else path.name


@pytest.mark.parametrize("damage", ["garble", "truncate"])
def test_a_damaged_store_is_reported_and_rebuilt(lib: Path, damage: str) -> None:
    # In a process of its own: this one must not hold the files it is about to damage mapped.
    expected = search_process("gas", lib)
    assert expected[0] == 0
    store = in_cache(lib)
    # Each kind of file in turn (a rebuild gives the index's files new names).
    kinds = sorted({kind_of(p) for p in store_files(store)})
    assert {"manifest.sqlite3", ".managed.json", "meta.json", ".idx", ".store", ".term"} <= set(
        kinds
    )
    for kind in kinds:
        for path in [p for p in store_files(store) if kind_of(p) == kind]:
            data = path.read_bytes()
            if damage == "truncate":
                path.write_bytes(data[: len(data) // 2])
            else:
                middle = len(data) // 2
                path.write_bytes(data[:middle] + b"\xff" * min(64, len(data) - middle))
        code, out, err = search_process("gas", lib)
        assert (code, out) == expected[:2], kind
        assert len(err) == 1 and err[0].startswith("briefing: warning: the store in "), (kind, err)
        assert search_process("gas", lib) == expected, kind  # rebuilt: no warning


# --------------------------------------------------------------------------------------------
# Secure mode: the administrator's store, read-only
# --------------------------------------------------------------------------------------------


def test_secure_search_reads_a_fresh_store_and_writes_nothing(
    lib: Path, tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = search(capsys, "gas", lib)
    assert main(["index", str(lib)]) == 0
    capsys.readouterr()
    cache = Path(os.environ["XDG_CACHE_HOME"])
    import shutil

    shutil.rmtree(cache, ignore_errors=True)
    monkeypatch.setenv("BRIEFING_SECURE", "1")
    before = snapshot(tmp_path)
    with monkeypatch.context() as m:
        no_validation(m)
        assert search(capsys, "gas", lib) == expected
    assert snapshot(tmp_path) == before
    assert not cache.exists()


def test_secure_search_ignores_a_stale_store(
    lib: Path, tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["index", str(lib)]) == 0
    capsys.readouterr()
    edit(lib / "b2", "word2", "zebra")
    monkeypatch.setenv("BRIEFING_SECURE", "1")
    before = snapshot(tmp_path)
    code, out, err = search(capsys, "zebra", lib)
    assert (code, err) == (0, []) and [line.split("/")[0] for line in out] == ["b2"]
    assert search(capsys, "word2", lib)[0] == 1  # not from the stale store
    assert snapshot(tmp_path) == before


def test_secure_search_bypasses_a_damaged_store(
    lib: Path, tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = search(capsys, "gas", lib)
    assert main(["index", str(lib)]) == 0
    capsys.readouterr()
    manifest = beside_library(lib) / "manifest.sqlite3"
    manifest.write_bytes(manifest.read_bytes()[:100])
    monkeypatch.setenv("BRIEFING_SECURE", "1")
    before = snapshot(tmp_path)
    code, out, err = search(capsys, "gas", lib)
    assert (code, out) == expected[:2]
    assert len(err) == 1 and "is not used" in err[0]
    assert snapshot(tmp_path) == before
