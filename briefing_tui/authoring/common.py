"""What every reader does alike: paragraphs, sources, the metadata an import must derive, and
the points it must leave to the author (unsourced text, sources named but not cited)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing_tui.authoring.draft import Draft, todo
from briefing_tui.authoring.slugs import Ids, slugify
from briefing_tui.reading.words import words_for

#: Words that say what kind of publisher a source title names; the first match is a guess for
#: the author to confirm, never a fact.
_KINDS = (
    (
        "official",
        (
            "ministr",
            "kremlin",
            "president",
            "official",
            "министерств",
            "кремл",
            "спикер",
            "spokes",
            "президент",
            "мид",
        ),
    ),
    ("document", ("document", "документ", "treaty", "договор")),
    ("agency", ("agency", "agencies", "агентств", "ria novosti", "interfax", "tass", "reuters")),
    ("government", ("government", "правительств", "служб", "customs")),
    ("think-tank", ("institute", "think tank", "институт", "центр")),
    ("academic", ("university", "journal", "университет")),
    ("expert", ("expert", "analyst", "эксперт", "аналитик")),
    ("media", ("media", "press", "newspaper", "times", "daily", "сми", "газет", "bloomberg")),
)

#: "According to X" and its Russian forms, where X is a name (capitalised words).
_NAMED = re.compile(
    r"(?:[Aa]ccording to|[Rr]eported by|[Сс]огласно|[Пп]о данным|[Пп]о словам|"
    r"[Пп]о сообщению|[Пп]о информации)\s+((?:the\s+)?(?:[A-ZА-ЯЁ][\w.'’-]*)"
    r"(?:\s+(?:[A-ZА-ЯЁ][\w.'’-]*))*)"
)


#: The briefing file's metadata keys, in the order an import writes them (and the only keys
#: front matter may set).
META_ORDER = (
    "schema_version",
    "id",
    "title",
    "language",
    "start",
    "end",
    "photo_caption",
    "summary",
    "tags",
    "author",
    "organisation",
    "classification",
    "version",
    "updated",
)


def guess_kind(title: str) -> str:
    lowered = title.lower()
    for kind, words in _KINDS:
        if any(re.search(rf"\b{re.escape(word)}", lowered) for word in words):
            return kind
    return "other"


def new_source(
    ids: Ids, title: str, wanted: str | None = None, listed: bool = True
) -> dict[str, Any]:
    """A source with a guessed kind, which the author is asked to check."""
    source_id, changed = ids.claim(wanted or slugify(title, "source"))
    kind = guess_kind(title)
    source: dict[str, Any] = {"id": source_id, "title": title, "kind": kind}
    if kind == "other":
        source["kind_label"] = "unclassified"
        todo(source, "say what kind of source this is (kind; kind_label for 'other')", "kind")
    else:
        todo(source, f"kind '{kind}' was guessed from the title: check it", "kind")
    if not listed:
        source["in_report_list"] = False
    if changed:
        todo(source, f"id '{wanted or slugify(title)}' was taken: renamed '{source_id}'")
    return source


def named_in(text: str) -> list[str]:
    """Sources the text names ("According to Bloomberg"), in order, once each."""
    seen: list[str] = []
    for match in _NAMED.finditer(text):
        name = match.group(1).rstrip(".,;:")
        if name not in seen:
            seen.append(name)
    return seen


def paragraph(
    pid: str,
    text: str,
    sources: list[str],
    label: str | None = None,
    bullet: bool = False,
    known: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A paragraph; one that cites nothing is imported as the analyst's assessment and listed
    for review (never given a guessed source), with the names it mentions as suggestions."""
    out: dict[str, Any] = {"id": pid}
    if label:
        out["label"] = label
    out["text"] = text
    if bullet:
        out["bullet"] = True
    out["sources"] = list(dict.fromkeys(sources))
    if not sources:
        out["assessment"] = True
        todo(out, "cites no source: imported as the analyst's assessment; cite a source or confirm")
        for name in named_in(f"{label or ''} {text}"):
            listing = [str(k["id"]) for k in known or () if name.lower() in k["title"].lower()]
            where = f" (listed in source {', '.join(listing)})" if listing else ""
            todo(out, f"the text names '{name}'{where}: cite it as a source?")
    return out


def finish(draft: Draft, file_stem: str, summary: list[str], today: dt.date) -> None:
    """Derive what the report did not say (id, dates, summary) and flag each guess."""
    meta = draft.briefing
    meta.setdefault("schema_version", 2)
    if "id" not in meta:
        meta["id"] = slugify(file_stem, "briefing")
        todo(meta, f"id derived from the file name: '{meta['id']}'", "id")
    if "title" not in meta:
        meta["title"] = file_stem
        todo(meta, "no title found: the file name was used", "title")
    for key in ("start", "end"):
        if key not in meta:
            meta[key] = meta.get("start", today)
            todo(meta, f"{key} date not given: set the first/last day the briefing covers", key)
    if "summary" not in meta:
        if summary:
            meta["summary"] = " ".join(summary)
        else:
            meta["summary"] = meta["title"]
            todo(meta, "no summary before the first section: the title stands in for it", "summary")
    draft.briefing = {k: meta[k] for k in META_ORDER if k in meta} | {
        k: v for k, v in meta.items() if k not in META_ORDER
    }
    # a heading that is the language's own word is the default: the exports print the two alike
    words = words_for(str(meta.get("language", "en")))
    for data, key, default in (
        (draft.agreements, "area_heading", words.area),
        (draft.agreements, "items_heading", words.items),
        (draft.sources, "heading", words.sources),
    ):
        if data.get(key) == default:
            del data[key]
    if not draft.sources.get("sources"):
        placeholder = {
            "id": "sources-to-add",
            "title": "Sources to add",
            "kind": "other",
            "kind_label": "placeholder",
            "in_report_list": False,
        }
        todo(
            placeholder,
            "the report lists no sources: a briefing needs at least one; replace this placeholder",
        )
        draft.sources.setdefault("sources", []).append(placeholder)
