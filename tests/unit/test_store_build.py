"""A big refresh prepares briefings in worker processes: the store it writes answers as the
in-memory path does, and as a refresh that prepared everything in-process."""

from __future__ import annotations

import json
import os
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from storekit import add_briefing, library

from briefing_tui.content.loader import load_library
from briefing_tui.search import SearchIndex
from briefing_tui.store import LibraryStore, build, refresh_store
from briefing_tui.store.identity import folder_stat
from briefing_tui.store.library import Plan
from briefing_tui.store.manifest import Row
from briefing_tui.store.sequence import SEQ_GAP, sequence_numbers

QUERIES = ["gas", "word1", "word3", "talks resum", '"talks resumed"', "source:wire gas", "-gas"]


def answers(index: SearchIndex) -> dict[str, list[tuple[str, str, tuple[int, int]]]]:
    """Every query's hits as (briefing, target, order), in rank order."""
    out = {}
    for q in QUERIES:
        result = index.search(q)
        assert result.error is None
        out[q] = [(h.briefing_id, h.target_id, h.order) for h in result.hits]
    return out


def in_memory(root: Path) -> SearchIndex:
    return SearchIndex.build(load_library(root).library)


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    """Six briefings, one broken and one holding an id an earlier one holds."""
    root = library(tmp_path / "lib", 6)
    (root / "b2" / "sources.toml").write_text("[[sources]\n")
    meta = root / "b4" / "briefing.toml"
    meta.write_text(meta.read_text().replace('id = "b4"', 'id = "b1"'))
    return root


def test_the_pool_prepares_what_the_process_prepares(
    lib: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = sorted(p for p in lib.iterdir())
    seqs = {f.name: (k + 1) * SEQ_GAP for k, f in enumerate(folders)}
    monkeypatch.setenv(build.JOBS_VAR, "1")
    alone = list(build.prepared(folders, lib, seqs))
    monkeypatch.setenv(build.JOBS_VAR, "2")
    monkeypatch.setattr(build, "POOL_MIN", 1)
    monkeypatch.setattr(build, "CHUNK", 1)
    pooled = list(build.prepared(folders, lib, seqs))
    assert [p.row.folder for p in pooled] == [f.name for f in folders]
    assert pooled == alone
    assert [p.valid for p in pooled] == [True, True, False, True, True, True]


def test_a_pooled_build_answers_as_the_library_does(
    tmp_path: Path, lib: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(build.JOBS_VAR, "2")
    monkeypatch.setattr(build, "POOL_MIN", 1)
    monkeypatch.setattr(build, "CHUNK", 2)
    store = LibraryStore(tmp_path / "store", lib, writable=True)
    seen: list[tuple[int, int]] = []
    report = refresh_store(store, pytest.fail, lambda done, total: seen.append((done, total)))
    assert (report.validated, report.broken) == (6, 2)
    assert seen == [(n, 6) for n in range(1, 7)]
    opened = store.open_fresh()
    assert opened is not None
    assert answers(opened.search_index()) == answers(in_memory(lib))
    expected = load_library(lib)
    items = [item for _, item in opened.iter_library()]
    assert [b for b in items if not hasattr(b, "problems")] == list(expected.library.briefings)
    assert [b for b in items if hasattr(b, "problems")] == list(expected.broken)
    # Then an incremental refresh of the pooled store (in-process: one briefing).
    add_briefing(lib, "a0", "Gas talks resumed, said word9.")
    assert refresh_store(store, pytest.fail).validated == 1
    opened = store.open_fresh()
    assert opened is not None
    assert answers(opened.search_index()) == answers(in_memory(lib))


def test_sequence_numbers_keep_known_folders_and_fit_new_ones_between() -> None:
    names = [f"n{k}" for k in range(6)]
    cold = Plan([], {})
    seqs = sequence_numbers(cold, names)
    assert [seqs[n] for n in names] == [(k + 1) * SEQ_GAP for k in range(6)]
    assert cold.changed == names
    heads = {n: _head(n, seqs[n]) for n in ("n1", "n3")}
    plan = Plan([], heads)
    again = sequence_numbers(plan, names)
    assert again["n1"] == seqs["n1"] and again["n3"] == seqs["n3"]
    assert again["n0"] < again["n1"] < again["n2"] < again["n3"] < again["n4"] < again["n5"]
    assert plan.changed == ["n0", "n2", "n4", "n5"]


def _head(name: str, seq: int) -> Row:
    return Row(name, seq, None, None, name, b"", 0)


def test_a_folders_identity_lists_its_toml_files_as_json(tmp_path: Path) -> None:
    """The quick form of the identity is the JSON it always was (stores stay fresh)."""
    folder = tmp_path / "b"
    folder.mkdir()
    for name, text in (("b.toml", "x"), ('é "q".toml', "yy"), ("a.toml", ""), ("n.txt", "z")):
        (folder / name).write_text(text)

    def expected() -> str:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".toml"))
        rows = [[n, *_numbers(os.stat(folder / n))] for n in names]
        return json.dumps(rows, separators=(",", ":"))

    assert folder_stat(folder) == expected()
    (folder / 'é "q".toml').unlink()
    assert folder_stat(folder) == expected()
    assert json.loads(expected())[0][0] == "a.toml"
    os.mkfifo(folder / "z.toml")
    assert folder_stat(folder) is None


def _numbers(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ino]


class _DyingPool:
    """A pool whose workers die after two briefings (as one killed for memory would), or
    that cannot start a process at all."""

    def __init__(self, *args: object, fail: type[BaseException], **kwargs: object) -> None:
        self.fail = fail

    def map(self, fn, args, chunksize=1):  # type: ignore[no-untyped-def]
        from concurrent.futures.process import BrokenProcessPool

        if self.fail is OSError:
            raise OSError("cannot start a process")

        def results():  # type: ignore[no-untyped-def]
            for n, one in enumerate(args):
                if n == 2:
                    raise BrokenProcessPool("a worker died")
                yield fn(one)

        return results()

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


@pytest.mark.parametrize("fail", [BrokenProcessPool, OSError])
def test_without_workers_the_rest_is_prepared_here(
    lib: Path, monkeypatch: pytest.MonkeyPatch, fail: type[BaseException]
) -> None:
    import concurrent.futures

    folders = sorted(p for p in lib.iterdir())
    seqs = {f.name: (k + 1) * SEQ_GAP for k, f in enumerate(folders)}
    monkeypatch.setenv(build.JOBS_VAR, "1")
    alone = list(build.prepared(folders, lib, seqs))
    monkeypatch.setenv(build.JOBS_VAR, "2")
    monkeypatch.setattr(build, "POOL_MIN", 1)
    monkeypatch.setattr(build, "CHUNK", 1)
    monkeypatch.setattr(
        concurrent.futures, "ProcessPoolExecutor", lambda *a, **k: _DyingPool(fail=fail)
    )
    assert list(build.prepared(folders, lib, seqs)) == alone
