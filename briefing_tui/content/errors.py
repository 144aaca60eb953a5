"""Errors the command line reports as usage errors, kept apart from the loader.

The CLI catches :class:`UsageError` around every command; defining it here lets ``cli`` import
without pydantic, so the browser's start can pause garbage collection before pydantic loads
(see ``gcpolicy``).
"""

from __future__ import annotations


class UsageError(Exception):
    """The path given is not something we can load at all (missing, not a folder...)."""
