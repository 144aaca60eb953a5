"""What the briefing screen offers the mixins it is made of, for type checking only.

:class:`~briefing_tui.ui.screens.analyst_keys.AnalystKeys` and
:class:`~briefing_tui.ui.screens.search_keys.SearchKeys` each own one side of the briefing
screen's keys; both call back into the screen (jump, status line, views). Declaring that here
once keeps the two from drifting apart. Nothing exists at run time but an empty base class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

    from briefing_tui.content.model import Briefing
    from briefing_tui.reading.refs import BriefingRefs
    from briefing_tui.ui.widgets.tab_views import TabView


class BriefingScreenParts:
    """A base of the briefing screen's mixins; see the module docstring."""

    if TYPE_CHECKING:  # provided by the BriefingScreen these are mixed into
        app: App[object]
        briefing: Briefing
        refs: BriefingRefs

        def jump(
            self, target_id: str, *, record: bool = True, span: tuple[int, int] | None = None
        ) -> bool: ...
        def current_position(self) -> str | None: ...
        def set_status(self, message: str) -> None: ...
        def view(self, tab: str) -> TabView: ...
        def query_one(self, selector: type, /) -> object: ...
        def post_message(self, message: object) -> bool: ...

        @property
        def active_tab(self) -> str: ...
