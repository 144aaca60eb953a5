"""Textual's Linux driver with its input side made safe against whatever a terminal sends.

Under ``ForceCommand`` every byte on stdin comes from someone we do not trust, and Textual's
driver trusts them. Measured on Textual 8.2.8 (issue #12):

* input is decoded as strict UTF-8, so one ``0xff`` byte (a Latin-1 client typing é, Alt sent
  as the 8th bit) kills the input thread with a traceback;
* a key report with an out-of-range code point (``ESC[1114112u``, ``ESC[97:1114112;5u``) raises
  in ``chr()`` inside the parser generator, which then stays dead;
* an in-band resize report (``ESC[48;H;W;h;wt``) is obeyed whether or not the app turned that mode
  on, even inside a bracketed paste, and at any size: 30000x30000 took the app past 1 GB;
* the terminal size comes from ``shutil.get_terminal_size``, which prefers ``COLUMNS``/``LINES``
  over the ioctl, and is not bounded either;
* every event crosses to the app's loop as its own future, with no limit: ``yes j`` grew the app
  by hundreds of MB a minute and left ctrl+q queued behind the backlog.

Each is fixed as a class here, not sequence by sequence: decoding replaces, any exception while
parsing drops that sequence and restarts the parser, every size is clamped to
:data:`MAX_SIZE` (and, in secure mode, read from the tty alone), in-band resizes count only once
the terminal confirmed the mode and never inside a paste, and :class:`~.input_guard.InputGate`
bounds the events in flight.
"""

from __future__ import annotations

import os
import selectors
import signal
from codecs import getincrementaldecoder
from collections.abc import Callable, Generator, Iterable
from typing import Any

from textual import constants, events
from textual._parser import ParseError, Peek1, Read1
from textual._time import get_time
from textual._xterm_parser import XTermParser, _re_extended_key
from textual.drivers.linux_driver import LinuxDriver
from textual.keys import Keys
from textual.message import Message

from briefing_tui.ui.input_guard import InputGate, clamp_size

#: What starts and ends a bracketed paste, as the terminal sends them.
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"

#: How long the input loop sleeps when nothing is pending (it also watches for the app's exit).
IDLE_TICK = 0.1

#: Milliseconds a lone Escape waits for the rest of a sequence, unless ``ESCDELAY`` says
#: otherwise. Textual's 100 ms made Escape the slowest key; 50 ms is what neovim waits by
#: default (``ttimeoutlen``) and what tmux goes well below (10 ms since 3.5). A terminal sends a
#: key's sequence in one write, so over ssh it arrives in one packet and stays whole.
ESCAPE_DELAY_MS = 50

#: ctrl+q as the terminal sends it: the one key a flood's dropped chunks are searched for.
URGENT = "\x11"
#: Highest Unicode code point: ``chr()`` of anything above raises.
MAX_CODE_POINT = 0x10FFFF


