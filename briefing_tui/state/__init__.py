"""The analyst's own layer over read-only content: marks, notes, last position, what changed.

One SQLite database per user, kept apart from the content (which this package never writes).
The UI and the command line use :class:`AnalystState`; nothing here imports textual, so every
rule is tested without a terminal.
"""

from briefing_tui.state.analyst import AnalystState, Status
from briefing_tui.state.cite import citation
from briefing_tui.state.fingerprint import item_fingerprints, note_status
from briefing_tui.state.model import Changes, ItemRef, Mark, Note, ReadState, StateInputError
from briefing_tui.state.paths import StateChoice, choose_state

__all__ = [
    "AnalystState",
    "Changes",
    "ItemRef",
    "Mark",
    "Note",
    "ReadState",
    "StateChoice",
    "StateInputError",
    "Status",
    "choose_state",
    "citation",
    "item_fingerprints",
    "note_status",
]
