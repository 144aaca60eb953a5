"""Reading exported Markdown as a renderer does (markdown-it-py, CommonMark + GFM tables)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token


def parse(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def rendered_text(markdown: str) -> str:
    """What a reader sees: the text of every block, whitespace collapsed."""
    parts: list[str] = []
    for token in parse(markdown):
        if token.type == "inline":
            parts.append("".join(c.content for c in token.children or ()))
        elif token.type in ("code_block", "fence"):
            parts.append(token.content)
        parts.append(" ")
    return " ".join("".join(parts).split())


def shown(text: str) -> str:
    """``text`` as it appears in :func:`rendered_text` (whitespace collapsed)."""
    return " ".join(text.split())
