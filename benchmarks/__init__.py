"""Benchmarks, run as ``python -m benchmarks search``; see BENCHMARKS.md."""
