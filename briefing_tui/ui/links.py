"""Source links: which ones ``L`` copies, and what the status line then says.

Links are copied to the analyst's own clipboard with Textual's ``copy_to_clipboard`` (OSC 52,
which travels through ssh to the analyst's terminal), and never opened: a browser started by
this process would run on the shared server, not in front of the analyst.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.content.model import Source
from briefing_tui.ui.i18n import ngettext, tr

if TYPE_CHECKING:
    from briefing_tui.ui.screens.briefing import BriefingScreen


def sources_under_cursor(screen: BriefingScreen) -> list[Source]:
    """The highlighted source on the Sources tab; elsewhere every source the item under the
    cursor cites (a paragraph, an agreement, a figure or reaction through what it refers to)."""
    view = screen.tabs.pages.get(screen.active_tab)
    if view is None:
        return []
    if screen.active_tab == "sources":
        source_id = getattr(view, "current_source", view.current_target)()  # type: ignore[attr-defined]
        return [screen.briefing.source(source_id)] if source_id else []
    target = view.current_target()  # type: ignore[attr-defined]
    found = screen.refs.attribution_of(target) if target else None
    return list(found[0]) if found else []


def copy_links(screen: BriefingScreen) -> str:
    """Copy the links of the sources under the cursor, one per line; what to tell the reader."""
    sources = sources_under_cursor(screen)
    urls = list(dict.fromkeys(s.url for s in sources if s.url))
    if not urls:
        if len(sources) == 1:
            return tr("This source has no link.")
        return tr("No link to copy: no source here has one.")
    screen.app.copy_to_clipboard("\n".join(urls))
    if len(urls) == 1:
        return tr("Copied the link: {url}", url=urls[0])
    return ngettext("Copied {n} link, one per line.", "Copied {n} links, one per line.", len(urls))
