"""Deterministic synthetic briefings, shaped like the bundled one, for the search benchmark.

Each briefing has the bundled briefing's structure and size (5 sections of 4-6 paragraphs of
about 1,000 characters, 13 agreements in 4 areas, 14 sources, 6 key figures, 5 timeline events,
8 reactions: ~35 KB of text). Words are drawn from a Zipf-like distribution (weight 1/rank^1.07)
over a vocabulary of real English words from analytical reports, followed by a long tail of
generated pseudo-words, so that common words are very common and most words are rare, as in
real text. A few accented and Cyrillic names and recurring phrases ("Power of Siberia") appear
as they do in the real report.

With ``language="ru"`` the briefings are Russian (``language = "ru"``): common words of
analytical prose in several grammatical forms each, then generated stems that each appear with
several case endings, so word forms are as common as in real Russian text (issue #15).

The output is TOML folders written through the same format authors use, so the benchmark's load
time covers the real loader. The same ``seed``, ``count`` and ``language`` always give the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from functools import cache
from pathlib import Path

#: Common words first, roughly by frequency in analytical prose; ranks drive the Zipf weights.
_BASE_TEXT = """
the of and to in a on that for with as by is was at from this will be their its which an are it
has have were or also not more between two countries parties visit russia china cooperation
trade economic relations president political new strategic partnership energy agreement
agreements development joint statement international bilateral talks meeting leaders side sides
first main world west united states moscow beijing security countries growth investment project
projects support market markets policy western goals issues positions global regional
technology financial sanctions gas oil pipeline supply billion percent year years during after
before over under within would could should may its such other both all most some many these
those further important key special signed announced confirmed stated noted stressed according
sources official media analysts said expected plan plans increase expand expansion deepen
strengthen framework long term area areas field sector sectors industry industrial production
companies national currency currencies settlements banking systems payments infrastructure
logistics transport route routes railway ports border region military defence exercises army
cultural humanitarian education science research innovation green nuclear power engineering
coal electricity agricultural exports imports goods services access digital communications
satellite space resources demand price prices contract contracts negotiations stage final
discussions position attitude response reaction reactions concern concerns criticism europe
european union ukraine conflict settlement peace order multipolar hegemony history memory
victory anniversary war celebration parade ceremony delegation minister ministry foreign
spokesman
"""
_BASE_WORDS = _BASE_TEXT.split()

_NAMES = [
    "Xi Jinping",
    "Vladimir Putin",
    "Maria Zakharova",
    "Yuri Ushakov",
    "Wang Yi",
    "Sergey Lavrov",
    "Volodymyr Zelenský",
    "Ursula von der Leyen",
    "Kaja Kallas",
    "Hao He",
]
_PHRASES = [
    "Power of Siberia-2",
    "comprehensive partnership and strategic cooperation",
    "multipolar world",
    "national currencies",
    "Northern Sea Route",
    "Москва и Пекин",
    "Belt and Road",
]
_OUTLETS = ["TASS", "Interfax", "RIA Novosti", "Bloomberg", "Reuters", "China Daily", "NYT"]
_AREAS = [
    ("power", "Power engineering"),
    ("trade", "Trade and finance"),
    ("technology", "Technology & Industry"),
    ("infrastructure", "Infrastructure and logistics"),
]
_STATUSES = ["negotiation", "memorandum", "agreed", "target", "statement"]
_KINDS = ["official", "agency", "media", "document", "expert"]
_STANCES = ["condemned", "concerned", "critical", "restrained", "wary", "welcomed", "divided"]
_SYLLABLE_TEXT = "ka to ri mu ne so va li de pra gor stan vel ost mir kov sha zen bor lin tel"
_SYLLABLES = _SYLLABLE_TEXT.split()

#: Russian: frequent words of analytical prose, several forms of each (cases, numbers, tenses).
_RU_BASE_TEXT = """
и в на с по что о к для не из как это его а также от до при их были был будет стороны сторон
сторонам переговоры переговоров переговорах переговорам россия россии россию китай китая китаю
китае сотрудничество сотрудничества сотрудничеству сотрудничестве газ газа газу газе газопровод
газопровода газопроводу газопроводе газопроводы газопроводов соглашение соглашения соглашению
соглашении соглашений соглашениям цена цены цене цену ценой цен поставки поставок поставкам
поставках визит визита визиту визите президент президента президенту президентом лидеры лидеров
лидерам заявил заявила заявили заявление заявления заявлению подписал подписали подписать
подписано торговля торговли торговле экономика экономики экономике развитие развития развитию
энергетика энергетики энергетике проект проекта проекты проектов инвестиции инвестиций
безопасность безопасности партнерство партнерства отношения отношений отношениях встреча встречи
встрече министр министра министерство министерства источники источников сибирь сибири монголия
монголии маршрут маршрута маршруту рынок рынка рынке рынки рынков валюта валюты валютах расчеты
расчетов санкции санкций санкциям запад запада западные западных позиция позиции позицию
обсуждали обсуждают обсудили договорились договорятся договоренность договоренности
"""
_RU_NAMES = ["Си Цзиньпин", "Владимир Путин", "Юрий Ушаков", "Сергей Лавров", "Ван И"]
_RU_PHRASES = ["Сила Сибири — 2", "всеобъемлющее партнерство", "национальные валюты", "Пояс и путь"]
_RU_SYLLABLES = [
    "ка",
    "то",
    "ри",
    "му",
    "не",
    "со",
    "ва",
    "ли",
    "де",
    "пра",
    "гор",
    "стан",
    "вел",
    "ост",
    "мир",
    "ков",
    "ша",
    "зен",
    "бор",
    "лин",
    "тел",
]
#: Case endings a generated Russian stem is written with (nominative, genitive, dative...).
_RU_ENDINGS = ["", "а", "у", "е", "ом", "ы", "ов", "ам", "ами", "ах"]

#: Vocabulary size: the base words, then generated words down the tail.
VOCABULARY_SIZE = 20_000
ZIPF_EXPONENT = 1.07


@cache
def _weights(language: str = "en") -> tuple[list[str], list[float]]:
    words = vocabulary(language)
    cum = list(itertools.accumulate(1 / rank**ZIPF_EXPONENT for rank in range(1, len(words) + 1)))
    return words, cum


@cache
def vocabulary(language: str = "en") -> list[str]:
    """The benchmark vocabulary, most frequent first; the same on every run."""
    if language == "ru":
        return _ru_vocabulary()
    words = list(dict.fromkeys(_BASE_WORDS))
    seen = set(words)
    for length in itertools.count(2):
        for parts in itertools.product(_SYLLABLES, repeat=length):
            word = "".join(parts)
            if word not in seen:
                seen.add(word)
                words.append(word)
                if len(words) == VOCABULARY_SIZE:
                    return words
    raise AssertionError("unreachable")


def _ru_vocabulary() -> list[str]:
    """Russian: the base words, then generated stems each with its case endings in turn (so
    the forms of one stem sit next to each other in frequency, as they do in real text)."""
    words = list(dict.fromkeys(_RU_BASE_TEXT.split()))
    seen = set(words)
    for length in itertools.count(2):
        for parts in itertools.product(_RU_SYLLABLES, repeat=length):
            stem = "".join(parts)
            for ending in _RU_ENDINGS:
                word = stem + ending
                if word not in seen:
                    seen.add(word)
                    words.append(word)
                    if len(words) == VOCABULARY_SIZE:
                        return words
    raise AssertionError("unreachable")


class _Writer:
    """Draws text for one briefing from a seeded generator."""

    def __init__(
        self,
        rng: random.Random,
        words: list[str],
        cum: list[float],
        names: list[str] = _NAMES,
        phrases: list[str] = _PHRASES,
    ) -> None:
        self.rng = rng
        self.words = words
        self.cum = cum
        self.names = names
        self.phrases = phrases

    def sentence(self) -> str:
        rng = self.rng
        picked = rng.choices(self.words, cum_weights=self.cum, k=rng.randint(9, 28))
        if rng.random() < 0.25:
            picked.insert(rng.randrange(len(picked)), rng.choice(self.names))
        if rng.random() < 0.12:
            picked.insert(rng.randrange(len(picked)), rng.choice(self.phrases))
        text = " ".join(picked)
        return text[0].upper() + text[1:] + "."

    def text(self, chars: int) -> str:
        out: list[str] = []
        size = 0
        while size < chars:
            sentence = self.sentence()
            out.append(sentence)
            size += len(sentence) + 1
        return " ".join(out)

    def title(self, words: int = 5) -> str:
        picked = self.rng.choices(self.words[:400], k=words)
        return " ".join(picked).capitalize()


def _s(value: str) -> str:
    """A TOML basic string (JSON string escapes are valid TOML)."""
    return json.dumps(value, ensure_ascii=False)


def _ids(values: list[str]) -> str:
    return "[" + ", ".join(_s(v) for v in values) + "]"


def briefing_files(index: int, seed: int = 2025, language: str = "en") -> dict[str, str]:
    """The five content files of synthetic briefing number ``index`` (in ``language``: en, ru)."""
    rng = random.Random(seed * 1_000_003 + index)
    words, cum = _weights(language)
    if language == "ru":
        w = _Writer(rng, words, cum, _RU_NAMES, _RU_PHRASES)
    else:
        w = _Writer(rng, words, cum)
    start = dt.date(2020, 1, 1) + dt.timedelta(days=index % 1500)
    end = start + dt.timedelta(days=3)
    source_ids = [f"src-{i}" for i in range(1, 15)]

    briefing = "\n".join(
        [
            f'id = "synth-{index:04d}"',
            f"title = {_s(w.title(7))}",
            *([f'language = "{language}"'] if language != "en" else []),
            f"start = {start.isoformat()}",
            f"end = {end.isoformat()}",
            f"photo_caption = {_s(w.text(150))}",
            f"summary = {_s(w.text(500))}",
            'tags = ["synthetic", "benchmark"]',
        ]
    )

    sections: list[str] = []
    paragraph_ids: list[str] = []
    for s in range(1, 6):
        sections += ["[[sections]]", f'id = "s{s}"', f"title = {_s(w.title())}", ""]
        for p in range(1, rng.randint(4, 6) + 1):
            pid = f"s{s}.p{p}"
            paragraph_ids.append(pid)
            sections += ["[[sections.paragraphs]]", f'id = "{pid}"']
            text = w.text(rng.randint(600, 1200))
            sections.append(f"text = {_s(text)}")
            if rng.random() < 0.15:
                sections += ["assessment = true", ""]
                continue
            cited = rng.sample(source_ids, rng.randint(1, 3))
            sections.append(f"sources = {_ids(cited)}")
            if rng.random() < 0.5:
                speaker = rng.choice(_NAMES)
                w.sentence()  # drawn as before, so the rest of the library is unchanged
                quote = " ".join(text.split()[:6])  # a quote must occur in its paragraph
                sections.append(
                    f"attributions = [{{ speaker = {_s(speaker)}, quote = {_s(quote)}, "
                    f"source = {_s(cited[0])} }}]"
                )
            sections.append("")

    agreements = [
        'after_section = "s2"',
        f"intro = {_s(w.text(120))}",
        'area_heading = "Scope of cooperation"',
        'items_heading = "Key agreements"',
        f"note = {_s(w.text(300))}",
        "",
    ]
    for area_id, area_title in _AREAS:
        agreements += ["[[areas]]", f'id = "{area_id}"', f"title = {_s(area_title)}", ""]
    agreement_ids = []
    for a in range(1, 14):
        aid = f"agreement-{a}"
        agreement_ids.append(aid)
        agreements += [
            "[[agreements]]",
            f'id = "{aid}"',
            f'area = "{_AREAS[a % len(_AREAS)][0]}"',
            f"title = {_s(w.title(3))}",
            f"text = {_s(w.text(rng.randint(150, 400)))}",
            f'status = "{rng.choice(_STATUSES)}"',
            f"sources = {_ids(rng.sample(source_ids, 1))}",
            "",
        ]

    sources = ['heading = "Sources"', ""]
    for i, sid in enumerate(source_ids):
        outlets = rng.sample(_OUTLETS, rng.randint(0, 3))
        sources += [
            "[[sources]]",
            f'id = "{sid}"',
            f"title = {_s(w.text(90))}",
            f'kind = "{_KINDS[i % len(_KINDS)]}"',
            f"outlets = {_ids(outlets)}",
            f"in_report_list = {'true' if i < 10 else 'false'}",
            "",
        ]

    readable = paragraph_ids + agreement_ids
    overview: list[str] = []
    for f in range(1, 7):
        value = float(rng.randint(1, 500))
        overview += [
            "[[figures]]",
            f'id = "figure-{f}"',
            f"ref = {_s(rng.choice(readable))}",
            f"label = {_s(w.title(4))}",
            f'text = "about {value:g} billion"',
            f"value = {value}",
            'unit = "USD billion"',
            f"measures = {_s(w.text(60))}",
            "",
        ]
    for t in range(5):
        day = start + dt.timedelta(days=min(t, 3))
        overview += [
            "[[timeline]]",
            f"date = {day.isoformat()}",
            f"title = {_s(w.title(5))}",
            f"text = {_s(w.text(140))}",
            f"refs = {_ids([rng.choice(readable)])}",
            "",
        ]
    for r in range(1, 9):
        overview += [
            "[[reactions]]",
            f'id = "reaction-{r}"',
            f"actor = {_s(w.title(2))}",
            f'stance = "{rng.choice(_STANCES)}"',
            f"summary = {_s(w.text(120))}",
            f"ref = {_s(rng.choice(readable))}",
            "",
        ]
    return {
        "briefing.toml": briefing + "\n",
        "sections.toml": "\n".join(sections) + "\n",
        "agreements.toml": "\n".join(agreements) + "\n",
        "sources.toml": "\n".join(sources) + "\n",
        "overview.toml": "\n".join(overview) + "\n",
    }


def write_library(folder: Path, count: int, seed: int = 2025, language: str = "en") -> Path:
    """Write ``count`` synthetic briefing folders under ``folder``; returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        target = folder / f"synth-{index:04d}"
        target.mkdir(exist_ok=True)
        for name, text in briefing_files(index, seed, language).items():
            (target / name).write_text(text, encoding="utf-8")
    return folder
