"""Each folder's sequence number: its place in the library's reading order, as the index keys
its items by. Numbers leave gaps, so a folder added between two keeps the others' numbers
(and their indexed items) as they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.store.library import Plan

#: Gap between neighbouring briefings' sequence numbers, so that a folder added between two
#: others gets a number between theirs without renumbering the rest.
SEQ_GAP = 1 << 16


def sequence_numbers(plan: Plan, names: list[str]) -> dict[str, int]:
    """Sequence numbers in reading order: kept for known folders, between the neighbours'
    for new ones; all renumbered (each refreshed) when there is no room."""
    known = {n: r.seq for n, r in plan.heads.items() if n not in plan.deleted}
    # The next known folder's number after each position, found in one pass from the end (a
    # scan forward from every new folder made a cold build of 10,000 quadratic).
    following: list[int | None] = [None] * len(names)
    nxt: int | None = None
    for i in range(len(names) - 1, -1, -1):
        following[i] = nxt
        if names[i] in known:
            nxt = known[names[i]]
    out: dict[str, int] = {}
    changed = set(plan.changed)
    last = 0
    for i, name in enumerate(names):
        if name in known and known[name] > last:
            out[name] = last = known[name]
            continue
        nxt = following[i]
        seq = last + SEQ_GAP if nxt is None else (last + nxt) // 2
        if seq <= last or (nxt is not None and seq >= nxt):
            # No room: number everything afresh and redo every folder.
            plan.changed = list(names)
            return {n: (k + 1) * SEQ_GAP for k, n in enumerate(names)}
        out[name] = last = seq
        if name not in changed:
            changed.add(name)
            plan.changed.append(name)
    return out
