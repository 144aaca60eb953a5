"""Where Rich's wrap breaks a line, found without filling Rich's cache of cell lengths.

The reader lays out every block of a report right after the first frame. Rich's own
``divide_line`` measured each word with ``cached_cell_len``, an LRU cache of 4,096 strings: the
whole bundled briefing put its words there, ~0.5 MiB allocated in the 50 ms after the first
frame, a third of what the browser's memory grew by then (tracemalloc). Words here are measured
directly: a printable ASCII word's length is its width, and
any other word is summed from the per-character cache, which stays as small as the alphabet.

The rules are Rich's (``rich._wrap.divide_line``, which a property test compares this with):
a line is cut into words, each with the spaces before and after it; a word that does not fit
the rest of the line starts the next one; a word wider than a line is folded across lines.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells, get_character_cell_size

_WORD = re.compile(r"\s*\S+\s*")
#: Characters that make a run of characters narrower or wider than the sum of its characters
#: (zero width joiner, variation selector 16): such words are measured by Rich as a whole.
_JOINERS = ("\u200d", "\ufe0f")


def width_of(word: str) -> int:
    """Terminal cells ``word`` takes, as Rich's ``cell_len`` says, without caching the word."""
    if word.isascii():
        return len(word) if word.isprintable() else cell_len(word)
    if any(joiner in word for joiner in _JOINERS):
        return cell_len(word)
    return sum(map(get_character_cell_size, word))


def line_breaks(line: str, width: int) -> list[int]:
    """Offsets in ``line`` (no newlines) where a new line starts at ``width`` cells."""
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        stripped = word.rstrip()
        need = width_of(stripped)
        if width - used >= need:
            used += need if len(stripped) == len(word) else width_of(word)
        elif need > width:  # wider than any line: folded, its last piece starts the line
            pieces = chop_cells(word, width)
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            used = width_of(pieces[-1])
        elif used and start:
            breaks.append(start)
            used = width_of(word)
    return breaks
