"""briefing-tui: a keyboard-driven terminal browser for analytical briefings."""

import os as _os
import sys as _sys

# The first code of ours any entry point runs, so a secure session is settled here: no bytecode
# written from now on (cli, pydantic and textual are still to be imported), and the tty's signal
# keys ignored and core files forbidden before the ~0.6 s of start-up (see process_guard). Only
# this module's own cache can still be written, by the interpreter, before this line runs; pip
# compiles it at install time, so an installed copy writes nothing.
if "--secure" in _sys.argv[1:] or _os.environ.get("BRIEFING_SECURE", "") not in ("", "0"):
    _sys.dont_write_bytecode = True
    from .process_guard import settle_signals_and_cores as _settle

    _settle()

__version__ = "0.1.0"
