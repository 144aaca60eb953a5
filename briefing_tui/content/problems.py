"""What goes wrong with content, as an author reads it: ``file:line: field: message``.

Every problem of every file is collected, not just the first, and each one is safe to print:
text that came from the content is escaped before it can reach a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing_tui.content.model import Briefing, Library
from briefing_tui.content.record import record
from briefing_tui.content.text import unsafe_character


@record
class Problem:
    """One thing an author must fix, formatted the way editors and grep understand."""

    file: str
    message: str
    line: int | None = None
    field: str | None = None
    column: int | None = None
    """Given where a position within the line is known (TOML syntax errors)."""

    def __post_init__(self) -> None:
        # File names, keys and messages can carry text from the content itself (an unknown key
        # spelt "\u001b[2J", a file named with an escape sequence): escape what must not reach a
        # terminal, so that printing a problem is always safe.
        for name in ("file", "message", "field"):
            value = getattr(self, name)
            if value is not None and (unsafe_character(value) is not None or "\n" in value):
                object.__setattr__(self, name, _visible(value))

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.line is not None and self.column is not None:
            where += f":{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


def _visible(text: str) -> str:
    """``text`` with every control or bidi character written as an escape such as ``\x1b``."""
    out = []
    for char in text:
        if char == "\n":
            out.append("\\n")
        elif unsafe_character(char) is not None:
            out.append(repr(char)[1:-1] if ord(char) < 0x10000 else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return "".join(out)


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@record
class BrokenBriefing:
    """A briefing folder that failed validation; the UI lists it instead of hiding it."""

    folder: str
    problems: tuple[Problem, ...]


@record
class LoadResult:
    """The valid briefings of a content path, and the broken ones beside them."""

    library: Library
    broken: tuple[BrokenBriefing, ...] = ()

    @property
    def problems(self) -> list[Problem]:
        return [p for b in self.broken for p in b.problems]


def collect(items: Iterable[Briefing | BrokenBriefing]) -> LoadResult:
    """Gather what the loader (or a store) yields into one result. Here rather than in the
    loader, so that a start from a fresh store never imports the loader and its TOML reader."""
    briefings: list[Briefing] = []
    broken: list[BrokenBriefing] = []
    for item in items:
        if isinstance(item, BrokenBriefing):
            broken.append(item)
        else:
            briefings.append(item)
    return LoadResult(Library(briefings=tuple(briefings)), tuple(broken))
