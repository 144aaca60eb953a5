"""Where each key of a TOML document sits, so errors can name a line.

tomllib returns plain values with no positions. This scanner walks the same text once and records
the line of every table header, key and array element as a path like
``("sections", 2, "paragraphs", 0, "text")`` - the same shape as a pydantic error ``loc``. It only
needs to understand enough TOML to keep its place (headers, keys, strings, brackets, inline tables,
which TOML 1.1 lets span lines); the document has already been parsed, so it never has to report
syntax errors itself, and on text that does not parse it still returns without raising.
"""

from __future__ import annotations

from briefing_tui.content.record import record
from briefing_tui.content.tomlread import TOMLDecodeError, parse_toml

Loc = tuple[str | int, ...]


def _unquote(quoted: str) -> str:
    """The key a quoted TOML key stands for (escapes such as ``\\u0041`` resolved)."""
    if quoted.startswith("'"):
        return quoted.strip("'")
    try:
        value = parse_toml(f"k = {quoted}")["k"]
    except (TOMLDecodeError, RecursionError, KeyError):
        return quoted.strip('"')
    return value if isinstance(value, str) else quoted.strip('"')


def _split_key(text: str) -> list[str]:
    """Split a (possibly dotted, possibly quoted) TOML key into its parts."""
    parts: list[str] = []
    current = ""
    quoted = False
    i = 0
    while i < len(text):
        char = text[i]
        if char in "\"'":
            end = i + 1
            while end < len(text) and text[end] != char:
                end += 2 if char == '"' and text[end] == "\\" else 1
            current += _unquote(text[i : end + 1])
            quoted = True
            i = end + 1
            continue
        if char == ".":
            if current or quoted:
                parts.append(current)
            current, quoted = "", False
        elif not char.isspace():  # bare keys hold no spaces; spaces around dots are layout
            current += char
        i += 1
    if current or quoted:
        parts.append(current)
    return parts or [""]


def _find_outside_strings(line: str, targets: str) -> int:
    """Index of the first character of ``targets`` that is not inside a quoted string."""
    quote = ""
    i = 0
    while i < len(line):
        char = line[i]
        if quote:
            if char == "\\" and quote == '"':
                i += 2
                continue
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in targets:
            return i
        i += 1
    return -1


@record(frozen=False)
class _Frame:
    """One open ``[`` (an array) or ``{`` (an inline table) inside a value."""

    array: bool
    index: int = 0
    key: tuple[str, ...] = ()
    #: array: the next element has not been seen yet; table: a key is expected next.
    pending: bool = True

    def parts(self) -> Loc:
        return (self.index,) if self.array else self.key


class _ValueScanner:
    """Tracks brackets, inline tables and strings across the lines of one value."""

    def __init__(self, base: Loc, record: dict[Loc, int]) -> None:
        self.frames: list[_Frame] = []
        self.base = base
        self.record = record
        self.quote = ""
        self.triple = False
        self.started = False

    @property
    def open(self) -> bool:
        """True while the value continues on the next line."""
        return bool(self.frames or self.quote)

    def _path(self) -> Loc:
        path: list[str | int] = list(self.base)
        for frame in self.frames:
            path.extend(frame.parts())
        return tuple(path)

    def _skip_string(self, text: str, i: int) -> int:
        """Advance through string content from ``i``; return where scanning continues."""
        while i < len(text):
            char = text[i]
            if char == "\\" and self.quote == '"':
                i += 2
                continue
            if char == self.quote:
                if not self.triple:
                    self.quote = ""
                    return i + 1
                run = len(text[i:]) - len(text[i:].lstrip(self.quote))
                if run >= 3:  # up to two quotes may belong to the content before the closer
                    self.quote = ""
                    return i + min(run, 5)
                i += run
                continue
            i += 1
        return i

    def feed(self, text: str, line_no: int) -> None:
        i = 0
        while i < len(text):
            if self.quote:
                i = self._skip_string(text, i)
                continue
            char = text[i]
            if char == "#":
                break
            if char.isspace():
                i += 1
                continue
            self.started = True
            top = self.frames[-1] if self.frames else None
            if top is not None and not top.array and top.pending and char not in "},":
                equals = _find_outside_strings(text[i:], "=")
                if equals < 0:
                    return  # not TOML; nothing more to learn from this line
                key = tuple(_split_key(text[i : i + equals]))
                for end in range(1, len(key) + 1):
                    top.key = key[:end]
                    self.record.setdefault(self._path(), line_no)
                top.pending = False
                i += equals + 1
                continue
            if top is not None and top.array and top.pending and char != "]":
                top.pending = False
                self.record.setdefault(self._path(), line_no)
            if char in "\"'":
                self.quote = char
                self.triple = text.startswith(char * 3, i)
                i += 3 if self.triple else 1
                continue
            if char in "[{":
                self.frames.append(_Frame(array=char == "["))
            elif char in "]}":
                if self.frames:
                    self.frames.pop()
            elif char == "," and top is not None:
                if top.array:
                    top.index += 1
                else:
                    top.key = ()
                top.pending = True
            i += 1


def key_lines(text: str) -> dict[Loc, int]:
    """Map every table, key and array element path in ``text`` to its 1-based line."""
    record: dict[Loc, int] = {}
    arrays: dict[Loc, int] = {}
    current: Loc = ()
    scanner: _ValueScanner | None = None

    for line_no, raw in enumerate(text.splitlines(), start=1):
        if scanner is not None:
            scanner.feed(raw, line_no)
            if not scanner.open:
                scanner = None
            continue
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[["):
            end = _find_outside_strings(line, "]")
            parts = _split_key(line[2:end] if end >= 0 else line[2:])
            prefix = _resolve(tuple(parts[:-1]), arrays)
            table = (*prefix, parts[-1])
            arrays[table] = arrays.get(table, 0) + 1
            current = (*table, arrays[table] - 1)
            record.setdefault(table, line_no)
            record[current] = line_no
            continue
        if line.startswith("["):
            end = _find_outside_strings(line, "]")
            current = _resolve(tuple(_split_key(line[1:end] if end >= 0 else line[1:])), arrays)
            record.setdefault(current, line_no)
            continue
        equals = _find_outside_strings(line, "=")
        if equals < 0:
            continue
        key = _split_key(line[:equals])
        for end in range(1, len(key) + 1):
            record.setdefault((*current, *key[:end]), line_no)
        path = (*current, *key)
        value = _ValueScanner(path, record)
        value.feed(line[equals + 1 :], line_no)
        if value.open:
            scanner = value
    return record


def _resolve(parts: Loc, arrays: dict[Loc, int]) -> Loc:
    """Turn a header's dotted name into a path, entering the last table of each array."""
    path: list[str | int] = []
    for part in parts:
        path.append(part)
        if tuple(path) in arrays:
            path.append(arrays[tuple(path)] - 1)
    return tuple(path)


def line_for(lines: dict[Loc, int], loc: Loc) -> int | None:
    """The line of ``loc``, or of its nearest recorded ancestor."""
    for end in range(len(loc), 0, -1):
        found = lines.get(tuple(loc[:end]))
        if found is not None:
            return found
    return None
