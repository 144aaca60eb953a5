"""Inflectional endings: the forms a Snowball stemmer keeps apart by over-stemming one of them.

Russian Snowball reads a noun's bare form as a verb: «визит» -> «виз» («-ит» as in «говорит»)
while «визита», «визиты», «визитом» -> «визит»; «Путин» -> «пут» while «Путина» -> «путин». The
query «визита» then missed «Киев резко осудил визит.» and «визит» missed the other cases. A
word's *light stem* is the word less its longest inflectional ending of the language, or the
whole word when it has none («визит», «визита», «визитами» -> «визит»); two words with one
light stem are forms of one another too, beside the Snowball stem they may share. Light stems
are compared only among themselves, never with Snowball stems (``~russian+light:`` keys), so
«визит» does not join «виза» through them.

Only endings are stripped, never derivational suffixes (those are families: see
:func:`~briefing_tui.search.analysis.family_key`), and never below :data:`LIGHT_MIN` letters:
«мира» stays «мира» (the Snowball stem «мир» matches it already).
"""

from __future__ import annotations

from functools import lru_cache

#: Per Snowball stemmer: the inflectional endings of nouns and adjectives over folded words
#: (ё is е), longest first. «й» is one: it alternates with the case endings («Китай», «Китая»,
#: «Китаем» -> «кита»).
ADJECTIVE_ENDINGS = "ыми ими ого его ому ему ая яя ое ее ые ие ый ий ой ей ую юю ым им ых их"
NOUN_ENDINGS = "ами ями ах ях ам ям ов ев ом ем ью а я о е и ы у ю ь й"
ENDINGS: dict[str, tuple[str, ...]] = {
    "russian": tuple(
        sorted(
            set(f"{ADJECTIVE_ENDINGS} {NOUN_ENDINGS}".split(" ")),
            key=lambda ending: (-len(ending), ending),
        )
    ),
}
#: Fewest letters a light stem keeps.
LIGHT_MIN = 4


@lru_cache(maxsize=65536)
def light_stem(word: str, algorithm: str) -> str | None:
    """``word`` (folded) less its longest ending of ``algorithm``'s language; the word itself
    when it has none; None for a language without a list, or a word under LIGHT_MIN letters."""
    endings = ENDINGS.get(algorithm)
    if endings is None or len(word) < LIGHT_MIN:
        return None
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= LIGHT_MIN:
            return word[: -len(ending)]
    return word


def light_key(word: str, algorithm: str) -> str | None:
    """The name of a word's class of light forms, or None (see :func:`light_stem`)."""
    stemmed = light_stem(word, algorithm)
    return None if stemmed is None else f"~{algorithm}+light:{stemmed}"
