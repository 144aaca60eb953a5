"""Placeholder replaced below."""

from briefing_tui.authoring.draft import Draft


def looks_exported(text: str) -> bool:
    return False


def read_export(text: str, origin: str) -> Draft:
    raise NotImplementedError
