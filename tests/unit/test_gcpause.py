"""Garbage collection is paused for start-up and always comes back, frozen, exactly once."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from briefing_tui import gcpause


@pytest.fixture
def restore_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    gcpause.resume()
    gc.unfreeze()
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_pause_then_resume_freezes_and_enables(restore_gc: None) -> None:
    gc.enable()
    gc.unfreeze()
    gcpause.pause()
    assert not gc.isenabled()
    survivor = [object() for _ in range(10)]
    gcpause.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(survivor)
    gcpause.resume()  # the exit path calls it again: nothing changes
    assert gc.isenabled()


def test_resume_without_pause_leaves_gc_alone(restore_gc: None) -> None:
    gc.disable()  # e.g. a host program that manages collection itself
    gc.unfreeze()
    gcpause.resume()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_pause_when_already_disabled_does_not_enable_later(restore_gc: None) -> None:
    gc.disable()
    gcpause.pause()
    gcpause.resume()
    assert not gc.isenabled()
