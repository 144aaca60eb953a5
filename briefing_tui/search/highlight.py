"""Finding and highlighting matches: a literal regex per term, run over folded text, with the
spans mapped back to the original so the UI can highlight in place.

Split from the index so the TUI can highlight the reading view with :func:`match_spans` without
building an index, and so the rules live next to the tokeniser rules they must agree with.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from briefing_tui.content.record import record
from briefing_tui.search.query import Query, QueryError, Term, parse_query
from briefing_tui.search.text import CJK_CHAR, fold_with_map, is_cjk

Span = tuple[int, int]

#: Characters of context a snippet shows around its first match.
SNIPPET_WIDTH = 160


def _is_word_char(char: str) -> bool:
    """Letters and digits continue a word; CJK characters do not (each is a word of its own)."""
    return char.isalnum() and not CJK_CHAR.match(char)


@record(slots=True)
class Matcher:
    """How one term is found in folded text, with word boundaries that agree with tokens().

    ``fast`` uses plain ``\\w`` boundaries and handles all text without CJK characters. Where
    CJK is present, a CJK character also ends a word ("abc中" holds the word "abc"), which a
    lookbehind can only express with a character class that costs ~1.5 ms to compile, too much
    per keystroke; so ``slow`` finds the bare literal and the boundaries are checked in Python.
    """

    fast: re.Pattern[str]
    slow: re.Pattern[str]
    check_start: bool
    check_end: bool
    #: Stretch a prefix match to the end of the word it starts.
    extend: bool = False

    def spans(
        self, folded: str, has_cjk: bool | None = None, pos: int = 0, endpos: int | None = None
    ) -> list[Span]:
        """(start, end) of each match in already-folded text; pass ``has_cjk`` if known.

        With ``pos``/``endpos`` only that stretch is searched; a match cut off by ``endpos``
        is dropped rather than reported short.
        """
        if has_cjk is None:
            has_cjk = not folded.isascii() and CJK_CHAR.search(folded) is not None
        end = len(folded) if endpos is None or endpos > len(folded) else endpos
        if not has_cjk:
            found = [m.span() for m in self.fast.finditer(folded, pos, end) if m.end() > m.start()]
        else:
            found = list(self._checked(folded, pos, end))
        if end < len(folded) and found and found[-1][1] == end:
            found.pop()
        return found

    def found_in(self, folded: str, has_cjk: bool | None = None) -> bool:
        """True when the term occurs in the folded text at least once."""
        if has_cjk is None:
            has_cjk = not folded.isascii() and CJK_CHAR.search(folded) is not None
        if not has_cjk:
            return self.fast.search(folded) is not None
        return next(self._checked(folded, 0, len(folded)), None) is not None

    def first(self, folded: str, has_cjk: bool) -> int | None:
        """Where the first match starts, or None."""
        if not has_cjk:
            match = self.fast.search(folded)
            return match.start() if match is not None else None
        return next((start for start, _ in self._checked(folded, 0, len(folded))), None)

    def _checked(self, folded: str, pos: int, endpos: int) -> Iterator[Span]:
        """Matches of the bare literal whose word boundaries hold, checked in Python."""
        while (match := self.slow.search(folded, pos, endpos)) is not None:
            start, end = match.span()
            if (
                end > start
                and not (self.check_start and start > 0 and _is_word_char(folded[start - 1]))
                and not (self.check_end and end < len(folded) and _is_word_char(folded[end]))
            ):
                if self.extend:
                    while end < len(folded) and _is_word_char(folded[end]):
                        end += 1
                yield start, end
                pos = end
            else:
                pos = start + 1


@lru_cache(maxsize=2048)
def term_matcher(term: Term) -> Matcher:
    """The matcher for one term: words joined by punctuation/space (by nothing between CJK).

    A one-word term with other forms, relatives or typo neighbours (filled in by the index)
    matches any of
    them as a whole word, so the inflected forms the engine found are the ones highlighted."""
    words = term.words
    if (term.forms or term.family or term.near) and len(words) == 1 and not is_cjk(words[0]):
        return _forms_matcher(words[0], term.prefix, term.forms + term.family + term.near)
    joiner = r"[\W_]*" if any(is_cjk(w) for w in words) else r"[\W_]+"
    parts = [re.escape(w) for w in words]
    body = joiner.join(parts)
    check_start = not is_cjk(words[0])
    check_end = not (term.prefix or is_cjk(words[-1]))
    # A prefix still being typed highlights the whole word it starts ("resum" -> "resumed").
    extend = term.prefix and not is_cjk(words[-1])
    # The start check is a lookbehind placed *after* the first word: a pattern that begins
    # with a literal lets the regex engine skip ahead to candidates (about 15x faster).
    fast = (
        parts[0]
        + (f"(?<![^\\W_]{parts[0]})" if check_start else "")
        + body[len(parts[0]) :]
        + (r"(?![^\W_])" if check_end else "")
        + (r"[^\W_]*" if extend else "")
    )
    return Matcher(re.compile(fast), re.compile(body), check_start, check_end, extend)


def _forms_matcher(word: str, prefix: bool, others: tuple[str, ...]) -> Matcher:
    """One word or any of ``others``, each a whole word (the word itself a prefix if typed).

    The shared start is written once, before the alternatives, so the pattern still begins
    with a literal the regex engine can skip ahead to; the longest alternative comes first, so
    the boundary-checked slow path (CJK text) sees a whole form before a shorter one."""
    candidates = sorted({word, *others}, key=lambda w: (-len(w), w))
    common = os.path.commonprefix(candidates)  # noqa: RUF071  (characters are wanted)
    lead = re.escape(common)
    fast_alts, slow_alts = [], []
    for candidate in candidates:
        rest = re.escape(candidate[len(common) :])
        slow_alts.append(rest)
        if prefix and candidate == word:
            fast_alts.append(rest + r"[^\W_]*")
        else:
            fast_alts.append(rest + r"(?![^\W_])")
    behind = f"(?<![^\\W_]{lead})" if common else r"(?<![^\W_])"
    fast = f"{lead}{behind}(?:{'|'.join(fast_alts)})"
    slow = f"{lead}(?:{'|'.join(slow_alts)})"
    return Matcher(re.compile(fast), re.compile(slow), True, not prefix, prefix)


def find_spans(
    folded: str,
    query: Query,
    has_cjk: bool | None = None,
    pos: int = 0,
    endpos: int | None = None,
) -> list[Span]:
    """Merged spans of every positive term of ``query`` in already-folded text."""
    spans: list[Span] = []
    for term in query.terms:
        spans.extend(term_matcher(term).spans(folded, has_cjk, pos, endpos))
    return _merge(spans)


def _merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted spans with overlapping or touching ones joined, so no character is marked twice."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def match_spans(text: str, query: Query | str) -> list[Span]:
    """Every match of the query's words and phrases in ``text``, as sorted (start, end) offsets.

    Offsets index the original ``text`` (not its folded form), so the UI can highlight in place.
    Excluded words and filters are not highlighted. A malformed query highlights nothing.
    """
    if isinstance(query, str):
        try:
            query = parse_query(query)
        except QueryError:
            return []
    if not query.terms or not text:
        return []
    folded, index = fold_with_map(text)
    spans = find_spans(folded, query)
    if index is None:
        return spans
    return _merge((index[start], index[end - 1] + 1) for start, end in spans)


def original_spans(text: str, folded_spans: list[Span], aligned: bool = False) -> list[Span]:
    """Spans found in ``fold(text)`` moved onto ``text`` itself."""
    if not folded_spans or aligned or text.isascii():
        return folded_spans
    _, index = fold_with_map(text)
    if index is None:
        return folded_spans
    return _merge((index[start], index[end - 1] + 1) for start, end in folded_spans)


def snippet_window(text: str, first: int, width: int = SNIPPET_WIDTH) -> tuple[int, int]:
    """The stretch of ``text`` a snippet shows: from a little before ``first`` (the first
    match), about ``width`` characters, both ends moved to spaces where possible."""
    if len(text) <= width:
        return 0, len(text)
    start = max(0, first - width // 3)
    if start > 0:
        space = text.rfind(" ", max(0, start - 20), first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    return start, end


def snippet(
    text: str, spans: Sequence[Span], window: tuple[int, int] | None = None
) -> tuple[str, list[Span]]:
    """A one-line window of ``text`` around its first span, with "…" where it was cut, and the
    spans moved into it. Newlines and tabs become spaces one for one, so offsets stay valid.
    ``window`` is the stretch to show, if already chosen with :func:`snippet_window`."""
    start, end = window or snippet_window(text, spans[0][0] if spans else 0)
    body = text[start:end]
    if "\n" in body or "\t" in body or "\r" in body:
        body = body.translate(_FLATTEN)
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    moved = [
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end
    ]
    return f"{lead}{body}{tail}", moved


_FLATTEN = str.maketrans({"\n": " ", "\t": " ", "\r": " "})


@lru_cache(maxsize=256)
def adjacency_term(query: Query) -> Term | None:
    """For an unquoted multi-word query: its words as a phrase, to rank phrase hits first."""
    words = [t for t in query.terms if not t.phrase and len(t.words) == 1]
    if len(words) < 2 or len(words) != len(query.terms):
        return None
    return Term(tuple(w.words[0] for w in words), phrase=True, prefix=words[-1].prefix)
