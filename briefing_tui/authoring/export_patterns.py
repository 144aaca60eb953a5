"""The shapes ``briefing export --format markdown`` writes, as patterns over marked inline text
(see ``mdtree``), built for the words of one language."""

from __future__ import annotations

import re
from typing import Any

from briefing_tui.authoring.mdtree import CODE, EM, END_CODE, END_EM, END_STRONG, STRONG
from briefing_tui.content.record import record
from briefing_tui.reading.words import Words

_ID = f"{CODE}([^{END_CODE}]*){END_CODE}"
_NUM = r"-?(?:inf|nan|[0-9.]+(?:e[-+]?[0-9]+)?)"


def _e(text: str) -> str:
    return re.escape(text)


@record(frozen=False)
class Patterns:
    words: Words

    def __post_init__(self) -> None:
        w = self.words
        S, ES = STRONG, END_STRONG
        self.notes = re.compile(
            rf"^{EM}(?:(?P<assessment>{_e(w.assessment)})|{_e(w.sources)}: (?P<ids>.*?))"
            rf"(?:; {_e(w.gap)}: (?P<gap>.*?))?(?:; {_e(w.editorial_note)}: (?P<note>.*))?"
            rf"{END_EM}$",
            re.S,
        )
        opening, closing = (_e(m) for m in w.quote_marks)
        self.attribution = re.compile(
            rf"^{_e(w.speaker)}: {S}(?P<speaker>.*?){ES}(?:, (?P<role>.*?))?"
            rf"(?:; {_e(w.quote)}: {opening}(?P<quote>.*){closing})?"
            rf"(?: \({_ID}\))?$",
            re.S,
        )
        self.figure = re.compile(
            rf"^{S}(?P<label>.*):{ES} (?P<text>.*) \((?P<value>{_NUM}) (?P<unit>.*?); "
            rf"{_e(w.measures)}: (?P<measures>.*?)"
            rf"(?:; {_e(w.target)}: (?P<target>{_NUM})(?:–(?P<high>{_NUM}))?)?\)$",
            re.S,
        )
        self.key_figure = re.compile(rf"^{_ID} (?P<figure>.*) {_e(w.refs)} {_ID}$", re.S)
        self.event = re.compile(
            rf"^{S}.*?{ES} \((?P<date>\d{{4}}-\d\d-\d\d)(?: – (?P<end>\d{{4}}-\d\d-\d\d))?\) "
            rf"{S}(?P<title>.*):{ES} (?P<text>.*) {_e(w.refs)} (?P<refs>(?:{_ID}(?:, )?)+)$",
            re.S,
        )
        self.reaction = re.compile(
            rf"^{_ID} {S}(?P<actor>.*?){ES} \((?P<shown>.*?)\): (?P<summary>.*) "
            rf"{_e(w.refs)} {_ID}$",
            re.S,
        )
        self.caption = re.compile(rf"^{S}(?P<caption>.*){ES} \({_ID}(?: → {_ID})?\)$", re.S)
        self.labelled = re.compile(rf"^{EM}(?P<word>[^{END_EM}]*):{END_EM} (?P<rest>.*)$", re.S)
        self.agreement_cell = re.compile(rf"^{_ID} {S}(?P<title>.*):{ES} (?P<text>.*)$", re.S)
        self.detail = re.compile(rf"^{_ID} \({_ID}\)$")
        self.source = re.compile(
            rf"^{_ID} {S}(?P<title>.*?){ES}(?P<cited> {EM}\(.*\){END_EM})?$", re.S
        )


def word_and_value(shown: str) -> tuple[str, str]:
    """``переговоры (negotiation)`` -> both; ``agreed`` -> the value twice."""
    match = re.fullmatch(r"(.*) \(([a-z-]+)\)", shown, re.S)
    return (match.group(1), match.group(2)) if match else (shown, shown)


def figure(match: re.Match[str]) -> dict[str, Any]:
    """The figure fields of a match of ``Patterns.figure``."""
    out: dict[str, Any] = {
        key: match.group(key) for key in ("label", "text", "value", "unit", "measures")
    }
    out["value"] = float(out["value"])
    if match.group("target") is not None:
        out["target"] = float(match.group("target"))
    if match.group("high") is not None:
        out["target_high"] = float(match.group("high"))
    return out
