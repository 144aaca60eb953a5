"""Screens: one per file, each owning its own wiring."""
