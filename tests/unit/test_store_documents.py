"""A store's build writes the same documents and payloads as the plain code it replaced.

The build cuts each briefing into index documents and packs its plain data through faster
paths (words split on bytes, word fields written into the JSON without escaping, the
payload and each stored item written by pydantic-core, each file read once). Each is checked
here against the straightforward code it stands for, kept in this file as the reference, on
the bundled briefing, synthetic English and Russian briefings and hand-made awkward text.
"""

from __future__ import annotations

import base64
import json
import re
import sys
import unicodedata
import zlib
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.content.folders import bundled_content_path
from briefing_tui.content.loader import load_briefing
from briefing_tui.content.model import Briefing
from briefing_tui.content.snapshot import to_plain
from briefing_tui.search import engine
from briefing_tui.search.documents import briefing_docs
from briefing_tui.search.filters import FilterKeys
from briefing_tui.search.text import CJK_CHAR, WORD, is_cjk, query_words
from briefing_tui.store.build import prepare
from briefing_tui.store.manifest import pack

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.synth import write_library


def ref_analyze(folded: str) -> tuple[str, str, tuple[str, ...]]:
    """Analysis as it was written first: WORD's matches."""
    if folded.isascii() or CJK_CHAR.search(folded) is None:
        return " ".join(WORD.findall(folded)), "", ()
    words = query_words(folded)
    runs = [w for w in words if is_cjk(w)]
    chars = " ".join(c for run in runs for c in run)
    pairs = tuple(
        " ".join(run[i : i + 2] for i in range(len(run) - 1)) for run in runs if len(run) > 1
    )
    return " ".join(words), chars, pairs


def ref_documents(briefing: Briefing, seq: int, bkey: str) -> list[str]:
    """A briefing's documents as ``json.dumps`` writes each one, from reference analysis."""
    keys = FilterKeys(briefing)
    docs = list(briefing_docs(briefing))
    out = []
    for order, (doc, cited, section_id) in zip(
        engine.iter_orders(seq, len(docs)), docs, strict=True
    ):
        fields: dict[str, list[Any]] = {}
        for f in doc.fields:
            words, chars, pairs = ref_analyze(f.folded)
            parts = ["body"] * (engine.TITLE_WEIGHT if f.is_title else 1)
            if f.is_title:
                parts.append("title")
            for part in parts:
                if words:
                    fields.setdefault(part, []).append(words)
                if chars:
                    fields.setdefault(f"{part}_ch", []).append(chars)
                if pairs:
                    fields.setdefault(f"{part}_pair", []).extend(pairs)
        for part in ("body", "title"):  # each word's first letter, once per item
            letters = sorted({w[0] for v in fields.get(part, []) for w in v.split(" ")})
            if letters:
                fields[engine.PREFIX_FIELD[part]] = [" ".join(letters)]
        for name, values in keys.keys(doc, cited, section_id).items():
            fields[engine.FILTER_FIELD[name]] = list(values)
        fields["bkey"] = [bkey]
        fields["lang"] = [briefing.language.split("-", 1)[0].lower()]
        fields["order"] = [order]
        texts = [[f.name, f.text, f.is_title] for f in doc.fields]
        row = [doc.briefing_id, doc.kind, doc.target_id, doc.ref, doc.location, doc.title, texts]
        item = json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode()
        assert engine.decode_doc(engine.encode_doc(doc)) == tuple(row)
        fields["item"] = [base64.b64encode(item).decode("ascii")]
        out.append(json.dumps(fields, ensure_ascii=False, separators=(",", ":")))
    return out


AWKWARD = (
    "Zelenský met Šefčovič — “talks” in Kraków; ИСТОЧНИКИ: ёлка, йогурт, Straße, ﬁnance, "
    "m³ 2½ ǅemal ΐ Σίσυφος ÅÆØ İstanbul 北京会谈 ソウル 서울 mixed北京text under_score "
    '"quoted \\ back" unit'
)


def briefings(tmp_path: Path) -> list[tuple[Path, Path]]:
    """(folder, root) of the bundled briefing, synthetic English and Russian briefings, and
    a copy of the bundled one whose summary and first source title hold awkward text."""
    bundled = bundled_content_path()
    folders = [p for p in sorted(bundled.iterdir()) if (p / "briefing.toml").is_file()]
    out = [(f, bundled) for f in folders]
    for language in ("en", "ru"):
        root = write_library(tmp_path / language, 3, language=language)
        out += [(f, root) for f in sorted(root.iterdir())]
    root = tmp_path / "awkward"
    odd = root / "odd"
    odd.mkdir(parents=True)
    for path in folders[0].iterdir():
        (odd / path.name).write_bytes(path.read_bytes())
    meta = odd / "briefing.toml"
    text = meta.read_text()
    text = re.sub(r'(?m)^summary = "', lambda _: f"summary = {json.dumps(AWKWARD)[:-1]} ", text)
    meta.write_text(text)
    out.append((odd, root))
    return out


