"""The chrome's catalogs: the locale picks the language, and every message has both versions."""

from __future__ import annotations

import string
from collections.abc import Iterator

import pytest
from i18nkit import messages

from briefing_tui.ui import i18n
from briefing_tui.ui.i18n_ru import RU


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    i18n.use("en")


def fields(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # no catalog: English
        ({"LANG": "ru_UA.KOI8-U@euro"}, "ru"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "ru_RU.UTF-8", "LC_MESSAGES": "C"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LC_ALL": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "ru_RU.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANG": "ru_RU.UTF-8", "LC_ALL": ""}, "ru"),  # empty means unset, as in POSIX
    ],
)
def test_the_locale_variables_pick_the_language(environ: dict[str, str], language: str) -> None:
    assert i18n.ui_language(environ) == language


def test_every_message_the_ui_shows_has_a_russian_translation() -> None:
    plain, plurals = messages()
    assert len(plain) > 100  # the scan found the UI's messages, not an empty set
    missing = sorted(m for m in plain if not isinstance(RU.get(m), str))
    assert missing == []
    missing_plurals = sorted(s for s, _ in plurals if not isinstance(RU.get(s), tuple))
    assert missing_plurals == []


def test_translations_keep_every_placeholder() -> None:
    plain, plurals = messages()
    for message in plain:
        assert fields(RU[message]) == fields(message), message  # type: ignore[arg-type]
    for singular, plural in plurals:
        forms = RU[singular]
        assert isinstance(forms, tuple) and len(forms) == 3, singular
        assert fields(singular) == fields(plural)
        for form in forms:
            assert fields(form) == fields(plural), (singular, form)


def test_the_catalog_holds_no_message_the_ui_no_longer_uses() -> None:
    plain, plurals = messages()
    assert sorted(set(RU) - plain - {s for s, _ in plurals}) == []


def test_english_is_the_message_itself_and_russian_its_translation() -> None:
    i18n.use("en")
    assert i18n.tr("Sources pane") == "Sources pane"
    assert i18n.tr("Cited by {n}", n=3) == "Cited by 3"
    i18n.use("ru")
    assert i18n.tr("Sources pane") == "Панель источников"
    assert i18n.tr("Cited by {n}", n=3) == "Ссылки (3)"
    assert i18n.tr("a message nobody translated") == "a message nobody translated"
    i18n.use("xx")
    assert i18n.current() == "en"


@pytest.mark.parametrize(
    ("n", "english", "russian"),
    [
        (1, "1 paragraph", "1 абзац"),
        (2, "2 paragraphs", "2 абзаца"),
        (5, "5 paragraphs", "5 абзацев"),
        (11, "11 paragraphs", "11 абзацев"),
        (21, "21 paragraphs", "21 абзац"),
        (0, "0 paragraphs", "0 абзацев"),
    ],
)
def test_plurals_follow_each_language(n: int, english: str, russian: str) -> None:
    i18n.use("en")
    assert i18n.ngettext("{n} paragraph", "{n} paragraphs", n) == english
    i18n.use("ru")
    assert i18n.ngettext("{n} paragraph", "{n} paragraphs", n) == russian


@pytest.mark.parametrize(
    ("environ", "language"),
    [({"LANG": "ru_RU.UTF-8"}, "ru"), ({"LANG": "C"}, "en"), ({"LC_ALL": "ru_RU.UTF-8"}, "ru")],
)
def test_the_command_line_hands_the_locale_to_the_app(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], language: str
) -> None:
    """The cli reads the locale; the app is told the language (it reads no environment)."""
    import argparse
    import os

    import briefing_tui.ui.app
    from briefing_tui.cli import launch

    seen: dict[str, object] = {}

    class Recorder:
        return_code = 0

        def __init__(self, library: object, **options: object) -> None:
            seen.update(options)

        def run(self) -> None:
            pass

    for name in ("LANG", "LC_ALL", "LC_MESSAGES", "BRIEFING_SECURE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(os, "isatty", lambda fd: True)
    monkeypatch.setattr(launch, "force_utf8_output", lambda: None)
    monkeypatch.setattr(briefing_tui.ui.app, "BriefingApp", Recorder)
    ns = argparse.Namespace(path=None, goto=None, secure=False)
    assert launch.run_tui(ns) == 0
    assert seen["language"] == language
