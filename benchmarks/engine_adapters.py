"""The three engines of the engine-choice benchmark behind one small interface.

Each adapter builds an index of :class:`~benchmarks.engine_items.Item` into a folder, opens an
existing one, and answers our query language: :func:`briefing_tui.search.parse_query` parses what
the user typed, and the adapter translates the parsed :class:`~briefing_tui.search.Query` into
its engine's own queries. Per keystroke an adapter returns what a results list needs from a
store: the exact hit count and the top ``limit`` items' keys and stored text, in rank order
(marks and snippets would stay ours, computed on that text, so they are not part of the race).

Not expressible, and how each adapter comes closest (the cross-check measures the effect):

- Name filters match by substring in our engine (``source:berg`` finds Bloomberg); both
  engines match whole words and word prefixes of the name (``source:bloom``).
- FTS5 cannot run a query that has only exclusions (``-coal``): the adapter selects every row
  ``NOT IN`` the excluded ones in SQL.
- tantivy's phrase-with-prefix query (``power-of-sib``) expands the last word to at most 50
  terms (the Python binding does not expose ``max_expansions``); a bare prefix uses a regex
  query over the term dictionary instead, which has no such cap.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from benchmarks.engine_items import (
    FILTER_FIELDS,
    TEXT_FIELDS,
    TITLE_WEIGHT,
    WORD,
    Item,
    choices,
    filter_groups,
    filter_words,
    is_exact_field,
)
from briefing_tui.search import Filter, Query, QueryError, SearchIndex, Term, parse_query

#: (total hit count, [(key, stored text)] of the top ``limit`` hits in rank order).
Answer = tuple[int, list[tuple[str, str]]]


class Searcher(Protocol):
    """An opened index. A keystroke is :meth:`query` then :meth:`fetch`, timed apart: the
    first is the engine's matching and ranking, the second reading what a results list shows
    (which a store could do for the 40 hits drawn rather than all ``limit``)."""

    def query(self, text: str, limit: int | None) -> tuple[int, list[Any]]:
        """The exact hit count and the top ``limit`` hits' handles in rank order
        (``limit=None``: every hit, for the cross-check)."""
        ...

    def fetch(self, handles: list[Any]) -> list[tuple[str, str]]:
        """Each hit's key and stored text, in the order given."""
        ...


def search(searcher: Searcher, text: str, limit: int | None) -> Answer:
    """Query and fetch: everything a keystroke needs from the engine."""
    total, handles = searcher.query(text, limit)
    return total, searcher.fetch(handles)


# --------------------------------------------------------------------------------------------
# Ours: the in-memory engine, rebuilt from the library on every start
# --------------------------------------------------------------------------------------------


