"""The analyst's own layer over read-only content: marks, notes, last position, what changed.

One SQLite database per user, kept apart from the content (which this package never writes).
The browser and ``briefing notes`` use :class:`briefing_tui.state.analyst.AnalystState`;
:mod:`~briefing_tui.state.cite` makes citations. Nothing here imports textual, so every rule is
tested without a terminal.

This ``__init__`` imports nothing: the command line reads the ``--state`` rules
(:mod:`~briefing_tui.state.paths`) before pydantic may load (see ``gcpolicy``).
"""
