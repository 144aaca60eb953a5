"""Choose a briefing when the library holds more than one: type to filter, Enter opens."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing_tui.content.model import Briefing
from briefing_tui.reading.dates import format_range
from briefing_tui.state.model import ReadState
from briefing_tui.store.catalog import Entry
from briefing_tui.ui.i18n import ngettext, tr
from briefing_tui.ui.messages import OpenBriefing
from briefing_tui.ui.render import text
from briefing_tui.ui.widgets._shared import step_cursor
from briefing_tui.ui.widgets.key_bar import KeyBar
from briefing_tui.ui.widgets.steady_list import SteadyOptionList

#: From this many briefings on, the filter runs in a worker (matching 10,000 takes ~0.5 s).
BIG = 1000
#: The most briefings listed at once: the list wraps every entry it holds to measure it
#: (~1.5 ms each), so 10,000 would take 15 s; beyond these, typing narrows the list.
SHOWN = 60


def briefing_prompt(
    briefing: Briefing | Entry, read: ReadState | None = None, updated: bool = False
) -> Text:
    prompt = text(briefing.title, "bold")
    dates = format_range(briefing.start, briefing.end, language=briefing.language)
    prompt.append(f"\n  {dates}", style="dim")
    if read is not None and read.last_read is not None:
        when = f"{read.last_read:%Y-%m-%d %H:%M}"
        prompt.append("  · " + tr("last read {when} UTC", when=when), style="dim")
    if updated:
        prompt.append("  " + tr("updated since"), style="bold yellow")
    prompt.append("\n  ")
    prompt.append(text(briefing.summary))
    return prompt


def matches(briefing: Briefing | Entry, needle: str) -> bool:
    """Every word of ``needle`` matches a word of the briefing's id, title, summary or tags.

    Matched as search matches (case, accents, ё, other forms of a word in the briefing's
    language, the last word as a prefix while typed), so the picker and ``/`` agree.
    """
    if not needle.strip():
        return True  # the whole list (and the word matcher not loaded before the first frame)
    from briefing_tui.search import match_words

    haystack = " ".join((briefing.id, briefing.title, briefing.summary, *briefing.tags))
    return match_words(needle, haystack, briefing.language) is not None


class PickerScreen(Screen[None]):
    """The library's briefings; the filter box keeps focus so typing narrows the list."""

    BINDINGS = [
        Binding("down", "move(1)", "Next", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="picker.up"),
        Binding("enter", "open", "Open", id="picker.open"),
    ]

    def __init__(
        self, briefings: Sequence[Briefing | Entry], *, loading: tuple[int, int] | None = None
    ) -> None:
        super().__init__()
        #: Briefings, or their list entries when the library is listed from its store.
        self.briefings: list[Briefing | Entry] = list(briefings)
        #: ``(folders done, folders in all)`` while the library is still validating. (Not named
        #: ``loading``: that is Widget's reactive that swaps the screen for a spinner.)
        self.load_state = loading
        #: The analyst's last visit to each briefing, and those changed since (issue #17).
        self.reads: dict[str, ReadState] = {}
        self.updated: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static(id="picker-title")
        yield Input(placeholder=tr("filter…"), id="picker-filter")
        yield SteadyOptionList(markup=False, id="picker-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self._title()
        self._refill("")
        self.query_one(Input).focus()
        self._read_state()

    def on_screen_resume(self) -> None:
        if self.is_mounted:  # back from a briefing: its read was just recorded
            self._read_state()

    def _prompt(self, briefing: Briefing | Entry) -> Text:
        return briefing_prompt(briefing, self.reads.get(briefing.id), briefing.id in self.updated)

    def _read_state(self) -> None:
        """Last-read times now (one query); the "updated" badges from a worker, since telling
        needs a fingerprint of every item of every briefing read before."""
        session = getattr(self.app, "analyst", None)
        if session is None or session.state.status == "off":
            return
        self.reads = session.state.last_positions()
        self._refill(self.query_one(Input).value, keep=True)
        read = [(b.id, self.reads[b.id].fingerprint) for b in self.briefings if b.id in self.reads]
        self._find_updated(read)

    @work(thread=True, exclusive=True, group="picker-updated", description="updated badges")
    def _find_updated(self, read: list[tuple[str, str | None]]) -> None:
        from briefing_tui.state.fingerprint import briefing_fingerprint, item_fingerprints

        loaded: Any = getattr(self.app, "loaded", {})  # read from a store when listed so
        updated = set()
        for briefing_id, seen in read:
            try:
                briefing = loaded[briefing_id] if seen is not None else None
            except Exception:  # gone, or broken since: no badge to show
                continue
            if briefing is not None and briefing_fingerprint(item_fingerprints(briefing)) != seen:
                updated.add(briefing_id)
        self.app.call_from_thread(self._updated_found, updated)

    def _updated_found(self, updated: set[str]) -> None:
        if updated != self.updated:
            self.updated = updated
            self._refill(self.query_one(Input).value, keep=True)

    def _title(self) -> None:
        count = len(self.briefings)
        line = ngettext(
            "{n} briefing — type to filter, Enter opens",
            "{n} briefings — type to filter, Enter opens",
            count,
        )
        if self.load_state is not None:
            done, total = self.load_state
            line += tr("  (loading {done} of {total}…)", done=done, total=total)
        elif count > SHOWN and self.query_one(OptionList).option_count >= SHOWN:
            line += tr("  (first {shown} shown)", shown=SHOWN)
        self.query_one("#picker-title", Static).update(Text(line, style="bold"))

    def add(self, briefings: Sequence[Briefing | Entry], loading: tuple[int, int] | None) -> None:
        """More briefings have been validated: list them without moving the cursor."""
        self.briefings.extend(briefings)
        self.load_state = loading
        needle = self.query_one(Input).value
        option_list = self.query_one(OptionList)
        room = SHOWN - option_list.option_count
        if room > 0:
            chosen = islice((b for b in briefings if matches(b, needle)), room)
            option_list.add_options(Option(self._prompt(b), id=b.id) for b in chosen)
        if option_list.highlighted is None and option_list.option_count:
            option_list.highlighted = 0
        self._title()

    def replace(
        self, briefings: Sequence[Briefing | Entry], loading: tuple[int, int] | None = None
    ) -> None:
        """The library was listed again (it changed since its store was written, or under
        ``--watch``): list it anew, the cursor on the same briefing when it is still there."""
        option_list = self.query_one(OptionList)
        current = (
            option_list.get_option_at_index(option_list.highlighted).id
            if option_list.highlighted is not None
            else None
        )
        self.briefings = list(briefings)
        self.load_state = loading
        self._refill(self.query_one(Input).value)
        ids = [option_list.get_option_at_index(i).id for i in range(option_list.option_count)]
        if current in ids:
            option_list.highlighted = ids.index(current)
        if loading is None:
            self._read_state()

    def _refill(self, needle: str, keep: bool = False) -> None:
        option_list = self.query_one(OptionList)
        before = option_list.highlighted
        chosen = islice((b for b in self.briefings if matches(b, needle)), SHOWN)
        option_list.set_options(Option(self._prompt(b), id=b.id) for b in chosen)
        if option_list.option_count:
            kept = before if keep and before is not None else 0
            option_list.highlighted = min(kept, option_list.option_count - 1)
        self._title()

    def on_input_changed(self, event: Input.Changed) -> None:
        if len(self.briefings) >= BIG:
            self._filter(event.value, list(self.briefings))
        else:
            self._refill(event.value)

    @work(thread=True, exclusive=True, group="picker-filter", description="filter the list")
    def _filter(self, needle: str, briefings: list[Briefing | Entry]) -> None:
        """A large list filtered off the UI thread; a newer keystroke cancels this one."""
        worker = get_current_worker()
        options = []
        for n, briefing in enumerate(briefings):
            if n % 256 == 0 and worker.is_cancelled:
                return
            if matches(briefing, needle):
                options.append(Option(self._prompt(briefing), id=briefing.id))
                if len(options) == SHOWN:
                    break
        self.app.call_from_thread(self._filtered, needle, options)

    def _filtered(self, needle: str, options: list[Option]) -> None:
        if needle != self.query_one(Input).value:
            return  # typed on since: a newer filter is on its way
        option_list = self.query_one(OptionList)
        option_list.set_options(options)
        if option_list.option_count:
            option_list.highlighted = 0
        self._title()

    def action_move(self, step: int) -> None:
        step_cursor(self.query_one(OptionList), step)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(OpenBriefing(event.option.id))

    def action_open(self) -> None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None:
            return
        option_id = option_list.get_option_at_index(option_list.highlighted).id
        if option_id:
            self.post_message(OpenBriefing(option_id))
