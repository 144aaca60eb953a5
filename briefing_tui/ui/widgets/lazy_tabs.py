"""Tabs whose pages are built the first time they are shown.

Only the first page is built before the first frame; the others are built on first use, so a
tab nobody opens costs nothing (the agreements table alone brings in DataTable). Callers say
what to do with a page once it is ready, and the container runs it then, whether the page was
built long ago or is still being mounted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from briefing_tui.ui.widgets.tab_strip import TabStrip

T = TypeVar("T", bound=str)

#: Builds the page of a tab.
Factory = Callable[[T], Widget]


class LazyTabs(Vertical, Generic[T]):
    """A tab strip over pages built on demand; ``TabStrip.Chosen`` bubbles up on a click."""

    def __init__(
        self, titles: Mapping[T, str], initial: T, factory: Factory[T], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.titles = dict(titles)
        self.initial = initial
        self.factory = factory
        self.pages: dict[T, Widget] = {}
        """Pages built and mounted; the others are built on first use."""
        self._waiting: dict[T, list[Callable[[Widget], None]]] = {}

    def compose(self) -> ComposeResult:
        yield TabStrip(self.titles, self.initial, id="tab-strip")
        with ContentSwitcher(initial=self.initial, id="tab-switcher"):
            for tab in self.titles:
                with Container(id=tab, classes="tab-page"):
                    if tab == self.initial:
                        page = self.factory(tab)
                        self.pages[tab] = page
                        yield page

    @property
    def active(self) -> T:
        current = self.query_one(ContentSwitcher).current
        return current if current in self.titles else self.initial  # type: ignore[return-value]

    def show(self, tab: T, then: Callable[[Widget], None] | None = None) -> None:
        """Show ``tab``, building its page on first use; ``then`` runs once it is ready."""
        self.query_one(ContentSwitcher).current = tab
        self.query_one(TabStrip).active = tab
        self.ensure(tab, then)

    def ensure(self, tab: T, then: Callable[[Widget], None] | None = None) -> None:
        """Build ``tab``'s page if it is not built yet, without showing it; then ``then``."""
        if tab in self.pages:
            if then is not None:
                then(self.pages[tab])
            return
        building = tab in self._waiting
        self._waiting.setdefault(tab, [])
        if then is not None:
            self._waiting[tab].append(then)
        if building:
            return
        page = self.factory(tab)
        mounting = self.query_one(f"#{tab}", Container).mount(page)

        async def ready() -> None:
            await mounting
            self.pages[tab] = page
            for callback in self._waiting.pop(tab, []):
                callback(page)

        self.run_worker(ready(), group=f"build-{tab}")

    def build_rest(self, gap: float, then: Callable[[], None]) -> None:
        """Build the pages not built yet one at a time, ``gap`` seconds apart so keys pressed
        meanwhile are answered between two builds; then ``then``."""
        if self._waiting:  # a tab someone asked for is being built: it goes first, alone
            self.set_timer(gap, lambda: self.build_rest(gap, then))
            return
        missing = [tab for tab in self.titles if tab not in self.pages]
        if not missing:
            then()
            return
        # The app may be closing, its pages taken apart: a page mounted then raised MountError
        # and turned a clean quit into an internal error (seen under key floods in CI).
        holders = list(self.query(f"#{missing[0]}").results(Container))
        if not holders or not holders[0].is_mounted or not self.is_attached:
            return
        self.ensure(missing[0], lambda _: self.set_timer(gap, lambda: self.build_rest(gap, then)))

    def ensure_all(self, then: Callable[[], None]) -> None:
        """Build every page without showing it (help lists every tab's keys), then ``then``."""
        missing = {tab for tab in self.titles if tab not in self.pages}
        if not missing:
            then()
            return

        def one_ready(page: Widget) -> None:
            missing.difference_update(t for t, p in self.pages.items() if p is page)
            if not missing:
                then()

        for tab in list(missing):
            self.ensure(tab, one_ready)
