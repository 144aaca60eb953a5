"""How the browser, the exports and search name things: one wording for each, in one place.

Labels come from an item's position, never from the shape of its id: an author may call a
section ``security`` or ``s4``, and §4.2 is still the second paragraph of the fourth section.
"""

from __future__ import annotations

from briefing_tui.content.model import Briefing, Source, SourceKind


def number_label(*numbers: int) -> str:
    """``(4, 2)`` -> ``§4.2``: a section or paragraph by its position in the report."""
    return "§" + ".".join(str(n) for n in numbers)


def report_labels(briefing: Briefing) -> dict[str, str]:
    """The label of every section and paragraph id of ``briefing``."""
    labels: dict[str, str] = {}
    for si, section in enumerate(briefing.sections, 1):
        labels[section.id] = number_label(si)
        for pi, paragraph in enumerate(section.paragraphs, 1):
            labels[paragraph.id] = number_label(si, pi)
    return labels


#: A source's kind in a reader's words.
SOURCE_KIND_WORDS: dict[SourceKind, str] = {
    SourceKind.OFFICIAL: "official statement",
    SourceKind.AGENCY: "news agency",
    SourceKind.MEDIA: "media",
    SourceKind.DOCUMENT: "official document",
    SourceKind.EXPERT: "expert",
}


def source_kind_words(source: Source) -> str:
    return SOURCE_KIND_WORDS.get(source.kind, source.kind.value)


#: Whether the report's own source list names a source, or only its text cites it.
IN_REPORT_LIST = "in report list"
NOT_IN_REPORT_LIST = "cited in text only"


def list_status(source: Source) -> str:
    return IN_REPORT_LIST if source.in_report_list else NOT_IN_REPORT_LIST
