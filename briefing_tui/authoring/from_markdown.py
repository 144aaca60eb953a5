"""A report written in Markdown -> a :class:`Draft` (the dialect is documented in README.md).

Front matter (``+++`` TOML) gives the metadata; paragraphs before the first ``##`` are the
summary; ``##`` starts a section and each deeper level a subsection; ``{#id}`` after a heading
sets its id. Footnote references are citations: they become the item's sources and leave the
text. Footnote definitions are the sources. A table headed Area | Agreement | Status is the
agreements table; any other table is a plain table.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import field
from typing import Any

from markdown_it.token import Token

from briefing_tui.authoring import tables
from briefing_tui.authoring.common import META_ORDER, new_source, paragraph
from briefing_tui.authoring.draft import Draft, todo
from briefing_tui.authoring.mdparse import Inline, inline, parse
from briefing_tui.authoring.slugs import Ids, clean_id, slugify
from briefing_tui.content.record import record

_HEADING_ID = re.compile(r"\s*\{#([^}]*)\}\s*$")
_SOURCES_HEADINGS = frozenset({"sources", "источники", "references", "список источников"})
_META_KEYS = frozenset(META_ORDER)
_NOTE = re.compile(r"^(?:Note|Примечание)\s*:\s*", re.I)
_DANGLING = re.compile(r"\s*\[\^([^\]\s]+)\]")
_SOURCE_DATE = re.compile(
    r"[,;]?\s*\(?\b(published|accessed|опубликовано|дата обращения):?\s+(\d{4}-\d\d-\d\d)\)?",
    re.I,
)


@record(frozen=False)
class _State:
    draft: Draft
    ids: Ids = field(default_factory=Ids)
    stack: list[dict[str, Any]] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    in_sources: bool = False
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    cited: set[str] = field(default_factory=set)
    last_table: dict[str, Any] | None = None
    titles: dict[str, int] = field(default_factory=dict)
    last_paragraph: dict[str, Any] | None = None
    lines: list[str] = field(default_factory=list)
    defined: int = 0


def read_markdown(text: str, origin: str) -> tuple[Draft, list[str]]:
    """The draft and the summary paragraphs (which ``common.finish`` uses if needed)."""
    tokens, _env = parse(text)
    state = _State(Draft(origin=origin), lines=text.splitlines())
    index = 0
    while index < len(tokens):
        index = _block(state, tokens, index) + 1
    _sources(state)
    return state.draft, state.summary


def _block(s: _State, tokens: list[Token], i: int) -> int:
    token = tokens[i]
    kind = token.type
    if kind == "front_matter":
        _front_matter(s, token)
    elif kind == "heading_open":
        _heading(s, token, inline(tokens[i + 1], take_label=False))
        return i + 2
    elif kind == "footnote_reference_open":
        return _definition(s, tokens, i)
    elif kind == "blockquote_open" and not s.stack:
        close = _close(tokens, i)
        texts = [inline(t).text for t in tokens[i:close] if t.type == "inline"]
        s.draft.briefing.setdefault("photo_caption", " ".join(texts))
        return close
    elif kind == "table_open":
        return _table(s, tokens, i)
    elif kind == "bullet_list_open" or kind == "ordered_list_open":
        return _list(s, tokens, i)
    elif kind == "paragraph_open":
        _paragraph(s, inline(tokens[i + 1]), bullet=False)
        return i + 2
    return i


def _close(tokens: list[Token], i: int) -> int:
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _front_matter(s: _State, token: Token) -> None:
    meta = s.draft.briefing
    try:
        data = tomllib.loads(token.content)
    except tomllib.TOMLDecodeError as exc:
        todo(meta, f"the front matter is not valid TOML ({exc}); nothing was taken from it")
        return
    for key, value in data.items():
        if key in _META_KEYS:
            meta[key] = value
        else:
            todo(
                meta,
                f"front matter key '{key}' is not part of the format; left out (value: {value!r})",
            )


def _heading(s: _State, token: Token, content: Inline) -> None:
    level = int(token.tag[1])
    title = content.text
    match = _HEADING_ID.search(title)
    explicit = match.group(1) if match else None
    title = _HEADING_ID.sub("", title) if match else title
    if level == 1:
        s.draft.briefing.setdefault("title", title)
        return
    if level == 2 and title.lower() in _SOURCES_HEADINGS:
        s.in_sources = True
        s.draft.sources["heading"] = title
        return
    s.in_sources = False
    s.last_table = None
    s.last_paragraph = None
    depth = max(0, level - 2)
    while len(s.stack) > depth:
        s.stack.pop()
    wanted = clean_id(explicit) if explicit else None
    section: dict[str, Any] = {
        "id": "",
        "title": title,
        "paragraphs": [],
        "tables": [],
        "sections": [],
    }
    if explicit is not None and wanted is None:
        todo(
            section,
            f"'{{#{explicit}}}' is not a valid id (lowercase Latin letters, digits, "
            "'-' and '.'): a slug of the title is used",
        )
    base = wanted or slugify(title, "section")
    section["id"], changed = s.ids.claim(base)
    s.titles[title.lower()] = s.titles.get(title.lower(), 0) + 1
    if s.titles[title.lower()] > 1:
        todo(
            section,
            f"the heading '{title}' occurs more than once; this one's id is '{section['id']}'",
        )
    elif changed:
        todo(section, f"id '{base}' was taken: this section's id is '{section['id']}'")
    if len(s.stack) < depth:
        todo(
            section,
            f"a level-{level} heading with no level-{level - 1} heading above it: "
            "placed one level up",
        )
    siblings = s.stack[-1]["sections"] if s.stack else s.draft.sections
    siblings.append(section)
    s.stack.append(section)


def _paragraph(s: _State, content: Inline, bullet: bool) -> None:
    text = content.text
    if s.in_sources:
        if bullet and text:  # a plain list of sources: listed, though nothing cites them yet
            bare = text
            for url in content.urls:
                bare = bare.replace(url, "")
            label = slugify(bare, "source")
            while label in s.sources:
                label += "-x"
            s.sources[label] = {
                "_label": label,
                "_text": _joined(content, text),
                "_urls": content.urls,
                "_listed": True,
                "_order": s.defined,
                "_list": True,
            }
            s.defined += 1
        return  # other text in the source list: the definitions are what count
    if s.last_table is not None and not bullet and _NOTE.match(text):
        s.last_table["note"] = _NOTE.sub("", text, count=1)
        return
    s.last_table = None
    s.last_paragraph = None
    dangling = _DANGLING.findall(text)
    text = _DANGLING.sub("", text)
    if not s.stack:
        if text.startswith("|"):
            todo(
                s.draft.briefing,
                "text before the first section looks like a table but is "
                "not one (no |---| line under its header?)",
            )
        s.summary.append(_joined(content, text))
        return
    section = s.stack[-1]
    if not text.strip() and not content.label:
        todo(section, "a paragraph holding only citations was left out: attach them to text")
        _cites(s, content.cites)
        return
    cites = _cites(s, content.cites)
    for label in dangling:
        cites.append(_dangling(s, label))
    pid = _paragraph_id(s, section)
    label = content.label
    item = paragraph(pid, text, cites, label=label, bullet=bullet)
    if content.only_strong and not bullet:
        item["_strong"] = True  # a table's caption, if a table follows
    if text.startswith("|"):
        todo(
            item,
            "this paragraph looks like a table but is not one (check the |---| line "
            "under its header and the number of cells): imported as text",
        )
    for name in dangling:
        todo(
            item,
            f"cites [^{name}], which has no footnote definition: a source was added "
            "for it; give it a title",
        )
    section["paragraphs"].append(item)
    s.last_paragraph = item


def _joined(content: Inline, text: str) -> str:
    return f"{content.label} {text}" if content.label else text


def _paragraph_id(s: _State, section: dict[str, Any]) -> str:
    number = len(section["paragraphs"]) + 1
    pid, _ = s.ids.claim(f"{section['id']}.p{number}")
    return pid


def _cites(s: _State, labels: list[str]) -> list[str]:
    out = []
    for label in labels:
        s.cited.add(label)
        out.append(_source_id(s, label))
    return out


def _source_id(s: _State, label: str) -> str:
    """The id a footnote label stands for; the source itself is made from its definition."""
    if label not in s.sources:
        s.sources[label] = {"_label": label}
    return s.sources[label].setdefault("_id", clean_id(label) or slugify(label, "source"))


def _dangling(s: _State, label: str) -> str:
    source_id = _source_id(s, label)
    s.cited.add(label)
    return source_id


def _definition(s: _State, tokens: list[Token], i: int) -> int:
    label = str(tokens[i].meta["label"])
    close = _close(tokens, i)
    parts = [inline(t, take_label=False) for t in tokens[i:close] if t.type == "inline"]
    text = " ".join(p.text for p in parts)
    urls = [u for p in parts for u in p.urls]
    entry = s.sources.setdefault(label, {"_label": label})
    entry.update({"_text": text, "_urls": urls, "_listed": s.in_sources, "_order": s.defined})
    s.defined += 1
    return close


def _sources(s: _State) -> None:
    out = s.draft.sources.setdefault("sources", [])
    # the report's order: definitions as written, then citations that were never defined
    entries = sorted(s.sources.items(), key=lambda item: item[1].get("_order", s.defined))
    for label, entry in entries:
        text = entry.get("_text")
        urls = [u for u in entry.get("_urls", []) if u.startswith(("http://", "https://"))]
        title = text or label
        dates: dict[str, dt.date] = {}
        for match in list(_SOURCE_DATE.finditer(title)):
            field = (
                "published"
                if match.group(1).lower() in ("published", "опубликовано")
                else ("accessed")
            )
            try:
                dates[field] = dt.date.fromisoformat(match.group(2))
            except ValueError:
                continue
            title = title.replace(match.group(0), "")
        for url in urls:
            title = title.replace(url, "")
        title = " ".join(title.replace("<>", "").replace("()", "").split()).rstrip(" ,;") or label
        wanted = entry.get("_id") or clean_id(label) or slugify(label, "source")
        source = new_source(s.ids, title, wanted, listed=bool(entry.get("_listed")))
        for ref_list in _citing_lists(s.draft):
            ref_list[:] = [source["id"] if r == wanted else r for r in ref_list]
        if urls:
            source["url"] = urls[0]
        source.update(dates)
        if text is None:
            todo(source, f"cited as [^{label}] but never defined: give it a title (and url)")
        elif not entry.get("_listed") and s.draft.sources.get("heading"):
            todo(source, "defined outside the Sources section: taken as cited in the text only")
        if entry.get("_list"):
            todo(
                source,
                f"listed under the sources heading, not as a footnote: cite it with "
                f"[^{source['id']}] where the text rests on it",
            )
        elif label not in s.cited:
            todo(source, "defined but never cited")
        out.append(source)


def _citing_lists(draft: Draft) -> list[list[str]]:
    """Every list of source ids in the draft (to follow a source renamed to a free id)."""
    lists: list[list[str]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if (
                    key == "sources"
                    and isinstance(value, list)
                    and all(isinstance(v, str) for v in value)
                ):
                    lists.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(draft.sections)
    walk(draft.agreements)
    return lists


def _list(s: _State, tokens: list[Token], i: int) -> int:
    close = _close(tokens, i)
    j = i + 1
    while j < close:
        if tokens[j].type == "paragraph_open":
            _paragraph(s, inline(tokens[j + 1]), bullet=True)
            j += 3
        else:
            j += 1
    return close


def _table(s: _State, tokens: list[Token], i: int) -> int:
    end, item = tables.read_table(s, tokens, i)
    if item is not None:
        s.last_table = item
    return end
