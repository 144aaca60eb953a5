"""Widgets: one per file; they take data as attributes and post messages up."""
