"""The Textual application: a thin shell that picks the first screen and owns app-wide keys.

It receives a loaded library, or a loader that yields briefings one by one (run in a worker, so
a large library shows its first briefings while the rest validate); never paths. The CLI and the
tests build it the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import RenderableType
from textual import work
from textual.app import App, SystemCommand, get_system_commands_provider
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen

from briefing_tui import gcpolicy
from briefing_tui.content.model import Briefing, Library
from briefing_tui.content.problems import BrokenBriefing, LoadResult
from briefing_tui.reading.refs import find_target, suggestions
from briefing_tui.ui import i18n
from briefing_tui.ui.analyst_session import AnalystSession
from briefing_tui.ui.css_cache import ThemeSwitch
from briefing_tui.ui.help_keys import HelpKeysMixin
from briefing_tui.ui.i18n import tr
from briefing_tui.ui.idle_collect import IdleCollectMixin
from briefing_tui.ui.listed import Listed, ListedMixin, analyst_commands, jump_commands
from briefing_tui.ui.lockdown import LockdownMixin
from briefing_tui.ui.messages import OpenBriefing
from briefing_tui.ui.screens.briefing import BriefingScreen
from briefing_tui.ui.screens.error import ErrorScreen
from briefing_tui.ui.screens.picker import PickerScreen
from briefing_tui.ui.settle import OneFramePerKey
from briefing_tui.ui.size_guard import SizeGuardMixin
from briefing_tui.ui.terminal_guard import TerminalGuardMixin
from briefing_tui.ui.type_ahead import TypeAheadMixin
from briefing_tui.ui.watching import Watcher, WatchMixin

if TYPE_CHECKING:
    from briefing_tui.search import SearchIndex
    from briefing_tui.state.analyst import AnalystState

#: Yields ``(total, briefing or broken briefing)``: ``loader.iter_library`` bound to a path.
Loader = Callable[[], Iterator[tuple[int, Briefing | BrokenBriefing]]]

#: Where the search index comes from, given the loaded library: a store's index, opened (or
#: refreshed, then opened); without one the app builds the index in memory.
IndexSource = Callable[[Library | None], "SearchIndex"]

#: How often a loading library refreshes the screen, in seconds.
GROW_EVERY = 0.1


class BriefingApp(
    TypeAheadMixin,
    LockdownMixin,
    TerminalGuardMixin,
    SizeGuardMixin,
    WatchMixin,
    IdleCollectMixin,
    OneFramePerKey,
    ThemeSwitch,
    ListedMixin,
    HelpKeysMixin,
    App[None],
):
    search_index: var[SearchIndex | None] = var(None)
    """The library's search index, once built (after the first frame); screens watch it."""

    # Absolute: a subclass elsewhere (the stall benchmark's recorder) would not find it else.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "briefing"
    ENABLE_COMMAND_PALETTE = True
    # Textual's system provider lists only what get_system_commands below yields.
    COMMANDS = {get_system_commands_provider, jump_commands, analyst_commands}

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit_ctrl"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("f1", "help", "Help", show=False, id="app.help_f1"),
        Binding("d", "toggle_theme", "Dark/light theme", show=False, id="app.theme"),
    ]

    def __init__(
        self,
        library: LoadResult | Loader | Listed,
        *,
        goto: str | None = None,
        secure: bool = False,
        index_source: IndexSource | None = None,
        index_early: bool = False,
        watch: Watcher | None = None,
        language: str = "en",
        state: AnalystState | None = None,
    ) -> None:
        super().__init__()
        i18n.use(language)  # the chrome's words: tab names, help, messages (see ui.i18n)
        self.language = i18n.current()
        #: The analyst's marks, notes and reading (issue #17); opened by the command line.
        self.analyst = AnalystSession(state) if state is not None else AnalystSession.off()
        self._source = library
        self._index_source = index_source
        #: A fresh store's index needs no library: it opens at the first search (want_index).
        self._index_early = index_early and index_source is not None
        self._index_asked = False
        self._watcher = watch
        self.goto = goto
        self.secure = secure
        self.result: LoadResult | None = library if isinstance(library, LoadResult) else None
        self.crash: BaseException | None = None
        self._goto_found: tuple[Library, tuple[Briefing, str] | None] | None = None
        #: Briefings by id as they arrive, so one can be opened before the library is complete.
        self.loaded: dict[str, Briefing] = (
            {b.id: b for b in self.result.library.briefings} if self.result else {}
        )
        self.theme = "textual-dark"
        self._helps: dict[Screen, Screen] = {}
        self._listed = None
        if isinstance(library, Listed):  # many briefings, listed from their store
            self._start_listed(library)

    # -- first screen ------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        if self._listed is not None:
            return self._listed_screen()
        if self.result is None:
            from briefing_tui.ui.screens.loading import LoadingScreen

            return LoadingScreen()
        return self._first_screen(self.result)

    def on_ready(self) -> None:
        """Start the background work once the first frame is on screen, not at mount: a worker
        thread competes for the GIL, and the load or index worker delayed it by tens of ms."""
        gcpolicy.resume()
        self.release_typed_ahead()
        self.show_state_notices()
        gcpolicy.defer_full()
        if self._listed is not None:
            self._listed_ready()
        elif self.result is None:
            self._load()
        else:
            self._after_load(self.result)
        self.start_watching()

    # Each @work names its description: otherwise Textual builds one from repr() of the
    # arguments, on the UI thread; for a 1,000-briefing library that repr took 0.75 s.
    @work(thread=True, exclusive=True, group="load", description="load the library")
    def _load(self) -> None:
        """Validate the library off the UI thread.

        A library of several briefings opens its picker as soon as the first one is valid and
        grows it as the rest arrive; one briefing (or a --goto, which may point anywhere) waits
        for the whole load behind the progress screen.
        """
        from briefing_tui.content.problems import collect

        loader = self._source
        assert callable(loader)
        items: list[Briefing | BrokenBriefing] = []
        pending: list[Briefing] = []
        picker = False
        last = 0.0
        try:
            with gcpolicy.bulk():  # the briefings live as long as the app: see gcpolicy
                for done, (total, item) in enumerate(loader(), start=1):
                    items.append(item)
                    if isinstance(item, Briefing):
                        pending.append(item)
                    now = time.monotonic()
                    if now - last < GROW_EVERY and picker:
                        continue
                    if total > 1 and not self.goto and pending:
                        self.call_from_thread(self._grow, pending, done, total)
                        pending, picker, last = [], True, now
                    elif not picker and now - last >= GROW_EVERY:
                        self.call_from_thread(self._progress, done, total)
                        last = now
                result = collect(items)
        except Exception as exc:  # the loader's own errors are one-liners already
            self.call_from_thread(self._fatal, tr("Could not load the library"), [str(exc)])
            return
        if picker and pending:
            self.call_from_thread(self._grow, pending, len(items), len(items))
        self.call_from_thread(self._loaded, result, picker)

    def _progress(self, done: int, total: int) -> None:
        from briefing_tui.ui.screens.loading import LoadingScreen

        if isinstance(self.screen, LoadingScreen):
            self.screen.progress(done, total)

    def _grow(self, briefings: list[Briefing], done: int, total: int) -> None:
        self.loaded.update((b.id, b) for b in briefings)
        picker = self._picker()
        if picker is None:
            self.push_screen(PickerScreen(briefings, loading=(done, total)))
        else:
            picker.add(briefings, loading=(done, total))

    def _loaded(self, result: LoadResult, picker_shown: bool) -> None:
        self.result = result
        self.loaded = {b.id: b for b in result.library.briefings}
        picker = self._picker()
        if picker_shown and picker is not None and len(result.library.briefings) == 1:
            # The others turned out broken: nothing to choose, so open the one that works.
            if self.screen is picker:
                self.switch_screen(self._first_screen(result))
        elif picker_shown and picker is not None:
            picker.add([], loading=None)
        else:
            # The loading screen stays at the bottom of the stack: Textual cannot switch away
            # from the default screen, and nothing ever pops down to it.
            self.push_screen(self._first_screen(result))
        self._after_load(result)

    def _picker(self) -> PickerScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, PickerScreen)), None)

    def _goto_target(self, library: Library) -> tuple[Briefing, str] | None:
        """Where --goto points, worked out once per library (it scans every briefing's ids)."""
        if self._goto_found is None or self._goto_found[0] is not library:
            self._goto_found = (library, find_target(library, self.goto) if self.goto else None)
        return self._goto_found[1]

    def _first_screen(self, result: LoadResult) -> Screen:
        briefings = result.library.briefings
        if not briefings:
            lines = [str(p) for p in result.problems] or [tr("The library holds no briefing.")]
            return ErrorScreen(tr("No briefing could be opened"), lines, fatal=True)
        if self.goto:
            found = self._goto_target(result.library)
            if found is None:
                return Screen()  # _after_load exits with a usage error; nothing to build
            briefing, target_id = found
            return BriefingScreen(briefing, goto=target_id)
        if len(briefings) == 1:
            return BriefingScreen(briefings[0])
        return PickerScreen(briefings)

    def _after_load(self, result: LoadResult) -> None:
        if not self._index_early:
            self._build_index(result.library)
        if self.goto and result.library.briefings and self._goto_target(result.library) is None:
            close = suggestions(result.library, self.goto)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            self.exit(
                return_code=2,
                message=f"briefing: --goto {self.goto!r}: no paragraph, section, agreement "
                f"or source has that id{hint}",
            )
            return
        if result.broken and result.library.briefings:
            lines = []
            for broken in result.broken:
                lines.append(f"{broken.folder}:")
                lines.extend(f"  {p}" for p in broken.problems)
            self.push_screen(
                ErrorScreen(
                    i18n.ngettext(
                        "{n} briefing could not be opened",
                        "{n} briefings could not be opened",
                        len(result.broken),
                    ),
                    lines,
                )
            )

    @work(thread=True, exclusive=True, group="index", description="index the library")
    def _build_index(self, library: Library) -> None:
        """Index after the first screen is up: a big library is readable before it is searchable."""
        from briefing_tui.search import SearchIndex

        with gcpolicy.bulk():  # so the build skips its own closing full collection (0.5 s)
            index = None
            if self._index_source is not None:
                try:
                    index = self._index_source(library)
                except Exception:  # a store that failed is never worse than no store
                    index = None
            if index is None:
                index = SearchIndex.build(library)
        self.call_from_thread(self._index_ready, index)

    @work(thread=True, exclusive=True, group="index-early", description="open the index")
    def _open_index(self) -> None:
        """A fresh store's index, opened while the briefings are still being read."""
        assert self._index_source is not None
        try:
            index = self._index_source(None)
        except Exception:  # the store failed: build in memory once the library is loaded
            self.call_from_thread(self._early_index_failed)
            return
        self.call_from_thread(self._index_ready, index)

    def _early_index_failed(self) -> None:
        self._index_early = False
        if self.result is not None:
            self._build_index(self.result.library)

    def _index_ready(self, index: SearchIndex) -> None:
        self.search_index = index

    def adopt(self, result: LoadResult) -> None:
        """A library reloaded by --watch replaces this one, search index included."""
        self.result = result
        self.loaded = {b.id: b for b in result.library.briefings}
        self._build_index(result.library)

    def _fatal(self, title: str, lines: list[str]) -> None:
        self.push_screen(ErrorScreen(title, lines, fatal=True))

    # -- actions -----------------------------------------------------------------------------

    def on_open_briefing(self, message: OpenBriefing) -> None:
        briefing = self.briefing_to_open(message.briefing_id)  # (listed: read from the store)
        if briefing is not None:
            self.push_screen(BriefingScreen(briefing, goto=message.goto))

    def action_command_palette(self) -> None:
        """Textual's palette, with its prompt in the chrome's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            prompt = tr("Search for commands…")
            self.push_screen(CommandPalette(placeholder=prompt, id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Only commands that make sense for a reader; nothing that writes files or shells out."""
        yield SystemCommand(tr("Help"), tr("Show the keys"), self.action_help)
        yield SystemCommand(
            tr("Dark/light theme"), tr("Switch between dark and light"), self.action_toggle_theme
        )
        yield SystemCommand(tr("Quit"), tr("Leave the browser"), self.exit)

    # -- the analyst's layer ------------------------------------------------------------------

    def show_state_notices(self) -> None:
        """Tell the analyst, once each, what the state layer had to say (a failed write...)."""
        for notice in self.analyst.new_notices():
            self.notify(notice, title="Notes", severity="warning", markup=False, timeout=8)

    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        """Remember where each open briefing was being read, then leave."""
        for screen in self.screen_stack:
            if isinstance(screen, BriefingScreen):
                screen.save_position()
        super().exit(result, return_code, message)

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
            self.push_screen(ErrorScreen(tr("Something went wrong"), [message], fatal=True))
        except Exception:  # pragma: no cover - the screen itself could not be shown
            super()._handle_exception(error)
