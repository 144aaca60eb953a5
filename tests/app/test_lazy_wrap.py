"""The reader finds line breaks for the whole report but draws only the lines it shows: the
lines it draws must be exactly those Rich's own wrap gives, at every width."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from briefing_tui.content.loader import load_library
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.widgets.report_blocks import Block, Wrapped, build_blocks, wrap_block

DATA = Path(__file__).parents[1] / "data"
WIDTHS = (1, 3, 20, 58, 77, 119, 300)


def rich_wrap(block: Block, width: int, console: Console) -> list[list[object]]:
    """Rich's wrap, drawn as the reader drew every line before it wrapped lazily."""
    from textual.strip import Strip

    return [
        list(Strip(line.render(console, end="")).adjust_cell_length(width))
        for line in block.text.wrap(console, width, overflow="fold")
    ]


def libraries() -> list[Path | None]:
    return [None, DATA / "library-v2", DATA / "library-forms"]


@pytest.mark.parametrize("folder", libraries(), ids=lambda p: p.name if p else "bundled")
def test_every_block_draws_as_richs_wrap_at_every_width(folder: Path | None) -> None:
    console = Console(width=80)
    result = load_library(folder) if folder else load_library()
    for briefing in result.library.briefings:
        refs = BriefingRefs(briefing)
        marks = {p.id: [(0, 4)] for s in briefing.sections for p in s.paragraphs}
        for block in build_blocks(briefing, refs, None, marks, {}):
            for width in WIDTHS:
                lines, starts = wrap_block(block, width, console)
                assert [list(strip) for strip in lines] == rich_wrap(block, width, console)
                assert starts == sorted(starts)
                assert len(starts) == len(lines)


@pytest.mark.parametrize(
    "plain",
    [
        "short",
        "a word wider than the line: Donaudampfschifffahrtsgesellschaftskapitän ends",
        "line one\n\nline three after a blank\n",
        "  indented   runs of   spaces   ",
        "中国与俄罗斯签署了多项协议，涉及能源、交通和金融领域。",
        "Визит Си Цзиньпина в Россию: соглашения о сотрудничестве",
        "\n",
        "",
    ],
)
def test_odd_text_draws_as_richs_wrap(plain: str) -> None:
    console = Console(width=80)
    text = Text(plain)
    text.stylize("bold", 0, min(3, len(plain)))
    block = Block("p", text)
    for width in WIDTHS:
        lines, _ = wrap_block(block, width, console)
        assert isinstance(lines, Wrapped)
        assert [list(strip) for strip in lines] == rich_wrap(block, width, console)


def test_lines_are_drawn_only_when_one_is_asked_for() -> None:
    console = Console(width=80)
    lines, _ = wrap_block(Block("p", Text("one two three four five six")), 5, console)
    assert isinstance(lines, Wrapped)
    assert len(lines) == 6 and lines.drawn == 0  # counted, not drawn
    assert lines[2].text.rstrip() == "three"
    assert lines.drawn == 1  # that line only: the rest of a tall paragraph may be off screen
    assert lines[-1].text.rstrip() == "six" and lines.drawn == 2
    assert [strip.text.rstrip() for strip in lines[1:4]] == ["two", "three", "four"]
    assert lines.drawn == 4
    assert lines[2] is lines[2]  # drawn once
    with pytest.raises(IndexError):
        lines[6]
