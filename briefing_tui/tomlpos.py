"""Where each key of a TOML document sits, so errors can name a line.

tomllib returns plain values with no positions. This scanner walks the same text once and records
the line of every table header, key and array element as a path like
``("sections", 2, "paragraphs", 0, "text")`` - the same shape as a pydantic error ``loc``. It only
needs to understand enough TOML to keep its place (headers, keys, strings, brackets); the document
has already been parsed by tomllib, so it never has to report syntax errors itself.
"""

from __future__ import annotations

Path = tuple[str | int, ...]


def _split_key(text: str) -> list[str]:
    """Split a (possibly dotted, possibly quoted) TOML key into its parts."""
    parts: list[str] = []
    current = ""
    i = 0
    while i < len(text):
        char = text[i]
        if char in "\"'":
            end = text.find(char, i + 1)
            while char == '"' and end > 0 and text[end - 1] == "\\":
                end = text.find(char, end + 1)
            if end < 0:
                end = len(text)
            current += text[i + 1 : end]
            i = end + 1
            continue
        if char == ".":
            parts.append(current.strip())
            current = ""
        else:
            current += char
        i += 1
    parts.append(current.strip())
    return [p for p in parts if p != ""] or [""]


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


class _ValueScanner:
    """Tracks brackets and strings across the lines of one (possibly multi-line) value."""

    def __init__(self, base: Path, line_no: int, record: dict[Path, int]) -> None:
        self.stack: list[list[int]] = []  # per open array: [element index]
        self.keys: list[Path] = []
        self.base = base
        self.record = record
        self.quote = ""
        self.triple = False
        self.started = False
        self.pending_element = False
        self.line_no = line_no

    @property
    def done(self) -> bool:
        return self.started and not self.stack and not self.quote

    def _path(self) -> Path:
        path: list[str | int] = list(self.base)
        for counter in self.stack:
            path.append(counter[0])
        return tuple(path)

    def feed(self, text: str, line_no: int) -> None:
        self.line_no = line_no
        i = 0
        while i < len(text):
            if self.quote:
                if self.triple:
                    if text.startswith(self.quote * 3, i):
                        self.quote = ""
                        i += 3
                        continue
                elif text[i] == "\\" and self.quote == '"':
                    i += 2
                    continue
                elif text[i] == self.quote:
                    self.quote = ""
                i += 1
                continue
            char = text[i]
            if char == "#":
                break
            if char.isspace():
                i += 1
                continue
            if self.pending_element and char not in "]}":
                self.pending_element = False
                self.record.setdefault(self._path(), line_no)
            self.started = True
            if char in "\"'":
                self.quote = char
                self.triple = text.startswith(char * 3, i)
                i += 3 if self.triple else 1
                continue
            if char == "[" or char == "{":
                self.stack.append([0] if char == "[" else [-1])
                if char == "[":
                    self.pending_element = True
            elif char in "]}":
                if self.stack:
                    self.stack.pop()
                self.pending_element = False
            elif char == "," and self.stack and self.stack[-1][0] >= 0:
                self.stack[-1][0] += 1
                self.pending_element = True
            i += 1


def key_lines(text: str) -> dict[Path, int]:
    """Map every table, key and array element path in ``text`` to its 1-based line."""
    record: dict[Path, int] = {}
    arrays: dict[Path, int] = {}
    current: Path = ()
    scanner: _ValueScanner | None = None

    for line_no, raw in enumerate(text.splitlines(), start=1):
        if scanner is not None:
            scanner.feed(raw, line_no)
            if scanner.done:
                scanner = None
            continue
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[["):
            end = _find_outside_strings(line, "]")
            parts = _split_key(line[2:end])
            prefix = _resolve(tuple(parts[:-1]), arrays)
            table = (*prefix, parts[-1])
            arrays[table] = arrays.get(table, 0) + 1
            current = (*table, arrays[table] - 1)
            record.setdefault(table, line_no)
            record[current] = line_no
            continue
        if line.startswith("["):
            end = _find_outside_strings(line, "]")
            current = _resolve(tuple(_split_key(line[1:end])), arrays)
            record.setdefault(current, line_no)
            continue
        equals = _find_outside_strings(line, "=")
        if equals < 0:
            continue
        path = (*current, *_split_key(line[:equals]))
        record.setdefault(path, line_no)
        value = _ValueScanner(path, line_no, record)
        value.feed(line[equals + 1 :], line_no)
        if not value.done and (value.stack or value.quote):
            scanner = value
    return record


def _resolve(parts: Path, arrays: dict[Path, int]) -> Path:
    """Turn a header's dotted name into a path, entering the last table of each array."""
    path: list[str | int] = []
    for part in parts:
        path.append(part)
        if tuple(path) in arrays:
            path.append(arrays[tuple(path)] - 1)
    return tuple(path)


def line_for(lines: dict[Path, int], loc: Path) -> int | None:
    """The line of ``loc``, or of its nearest recorded ancestor."""
    for end in range(len(loc), 0, -1):
        found = lines.get(tuple(loc[:end]))
        if found is not None:
            return found
    return None

