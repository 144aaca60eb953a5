"""tomlpos.key_lines: the line of every key, table and array element, in every TOML layout."""

from __future__ import annotations

import pytest

from briefing_tui.content.positions import key_lines, line_for
from briefing_tui.content.tomlread import parse_toml

DOC = """\
# comment = 1
title = "t"  # trailing comment with = sign
"quoted.key" = 1
'literal' = 2
"esc\\u0041ped" = 3
a.b.c = 4
list = [
  1,
  [2, 3],

  4,
]
inline = { x = 1, y = { z = 2 } }
multi = {
  p = [
    "a",
    "b",
  ],
  q.r = 5,
}
text = \"\"\"
not = a key
[not.a.table]
\"\"\"
raw = '''
[[nor.this]]
'''
tricky = "a \\" [ { # not a comment"

[table]
k = 1

[[items]]
id = 1

[[items.sub]]
v = 1

[[items.sub]]
v = 2

[[items]]
id = 2

[items.meta]
m = 1

[[items.sub]]
v = 3
"""

EXPECTED = {
    ("title",): 2,
    ("quoted.key",): 3,
    ("literal",): 4,
    ("escAped",): 5,
    ("a",): 6,
    ("a", "b"): 6,
    ("a", "b", "c"): 6,
    ("list",): 7,
    ("list", 0): 8,
    ("list", 1): 9,
    ("list", 1, 0): 9,
    ("list", 1, 1): 9,
    ("list", 2): 11,
    ("inline",): 13,
    ("inline", "x"): 13,
    ("inline", "y"): 13,
    ("inline", "y", "z"): 13,
    ("multi",): 14,
    ("multi", "p"): 15,
    ("multi", "p", 0): 16,
    ("multi", "p", 1): 17,
    ("multi", "q"): 19,
    ("multi", "q", "r"): 19,
    ("text",): 21,
    ("raw",): 25,
    ("tricky",): 28,
    ("table",): 30,
    ("table", "k"): 31,
    ("items",): 33,
    ("items", 0): 33,
    ("items", 0, "id"): 34,
    ("items", 0, "sub"): 36,
    ("items", 0, "sub", 0): 36,
    ("items", 0, "sub", 0, "v"): 37,
    ("items", 0, "sub", 1): 39,
    ("items", 0, "sub", 1, "v"): 40,
    ("items", 1): 42,
    ("items", 1, "id"): 43,
    ("items", 1, "meta"): 45,
    ("items", 1, "meta", "m"): 46,
    ("items", 1, "sub"): 48,
    ("items", 1, "sub", 0): 48,
    ("items", 1, "sub", 0, "v"): 49,
}


def test_document_is_valid_toml() -> None:
    data = parse_toml(DOC)
    assert data["items"][1]["sub"][0]["v"] == 3
    assert data["escAped"] == 3


def test_every_path_has_its_line() -> None:
    assert key_lines(DOC) == EXPECTED


def test_strings_do_not_create_keys() -> None:
    lines = key_lines(DOC)
    assert ("not",) not in lines
    assert ("not", "a", "table") not in lines
    assert ("nor",) not in lines


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        (("items", 0, "sub", 1, "v"), 40),
        (("items", 0, "sub", 1, "missing"), 39),  # falls back to the table
        (("items", 7), 33),  # falls back to the array
        (("list", 1, 5), 9),
        (("nowhere",), None),
        ((), None),
    ],
)
def test_line_for_falls_back_to_the_nearest_ancestor(
    loc: tuple[str | int, ...], line: int | None
) -> None:
    assert line_for(EXPECTED, loc) == line


def test_crlf_line_endings() -> None:
    assert key_lines("a = 1\r\n[t]\r\nb = [\r\n  1,\r\n  2,\r\n]\r\n") == {
        ("a",): 1,
        ("t",): 2,
        ("t", "b"): 3,
        ("t", "b", 0): 4,
        ("t", "b", 1): 5,
    }


def test_quotes_inside_multi_line_strings() -> None:
    doc = 'a = """x""""\nb = 1\nc = """ \\""" still inside """\nd = 2\n'
    assert parse_toml(doc) == {"a": 'x"', "b": 1, "c": ' """ still inside ', "d": 2}
    assert key_lines(doc) == {("a",): 1, ("b",): 2, ("c",): 3, ("d",): 4}


@pytest.mark.parametrize(
    "text",
    [
        "[",
        "[[",
        "a = [",
        'a = "',
        "a = {",
        "= 1",
        "[a.]",
        "a = '''",
        "\x00",
        "a = [[[[",
        '"\\',
        'a."b',
    ],
)
def test_garbage_never_raises(text: str) -> None:
    assert isinstance(key_lines(text), dict)
