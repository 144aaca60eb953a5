"""The secure process itself: what must be settled before anything slow, and how it ends.

Textual puts the terminal in raw mode about 0.6 s after start-up (imports, loading). Until then
the tty's signal keys work: ctrl+\\ sent SIGQUIT and, with ``ulimit -c unlimited``, left a 24 MB
core file in the working directory; ctrl+c raised KeyboardInterrupt in the middle of an import.
And the interpreter has doors of its own that no code of ours can close once they are open:
``PYTHONINSPECT`` (or ``-i``) drops to a Python prompt when the program ends, a shell for
whoever holds the session. So secure mode:

* ignores SIGINT, SIGQUIT and SIGTSTP and sets ``RLIMIT_CORE`` to 0 (and the process
  undumpable) as the first thing it does;
* refuses to start, in one line with exit code 2, when an interpreter-level escape hatch is set;
* replaces the hooks that print tracebacks (main thread, threads, unraisable) with one line;
* leaves with ``os._exit`` once Textual has restored the terminal, so nothing the interpreter
  would still run at exit (an inspect prompt set later, atexit handlers) runs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Mapping
from typing import Any, NoReturn

#: Interpreter start-up variables that run code of the session's choosing, open a prompt, write
#: files or print tracebacks. They act before any of our code runs, so all secure mode can do is
#: refuse to go on.
HATCH_VARIABLES = (
    "PYTHONINSPECT",
    "PYTHONSTARTUP",
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONUSERBASE",
    "PYTHONPYCACHEPREFIX",
    "PYTHONFAULTHANDLER",
    "PYTHONDEVMODE",
    "PYTHONTRACEMALLOC",
    "PYTHONPROFILEIMPORTTIME",
)

EXIT_USAGE = 2
#: Exit code of a secure session that ended on an error of ours.
EXIT_CRASH = 70

PR_SET_DUMPABLE = 4


def escape_hatches(
    flags: Any = None, environ: Mapping[str, str] | None = None, faulthandler_on: bool = False
) -> list[str]:
    """What is set that a secure session must not run with (empty when nothing is)."""
    flags = sys.flags if flags is None else flags
    env = os.environ if environ is None else environ
    found = [f"-{flag[0]} ({flag})" for flag in ("inspect", "interactive") if getattr(flags, flag)]
    if getattr(flags, "dev_mode", False):
        found.append("-X dev")
    found.extend(name for name in HATCH_VARIABLES if env.get(name))
    if faulthandler_on and "PYTHONFAULTHANDLER" not in found:
        found.append("faulthandler")
    return found


def refuse_escape_hatches() -> None:
    """Exit 2 with one line naming what is set, if any interpreter escape hatch is."""
    import faulthandler

    found = escape_hatches(faulthandler_on=faulthandler.is_enabled())
    if found:
        sys.stderr.write(
            f"briefing: refusing secure mode: interpreter options set: {', '.join(found)}\n"
        )
        sys.stderr.flush()
        os._exit(EXIT_USAGE)


def settle_signals_and_cores() -> None:
    """Ignore the tty's signal keys and forbid core files, before anything slow happens."""
    for name in ("SIGINT", "SIGQUIT", "SIGTSTP"):
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    try:  # a core piped to a handler (core_pattern "|...") ignores RLIMIT_CORE; this does not
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def one_line(exc: BaseException) -> str:
    """An error as one line without paths or source: the type and the first line of its text."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"briefing: internal error: {type(exc).__name__}{': ' + text if text else ''}"[:200]


def _print_one_line(exc: BaseException | None) -> None:
    if exc is None:
        return
    try:
        sys.stderr.write(one_line(exc) + "\n")
        sys.stderr.flush()
    except Exception:
        pass


def install_quiet_hooks() -> None:
    """Every uncaught exception, in any thread, prints one line instead of a traceback."""
    sys.excepthook = lambda _type, exc, _tb: _print_one_line(exc)
    threading.excepthook = lambda args: _print_one_line(args.exc_value)
    sys.unraisablehook = lambda _unraisable: None


def harden() -> None:
    """Everything above, in order; the first call of a secure session."""
    settle_signals_and_cores()
    refuse_escape_hatches()
    install_quiet_hooks()


def leave(code: int) -> NoReturn:
    """End the process now: flush what we wrote, then ``os._exit`` (no prompt, no atexit)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)
