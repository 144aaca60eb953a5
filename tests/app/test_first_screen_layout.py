"""The report's first frame wraps only what is on screen; the rest is wrapped right after.

Wrapping a whole report was ~20 ms of the browser's first frame (benchmarks/startup.py). The
lines drawn must be the same either way, and once the frame is out everything is laid out.
"""

from __future__ import annotations

from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.reader import Reader

SIZE = (80, 24)


async def test_only_the_first_screen_is_wrapped_for_the_first_frame_then_all() -> None:
    app = BriefingApp(load_library(bundled_content_path()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert not reader._partial  # the first frame is out: all of it is laid out
        full = [reader.render_line(y).text for y in range(reader.size.height)]
        assert reader.virtual_size.height == reader.line_count == reader._bottom
        assert reader.position().endswith(" · 0%")

        # As before the first frame: nothing laid out yet.
        for block in reader.blocks:
            block.layouts.clear()
        reader._laid_out_width = -1
        first = [reader.render_line(y).text for y in range(reader.size.height)]
        wrapped = sum(1 for block in reader.blocks if block.layouts)
        assert reader._partial and 0 < wrapped < len(reader.blocks)
        assert first == full
        assert reader.position().endswith(" · 0%")
        assert reader._partial  # the position at the top needs no full layout

        await pilot.pause()
        assert not reader._partial
        assert all(block.layouts for block in reader.blocks)
        assert reader.virtual_size.height == reader.line_count
