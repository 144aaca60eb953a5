"""What ``briefing notes`` prints: lines for scripts, JSON, or a Markdown document.

Lines are five tab-separated columns, every field on one line and free of control characters
(as ``briefing search`` does)::

    mark:a   BRIEFING/ITEM   LOCATION   STATUS   (empty)
    note:3   BRIEFING/ITEM   LOCATION   STATUS   the note's text

STATUS says how the item stands against the content at PATH: ``current``, ``changed`` (its text
is not what was marked or noted), ``gone`` (no such item now) or ``unknown`` (its briefing is
not in this library).
"""

from __future__ import annotations

from briefing_tui.content.model import Briefing, Library
from briefing_tui.content.text import one_line, plain
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.state.fingerprint import item_texts, ref_status
from briefing_tui.state.model import ItemRef, Mark, Note


def notes_lines(marks: list[Mark], notes: list[Note], library: Library) -> list[str]:
    """Marks by letter, then notes oldest first, one line each."""
    return [_line(f"mark:{m.letter}", m.ref, library, "") for m in marks] + [
        _line(f"note:{n.id}", n.ref, library, n.text) for n in notes
    ]


def notes_json(marks: list[Mark], notes: list[Note], library: Library) -> dict[str, object]:
    return {
        "marks": [_mark_dict(m, library) for m in marks],
        "notes": [_note_dict(n, library) for n in notes],
    }


def _briefing(library: Library, briefing_id: str) -> Briefing | None:
    return next((b for b in library.briefings if b.id == briefing_id), None)


def _location(ref: ItemRef, library: Library) -> str:
    briefing = _briefing(library, ref.briefing)
    target = BriefingRefs(briefing).target(ref.item) if briefing else None
    if target is None:
        return ""
    return target.location if target.kind == "paragraph" else f"{target.label} ({target.location})"


def _status(ref: ItemRef, library: Library) -> str:
    return ref_status(ref, _briefing(library, ref.briefing))


def _line(kind: str, ref: ItemRef, library: Library, text: str) -> str:
    fields = [kind, ref.key, _location(ref, library), _status(ref, library), text]
    return "\t".join(one_line(f) for f in fields) + "\n"


def _mark_dict(mark: Mark, library: Library) -> dict[str, object]:
    return {
        "letter": mark.letter,
        "briefing": mark.ref.briefing,
        "item": mark.ref.item,
        "location": _location(mark.ref, library),
        "status": _status(mark.ref, library),
        "created": mark.created.isoformat(),
    }


def _note_dict(note: Note, library: Library) -> dict[str, object]:
    return {
        "id": note.id,
        "briefing": note.ref.briefing,
        "item": note.ref.item,
        "location": _location(note.ref, library),
        "status": _status(note.ref, library),
        "text": note.text,
        "created": note.created.isoformat(),
        "updated": note.updated.isoformat(),
    }


_STATUS_WORDS = {
    "changed": "*The item's text has changed since this was written.*",
    "gone": "*The item is no longer in the briefing.*",
    "unknown": "*Its briefing is not in this library.*",
}


def notes_markdown(marks: list[Mark], notes: list[Note], library: Library) -> str:
    """Notes grouped by briefing, each under its item's location and quoted current text."""
    lines = ["# Notes", ""]
    if not notes:
        lines += ["No notes yet.", ""]
    for briefing_id in dict.fromkeys(n.ref.briefing for n in notes):
        briefing = _briefing(library, briefing_id)
        lines += [f"## {plain(briefing.title) if briefing else briefing_id}", ""]
        for note in (n for n in notes if n.ref.briefing == briefing_id):
            where = _location(note.ref, library) or note.ref.item
            lines += [f"### {one_line(where)} ({note.ref.key})", ""]
            quoted = _quote(note.ref, briefing)
            if quoted:
                lines += [f"> {one_line(quoted)}", ""]
            lines += [note.text, "", f"Noted {note.updated:%Y-%m-%d %H:%M} UTC.", ""]
            status = _status(note.ref, library)
            if status in _STATUS_WORDS:
                lines += [_STATUS_WORDS[status], ""]
    if marks:
        lines += ["## Marks", ""]
        lines += [
            f"- `{m.letter}` {m.ref.key} {one_line(_location(m.ref, library))}".rstrip()
            for m in marks
        ]
        lines.append("")
    return "\n".join(lines)


def _quote(ref: ItemRef, briefing: Briefing | None) -> str | None:
    if briefing is None:
        return None
    words = item_texts(briefing).get(ref.item)
    return " ".join(w for w in words if w) if words else None
