"""The tantivy side of search: the schema, how a document's text becomes index terms, and
writing documents.

Why tantivy (BENCHMARKS.md, "Engine choice"): a persistent index that opens in milliseconds
at 10,000 briefings, BM25, phrase queries over positions, and the lowest keystroke p95 of the
engines measured. What stays ours: folding (:func:`~briefing_tui.search.text.fold`, applied
before anything reaches tantivy), the query language, filters' name rules, snippets and marks.

Text analysis lives in ONE function, :func:`analyze`: it turns a field's folded text into
what each tantivy field receives. Every tantivy text field uses the ``whitespace`` tokenizer
over words we already split, so tantivy only records terms and positions and never decides
what a word is. Each field of an item (its text, a quote, a speaker...) is a separate value
of a multi-valued field: tantivy leaves a position gap between values, so a phrase never runs
from one field into the next.

Each word's first letter is a term of its own (``body_p1``, ``title_p1``), so that the one
letter typed first is one term, not the thousands of words it starts (see :data:`PREFIX_FIELD`).

Word forms (issue #15) need no field of their own: the ``body`` field's term dictionary is
the library's vocabulary (:mod:`briefing_tui.search.lexicon`), grouped by Snowball stem under
the languages the ``lang`` field lists, and a query word is widened to the library's own
spellings of its stem, which are ordinary terms of ``body`` (:mod:`briefing_tui.search.expand`).
"""

from __future__ import annotations

import base64
import functools
import json
import sys
from collections.abc import Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from briefing_tui.content.record import record
from briefing_tui.search.documents import Doc
from briefing_tui.search.schema import SCHEMA_VERSION as SCHEMA_VERSION
from briefing_tui.search.text import CJK_CHAR, WORD, is_cjk, query_words

if TYPE_CHECKING:
    import tantivy

#: Items of one briefing are numbered in the low bits of the ``order`` key, the briefing's
#: sequence number in the high bits, so that sorting by ``order`` is reading order.
LOCAL_BITS = 20
#: A title word counts this many times in BM25, so a word in a heading outweighs one in
#: running text.
TITLE_WEIGHT = 3
#: The filter fields of the query language and the tantivy field that holds each one's keys.
FILTER_FIELD = {
    "source": "f_source",
    "section": "f_section",
    "area": "f_area",
    "status": "f_status",
    "kind": "f_kind",
    "briefing": "f_briefing",
}
#: Separates the parts of a name filter's key ("tass" + "tass russian news agency").
KEY_SEP = "\x1f"
#: Word field -> its first-letter field: each item's distinct first letters of the words in
#: that field, one term each, docs only. A one-letter prefix is then one term's postings:
#: matching every word it starts made tantivy build a bitset from the postings of thousands of
#: words (``t``: 1,742 words, 746,416 items, 17 ms of a 46 ms search at 10,000 briefings).
#: Distinct letters are collected here from the words :func:`_analyze` splits (a build's
#: worker processes spend ~0.9 ms a briefing more, the writing process ~0.2 ms: +10 % CPU for
#: a cold build), and tantivy indexes a dozen terms an item; having tantivy cut every word's
#: letter itself (a regex tokenizer over the words) tripled the writing process's indexing
#: time. Two letters would cost as much again for less: they start a few hundred words.
PREFIX_FIELD = {"body": "body_p1", "title": "title_p1"}
#: Writer memory: tantivy flushes a segment when it is full.
WRITER_HEAP = 64_000_000


@record(slots=True)
class Analyzed:
    """What :func:`analyze` makes of one field's folded text."""

    #: The words in order, space-separated; a CJK run stands as one word, so that a phrase
    #: never jumps over it.
    words: str
    #: Each CJK run's characters, space-separated (one value for the whole field).
    chars: str
    #: Each CJK run's overlapping character pairs, one value per run (runs never join into a
    #: phrase of pairs, which would find text that is not there).
    pairs: tuple[str, ...]


def analyze(folded: str) -> Analyzed:
    """The one function that turns folded text into index terms (see the module docstring)."""
    return Analyzed(*_analyze(folded)[:3])


def _analyze(folded: str) -> tuple[str, str, tuple[str, ...], str]:
    """:func:`analyze`'s words, chars and pairs as a plain tuple (a build makes ~16 of them a
    briefing, and a frozen dataclass costs more to make than the words), and the words' first
    letters (each once, in no order), taken from the words already split: for the first-letter
    fields, at a fifth of the cost of splitting the words' text again."""
    if folded.isascii():
        # WORD's words, found by C byte methods: in ASCII, WORD matches letters and digits.
        parts = folded.encode().translate(_ASCII_GAPS).split()
        letters = bytes(set(map(_FIRST, parts))).decode()
        return b" ".join(parts).decode(), "", (), letters
    if CJK_CHAR.search(folded) is None:
        found = WORD.findall(folded)
        return " ".join(found), "", (), "".join(set(map(_FIRST, found)))
    words = query_words(folded)
    runs = [w for w in words if is_cjk(w)]
    chars = " ".join(c for run in runs for c in run)
    pairs = tuple(
        " ".join(run[i : i + 2] for i in range(len(run) - 1)) for run in runs if len(run) > 1
    )
    return " ".join(words), chars, pairs, "".join(set(map(_FIRST, words)))


