"""Answers an index has given lately, kept to be given again.

Every query typed starts as one letter, and a lone letter is the dearest query there is: at
10,000 briefings ``t`` matches 746,000 items, which tantivy counts and ranks in 17-27 ms before
the results list is drawn, against 2-6 ms for ``tr``. A person also comes back to what they
typed: Backspace over ``powe`` asks for ``pow`` again, and every new query starts over from a
letter. An index never changes once open (a store that changes is opened anew), so its answer to
a query text does not change either, and one kept is as good as one computed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

T = TypeVar("T")

#: Answers kept. Each holds its ranked rows (a few hundred tuples) and the hits built so far.
KEPT = 64


class Recent(Generic[T]):
    """A small least-recently-used map, safe to share between the UI's searching threads."""

    def __init__(self, kept: int = KEPT) -> None:
        self._kept = kept
        self._lock = threading.Lock()
        self._answers: OrderedDict[Hashable, T] = OrderedDict()

    def get(self, key: Hashable) -> T | None:
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, key: Hashable, answer: T) -> None:
        with self._lock:
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self._kept:
                self._answers.popitem(last=False)

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._answers

    def __len__(self) -> int:
        with self._lock:
            return len(self._answers)
