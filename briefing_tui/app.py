"""The Textual application: a thin shell that picks the first screen and owns app-wide keys.

It receives a loaded library (or a loader to run in a worker for big libraries), never paths:
the CLI and the tests build it the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .commands import JumpCommands
from .loader import LoadResult
from .models import Briefing, Library
from .refs import find_target
from .screens.briefing import BriefingScreen
from .screens.error import ErrorScreen
from .screens.help import HelpScreen
from .screens.loading import LoadingScreen
from .screens.picker import PickerScreen
from .secure import LockdownMixin
from .size_guard import SizeGuardMixin

if TYPE_CHECKING:
    from .search import SearchIndex

Loader = Callable[[Callable[[int, int], None]], LoadResult]


class BriefingApp(LockdownMixin, SizeGuardMixin, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = {JumpCommands}

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit_ctrl"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("f1", "help", "Help", show=False, id="app.help_f1"),
        Binding("d", "toggle_theme", "Dark/light theme", show=False, id="app.theme"),
    ]

    def __init__(
        self,
        library: LoadResult | Loader,
        *,
        goto: str | None = None,
        secure: bool = False,
    ) -> None:
        super().__init__()
        self._source = library
        self.goto = goto
        self.secure = secure
        self.result: LoadResult | None = library if isinstance(library, LoadResult) else None
        self.crash: BaseException | None = None
        self.search_index: SearchIndex | None = None
        self.theme = "textual-dark"

    # -- first screen ------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        if self.result is None:
            return LoadingScreen()
        return self._first_screen(self.result)

    def on_mount(self) -> None:
        if self.result is None:
            self._load()
        else:
            self._after_load(self.result)

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        """Read the library off the UI thread, reporting progress to the loading screen."""
        loader = self._source
        assert callable(loader)

        def progress(done: int, total: int) -> None:
            screen = self.screen
            if isinstance(screen, LoadingScreen):
                self.call_from_thread(screen.progress, done, total)

        try:
            result = loader(progress)
        except Exception as exc:  # the loader's own errors are one-liners already
            self.call_from_thread(self._fatal, "Could not load the library", [str(exc)])
            return
        self.call_from_thread(self._loaded, result)

    def _loaded(self, result: LoadResult) -> None:
        self.result = result
        # The loading screen stays at the bottom of the stack: Textual cannot switch away from
        # the default screen, and nothing ever pops down to it.
        self.push_screen(self._first_screen(result))
        self._after_load(result)

    def _first_screen(self, result: LoadResult) -> Screen:
        briefings = result.library.briefings
        if not briefings:
            lines = [str(p) for p in result.problems] or ["The library holds no briefing."]
            return ErrorScreen("No briefing could be opened", lines, fatal=True)
        if self.goto:
            found = find_target(result.library, self.goto)
            if found is None:
                return Screen()  # _after_load exits with a usage error; nothing to build
            briefing, target_id = found
            return BriefingScreen(briefing, goto=target_id)
        if len(briefings) == 1:
            return BriefingScreen(briefings[0])
        return PickerScreen(result.library)

    def _after_load(self, result: LoadResult) -> None:
        self._build_index(result.library)
        if (
            self.goto
            and result.library.briefings
            and find_target(result.library, self.goto) is None
        ):
            self.exit(
                return_code=2,
                message=f"briefing: --goto {self.goto!r}: no paragraph, section, agreement "
                "or source has that id",
            )
            return
        if result.broken and result.library.briefings:
            lines = []
            for broken in result.broken:
                lines.append(f"{broken.folder}:")
                lines.extend(f"  {p}" for p in broken.problems)
            self.push_screen(
                ErrorScreen(f"{len(result.broken)} briefing(s) could not be opened", lines)
            )

    @work(thread=True, exclusive=True, group="index")
    def _build_index(self, library: Library) -> None:
        """Index after the first screen is up: a big library is readable before it is searchable."""
        from .search import SearchIndex

        index = SearchIndex.build(library)
        self.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        self.search_index = index
        for screen in self.screen_stack:
            if isinstance(screen, BriefingScreen):
                screen.set_search_index(index)

    def _fatal(self, title: str, lines: list[str]) -> None:
        self.push_screen(ErrorScreen(title, lines, fatal=True))

    # -- actions -----------------------------------------------------------------------------

    def open_briefing(self, briefing_id: str, goto: str | None = None) -> None:
        assert self.result is not None
        briefing: Briefing = self.result.library.get(briefing_id)
        self.push_screen(BriefingScreen(briefing, goto=goto))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Only commands that make sense for a reader; nothing that writes files or shells out."""
        yield SystemCommand("Help", "Show the keys", self.action_help)
        yield SystemCommand(
            "Dark/light theme", "Switch between dark and light", self.action_toggle_theme
        )
        yield SystemCommand("Quit", "Leave the browser", self.exit)

    # -- errors ------------------------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error becomes an error screen with a way out, never a traceback.

        The widget that failed has stopped processing messages, so the only honest way out is
        quitting: the screen says what happened and q leaves with exit code 1.
        """
        if self.crash is not None or not self.is_running or not self.screen_stack:
            super()._handle_exception(error)
            return
        self.crash = error
        self._return_code = 1
        message = f"{type(error).__name__}: {error}".strip().rstrip(":")
        try:
            self.push_screen(ErrorScreen("Something went wrong", [message], fatal=True))
        except Exception:  # pragma: no cover - the screen itself could not be shown
            super()._handle_exception(error)
