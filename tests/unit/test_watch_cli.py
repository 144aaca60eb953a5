"""``briefing validate --watch`` as a real process: it reports problems as files change; and
``--watch`` is refused in secure mode."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

from briefing_tui.cli.commands import main

#: A failing test gives up after this long; nothing here measures speed.
DEADLINE = 30.0


class Lines:
    """A child's stdout and stderr read line by line, each wait bounded by DEADLINE."""

    def __init__(self, child: subprocess.Popen[bytes]) -> None:
        self.selector = selectors.DefaultSelector()
        assert child.stdout is not None and child.stderr is not None
        for name, stream in (("out", child.stdout), ("err", child.stderr)):
            os.set_blocking(stream.fileno(), False)
            self.selector.register(stream, selectors.EVENT_READ, name)
        self.seen: list[tuple[str, str]] = []
        self.partial = {"out": b"", "err": b""}

    def wait_for(self, stream: str, start: str) -> str:
        end = time.monotonic() + DEADLINE
        while True:
            for name, line in self.seen:
                if name == stream and line.startswith(start):
                    self.seen.remove((name, line))
                    return line
            left = end - time.monotonic()
            assert left > 0, f"no {stream} line starting {start!r}; saw {self.seen}"
            for key, _ in self.selector.select(timeout=min(left, 0.5)):
                chunk = key.fileobj.read() or b""  # type: ignore[union-attr]
                data = self.partial[key.data] + chunk
                *lines, self.partial[key.data] = data.split(b"\n")
                self.seen += [(key.data, line.decode()) for line in lines]


def test_validate_watch_prints_problems_as_files_change(tmp_path: Path) -> None:
    assert main(["new", "watched", str(tmp_path)]) == 0
    folder = tmp_path / "watched"
    child = subprocess.Popen(
        [sys.executable, "-m", "briefing_tui", "validate", "watched", "--watch"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        lines = Lines(child)
        assert lines.wait_for("out", "ok: 1 briefing") == (
            "ok: 1 briefing, 1 sections, 1 paragraphs, 0 agreements, 1 sources"
        )
        lines.wait_for("out", "watching ")
        briefing = folder / "briefing.toml"
        good = briefing.read_text(encoding="utf-8")
        briefing.write_text(good.replace('title = "Title of the report"', "title = 3"))
        changed = lines.wait_for("out", "-- ")
        assert changed.endswith(f"changed: {briefing.resolve()}")
        problem = lines.wait_for("err", "watched/briefing.toml:")
        assert problem == "watched/briefing.toml:4: title: expected text in quotes; got 3"
        briefing.write_text(good, encoding="utf-8")
        lines.wait_for("out", "ok: 1 briefing")
        child.send_signal(signal.SIGINT)
        assert child.wait(timeout=DEADLINE) == 130
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def test_watch_is_refused_in_secure_mode() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "--secure", "--watch"],
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "briefing: --watch is not available in secure mode (it is for authors editing content)\n"
    )
