"""Dates of moves: which side of a move a club is on ("vom A zum B"), which dates the sentence gives
each station, and what kind of station it is (a loan, a current one)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .stations import StationBook, StationDraft
from .text import Sentence, Target, clause_of, cue_words, cues, preposition_before, words_of

SOURCE_LOOKBACK = 4  # "aus der Reserve des SC Preußen Münster"
RELATIVE_PRONOUNS = {"der", "die", "dem", "den"}


class MoveDates:
    def __init__(self, book: StationBook) -> None:
        self.book = book
        self.cue = cues()
        self.birth_words = {w.lower() for w in self.cue["birth_date_cues"]}
        # verbs of leaving, not nouns like "Ende" ("stand am Ende der Aufstieg")
        self.leaving_verbs = {w for w in cue_words("end_cues") if w.islower()} | cue_words("dismissal_words")

    def side(self, target: Target, s: Sentence) -> str:
        """Whether the sentence has the person leave ("end") or join ("start") this club."""
        before = preposition_before(target.anchor, s)
        from_source = self.names_source(target.anchor, s)
        # Words of a date ("Ende Juni 2017", "bis 2003") say when, not whether he left.
        clause_words = words_of(clause_of(target.anchor, s), skip_dates=True)
        if clause_words & cue_words("offer_nouns"):
            return "start"  # "das Angebot von Rot-Weiß Koblenz": the offer comes from the new club
        if from_source and self.is_passive_agent(s):
            return "start"  # "wurde von Vitesse Arnheim verpflichtet": the agent is the new club
        ehe = [t.i for t in s.span if t.lower_ in self.cue["before_clause_words"]]
        if ehe and s.dates:
            # "hatte A trainiert, ehe er im Sommer 2020 bei B übernahm": A ends, B starts then.
            return "end" if target.anchor.start < ehe[0] else "start"
        if from_source:
            return "end"
        if self.names_destination(target.anchor, s):
            return "start"  # "nach dem Aus in Lotte zum VfB", "in Richtung SV Lippstadt 08 verlassen"
        if clause_words & (cue_words("end_cues") | cue_words("before_words")):
            # "hatte das Amt am 1. Juli 2022 übernommen, zuvor stand er beim VfB Homberg an der Seitenlinie"
            return "end"
        if before & cue_words("target_prepositions") or clause_words & cue_words("start_cues"):
            return "start"
        return ""

    def names_source(self, anchor: Span, s: Sentence) -> bool:
        """"vom VfL Eintracht Hagen", "kam 2015 von Hagen": the club left. After a noun, "von" only
        says whose ("der zweiten Mannschaft von Arminia Bielefeld")."""
        token = self.nearest_preposition(anchor, s)
        if token is None or token.lower_ not in cue_words("source_prepositions"):
            return False
        before = token.doc[token.i - 1] if token.i > s.span.start else None
        if before is not None and before.text in cue_words("loan_words") | cue_words("move_verbs"):
            return True  # "auf Leihbasis von Eintracht Frankfurt", "der Wechsel vom VfL"
        return before is None or not (before.is_title and not before.ent_type_)

    def names_destination(self, anchor: Span, s: Sentence) -> bool:
        """"zum VfB", "in Richtung SV Lippstadt 08": the club joined, whatever else the clause says."""
        token = self.nearest_preposition(anchor, s)
        return token is not None and token.lower_ in cue_words("target_prepositions")

    @staticmethod
    def nearest_preposition(anchor: Span, s: Sentence) -> Token | None:
        """The move preposition that governs the club: the nearest one before it, not across another
        club ("vom VfL zur SG Wattenscheid 09")."""
        direction = cue_words("source_prepositions") | cue_words("target_prepositions")
        for token in reversed(anchor.doc[max(s.span.start, anchor.start - SOURCE_LOOKBACK):anchor.start]):
            if token.ent_type_ == "CLUB":
                return None
            if token.lower_ in direction:
                return token
        return None

    def is_passive_agent(self, s: Sentence) -> bool:
        return bool(s.words & cue_words("passive_auxiliaries")) and bool(
            s.words & cue_words("passive_agent_participles"))

    def add_dates(self, draft: StationDraft, s: Sentence, target: Target, sides: dict[int, str],
                  targets: list[Target], pending_date: Span | None) -> None:
        """Dates of the club's own clause date it; a move dated on one side dates both sides."""
        side = sides[id(target)]
        dates = [d for d in s.dates if not self.is_birth_date(d) and not self.ends_a_contract(d, s)
                 and not self.dates_an_honour(d, s)]
        own = [d for d in dates if self.in_clause(d, target, s)]
        words = words_of(clause_of(target.anchor, s))
        told_before = bool(words & cue_words("before_words"))
        for date in own:
            hint = date._.karriere_hint
            leaves = self.names_source(target.anchor, s) or bool(words & self.leaving_verbs)
            if hint == "start" and side == "end" and self.is_move_time(date) and leaves:
                hint = ""  # "zur Saison 2023/24 vom VfL Eintracht Hagen", "verlässt X zum 1. Juli": the move ends it
            if told_before and not hint:
                hint = "start"  # "Zuvor trainierte er 2016 den FC X": when that station began, not when it ended
            which = "start" if hint == "start" else "end" if side == "end" or hint == "end" else "start"
            self.book.set_date(draft, date.kb_id_, which)
        opposite = {"end": "start", "start": "end"}.get(side)
        partners = [t for t in targets if t is not target and sides[id(t)] == opposite]
        if partners and (side == "end" or not own):
            # The partner's own start ("von 1959 bis 1963 für A, ehe er zu B") is not the move date.
            partners_own = "start" if side == "start" else "end"
            for date in dates:
                if any(self.in_clause(date, t, s) for t in partners) and date._.karriere_hint != partners_own:
                    self.book.set_date(draft, date.kb_id_, side)
        elif not own and (len(targets) == 1 or self.dates_the_whole_move(dates, targets, sides, s)):
            for date in dates:
                # "hat reagiert und sich am Montag von Trainer X getrennt": the date's clause tells a leaving
                leaving = bool(words_of(clause_of(date, s), skip_dates=True) & self.leaving_verbs)
                which = "end" if side == "end" or date._.karriere_hint == "end" or leaving else "start"
                self.book.set_date(draft, date.kb_id_, which)
        if not s.dates and pending_date is not None and len(targets) == 1 and side != "end":
            self.book.set_date(draft, pending_date.kb_id_, "start")
        if len(targets) == 1 and not draft.start and side != "end":
            for date in dates:
                # "trennte sich von Trainer X, der die Mannschaft im Sommer 2019 übernommen hatte"
                if date not in own and words_of(clause_of(date, s)) & cue_words("joined_participles"):
                    self.book.set_date(draft, date.kb_id_, "start")

    def dates_the_whole_move(self, dates: list[Span], targets: list[Target], sides: dict[int, str],
                             s: Sentence) -> bool:
        """"2019 trennten sich die Wege: Jan wechselte zum SC Wiedenbrück, Nils zum SV Straelen": a date
        in a clause of no club dates moves that all join a club."""
        if not dates or {sides[id(t)] for t in targets} != {"start"} or not s.words & cue_words("move_verbs"):
            return False
        return not any(self.in_clause(d, t, s) for d in dates for t in targets)

    def is_move_time(self, date: Span) -> bool:
        return date.start > 0 and date.doc[date.start - 1].lower_ in cue_words("move_time_words")

    def is_loan(self, target: Target, s: Sentence) -> bool:
        return bool(words_of(clause_of(target.anchor, s)) & cue_words("loan_words"))

    def mark_kind(self, draft: StationDraft, s: Sentence, target: Target) -> None:
        """Loans ("an Vöcklamarkt verliehen") and stations the present tense holds ("spielt seit 2008")."""
        if self.is_loan(target, s):
            draft.loan = True
        if s.words & cue_words("past_tense_words"):
            return
        ongoing_words = cue_words("ongoing_date_words")
        for date in s.dates:
            lead = date.doc[max(s.span.start, date.start - 2):date.end]  # "seit dem Sommer", "seit 2008"
            if self.in_clause(date, target, s) and any(t.lower_ in ongoing_words for t in lead):
                draft.ongoing = True

    def in_clause(self, date: Span, target: Target, s: Sentence) -> bool:
        clause = clause_of(target.anchor, s)
        return clause.start <= date.start < clause.end

    def ends_a_contract(self, date: Span, s: Sentence) -> bool:
        """"bis zum 30. Juni 2022 ausgeliehen", "Vertrag bis 2024": when a contract or loan runs out
        is no station end (SPEC 5a)."""
        if date._.karriere_hint != "end":
            return False
        return bool(words_of(clause_of(date, s)) & cue_words("contract_words"))

    def dates_an_honour(self, date: Span, s: Sentence) -> bool:
        """"der erste Meistertitel für den Klub seit der Saison 1983/84": a date beside an honour
        dates the honour, not the station (SPEC 5a), unless the clause also tells a move."""
        clause = clause_of(date, s)
        if not any(clause.start <= t.start < clause.end for t in s.titles):
            return False
        tells_move = cue_words("move_verbs") | cue_words("end_cues") | cue_words("career_end_words")
        return not words_of(clause) & tells_move

    def is_birth_date(self, date: Span) -> bool:
        window = date.doc[max(0, date.start - 2):date.end]  # "geboren am ...", "Jahrgang 1949"
        return any(t.text.lower() in self.birth_words for t in window)

    def relative_clause_dates(self, person: Span, s: Sentence) -> tuple[str, str]:
        """Start and end a relative clause right after a name gives: "Trainer X, der im Sommer 2009
        erstmals in der Lausitz anheuerte" (a joining), "Trainer war Y, der von 1956 bis 1962 an der
        Seitenlinie stand" (a span)."""
        doc = person.doc
        if person.end + 1 >= s.span.end or doc[person.end].text != "," \
                or doc[person.end + 1].lower_ not in RELATIVE_PRONOUNS:
            return "", ""
        clause = clause_of(doc[person.end + 1:person.end + 2], s)
        dates = [d for d in s.dates if clause.start <= d.start < clause.end]
        hinted = {d._.karriere_hint: d.kb_id_ for d in reversed(dates) if d._.karriere_hint}
        if hinted:
            return hinted.get("start", ""), hinted.get("end", "")
        if dates and words_of(clause) & (cue_words("joined_participles") | cue_words("move_verbs")):
            return dates[0].kb_id_, ""
        return "", ""

    def apposition_dates(self, role_token: Token, person: Span, s: Sentence) -> tuple[str, str]:
        """Start and end for a role named with a name: from a relative clause after the name, else from
        dates between the role and the name ("Vorsitzender ist seit 2017 Ulrich Tenhagen")."""
        start, end = self.relative_clause_dates(person, s)
        if start or end or role_token.i > person.start:
            return start, end
        between = [d for d in s.dates if role_token.i < d.start and d.end <= person.start]
        hinted = {d._.karriere_hint: d.kb_id_ for d in reversed(between) if d._.karriere_hint}
        return hinted.get("start", ""), hinted.get("end", "")

