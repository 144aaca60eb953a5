"""What the first frame does not need is not imported before it (start-up benchmark, #5).

The hidden tabs' widgets (DataTable for the agreements), the source chooser and the search
engine load when first used; importing the app must not pull them in again unnoticed.
"""

from __future__ import annotations

from probe import fresh_python

LATER = [
    "briefing_tui.ui.widgets.agreements",
    "briefing_tui.ui.widgets.overview",
    "briefing_tui.ui.widgets.sources",
    "briefing_tui.ui.screens.choose_source",
    "briefing_tui.search.index",
    "briefing_tui.search.rank",
    "textual.widgets._data_table",
]


def test_app_import_leaves_later_modules_unloaded() -> None:
    code = (
        "import sys\nimport briefing_tui.ui.app\n"
        f"print([m for m in {LATER!r} if m in sys.modules])\n"
    )
    assert fresh_python(code) == "[]\n"
