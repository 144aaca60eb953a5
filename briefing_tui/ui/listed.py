"""A library listed from its store (:mod:`briefing_tui.store.catalog`): the app's side.

The first frame is the list's first page, read from the store's manifest. After it, one worker
lists the rest, then checks every folder against the store; another opens the store's index.
A library found changed is listed again from what the command line gives instead (a refreshed
store, or the library validated in memory). Briefings are read from the store when opened,
never all at once: at 10,000 briefings the app holds their list entries, not their content.
The palette's providers are here too: functions that import them when the palette opens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work

from briefing_tui.content.record import record
from briefing_tui.store.catalog import Catalog, Entry, LazyBriefings
from briefing_tui.store.manifest import CorruptStore
from briefing_tui.ui.i18n import tr

if TYPE_CHECKING:
    from textual.command import Provider

    from briefing_tui.content.model import Briefing, Library
    from briefing_tui.search import SearchIndex


def jump_commands() -> type[Provider]:
    """The palette's jumps, imported when the palette first opens (not before the first
    frame: Textual takes a provider or a function that returns one)."""
    from briefing_tui.ui.palette import JumpCommands

    return JumpCommands


def analyst_commands() -> type[Provider]:
    """The palette's analyst commands, imported as :func:`jump_commands` is."""
    from briefing_tui.ui.palette_analyst import AnalystCommands

    return AnalystCommands


#: Entries handed to the list at a time after the first frame.
BATCH = 2000


@record(frozen=False)
class Listed:
    """What the command line gives the app for a library listed from its store."""

    catalog: Catalog
    #: The list's first page, read before the first frame.
    first: list[Entry]
    #: What to use when the check finds the library changed (called in a worker): a refreshed
    #: store's catalog, or a loader that validates the library in memory.
    stale: Callable[[], Any]


class ListedMixin:
    """The app's handling of a :class:`Listed` library (mixed into ``BriefingApp``)."""

    _listed: Listed | None

    def _start_listed(self, listed: Listed) -> None:
        """Called from ``__init__``: briefings come from the catalog, the index too."""
        app: Any = self
        self._listed = listed
        app.loaded = LazyBriefings(listed.catalog)
        app._index_source = self._listed_index
        app._index_early = True

    def want_index(self) -> None:
        """Search is about to be used: open a fresh store's index now if not yet done (the
        search bar says "Indexing…" for the milliseconds that takes). Tantivy and an open
        index are ~9 MiB that a session which only reads never needs."""
        app: Any = self
        if app._index_early and not app._index_asked:
            app._index_asked = True
            app._open_index()

    def briefing_to_open(self, briefing_id: str) -> Briefing | None:
        """The briefing to open; None, with an error screen, when a listed briefing's folder
        turned out changed and no longer valid (or gone) when read."""
        from briefing_tui.content.problems import ContentError
        from briefing_tui.ui.screens.error import ErrorScreen

        app: Any = self
        try:
            return app.loaded[briefing_id]  # type: ignore[no-any-return]
        except ContentError as exc:
            lines = [str(p) for p in exc.problems]
        except (KeyError, OSError) as exc:
            lines = [f"{briefing_id}: {exc}"]
        app.push_screen(ErrorScreen(tr("This briefing could not be opened"), lines))
        return None

    def _listed_ready(self) -> None:
        """After the first frame: check the folders and list the rest; and open the index
        at once (unlike one briefing's, a library's is opened as soon as it can be: a
        library that large is there to be searched, and its first query's preparation takes
        a few tenths of a second)."""
        self._check_listed()
        self.want_index()

    def _listed_screen(self) -> Any:
        """The first screen: the list's first page, the rest still to come."""
        from briefing_tui.ui.screens.picker import PickerScreen

        assert self._listed is not None
        first, total = self._listed.first, self._listed.catalog.total
        return PickerScreen(first, loading=(len(first), total))

    def _listed_index(self, library: Library | None) -> SearchIndex:
        """The checked catalog's index (in the index worker: waits for the check). With a
        library (validated in memory after the check failed) there is none: the app builds."""
        listed = self._listed
        if library is not None or listed is None:
            raise LookupError("no store index for a library validated in memory")
        try:
            while True:  # a library listed again meanwhile (it changed): its new store's index
                catalog = listed.catalog
                index = catalog.search_index()
                index.prepare()  # the first query's words and forms, before anyone types
                if listed.catalog is catalog:
                    return index
        except CorruptStore:
            # Listed as the store has it, but its index is damaged: a refreshed store's.
            replacement = listed.stale()
            if not isinstance(replacement, Catalog):
                raise
            return replacement.search_index()

    @work(thread=True, exclusive=True, group="listed", description="check the library")
    def _check_listed(self) -> None:
        listed = self._listed
        assert listed is not None
        app: Any = self
        catalog = listed.catalog
        try:
            self._list_rest(catalog, len(listed.first))
            try:
                fresh = catalog.check()
            except Exception:  # a store that cannot be trusted is one that changed
                fresh = False
            if not fresh:
                replacement = listed.stale()
                if not isinstance(replacement, Catalog):
                    self._listed = None
                    app.call_from_thread(self._validate_instead, replacement)
                    return
                listed.catalog = catalog = replacement
                app.call_from_thread(self._relisted, catalog)
                self._list_rest(catalog, 0)
        except Exception as exc:
            app.call_from_thread(app._fatal, tr("Could not load the library"), [str(exc)])
            return
        app.call_from_thread(self._grow_listed, [], catalog.total, catalog.total, True)

    @work(thread=True, group="listed-index", description="open the refreshed index")
    def _reopen_index(self) -> None:
        app: Any = self
        try:
            index = self._listed_index(None)
        except Exception:  # no index: the search bar keeps saying so
            return
        app.call_from_thread(app._index_ready, index)

    def _list_rest(self, catalog: Catalog, start: int) -> None:
        """Entries from ``start`` on, to the list (the last batch still says "loading": the
        check follows)."""
        app: Any = self
        for done in range(start, catalog.total, BATCH):
            entries = catalog.entries(done, done + BATCH)
            app.call_from_thread(
                self._grow_listed, entries, done + len(entries), catalog.total, False
            )

    def _grow_listed(self, entries: list[Entry], done: int, total: int, final: bool) -> None:
        picker = self._listed_picker()
        if picker is not None:
            picker.add(entries, loading=None if final else (done, total))

    def _relisted(self, catalog: Catalog) -> None:
        """The library changed: its store was refreshed; list it again from scratch."""
        app: Any = self
        app.loaded = LazyBriefings(catalog)
        if app._index_asked:  # an index opened from the store before the check: reopen
            self._reopen_index()
        picker = self._listed_picker()
        if picker is not None:
            picker.replace([], loading=(0, catalog.total))

    def _validate_instead(self, loader: Any) -> None:
        """No fresh store: the library is validated in memory, as without one."""
        app: Any = self
        app._source = loader
        app._index_early = False
        app.loaded = {}
        picker = self._listed_picker()
        if picker is not None:
            picker.replace([], loading=(0, 0))
        app._load()

    def _listed_picker(self) -> Any:
        from briefing_tui.ui.screens.picker import PickerScreen

        app: Any = self
        return next((s for s in app.screen_stack if isinstance(s, PickerScreen)), None)
