"""The words the app inserts into a briefing's own text, in the briefing's language.

A Russian briefing exported with "Summary." and "Sources:" reads as a translation nobody made;
these are the few words the exports add to an author's text, kept per language here. The app's
own chrome (tab names, help) follows the user's locale instead and is the UI's business.
"""

from __future__ import annotations

from typing import NamedTuple

from briefing_tui.content.model import Briefing, SourceKind, Stance, Status


class Words(NamedTuple):
    """The words the browser itself puts into a briefing, in the briefing's language.

    A named tuple rather than a frozen dataclass: as immutable, and cheaper to define, which
    every start does (importing this module: 3.2 ms with a dataclass, 1.9 ms so).
    """

    summary: str
    sources: str
    note: str
    key_figures: str
    timeline: str
    reactions: str
    agreements: str
    area: str
    items: str
    status: str
    cited_in_text: str
    assessment: str
    gap: str
    editorial_note: str
    speaker: str
    quote: str
    url: str
    publisher: str
    published: str
    accessed: str
    outlets: str
    kind: str
    tags: str
    author: str
    organisation: str
    classification: str
    version: str
    updated: str
    language: str
    table_sources: str
    measures: str
    target: str
    refs: str
    after_section: str
    id: str
    format_version: str
    dates: str
    quote_marks: tuple[str, str]
    kinds: dict[SourceKind, str]
    statuses: dict[Status, str]
    stances: dict[Stance, str]


EN = Words(
    summary="Summary",
    sources="Sources",
    note="Note",
    key_figures="Key figures",
    timeline="Timeline",
    reactions="Reactions",
    agreements="Agreements",
    area="Area",
    items="Agreements",
    status="Status",
    cited_in_text="cited in the text, not in the report's list",
    assessment="No source cited: analyst's assessment",
    gap="Gap in the original",
    editorial_note="Editorial note",
    speaker="Attributed to",
    quote="quoted",
    url="Link",
    publisher="Publisher",
    published="Published",
    accessed="Accessed",
    outlets="Outlets",
    kind="Kind",
    tags="Tags",
    author="Author",
    organisation="Organisation",
    classification="Classification",
    version="Version",
    updated="Updated",
    language="Language",
    table_sources="Sources of this table",
    measures="measures",
    target="target",
    refs="See",
    after_section="Follows section",
    id="Id",
    format_version="Format version",
    dates="Dates",
    quote_marks=("“", "”"),
    kinds={
        SourceKind.OFFICIAL: "official statement",
        SourceKind.GOVERNMENT: "government",
        SourceKind.AGENCY: "news agency",
        SourceKind.MEDIA: "media",
        SourceKind.DOCUMENT: "official document",
        SourceKind.EXPERT: "expert",
        SourceKind.THINK_TANK: "think tank",
        SourceKind.ACADEMIC: "academic",
        SourceKind.NGO: "NGO",
        SourceKind.COMPANY: "company",
        SourceKind.SOCIAL: "social media",
        SourceKind.OTHER: "other",
    },
    statuses={s: s.value for s in Status},
    stances={s: s.value for s in Stance},
)

RU = Words(
    summary="Кратко",
    sources="Источники",
    note="Примечание",
    key_figures="Ключевые цифры",
    timeline="Хронология",
    reactions="Реакции",
    agreements="Соглашения",
    area="Область",
    items="Соглашения",
    status="Статус",
    cited_in_text="упомянут в тексте, не входит в список источников доклада",
    assessment="Без ссылки на источник: оценка аналитика",
    gap="Пропуск в оригинале",
    editorial_note="Примечание редактора",
    speaker="Со слов",
    quote="цитата",
    url="Ссылка",
    publisher="Издатель",
    published="Опубликовано",
    accessed="Дата обращения",
    outlets="Издания",
    kind="Тип",
    tags="Теги",
    author="Автор",
    organisation="Организация",
    classification="Гриф",
    version="Версия",
    updated="Обновлено",
    language="Язык",
    table_sources="Источники таблицы",
    measures="показатель",
    target="цель",
    refs="См.",
    after_section="После раздела",
    id="Идентификатор",
    format_version="Версия формата",
    dates="Даты",
    quote_marks=("«", "»"),
    kinds={
        SourceKind.OFFICIAL: "официальное заявление",
        SourceKind.GOVERNMENT: "органы власти",
        SourceKind.AGENCY: "информационное агентство",
        SourceKind.MEDIA: "СМИ",
        SourceKind.DOCUMENT: "официальный документ",
        SourceKind.EXPERT: "эксперт",
        SourceKind.THINK_TANK: "аналитический центр",
        SourceKind.ACADEMIC: "научная публикация",
        SourceKind.NGO: "НКО",
        SourceKind.COMPANY: "компания",
        SourceKind.SOCIAL: "социальные сети",
        SourceKind.OTHER: "иное",
    },
    statuses={
        Status.NEGOTIATION: "переговоры",
        Status.MEMORANDUM: "меморандум",
        Status.AGREED: "согласовано",
        Status.TARGET: "цель",
        Status.STATEMENT: "заявление",
    },
    stances={
        Stance.CONDEMNED: "осуждение",
        Stance.CRITICAL: "критика",
        Stance.CONCERNED: "обеспокоенность",
        Stance.WARY: "настороженность",
        Stance.RESTRAINED: "сдержанность",
        Stance.SILENT: "молчание",
        Stance.NEUTRAL: "нейтрально",
        Stance.MIXED: "неоднозначно",
        Stance.DIVIDED: "разделились",
        Stance.CAUTIOUS: "осторожно",
        Stance.SUPPORTIVE: "поддержка",
        Stance.WELCOMED: "одобрение",
        Stance.OTHER: "иное",
    },
)

#: Languages with words of their own; any other language gets English words.
WORDS: dict[str, Words] = {"en": EN, "ru": RU}


def words_for(language: str) -> Words:
    """The inserted words for a BCP 47 tag: ``ru-RU`` reads as ``ru``."""
    return WORDS.get(language.split("-")[0].lower(), EN)


def source_heading(briefing: Briefing) -> str:
    """The source list's heading: the author's own, or 'Sources' in the briefing's language."""
    return briefing.heading or words_for(briefing.language).sources


def agreement_headings(briefing: Briefing) -> tuple[str, str]:
    """The agreements table's two column headings, the author's own or the language's."""
    words = words_for(briefing.language)
    return briefing.area_heading or words.area, briefing.items_heading or words.items
