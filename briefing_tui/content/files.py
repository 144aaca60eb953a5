"""Reading content files defensively: content may come from anyone.

A FIFO, a link to ``/dev/zero``, a huge file, a link out of the content folder, a binary file or
another encoding is a problem reported at its file, never a hang, a crash or a read of
something else.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from briefing_tui.content.problems import ContentError, Problem

#: Largest content file we read. A whole report is ~40 KB; this leaves room for long briefings
#: while keeping a hostile file from filling memory.
MAX_FILE_BYTES = 1_048_576


def display_path(path: Path) -> str:
    """A path as short as it can be while still leading to the file from here."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def read_bytes(path: Path, root: Path, shown: str) -> bytes:
    """Read at most MAX_FILE_BYTES + 1 bytes of a regular file inside ``root``."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise ContentError([Problem(shown, f"cannot open: {os_reason(exc)}")]) from None
    if not resolved.is_relative_to(root):
        raise ContentError(
            [Problem(shown, "leads outside the content folder; refusing to read it")]
        )
    try:
        fd = os.open(resolved, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise ContentError([Problem(shown, f"cannot open: {os_reason(exc)}")]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ContentError([Problem(shown, "is a folder, expected a TOML file")])
        if not stat.S_ISREG(info.st_mode):
            raise ContentError([Problem(shown, "is not a regular file (device, FIFO or socket)")])
        chunks: list[bytes] = []
        remaining = MAX_FILE_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 65536))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as exc:
        raise ContentError([Problem(shown, f"cannot read: {os_reason(exc)}")]) from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(
            [Problem(shown, f"file is larger than the {MAX_FILE_BYTES:,}-byte limit for content")]
        )
    return raw


def os_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, RuntimeError) and "loop" in str(exc):
        return "symbolic link loop"  # pathlib before 3.13; the message names a relative path
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__


def decode(raw: bytes, shown: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ContentError(
            [Problem(shown, "starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM", 1)]
        )
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        raise ContentError([Problem(shown, "contains a NUL byte; is this a binary file?", line)])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ContentError(
            [Problem(shown, f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x})", line)]
        ) from None