class OursSearcher:
    """Today's engine. It persists nothing, so opening it means loading the library and
    building the index, which is why ``open`` takes the library folder."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index

    def query(self, text: str, limit: int | None) -> tuple[int, list[Any]]:
        """Ours builds its hits (with snippets and marks) here, so :meth:`fetch` is free."""
        result = self.index.search(text, limit=limit)
        return result.total, list(result.hits)

    def fetch(self, handles: list[Any]) -> list[tuple[str, str]]:
        return [(f"{h.briefing_id}/{h.kind}/{h.target_id}", h.text) for h in handles]


# --------------------------------------------------------------------------------------------
# SQLite FTS5
# --------------------------------------------------------------------------------------------

_FTS_COLUMNS = ("key", *TEXT_FIELDS, *FILTER_FIELDS)
#: bm25 weight per column, in _FTS_COLUMNS order: title words count TITLE_WEIGHT times.
_FTS_WEIGHTS = ", ".join(
    str(TITLE_WEIGHT if c == "title" else 1.0 if c == "body" else 0.0) for c in _FTS_COLUMNS
)


def fts5_build(items: Sequence[Item], folder: Path) -> Path:
    """Write an FTS5 index of ``items`` to ``folder/fts5.sqlite`` in one transaction."""
    path = folder / "fts5.sqlite"
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    columns = ", ".join(f"{c} UNINDEXED" if c == "key" else c for c in _FTS_COLUMNS)
    con.execute(
        f"CREATE VIRTUAL TABLE items USING fts5({columns}, "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    rows = ([item.fields()[c] for c in _FTS_COLUMNS] for item in items)
    marks = ", ".join("?" for _ in _FTS_COLUMNS)
    con.executemany(f"INSERT INTO items({', '.join(_FTS_COLUMNS)}) VALUES ({marks})", rows)
    con.execute("INSERT INTO items(items) VALUES ('optimize')")
    con.commit()
    con.close()
    return path


def _fts_string(words: Sequence[str], prefix: bool) -> str:
    """An FTS5 string (one word or a phrase); ``*`` makes its last word a prefix."""
    return '"' + " ".join(words) + '"' + ("*" if prefix else "")


def _fts_term(term: Term) -> str:
    return "{title body} : " + _fts_string(term.words, term.prefix)


def _fts_filter(field: str, value_words: list[str], exact: list[str] | None) -> str:
    if exact is not None:
        return "(" + " OR ".join(f'{{{field}}} : "{v}"' for v in exact) + ")" if exact else ""
    return f"{{{field}}} : " + _fts_string(value_words, True) if value_words else ""


#: A filter alternative that selects nothing (a name filter value without a word in it).
_NOTHING = '{kind} : "no0such0kind"'


def fts5_match(query: Query) -> tuple[str | None, str | None]:
    """The positive MATCH expression and the one for excluded rows (either may be None).

    FTS5's ``NOT`` is binary, and a filter that selects nothing must select nothing: an empty
    alternative becomes a phrase that cannot occur (:data:`_NOTHING`).
    """
    groups, negated_filters = filter_groups(query)
    parts = [_fts_term(t) for t in query.terms]
    for filters in groups.values():
        alts = [_filter_alt(f) for f in filters]
        alts = [a for a in alts if a] or [_NOTHING]
        parts.append("(" + " OR ".join(alts) + ")")
    negatives = [_fts_term(t) for t in query.excluded]
    negatives += [a for a in map(_filter_alt, negated_filters) if a]
    positive = " AND ".join(parts) if parts else None
    negative = " OR ".join(negatives) if negatives else None
    return positive, negative


def _filter_alt(f: Filter) -> str:
    exact = choices(f) if is_exact_field(f.field) else None
    return _fts_filter(f.field, filter_words(f), exact)


def parsed(text: str) -> Query | None:
    """``text`` as our query language reads it; None for a malformed or empty query (no hits)."""
    try:
        query = parse_query(text)
    except QueryError:
        return None
    return None if query.is_empty else query


class Fts5Searcher:
    """An FTS5 index opened read-only."""

    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def query(self, text: str, limit: int | None) -> tuple[int, list[Any]]:
        query = parsed(text)
        if query is None:
            return 0, []
        positive, negative = fts5_match(query)
        where, args = [], []
        if positive is not None:
            where.append("items MATCH ?")
            args.append(positive)
        if negative is not None:
            where.append("rowid NOT IN (SELECT rowid FROM items WHERE items MATCH ?)")
            args.append(negative)
        sql_where = " AND ".join(where)
        total = self.con.execute(f"SELECT count(*) FROM items WHERE {sql_where}", args)
        count = int(total.fetchone()[0])
        order = f"bm25(items, {_FTS_WEIGHTS})" if positive is not None else "rowid"
        cap = -1 if limit is None else limit
        rows = self.con.execute(
            f"SELECT rowid FROM items WHERE {sql_where} ORDER BY {order} LIMIT ?",
            [*args, cap],
        ).fetchall()
        return count, [r for (r,) in rows]

    def fetch(self, handles: list[Any]) -> list[tuple[str, str]]:
        found: dict[int, tuple[str, str]] = {}
        for start in range(0, len(handles), 500):  # SQLite's default variable limit is higher
            chunk = handles[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT rowid, key, body FROM items WHERE rowid IN ({marks})"
            found.update((r, (k, b)) for r, k, b in self.con.execute(sql, chunk))
        return [found[r] for r in handles]


# --------------------------------------------------------------------------------------------
# tantivy
# --------------------------------------------------------------------------------------------

#: Tokenizer of the text fields: "default" (split, drop >40-byte tokens, lowercase) or our
#: "en_ru_stem" (the same, then the Snowball English and Russian stemmers: each leaves the
#: other script's words alone, so one field serves mixed English and Russian text).
TANTIVY_TOKENIZERS = ("default", "en_ru_stem")


def _register(index: object, tokenizer: str) -> None:
    """Custom analyzers are not stored in the index: register them on every open."""
    import tantivy

    if tokenizer == "en_ru_stem":
        assert isinstance(index, tantivy.Index)
        index.register_tokenizer("en_ru_stem", _analyzer(stem=True))


def _analyzer(stem: bool) -> object:
    import tantivy

    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
    )
    if stem:
        builder = builder.filter(tantivy.Filter.stemmer("english"))
        builder = builder.filter(tantivy.Filter.stemmer("russian"))
    return builder.build()


#: Prefixes up to this long get their own terms in the ``*_pre`` fields of the prefix variant.
PREFIX_TERMS = 3


def word_prefixes(text: str) -> str:
    """The 1- to :data:`PREFIX_TERMS`-letter prefixes of every word of folded text, as one
    space-separated string for a whitespace-tokenized field: an edge n-gram index, as FTS5's
    ``prefix='1 2 3'``, so that a short typed prefix is one term, not a regex over thousands."""
    return " ".join(
        w[:n] for w in WORD.findall(text) for n in range(1, min(len(w), PREFIX_TERMS) + 1)
    )


def _schema(tokenizer: str, prefixes: bool) -> object:
    import tantivy

    sb = tantivy.SchemaBuilder()
    if prefixes:
        for name in TEXT_FIELDS:
            sb.add_text_field(f"{name}_pre", tokenizer_name="whitespace", index_option="freq")
    sb.add_integer_field("row", stored=True, fast=True)
    sb.add_text_field("key", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("title", stored=False, tokenizer_name=tokenizer)
    sb.add_text_field("body", stored=True, tokenizer_name=tokenizer)
    for name in FILTER_FIELDS:
        exact = is_exact_field(name)
        sb.add_text_field(
            name,
            tokenizer_name="raw" if exact else "default",
            index_option="basic" if exact else "position",
        )
    return sb.build()


def tantivy_build(path: Path, items: Sequence[Item], tokenizer: str, prefixes: bool) -> Path:
    """Write a tantivy index of ``items`` to ``path``: one commit, then wait for the merges so
    that the size on disk is final. ``prefixes`` adds the edge n-gram fields."""
    import tantivy

    path.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(_schema(tokenizer, prefixes), path=str(path), reuse=False)
    _register(index, tokenizer)
    writer = index.writer(heap_size=128_000_000)
    for row, item in enumerate(items):
        fields = item.fields()
        if prefixes:
            fields["title_pre"] = word_prefixes(item.title)
            fields["body_pre"] = word_prefixes(item.body)
        writer.add_document(tantivy.Document(row=row, **fields))
    writer.commit()
    writer.wait_merging_threads()
    return path


class TantivySearcher:
    """A tantivy index opened from disk."""

    def __init__(self, path: Path, tokenizer: str, prefixes: bool = False) -> None:
        import tantivy

        self.t = tantivy
        self.index = tantivy.Index.open(str(path))
        _register(self.index, tokenizer)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()
        self.stem = _analyzer(stem=True) if tokenizer == "en_ru_stem" else None
        self.prefixes = prefixes

    def _words(self, words: Sequence[str]) -> list[str]:
        """Query words as the field's analyzer indexed them (stemmed for en_ru_stem)."""
        if self.stem is None:
            return list(words)
        out = []
        for w in words:
            out.extend(self.stem.analyze(w) or [w])  # type: ignore[attr-defined]
        return out

    def _in_field(self, field: str, words: Sequence[str], prefix: bool) -> object:
        q = self.t.Query
        if prefix and len(words) == 1 and self.prefixes and len(words[0]) <= PREFIX_TERMS:
            return q.term_query(self.schema, f"{field}_pre", words[0])
        if prefix and len(words) == 1:
            pattern = q.regex_query(self.schema, field, re.escape(words[0]) + ".*")
            if self.stem is None:
                return pattern
            # A whole word typed is still a prefix, but its stem may be shorter than it.
            stemmed = q.term_query(self.schema, field, self._words(words)[0])
            return q.boolean_query([(self.t.Occur.Should, pattern), (self.t.Occur.Should, stemmed)])
        if prefix:
            return q.phrase_prefix_query(self.schema, field, [*self._words(words[:-1]), words[-1]])
        ws = self._words(words)
        if len(ws) == 1:
            return q.term_query(self.schema, field, ws[0])
        return q.phrase_query(self.schema, field, ws)

    def _term(self, term: Term) -> object:
        q = self.t.Query
        body = self._in_field("body", term.words, term.prefix)
        title = q.boost_query(self._in_field("title", term.words, term.prefix), TITLE_WEIGHT)
        return q.boolean_query([(self.t.Occur.Should, body), (self.t.Occur.Should, title)])

    def _filter(self, f: Filter) -> object:
        q, should = self.t.Query, self.t.Occur.Should
        if is_exact_field(f.field):
            alts = [q.term_query(self.schema, f.field, v) for v in choices(f)]
        else:
            words = filter_words(f)
            alts = [self._name(f.field, words)] if words else []
        if not alts:
            return q.empty_query()
        return q.boolean_query([(should, a) for a in alts])

    def _name(self, field: str, words: list[str]) -> object:
        q = self.t.Query
        if len(words) == 1:
            return q.regex_query(self.schema, field, re.escape(words[0]) + ".*")
        return q.phrase_prefix_query(self.schema, field, words)

    def translate(self, query: Query) -> object:
        """Our parsed query as one tantivy boolean query."""
        occur, q = self.t.Occur, self.t.Query
        clauses = [(occur.Must, self._term(t)) for t in query.terms]
        groups, negated = filter_groups(query)
        for filters in groups.values():
            alts = [(occur.Should, self._filter(f)) for f in filters]
            clauses.append((occur.Must, q.boolean_query(alts)))
        if not clauses:
            clauses.append((occur.Must, q.all_query()))
        clauses += [(occur.MustNot, self._term(t)) for t in query.excluded]
        clauses += [(occur.MustNot, self._filter(f)) for f in negated]
        return q.boolean_query(clauses)

    def query(self, text: str, limit: int | None) -> tuple[int, list[Any]]:
        query = parsed(text)
        if query is None:
            return 0, []
        tq = self.translate(query)
        cap = self.searcher.num_docs if limit is None else limit
        result = self.searcher.search(tq, max(1, cap), count=True)
        return int(result.count or 0), [address for _, address in result.hits]

    def fetch(self, handles: list[Any]) -> list[tuple[str, str]]:
        docs = (self.searcher.doc(address) for address in handles)
        return [(d.get_first("key"), d.get_first("body") or "") for d in docs]