def test_the_build_writes_the_documents_and_payloads_of_the_reference_code(
    tmp_path: Path,
) -> None:
    cases = briefings(tmp_path)
    assert len(cases) >= 8
    for seq, (folder, root) in enumerate(cases, 1):
        ready = prepare(folder, root.resolve(), seq)
        assert ready.valid, ready.row.data()
        briefing = load_briefing(folder, root)
        assert ready.documents == ref_documents(briefing, seq, folder.name)
        reference, _ = pack({"briefing": to_plain(briefing)})
        assert json.loads(zlib.decompress(ready.row.payload)) == json.loads(
            zlib.decompress(reference)
        )
        assert zlib.crc32(ready.row.payload) == ready.row.crc


def test_the_awkward_text_reaches_every_branch(tmp_path: Path) -> None:
    """The awkward summary is indexed: folded, with CJK characters and pairs."""
    folder, root = briefings(tmp_path)[-1]
    documents = [json.loads(d) for d in prepare(folder, root.resolve(), 1).documents]
    overview = documents[0]
    assert any("zelensky met sefcovic" in v for v in overview["body"])
    assert overview.get("body_ch") and overview.get("body_pair")
    letters = overview["body_p1"][0].split()
    assert {"z", "m", "s", "и", "е", "й", "北", "ソ"} <= set(letters)


@pytest.mark.parametrize(
    "folded",
    [
        "",
        "plain words, with punctuation; and 12 numbers_and_underscores\x1f\ttabs",
        "  leading and trailing  ",
        "ascii then 北京会谈 and ソウル",
        "кириллица и латиница mixed",
        "ß ss ﬁ\u00ad soft-hyphen",
    ],
)
def test_analysis_agrees_with_the_reference(folded: str) -> None:
    analyzed = engine.analyze(folded)
    assert (analyzed.words, analyzed.chars, analyzed.pairs) == ref_analyze(folded)


def test_every_ascii_character_splits_words_as_the_reference() -> None:
    text = "".join(chr(c) for c in range(128)) * 2
    analyzed = engine.analyze(text)
    assert (analyzed.words, analyzed.chars, analyzed.pairs) == ref_analyze(text)


def test_quote_normalisation_agrees_with_one_translate_of_every_mark() -> None:
    from briefing_tui.content import rules

    def general(text: str) -> str:
        text = unicodedata.normalize("NFC", text).translate(rules._QUOTE_MARKS)
        text = re.sub("[‐-―−]", "-", text)
        return " ".join(text.split()).casefold()

    marks = "".join(map(chr, rules._QUOTE_MARKS))
    for text in ("He said `yes'  and\t'no' -- OK.", "".join(chr(c) for c in range(128))):
        for tail in ("", "—", " “Да” — ‘нет’ «ёлка» ﬁ e\u0301 ", marks, marks[::-1] * 2):
            assert rules.normalise_quote(text + tail) == general(text + tail)


def test_items_are_the_same_bytes_with_or_without_pydantic_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, root = briefings(tmp_path)[-1]
    docs = [doc for doc, _, _ in briefing_docs(load_briefing(folder, root))]
    fast = [engine.encode_doc(doc) for doc in docs]
    keys = {"source": ['s1\x1fwire "quoted" \\ ёлка'], "kind": ["paragraph"]}
    fast_json = engine.document_json(engine.document_fields(docs[0], 7, "odd", keys))
    monkeypatch.setitem(sys.modules, "pydantic_core", None)  # as if never imported
    assert [engine.encode_doc(doc) for doc in docs] == fast
    assert engine.document_json(engine.document_fields(docs[0], 7, "odd", keys)) == fast_json
    assert "\\u001f" in fast_json


@pytest.mark.parametrize(
    "triples",
    [
        [("title", "Heading one", True), ("text", "Body text, with 3 words.")],
        [("text", "Body first"), ("label", "Then a title", True), ("note", "and a note")],
        [("text", ""), ("gap", "— … ·"), ("label", "¿?", True)],
        [("title", "Заголовок", True), ("text", "Текст и text вместе"), ("note", "ёлка Straße")],
        [("text", "ascii only"), ("quote", "北京会谈 ソウル"), ("title", "Mixed 서울", True)],
        [("label", "Only a title", True)],
        [],
    ],
)
def test_one_pass_item_json_is_the_general_paths_text(triples: list[tuple[Any, ...]]) -> None:
    from briefing_tui.search.documents import Doc, make_fields

    fields = make_fields((*t, False)[:3] for t in triples)
    doc = Doc(-1, "b", "paragraph", "p1", None, "1 Section", "Title", fields)
    keys = {"kind": ["paragraph"], "source": ['s1\x1fwire "q" \\ ёлка'], "section": ["s\x1f1"]}
    general = engine.document_json(engine.document_fields(doc, 9, "odd key", dict(keys), "ru-RU"))
    assert engine.item_json(doc, 9, "odd key", dict(keys), "ru-RU") == general
