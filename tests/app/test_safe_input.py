"""The safe parser and input gate on their own, without a terminal (issue #12 findings 1-3).

The e2e tests (tests/e2e/test_hostile_terminal.py) show the whole app surviving; these pin down
the rules: what the parser drops, what it lets through, and when the gate refuses.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.messages import InBandWindowResize

from briefing_tui.ui.driver import SafeParser
from briefing_tui.ui.input_guard import MAX_HEIGHT, MAX_PENDING, MAX_WIDTH, InputGate, clamp_size


def parse(text: str, *, resize_allowed: bool = False) -> list[object]:
    parser = SafeParser(lambda: resize_allowed)
    out = list(parser.feed(text))
    return [*out, *parser.feed("")]  # end of input flushes a pending escape


def keys(messages: list[object]) -> list[str]:
    return [m.key for m in messages if isinstance(m, events.Key)]


@pytest.mark.parametrize(
    "sequence",
    [
        "\x1b[1114112u",
        "\x1b[27;5;1114112~",
        "\x1b[99999999999999999999u",
        "\x1b[97:1114112;5u",
        "\x1b[97;5;1114112u",
    ],
)
def test_out_of_range_key_reports_are_dropped_and_parsing_goes_on(sequence: str) -> None:
    assert keys(parse(sequence + "j")) == ["j"]


def test_valid_key_reports_still_work() -> None:
    assert keys(parse("\x1b[97;5u")) == ["ctrl+a"]
    assert keys(parse("\x1b[233u")) == ["é"]


def test_in_band_resize_is_dropped_unless_allowed_and_clamped_when_allowed() -> None:
    report = "\x1b[48;30000;30000;0;0t"
    assert not [m for m in parse(report) if isinstance(m, events.Resize)]
    allowed = [m for m in parse(report, resize_allowed=True) if isinstance(m, events.Resize)]
    assert [tuple(m.size) for m in allowed] == [(MAX_WIDTH, MAX_HEIGHT)]


def test_in_band_resize_inside_a_paste_is_dropped_even_when_allowed() -> None:
    out = parse("\x1b[200~a\x1b[48;1;1;0;0tb\x1b[201~", resize_allowed=True)
    assert not [m for m in out if isinstance(m, events.Resize)]
    pasted = [m.text for m in out if isinstance(m, events.Paste)]
    assert len(pasted) == 1 and pasted[0].startswith("a") and pasted[0].endswith("b")
    after = parse("\x1b[200~x\x1b[201~\x1b[48;24;80;0;0t", resize_allowed=True)
    assert [tuple(m.size) for m in after if isinstance(m, events.Resize)] == [(80, 24)]


def test_mode_reports_pass() -> None:
    out = parse("\x1b[?2048;2$y")
    assert any(isinstance(m, InBandWindowResize) for m in out)


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((0, 0), (1, 1)),
        ((-5, 3), (1, 3)),
        ((65535, 65535), (MAX_WIDTH, MAX_HEIGHT)),
        ((80, 24), (80, 24)),
    ],
)
def test_clamp_size(size: tuple[int, int], expected: tuple[int, int]) -> None:
    assert clamp_size(*size) == expected


class Key:
    def __init__(self, key: str) -> None:
        self.key = key


def test_gate_refuses_past_the_limit_tells_once_and_lets_ctrl_q_through() -> None:
    told: list[int] = []
    gate = InputGate(on_drop=told.append)
    admitted = [Key("j") for _ in range(MAX_PENDING)]
    assert all(gate.admit(k) for k in admitted)
    assert not gate.admit(Key("j")) and not gate.admit(Key("k"))
    assert told == [1]  # once per flood, not once per key
    assert gate.admit(Key("ctrl+q"))
    for k in admitted:
        gate.handled(k)
    assert gate.admit(Key("j"))
    assert not gate.admit(Key("x")) or gate.pending < MAX_PENDING


def test_gate_counts_what_waits_further_down() -> None:
    gate = InputGate(backlog=lambda: MAX_PENDING)
    assert not gate.admit(Key("j"))
    assert gate.admit(Key("ctrl+q"))


class _App:
    """Just what the driver reads from an app at construction."""

    def __init__(self, secure: bool) -> None:
        self.secure = secure


@pytest.mark.parametrize("secure", [True, False])
async def test_secure_driver_keeps_ctrl_z_ignored(secure: bool) -> None:
    """Textual's driver makes SIGTSTP stop the process as it is built, before raw mode: a
    ctrl+z in that gap stopped a secure session for good (seen once in four full test runs)."""
    import signal

    from briefing_tui.ui.driver import SafeDriver

    saved = {s: signal.getsignal(s) for s in (signal.SIGTSTP, signal.SIGCONT)}
    try:
        SafeDriver(_App(secure))
        ignored = signal.getsignal(signal.SIGTSTP) == signal.SIG_IGN
        assert ignored is secure
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


async def test_the_backlog_counts_input_events_only() -> None:
    """A query typed fast (over ssh, 16 characters in one read) also sends the app's own
    messages (the search box's Changed, bubbling up): counting those dropped the query's
    last characters. Only input events waiting in the screen's and focused widget's queues
    count towards the gate."""
    import signal

    from textual.message import Message
    from textual.message_pump import MessagePump

    from briefing_tui.ui.driver import SafeDriver

    class _Node:
        """A message pump's queue as Textual makes it (its own Queue, not asyncio's: a test
        with asyncio's passed while the real count was always 0)."""

        def __init__(self, *messages: object, focused: object = None) -> None:
            self._message_queue = MessagePump()._message_queue
            for message in messages:
                self._message_queue.put_nowait(message)
            self.focused = focused

    keys = [events.Key("a", "a"), events.Key("b", "b")]
    focused = _Node(keys[0], Message(), Message())
    screen = _Node(keys[1], Message(), Message(), Message(), focused=focused)
    app = _App(True)
    app.screen = screen  # type: ignore[attr-defined]
    saved = {s: signal.getsignal(s) for s in (signal.SIGTSTP, signal.SIGCONT)}
    try:
        driver = SafeDriver(app)
        assert driver._backlog() == 2
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def test_a_lone_escape_is_waited_for_exactly_its_delay_not_a_whole_tick() -> None:
    """Escape was the slowest key (117-119 ms): the input loop slept 0.1 s between ticks and
    Textual waited 100 ms for the rest of a sequence. The loop now wakes when the escape is due."""
    from textual import constants

    from briefing_tui.ui.driver import IDLE_TICK

    parser = SafeParser(lambda: False)
    assert parser.wait() == IDLE_TICK  # nothing pending: the idle tick
    assert keys(list(parser.feed("\x1b"))) == []  # could still be the start of a sequence
    pending = parser.wait()
    assert 0 < pending <= constants.ESCAPE_DELAY
    assert keys(list(parser.feed("[A"))) == ["up"]  # the rest came: a sequence after all
    assert parser.wait() == IDLE_TICK


@pytest.mark.parametrize(("environ", "expected"), [(None, 0.05), ("120", None)])
async def test_the_escape_delay_is_50_ms_unless_the_user_set_escdelay(
    monkeypatch: pytest.MonkeyPatch, environ: str | None, expected: float | None
) -> None:
    import signal

    from textual import constants

    from briefing_tui.ui.driver import SafeDriver

    before = constants.ESCAPE_DELAY
    saved = {s: signal.getsignal(s) for s in (signal.SIGTSTP, signal.SIGCONT)}
    if environ is None:
        monkeypatch.delenv("ESCDELAY", raising=False)
    else:
        monkeypatch.setenv("ESCDELAY", environ)
    try:
        SafeDriver(_App(False))
        assert (before if expected is None else expected) == constants.ESCAPE_DELAY
    finally:
        constants.ESCAPE_DELAY = before  # type: ignore[misc]
        for number, handler in saved.items():
            signal.signal(number, handler)


def test_a_dispatched_in_band_resize_frees_its_place_in_the_gate() -> None:
    """An in-band resize report is an input event like a key: the gate admits it, so the app
    must free its place once it is dispatched. Kept, each one took a place for good: after 32
    (a terminal that reports resizes in band, its window dragged) every key but ctrl+q was
    dropped for the rest of the session."""
    from types import SimpleNamespace

    from briefing_tui.ui.driver import resize_event
    from briefing_tui.ui.terminal_guard import TerminalGuardMixin

    gate = InputGate()
    app = SimpleNamespace(_driver=SimpleNamespace(gate=gate))
    for width in range(40, 40 + 2 * MAX_PENDING):
        resize = resize_event(width, 24)
        assert gate.admit(resize)
        TerminalGuardMixin.input_handled(app, resize)  # type: ignore[arg-type]
    assert gate.pending == 0
    assert gate.admit(Key("j"))


def test_refusing_counts_many_at_once_and_tells_once_per_flood() -> None:
    told: list[int] = []
    assert not InputGate().full()
    gate = InputGate(on_drop=told.append, backlog=lambda: MAX_PENDING)
    assert gate.full()
    gate.refuse(100)
    gate.refuse(5)
    gate.refuse(0)
    assert gate.dropped == 105 and told == [100]


def _feed_input_thread(chunks: list[tuple[bytes, bool, float]]) -> tuple[list[str], InputGate]:
    """Run the driver's input loop on a pipe: each chunk is written with the gate full or not,
    then the loop gets the pause given to take it. The keys it sends on, and its gate."""
    import os
    import signal
    import threading
    import time

    from briefing_tui.ui.driver import SafeDriver

    full = [False]
    gate = InputGate(backlog=lambda: MAX_PENDING if full[0] else 0)
    saved = {s: signal.getsignal(s) for s in (signal.SIGTSTP, signal.SIGCONT)}
    read_end, write_end = os.pipe()
    sent: list[str] = []
    try:
        driver = SafeDriver(_App(False))
        driver.gate = gate
        driver.fileno = read_end
        driver.process_message = lambda m: sent.append(  # type: ignore[method-assign]
            m.key if isinstance(m, events.Key) else f"{type(m).__name__}:{getattr(m, 'text', '')}"
        )
        thread = threading.Thread(target=driver.run_input_thread, daemon=True)
        thread.start()
        for data, flooding, pause in chunks:
            full[0] = flooding
            os.write(write_end, data)
            time.sleep(pause)
        full[0] = False  # the byte that wakes the loop to see it should end is not dropped
        driver.exit_event.set()
        os.write(write_end, b"\x00")
        thread.join(5)
        assert not thread.is_alive()
    finally:
        os.close(read_end)
        os.close(write_end)
        for number, handler in saved.items():
            signal.signal(number, handler)
    return sent, gate


async def test_a_full_gate_drops_a_chunk_of_plain_keys_unread_but_ctrl_q() -> None:
    """A flood's backlog in the pty is dropped a chunk at a time while the gate is full, so
    that ctrl+q at its end is reached at once; the parser carries on as before after it."""
    sent, gate = _feed_input_thread([(b"jk\r" * 1000 + b"\x11jj", True, 0.2), (b"k", False, 0.2)])
    assert sent[:2] == ["ctrl+q", "k"]
    assert gate.dropped == 3002


async def test_chunks_that_are_not_plain_keys_are_parsed_even_when_the_gate_is_full() -> None:
    sent, gate = _feed_input_thread(
        [
            (b"\x1b[A" + b"j" * 50, True, 0.2),  # an escape byte: parsed, every key sent on
            (b"\x1b[1;5", False, 0.01),  # the start of a sequence (within the escape delay)...
            (b"Ajj", True, 0.2),  # ...whose end is plain bytes: read as the rest of it
            (b"\x1b[200~abc", False, 0.2),  # a paste begins...
            (b"def", True, 0.2),  # ...and goes on in plain bytes: still the paste's
            (b"ghi\x1b[201~", False, 0.2),
        ]
    )
    assert sent[0] == "up" and sent[1:51] == ["j"] * 50  # the loop leaves refusing to the gate
    assert "ctrl+up" in sent
    assert "Paste:abcdefghi" in sent
    assert gate.dropped == 0  # the gate itself refuses nothing here: process_message is ours


def test_a_skipped_chunk_moves_the_paste_tracker_on() -> None:
    """What the tracker held before a dropped chunk cannot join the next chunk into a paste
    start that was never sent."""
    import time

    parser = SafeParser(lambda: False)
    list(parser.feed("\x1b[20"))
    time.sleep(parser.wait() + 0.01)
    list(parser.tick())  # the escape delay ran out: those were keys, and now it is between keys
    assert parser.between_keys
    parser.skip("jjj")
    list(parser.feed("0~x"))
    assert not parser._in_paste


async def test_after_a_dropped_chunk_the_input_loop_still_tells_keys_from_pastes() -> None:
    sent, gate = _feed_input_thread(
        [
            (b"\x1b[20", False, 0.2),  # a sequence's start, then the escape delay: keys
            (b"jjj", True, 0.2),  # dropped unread
            (b"0~x", False, 0.2),  # no paste starts here...
            (b"kkk\x11", True, 0.2),  # ...so these are plain keys again: dropped, but ctrl+q
        ]
    )
    assert "k" not in sent and "ctrl+q" in sent
    assert gate.dropped == 6