#: Every ASCII byte that is not a letter or digit, as a space (what separates words).
_ASCII_GAPS = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))


def schema() -> tantivy.Schema:
    """The index's fields: words, CJK characters and pairs, for titles and for the rest; the
    filter keys; the stored item; the reading-order key; the owning briefing's key."""
    import tantivy

    sb = tantivy.SchemaBuilder()
    for part in ("title", "body"):
        sb.add_text_field(part, tokenizer_name="whitespace", index_option="position")
        sb.add_text_field(f"{part}_ch", tokenizer_name="whitespace", index_option="freq")
        sb.add_text_field(f"{part}_pair", tokenizer_name="whitespace", index_option="position")
    for name in PREFIX_FIELD.values():
        sb.add_text_field(name, tokenizer_name="whitespace", index_option="basic")
    for name in FILTER_FIELD.values():
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("bkey", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("lang", tokenizer_name="raw", index_option="basic")
    sb.add_unsigned_field("order", stored=True, fast=True)
    sb.add_bytes_field("item", stored=True)
    return sb.build()


def encode_doc(doc: Doc) -> bytes:
    """What a hit needs of an item, stored with it (folded text is recomputed for hits)."""
    fields = [[f.name, f.text, f.is_title] for f in doc.fields]
    row = [doc.briefing_id, doc.kind, doc.target_id, doc.ref, doc.location, doc.title, fields]
    core = sys.modules.get("pydantic_core")
    if core is not None:
        # pydantic-core's writer when validating has loaded it (a build, ~80 items a
        # briefing): the bytes below for the strings, flags and None an item holds, at a
        # seventh of the cost. Never imported for this: a browser drawing from a store has not.
        return core.to_json(row)  # type: ignore[no-any-return]
    return _ENCODE(row).encode()


#: One encoder for every item (json.dumps with options builds a new one per call).
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def decode_doc(data: bytes) -> tuple[Any, ...]:
    """The row :func:`encode_doc` wrote."""
    return tuple(json.loads(data))


def tantivy_document(
    doc: Doc, order: int, bkey: str, filters: dict[str, list[str]], language: str = "en"
) -> tantivy.Document:
    """One item as a tantivy document."""
    import tantivy

    return tantivy.Document.from_dict(
        document_fields(doc, order, bkey, filters, language), _schema()
    )


def document_fields(
    doc: Doc, order: int, bkey: str, filters: dict[str, list[str]], language: str = "en"
) -> dict[str, list[Any]]:
    """One item as plain data, field name -> values: what a tantivy document is made of
    (``tantivy.Document.from_dict``), and what a build's worker processes send back to the
    process that writes the index (a tantivy document does not pickle cheaply)."""
    out: dict[str, list[Any]] = {}
    body: set[str] = set()
    title: set[str] = set()
    for f in doc.fields:
        words, chars, pairs, letters = _analyze(f.folded)
        body.update(letters)
        if f.is_title:
            title.update(letters)
        # Everything goes into the body fields, which are what is matched and scored; a
        # title's words go in TITLE_WEIGHT times (as separate values, so no phrase runs
        # between the copies), so that BM25 counts them as ours did, in one length. The title
        # fields hold titles once more, only to tell which items hold every term in a title.
        for part in _TITLE_PARTS if f.is_title else _BODY_PARTS:
            if words:
                out.setdefault(part, []).append(words)
            if chars:
                out.setdefault(f"{part}_ch", []).append(chars)
            if pairs:
                out.setdefault(f"{part}_pair", []).extend(pairs)
    for part, letters in (("body", body), ("title", title)):
        if letters:
            out[PREFIX_FIELD[part]] = [" ".join(sorted(letters))]
    for name, keys in filters.items():
        out[FILTER_FIELD[name]] = list(keys)
    out["bkey"] = [bkey]
    out["lang"] = [language.split("-", 1)[0].lower()]
    out["order"] = [order]
    out["item"] = [encode_doc(doc)]
    return out


_BODY_PARTS = ("body",)
_TITLE_PARTS = ("body",) * TITLE_WEIGHT + ("title",)
_FIRST = itemgetter(0)


def document_json(fields: dict[str, list[Any]]) -> str:
    """:func:`document_fields`' dict (consumed) as the JSON ``IndexWriter.add_json`` reads:
    how a build's worker processes hand documents over. One string crosses the process
    boundary instead of a dict of lists, and tantivy parses it without building Python
    objects: the writing process, which every document passes through, spent 1.6 ms a
    briefing unpickling dicts and converting them, 0.1 ms on the strings."""
    fields["item"] = [base64.b64encode(item).decode("ascii") for item in fields["item"]]
    # The same text as ``_ENCODE(fields)``, cheaper: the word fields hold only letters,
    # digits and spaces (what :func:`analyze` writes), and base64 only ASCII, which JSON
    # writes as they are; only the other fields (filter keys hold a separator) need escaping.
    core = sys.modules.get("pydantic_core")  # as in encode_doc: the same text, faster
    encode = _ENCODE if core is None else lambda value: core.to_json(value).decode()
    parts = []
    pending: dict[str, list[Any]] = {}  # the other fields in a row, escaped in one call
    for name, values in fields.items():
        if name in _WORD_FIELDS:
            if pending:
                parts.append(encode(pending)[1:-1])
                pending = {}
            parts.append(f'"{name}":["' + '","'.join(values) + '"]')
        else:
            pending[name] = values
    if pending:
        parts.append(encode(pending)[1:-1])
    return "{" + ",".join(parts) + "}"


def item_json(
    doc: Doc, order: int, bkey: str, filters: dict[str, list[str]], language: str = "en"
) -> str:
    """``document_json(document_fields(...))`` in one pass, for a build's ~80 items a
    briefing: an item without CJK text has only word fields, ``body`` then ``title``, whose
    words (from :func:`_analyze`, as everywhere) are written straight into the JSON. Building
    the dict of lists and walking it again was 1.9 ms of a briefing's 3.4 ms of documents. An
    item with CJK text takes the general path. ``tests/unit/test_store_documents.py`` checks
    the text is the reference's, byte for byte."""
    if doc.has_cjk:
        return document_json(document_fields(doc, order, bkey, filters, language))
    body: list[str] = []
    title: list[str] = []
    body_first: set[str] = set()
    title_first: set[str] = set()
    for f in doc.fields:
        words, _, _, letters = _analyze(f.folded)  # no CJK: no characters or pairs
        if not words:
            continue
        body_first.update(letters)
        if f.is_title:
            title_first.update(letters)
            body += [words] * TITLE_WEIGHT
            title.append(words)
        else:
            body.append(words)
    parts_out = []
    if body:
        parts_out.append('"body":["' + '","'.join(body) + '"]')
    if title:
        parts_out.append('"title":["' + '","'.join(title) + '"]')
    if body_first:
        parts_out.append('"body_p1":["' + " ".join(sorted(body_first)) + '"]')
    if title_first:
        parts_out.append('"title_p1":["' + " ".join(sorted(title_first)) + '"]')
    rest: dict[str, list[Any]] = {FILTER_FIELD[name]: list(keys) for name, keys in filters.items()}
    rest["bkey"] = [bkey]
    rest["lang"] = [language.split("-", 1)[0].lower()]
    rest["order"] = [order]
    core = sys.modules.get("pydantic_core")
    parts_out.append(_ENCODE(rest)[1:-1] if core is None else core.to_json(rest).decode()[1:-1])
    item = base64.b64encode(encode_doc(doc)).decode("ascii")
    parts_out.append(f'"item":["{item}"]')
    return "{" + ",".join(parts_out) + "}"


#: The fields :func:`document_json` writes without escaping (see there).
_WORD_FIELDS = (
    frozenset(f"{part}{suffix}" for part in ("title", "body") for suffix in ("", "_ch", "_pair"))
    | set(PREFIX_FIELD.values())
    | {"item"}
)


@functools.cache
def _schema() -> tantivy.Schema:
    return schema()


def open_index(path: str | None) -> tantivy.Index:
    """An index at ``path`` (created if absent), or in memory."""
    import tantivy

    if path is None:
        return tantivy.Index(schema())
    return tantivy.Index(schema(), path=path, reuse=True)


def writer(index: tantivy.Index, threads: int = 1) -> tantivy.IndexWriter:
    """A writer; one thread by default, since the machines this serves are shared."""
    return index.writer(heap_size=WRITER_HEAP, num_threads=threads)


def iter_orders(seq: int, count: int) -> Iterator[int]:
    """The ``order`` keys of a briefing's ``count`` items."""
    if count >= 1 << LOCAL_BITS:
        raise ValueError(f"a briefing holds at most {1 << LOCAL_BITS} searchable items")
    base = seq << LOCAL_BITS
    return iter(range(base, base + count))
