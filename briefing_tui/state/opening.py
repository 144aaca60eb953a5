"""Opening the database whatever state it is in, and saying what happened in one line.

The order of fall-backs, so that reading never stops because saving cannot happen:

1. open it for writing (creating it, and its folders, if missing);
2. corrupt, or another program's file: move it aside, start a new one;
3. a read-only or forbidden location, or a newer schema: open what is there read-only;
4. nothing usable: no state this session (``off``), and the browser goes on.

A link on the path or a folder open to others is never worked around: the layer is off.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from briefing_tui.state import store
from briefing_tui.state.model import Status
from briefing_tui.state.paths import StateLocationError, StateUnwritable

Opened = tuple[sqlite3.Connection | None, Status, list[str]]


def open_database(path: Path, readonly: bool, clock: Callable[[], dt.datetime]) -> Opened:
    """The connection (or ``None``), its status and the notices for the analyst."""
    notices: list[str] = []
    if not readonly:
        try:
            return store.connect(path, create=True), "writable", notices
        except store.BrokenDatabase as exc:
            return _start_again(path, exc, clock)
        except StateUnwritable as exc:
            notices.append(f"notes are read-only: {exc}")
        except StateLocationError as exc:
            return None, "off", [f"notes are off: {exc}"]
        except store.NewerDatabase as exc:
            notices.append(f"notes are read-only: {path} was {exc}")
        except (OSError, sqlite3.Error) as exc:
            notices.append(f"notes are read-only: {path}: {why(exc)}")
    try:
        conn = store.connect(path, create=False)
    except FileNotFoundError:
        return None, "off", notices
    except store.NewerDatabase:
        conn = store.raw_connect(path, create=False)
    except StateLocationError as exc:
        return None, "off", notices or [f"notes are off: {exc}"]
    except store.BrokenDatabase as exc:
        if not readonly:  # moving it aside failed above: the first notice says why
            return None, "off", notices
        return None, "off", [f"notes are off: {path} is {exc}; the browser will start a new one"]
    except (OSError, sqlite3.Error) as exc:
        return None, "off", notices or [f"notes are off: {path}: {why(exc)}"]
    return conn, "read-only", notices


def _start_again(
    path: Path, broken: store.BrokenDatabase, clock: Callable[[], dt.datetime]
) -> Opened:
    try:
        aside = store.move_aside(path, clock()).name
    except FileNotFoundError:  # another session starting at the same moment moved it first
        aside = "a .broken file beside it"
    except (OSError, StateLocationError) as exc:
        return None, "off", [f"notes are off: {path}: {broken}; {why(exc)}"]
    notices = [f"{path} was {broken}: moved it to {aside} and started a new one"]
    try:
        return store.connect(path, create=True), "writable", notices
    except (OSError, sqlite3.Error, StateLocationError, store.BrokenDatabase) as exc:
        return None, "off", [*notices, f"notes are off: {why(exc)}"]


def why(exc: BaseException) -> str:
    """An exception as the end of a one-line notice."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__
