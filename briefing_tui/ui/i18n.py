"""The app's own words (tab names, help, status messages, notices) in the analyst's language.

Briefing content follows the briefing's ``language`` (see ``reading.words``); the chrome
around it follows the user's locale, which the command line reads from ``LC_ALL``,
``LC_MESSAGES`` and ``LANG`` (:func:`ui_language`) and hands to the app. The app sets it once
with :func:`use` and never reads the environment itself.

The catalogs are Python dictionaries keyed by the English text (as gettext's message ids
are), one module per language (``i18n_ru``), rather than ``.po``/``.mo`` files: two languages
and a couple of hundred short strings need no compile step, no package data and no extra
tooling, a translation is reviewed in an ordinary diff, and ``tests/unit/test_i18n.py`` proves
that every message the UI uses has a translation with the same ``{placeholders}``. English is
the message id itself, so it is complete by construction. Russian plurals use Babel's CLDR
plural rules (already a dependency for dates), loaded only in a Russian session.

Binding descriptions stay English in the classes (Textual builds them at import) and are
translated where they are shown: the help screen and the key bar.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

#: Languages with a complete catalog; any other locale gets English.
LANGUAGES = ("en", "ru")

_language = "en"


def ui_language(environ: Mapping[str, str]) -> str:
    """The chrome's language from POSIX locale variables, in their order of precedence.

    ``LC_ALL`` overrides ``LC_MESSAGES``, which overrides ``LANG``; the first one set decides,
    as for any program. ``ru_RU.UTF-8`` reads as ``ru``; ``C``, ``POSIX`` and languages
    without a catalog read as English.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            return code if code in LANGUAGES else "en"
    return "en"


def use(language: str) -> None:
    """Make ``language`` the chrome's language (the app calls this once, as it starts)."""
    global _language
    _language = language if language in LANGUAGES else "en"


def current() -> str:
    """The chrome's language now."""
    return _language


@lru_cache(maxsize=4)
def _catalog(language: str) -> Mapping[str, str | tuple[str, ...]]:
    if language == "ru":
        from briefing_tui.ui.i18n_ru import RU

        return RU
    return {}


def tr(message: str, /, **values: object) -> str:
    """``message`` in the chrome's language, with ``{name}`` filled from ``values``.

    A message with no translation shows in English rather than failing: the completeness test
    is where a missing one is caught.
    """
    found = _catalog(_language).get(message, message)
    out = found if isinstance(found, str) else found[0]
    return out.format(**values) if values else out


def N_(message: str, /) -> str:
    """Mark ``message`` for translation where it is defined; :func:`tr` translates it when shown."""
    return message


def ngettext(singular: str, plural: str, n: int, /, **values: object) -> str:
    """``singular`` or ``plural`` by ``n``, in the chrome's language, with ``{n}`` filled in.

    A Russian entry is keyed by the English singular and holds CLDR's one, few and many forms.
    """
    found = _catalog(_language).get(singular)
    if isinstance(found, tuple):
        from babel import Locale

        form = Locale.parse(_language).plural_form(n)
        chosen = found[{"one": 0, "few": 1}.get(form, 2)]
    else:
        chosen = singular if n == 1 else plural
    return chosen.format(n=n, **values)
