"""Making briefings: import a report (Markdown or plain text), scaffold a new one, watch one.

The core of ``briefing import`` / ``new`` / ``validate --watch``; it never imports textual and
builds no model objects: it writes TOML and lets the loader judge it, as it judges an author's.
"""
