"""Markdown as tokens (markdown-it-py: CommonMark, GFM tables, footnotes, front matter) and the
plain text of inline content, with the footnote citations taken out of it.

Footnote definitions are left where the author wrote them (the plugin's rule that moves them to
the end is switched off), so a definition under a "Sources" heading can be told from one
elsewhere, and each keeps its line.
"""

from __future__ import annotations

import re
from dataclasses import field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from briefing_tui.content.record import record

_TOML_FENCE = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.S)


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)
    md.core.ruler.disable("footnote_tail")
    return md


def parse(text: str) -> tuple[list[Token], dict[str, object]]:
    """Block tokens and the parser's env. ``+++`` TOML front matter is handed to the front
    matter plugin (which knows the ``---`` fence only) with its lines kept in place."""
    match = _TOML_FENCE.match(text)
    if match:
        body = match.group(1) or ""
        text = "---\n" + body + "---\n" + text[match.end() :]
    env: dict[str, object] = {}
    return parser().parse(text, env), env


@record(frozen=False)
class Inline:
    """Inline content as the report's words: the text without markup, the footnote labels it
    cites, and a bold lead-in (``**Label.** text``) if any."""

    text: str = ""
    cites: list[str] = field(default_factory=list)
    label: str | None = None
    urls: list[str] = field(default_factory=list)
    only_strong: bool = False
    only_em: bool = False


def inline(token: Token, take_label: bool = True) -> Inline:
    children = [c for c in token.children or () if not (c.type == "text" and not c.content)]
    out = Inline()
    out.only_strong = _wrapped(children, "strong")
    out.only_em = _wrapped(children, "em")
    if take_label and not out.only_strong and children and children[0].type == "strong_open":
        close = next(i for i, c in enumerate(children) if c.type == "strong_close")
        out.label = _plain(children[1:close], out).strip() or None
        children = children[close + 1 :]
    out.text = _plain(children, out)
    return out


def _wrapped(children: list[Token], kind: str) -> bool:
    return (
        len(children) >= 2
        and children[0].type == f"{kind}_open"
        and children[-1].type == f"{kind}_close"
        and sum(c.type == f"{kind}_open" for c in children) == 1
    )


def _plain(children: list[Token], out: Inline) -> str:
    """The words, whitespace collapsed; citations dropped with the space before them."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "footnote_ref":
            out.cites.append(str(child.meta["label"]))
            while parts and parts[-1].endswith((" ", "\t")):
                parts[-1] = parts[-1].rstrip()
        elif child.type == "link_open":
            out.urls.append(str(child.attrs.get("href", "")))
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def cell_texts(tokens: list[Token], start: int) -> tuple[list[list[Inline]], int]:
    """The rows of the table opening at ``tokens[start]`` (header first), and where it ends."""
    rows: list[list[Inline]] = []
    index = start
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            rows[-1].append(inline(token))
        index += 1
    return rows, index
