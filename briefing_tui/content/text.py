"""The one character policy: which characters may never reach a terminal.

Content is checked against it at load time (an author gets an error), and everything that is
shown or printed passes through it again on the way out (a search query typed by the user, a
snippet cut from content), so the rule lives here once and every layer above imports it.
"""

from __future__ import annotations

import re
import unicodedata

#: Characters that may never reach a terminal: C0 controls other than tab and newline, DEL, the
#: C1 range, and the bidi overrides/isolates that can make text display differently from how it
#: reads (CVE-2021-42574 "Trojan Source"). One compiled character class, not a Python loop
#: over characters: every text of every briefing passes through it (loading the bundled
#: briefing went from 10.4 to 8.1 ms).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: The same class plus tab and newline: what must not appear inside one line of output.
UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def unsafe_character(text: str) -> tuple[int, str] | None:
    """Return ``(index, description)`` of the first character that must not be displayed."""
    found = UNSAFE.search(text)
    if found is None:
        return None
    char = found.group()
    name = unicodedata.name(char, "control character")
    return found.start(), f"U+{ord(char):04X} {name}"


def plain(text: str) -> str:
    """Drop characters a terminal would interpret rather than print."""
    return UNSAFE.sub("", text)


def one_line(text: str) -> str:
    """Every unsafe character, tab and newline included, as a space: offsets are unchanged."""
    return UNSAFE_IN_LINE.sub(" ", text)
