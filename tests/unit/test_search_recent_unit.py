"""The kept answers' map: bounded, least recently used first out, and the dearest letters."""

from __future__ import annotations

import threading

from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.search import SearchIndex
from briefing_tui.search.recent import Recent


def test_the_least_recently_used_answer_leaves_first() -> None:
    recent: Recent[int] = Recent(kept=3)
    for key in "abc":
        recent.put(key, ord(key))
    assert recent.get("a") == ord("a")  # now the most recent
    recent.put("d", 4)
    assert "b" not in recent
    assert [k for k in "acd" if k in recent] == ["a", "c", "d"]
    assert len(recent) == 3
    assert recent.get("b") is None


def test_threads_sharing_it_keep_it_bounded() -> None:
    recent: Recent[int] = Recent(kept=16)

    def fill(offset: int) -> None:
        for i in range(2000):
            recent.put(offset + i, i)
            recent.get(offset + i // 2)

    threads = [threading.Thread(target=fill, args=(n * 10_000,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(recent) == 16


def test_costly_letters_are_the_first_letters_most_items_use() -> None:
    index = SearchIndex.build(load_library(bundled_content_path()).library)
    everything = index.costly_letters(1)
    assert everything and len(set(everything)) == len(everything)
    assert "g" in everything
    # A lone letter matches at least every item with a word of the text starting with it.
    totals = {letter: index.search(letter).total for letter in everything}
    assert all(total > 0 for total in totals.values())
    top = max(totals.values())
    dear = index.costly_letters(top // 2)
    assert dear and set(dear) < set(everything)
    assert all(totals[letter] >= top // 2 for letter in dear)
    assert everything[: len(dear)] == dear  # the most used first
    assert index.costly_letters(10**9) == []
