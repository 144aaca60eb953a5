"""TOML text for the content files, written by hand so that comments (TODOs for the author) sit
next to the item they are about, and so that every line a TODO is on is known.

The writer takes plain data (dicts, lists, strings, dates, numbers, booleans) shaped like the
content files. Two kinds of keys are instructions, not data: ``_todo`` (a list of messages about
the item, written as ``# TODO:`` comments above its table header) and ``_todo_KEY`` (messages
about one key, written above that key's line).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import field
from typing import Any

from briefing_tui.content.record import record

#: Lists of dicts written as ``[[array.of.tables]]`` blocks; any other list of dicts is written
#: inline, one table per line.
TABLE_ARRAYS = frozenset(
    {
        "sections",
        "paragraphs",
        "tables",
        "sources",
        "areas",
        "agreements",
        "figures",
        "timeline",
        "reactions",
    }
)
#: Lists of dicts that stay inline even under a table-array name (agreement figures).
_INLINE_UNDER = {("agreements", "figures")}

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def string(text: str) -> str:
    """A TOML basic string that reads back as exactly ``text``."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def value(item: Any) -> str:
    """Any value the content files hold, as TOML."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if not math.isfinite(item):
            raise ValueError(f"no TOML for {item!r}")
        return repr(item)
    if isinstance(item, str):
        return string(item)
    if isinstance(item, dt.date):
        return item.isoformat()
    if isinstance(item, list | tuple):
        return "[" + ", ".join(value(v) for v in item) + "]"
    if isinstance(item, dict):
        pairs = [f"{k} = {value(v)}" for k, v in item.items() if not k.startswith("_")]
        return "{ " + ", ".join(pairs) + " }" if pairs else "{}"
    raise TypeError(f"no TOML for {type(item).__name__}")


@record(frozen=False)
class Todo:
    """A point that needs the author's judgement, at a line of a written file."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@record(frozen=False)
class Document:
    """One TOML file being written; ``todos`` gathers the TODO comments with their lines."""

    name: str
    lines: list[str] = field(default_factory=list)
    todos: list[Todo] = field(default_factory=list)

    def comment(self, text: str) -> None:
        for line in text.splitlines() or [""]:
            self.lines.append(f"# {line}".rstrip())

    def todo(self, message: str) -> None:
        self.lines.append("# TODO: " + " ".join(message.split()))
        self.todos.append(Todo(self.name, len(self.lines), message))

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def body(self, data: dict[str, Any], path: tuple[str, ...] = ()) -> None:
        """Write a table's keys: scalars and inline values first, then its arrays of tables."""
        arrays: list[tuple[str, list[dict[str, Any]]]] = []
        for key, item in data.items():
            if key.startswith("_") or item is None:
                continue
            if key in TABLE_ARRAYS and key != "sources" and item == []:
                continue  # no subsections, tables...: nothing to write
            if _is_table_array(path, key, item):
                arrays.append((key, item))
                continue
            for message in data.get(f"_todo_{key}", ()):
                self.todo(message)
            # basic strings hold no raw newline: only the multi-line arrays' own breaks split
            self.lines.extend(f"{key} = {_multiline(item)}".split("\n"))
        for key, items in arrays:
            for item in items:
                self.blank()
                for message in item.get("_todo", ()):
                    self.todo(message)
                self.lines.append(f"[[{'.'.join((*path, key))}]]")
                self.body(item, (*path, key))


def _is_table_array(path: tuple[str, ...], key: str, item: Any) -> bool:
    if key not in TABLE_ARRAYS or not isinstance(item, list) or not item:
        return False
    if path and (path[-1], key) in _INLINE_UNDER:
        return False
    return all(isinstance(v, dict) for v in item)


def _multiline(item: Any) -> str:
    """Lists of inline tables one per line, as a person would write them."""
    if isinstance(item, list) and item and all(isinstance(v, dict) for v in item):
        return "[\n" + "".join(f"  {value(v)},\n" for v in item) + "]"
    return value(item)
