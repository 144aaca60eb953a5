"""The ``briefing`` command: argument parsing, the subcommands and the browser's launch.

Importing this package must not import textual (a test checks it): the TUI loads only when the
browser is about to run, after the environment has been scrubbed.
"""

from briefing_tui.cli.commands import main

__all__ = ["main"]