class SafeParser(XTermParser):
    """Textual's parser, with the three ways input could crash or resize it closed off.

    ``accept_resize`` is asked before each in-band resize report is let through; the driver
    answers True only once the terminal has confirmed mode 2048.
    """

    def __init__(self, accept_resize: Callable[[], bool]) -> None:
        # Set before super().__init__, which starts the parse generator.
        self._accept_resize = accept_resize
        self._recent = ""
        self._in_paste = False
        self.dropped = 0
        super().__init__()

    def parse(
        self, token_callback: Callable[[Message], None]
    ) -> Generator[Read1 | Peek1, str, None]:
        """Run Textual's parser, restarting it whenever a sequence makes it raise.

        The inner generator is Textual's; this one sits between it and :meth:`feed`, so it sees
        every character (to follow pastes) and every token (to filter resizes). An exception
        other than the parser's own EOF/timeout signals loses only the sequence being read.
        """

        def on_token(token: Message) -> None:
            if isinstance(token, events.Resize):
                if self._in_paste or not self._accept_resize():
                    self.dropped += 1
                    return
                token = resize_event(*token.size)
            token_callback(token)

        inner = super().parse(on_token)
        request = next(inner)
        while True:
            signal: ParseError | None = None
            try:
                character = yield request
            except ParseError as thrown:  # timeout or EOF, thrown in by feed()/tick()
                signal = thrown
            try:
                if signal is not None:
                    request = inner.throw(signal)
                else:
                    self._follow_paste(character)
                    request = inner.send(character)
            except StopIteration:
                return
            except Exception:  # one bad sequence: drop it and read on with a fresh parser
                self.dropped += 1
                inner = super().parse(on_token)
                request = next(inner)

    def wait(self) -> float:
        """Seconds the input loop may wait for bytes before :meth:`tick` has work to do.

        Textual's loop waits 0.1 s between ticks, so a lone Escape (which only a timeout tells
        from the start of a sequence) fired up to a tick late: 117-119 ms from key to screen.
        Waiting exactly until the parser's deadline makes it :data:`ESCAPE_DELAY` plus the work.
        """
        due = self._timeout_time
        if due is None:
            return IDLE_TICK
        return min(IDLE_TICK, max(0.0, due - get_time()))

    @property
    def between_keys(self) -> bool:
        """Waiting for the first character of a key (not inside a sequence or a paste)."""
        return self._timeout_time is None and not self._in_paste

    def skip(self, text: str) -> None:
        """``text`` went by unread (plain keys, dropped): the paste tracker still sees its end,
        so that what it held before cannot join the next chunk into a false paste start."""
        self._recent = (self._recent + text[-len(PASTE_START) :])[-len(PASTE_START) :]

    def _follow_paste(self, character: str) -> None:
        """Track whether the characters being read are inside a bracketed paste."""
        self._recent = (self._recent + character)[-len(PASTE_START) :]
        if self._recent == PASTE_START:
            self._in_paste = True
        elif self._recent == PASTE_END:
            self._in_paste = False

    def _parse_extended_key(self, sequence: str) -> list[events.Key] | None:
        """Refuse key reports naming a code point no character has, before ``chr()`` sees it."""
        complete = _re_extended_key.fullmatch(sequence) is not None
        if complete and any(
            len(part) > 7 or int(part) > MAX_CODE_POINT for part in _numbers(sequence)
        ):
            # An "ignore" key consumes the sequence; an empty answer would leave the parser
            # reading on and then replay it as keys ("[", "1", ...), which run bindings.
            return [events.Key(Keys.Ignore, sequence)]
        return super()._parse_extended_key(sequence)


def _numbers(sequence: str) -> Iterable[str]:
    """The decimal fields of a CSI sequence (``ESC[97:233;5u`` gives 97, 233, 5)."""
    body = sequence[2:-1] if sequence.startswith("\x1b[") else ""
    for field in body.replace(":", ";").split(";"):
        if field.isdecimal():
            yield field


def resize_event(width: int, height: int) -> events.Resize:
    """A Resize for the app at ``width`` x ``height``, clamped to what it will lay out."""
    return events.Resize.from_dimensions(clamp_size(width, height), None)


