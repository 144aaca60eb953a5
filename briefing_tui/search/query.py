"""The query language of search, parsed into a :class:`Query`.

Grammar, informally (items are separated by spaces)::

    word            every word must match (case- and accent-insensitive)
    "exact phrase"  the words in this order, nothing but spaces/punctuation between them
    -word -"a b"    must not match
    field:value     filter: source, section, area, status, kind, briefing
    field:"a b"     a filter value with spaces; -field:value excludes

The last word is matched as a prefix while it is still being typed (the query does not end in a
space), so results appear from the first keystroke. A bare token with punctuation inside
("siberia-2", "russia's") is a phrase of its parts, because that is how it is written in text.

Malformed queries raise :class:`QueryError` with a one-line message written for the search bar.
"""

from __future__ import annotations

import re

from briefing_tui.content.model import Status
from briefing_tui.content.record import record
from briefing_tui.reading.kinds import KINDS
from briefing_tui.search.limits import MAX_QUERY_CHARS, MAX_QUERY_ITEMS
from briefing_tui.search.text import fold, query_words

#: Filter fields, in the order the error message lists them.
FIELDS = ("source", "section", "area", "status", "kind", "briefing")
#: Values of ``status:``, from the model so the two cannot drift apart.
STATUSES = tuple(s.value for s in Status)

#: The query language in a few lines, for ``briefing search --help`` and the TUI's help.
QUERY_SYNTAX = """\
query syntax:
  gas pipeline        items holding every word in any form (case and accents
                      ignored; pipelines finds pipeline; typos forgiven on few hits)
  pipel               the last word also matches longer words while typing
  "power of siberia"  an exact phrase
  -coal  -"a b"       leave out items with this word or phrase
  source:bloomberg    cited source (id, title or outlet); source:"china daily"
  section:s2          section id, number or part of its title
  area:power          agreement area; status:agreed (negotiation, memorandum, agreed,
                      target, statement)
  kind:figure         paragraph, agreement, source, figure, section, timeline,
                      reaction, briefing
  briefing:ID         one briefing of the library; -field:value excludes"""

_FILTER = re.compile(r"([A-Za-z]+):(.*)", re.DOTALL)


class QueryError(ValueError):
    """A query the user has to fix; ``str(error)`` is one line for the search bar or stderr."""


@record(slots=True)
class Term:
    """One thing that must (or, negated, must not) match: a word or a sequence of words."""

    #: Folded words; more than one means they must appear in this order as a phrase.
    words: tuple[str, ...]
    #: Written in quotes by the user.
    phrase: bool = False
    #: The last word may match the start of a longer word (it is still being typed).
    prefix: bool = False
    negated: bool = False
    #: For a one-word term, the library's other forms of the word (same stem), filled in by
    #: the index: they match too, ranked below the word itself (issue #15).
    forms: tuple[str, ...] = ()
    #: Its derivational relatives in the library ("agreements" for "agreed"), filled in by the
    #: index: they match too, ranked below its forms.
    family: tuple[str, ...] = ()
    #: Library words a typo away, filled in by the index when the query found few hits.
    near: tuple[str, ...] = ()

    @property
    def word_prefixes(self) -> tuple[bool, ...]:
        """Per word, whether it matches as a prefix: only the last one, and only if typing."""
        return tuple(self.prefix and i == len(self.words) - 1 for i in range(len(self.words)))


@record(slots=True)
class Filter:
    """``field:value``; the value is folded like text, so ``source:Tass`` equals ``source:tass``."""

    field: str
    value: str
    negated: bool = False


@record(slots=True)
class Query:
    """A parsed query: hashable, so highlight patterns can be cached per query."""

    text: str
    terms: tuple[Term, ...] = ()
    excluded: tuple[Term, ...] = ()
    filters: tuple[Filter, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing to search for: the UI shows no results and no error."""
        return not (self.terms or self.excluded or self.filters)


def parse_query(text: str) -> Query:
    """Parse what the user typed. Raises QueryError for an unclosed quote, an unknown filter
    field, an empty filter value, a query over the length or item limits, or (from the index) an
    unknown kind or status."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"query too long: {len(text):,} characters; at most {MAX_QUERY_CHARS} are searched"
        )
    items: list[tuple[bool, Term | Filter]] = []
    i, n = 0, len(text)
    while i < n:
        if len(items) > MAX_QUERY_ITEMS:
            raise QueryError(
                f"too many terms: at most {MAX_QUERY_ITEMS} words, phrases and filters"
            )
        char = text[i]
        if char.isspace():
            i += 1
            continue
        negated = False
        if char == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
        if text[i] == '"':
            value, i = _quoted(text, i)
            words = tuple(query_words(fold(value)))
            if words:
                items.append((False, Term(words, phrase=True, negated=negated)))
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            i += 1
        token = text[start:i]
        match = _FILTER.fullmatch(token)
        if match:
            name, value = match.group(1).lower(), match.group(2)
            if name not in FIELDS:
                known = ", ".join(f"{f}:" for f in FIELDS)
                raise QueryError(f"unknown filter {name + ':'!r}; use {known}")
            if not value and i < n and text[i] == '"':
                value, i = _quoted(text, i)
            value = fold(value).strip()
            if not value:
                raise QueryError(f"{name}: needs a value, e.g. {_EXAMPLES[name]}")
            if name in _CHOICES:
                choose(value, _CHOICES[name], name)
            items.append((False, Filter(name, value, negated)))
            continue
        words = tuple(query_words(fold(token)))
        if words:
            items.append((True, Term(words, phrase=False, negated=negated)))
    typing = bool(text) and not text[-1].isspace()
    if typing and items and items[-1][0]:
        last = items[-1][1]
        assert isinstance(last, Term)
        if not last.negated:
            items[-1] = (True, Term(last.words, False, True, False))
    terms = tuple(t for _, t in items if isinstance(t, Term) and not t.negated)
    excluded = tuple(t for _, t in items if isinstance(t, Term) and t.negated)
    filters = tuple(f for _, f in items if isinstance(f, Filter))
    return Query(text, terms, excluded, filters)


_EXAMPLES = {
    "source": "source:tass",
    "section": "section:s2",
    "area": "area:power",
    "status": "status:agreed",
    "kind": "kind:paragraph",
    "briefing": "briefing:xi-russia-visit-2025-05",
}


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The text between the quote at ``start`` and the next quote, and the index after it."""
    end = text.find('"', start + 1)
    if end < 0:
        raise QueryError('unclosed quote: add the closing " (or remove the opening one)')
    return text[start + 1 : end], end + 1


_CHOICES = {"kind": KINDS, "status": STATUSES}


def choose(value: str, options: tuple[str, ...], name: str) -> list[str]:
    """Options equal to ``value``, else those starting with it, so ``status:neg`` works while
    the word is still being typed; none at all is a QueryError naming the valid ones."""
    if value in options:
        return [value]
    matches = [o for o in options if o.startswith(value)]
    if not matches:
        raise QueryError(f"unknown {name} {value!r}; use one of: {', '.join(options)}")
    return matches
