"""briefing-tui: a keyboard-driven terminal browser for analytical briefings."""

import os as _os
import sys as _sys

# The first code of ours any entry point runs. A secure session writes no file, bytecode caches
# included; set here, every module imported from now on (cli, pydantic, textual) is left
# uncached. Only this module's own cache can still be written, by the interpreter, before this
# line runs; pip compiles it at install time, so an installed copy writes nothing.
if "--secure" in _sys.argv[1:] or _os.environ.get("BRIEFING_SECURE", "") not in ("", "0"):
    _sys.dont_write_bytecode = True

__version__ = "0.1.0"