class SafeDriver(LinuxDriver):
    """The Linux driver with bounded, crash-free input and a bounded size.

    ``secure`` (from the app) decides whether ``COLUMNS``/``LINES`` may override the tty's own
    size; outside secure mode Textual's behaviour is kept, only clamped.
    """

    def __init__(self, app: Any, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._secure = bool(getattr(app, "secure", False))
        if "ESCDELAY" not in os.environ:  # the user's own setting wins, as in Textual
            constants.ESCAPE_DELAY = ESCAPE_DELAY_MS / 1000  # type: ignore[misc]
        if self._secure:
            # Textual's driver has just made SIGTSTP stop the process (for ctrl+z suspend).
            # Until raw mode starts, ctrl+z on the tty sends it: a secure session, which has
            # no shell to resume it, was stopped for good. Ignore it again (process_guard set
            # that first).
            signal.signal(signal.SIGTSTP, signal.SIG_IGN)
        # Only an app that reports back what it handled (BriefingApp) can be gated; with any
        # other app the gate would fill once and never empty.
        self.gate: InputGate | None = (
            InputGate(on_drop=self._report_drop, backlog=self._backlog)
            if hasattr(app, "input_handled")
            else None
        )

    # -- size --------------------------------------------------------------------------------

    def _get_terminal_size(self) -> tuple[int, int]:
        """The tty's size from the ioctl, clamped; secure mode never consults the environment."""
        if self._secure:
            try:
                width, height = os.get_terminal_size(self.fileno)
            except (OSError, ValueError):
                width, height = 80, 24
        else:
            width, height = super()._get_terminal_size()
        return clamp_size(width, height)

    # -- input -------------------------------------------------------------------------------

    def run_input_thread(self) -> None:
        """Read stdin, decode it leniently, parse it with :class:`SafeParser`, send events.

        Same shape as Textual's loop, but undecodable bytes become U+FFFD instead of an
        exception, and the wait ends when a lone Escape is due (see :meth:`SafeParser.wait`).
        """
        accept_resize = lambda: self._in_band_window_resize  # noqa: E731
        parser = SafeParser(accept_resize)
        decode = getincrementaldecoder("utf-8")(errors="replace").decode
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        try:
            while not self.exit_event.is_set():
                events_in: Iterable[Message] = ()
                if selector.select(parser.wait()):
                    data = os.read(self.fileno, 4096)
                    if not data:
                        break
                    # Empty when the chunk ended inside a multi-byte character: feeding ""
                    # would tell the parser the input has ended.
                    text = decode(data)
                    if text and self._refused_whole(parser, text):
                        events_in = parser.feed(URGENT) if URGENT in text else ()
                    elif text:
                        events_in = parser.feed(text)
                try:
                    for event in (*events_in, *parser.tick()):
                        self.process_message(event)
                except ParseError:  # the parser reached its end anyway: start a new one
                    parser = SafeParser(accept_resize)
        finally:
            selector.close()

    def _refused_whole(self, parser: SafeParser, text: str) -> bool:
        """Drop a chunk of plain keys unread while the gate is full, keeping only ctrl+q.

        The gate would drop each of them anyway, one by one, after the parser had made it a
        key: a flood's backlog in the pty (70-130 KB of ``jk\r`` after three seconds) took the
        input thread 0.7-1.7 s to get through, with ctrl+q at its end. Only a chunk without
        an escape byte, read with the parser between keys and outside a paste, is plain keys,
        one per character; the parser's state is then the same after it as before.
        """
        if self.gate is None or "\x1b" in text or not parser.between_keys:
            return False
        if not self.gate.full():
            return False
        urgent = text.count(URGENT)
        self.gate.refuse(len(text) - urgent)
        parser.skip(text)
        return True

    def send_message(self, message: Message) -> None:
        """Every event from the input thread passes the gate, which bounds what is waiting."""
        if self.gate is not None and not self.gate.admit(message):
            return
        super().send_message(message)

    def _backlog(self) -> int:
        """Input events (keys, mouse, paste) waiting in the screen's and focused widget's queues.

        Only input counts: each typed character also sends messages of the app's own (the
        search box's Changed, bubbling to the screen), and counting those dropped the end of a
        16-character query typed over ssh. Read from the input thread without a lock: a copy
        of the queue can fail while the app changes it, and then this says 0 for that event.
        """
        try:
            screen = self._app.screen
            queues = [screen._message_queue]
            if screen.focused is not None:
                queues.append(screen.focused._message_queue)
            return sum(
                isinstance(message, events.InputEvent)
                for queue in queues
                for message in list(queue.values)  # Textual's own queue: a deque
            )
        except Exception:  # no screen yet, the app is closing, or the queue changed under us
            return 0

    def _report_drop(self, count: int) -> None:
        """Tell the user (from the input thread, so through the loop) that keys were dropped."""
        self._loop.call_soon_threadsafe(self._app.input_dropped, count)
