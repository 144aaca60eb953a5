"""README's "Keys" table against the live app's bindings, both ways, so neither can rot.

Each row lists keys, what they do (one description, or one per key split by " / ") and binding
ids (one, or one per key). Every key must be bound, under that id, with that description, in the
running briefing screen; every binding with an id there must appear in the table.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.binding import Binding, BindingsMap

from briefing_tui.content.loader import load_library
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.briefing import BriefingScreen

README = Path(__file__).resolve().parents[2] / "README.md"

#: (normalised key, binding id, description)
Entry = tuple[str, str, str]


@dataclass(frozen=True)
class Row:
    line: int
    entries: tuple[Entry, ...]


def normalise(key: str) -> str:
    """The key as Textual stores it once bound (``?`` -> ``question_mark``, ``}`` -> ...)."""
    (stored,) = BindingsMap([Binding(key, "noop")]).key_to_bindings
    return stored


def keys_section(readme: str) -> list[tuple[int, str]]:
    """(line number, line) of every table row under the ``## Keys`` heading."""
    lines = readme.splitlines()
    start = lines.index("## Keys")
    rows = []
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        if line.startswith("## "):
            break
        if line.startswith("|") and not set(line) <= set("|- "):
            rows.append((number, line))
    return rows[1:]  # the header row


def parse_row(number: int, line: str) -> Row:
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    assert len(cells) == 4, f"README.md:{number}: expected 4 cells, got {cells}"
    _where, keys_cell, what, ids_cell = cells
    keys = [normalise(k) for k in re.findall(r"`([^`]+)`", keys_cell)]
    ids = re.findall(r"`([^`]+)`", ids_cell)
    descriptions = [d.strip() for d in what.split(" / ")]
    assert keys, f"README.md:{number}: no key in {keys_cell!r}"
    for name, values in (("binding ids", ids), ("descriptions", descriptions)):
        assert len(values) in (1, len(keys)), (
            f"README.md:{number}: {len(keys)} keys but {len(values)} {name}"
        )
    ids = ids * len(keys) if len(ids) == 1 else ids
    descriptions = descriptions * len(keys) if len(descriptions) == 1 else descriptions
    return Row(number, tuple(zip(keys, ids, descriptions, strict=True)))


def readme_rows() -> list[Row]:
    return [parse_row(number, line) for number, line in keys_section(README.read_text())]


async def live_entries() -> set[Entry]:
    """Every binding with an id on the app, the briefing screen and all widgets inside it."""
    app = BriefingApp(load_library())
    entries: set[Entry] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen), f"no briefing on screen: {app.crash!r}"
        # Tabs are built when first opened: open each, as a reader would, before walking.
        await pilot.press("1", "3", "4", "2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for node in (app, app.screen, *app.screen.walk_children()):
            for key, binding in node._bindings:
                if binding.id:
                    entries.add((key, binding.id, binding.description))
    return entries


@pytest.fixture(scope="module")
def live() -> set[Entry]:
    return asyncio.run(live_entries())


def test_the_table_is_there_and_covers_the_reading_keys() -> None:
    documented = {entry[:2] for row in readme_rows() for entry in row.entries}
    for pair in [("q", "app.quit"), ("question_mark", "app.help"), ("slash", "search.open")]:
        assert pair in documented
    assert ("p", "pane.toggle") in documented
    assert {("j", "reader.down"), ("k", "reader.up")} <= documented


def test_every_key_in_the_readme_is_bound_to_that_action(live: set[Entry]) -> None:
    wrong = [
        f"README.md:{row.line}: {key!r} is not bound to {binding_id} ({description!r})"
        for row in readme_rows()
        for key, binding_id, description in row.entries
        if (key, binding_id, description) not in live
    ]
    assert not wrong, "\n".join(wrong)


def test_every_binding_with_an_id_is_in_the_readme(live: set[Entry]) -> None:
    documented = {entry for row in readme_rows() for entry in row.entries}
    missing = sorted(live - documented)
    assert not missing, "add these to README.md's Keys table: " + ", ".join(
        f"{key} -> {binding_id} ({description})" for key, binding_id, description in missing
    )


def test_normalise_matches_how_textual_stores_keys() -> None:
    assert normalise("?") == "question_mark"
    assert normalise("/") == "slash"
    assert normalise("}") == "right_curly_bracket"
    assert normalise("ctrl+q") == "ctrl+q"
