"""Back/forward after jumps, like a browser's history or vim's jump list.

Positions are item ids. Moving the cursor is not a jump, so the newest entry is always treated as
"where you are now": going back from a spot you scrolled to returns to where the jump came from.
"""

from __future__ import annotations


class History:
    def __init__(self) -> None:
        self._back: list[str] = []
        self._forward: list[str] = []

    def _here(self, position: str | None) -> None:
        if position is None:
            return
        if self._back:
            self._back[-1] = position
        else:
            self._back.append(position)

    def start(self, position: str | None) -> None:
        """Where reading begins."""
        self._here(position)

    def jumped(self, origin: str | None, target: str) -> None:
        """A jump from ``origin`` to ``target``: a new branch, so forward history is dropped."""
        self._here(origin)
        if not self._back or self._back[-1] != target:
            self._back.append(target)
        self._forward.clear()

    def back(self, current: str | None) -> str | None:
        self._here(current)
        if len(self._back) < 2:
            return None
        self._forward.append(self._back.pop())
        return self._back[-1]

    def forward(self) -> str | None:
        if not self._forward:
            return None
        target = self._forward.pop()
        self._back.append(target)
        return target
