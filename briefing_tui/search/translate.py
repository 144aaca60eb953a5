"""Our parsed :class:`~briefing_tui.search.query.Query` as one tantivy query.

The query language stays ours (:mod:`briefing_tui.search.query`); this module says what each
part means in the index that :mod:`briefing_tui.search.engine` writes:

- a word is a term of ``title`` or ``body``; the last word while typing is a prefix (one
  term of the first-letter field for one letter, else a fuzzy query of distance 0 over
  prefixes), scored by the best of its most common expansions;
- several words (``"power of siberia"``, ``siberia-2``) are a phrase over positions, its last
  word a prefix while typing;
- a CJK word is a term of the character field (one character), of the pair field (two), or a
  phrase of its overlapping pairs (more): a substring of one CJK run;
- a term mixing CJK and other words is matched word by word here and checked exactly by the
  index afterwards (:func:`needs_check`), as the old engine did;
- filters are term sets of the keys :class:`~briefing_tui.search.filters.FilterNames` picks;
- ranking tiers are constant scores added on top of BM25, far above any BM25 score, so they
  sort first: how well each one-word term matched (the word as typed, above another form of
  it, above a longer word it starts, above a word a typo away: issue #15), then the query as a
  phrase (not while its last word is one letter), then every term in a title.

:mod:`briefing_tui.search.narrow` builds shorter queries to the same results on top of this.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing_tui.search.engine import FILTER_FIELD, PREFIX_FIELD
from briefing_tui.search.filters import FilterNames
from briefing_tui.search.highlight import adjacency_term
from briefing_tui.search.lexicon import Lexicon
from briefing_tui.search.query import Query, Term
from briefing_tui.search.text import is_cjk

if TYPE_CHECKING:
    import tantivy

#: Added to the score of an item holding every term in a title, and of one holding the
#: query's words as a phrase. BM25 scores stay far below these.
TITLE_TIER = 1_000.0
PHRASE_TIER = 2_000.0
#: Added once per grade point of each one-word term's best match (below), above both tiers.
GRADE_UNIT = 10_000.0
#: How an item matched a query word, best first: as typed, another form of it (same stem), a
#: derivational relative ("agreements" for "agreed"), a longer word it starts (the last word,
#: while typing), a word a typo away.
EXACT, FORM, FAMILY, PREFIX, NEAR = 4, 3, 2, 1, 0
#: Score of a prefix match by itself (its expansions' BM25 scores, when any, are higher).
_PREFIX_SCORE = 0.01
#: A prefix is scored by this many of its most common expansions (ours: MAX_SCORED_EXPANSIONS).
SCORED_EXPANSIONS = 8
#: Prefixes whose expansions a translator keeps (a few keystrokes' worth).
PREFIXES_KEPT = 32
#: A query whose last word, still being typed, starts more words than this lifts no
#: all-in-title hits: one or two letters on a large library (10,000 words at 1,000 briefings),
#: where matching the title field's 8,000 words it starts cost 2.3 ms of a 9 ms keystroke, for
#: a lift that says little about what is wanted yet. The next letter brings it back.
TITLE_PREFIX_MOST = 4096
#: An unquoted query whose last word, still being typed, starts more words than this is lifted
#: as a phrase only with that word's most common expansions (those that score it), not every
#: word it starts: at 10,000 briefings the phrase of ``power o`` over its 470 words cost 70 ms
#: of a 90 ms keystroke, against 38 ms over its 8 most common (``of``, ``on``, ``or``...). The
#: items found and their count are unchanged; the next letters bring the full phrase back. Above
#: the bundled briefing's broadest letter (124 words), so a single briefing ranks as before.
PHRASE_PREFIX_MOST = 256
#: The phrase tier of an unquoted query whose last word starts at most this many words (or
#: whose phrase is cut to its most common expansions, above) is a union of one plain phrase per
#: word, not tantivy's regex phrase: the same items, and the tier's score is a constant, but
#: each phrase leapfrogs through its rarest word where the regex phrase read the positions of
#: every item holding any word of the last slot. At 10,000 briefings: ``power of`` (``of``
#: starts 2 words) 22 -> 13 ms for the tier alone, ``power o`` (its 8 most common) 41 -> 29 ms.
#: Above this, hundreds of phrases cost what the regex does.
PHRASE_UNION_MOST = 16
#: An unquoted query whose last word, still being typed, has fewer letters than this lifts no
#: phrase hits: a phrase ending in any word one letter starts says little of what is wanted,
#: and costs the most (at 10,000 briefings, ``power o``'s phrase over the 8 most common words
#: ``o`` starts was 28 ms of a 41 ms search; ``the p`` 116 ms). The items found and their
#: count are unchanged; the second letter brings the lift back.
PHRASE_LETTERS = 2


def needs_check(term: Term) -> bool:
    """Terms the index cannot match exactly: CJK words next to other words in one term."""
    return len(term.words) > 1 and any(is_cjk(w) for w in term.words)


class Translator:
    """Builds tantivy queries against one index's schema and searcher."""

    def __init__(
        self,
        schema: tantivy.Schema,
        searcher: tantivy.Searcher,
        names: FilterNames,
        lexicon: Callable[[], Lexicon],
    ):
        import tantivy

        self.t = tantivy
        self.schema = schema
        self.searcher = searcher
        self.names = names
        #: The library's words (read from the index when first needed, see lexicon.py).
        self.lexicon = lexicon
        #: Prefix -> its most common expansions (see ``_expansions``).
        self._prefixes: dict[str, list[str]] = {}

    # -- words and terms ------------------------------------------------------------------

    def _expansions(self, word: str) -> list[str]:
        """The :data:`SCORED_EXPANSIONS` most common words that start with ``word``, most
        common first.

        Read from the lexicon (the ``body`` field's term dictionary, which holds every title's
        words too, so the title tier uses the same list): its sorted vocabulary gives a
        prefix's words by bisection. Asking tantivy instead (``terms_with_prefix``) built and
        sorted a tuple per expansion, 5-8 ms for the 10,000 of a one-letter prefix at 1,000
        briefings. Kept per searcher, so typing on and backspacing over a prefix ask once.
        """
        found = self._prefixes.get(word)
        if found is None:
            found = self.lexicon().most_common(word, SCORED_EXPANSIONS)
            if len(self._prefixes) >= PREFIXES_KEPT:
                self._prefixes.clear()
            self._prefixes[word] = found
        return found

    def _every(self, part: str, word: str) -> tantivy.Query:
        """Items holding any word that starts with ``word``, unscored.

        One letter is one term of the part's first-letter field (``engine.PREFIX_FIELD``):
        the same items, without walking the thousands of words it starts. A longer word is a
        fuzzy term query of distance 0 over prefixes: its automaton is built from the word
        alone and walks only the dictionary's words that start with it. A term set or a regex
        query cost 0.25 ms even on one briefing (walking the whole dictionary, or compiling the
        regex), twice per keystroke (body and the title tier): 0.13 ms against 0.39 ms for a
        one-letter prefix on one briefing, 0.2 ms against 0.56 ms for a whole word at 1,000."""
        q = self.t.Query
        if len(word) == 1:
            return q.term_query(self.schema, PREFIX_FIELD[part], word)
        return q.fuzzy_term_query(self.schema, part, word, 0, True, True)

    def _word(
        self, part: str, word: str, prefix: bool, scored: bool = True, grade: int = 0
    ) -> tantivy.Query:
        """One word in ``title`` or ``body`` (or their CJK fields); ``scored=False`` when only
        matching counts (a tier); ``grade`` grade units added to a scored prefix's score.

        A prefix matches every word it starts (:meth:`_every`), scored by BM25 of its most
        common expansions (as the engine before tantivy did). Its grade is the union's own
        constant score, the expansions' BM25 added on top: lifting the scored union by a
        boolean query around it walked every expansion's postings twice, most of the cost of
        a one-letter prefix at 1,000 briefings."""
        q = self.t.Query
        if is_cjk(word):
            if len(word) == 1:
                return q.term_query(self.schema, f"{part}_ch", word)
            pairs = [word[i : i + 2] for i in range(len(word) - 1)]
            if len(pairs) == 1:
                return q.term_query(self.schema, f"{part}_pair", pairs[0])
            return q.phrase_query(self.schema, f"{part}_pair", pairs)
        if not prefix:
            return q.term_query(self.schema, part, word)
        expansions = self._expansions(word)
        if not expansions:
            return q.empty_query()
        every = self._every(part, word)
        if not scored:
            return q.const_score_query(every, _PREFIX_SCORE)
        best = [q.term_query(self.schema, part, e) for e in expansions]
        occur = self.t.Occur
        return q.boolean_query(
            [
                (occur.Must, q.const_score_query(every, grade * GRADE_UNIT + _PREFIX_SCORE)),
                (occur.Should, best[0] if len(best) == 1 else q.disjunction_max_query(best)),
            ]
        )

    def _graded(self, query: tantivy.Query, grade: int, scored: bool = True) -> tantivy.Query:
        """``query``, scoring ``grade`` grade units above its own BM25 score."""
        if grade == 0 or not scored:
            return query
        q, occur = self.t.Query, self.t.Occur
        lift = q.const_score_query(query, grade * GRADE_UNIT)
        return q.boolean_query([(occur.Must, query), (occur.Should, lift)])

    def _any_of(self, part: str, words: tuple[str, ...]) -> tantivy.Query:
        q = self.t.Query
        if len(words) == 1:
            return q.term_query(self.schema, part, words[0])
        return q.disjunction_max_query([q.term_query(self.schema, part, w) for w in words])

    def _one_word(self, part: str, term: Term, scored: bool) -> tantivy.Query:
        """A one-word term with its other forms and typo neighbours, graded by how each item
        matched it (the best way counts)."""
        q = self.t.Query
        word = term.words[0]
        if not (term.forms or term.family or term.near):
            exact = self._word(part, word, False)
            if not term.prefix:
                return exact
            if not scored:
                return self._word(part, word, True, False)
        graded = [self._graded(self._word(part, word, False), EXACT, scored)]
        if term.forms:
            graded.append(self._graded(self._any_of(part, term.forms), FORM, scored))
        if term.family:
            graded.append(self._graded(self._any_of(part, term.family), FAMILY, scored))
        if term.prefix:
            graded.append(self._word(part, word, True, scored, PREFIX if scored else 0))
        if term.near:
            graded.append(self._graded(self._any_of(part, term.near), NEAR, scored))
        return q.disjunction_max_query(graded)

    def _in_part(self, part: str, term: Term, scored: bool = True) -> tantivy.Query:
        """A term (without mixed CJK) within one of ``title`` / ``body``."""
        q = self.t.Query
        words = term.words
        if len(words) == 1:
            if is_cjk(words[0]):
                return self._word(part, words[0], term.prefix, scored)
            return self._one_word(part, term, scored)
        if term.prefix:
            patterns = [*words[:-1], f"{words[-1]}.*"]
            return q.regex_phrase_query(self.schema, part, patterns)
        return q.phrase_query(self.schema, part, list(words))

    def term(self, term: Term) -> tantivy.Query:
        """A term anywhere in an item (the body fields hold its titles too, weighted)."""
        if not needs_check(term):
            return self._in_part("body", term)
        # Mixed CJK: every word somewhere in the item; the index checks the rest exactly.
        q, must = self.t.Query, self.t.Occur.Must
        words = zip(term.words, term.word_prefixes, strict=True)
        return q.boolean_query([(must, self._word("body", w, p)) for w, p in words])

    # -- filters ----------------------------------------------------------------------------

    def _filter_query(self, field: str, keys: list[str]) -> tantivy.Query:
        q = self.t.Query
        if not keys:
            return q.empty_query()
        return q.term_set_query(self.schema, FILTER_FIELD[field], keys)

    # -- the whole query --------------------------------------------------------------------

    def translate(self, query: Query) -> tantivy.Query:
        """Terms AND'ed, filters OR'ed within a field and AND'ed across fields, exclusions
        subtracted, and the ranking tiers as optional constant scores."""
        return self._whole(query, [self.term(t) for t in query.terms], self.term)

    def _whole(
        self,
        query: Query,
        terms: list[tantivy.Query],
        excluded: Callable[[Term], tantivy.Query],
        tiers: bool = True,
    ) -> tantivy.Query:
        occur, q = self.t.Occur, self.t.Query
        clauses: list[tuple[tantivy.Occur, tantivy.Query]] = [(occur.Must, t) for t in terms]
        by_field: dict[str, list[str]] = {}
        negated: dict[str, list[str]] = {}
        for f in query.filters:
            target = negated if f.negated else by_field
            target.setdefault(f.field, []).extend(self.names.terms(f))
        for field, keys in by_field.items():
            clauses.append((occur.Must, self._filter_query(field, keys)))
        if not clauses:
            clauses.append((occur.Must, q.all_query()))
        clauses += [(occur.MustNot, excluded(t)) for t in query.excluded]
        clauses += [
            (occur.MustNot, self._filter_query(field, keys))
            for field, keys in negated.items()
            if keys
        ]
        if tiers:
            clauses += self._tiers(query)
        return q.boolean_query(clauses)

    def _broad(self, term: Term) -> bool:
        """A one-word prefix starting more than :data:`TITLE_PREFIX_MOST` words."""
        if not (term.prefix and len(term.words) == 1) or is_cjk(term.words[0]):
            return False
        start, end = self.lexicon().prefixed(term.words[0])
        return end - start > TITLE_PREFIX_MOST

    def _tiers(self, query: Query) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        """Optional clauses that lift all-in-title hits and phrase hits above the rest."""
        q, should = self.t.Query, self.t.Occur.Should
        in_title, phrases = self._tier_parts(query)
        out = []
        if in_title is not None:
            out.append((should, q.const_score_query(in_title, TITLE_TIER)))
        if phrases is not None:
            union = [(should, p) for p in phrases]
            adjacent = phrases[0] if len(phrases) == 1 else q.boolean_query(union)
            out.append((should, q.const_score_query(adjacent, PHRASE_TIER)))
        return out

    def _tier_parts(self, query: Query) -> tuple[tantivy.Query | None, list[tantivy.Query] | None]:
        """What the tiers match: every term in a title, and the query as a phrase (one or
        more phrases, any of which lifts). None for a tier the query has not."""
        if not query.terms:
            return None, None
        q, must = self.t.Query, self.t.Occur.Must
        in_title = None
        if not any(needs_check(t) or self._broad(t) for t in query.terms):
            in_title = q.boolean_query(
                [(must, self._in_part("title", t, False)) for t in query.terms]
            )
        phrase = adjacency_term(query)
        if phrase is None or (phrase.prefix and len(phrase.words[-1]) < PHRASE_LETTERS):
            return in_title, None
        if any(is_cjk(w) for w in phrase.words):
            return in_title, None
        return in_title, self._adjacent(phrase)

    def _adjacent(self, phrase: Term) -> list[tantivy.Query]:
        """The phrase tier's match, as phrases any of which lifts (see
        :data:`PHRASE_PREFIX_MOST`, :data:`PHRASE_UNION_MOST`)."""
        words = phrase.words
        if not phrase.prefix:
            return [self._in_part("body", phrase, False)]
        lexicon = self.lexicon()
        start, end = lexicon.prefixed(words[-1])
        if end - start > PHRASE_PREFIX_MOST:
            lasts = self._expansions(words[-1])
        elif end - start <= PHRASE_UNION_MOST:
            lasts = lexicon.vocabulary[start:end]
        else:
            return [self._in_part("body", phrase, False)]
        q = self.t.Query
        phrases = [q.phrase_query(self.schema, "body", [*words[:-1], w]) for w in lasts]
        return phrases or [q.empty_query()]


def tier_of(score: float) -> tuple[int, float]:
    """(tier bits: the match grades from bit 2 up, 2 phrase, 1 title; BM25 score) of a
    translated query's score."""
    grade = int(score // GRADE_UNIT)
    score -= grade * GRADE_UNIT
    tier = grade << 2
    if score >= PHRASE_TIER:
        tier, score = tier | 2, score - PHRASE_TIER
    if score >= TITLE_TIER:
        tier, score = tier | 1, score - TITLE_TIER
    return tier, score
