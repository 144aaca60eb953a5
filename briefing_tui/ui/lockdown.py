"""Secure mode: what the browser refuses to do on a shared server, and how.

Analysts reach the browser through ``ssh analyst@box`` on an account whose only command is
``briefing --secure`` (sshd ``ForceCommand``). Whoever holds that session must not get anything
beyond reading briefings: no file written on the server (screenshots, exports, logs, bytecode
caches), no browser, shell, pager or editor started there, no suspended process left behind, no
path of their choosing read, and no code chosen through the environment.

Two layers do this:

* :func:`scrub_environment` runs before textual is imported. Textual reads its switches once, at
  import time (``textual.constants``): ``TEXTUAL=devtools`` connects to a debugging server,
  ``TEXTUAL_DRIVER`` imports any module, ``TEXTUAL_LOG`` appends to any file,
  ``TEXTUAL_SCREENSHOT*`` writes an SVG wherever asked, ``TEXTUAL_PRESS`` types keys for the
  user, ``TEXTUAL_ALLOW_SIGNALS`` lets ctrl+z stop the process; ``BROWSER`` chooses the program
  ``webbrowser`` runs. Every ``TEXTUAL*`` variable goes, not only those known today, so a new
  Textual release cannot add a switch behind our back.
* :class:`LockdownMixin` replaces the App methods that reach outside the terminal. It sits before
  ``App`` in ``BriefingApp``'s bases and checks ``self.secure``, so the same class serves both
  modes and the tests exercise exactly the code that runs in production.

What is deliberately allowed: the bell, and copying to the clipboard (OSC 52 goes to the
analyst's own terminal, not to a file on the server).

The content path: under ``ForceCommand`` the argument list is the administrator's, so a PATH there
is the configured library and is honoured. A session can still influence the environment (sshd
``AcceptEnv``, ``SSH_ORIGINAL_COMMAND``), so nothing in secure mode reads a path from the
environment, and the browser has no command that opens a file by name.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any

from briefing_tui.ui.i18n import N_, tr

#: Variables removed in secure mode on top of every ``TEXTUAL`` / ``TEXTUAL_*`` one.
#: ``BROWSER`` picks the program ``webbrowser`` starts; ``PAGER``/``EDITOR``/``VISUAL`` are what a
#: future "open in pager" feature or a library would run; ``PYTHONBREAKPOINT`` picks the callable
#: ``breakpoint()`` imports. ``COLUMNS``/``LINES`` would override the tty's own size in Rich and
#: Textual, unbounded (issue #12: a 65535-column layout took gigabytes).
SCRUBBED_NAMES = frozenset(
    {"BROWSER", "PAGER", "EDITOR", "VISUAL", "PYTHONBREAKPOINT", "COLUMNS", "LINES"}
)

#: Message shown in the app when an action is refused.
REFUSED = N_("Not available in secure mode.")


def is_scrubbed(name: str) -> bool:
    """True when secure mode must drop the environment variable ``name``."""
    return name == "TEXTUAL" or name.startswith("TEXTUAL_") or name in SCRUBBED_NAMES


def scrub_environment(environ: MutableMapping[str, str] | None = None) -> list[str]:
    """Remove every variable that changes what code runs or where files go; return their names.

    Must run before ``textual`` is imported: its switches are read once, at import. Also stops
    Python writing ``__pycache__`` files for modules imported from here on.
    """
    env = os.environ if environ is None else environ
    removed = sorted(name for name in env if is_scrubbed(name))
    for name in removed:
        del env[name]
    if environ is None:
        sys.dont_write_bytecode = True
    return removed


def textual_already_imported() -> bool:
    """True when textual's constants were read before scrubbing (then scrubbing came too late)."""
    return "textual.constants" in sys.modules


def neutralise_textual_constants() -> None:
    """Reset the import-time switches of an already imported textual to their safe defaults.

    A second line of defence for when textual was imported before :func:`scrub_environment`
    (a test process, an embedding program): the values it read are overwritten in place.
    """
    from textual import constants

    safe: dict[str, Any] = {
        "DRIVER": None,
        "LOG_FILE": None,
        "DEBUG": False,
        "DEVTOOLS_HOST": "127.0.0.1",
        "SCREENSHOT_DELAY": -1,
        "SCREENSHOT_LOCATION": None,
        "SCREENSHOT_FILENAME": None,
        "PRESS": "",
        "SHOW_RETURN": False,
    }
    for name, value in safe.items():
        setattr(constants, name, value)


class LockdownMixin:
    """App methods that would write files, open URLs or suspend, made harmless.

    Put it before ``App`` in the bases; the class using it sets ``self.secure``. Outside secure
    mode only ``open_url`` differs from Textual: links are shown, never opened on the server.
    """

    secure: bool

    # -- links: never a browser on the server, in either mode ---------------------------------

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Show the link instead of running a browser on the machine the app runs on."""
        self.notify(  # type: ignore[attr-defined]
            tr("Link: {url}", url=url), title=tr("Not opened on the server"), markup=False
        )

    # -- files: screenshots and deliveries ------------------------------------------------------

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Textual's screenshot action writes an SVG to disk; refused in secure mode."""
        if self.secure:
            self._refuse()
            return
        super().action_screenshot(filename, path)  # type: ignore[misc]

    def save_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str:
        """Writes a file: in secure mode nothing is written and an empty path is returned."""
        if self.secure:
            self._refuse()
            return ""
        return super().save_screenshot(filename, path, time_format)  # type: ignore[misc]

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> str | None:
        """Delivery saves to the server's disk under the Linux driver: refused in secure mode."""
        if self.secure:
            self._refuse()
            return None
        return super().deliver_screenshot(*args, **kwargs)  # type: ignore[misc]

    def deliver_text(self, *args: Any, **kwargs: Any) -> str | None:
        """See :meth:`deliver_screenshot`."""
        if self.secure:
            self._refuse()
            return None
        return super().deliver_text(*args, **kwargs)  # type: ignore[misc]

    def deliver_binary(self, *args: Any, **kwargs: Any) -> str | None:
        """See :meth:`deliver_screenshot`."""
        if self.secure:
            self._refuse()
            return None
        return super().deliver_binary(*args, **kwargs)  # type: ignore[misc]

    # -- the process: no suspending, no handing the terminal to another program ----------------

    def action_suspend_process(self) -> None:
        """A stopped process under ForceCommand has no shell to resume it: refused."""
        if self.secure:
            self._refuse()
            return
        super().action_suspend_process()  # type: ignore[misc]

    @contextmanager
    def suspend(self) -> Iterator[None]:
        """``App.suspend`` exists to run a shell, pager or editor; in secure mode it refuses."""
        if self.secure:
            raise PermissionError("secure mode: the terminal is never handed to another program")
        with super().suspend():  # type: ignore[misc]
            yield

    # -- switches textual read from the environment at import -----------------------------------

    async def _ready(self) -> None:
        """Skip Textual's ``TEXTUAL_SCREENSHOT`` timer (a file write) in secure mode."""
        if self.secure:
            return
        await super()._ready()  # type: ignore[misc]

    async def _init_devtools(self) -> None:
        """``TEXTUAL=devtools`` connects to a debugging server; never in secure mode."""
        if self.secure:
            self.devtools = None
            self._devtools_redirector = None
            return
        await super()._init_devtools()  # type: ignore[misc]

    def _refuse(self) -> None:
        self.notify(tr(REFUSED), severity="warning", markup=False)  # type: ignore[attr-defined]
