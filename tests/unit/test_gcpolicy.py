"""Garbage collection is paused for start-up and always comes back, frozen, exactly once."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from briefing_tui import gcpolicy
from briefing_tui.content.loader import load_library
from briefing_tui.search import SearchIndex


@pytest.fixture
def restore_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    gcpolicy.resume()
    gc.unfreeze()
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_pause_then_resume_freezes_and_enables(restore_gc: None) -> None:
    gc.enable()
    gc.unfreeze()
    gcpolicy.pause()
    assert not gc.isenabled()
    survivor = [object() for _ in range(10)]
    gcpolicy.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(survivor)
    gcpolicy.resume()  # the exit path calls it again: nothing changes
    assert gc.isenabled()


def test_resume_without_pause_leaves_gc_alone(restore_gc: None) -> None:
    gc.disable()  # e.g. a host program that manages collection itself
    gc.unfreeze()
    gcpolicy.resume()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_pause_when_already_disabled_does_not_enable_later(restore_gc: None) -> None:
    gc.disable()
    gcpolicy.pause()
    gcpolicy.resume()
    assert not gc.isenabled()


def test_bulk_pauses_then_freezes_and_enables(restore_gc: None) -> None:
    gc.enable()
    gc.unfreeze()
    with gcpolicy.bulk():
        assert not gc.isenabled()
        built = [[i] for i in range(100)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(built)


def test_bulk_nests_and_crosses_threads(restore_gc: None) -> None:
    gc.enable()
    inside = threading.Event()
    release = threading.Event()

    def worker() -> None:
        with gcpolicy.bulk():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    assert inside.wait(5)
    with gcpolicy.bulk():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the worker's block is still open
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_bulk_leaves_collection_off_if_it_was_off(restore_gc: None) -> None:
    gc.disable()
    with gcpolicy.bulk():
        pass
    assert not gc.isenabled()


def test_index_built_in_bulk_runs_no_collection(restore_gc: None) -> None:
    """The index build's closing pass (a full one, ~0.5 s, on 1,000 briefings) is what bulk
    avoids; on the bundled briefing it is a young-generation pass, counted the same way."""
    library = load_library().library
    gc.enable()
    passes: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.callbacks.append(record)
    try:
        SearchIndex.build(library)
        assert passes, "outside bulk the build ends with a collection of its own"
        passes.clear()
        with gcpolicy.bulk():
            SearchIndex.build(library)
        assert passes == []
    finally:
        gc.callbacks.remove(record)


def test_resume_inside_bulk_leaves_collection_to_the_last_block(restore_gc: None) -> None:
    gc.enable()
    gcpolicy.pause()
    with gcpolicy.bulk():
        gcpolicy.resume()  # start-up ends while a worker is still building
        assert not gc.isenabled()
    assert gc.isenabled()


def test_full_passes_wait_for_collect_idle(restore_gc: None) -> None:
    """The browser defers full passes (they took 30-80 ms of a key) to a moment without keys."""
    gc.enable()
    before = gc.get_threshold()
    passes: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.callbacks.append(record)
    try:
        gcpolicy.defer_full()
        assert gc.get_threshold() == (before[0], before[1], gcpolicy.DEFERRED)
        gc.collect()
        passes.clear()
        gcpolicy.collect_idle()
        assert passes == []  # nothing reached the oldest generation since: nothing to do
        gc.collect(1)  # a middle pass moves survivors on, as a burst of keys does
        passes.clear()
        gcpolicy.collect_idle()
        assert passes == [2]
    finally:
        gc.callbacks.remove(record)
        gc.set_threshold(*before)
