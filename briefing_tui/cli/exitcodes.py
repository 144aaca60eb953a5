"""How ``briefing`` ends, for scripts: the one table of exit codes."""

from __future__ import annotations

#: Success (for ``search``: at least one hit).
EXIT_OK = 0
#: Content problems (``validate``, ``export``), or no hits (``search``, as grep does).
EXIT_PROBLEMS = 1
#: A usage error: bad arguments, a bad path, a bad query.
EXIT_USAGE = 2
#: sysexits' EX_SOFTWARE: something went wrong that no input of the user's could fix.
EXIT_INTERNAL = 70
#: Interrupted by ctrl+c, as shells report SIGINT.
EXIT_INTERRUPTED = 130
