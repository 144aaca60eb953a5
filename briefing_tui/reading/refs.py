"""Navigation facts about a briefing: where each id lives, who cites what, how well sourced.

Computed once per briefing and shared by the screens, the command palette and ``--goto``; it has
no UI code, so it is tested without a terminal.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import field
from typing import Literal

from briefing_tui.content.model import (
    Agreement,
    Attribution,
    Briefing,
    Library,
    Paragraph,
    Section,
    Source,
)
from briefing_tui.content.record import record
from briefing_tui.reading.kinds import Kind
from briefing_tui.reading.labels import report_labels
from briefing_tui.reading.outline import outline

Tab = Literal["overview", "report", "agreements", "sources"]

TABS: tuple[Tab, ...] = ("overview", "report", "agreements", "sources")


@record
class Target:
    """Something a reader can jump to."""

    kind: Kind
    id: str
    tab: Tab
    label: str
    location: str


@record(frozen=False)
class BriefingRefs:
    """Every jumpable id of one briefing, and the reverse index of citations."""

    briefing: Briefing
    targets: dict[str, Target] = field(default_factory=dict)
    _backlinks: dict[str, list[Target]] = field(default_factory=dict)
    _section_of: dict[str, Section] = field(default_factory=dict)
    _sections: dict[str, Section] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    """The label (§4.2) of every section and paragraph id."""

    def __post_init__(self) -> None:
        b = self.briefing
        self.labels = report_labels(b)
        # The ``#`` ids ``briefing search`` prints for things without an id of their own.
        self._add(Target("tab", "#overview", "overview", "Overview", "Overview"))
        self._backlinks = {s.id: [] for s in b.sources}
        for entry in outline(b):
            section = entry.section
            label = self.labels[section.id]
            self._add(Target("section", section.id, "report", label, f"{label} {section.title}"))
            self._sections[section.id] = section
            for p in section.paragraphs:
                self._section_of[p.id] = section
                target = Target(
                    "paragraph",
                    p.id,
                    "report",
                    self.labels[p.id],
                    f"{self.labels[p.id]} {section.title}",
                )
                self._add(target)
                for source_id in p.sources:
                    self._backlinks.setdefault(source_id, []).append(target)
            for table in section.tables:
                table_label = self.labels.get(table.id, table.caption)
                target = Target("table", table.id, "report", table.caption, table_label)
                self._add(target)
                cited = {*table.sources, *(s for row in table.rows for s in row.sources)}
                for source_id in sorted(cited):
                    self._backlinks.setdefault(source_id, []).append(target)
        for a in b.agreements:
            target = Target(
                "agreement", a.id, "agreements", a.title, f"Agreements › {b.area(a.area).title}"
            )
            self._add(target)
            for source_id in a.sources:
                self._backlinks[source_id].append(target)
        for s in b.sources:
            self._add(Target("source", s.id, "sources", s.title, "Sources"))
        for f in b.figures:
            self._add(Target("figure", f.id, "overview", f.label, "Overview › Key figures"))
        for index, event in enumerate(b.timeline):
            self._add(
                Target(
                    "timeline", f"#timeline-{index}", "overview", event.title, "Overview › Timeline"
                )
            )
        for r in b.reactions:
            self._add(Target("reaction", r.id, "overview", r.actor, "Overview › Reactions"))
        self._add(Target("tab", "#agreements", "agreements", "Agreements", "Agreements"))
        self._add(Target("tab", "#sources", "sources", "Sources", "Sources"))

    @property
    def by_label(self) -> dict[str, str]:
        """Section and paragraph ids by their label: ``--goto §4.7`` and the palette's input."""
        return {label: target_id for target_id, label in self.labels.items()}

    def _add(self, target: Target) -> None:
        self.targets[target.id] = target

    # -- queries -----------------------------------------------------------------------------

    def target(self, target_id: str) -> Target | None:
        return self.targets.get(target_id)

    def backlinks(self, source_id: str) -> list[Target]:
        """Paragraphs and agreements that cite ``source_id``, in reading order."""
        return list(self._backlinks.get(source_id, ()))

    def section(self, section_id: str) -> Section | None:
        """A section at any level of the tree."""
        return self._sections.get(section_id)

    def section_of(self, paragraph_id: str) -> Section | None:
        return self._section_of.get(paragraph_id)

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        section = self._section_of.get(paragraph_id)
        if section is None:
            return None
        return next(p for p in section.paragraphs if p.id == paragraph_id)

    def agreement(self, agreement_id: str) -> Agreement | None:
        return next((a for a in self.briefing.agreements if a.id == agreement_id), None)

    def attribution_of(self, target_id: str) -> tuple[list[Source], list[Attribution]] | None:
        """Sources and in-text attributions behind a paragraph, agreement, figure or reaction.

        Figures, reactions and timeline entries rest on the item they refer to. ``None`` when the
        id is not something that carries attribution (a section, a source).
        """
        b = self.briefing
        item: Paragraph | Agreement | None = self.paragraph(target_id) or self.agreement(target_id)
        if item is None:
            ref = next((f.ref for f in b.figures if f.id == target_id), None)
            ref = ref or next((r.ref for r in b.reactions if r.id == target_id), None)
            if ref is None:
                return None
            item = self.paragraph(ref) or self.agreement(ref)
            if item is None:
                return None
        return [b.source(s) for s in item.sources], list(item.attributions)

    def coverage(self, section: Section) -> tuple[int, int]:
        """(paragraphs citing at least one source, all paragraphs) of a section."""
        sourced = sum(1 for p in section.paragraphs if p.sources)
        return sourced, len(section.paragraphs)


