"""Files that fight back (issue 6): every hostile input ends in ``file:line: message``, exit 1.

Each case copies the mini briefing, damages it, runs ``briefing validate`` in-process and asserts
the exact problems, exit status 1, that nothing unsafe reaches the terminal, and that the answer
came within a second. FIFOs, symlinks and permissions are made here, in temporary folders, since
they cannot be committed.
"""

from __future__ import annotations

import os
import signal
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from minikit import UNKNOWN, MiniCopy, copy_mini

from briefing_tui.cli.commands import main
from briefing_tui.content import files
from briefing_tui.content.loader import load_briefing, load_library
from briefing_tui.content.problems import ContentError
from briefing_tui.content.text import unsafe_character

CAP = files.MAX_FILE_BYTES
FORBIDDEN = "; control and bidi-override characters are not allowed in content"


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MiniCopy:
    copy = copy_mini(tmp_path / "mini")
    monkeypatch.chdir(copy.folder)
    return copy


@pytest.fixture(autouse=True)
def watchdog() -> Iterator[None]:
    """A hang (a FIFO read, an endless device) fails the test instead of stalling the run."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("the loader hung")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def validate(capsys: pytest.CaptureFixture[str], path: str = ".") -> tuple[int, list[str]]:
    """Run ``briefing validate``; return the exit code and the problem lines, checked for safety."""
    started = time.perf_counter()
    code = main(["validate", path])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    assert elapsed < 1.0, f"validate took {elapsed:.2f}s"
    for text in (out, err):
        for line in text.splitlines():
            assert unsafe_character(line) is None, f"unsafe output: {line!r}"
    lines = err.splitlines()
    if code == 1:
        assert lines[-1].startswith("invalid: "), lines
        assert out == ""
        return code, lines[:-1]
    return code, lines


# --------------------------------------------------------------------------------------------
# The cases
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    damage: Callable[[MiniCopy], None]
    expected: list[str]


def edit(name: str, old: str, new: str) -> Callable[[MiniCopy], None]:
    return lambda mini: mini.edit(name, old, new)


def raw(name: str, data: bytes) -> Callable[[MiniCopy], None]:
    return lambda mini: mini.write_bytes(name, data)


def prepend(name: str, data: bytes) -> Callable[[MiniCopy], None]:
    return lambda mini: mini.write_bytes(name, data + mini.path(name).read_bytes())


def nested(opener: bytes, closer: bytes, depth: int) -> bytes:
    return b"# deep\nfigures = " + opener * depth + closer * depth + b"\n"


NO_CONTENT = "file has no content (it is empty or holds only comments)"


def syntax(line: int, column: int, message: str, name: str = "sections.toml") -> list[str]:
    return [f"{name}:{line}:{column}: TOML syntax error: {message}"]


#: What tomli's "Illegal character '\n'" means to an author.
UNCLOSED_QUOTE = (
    'text in quotes is not closed on this line (text over several lines is written between """ '
    'and """)'
)


