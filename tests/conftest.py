"""Test-suite wide setup.

``async def`` tests run on a fresh asyncio loop each: Pilot needs nothing more, so the suite does
without an async plugin.

The app freezes what its workers build (``gcpolicy.bulk``), and a frozen app is never collected;
each test unfreezes afterwards so the apps of a long run do not pile up.

No test may read or write the notes of the account running the suite: every test gets its own
state folder, home and account home (secure mode's path) under its temporary folder.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(pyfuncitem.obj(**kwargs))
    return True


@pytest.fixture(autouse=True)
def unfreeze_after_test() -> Iterator[None]:
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def sealed_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private account home for the test; the analyst's own state is never touched."""
    from briefing_tui.state import paths

    home = tmp_path_factory.mktemp("account")
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    # Library stores (briefing_tui.store) go to the cache folder: the test's own.
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("BRIEFING_STATE", raising=False)
    monkeypatch.setattr(paths, "account_home", lambda: home)
    return home
