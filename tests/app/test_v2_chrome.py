"""Format-v2 briefings in the browser's chrome: tabs a briefing lacks, the user's language,
source links (shown whole, copyable, never opened) and dates in the briefing's language."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import region_text, screen_text

from briefing_tui.content.loader import load_library
from briefing_tui.content.problems import LoadResult
from briefing_tui.ui import i18n
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.i18n import ui_language
from briefing_tui.ui.screens.help import HelpScreen
from briefing_tui.ui.widgets.attribution import AttributionPane
from briefing_tui.ui.widgets.status_line import StatusLine
from briefing_tui.ui.widgets.tab_strip import TabStrip

V2 = Path(__file__).resolve().parent.parent / "data" / "library-v2"
LONG_URL = (
    "https://en.kremlin.ru/events/president/news/"
    + "a-very-long-segment-of-the-address/" * 4
    + "76884?lang=en&[b]markup[/b]=1"
)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    i18n.use("en")


def load(name: str) -> LoadResult:
    result = load_library(V2 / name)
    assert result.problems == []
    return result


def strip_text(app: BriefingApp) -> str:
    return app.screen.query_one(TabStrip).render().plain


def status(app: BriefingApp) -> str:
    return app.screen.query_one(StatusLine).message


def squeezed(value: str) -> str:
    """Screen text without whitespace, box edges or scrollbar blocks: a folded link reads whole."""
    return "".join(ch for ch in value if not ch.isspace() and not "\u2500" <= ch <= "\u259f")


async def help_rows(pilot: object) -> set[str]:
    """Every row of the open help screen, paged through with space, whitespace squeezed."""
    app = pilot.app  # type: ignore[attr-defined]
    rows: set[str] = set()
    for _ in range(12):
        for line in screen_text(app).splitlines()[2:-3]:
            inside = line.split("│")[1] if line.count("│") >= 2 else ""
            inside = "".join(ch for ch in inside if not "\u2580" <= ch <= "\u259f")  # scrollbar
            rows.add(" ".join(inside.split()))
        await pilot.press("space")  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
    return rows


# -- tabs with nothing to show ----------------------------------------------------------------


async def test_a_briefing_without_agreements_has_no_agreements_tab() -> None:
    app = BriefingApp(load("visit-note-ru"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert strip_text(app).split() == ["1", "Overview", "2", "Report", "4", "Sources"]
        await pilot.press("3")
        await pilot.pause()
        assert app.screen.tabs.active == "report"  # type: ignore[attr-defined]
        assert status(app) == "This briefing has no agreements table."
        await pilot.press("4")  # the digits do not move: 4 is still Sources
        await pilot.pause()
        assert app.screen.tabs.active == "sources"  # type: ignore[attr-defined]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = await help_rows(pilot)
        assert {"1 Overview", "2 Report", "4 Sources"} <= rows
        assert not [row for row in rows if row.startswith("3 ") or "Agreement" in row]


async def test_the_palette_offers_no_tab_the_briefing_lacks() -> None:
    app = BriefingApp(load("visit-note-ru"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        from briefing_tui.ui.palette import JumpCommands

        provider = JumpCommands(app.screen)
        tabs = {t.id for t in provider._targets() if t.kind == "tab"}
        assert tabs == {"#overview", "#sources"}
        assert app.screen.jump("#agreements") is False  # type: ignore[attr-defined]


async def test_a_briefing_with_agreements_keeps_all_four_tabs() -> None:
    app = BriefingApp(load("visit-figures-en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "3 Agreements" in strip_text(app)


async def test_an_overview_without_figures_timeline_or_reactions_says_so() -> None:
    app = BriefingApp(load("visit-figures-en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        shown = screen_text(app)
        assert "The May 2025 visit in figures" in shown
        assert "This briefing has no key figures, timeline or reactions." in shown


# -- the user's language ----------------------------------------------------------------------


RUSSIAN_TABS = ["1", "Обзор", "2", "Доклад", "3", "Соглашения", "4", "Источники"]
ENGLISH_TABS = ["1", "Overview", "2", "Report", "3", "Agreements", "4", "Sources"]


@pytest.mark.parametrize(
    ("lang", "tabs", "help_words", "footer_word"),
    [
        (
            "ru_RU.UTF-8",
            RUSSIAN_TABS,
            ("Клавиши", "Строка вниз", "2 Доклад", "Приложение"),
            "Выход",
        ),
        ("C", ENGLISH_TABS, ("Keys", "Down a line", "2 Report", "The app"), "Quit"),
        ("C.UTF-8", ENGLISH_TABS, ("Keys", "Down a line", "2 Report", "The app"), "Quit"),
        ("en_US.UTF-8", ENGLISH_TABS, ("Keys", "Down a line", "2 Report", "The app"), "Quit"),
    ],
)
async def test_tab_strip_help_and_footer_follow_lang(
    lang: str, tabs: list[str], help_words: tuple[str, ...], footer_word: str
) -> None:
    app = BriefingApp(load("visit-figures-en"), language=ui_language({"LANG": lang}))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert strip_text(app).split() == tabs
        assert footer_word in screen_text(app).splitlines()[-1]
        await pilot.press("question_mark")
        await pilot.pause()
        rows = " | ".join(await help_rows(pilot)) + screen_text(app)
        for word in help_words:
            assert word in rows


async def test_russian_chrome_over_an_english_briefing_keeps_the_briefing_english() -> None:
    app = BriefingApp(load("visit-figures-en"), language="ru")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "7–10 May 2025" in shown  # the briefing's dates, in its language
        assert "2 Доклад" in shown
        await pilot.press("u")
        await pilot.pause()
        assert status(app) == "Показаны только абзацы без источников (u: показать все)."


async def test_a_russian_status_message_and_hidden_tab_notice() -> None:
    app = BriefingApp(load("visit-note-ru"), language="ru")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert status(app) == "В этом докладе нет таблицы соглашений."
        await pilot.press("backspace")
        await pilot.pause()
        assert status(app) == "Дальше истории нет."


# -- dates in the briefing's language ---------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_russian_briefing_dates_are_russian_in_header_timeline_and_sources(
    size: tuple[int, int],
) -> None:
    app = BriefingApp(load("visit-note-ru"))  # an English session: only the dates are Russian
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert "7–10 мая 2025" in screen_text(app).splitlines()[0]
        await pilot.press("1")
        await pilot.pause()
        overview = screen_text(app)
        assert "7–10 мая 2025" in overview
        assert "8 мая" in overview and "12 мая" in overview  # the timeline's days
        assert "ХРОНОЛОГИЯ" in overview  # the briefing's own heading, in its language
        await pilot.press("4")
        await pilot.pause()
        assert "published 8 мая 2025" in screen_text(app)


# -- links ------------------------------------------------------------------------------------


@pytest.fixture
def long_link(tmp_path: Path) -> LoadResult:
    """visit-figures-en with a long link holding markup-like brackets for the Kremlin source."""
    folder = tmp_path / "visit-figures-en"
    shutil.copytree(V2 / "visit-figures-en", folder)
    sources = folder / "sources.toml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("http://en.kremlin.ru/", LONG_URL),
        encoding="utf-8",
    )
    return load_library(folder)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_a_long_link_is_shown_whole_in_the_sources_tab_and_the_pane(
    long_link: LoadResult, size: tuple[int, int]
) -> None:
    app = BriefingApp(long_link, goto="kremlin")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.tabs.active == "sources"  # type: ignore[attr-defined]
        listing = region_text(app, app.screen.query_one("#sources-list"))
        assert squeezed(LONG_URL) in squeezed(listing)  # folded over lines, nothing cut
        pane = app.screen.query_one(AttributionPane)
        if not pane.region.width:  # beside the tabs when wide; p opens it when narrow
            await pilot.press("p")
            await pilot.pause()
        assert LONG_URL in pane.plain_text  # brackets shown as written, not parsed as markup
        assert squeezed(LONG_URL) in squeezed(region_text(app, pane))
        assert "published 8 May 2025 · accessed 12 May 2025" in pane.plain_text


async def test_L_copies_the_link_of_the_source_under_the_cursor(long_link: LoadResult) -> None:
    app = BriefingApp(long_link, goto="kremlin")
    opened: list[str] = []
    app.open_url = lambda url, **_: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        assert app.clipboard == LONG_URL
        assert status(app).startswith("Copied the link: https://en.kremlin.ru/")
        await pilot.press("j")  # customs
        await pilot.press("L")
        await pilot.pause()
        assert app.clipboard == "https://customs.gov.ru/"
        await pilot.press("j", "L")  # news agencies: no link
        await pilot.pause()
        assert status(app) == "This source has no link."
        assert app.clipboard == "https://customs.gov.ru/"
    assert opened == []  # nothing was ever opened


async def test_L_in_the_report_copies_every_link_the_paragraph_cites() -> None:
    app = BriefingApp(load("visit-figures-en"), goto="econ.trade.p1", language="ru")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        assert app.clipboard == "http://en.kremlin.ru/\nhttps://customs.gov.ru/"
        assert status(app) == "Скопированы 2 ссылки, по одной в строке."


def test_control_characters_in_a_link_never_reach_the_screen() -> None:
    from briefing_tui.ui.widgets.attribution import source_facts

    source = load("visit-figures-en").library.briefings[0].source("kremlin")
    hostile = dataclasses.replace(source, url="https://x.example/\x1b]52;c;ZXZpbA==\x07\u202e")
    shown = source_facts(hostile, "en").plain
    assert "https://x.example/" in shown
    assert not any(ch in shown for ch in "\x1b\x07\u202e")


async def test_words_inserted_into_a_russian_briefing_are_russian_in_an_english_session() -> None:
    app = BriefingApp(load("visit-note-ru"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        report = " ".join(screen_text(app).split())
        assert "◇ без ссылки на источник: оценка аналитика" in report
        assert "no source cited" not in report
        await pilot.press("1")
        await pilot.pause()
        overview = screen_text(app)
        assert "ОСУЖДЕНИЕ" in overview  # stance in the briefing's language
        assert "ВЫЖИДАТЕЛЬНАЯ" in overview  # `other` shows the author's own stance_label
        assert "CONDEMNED" not in overview and "OTHER" not in overview
        await pilot.press("4")
        await pilot.pause()
        assert "официальное заявление" in screen_text(app)
        assert "in report list" in screen_text(app)  # the chrome stays in the session's language


async def test_the_palette_speaks_the_session_language() -> None:
    app = BriefingApp(load("visit-figures-en"), language="ru")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        assert "Поиск команд и переходов…" in shown
        await pilot.press(*"Trade")
        await pilot.pause(0.3)
        assert "Раздел: §1.1" in screen_text(app)  # kinds in the palette are translated


@pytest.mark.parametrize(
    ("size", "keys"), [((120, 40), ["3"]), ((80, 24), ["3", "p"]), ((60, 16), ["3"])]
)
async def test_the_russian_agreements_toolbar_wraps_instead_of_being_cut(
    bundled: LoadResult, size: tuple[int, int], keys: list[str]
) -> None:
    app = BriefingApp(bundled, language="ru")
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*keys)
        await app.workers.wait_for_complete()
        await pilot.pause()
        toolbar = app.screen.query_one("#agreements-status")
        shown = " ".join(region_text(app, toolbar).split())
        assert shown.startswith("Сортировка: порядок доклада")
        assert shown.endswith("13 из 13 ✎ от редакции")


def test_the_help_key_table_wraps_a_description_under_itself() -> None:
    from rich.console import Console
    from rich.text import Text

    from briefing_tui.ui.screens.help import KeyTable

    rows = [
        (Text("Read", style="bold"), None),
        (Text("j ↓"), Text("Down a line")),
        (Text("'"), Text("Go to a mark (then its letter; ' again: back)")),
        (Text("a-key-list-much-too-wide"), Text("Its keys on a line of their own")),
    ]
    console = Console(width=30, color_system=None)
    with console.capture() as captured:
        console.print(KeyTable(rows))
    lines = captured.get().splitlines()
    assert lines[0] == "Read"
    column = lines[1].index("Down a line")
    assert lines[1].startswith("j ↓ ") and column == 12 + 2  # 40% of 30: the keys' room
    # the description wraps in its own column, never under the keys
    assert lines[2].startswith("'") and lines[2].index("Go to a mark") == column
    assert lines[3].startswith(" " * column) and lines[3].strip()
    wide = lines.index("a-key-list-much-too-wide")
    assert lines[wide + 1].lstrip().startswith("Its keys")
    assert all(len(line) <= 30 for line in lines)
