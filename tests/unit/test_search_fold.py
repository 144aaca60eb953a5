"""Folding takes a fast path (casefold, then replacing the few characters that fold further);
it must give exactly what folding character by character gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.search.text import fold, fold_aligned, fold_with_map


def reference(text: str) -> str:
    """The definition: per character, casefold, NFKD, combining marks dropped, «й» kept."""
    out = []
    for char in text:
        folded = char.casefold()
        if folded == "й":
            out.append("й")
            continue
        decomposed = unicodedata.normalize("NFKD", folded)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out).lower()


@settings(max_examples=2000, deadline=None)
@given(st.text(max_size=40))
def test_fold_is_folding_character_by_character(text: str) -> None:
    folded, aligned = fold_aligned(text)
    assert folded == reference(text) == fold_with_map(text)[0]
    if aligned:
        # Offsets agree: each character folded to exactly one.
        assert len(folded) == len(text)
        assert fold_with_map(text)[1] is None


def test_fold_examples() -> None:
    assert fold("Zelenský ИСТОЧНИКИ ёлка Йошкар-Ола") == "zelensky источники елка йошкар-ола"
    assert fold_aligned("Straße") == ("strasse", False)
    assert fold_aligned("İstanbul")[0] == "istanbul"
    assert fold_aligned("ϹΣ𝛓")[0] == reference("ϹΣ𝛓")  # folds that fold again
    assert fold_aligned("m³ ﬁ") == ("m3 fi", False)