CASES = [
    # -- malformed TOML --------------------------------------------------------------------
    Case(
        "toml-unterminated-string",
        edit("sections.toml", 'title = "Opening"', 'title = "Opening'),
        syntax(3, 17, UNCLOSED_QUOTE),
    ),
    Case(
        "toml-missing-value",
        edit("sections.toml", 'title = "Opening"', "title ="),
        syntax(3, 8, "Invalid value"),
    ),
    Case(
        "toml-bare-word",
        edit("sections.toml", 'title = "Reactions"', "title = Reactions"),
        syntax(
            20,
            9,
            "Reactions is not a value: put text in quotes, or write a number, a date, true or "
            "false, or an array",
        ),
    ),
    Case(
        "toml-duplicate-key",
        edit("sections.toml", 'title = "Opening"', 'title = "Opening"\ntitle = "Again"'),
        syntax(4, 16, "Cannot overwrite a value"),
    ),
    Case(
        "toml-broken-header",
        edit("sections.toml", '[[sections]]\nid = "s2"', '[[sections]\nid = "s2"'),
        syntax(18, 11, "Expected ']]' at the end of an array declaration"),
    ),
    Case(
        "toml-invalid-date",
        edit("briefing.toml", "end = 2025-01-03", "end = 2025-02-30"),
        syntax(
            5,
            7,
            "2025-02-30 is not a calendar date (dates are written YYYY-MM-DD)",
            "briefing.toml",
        ),
    ),
    Case(
        "toml-date-one-digit-month",
        edit("briefing.toml", "end = 2025-01-03", "end = 2025-1-3"),
        syntax(
            5,
            7,
            "dates are written YYYY-MM-DD with two-digit month and day: "
            "write 2025-01-03, not 2025-1-3",
            "briefing.toml",
        ),
    ),
    Case(
        "toml-unclosed-array-mid-file",
        # tomli gives up at the next key, two lines later; the author must fix line 14
        edit("sources.toml", '["Wire One", "Wire Two"]', '["Wire One", "Wire Two"'),
        syntax(14, 11, "'[' opened here is never closed; add ']'", "sources.toml"),
    ),
    Case(
        "toml-unclosed-inline-table",
        edit("sections.toml", 'title = "Opening"', "title = {a = 1"),
        syntax(3, 9, "'{' opened here is never closed; add '}'"),
    ),
    Case(
        "toml-unclosed-array-at-end",
        edit("sources.toml", 'note = "Cited in the text, not in the report\'s list."', "note = ["),
        syntax(16, 8, "'[' opened here is never closed; add ']'", "sources.toml"),
    ),
    Case(
        "toml-table-redefined",
        edit("briefing.toml", 'tags = ["test"]', 'tags = ["test"]\n[tags]\n'),
        syntax(9, 6, "Cannot declare ('tags',) twice", "briefing.toml"),
    ),
    Case(
        "toml-raw-escape-byte",
        edit("sections.toml", 'title = "Opening"', 'title = "Open\x1b[2Jing"'),
        syntax(3, 14, "Illegal character '\\x1b'"),
    ),
    # -- encodings and bytes ----------------------------------------------------------------
    Case(
        "utf8-bom",
        prepend("sources.toml", b"\xef\xbb\xbf"),
        ["sources.toml:1: starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM"],
    ),
    Case(
        "latin-1-bytes",
        lambda mini: mini.write_bytes(
            "sources.toml",
            mini.path("sources.toml").read_bytes().replace(b"Wire reports", b"Wire r\xe9ports"),
        ),
        ["sources.toml:12: is not valid UTF-8 (byte 0xe9)"],
    ),
    Case(
        "binary-garbage",
        raw("overview.toml", bytes(range(0x80, 0x100)) * 4),
        ["overview.toml:1: is not valid UTF-8 (byte 0x80)"],
    ),
    Case(
        "elf-header",
        raw("overview.toml", b"\x7fELF\x02\x01\x01\x00\x00\x00\n\x03\x00>\x00"),
        ["overview.toml:1: contains a NUL byte; is this a binary file?"],
    ),
    Case(
        "nul-byte",
        edit("briefing.toml", 'title = "Mini briefing"', 'title = "Mini\x00briefing"'),
        ["briefing.toml:3: contains a NUL byte; is this a binary file?"],
    ),
    # an empty file, a blank one and one holding only comments all say "nothing": an optional
    # file that says nothing is as good as absent, a required one is a problem
    Case("empty-optional-file", raw("overview.toml", b""), []),
    Case("comment-only-optional-file", raw("overview.toml", b"# to do\n"), []),
    Case("empty-file", raw("sources.toml", b""), [f"sources.toml:1: {NO_CONTENT}"]),
    Case("blank-file", raw("sources.toml", b"\n  \n\t\n"), [f"sources.toml:1: {NO_CONTENT}"]),
    Case(
        "comment-only-file", raw("sources.toml", b"# sources\n"), [f"sources.toml:1: {NO_CONTENT}"]
    ),
    Case(
        "deeply-nested-arrays",
        raw("overview.toml", nested(b"[", b"]", 100_000)),
        ["overview.toml:2: TOML nesting is too deep"],
    ),
    Case(
        "deeply-nested-inline-tables",
        raw("overview.toml", nested(b"{a=", b"}", 5_000).replace(b"{a=}", b"{a=1}")),
        ["overview.toml:2: TOML nesting is too deep"],
    ),
    # -- wrong content ------------------------------------------------------------------------
    Case(
        "wrong-type",
        edit("sources.toml", "in_report_list = false", "in_report_list = 0"),
        ["sources.toml:15: wire in_report_list: expected true or false (without quotes); got 0"],
    ),
    Case(
        "missing-field",
        edit("sources.toml", 'kind = "agency"\n', ""),
        ["sources.toml:10: wire kind: required field is missing"],
    ),
    Case(
        "unknown-key",
        edit("overview.toml", 'stance = "restrained"', 'stance = "restrained"\nmood = "calm"'),
        [f"overview.toml:20: europe mood: {UNKNOWN}"],
    ),
    Case(
        "unknown-key-with-escape-sequence",
        edit(
            "overview.toml",
            'stance = "restrained"',
            'stance = "restrained"\n"\\u001b]2;pwn\\u0007" = 1',
        ),
        [f"overview.toml:20: europe \\x1b]2;pwn\\x07: {UNKNOWN}"],
    ),
    Case(
        "duplicate-id-in-file",
        edit("agreements.toml", 'id = "trade"', 'id = "energy"'),
        [
            "agreements.toml:12: energy id: "
            "duplicate id 'energy' (first used at agreements.toml:8)",
            "agreements.toml:25: trade-goal area: unknown area 'trade'; known: energy",
        ],
    ),
    Case(
        "duplicate-id-across-files",
        edit("overview.toml", 'id = "europe"', 'id = "s1"'),
        ["overview.toml:17: s1 id: duplicate id 's1' (first used at sections.toml:2)"],
    ),
    Case(
        "dangling-reference",
        edit("overview.toml", 'refs = ["s1.p1"]', 'refs = ["s7.p1"]'),
        [
            "overview.toml:14: timeline[0].refs[0]: unknown paragraph, table or agreement 's7.p1'; "
            "did you mean 's2.p1', 's1.p1' or 's1.p2'?"
        ],
    ),
    # -- text that would reach the terminal ----------------------------------------------------
    Case(
        "osc52-clipboard-escape",
        edit("briefing.toml", 'summary = "A small', 'summary = "\\u001b]52;c;cHdu\\u0007A small'),
        [
            "briefing.toml:7: summary: forbidden character U+001B control character "
            f"at position 1{FORBIDDEN}"
        ],
    ),
    Case(
        "toml-1.1-escape-e",
        edit("sections.toml", 'text = "Brussels took note."', 'text = "Brussels\\e[2J took note."'),
        [
            "sections.toml:26: s2.p1 text: forbidden character U+001B "
            f"control character at position 9{FORBIDDEN}"
        ],
    ),
    Case(
        "raw-c1-csi",
        edit("sources.toml", 'title = "Wire reports"', 'title = "Wire\u009b2Jreports"'),
        [
            "sources.toml:12: wire title: forbidden character U+009B control character "
            f"at position 5{FORBIDDEN}"
        ],
    ),
    Case(
        "raw-bidi-override",
        edit("sections.toml", 'gap = "Words lost', 'gap = "\u202eWords lost'),
        [
            "sections.toml:28: s2.p1 gap: forbidden character U+202E "
            f"RIGHT-TO-LEFT OVERRIDE at position 1{FORBIDDEN}"
        ],
    ),
    Case(
        "bidi-isolate-in-tag-free-text",
        edit("agreements.toml", 'area_heading = "Area"', 'area_heading = "Ar\\u2069ea"'),
        [
            "agreements.toml:3: area_heading: forbidden character U+2069 POP DIRECTIONAL ISOLATE "
            f"at position 3{FORBIDDEN}"
        ],
    ),
    Case(
        "file-name-with-escape-sequence",
        lambda mini: mini.write("\x1b[2J.toml", 'x = "y"\n'),
        [
            "\\x1b[2J.toml: unknown content file; expected briefing.toml, sections.toml, "
            "agreements.toml, sources.toml, overview.toml"
        ],
    ),
    # -- what sits where a file should be ------------------------------------------------------
    Case(
        "folder-instead-of-file",
        lambda mini: (mini.path("sources.toml").unlink(), mini.path("sources.toml").mkdir()),
        ["sources.toml: is a folder, expected a TOML file"],
    ),
    Case(
        "missing-file",
        lambda mini: mini.path("sources.toml").unlink(),
        ["sources.toml: required content file is missing"],
    ),
    Case(
        "fifo",
        lambda mini: (mini.path("overview.toml").unlink(), os.mkfifo(mini.path("overview.toml"))),
        ["overview.toml: is not a regular file (device, FIFO or socket)"],
    ),
    Case(
        "symlink-to-dev-zero",
        lambda mini: (
            mini.path("overview.toml").unlink(),
            mini.path("overview.toml").symlink_to("/dev/zero"),
        ),
        ["overview.toml: leads outside the content folder; refusing to read it"],
    ),
    Case(
        "symlink-dotdot-outside",
        lambda mini: (
            (mini.folder.parent / "elsewhere.toml").write_bytes(
                mini.path("sources.toml").read_bytes()
            ),
            mini.path("sources.toml").unlink(),
            mini.path("sources.toml").symlink_to("../elsewhere.toml"),
        ),
        ["sources.toml: leads outside the content folder; refusing to read it"],
    ),
    Case(
        "symlink-absolute-outside",
        lambda mini: (
            mini.path("briefing.toml").unlink(),
            mini.path("briefing.toml").symlink_to("/etc/hostname"),
        ),
        ["briefing.toml: leads outside the content folder; refusing to read it"],
    ),
    Case(
        "dangling-symlink",
        lambda mini: (
            mini.path("sources.toml").unlink(),
            mini.path("sources.toml").symlink_to("gone.toml"),
        ),
        ["sources.toml: cannot open: no such file or directory"],
    ),
    Case(
        "symlink-loop",
        lambda mini: (
            mini.path("sources.toml").unlink(),
            mini.path("sources.toml").symlink_to("sources.toml"),
        ),
        ["sources.toml: cannot open: symbolic link loop"],
    ),
    Case(
        "file-over-the-size-cap",
        lambda mini: mini.write_bytes("sections.toml", b"# " + b"x" * CAP + b"\n"),
        [f"sections.toml: file is larger than the {CAP:,}-byte limit for content"],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file(case: Case, mini: MiniCopy, capsys: pytest.CaptureFixture[str]) -> None:
    case.damage(mini)
    code, problems = validate(capsys)
    assert (code, problems) == (1 if case.expected else 0, case.expected)


def test_there_are_at_least_thirty_cases() -> None:
    assert len(CASES) + 4 >= 30  # plus the tests below: cap reads, /dev/zero, permissions, library


def test_the_fixture_itself_validates(mini: MiniCopy, capsys: pytest.CaptureFixture[str]) -> None:
    assert validate(capsys) == (0, [])


# --------------------------------------------------------------------------------------------
# Reading limits
# --------------------------------------------------------------------------------------------


def test_cap_is_one_mebibyte() -> None:
    assert CAP == 1_048_576


@pytest.mark.parametrize("size", [CAP, CAP + 1, 50 * CAP])
def test_reads_at_most_cap_plus_one_bytes(
    size: int, mini: MiniCopy, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    big = mini.path("sections.toml")
    big.unlink()
    with big.open("wb") as handle:  # sparse: a huge file that costs no disk
        handle.truncate(size)
    read: list[int] = []
    real_read = os.read
    inode = big.stat().st_ino

    def counting_read(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        if os.fstat(fd).st_ino == inode:
            read.append(len(data))
        return data

    monkeypatch.setattr(files.os, "read", counting_read)
    code, problems = validate(capsys)
    assert code == 1
    if size <= CAP:
        assert problems == ["sections.toml:1: contains a NUL byte; is this a binary file?"]
        assert sum(read) == size
    else:
        assert problems == [
            f"sections.toml: file is larger than the {CAP:,}-byte limit for content"
        ]
        assert sum(read) == CAP + 1


def test_dev_zero_inside_the_content_root_is_refused_without_reading(
    mini: MiniCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even when the link does not leave the root (root = /), a device is never read."""
    mini.path("overview.toml").unlink()
    mini.path("overview.toml").symlink_to("/dev/zero")
    real_read = os.read

    def regular_only(fd: int, n: int) -> bytes:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            pytest.fail("read a device")
        return real_read(fd, n)

    monkeypatch.setattr(files.os, "read", regular_only)
    with pytest.raises(ContentError) as caught:
        load_briefing(Path("."), root=Path("/"))
    assert [str(p) for p in caught.value.problems] == [
        "overview.toml: is not a regular file (device, FIFO or socket)"
    ]


def test_symlinked_briefing_folder_outside_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_mini(tmp_path / "outside")
    library = tmp_path / "library"
    copy_mini(library / "good")
    (library / "linked").symlink_to("../outside")
    monkeypatch.chdir(library)
    code, problems = validate(capsys)
    assert code == 1
    assert problems == [
        f"{os.path.join('linked', name)}: leads outside the content folder; refusing to read it"
        for name in (
            "briefing.toml",
            "sections.toml",
            "agreements.toml",
            "sources.toml",
            "overview.toml",
        )
    ]


# --------------------------------------------------------------------------------------------
# Permissions: honest even when the tests run as root
# --------------------------------------------------------------------------------------------


def _load_as(uid: int | None, folder: Path) -> list[str]:
    """Problems from loading ``folder``, as user ``uid`` (in a forked child) or as ourselves."""
    if uid is None:
        try:
            load_briefing(folder)
        except ContentError as exc:
            return [str(p) for p in exc.problems]
        return []
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: drop privileges for good, load, report through the pipe
        status = 0
        try:
            os.close(read_end)
            os.setgid(uid)
            os.setgroups([])
            os.setuid(uid)
            lines = _load_as(None, folder)
            os.write(write_end, "\n".join(lines).encode("utf-8"))
        except BaseException:
            status = 3
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        output = pipe.read().decode("utf-8")
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return output.splitlines()


def test_unreadable_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 does not stop root, so as root the load runs in a child that became ``nobody``."""
    root_user = os.geteuid() == 0
    # a folder every user can traverse (pytest's tmp_path is private to its owner)
    base = Path(tempfile.mkdtemp(prefix="briefing-perm-"))
    try:
        base.chmod(0o755)
        copy = copy_mini(base / "mini")
        for path in [copy.folder, *copy.folder.iterdir()]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        copy.path("sources.toml").chmod(0)
        monkeypatch.chdir(copy.folder)
        problems = _load_as(65534 if root_user else None, Path("."))
        assert problems == ["sources.toml: cannot open: permission denied"]
    finally:
        for path in base.rglob("*"):
            path.chmod(stat.S_IRWXU)
        import shutil

        shutil.rmtree(base)


# --------------------------------------------------------------------------------------------
# One broken briefing does not hide the others
# --------------------------------------------------------------------------------------------


def test_library_isolation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "library"
    good = copy_mini(library / "a-good")
    good.edit("briefing.toml", 'id = "mini"', 'id = "good"')
    bad = copy_mini(library / "b-broken")
    bad.edit("briefing.toml", 'id = "mini"', 'id = "broken"')
    bad.edit("sources.toml", 'kind = "agency"', 'kind = "rumour"')
    bad.write_bytes("overview.toml", b"\xff\xfe")
    monkeypatch.chdir(library)

    result = load_library(Path("."))
    assert [b.id for b in result.library.briefings] == ["good"]
    assert [b.folder for b in result.broken] == ["b-broken"]

    code, problems = validate(capsys)
    assert code == 1
    assert problems == [
        "b-broken/sources.toml:13: wire kind: 'rumour' is not one of official, government, "
        "agency, media, document, expert, think-tank, academic, ngo, company, social, other",
        "b-broken/overview.toml:1: is not valid UTF-8 (byte 0xff)",
    ]
    err = capsys.readouterr().err
    assert err == ""
    code = main(["validate", "a-good"])
    assert code == 0
    assert (
        capsys.readouterr().out
        == "ok: 1 briefing, 2 sections, 3 paragraphs, 2 agreements, 2 sources\n"
    )


def test_python_recursion_limit_is_untouched(mini: MiniCopy) -> None:
    before = sys.getrecursionlimit()
    mini.write_bytes("overview.toml", nested(b"[", b"]", 100_000))
    with pytest.raises(ContentError):
        load_briefing(Path("."))
    assert sys.getrecursionlimit() == before
