"""``briefing new``: a minimal valid briefing whose comments show every part of the format.

The commented examples are written out in full so that an author can uncomment and fill them;
the live values are the smallest briefing the loader accepts (metadata, one section with one
paragraph, one source), so the scaffold validates as it is.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing_tui.authoring.draft import write_files
from briefing_tui.authoring.toml_out import string
from briefing_tui.content.scalars import SLUG_PATTERN

BRIEFING = """\
# Briefing metadata (`briefing schema` documents every field of every file).
schema_version = 2
id = {id}
title = "Title of the report"
language = "en"            # BCP 47: "en", "ru", "en-GB"...
start = {today}         # first day the briefing covers (YYYY-MM-DD, no quotes)
end = {today}           # last day it covers
summary = "One or two sentences for the library list and the overview."
tags = ["example"]         # lowercase words in any script, joined by '-'
# photo_caption = "Caption of the report's photo."
# author = "Analysis department"
# organisation = "Institute of Studies"
# classification = "For internal use"
# version = "1.0"
# updated = {today}
"""

SECTIONS = """\
# The report's text in reading order, word for word.
[[sections]]
id = "s1"
title = "First section"

[[sections.paragraphs]]
id = "s1.p1"
text = "A paragraph of the report, word for word."
sources = ["example-source"]
# label = "Lead-in."                # printed in bold before the text
# bullet = true                     # printed as a bullet point
# attributions = [
#   {{ speaker = "Wang Yi", role = "Minister", quote = "word for", source = "example-source" }},
# ]
# gap = "Words lost from the original before ..."
# note = "An editorial note."

# A paragraph that cites nothing is the analyst's own assessment:
# [[sections.paragraphs]]
# id = "s1.p2"
# text = "The analyst's view."
# assessment = true

# A plain table placed after a paragraph of the section:
# [[sections.tables]]
# id = "t-trade"
# caption = "Trade turnover"
# after = "s1.p1"
# header = ["Year", "Turnover"]
# rows = [
#   {{ cells = ["2024", "$245 bn"], sources = ["example-source"] }},
# ]
# note = "Customs data."

# A subsection (any depth: [[sections.sections.sections]] ...):
# [[sections.sections]]
# id = "s1.1"
# title = "A subsection"
#
# [[sections.sections.paragraphs]]
# id = "s1.1.p1"
# text = "..."
# sources = ["example-source"]
"""

SOURCES = """\
# Every source the briefing cites; `heading` defaults to "Sources" in the briefing's language.
# heading = "Sources"

[[sources]]
id = "example-source"
title = "The source as the report's list names it"
kind = "media"   # official, government, agency, media, document, expert, think-tank, academic,
                 # ngo, company, social, or "other" with kind_label = "..."
# publisher = "Publisher"
# url = "https://www.example.org/article"   # shown and copyable, never opened
# published = {today}
# accessed = {today}
# outlets = ["TASS"]
# in_report_list = false   # named in the text but not in the report's list
# note = "Paywalled."
"""

AGREEMENTS = """\
# Optional: the typed agreements table. Delete the file if the report has none.
# after_section = "s1"
# intro = "Below are the key agreements:"
# area_heading = "Scope of cooperation"
# items_heading = "Key agreements"
# note = "Most were confirmed."
#
# [[areas]]
# id = "energy"
# title = "Energy"
#
# [[agreements]]
# id = "pipeline"
# area = "energy"
# title = "Pipeline"
# text = "Talks on the pipeline resumed."
# status = "negotiation"   # negotiation, memorandum, agreed, target, statement
# sources = ["example-source"]
# figures = [
#   {{ label = "Capacity", text = "50 bn m³", value = 50, unit = "bn m³", measures = "capacity" }},
# ]
"""

OVERVIEW = """\
# Optional: key figures, the timeline and reactions for the Overview tab.
# [[figures]]
# id = "fig-trade"
# ref = "s1.p1"
# label = "Trade"
# text = "about $200 billion"
# value = 200
# unit = "USD billion"
# measures = "trade in 2024"
#
# [[timeline]]
# date = {today}
# title = "Talks"
# text = "The leaders met."
# refs = ["s1.p1"]
#
# [[reactions]]
# id = "reaction-eu"
# actor = "European Union"
# stance = "critical"   # condemned ... welcomed, or "other" with stance_label
# summary = "Called the visit a show of unity."
# ref = "s1.p1"
"""


def scaffold_texts(briefing_id: str, today: dt.date) -> dict[str, str]:
    values = {"id": string(briefing_id), "today": today.isoformat()}
    return {
        "briefing.toml": BRIEFING.format(**values),
        "sections.toml": SECTIONS.format(**values),
        "sources.toml": SOURCES.format(**values),
        "agreements.toml": AGREEMENTS.format(**values),
        "overview.toml": OVERVIEW.format(**values),
    }


def valid_id(briefing_id: str) -> bool:
    return bool(SLUG_PATTERN.fullmatch(briefing_id)) and len(briefing_id) <= 80


def scaffold(briefing_id: str, folder: Path, today: dt.date | None = None) -> None:
    """Write the scaffold; raises FileExistsError rather than touch an existing folder."""
    write_files(scaffold_texts(briefing_id, today or dt.date.today()), folder, force=False)
