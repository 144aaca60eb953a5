"""Test-suite wide setup.

``async def`` tests run on a fresh asyncio loop each: Pilot needs nothing more, so the suite does
without an async plugin.

The app freezes what its workers build (``gcpolicy.bulk``), and a frozen app is never collected;
each test unfreezes afterwards so the apps of a long run do not pile up.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
from collections.abc import Iterator

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
