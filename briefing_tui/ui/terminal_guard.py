"""The app's half of the terminal hardening: the safe driver, the input gate, quiet crashes.

A mixin placed before ``App`` in ``BriefingApp``'s bases (as :class:`~.secure.LockdownMixin`
is), so the app module stays thin. The driver (:mod:`.driver`) bounds what the terminal can send;
this side tells the driver's gate when an event has been handled, tells the user when a flood
was cut short, and makes sure that in secure mode an unexpected error ends the session with one
line on the terminal: Textual's own handlers print a rich traceback with locals, install paths
and source lines (2,779 lines in one case from issue #12).
"""

from __future__ import annotations

from typing import Any

from textual import constants
from textual.driver import Driver
from textual.message import Message

from briefing_tui.process_guard import EXIT_CRASH, one_line
from briefing_tui.ui.i18n import tr


class TerminalGuardMixin:
    """Safe driver and gate bookkeeping for any mode; one-line crashes in secure mode."""

    secure: bool

    def get_driver_class(self) -> type[Driver]:
        """:class:`~.driver.SafeDriver` on POSIX, unless ``TEXTUAL_DRIVER`` chose another
        (which secure mode has already cleared)."""
        import sys

        if constants.DRIVER is None and sys.platform != "win32":
            from briefing_tui.ui.driver import SafeDriver

            return SafeDriver
        return super().get_driver_class()  # type: ignore[misc,no-any-return]

    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)  # type: ignore[misc]
        finally:
            self.input_handled(message)

    def input_handled(self, message: Message) -> None:
        """Free the message's place in the driver's gate, if it had one."""
        gate = getattr(getattr(self, "_driver", None), "gate", None)
        if gate is not None:  # an in-band resize report passed the gate too: free it as well
            gate.handled(message)

    def input_dropped(self, count: int) -> None:
        """Called (on the UI thread) when the gate starts dropping input."""
        self.notify(  # type: ignore[attr-defined]
            tr("Input is arriving faster than it can be handled: some keys were ignored."),
            severity="warning",
            markup=False,
        )

    # -- secure mode: no traceback reaches the terminal --------------------------------------

    def _fatal_error(self) -> None:
        if not self.secure:
            super()._fatal_error()  # type: ignore[misc]
            return
        import sys

        # Textual records the error before calling this; exc_info covers a direct call.
        self._quiet_exit(getattr(self, "_exception", None) or sys.exc_info()[1])

    def panic(self, *renderables: Any) -> None:
        if not self.secure:
            super().panic(*renderables)  # type: ignore[misc]
            return
        self._quiet_exit(None)

    def _quiet_exit(self, error: BaseException | None) -> None:
        line = one_line(error) if error is not None else "briefing: internal error"
        self._exit_renderables.append(line)  # type: ignore[attr-defined]
        self._return_code = EXIT_CRASH  # type: ignore[attr-defined]
        self._close_messages_no_wait()  # type: ignore[attr-defined]

    def _print_error_renderables(self) -> None:
        """Secure mode prints only the first plain-text line queued, without markup or colour."""
        if not self.secure:
            super()._print_error_renderables()  # type: ignore[misc]
            return
        import sys

        renderables: list[Any] = self._exit_renderables  # type: ignore[attr-defined]
        lines = [r for r in renderables if isinstance(r, str)]
        if renderables and not lines:
            lines = ["briefing: internal error"]
        renderables.clear()
        if lines:
            sys.stderr.write(lines[0].splitlines()[0][:300] + "\n")
            sys.stderr.flush()
