"""Benchmarks, run as ``python -m briefing_tui.bench search``; see BENCHMARKS.md."""
