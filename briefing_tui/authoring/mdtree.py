"""markdown-it's flat token stream as a tree of blocks, and inline content with its structure
kept as marker characters, for reading back the Markdown export's fixed shapes with patterns.

The markers are C0 control characters, which content text can never hold (the loader refuses
them), so a marker in the marked text is always structure, never an author's character.
"""

from __future__ import annotations

from dataclasses import field

from markdown_it.token import Token

from briefing_tui.content.record import record

CODE, END_CODE, STRONG, END_STRONG, EM, END_EM, LINK, END_LINK = (chr(c) for c in range(1, 9))
MARKERS = {
    "code_inline": None,
    "strong_open": STRONG,
    "strong_close": END_STRONG,
    "em_open": EM,
    "em_close": END_EM,
    "link_open": LINK,
    "link_close": END_LINK,
}


@record(frozen=False)
class Node:
    type: str
    token: Token | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def marked(self) -> str:
        """The node's own inline content (a paragraph's, a heading's, a cell's), marked."""
        inline = next((c for c in self.children if c.type == "inline"), None)
        return marked(inline.token) if inline and inline.token else ""

    def blocks(self, kind: str) -> list[Node]:
        return [c for c in self.children if c.type == kind]


def tree(tokens: list[Token]) -> list[Node]:
    root = Node("root")
    stack = [root]
    for token in tokens:
        if token.nesting == 1:
            node = Node(token.type.removesuffix("_open"), token)
            stack[-1].children.append(node)
            stack.append(node)
        elif token.nesting == -1:
            stack.pop()
        else:
            stack[-1].children.append(Node(token.type, token))
    return root.children


def marked(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type == "code_inline":
            parts.append(CODE + child.content + END_CODE)
        elif child.type in MARKERS:
            parts.append(MARKERS[child.type] or "")
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        else:
            parts.append(child.content)
    return "".join(parts)


def plain(text: str) -> str:
    """Marked text without its markers."""
    return "".join(c for c in text if ord(c) > 8)


def codes(text: str) -> list[str]:
    """The code spans of marked text (ids), in order."""
    return [part.split(END_CODE)[0] for part in text.split(CODE)[1:]]


def only_codes(text: str) -> bool:
    rest = text
    for code in codes(text):
        rest = rest.replace(CODE + code + END_CODE, "", 1)
    return bool(codes(text)) and rest.replace(",", "").strip() == ""


def rows_of(table: Node) -> list[Node]:
    """A table's rows, header first."""
    return [row for part in table.children for row in part.children if row.type == "tr"]
