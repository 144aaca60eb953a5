"""Every message the UI shows, read from its source: what the Russian catalog must cover.

Messages are found where they are written (``tr``, ``N_``, ``ngettext`` calls and the
descriptions of ``Binding`` declarations) rather than listed by hand, so a new string in the
UI without a translation fails ``test_i18n``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import briefing_tui.ui
from briefing_tui.reading.kinds import KIND_INFO
from briefing_tui.search.session import SearchSession

UI = Path(briefing_tui.ui.__file__).parent


def _wrap_notes() -> set[str]:
    """The two notes ``SearchSession.step`` returns (the search layer writes them in English)."""
    session = SearchSession.__new__(SearchSession)
    notes = set()
    for position, step in ((0, 1), (0, -1)):
        session.stops, session.position = [object()], position  # type: ignore[list-item]
        notes.add(session.step(step))
    return notes


def messages() -> tuple[set[str], set[tuple[str, str]]]:
    """(plain message ids, (singular, plural) pairs) of every UI module."""
    plain: set[str] = set()
    plurals: set[tuple[str, str]] = set()
    for path in sorted(UI.rglob("*.py")):
        if path.name.startswith("i18n"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
            if name in ("tr", "N_") and args and isinstance(args[0], str):
                plain.add(args[0])
            elif name == "ngettext" and len(args) >= 2 and isinstance(args[0], str):
                plurals.add((args[0], str(args[1])))
            elif name == "Binding":
                described = args[2] if len(args) > 2 else None
                for kw in node.keywords:
                    if kw.arg == "description" and isinstance(kw.value, ast.Constant):
                        described = kw.value.value
                if isinstance(described, str) and described:
                    plain.add(described)
    plain |= {info.title for info in KIND_INFO.values()}
    plain |= _wrap_notes()
    return plain, plurals