#: A label as the UI shows it, with or without its ``§``: ``§4.7``, ``4.7``, ``§ 1.2.1``.
_LABEL = re.compile(r"§?\s*(\d+(?:\.\d+)*)")


def canonical_id(value: str, refs: BriefingRefs) -> str:
    """What the UI shows -> the id: ``§4.7`` and ``4.7`` -> the id of that paragraph, whatever
    its shape; anything else is returned as typed."""
    value = value.strip()
    match = _LABEL.fullmatch(value)
    if match is None:
        return value
    return refs.by_label.get(f"§{match.group(1)}", value)


def suggestions(library: Library, target: str, limit: int = 3) -> list[str]:
    """The ids closest to a mistyped ``--goto``, as the UI labels them where it has labels."""
    names: dict[str, str] = {}
    wanted = [target.strip().lower()]
    for briefing in library.briefings:
        refs = BriefingRefs(briefing)
        wanted.append(canonical_id(target, refs))
        for target_id, found in refs.targets.items():
            shown = found.label if found.kind in ("section", "paragraph") else target_id
            names.setdefault(target_id, shown)
            names.setdefault(found.label.lower(), shown)
    close: list[str] = []
    for word in dict.fromkeys(wanted):
        close += difflib.get_close_matches(word, list(names), n=limit * 3, cutoff=0.5)
    out: list[str] = []
    for name in close:
        if names[name] not in out:
            out.append(names[name])
    return out[:limit]


def find_target(library: Library, target: str) -> tuple[Briefing, str] | None:
    """Resolve a ``--goto`` id: ``ID``, ``BRIEFING/ID`` or a briefing id alone.

    A bare ``ID`` is looked up in each briefing in order, so on a one-briefing library the
    briefing's name never has to be typed. Labels as the UI shows them (``§4.7``, ``4.7``) and
    the ``#`` ids ``briefing search`` prints are accepted too.
    """
    briefing_id, slash, item_id = target.partition("/")
    if slash:
        briefing = next((b for b in library.briefings if b.id == briefing_id), None)
        if briefing is None:
            return None
        if not item_id:
            return briefing, briefing.sections[0].id
        refs = BriefingRefs(briefing)
        item_id = canonical_id(item_id, refs)
        return (briefing, item_id) if refs.target(item_id) else None
    for briefing in library.briefings:
        refs = BriefingRefs(briefing)
        found = canonical_id(target, refs)
        if refs.target(found):
            return briefing, found
    for briefing in library.briefings:
        if briefing.id == target:
            return briefing, briefing.sections[0].id
    return None
