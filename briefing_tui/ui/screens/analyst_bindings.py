"""The keys of the analyst's own layer (issue #17); their actions are in ``analyst_keys``."""

from __future__ import annotations

from textual.binding import Binding

#: The keys; BriefingScreen lists them in its BINDINGS (Textual reads widget classes only).
#: Those that open a prompt are priority bindings, handled as the key reaches the app (as
#: ``/`` is): ``ma`` typed fast, or arriving in one packet over ssh, must give the ``a`` to the
#: prompt, not to the view underneath while the prompt is still being pushed.
ANALYST_BINDINGS = [
    Binding("m", "mark", "Mark this place (then a letter)", show=False, priority=True,
            id="marks.set"),
    Binding("apostrophe", "goto_mark", "Go to a mark (then its letter; ' again: back)",
            show=False, priority=True, id="marks.goto"),
    Binding("A", "note", "Write or edit your note here", show=False, priority=True,
            id="notes.edit"),
    Binding("ctrl+n", "notes", "All your notes", show=False, priority=True, id="notes.list"),
    Binding("y", "copy_citation", "Copy a citation to your clipboard", show=False,
            id="cite.copy"),
    Binding("c", "next_change", "Next change since you last read", show=False,
            id="changes.next"),
    Binding("C", "previous_change", "Previous change since you last read", show=False,
            id="changes.previous"),
]  # fmt: skip

#: Priority actions that are text, not commands, while a text box has focus (the search bar).
TYPED = frozenset({"mark", "goto_mark", "note"})
