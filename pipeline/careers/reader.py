"""The career reader: one pass over an article's sentences, in order, keeping a little discourse state
(the person in focus, the club in focus, the station the narrative is at). Each sentence gives
stations at the clubs it names or describes, with roles, dates, leagues and honours; sentence-level
events (a dismissal, a takeover, a move up from the youth, a career end) adjust stations read before."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..gold import CareerRow
from ..people import PersonIndex
from .clubs import ClubIndex, descriptor_league, league_name
from .moves import MoveDates
from .persons import APPOSITION_GAP, PersonTracker
from .roles import ROLE_ORDER, RoleWords
from .stations import ROLE_GROUP, StationBook, StationDraft, date_key, freeze, joined
from .text import (APPOSITION_FILLERS, Sentence, Target, clause_of, cue_words, cues, distance, is_headline,
                   preposition_before, read_sentences, word_before, words_of)

SAME_ROLE_WORDS = {"gleicher", "gleichen", "derselben", "selber", "selben"}
LIST_GAP = 4
LIST_COORDINATORS = {",", "und", "sowie", "oder"}
ROLE_CLUB_LINKS = {"beim", "bei", "des", "von", "vom", "der", "den", "dem"}
LIST_GLUE = {",", "und", "sowie", "oder", "bei", "beim", "für", "der", "dem", "den", "die", "zum", "zur", "von", "vom"}
STATION_PREPOSITIONS = {"bei", "beim", "für", "zu", "zum", "zur", "von", "vom", "nach"}
SCORE = re.compile(r"^\d{1,2}:\d{1,2}$")
STAFF_ROLES = {"coach", "assistant_coach", "official"}
DESCRIPTION_ARTICLES = {"den", "dem", "des", "beim", "zum", "vom"}
GENITIVE_LINKS = {"des", "der", "vom", "von"}
OPENING_LEAD = 2  # "Beim TuSEM Essen ...", "Auch beim ..."
ROUND_UP_SECTIONS = 3  # paragraphs opening with a club that make an article a round-up


class CareerReader:
    def __init__(self, doc: Doc, doc_id: str) -> None:
        self.doc = doc
        self.doc_id = doc_id
        self.people = PersonIndex(doc)
        self.clubs = ClubIndex(doc)
        self.cue = cues()
        self.roles = RoleWords()
        self.tracker = PersonTracker(self.people, self.roles)
        self.book = StationBook()
        self.moves = MoveDates(self.book)
        # Words that move someone to a club, named or not ("Vom SC Verl kommt Innenverteidiger X").
        self.arrival_words = cue_words("move_verbs") | cue_words("loan_words") | cue_words("arrival_verbs")
        self.station_words = cue_words("station_cues").union(
            *self.cue["role_cues"].values(), *self.cue["weak_role_cues"].values())
        # "spielte", "trainierte": verbs that tell a spell where they happen
        spell_verbs = {w for role in ("player", "coach") for w in self.cue["weak_role_cues"][role] if w.islower()}
        self.ground_verbs = self.arrival_words | spell_verbs
        self.unroled_clubs: dict[int, list[Span]] = {}
        self.current: StationDraft | None = None
        self.last_club: Span | None = None
        self.pending_date: Span | None = None
        self.last_station_of: dict[str, StationDraft] = {}
        self.career_end_of: dict[str, str] = {}
        self.paragraph_club: Span | None = None
        self.section_club: Span | None = None
        self.opening_clubs: dict[int, Span] = {}  # paragraph openings by where they start: their club
        self.is_round_up = False
        self.window_date = ""
        self.topic_club: Span | None = None

    def read(self) -> list[CareerRow]:
        sentences = read_sentences(self.doc)
        for s in sentences:
            opening = self.opening_club(s) if self.opens_paragraph(s) else None
            if opening is not None:
                self.opening_clubs[s.span.start] = opening
        self.is_round_up = len(self.opening_clubs) >= ROUND_UP_SECTIONS
        for index, sentence in enumerate(sentences):
            self.book.sentence_index = index
            self.follow_paragraph(sentence)
            self.read_sentence(sentence)
            self.follow_topic(sentence)
        self.book.close_by_next_station()
        self.book.close_by_career_end(self.career_end_of)
        return [freeze(d, self.doc_id) for d in self.book.stations.values()]

    def implied_destination(self, s: Sentence, targets: list[Target], sides: dict[int, str]) -> Target | None:
        """"ASC 09 Dortmund: Niklas Sommerfeld kehrt vom SV Lippstadt 08 zurück": a move that names only
        the club left goes to the club in focus, unless it goes to a place ("vom VfL in die Türkei")."""
        if self.names_place_of_arrival(s):
            return None
        return self.missing_side(s, targets, sides, self.focus_club(), "end", self.arrival_words)

    def implied_source(self, s: Sentence, targets: list[Target], sides: dict[int, str]) -> Target | None:
        """"SC Wiedenbrück: ... Nach elf Jahren wechselt Kevin Spiekermann zum SC Peckeloh": in a round-up
        section a move that names only where it goes leaves the section's club. "kommt zum ..." is an
        arrival, not a departure: only a move verb counts."""
        return self.missing_side(s, targets, sides, self.paragraph_club, "start", cue_words("move_verbs"))

    def missing_side(self, s: Sentence, targets: list[Target], sides: dict[int, str], focus: Span | None,
                     named_side: str, verbs: frozenset[str]) -> Target | None:
        """The club in focus as the other side of a move whose named clubs are all on `named_side`,
        anchored at the move's verb."""
        if focus is None or not all(sides[id(t)] == named_side for t in targets):
            return None
        if self.clubs.name(focus) in {self.clubs.name(t.club) for t in targets}:
            return None
        verb = next((t for t in s.span if t.text in verbs), None)
        return Target(focus, s.span.doc[verb.i:verb.i + 1]) if verb is not None else None

    def ground_arrived_at(self, s: Sentence) -> Target | None:
        """"war im Sommer 2020 an den Hünting gekommen": a move to a ground is a move to the club in
        focus, whose ground it is."""
        verbs = self.ground_verbs
        if not s.words & verbs:
            return None
        focus = self.focus_club()
        if focus is None:
            return None
        for place in (e for e in s.span.ents if e.label_ == "PLACE" and e.id_ != "region"):  # not "an den Niederrhein"
            governing = word_before(place, s)
            if governing is not None and governing.lower_ in cue_words("ground_prepositions") and \
                    any(t.text in verbs for t in clause_of(place, s)):
                return Target(focus, place)  # also "spielte zwischen 2006 und 2011 am Uhlenkrug"
        return None

    def names_place_of_arrival(self, s: Sentence) -> bool:
        """"in die Türkei", "nach Nordamerika", "in die Lausitz": the move names where it went, by a
        place rather than a club. A ground ("an den Uhlenkrug") is most often the club in focus's own."""
        arrival = cue_words("arrival_prepositions")
        verbs = [t for t in s.span if t.text in self.arrival_words]
        # only in the move's clause: not "Vom SC Verl kommt X, der in Verl zuletzt nur Ersatz war"
        clauses = [clause_of(s.span.doc[v.i:v.i + 1], s) for v in verbs] or [s.span]
        for token in s.span:
            if token.lower_ not in arrival or not any(c.start <= token.i < c.end for c in clauses):
                continue
            following = [t for t in s.span.doc[token.i + 1:min(s.span.end, token.i + 3)] if t.lower_ not in
                         APPOSITION_FILLERS]
            if following and following[0].ent_type_ == "PLACE":
                return True  # not "aus der Jugend in den Profikader"
        return False

    def follow_topic(self, s: Sentence) -> None:
        """"Beim 1. FC Köln ist eine Ära zu Ende gegangen.": a sentence about one club and no one
        makes that club the topic of the next sentence."""
        if self.is_blocked(s):
            return  # "Dass sein Name beim FC Luzern gehandelt wurde": a rumour's club is no topic
        named = {self.clubs.name(c) for c in s.clubs if not self.is_opponent(c)}
        if len(named) == 1 and not s.persons and not self.tracker.mentions:
            self.topic_club = next(c for c in s.clubs if not self.is_opponent(c))
        elif named or s.persons:
            self.topic_club = None

    def follow_paragraph(self, s: Sentence) -> None:
        """A round-up's paragraph that opens with a club and a colon is about that club, and so are the
        paragraphs after it, up to the next such opening. In a round-up whose paragraphs open with
        their club ("Beim VfL Eintracht Hagen setzt man ...", "Der TuS N-Lübbecke freut sich ..."),
        each such paragraph is about its club."""
        if not self.opens_paragraph(s):
            return
        first = s.clubs[0] if s.clubs else None
        if first is not None and first.start == s.span.start and first.end < len(self.doc) \
                and self.doc[first.end].text == ":":
            self.section_club = first
        opening = self.opening_clubs.get(s.span.start)
        # "Beim 1. FC Köln ist eine Ära zu Ende gegangen.": a paragraph that opens on a club and no one
        about_club = opening is not None and not s.persons and not self.tracker.refers_to_someone(s)
        # a round-up's paragraph that opens on no club goes on with the club of the one before
        carries_on = self.is_round_up and opening is None and self.section_club is None
        if opening is not None and (self.is_round_up or about_club):
            self.paragraph_club = opening
        elif not carries_on:
            self.paragraph_club = self.section_club

    def opening_club(self, s: Sentence) -> Span | None:
        """The club a paragraph's first sentence is about: the club it opens with (at most a preposition
        and an article before it), or the one club it names when it names no one ("Den dicksten Verlust
        hat die SGS Essen zu verkraften.")."""
        first = s.clubs[0] if s.clubs else None
        if first is None or self.is_opponent(first):
            return None
        lead = self.doc[s.span.start:first.start]
        if len(lead) <= OPENING_LEAD and all(t.is_lower or t.is_stop for t in lead) and not lead.ents:
            return first
        named = {self.clubs.name(c) for c in s.clubs if not self.is_opponent(c)}
        if len(named) == 1 and not s.persons and not self.tracker.refers_to_someone(s):
            return first
        return None

    def opens_paragraph(self, s: Sentence) -> bool:
        start = s.span.start
        return start == 0 or (self.doc[start - 1].is_space and "\n" in self.doc[start - 1].text)

    def read_sentence(self, s: Sentence) -> None:
        persons = self.tracker.read(s)
        self.follow_transfer_window(s)
        targets = self.station_targets(s)
        blocked = self.is_blocked(s)
        appositions = self.read_appositions(s)  # a role named with a name is a fact, even in a rumour
        if not targets or blocked or not persons or self.tells_no_one(s):
            self.read_without_station(s, persons, blocked)
            return
        sides = {id(t): self.moves.side(t, s) for t in targets}
        moves = bool(s.words & self.arrival_words)
        destination = self.implied_destination(s, targets, sides) if moves else None
        if destination is not None:
            targets.append(destination)
            sides[id(destination)] = "start"
        source = self.implied_source(s, targets, sides) if moves else None
        if source is not None:
            targets.insert(0, source)
            sides[id(source)] = "end"
        listed_role: dict[str, str] = {}
        previous = dict(self.last_station_of)
        move_sides: list[tuple[str, str, StationDraft]] = []
        for index, target in enumerate(targets):
            club = self.clubs.name(target.club)
            continues_list = index > 0 and self.is_list_continuation(targets[index - 1], target)
            for person in self.tracker.persons_for(s, target, persons):
                apposed_club, apposed_role = appositions.get(person, ("", ""))
                role = apposed_role if apposed_club == club else self.role_for(s, target.anchor, person, club)
                if continues_list and person in listed_role:
                    role = listed_role[person]  # "in der Jugend bei A und beim B": B is youth too
                listed_role[person] = role
                draft = self.book.station(person, club, role, s.span.text.strip())
                self.date_station(draft, s, target, sides, targets, moves)
                if role in ("coach", "player") and target.anchor is target.club and self.names_player_coach(target, s):
                    other = self.book.station(person, club, "player" if role == "coach" else "coach",
                                              s.span.text.strip())
                    self.date_station(other, s, target, sides, targets, moves)  # "wo er als Spielertrainer ..."
                self.end_before(draft, previous.get(person), s, target)
                joins = sides[id(target)] != "end" and bool(draft.start or draft.latest_start)
                if joins and s.words & cue_words("move_verbs"):
                    self.book.close_previous(previous.get(person), draft)
                self.last_station_of[person] = draft
                move_sides.append((person, sides[id(target)], draft))
                self.add_leagues(draft, s, target)
                self.current = draft
                self.add_titles(s, target, person, role)
        if moves:
            self.end_at_arrival(move_sides, s)
        self.last_club = s.clubs[-1] if s.clubs else targets[-1].club
        self.pending_date = None
        self.read_career_end(s, persons, explicit=True)
        self.read_dismissal(s)
        self.read_promotion(s, persons)
        self.read_takeover(s, persons)  # "hatte das Amt am 1. Juli 2022 übernommen, zuvor ... beim VfB Homberg"

    @staticmethod
    def end_before(draft: StationDraft, later: StationDraft | None, s: Sentence, target: Target) -> None:
        """"Lüdecke hatte das Amt im Januar 2020 übernommen. Zuvor hatte er den FSV 63 Luckenwalde
        trainiert": a station told as the one before ends when the station told last began."""
        if later is None or draft.end or later is draft or later.club == draft.club or not joined(later):
            return
        if ROLE_GROUP[later.role] != ROLE_GROUP[draft.role]:
            return
        if words_of(clause_of(target.anchor, s)) & cue_words("before_words"):
            if not draft.start or date_key(draft.start) <= date_key(joined(later)):
                draft.end = joined(later)

    def end_at_arrival(self, move_sides: list[tuple[str, str, StationDraft]], s: Sentence) -> None:
        """"Der 23-Jährige kommt vom Westfalenligisten TSG Sprockhövel": the club left ends when the
        person joins the club the move goes to, dated here or in the sentence before."""
        for person, side, source in move_sides:
            if side != "end" or source.end or source.loan or source.ongoing:
                continue
            arrivals = [joined(d) for p, other, d in move_sides
                        if p == person and other == "start" and d.club != source.club and joined(d)]
            if arrivals and (not source.start or date_key(source.start) <= date_key(arrivals[0])):
                source.end = arrivals[0]

    def names_player_coach(self, target: Target, s: Sentence) -> bool:
        """"Spielertrainer" in the club's clause or in a "wo ..." clause right after it."""
        words = list(clause_of(target.anchor, s))
        after, doc = words[-1].i + 1, s.span.doc
        if after + 1 < s.span.end and doc[after].text == "," and doc[after + 1].lower_ == "wo":
            for token in doc[after + 1:s.span.end]:
                if token.text == ",":
                    break
                words.append(token)
        return any(part in t.lower_ for t in words for part in self.cue["player_coach_words"])

    def tells_no_one(self, s: Sentence) -> bool:
        """"Beim 1. FC Köln ist eine Ära zu Ende gegangen", "In Hagen bedauert man den Abgang": a sentence
        that names no one, refers to no one and has no role word sets the topic, it gives no station."""
        if self.tracker.mentions:
            return False
        if s.words & cue_words("impersonal_subjects"):
            return True  # "setzt man auf den eigenen Nachwuchs": no one in particular
        telling = cue_words("move_verbs") | cue_words("offer_nouns")  # "Doch dann kam das Angebot von ..."
        return not any(self.roles.token_role(t) for t in s.span) and not s.words & telling

    def read_without_station(self, s: Sentence, persons: list[str], blocked: bool) -> None:
        """A sentence that gives no station of its own still tells about stations read before."""
        self.attach_to_current(s, blocked)
        self.read_career_end(s, persons)
        self.read_dismissal(s)
        if not blocked:
            self.read_promotion(s, persons)
        if not s.clubs and not blocked:
            self.read_takeover(s, persons)
            self.read_team_coached(s)
        if not s.clubs:
            self.read_departures(s)  # "..., deren Ziel noch unbekannt ist" is no wish
        self.pending_date = s.dates[-1] if s.dates and not s.clubs else None
        if s.clubs and not blocked:
            self.last_club = s.clubs[-1]  # not a rumour's club: "des Klubs" next means the one in the story

    def read_departures(self, s: Sentence) -> None:
        """"Nicht mehr dabei sind Jannis Kämper und Ole Brüning": the people named leave the club in focus,
        at the round-up's date."""
        text = " ".join(t.lower_ for t in s.span)
        focus = self.club_in_focus()
        if not focus or not any(phrase in text for phrase in self.cue["departure_phrases"]):
            return
        for mention in (m for m in self.tracker.mentions if m.named):
            draft = self.book.station(mention.person, focus, "player", s.span.text.strip())
            if self.window_date and not draft.end:
                draft.end = self.window_date

    def read_team_coached(self, s: Sentence) -> None:
        """"Seit dem 01.07.2019 trainiert Sebastian Pohl das Team", "trainierte die Mannschaft von 1985 bis
        1996": coaching "the team" with no club named is coaching the club in focus."""
        coaching = s.words & cue_words("coaching_verbs")
        named = [m for m in self.tracker.mentions if m.named]
        focus = self.club_in_focus()
        if not coaching or not s.words & cue_words("team_words") or not self.tracker.mentions or not focus:
            return
        person = (named or self.tracker.mentions)[0].person
        draft = self.book.station(person, focus, "coach", s.span.text.strip())
        for date in s.dates:
            hint = date._.karriere_hint
            self.book.set_date(draft, date.kb_id_, "end" if hint == "end" else "start")

    def date_station(self, draft: StationDraft, s: Sentence, target: Target, sides: dict[int, str],
                     targets: list[Target], moves: bool) -> None:
        """The sentence's dates for the station; a loan does not end the lender's station; an undated
        move in a round-up takes the transfer window's date ("die meisten Wechsel zur Saison 2023/24")."""
        side = sides[id(target)]
        if not (side == "end" and self.moves.is_loan(target, s)):
            self.moves.add_dates(draft, s, target, sides, targets, self.pending_date)
        self.moves.mark_kind(draft, s, target)
        if moves and not s.dates and self.window_date:
            if side == "end" and not draft.end:
                draft.end = self.window_date
            elif side != "end" and not draft.start:
                self.book.set_date(draft, self.window_date, "start")

    def follow_transfer_window(self, s: Sentence) -> None:
        """A round-up's lead dates the moves it lists: a dated sentence about transfers that names no one."""
        if s.dates and not s.persons and s.words & cue_words("transfer_window_words"):
            self.window_date = s.dates[0].kb_id_

    def read_promotion(self, s: Sentence, persons: list[str]) -> None:
        """"bei dem er im Sommer aus der eigenen U 19 zu den Profis aufgerückt war", "Aus der eigenen U19
        rücken Torwart A und Verteidiger B auf": each one's youth station at the club ends and the senior
        one begins (at the date the sentence gives)."""
        cue = next((t for t in s.span if t.text in cue_words("promotion_words")), None)
        if cue is None:
            return
        clause = clause_of(s.span.doc[cue.i:cue.i + 1], s)
        if not any(self.roles.token_role(t) == "youth_player" for t in s.span):
            return
        clubs = [c for c in s.clubs if c.start < clause.end and not self.is_opponent(c)]
        club = self.clubs.name(clubs[-1]) if clubs else self.club_in_focus()
        if not club:
            return  # an article that names no club gives no station
        dates = [d for d in s.dates if not self.moves.ends_a_contract(d, s)]
        in_clause = [d for d in dates if clause.start <= d.start < clause.end]
        date = (in_clause or dates)[0].kb_id_ if dates else self.window_date
        named = [self.people.resolve(p) for p in s.persons if not self.people.is_genitive(p)]
        for person in dict.fromkeys(named or persons):
            youth = self.book.station(person, club, "youth_player", s.span.text.strip())
            senior = self.book.station(person, club, "player", s.span.text.strip())
            if date and not youth.end:
                youth.end = date
            if date and not senior.start:
                self.book.set_date(senior, date, "start")

    def read_dismissal(self, s: Sentence) -> None:
        """"Am Montag wurde Cheftrainer Heiko Ruppert beurlaubt", "trennte sich am Freitag von Trainer
        Ralf Hülsmann": the staff station of the person dismissed ends at the date of that clause."""
        cue = next((t for t in s.span if t.text in cue_words("dismissal_words")), None)
        if cue is None:
            return
        clause = clause_of(s.span.doc[cue.i:cue.i + 1], s)
        dates = [d for d in s.dates if clause.start <= d.start < clause.end]
        named = [p for p in s.persons if not self.people.is_genitive(p)]
        if not dates:
            return
        nearest = min(named, key=lambda p: distance(cue.i, p)) if named else None
        person = self.people.resolve(nearest) if nearest is not None else self.tracker.focus_person
        station = self.station_left(person, s)
        if station is not None and not station.end:
            date = min(dates, key=lambda d: distance(cue.i, d)).kb_id_
            if not station.start or date_key(station.start) <= date_key(date):
                station.end = date

    def read_takeover(self, s: Sentence, persons: list[str]) -> None:
        """"Bendixen hatte das Traineramt im Januar 2016 übernommen": a job taken over with no club
        named starts the person's staff station told last."""
        cue = next((t for t in s.span if t.text in cue_words("takeover_words")), None)
        if cue is None or len(persons) != 1:
            return
        clause = clause_of(s.span.doc[cue.i:cue.i + 1], s)
        if any(clause.start <= c.start < clause.end for c in s.clubs):
            return  # "übernahm den SC Verl": a station of its own
        dates = [d for d in s.dates if clause.start <= d.start < clause.end and not self.moves.is_birth_date(d)]
        station = self.station_left(persons[0], s, clause)
        if station is None and not s.clubs:
            station = self.take_over_in_focus(persons[0], s)
        if dates and station is not None and not station.start:
            self.book.set_date(station, min(dates, key=lambda d: distance(cue.i, d)).kb_id_, "start")
            self.last_station_of[persons[0]] = station  # the station the story is at ("Zuvor ...")

    def take_over_in_focus(self, person: str, s: Sentence) -> StationDraft | None:
        """"Ab Donnerstag übernimmt dann Andreas Hüttner.": a named person taking over, no club named,
        is the new coach of the club in focus."""
        focus = self.club_in_focus()
        named = [m for m in self.tracker.mentions if m.named and m.person == person]
        if not focus or not named or s.words & cue_words("blocking_cues"):
            return None
        return self.book.station(person, focus, "coach", s.span.text.strip())

    def station_left(self, person: str, s: Sentence, clause: Span | None = None) -> StationDraft | None:
        """The staff station a dismissal or takeover is about: at a club of the sentence (or of the
        clause given), else the one told last."""
        staff = [d for d in self.book.stations.values() if d.person == person and ROLE_GROUP[d.role] == "staff"]
        within = clause if clause is not None else s.span
        named_here = {self.clubs.name(c) for c in s.clubs if within.start <= c.start < within.end}
        named_elsewhere = {self.clubs.name(c) for c in s.clubs} - named_here  # "zuvor ... beim VfB Homberg"
        here = [d for d in staff if d.club in named_here]
        candidates = here or [d for d in staff if d.club not in named_elsewhere]
        return candidates[-1] if candidates else None

    def read_career_end(self, s: Sentence, persons: list[str], explicit: bool = False) -> None:
        """"zwang ihn 1970 zum Karriereende": the playing station he was at ends then. Where the sentence
        also tells stations, only an explicit end counts ("hat seine Laufbahn beendet"), not a career
        that "neigte sich ihrem Ende entgegen"."""
        words = cue_words("career_end_verbs") if explicit else cue_words("career_end_words")
        if not s.dates or not s.words & words or len(persons) != 1:
            return
        date = s.dates[-1].kb_id_
        self.career_end_of[persons[0]] = date
        station = self.last_station_of.get(persons[0])
        if station is None or station.end or ROLE_GROUP[station.role] != "playing":
            return
        if not station.start or date_key(station.start) <= date_key(date):
            station.end = date

    def is_list_continuation(self, previous: Target, target: Target) -> bool:
        """Only commas, "und" and prepositions stand between two clubs of one list."""
        between = target.anchor.doc[previous.anchor.end:target.anchor.start]
        coordinated = any(t.lower_ in LIST_COORDINATORS for t in between)  # not "vom VfL zur SG"
        return coordinated and len(between) <= LIST_GAP and all(t.lower_ in LIST_GLUE for t in between)

    def read_appositions(self, s: Sentence) -> dict[str, tuple[str, str]]:
        """"Trainer Gerald Scheiblehner", "BHC-Geschäftsführer Jörg Föste", "Hüsing, heute Co-Trainer
        beim SC Verl": a role named with a person gives that person a station at the club meant.
        Returns the club and role each such person has in this sentence."""
        roles: dict[str, tuple[str, str]] = {}
        described = self.read_role_description(s)
        if described:
            roles[described[0]] = described[1:]
        focus = self.club_in_focus()
        for person_span in s.persons:
            if focus and self.leads_the_team(person_span):
                # "Die Mannschaft von Norbert Elgert verlor beim 1. FC Köln": he coaches the club in focus
                coach = self.people.resolve(person_span)
                self.book.station(coach, focus, "coach", s.span.text.strip())
                roles[coach] = (focus, "coach")
                continue
            for role_token in self.tracker.apposition_role_tokens(person_span):
                role = self.roles.token_role(role_token)
                club = self.apposition_club(role_token, person_span, s)
                if not role or club is None or role == "youth_player":
                    continue
                person = self.people.resolve(person_span)
                start, end = self.moves.apposition_dates(role_token, person_span, s)
                for each_role in self.roles.apposition_roles(role_token, role):
                    draft = self.book.station(person, club, each_role, s.span.text.strip())
                    if start:
                        self.book.set_date(draft, start, "start")
                    if end:
                        self.book.set_date(draft, end, "end")
                roles.setdefault(person, (club, role))
        return roles

    def read_role_description(self, s: Sentence) -> tuple[str, str, str] | None:
        """"Der Kapitän des SV Waldhof Mannheim blieb cool": the person named last, in the role, at the
        club the description names. Returns the person, club and role."""
        mention = self.tracker.mentions[0] if self.tracker.mentions else None
        if mention is None or mention.named or not self.tracker.is_role_description(self.doc[mention.index]):
            return None
        token = self.doc[mention.index]
        club, role = self.role_club(token, s), self.roles.token_role(token)
        if not club:
            return None
        self.book.station(mention.person, club, role, s.span.text.strip())
        return mention.person, club, role

    def leads_the_team(self, person: Span) -> bool:
        """"die Mannschaft von (Trainer) X", "das Team von X": X is the coach of the team."""
        doc, i = person.doc, person.start - 1
        if i > 0 and self.roles.token_role(doc[i]) in ("coach", "assistant_coach"):
            i -= 1
        if i < 1 or doc[i].lower_ != "von" or doc[i - 1].text not in cue_words("team_words"):
            return False
        # as the subject or object of the sentence, not "im Team von X" (a player's team, told elsewhere)
        before = doc[max(person.sent.start, i - 3):i - 1]
        return not any(t.lower_ in STATION_PREPOSITIONS | {"im", "in"} for t in before)

    def apposition_club(self, role_token: Token, person: Span, s: Sentence) -> str | None:
        """The club in the role compound ("Verl-Trainer"), right after the role, nearest, or the last."""
        if "-" in role_token.text:
            name = self.clubs.find(role_token.text.rsplit("-", 1)[0])
            if name:
                return name
        doc = person.doc
        for club in s.clubs:
            gap = doc[max(role_token.i, person.end - 1) + 1:club.start]
            crosses = any(t.text == "," or (t.i != role_token.i and self.roles.is_role_word(t)) for t in gap)
            if 0 < len(gap) <= APPOSITION_GAP and gap[-1].lower_ in ROLE_CLUB_LINKS and not crosses:
                return self.clubs.name(club)  # "Co-Trainer beim SC Verl", "Trainer des VfB"
        clause = clause_of(doc[role_token.i:role_token.i + 1], s)
        in_clause = [c for c in s.clubs if clause.start <= c.start < clause.end and not self.is_opponent(c)]
        if in_clause:
            return self.clubs.name(min(in_clause, key=lambda c: distance(role_token.i, c)))
        if self.tracker.is_oblique(person) and self.roles.token_role(role_token) in STAFF_ROLES:
            # "Unter Trainer Ivica Horvat spielte er ...": the coach of the club the subject was at then
            subject = next((m.person for m in self.tracker.mentions), self.tracker.focus_person)
            station = self.last_station_of.get(subject)
            if station is not None and station.person != self.people.resolve(person):
                return station.club
        signing = words_of(clause) & (cue_words("move_verbs") | cue_words("passive_agent_participles"))
        if any(not self.is_opponent(c) for c in s.clubs) and not signing \
                and not self.named_in_other_persons_clause(s, person):
            return None  # the sentence names its clubs elsewhere, with their own roles
        if self.paragraph_club is None and self.topic_club is None:
            # "Dort fehlt ihm mit Trainer X der Förderer": a role named beside the sentence's subject is
            # at the club that subject is at now
            current = self.current_club_of(self.tracker.focus_person, self.people.resolve(person))
            if current:
                return current
        return self.club_in_focus() or None  # "wurde Innenverteidiger Vukić verpflichtet": by the club in focus

    def current_club_of(self, person: str, other: str) -> str:
        """The club of the person's latest open station, if the person is someone else."""
        if not person or person == other:
            return ""
        open_stations = [d for d in self.book.stations.values() if d.person == person and not d.end
                         and d.role != "youth_player" and not d.loan]
        latest = max(open_stations, key=lambda d: (date_key(joined(d)), d.told_at), default=None)
        return latest.club if latest is not None else ""

    def named_in_other_persons_clause(self, s: Sentence, person: Span) -> bool:
        """"Sportdirektor X zögerte nicht, als Brückners Vertrag in Berlin auslief": the sentence's clubs
        are all in clauses about someone else."""
        others = [p for p in s.persons if p.start != person.start]
        clauses = [clause_of(p, s) for p in others]
        clubs = [c for c in s.clubs if not self.is_opponent(c)]
        return bool(clubs) and all(any(cl.start <= c.start < cl.end for cl in clauses) for c in clubs)

    def club_in_focus(self) -> str:
        focus = self.focus_club()
        return self.clubs.name(focus) if focus is not None else ""

    def focus_club(self) -> Span | None:
        """The club the text is about here: the round-up section's ("ASC 09 Dortmund: Der ..."), else
        the previous sentence's topic ("Beim 1. FC Köln ist eine Ära zu Ende gegangen."), else the club
        the article names most."""
        return self.paragraph_club or self.topic_club or self.clubs.home_span

    def station_targets(self, s: Sentence) -> list[Target]:
        failed = {self.clubs.name(c) for c in s.clubs if self.is_failed_move(c, s)}
        targets = [Target(c, c) for c in s.clubs
                   if not self.is_opponent(c) and self.clubs.name(c) not in failed]
        described = self.described_club(s)
        if described is not None and not self.is_failed_move(described.anchor, s) \
                and self.clubs.name(described.club) not in {self.clubs.name(t.club) for t in targets}:
            targets.append(described)
        ground = self.ground_arrived_at(s)
        if ground is not None and self.clubs.name(ground.club) not in {self.clubs.name(t.club) for t in targets}:
            targets.append(ground)
        if is_headline(s):
            return []  # "Erste Schritte bei Inter Leipzig": the paragraph below tells the station
        if not s.words & self.station_words:
            # Without a station word, only clubs governed by a station preposition
            # ("bei Sachsen Leipzig", "für den VfB") count.
            targets = [t for t in targets if preposition_before(t.anchor, s) & STATION_PREPOSITIONS or t is ground]
        if not targets:
            return []
        if self.is_match_report(s):
            # "Beim 3:2 des SV A beim TuS B traf ...", "muss zum 1. FC Kleve": no stations, but "traf
            # für den SC Verl" tells whom the scorer plays for
            return [t for t in targets if s.persons and self.is_played_for(t.anchor, s)]
        seen: dict[str, Target] = {}
        for target in targets:
            seen.setdefault(self.clubs.name(target.club), target)
        return sorted(seen.values(), key=lambda t: t.anchor.start)

    @staticmethod
    def is_played_for(club: Span, s: Sentence) -> bool:
        """"für den SC Verl", "für Rot-Weiss Essen": the club is the side someone plays for."""
        governing = word_before(club, s)
        return governing is not None and governing.lower_ == "für"

    def is_match_report(self, s: Sentence) -> bool:
        """A result or a fixture, and no move in the sentence."""
        match = any(SCORE.match(w) for w in s.words) or bool(s.words & cue_words("match_words"))
        if match and not self.tracker.mentions:
            return True  # "holte der Aufsteiger ein 2:2 beim FC St. Gallen": no one moves
        return match and not s.words & cue_words("move_verbs")

    def is_failed_move(self, club: Span, s: Sentence) -> bool:
        """"Geplatzt ist dagegen der Wechsel zur Hammer SpVg", "wird nicht zum SC Paderborn wechseln":
        no station at that club. A negation elsewhere in the sentence does not reach it ("hatte nie eine
        Profimannschaft verantwortet, wohl aber: Als Co-Trainer arbeitete er bei RB Leipzig")."""
        words = words_of(clause_of(club, s))
        negated = bool(words & cue_words("negations")) and not s.dates
        return negated or bool(words & cue_words("failed_move_words"))

    def is_opponent(self, club: Span) -> bool:
        window = club.doc[max(club.sent.start, club.start - self.cue["opponent_window"]):club.start]
        # "die 0:3-Niederlage beim BFC Dynamo": the result's noun after the score
        return any(t.text in self.cue["opponent_cues"] or t.text.rsplit("-", 1)[-1] in self.cue["opponent_cues"]
                   or SCORE.match(t.text) for t in window)  # "das 0:2 beim 1. FC Monheim"

    def described_club(self, s: Sentence) -> Target | None:
        """"den Sechstligisten", "des Traditionsvereins": the club named last before. A league level
        also looks back in its own sentence ("einem Angebot des VfL Osnabrück ... beim Drittligisten");
        a plain "Traditionsverein" is the club the story was at ("Nach seiner Zeit beim TuS Wengern
        wechselte er in die Jugend des Traditionsvereins")."""
        club_starts = {c.start for c in s.clubs}
        for token in s.span:
            word = token.text
            if not (word in self.cue["club_descriptions"] or descriptor_league(word)):
                continue
            if token.i + 1 in club_starts:
                continue  # "beim Drittligisten SG ...": the name follows, no description
            named_before = [c for c in s.clubs if c.end <= token.i and not self.is_opponent(c)]
            meant = named_before[-1] if named_before and descriptor_league(word) else self.last_club
            if meant is not None and token.i > 0 and self.is_description_article(token.nbor(-1), s):
                return Target(meant, s.span.doc[token.i:token.i + 1])
        return None

    def is_description_article(self, article: Token, s: Sentence) -> bool:
        """Club descriptions are masculine nouns: after "der" they are the subject, a station only
        when the club signs someone ("präsentierte der Oberligist den Nachfolger"), not in
        "ehe der Verein 1973 umzog"."""
        if article.lower_ == "der":
            return bool(s.words & (cue_words("move_verbs") | cue_words("signing_verbs")))
        return article.lower_ in DESCRIPTION_ARTICLES

    def is_blocked(self, s: Sentence) -> bool:
        """Wishes and rumours are no stations."""
        return bool(s.words & cue_words("blocking_cues"))

    def role_for(self, s: Sentence, club: Span, person: str, club_name: str) -> str:
        """The role the sentence gives the club: explicit role words ("Co-Trainer", "Jugend",
        "Sportdirektor") in the club's clause first, the most specific winning; then generic
        verbs ("spielte", "trainierte") nearest to the club; youth cues stay in their clause
        ("in der Jugend beim A, später für B" makes only A a youth station); else what the
        article said before."""
        earlier = [d.role for d in self.book.stations.values() if d.person == person]
        if earlier and s.words & SAME_ROLE_WORDS and s.words & {"Funktion", "Rolle", "Position"}:
            return earlier[-1]  # "wechselte er in gleicher Funktion zu den Telekom Baskets"
        clause = clause_of(club, s)
        others_roles = self.role_tokens_of_others(s, person)
        # Words inside a club's name ("FC Juniors OÖ") are no role cues.
        cues = [t for t in s.span if t.i not in others_roles and t.ent_type_ != "CLUB"
                and not self.roles.is_possessed(t) and self.role_club(t, s) in ("", club_name)]
        in_clause = [t for t in cues if clause.start <= t.i < clause.end]
        for tokens, youth_allowed in ((in_clause, True), (cues, False)):
            strong = [(ROLE_ORDER.index(r), distance(t.i, club), r) for t in tokens
                      if (r := self.roles.token_role(t)) and (youth_allowed or r != "youth_player")]
            weak = [(distance(t.i, club), ROLE_ORDER.index(r), r) for t in tokens
                    if (r := self.roles.weak_role(t)) and (youth_allowed or r != "youth_player")]
            # A youth cue, or a role word outside the club's clause, belongs to the club nearest to it:
            # "Nach Stationen beim VfB Remscheid und bei Schwarz-Weiß Essen kehrte er nach Oberhausen
            # zurück, diesmal als Sportdirektor".
            strong = [c for c in strong if (youth_allowed and c[2] != "youth_player")
                      or self.is_nearest_club(club, c[1], s, s.clubs if youth_allowed else self.clubs_without_role(s))]
            if any(r in STAFF_ROLES for *_, r in strong + weak):
                # "Trainerlaufbahn begann im Nachwuchs des FC Basel": the youth team is the one coached
                strong = [c for c in strong
                          if c[2] != "youth_player" or self.roles.names_youth_player(tokens, c[1], club)]
            if strong:
                return min(strong)[2]
            if weak:
                return self.predecessor_role(s, person) or min(weak)[2]
        known = [d.role for d in self.book.stations.values() if d.person == person and d.club == club_name]
        if known:
            return known[-1]
        if not earlier or earlier[-1] == "youth_player":
            return "player"  # a youth station is always cued ("Jugend", "U 19"); the next one is senior
        return earlier[-1]

    def predecessor_role(self, s: Sentence, person: str) -> str:
        """"Hollenhorst zieht es zum ThSV Eisenach, sein Nachfolger Tomasz Wrona kommt von Górnik
        Zabrze": a successor takes the role of the person he follows, here a goalkeeper's."""
        if not s.words & cue_words("succession_words"):
            return ""
        others = [m.person for m in self.tracker.mentions if m.person != person]
        for other in others:
            station = self.last_station_of.get(other)
            if station is not None:
                return station.role
        return ""

    def role_club(self, token: Token, s: Sentence) -> str:
        """The club a staff or player role word names in the genitive ("als Co-Trainer des VfL Bochum"),
        else "". A youth word keeps reaching the club before it ("von der DJK TuS Hordel ins
        Nachwuchsleistungszentrum des VfL": both youth stations)."""
        doc = s.span.doc
        if token.i + 2 >= s.span.end or doc[token.i + 1].lower_ not in GENITIVE_LINKS:
            return ""
        if self.roles.token_role(token) in ("", "youth_player"):
            return ""
        owner = next((c for c in s.clubs if c.start in (token.i + 2, token.i + 3)), None)
        return self.clubs.name(owner) if owner is not None else ""

    @staticmethod
    def is_nearest_club(club: Span, gap: int, s: Sentence, rivals: list[Span]) -> bool:
        """A youth cue `gap` tokens from the club belongs to it if no other club is nearer: "Nach den
        Jugendjahren beim Cronenberger SC gehörte er zum Kader des Wuppertaler SV" makes only the first
        a youth station."""
        cue_positions = [i for i in range(s.span.start, s.span.end) if distance(i, club) == gap]
        return any(all(distance(i, other) >= gap for other in rivals) for i in cue_positions)

    def clubs_without_role(self, s: Sentence) -> list[Span]:
        """Clubs whose own clause has no role word ("als Co-Trainer des VfL Bochum" has one); read once
        per sentence."""
        if s.span.start not in self.unroled_clubs:
            self.unroled_clubs[s.span.start] = [
                c for c in s.clubs if not any(self.roles.token_role(t) for t in clause_of(c, s))]
        return self.unroled_clubs[s.span.start]

    def role_tokens_of_others(self, s: Sentence, person: str) -> set[int]:
        """Role words that belong to someone else: standing with another name ("Unter Trainer Ivica
        Horvat spielte er") or in another person's clause ("..., wo mit Daniel Farke gerade ein
        deutscher Trainer angefangen hatte")."""
        others = [p for p in s.persons if self.people.resolve(p) != person]
        taken = {t.i for p in others for t in self.tracker.apposition_role_tokens(p)}
        own_clauses = [clause_of(s.span.doc[m.index:m.index + 1], s)
                       for m in self.tracker.mentions if m.person == person]
        for other in others:
            clause = clause_of(other, s)
            if not any(c.start == clause.start for c in own_clauses):
                taken.update(range(clause.start, clause.end))
        return taken

    def add_leagues(self, draft: StationDraft, s: Sentence, target: Target) -> None:
        for league in s.leagues:
            name = league_name(league)
            if name not in draft.leagues:
                draft.leagues.append(name)
        anchor = target.anchor
        for token in anchor.doc[max(s.span.start, anchor.start - 3):anchor.end]:
            name = descriptor_league(token.text)
            if name and name not in draft.descriptor_leagues:
                draft.descriptor_leagues.append(name)

    def add_titles(self, s: Sentence, target: Target, person: str, role: str) -> None:
        """A title in the sentence goes to the club nearest to it."""
        club = target.club
        for title in s.titles:
            nearest = min(s.clubs or [club], key=lambda c: abs(c.start - title.start))
            if self.clubs.name(nearest) != self.clubs.name(club):
                continue
            draft = self.book.station(person, self.clubs.name(club), role)
            if title.text not in draft.titles:
                draft.titles.append(title.text)

    def attach_to_current(self, s: Sentence, blocked: bool) -> None:
        """"seine Mannschaft ... der Oberliga Nordost": the narrative is still at the current station."""
        if blocked or self.current is None or s.clubs:
            return
        if s.persons and self.people.resolve(s.persons[0]) != self.current.person:
            return
        team_words = cue_words("team_words")
        if s.leagues and s.words & team_words:
            for league in s.leagues:
                if league_name(league) not in self.current.leagues:
                    self.current.leagues.append(league_name(league))
        if s.titles and s.words & (team_words | cue_words("station_cues")):
            self.current.titles.extend(t.text for t in s.titles if t.text not in self.current.titles)
