"""Fingerprints of what the analyst read: which items changed since, and whether a note's did.

A fingerprint is a hash of the words a reader sees for an item (a paragraph's label, text and
gap note; an agreement's title, text and status; a source's title, outlets and note), not of
its file: re-ordering TOML keys or fixing a source list elsewhere does not mark a paragraph as
changed, and a new content field cannot mark every item as changed at once.
"""

from __future__ import annotations

import json

from briefing_tui.content.digest import sha256
from briefing_tui.content.model import Briefing
from briefing_tui.state.model import ItemRef, Note, NoteStatus


def item_texts(briefing: Briefing) -> dict[str, list[str | None]]:
    """What a reader sees of each paragraph, agreement and source, in reading order."""
    texts: dict[str, list[str | None]] = {}
    for _section, p in briefing.paragraphs():
        texts[p.id] = [p.label, p.text, p.gap]
    for a in briefing.agreements:
        texts[a.id] = [a.title, a.text, a.status.value, a.gap]
    for s in briefing.sources:
        texts[s.id] = [s.title, *s.outlets, s.note, s.url]
    return texts


def fingerprint_of(words: list[str | None]) -> str:
    """128 bits of SHA-256 over the words as JSON (unambiguous where they join)."""
    data = json.dumps(words, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return sha256(data).hexdigest()[:32]


def item_fingerprints(briefing: Briefing) -> dict[str, str]:
    """Every citable item's fingerprint, in reading order."""
    return {item: fingerprint_of(words) for item, words in item_texts(briefing).items()}


def briefing_fingerprint(prints: dict[str, str]) -> str:
    """One fingerprint for the whole briefing: the picker's "updated" badge compares it."""
    return fingerprint_of(sorted(f"{k}={v}" for k, v in prints.items()))


def ref_to(briefing: Briefing, item_id: str) -> ItemRef:
    """An :class:`ItemRef` carrying the item's fingerprint now (``None`` if it has no text)."""
    return ItemRef(briefing.id, item_id, item_fingerprints(briefing).get(item_id))


def note_status(note: Note, briefing: Briefing | None) -> NoteStatus:
    """``changed`` when the item's text is not what the note was written against.

    ``gone`` when the item no longer exists, ``unknown`` when its briefing is not loaded.
    """
    return ref_status(note.ref, briefing)


def ref_status(ref: ItemRef, briefing: Briefing | None) -> NoteStatus:
    """How a noted or marked item stands against ``briefing`` as loaded now."""
    if briefing is None or briefing.id != ref.briefing:
        return "unknown"
    prints = item_fingerprints(briefing)
    if ref.item not in prints:
        return "current" if ref.fingerprint is None and _exists(briefing, ref.item) else "gone"
    if ref.fingerprint is not None and prints[ref.item] != ref.fingerprint:
        return "changed"
    return "current"


def _exists(briefing: Briefing, item_id: str) -> bool:
    """Sections, figures and reactions carry no fingerprint but can still be marked."""
    from briefing_tui.reading.refs import BriefingRefs

    return BriefingRefs(briefing).target(item_id) is not None
