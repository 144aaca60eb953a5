"""briefing-tui: a keyboard-driven terminal browser for analytical briefings."""

__version__ = "0.1.0"
