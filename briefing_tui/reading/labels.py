"""How the browser, the exports and search name things: one wording for each, in one place.

Labels come from an item's position, never from the shape of its id: an author may call a
section ``security`` or ``s4``, and §4.2 is still the second paragraph of the fourth section.
"""

from __future__ import annotations

import re

from briefing_tui.content.model import Briefing, Section, Source, SourceKind
from briefing_tui.reading.words import EN


def number_label(*numbers: int) -> str:
    """``(4, 2)`` -> ``§4.2``: a section or paragraph by its position in the report."""
    return "§" + ".".join(str(n) for n in numbers)


def report_labels(briefing: Briefing) -> dict[str, str]:
    """The label of every section, paragraph and table id of ``briefing``.

    Sections are numbered by their place in the tree (``§3``, ``§3.1``). A paragraph is its
    section's label and its place (``§3.2``), except in a section that also has subsections,
    whose own paragraphs are ``§3 ¶2`` so they never share a label with subsection 3.2.
    Tables are numbered through the briefing: ``Table 1``, ``Table 2``.
    """
    labels: dict[str, str] = {}
    tables = 0

    def walk(sections: tuple[Section, ...], prefix: tuple[int, ...]) -> None:
        nonlocal tables
        for si, section in enumerate(sections, 1):
            numbers = (*prefix, si)
            labels[section.id] = number_label(*numbers)
            for pi, paragraph in enumerate(section.paragraphs, 1):
                labels[paragraph.id] = (
                    f"{number_label(*numbers)} ¶{pi}"
                    if section.sections
                    else number_label(*numbers, pi)
                )
            for table in section.tables:
                tables += 1
                labels[table.id] = f"Table {tables}"
            walk(section.sections, numbers)

    walk(briefing.sections, ())
    return labels


#: A source's kind in a reader's words (the English ones; reading/words has every language's).
SOURCE_KIND_WORDS: dict[SourceKind, str] = EN.kinds


def source_kind_words(source: Source) -> str:
    """The kind in words; ``other`` is the author's own ``kind_label``."""
    if source.kind == SourceKind.OTHER and source.kind_label:
        return source.kind_label
    return SOURCE_KIND_WORDS.get(source.kind, source.kind.value)


#: Whether the report's own source list names a source, or only its text cites it.
IN_REPORT_LIST = "in report list"
NOT_IN_REPORT_LIST = "cited in text only"


def list_status(source: Source) -> str:
    return IN_REPORT_LIST if source.in_report_list else NOT_IN_REPORT_LIST


#: A word shaped like an id that holds a dot (``s2.p3``, ``econ.p1``): how notes name paragraphs.
_DOTTED_ID = re.compile(r"\b[a-z0-9]+(?:[-.][a-z0-9]+)*\.[a-z0-9]+\b")


def labelled(value: str, labels: dict[str, str]) -> str:
    """Paragraph ids written in content notes (``s2.p3``) as the UI labels them (``§2.3``).

    Only ids the briefing has are replaced: a word that merely looks like one stays as written.
    """
    return _DOTTED_ID.sub(lambda m: labels.get(m.group(), m.group()), value)
