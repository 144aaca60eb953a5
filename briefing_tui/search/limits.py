"""How big a query may be, on its own: the search box needs the limit before the first frame,
and importing the query parser for it (its words and folding) cost that frame ~4 ms."""

#: Longest query accepted, in characters, and most words, phrases and filters in one. A search is
#: typed, not pasted from a document: a 200 KB paste froze the UI for 7 s (issue #12). 500
#: characters hold any real query several times over; 32 items keep the candidate
#: intersection, the highlight pattern and the per-term verification small.
MAX_QUERY_CHARS = 500
MAX_QUERY_ITEMS = 32
