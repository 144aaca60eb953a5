"""The keystroke benchmark measures what it says: a real browser on a pty, key by key."""

from __future__ import annotations

from benchmarks import keystroke
from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.search import SearchIndex


def test_every_keystroke_that_changes_the_count_is_timed() -> None:
    index = SearchIndex.build(load_library().library)
    expected = 0
    for query in keystroke.QUERIES:
        previous = None
        for end in range(1, len(query) + 1):
            total = index.search(query[:end]).total
            expected += total != previous and total > 0
            previous = total
    samples = keystroke.measure(bundled_content_path(), open_first=False, rounds=2)
    assert len(samples) == 2 * expected  # every query typed twice in the same browser
    assert all(s > 0 for s in samples)  # each count was seen on screen (else measure raises)


def test_count_text_matches_the_search_bar() -> None:
    assert keystroke.count_text(1) == b"1 hit "
    assert keystroke.count_text(12) == b"12 hits "
