"""Our line breaks are Rich's, for any text: the reader's lines must be the lines Rich's wrap
would draw (tests/app/test_lazy_wrap.py draws them); only the cache of cell lengths is gone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line
from rich.cells import cached_cell_len

from briefing_tui.ui.line_breaks import line_breaks, width_of

#: Letters of several scripts and widths, spaces of several kinds, joiners and selectors.
_ALPHABET = st.sampled_from(
    list("ab Z9.,-—«»")
    + list("Вид ёЖ")
    + list("中国俄罗斯，。")
    + ["\u3000", "\xa0", " ", "  "]
    + ["\u200d", "\ufe0f", "👩", "🔬", "\u0301", "é", "ﾊ", "\u200b"]
)
_LINES = st.lists(_ALPHABET, max_size=120).map("".join)


@settings(max_examples=400, deadline=None)
@given(line=_LINES, width=st.integers(min_value=1, max_value=90))
def test_breaks_are_richs(line: str, width: int) -> None:
    assert line_breaks(line, width) == divide_line(line, width, fold=True)


@settings(max_examples=200, deadline=None)
@given(word=_LINES)
def test_widths_are_richs(word: str) -> None:
    assert width_of(word) == cached_cell_len(word)


def test_a_long_report_leaves_richs_cache_of_cell_lengths_alone() -> None:
    words = [f"word{n}" for n in range(5000)] + [f"слово{n}" for n in range(5000)]
    cached_cell_len.cache_clear()
    breaks = line_breaks(" ".join(words), 77)
    assert breaks and cached_cell_len.cache_info().currsize == 0


def test_a_word_wider_than_the_line_is_folded_as_rich_folds_it() -> None:
    line = "see Donaudampfschifffahrtsgesellschaftskapitän 中国俄罗斯中国俄罗斯 end"
    for width in (1, 2, 3, 7, 10):
        assert line_breaks(line, width) == divide_line(line, width, fold=True)
