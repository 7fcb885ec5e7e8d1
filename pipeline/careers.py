"""Career stage: stations (person, club, role, dates, league, titles) and people from a resolved Doc.

The rules read one sentence at a time, in order, and keep a little discourse
state: who the article is about (the person named most often), who was named
last, and which station the narrative is at. Sentences without a club of their
own ("seine Mannschaft", "den Sechstligisten") are resolved against that state.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from . import resources
from .entities import club_nominative
from .gold import CareerRow
from .people import Person, PersonIndex, read_people

LEAGUE_ORDINAL = re.compile(r"^(\d)\.\s*(Liga|Bundesliga)$|^(\w+)\s+(Liga|Bundesliga)$")
DATE_SORT_WIDTH = 10
SHORT_FORM_RULES = {"club_short_form", "club_town_alias", "club_town"}
ROLE_GROUP = {"youth_player": "playing", "player": "playing",
              "coach": "staff", "assistant_coach": "staff", "official": "staff"}
SAME_ROLE_WORDS = {"gleicher", "gleichen", "derselben", "selber", "selben"}
LIST_GAP = 4
APPOSITION_GAP = 4
LIST_COORDINATORS = {",", "und", "sowie", "oder"}
RELATIVE_PRONOUNS = {"der", "die", "dem", "den"}
ROLE_CLUB_LINKS = {"beim", "bei", "des", "von", "vom", "der", "den", "dem"}
LIST_GLUE = {",", "und", "sowie", "oder", "bei", "beim", "für", "der", "dem", "den", "die", "zum", "zur", "von", "vom"}
APPOSITION_FILLERS = {"der", "die", "des", "dem", "den", "neue", "neuen", "frühere", "früheren", "damalige",
                      "damaligen", "ehemalige", "ehemaligen", "heutige", "heutigen", "sein", "seine", "seinem",
                      "seinen", "ihr", "ihre", "ihrem", "ihren", "unter", "mit", "von"}
SENTENCE_END = {".", "!", "?", "“", "\"", "…", "»", "«"}
HEADLINE_MAX_TOKENS = 12
STATION_PREPOSITIONS = {"bei", "beim", "für", "zu", "zum", "zur", "von", "vom", "nach"}
SCORE = re.compile(r"^\d{1,2}:\d{1,2}$")
YOUTH_TEAM = re.compile(r"^U\d{2}$")
ADULT_AGE = 18
OBLIQUE_LOOKBACK = 4
SOURCE_LOOKBACK = 4  # "aus der Reserve des SC Preußen Münster"
STAFF_ROLES = {"coach", "assistant_coach", "official"}
YOUTH_PERSON_ENDINGS = ("spieler", "spielerin", "licher", "liche", "lichen")
AGE_DESCRIPTION = re.compile(r"^\d{2}-[Jj]ährigen?$")
DESCRIPTION_ARTICLES = {"den", "dem", "des", "beim", "zum", "vom"}
CLAUSE_BREAKS = {",", ";", ":", "–", "(", ")", "bevor", "nachdem", "ehe", "und", "als"}
# Ties between equally near cues go to the more specific role.
ROLE_ORDER = ("youth_player", "assistant_coach", "official", "coach", "player")


@dataclass
class StationDraft:
    """A station while the article is being read; frozen into a CareerRow at the end."""

    person: str
    club: str
    role: str
    start: str = ""
    end: str = ""
    leagues: list[str] = field(default_factory=list)
    # "beim Drittligisten" gives only a level: used when the article names no league for the station
    descriptor_leagues: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    # Where the story tells the station: the sentence that dates its start, else its first mention.
    told_at: int = 0
    latest_start: str = ""  # a return ("kehrte 2015 zurück") starts the same station again
    ongoing: bool = False  # "spielt seit 2008 für die SV Ried"
    loan: bool = False  # a loan does not end the station the player is lent from


def cues() -> dict[str, Any]:
    return resources.career_cues()


def date_key(value: str) -> str:
    return value[:DATE_SORT_WIDTH]


# -- clubs ----------------------------------------------------------------
class ClubIndex:
    """Every club mention mapped to one identity and the fullest name the article gives it."""

    def __init__(self, doc: Doc) -> None:
        lexicon = resources.lexicon()
        self.display: dict[str, str] = {}
        clubs = [e for e in doc.ents if e.label_ == "CLUB"]
        # The article's own fullest wording wins over the gazetteer's canonical name;
        # a club named only by a short form is shown under the name the short form stands for.
        for ent in clubs:
            if ent.id_ not in SHORT_FORM_RULES:
                key, name = self.key(ent), club_nominative(ent, lexicon)
                if self.better_name(name, self.display.get(key, "")):
                    self.display[key] = name
        named = sorted(set(self.display.values()))
        for ent in clubs:
            key = self.key(ent)
            if ent.id_ in SHORT_FORM_RULES and key not in self.display:
                self.display[key] = self.named_club_of(ent, named) or ent.kb_id_ or ent.text
        # A short form seen before its full name ("Schalke" ... "FC Schalke 04") joins it.
        for key in list(self.display):
            longer = [k for k in self.display if k != key and set(key.split()) < set(k.split())]
            if longer:
                self.display[key] = self.display[max(longer, key=len)]
        counts = Counter(self.display.get(self.key(e), "") for e in clubs)
        self.home = counts.most_common(1)[0][0] if counts else ""  # the club the article is about
        self.home_span = next((e for e in clubs if self.display.get(self.key(e)) == self.home), None)

    @staticmethod
    def named_club_of(short: Span, named: list[str]) -> str:
        """The one club the article names in full that a town or short form stands for: "Bonn" for
        "Telekom Baskets Bonn", "Köln" for "Kölner Haie" (not the gazetteer's "1. FC Köln")."""
        word = short.text.casefold()
        forms = {word, word + "er"}
        hits = [n for n in named if forms & set(n.casefold().split())]
        return hits[0] if len(hits) == 1 else ""

    def find(self, fragment: str) -> str | None:
        """The club whose name or short form contains `fragment` ("BHC", "Verl"), if exactly one."""
        hits = {name for key, name in self.display.items()
                if fragment in key.split() or fragment in name.split() or fragment == acronym_of(name)}
        return hits.pop() if len(hits) == 1 else None

    @staticmethod
    def better_name(name: str, current: str) -> bool:
        """Longer wins, but never an all-caps headline over normal spelling."""
        if current and name.isupper() != current.isupper():
            return current.isupper()
        return len(name) > len(current)

    @staticmethod
    def key(span: Span) -> str:
        return (span.kb_id_ or span.text).casefold()

    def name(self, span: Span) -> str:
        return self.display.get(self.key(span), span.kb_id_ or span.text)


def acronym_of(name: str) -> str:
    """"Bergischer HC" -> "BHC", "Rot-Weiss Essen" -> "RWE"."""
    parts = [p for p in re.split(r"[\s\-]+", name) if p[:1].isupper()]
    return "".join(p if p.isupper() else p[0] for p in parts)


def league_name(span: Span) -> str:
    """One short canonical league name: "zweiten Liga" -> "2. Bundesliga", "3.Liga" -> "3. Liga"."""
    text = span.kb_id_ or span.text
    text = re.sub(r"^(\d)\.(\S)", r"\1. \2", text)
    match = LEAGUE_ORDINAL.match(text)
    if match:
        ordinal = (match.group(1) or match.group(3) or "").lower()
        return cues()["league_ordinal_names"].get(ordinal, text)
    return text


def descriptor_league(token_text: str) -> str:
    """"Drittligisten" -> "3. Liga": club descriptors carry their league level."""
    word = token_text.lower()
    for stem, league in cues()["league_of_descriptor"].items():
        if word.startswith(stem):
            return str(league)
    return ""


# -- the reader -----------------------------------------------------------
@dataclass(frozen=True)
class Target:
    """A club the sentence gives a station at; `anchor` is where the sentence names it."""

    club: Span
    anchor: Span


@dataclass(frozen=True)
class PersonMention:
    """A person at a token of the sentence: by name, or by a pronoun or description."""

    person: str
    index: int
    named: bool


@dataclass
class Sentence:
    span: Span
    words: set[str]
    persons: list[Span]
    clubs: list[Span]
    dates: list[Span]
    leagues: list[Span]
    titles: list[Span]


class CareerReader:
    def __init__(self, doc: Doc, doc_id: str) -> None:
        self.doc = doc
        self.doc_id = doc_id
        self.people = PersonIndex(doc)
        self.clubs = ClubIndex(doc)
        self.cue = cues()
        self.weak_role_words = {role: set(words) for role, words in self.cue["weak_role_cues"].items()}
        self.station_words = self.cue_words("station_cues").union(
            *self.cue["role_cues"].values(), *self.cue["weak_role_cues"].values())
        self.birth_words = {w.lower() for w in self.cue["birth_date_cues"]}
        self.role_words = {role: set(words) for role, words in self.cue["role_cues"].items()}
        self.stations: dict[tuple[str, str, str], StationDraft] = {}
        self.focus_person = self.people.main
        self.current: StationDraft | None = None
        self.last_club: Span | None = None
        self.pending_date: Span | None = None
        self.last_station_of: dict[str, StationDraft] = {}
        self.sentence_index = 0
        self.career_end_of: dict[str, str] = {}
        self.mentions: list[PersonMention] = []
        self.paragraph_club: Span | None = None

    def sentences(self) -> list[Sentence]:
        ents_by_sent: dict[int, list[Span]] = {}
        for ent in self.doc.ents:
            ents_by_sent.setdefault(ent.sent.start, []).append(ent)
        result = []
        for sent in self.doc.sents:
            ents = ents_by_sent.get(sent.start, [])
            result.append(Sentence(
                span=sent,
                words={t.text for t in sent},
                persons=[e for e in ents if e.label_ == "PERSON"],
                clubs=[e for e in ents if e.label_ == "CLUB"],
                dates=[e for e in ents if e.label_ == "DATE" and e.kb_id_],
                leagues=[e for e in ents if e.label_ == "LEAGUE"],
                titles=[e for e in ents if e.label_ == "TITLE"],
            ))
        return result

    @staticmethod
    def cue_words(key: str) -> frozenset[str]:
        return resources.career_cue_words(key)

    def read(self) -> list[CareerRow]:
        for index, sentence in enumerate(self.sentences()):
            self.sentence_index = index
            self.follow_paragraph(sentence)
            self.read_sentence(sentence)
        self.close_by_next_station()
        self.close_by_career_end()
        return [self.freeze(d) for d in self.stations.values()]

    def close_by_career_end(self) -> None:
        """"Dominik Lüke beendet seine Laufbahn zum 31. Januar" told before his club: the playing
        station he was last at ends then."""
        for person, date in self.career_end_of.items():
            open_stations = [d for d in self.stations.values() if d.person == person and d.role == "player"
                             and not d.end and (not d.start or date_key(d.start) <= date_key(date))]
            if open_stations:
                max(open_stations, key=lambda d: (date_key(d.start), d.told_at)).end = date

    def implied_destination(self, s: Sentence, targets: list[Target], sides: dict[int, str]) -> Target | None:
        """"ASC 09 Dortmund: Niklas Sommerfeld kehrt vom SV Lippstadt 08 zurück": a move that names only
        the club left goes to the club in focus, unless it goes to a place ("vom VfL in die Türkei")."""
        focus = self.paragraph_club or self.clubs.home_span
        if focus is None or not all(sides[id(t)] == "end" for t in targets):
            return None
        if self.clubs.name(focus) in {self.clubs.name(t.club) for t in targets}:
            return None
        if self.names_place_of_arrival(s):
            return None
        move_words = self.cue_words("move_verbs") | self.cue_words("loan_words")
        verb = next(t for t in s.span if t.text in move_words)
        return Target(focus, s.span.doc[verb.i:verb.i + 1])

    def names_place_of_arrival(self, s: Sentence) -> bool:
        """"in die Türkei", "nach Nordamerika", "in die Lausitz": the move names where it went, by a
        place rather than a club. A ground ("an den Uhlenkrug") is most often the club in focus's own."""
        arrival = self.cue_words("arrival_prepositions")
        for token in s.span:
            if token.lower_ not in arrival:
                continue
            following = [t for t in s.span.doc[token.i + 1:min(s.span.end, token.i + 3)] if t.lower_ not in
                         APPOSITION_FILLERS]
            if following and following[0].text[:1].isupper() and following[0].ent_type_ not in ("CLUB", "DATE",
                                                                                                 "PERSON", "LEAGUE"):
                return True
        return False

    def follow_paragraph(self, s: Sentence) -> None:
        """A round-up's paragraph that opens with a club and a colon is about that club."""
        start = s.span.start
        if start > 0 and "\n" in self.doc[start - 1].text:
            self.paragraph_club = None
        first = s.clubs[0] if s.clubs else None
        if first is not None and first.start == start and first.end < len(self.doc) and self.doc[first.end].text == ":":
            self.paragraph_club = first

    def close_by_next_station(self) -> None:
        """A dated station ends where the person's next dated station of the same kind begins
        ("2015 zum Chemnitzer FC ... im Sommer 2018 schloss er sich Münster an"), unless the
        story tells an undated senior station between the two: then the order is unknown."""
        careers: dict[tuple[str, str], list[StationDraft]] = {}
        for draft in self.stations.values():
            careers.setdefault((draft.person, ROLE_GROUP[draft.role]), []).append(draft)
        for drafts in careers.values():
            dated = sorted((d for d in drafts if d.start), key=lambda d: date_key(d.start))
            for earlier, later in zip(dated, dated[1:]):
                if earlier.end or earlier.ongoing or later.loan or earlier.club == later.club \
                        or date_key(earlier.latest_start) >= date_key(later.start):
                    continue
                first, last = sorted((earlier.told_at, later.told_at))
                if not any(not d.start and d.role != "youth_player" and first < d.told_at < last for d in drafts):
                    earlier.end = later.start

    def read_sentence(self, s: Sentence) -> None:
        self.mentions = self.person_mentions(s)
        persons = self.persons_of(s)
        self.focus_person = self.new_focus(s) or self.focus_person
        targets = self.station_targets(s)
        blocked = self.is_blocked(s)
        appositions = self.read_appositions(s)  # a role named with a name is a fact, even in a rumour
        if not targets or blocked or not persons:
            self.attach_to_current(s, blocked)
            self.read_career_end(s, persons)
            self.read_dismissal(s)
            if not s.clubs and not blocked:
                self.read_takeover(s, persons)
            self.pending_date = s.dates[-1] if s.dates and not s.clubs else None
            if s.clubs:
                self.last_club = s.clubs[-1]
            return
        sides = {id(t): self.side(t, s) for t in targets}
        is_move_sentence = bool(s.words & self.cue_words("move_verbs"))
        moves = is_move_sentence or bool(s.words & self.cue_words("loan_words"))
        destination = self.implied_destination(s, targets, sides) if moves else None
        if destination is not None:
            targets.append(destination)
            sides[id(destination)] = "start"
        listed_role: dict[str, str] = {}
        previous = dict(self.last_station_of)
        for index, target in enumerate(targets):
            club = self.clubs.name(target.club)
            continues_list = index > 0 and self.is_list_continuation(targets[index - 1], target)
            for person in self.persons_for(s, target, persons):
                apposed_club, apposed_role = appositions.get(person, ("", ""))
                role = apposed_role if apposed_club == club else self.role_for(s, target.anchor, person, club)
                if continues_list and person in listed_role:
                    role = listed_role[person]  # "in der Jugend bei A und beim B": B is youth too
                listed_role[person] = role
                draft = self.station(person, club, role)
                if not (sides[id(target)] == "end" and self.is_loan(target, s)):
                    self.add_dates(draft, s, target, sides, targets)  # a loan does not end the lender's station
                self.mark_kind(draft, s, target)
                if is_move_sentence and draft.start and sides[id(target)] != "end":
                    self.close_previous(previous.get(person), draft)
                self.last_station_of[person] = draft
                self.add_leagues(draft, s, target)
                draft.evidence.append(s.span.text.strip())
                self.current = draft
                self.add_titles(s, target, person, role)
        self.last_club = s.clubs[-1] if s.clubs else targets[-1].club
        self.pending_date = None
        self.read_dismissal(s)
        self.read_promotion(s, persons)

    def read_promotion(self, s: Sentence, persons: list[str]) -> None:
        """"bei dem er im Sommer aus der eigenen U 19 zu den Profis aufgerückt war": the club's youth
        station ends and its senior one begins at that date."""
        cue = next((t for t in s.span if t.text in self.cue_words("promotion_words")), None)
        if cue is None or len(persons) != 1:
            return
        clause = self.clause(s.span.doc[cue.i:cue.i + 1], s)
        if not any(self.token_role(t) == "youth_player" for t in clause):
            return
        clubs = [c for c in s.clubs if c.start < clause.end and not self.is_opponent(c)]
        dates = [d for d in s.dates if clause.start <= d.start < clause.end]
        if not clubs or not dates:
            return
        club = self.clubs.name(clubs[-1])
        date = dates[0].kb_id_
        youth = self.station(persons[0], club, "youth_player")
        senior = self.station(persons[0], club, "player")
        for draft in (youth, senior):
            draft.evidence.append(s.span.text.strip())
        if not youth.end:
            youth.end = date
        if not senior.start:
            self.set_date(senior, date, "start")

    def read_dismissal(self, s: Sentence) -> None:
        """"Am Montag wurde Cheftrainer Heiko Ruppert beurlaubt", "trennte sich am Freitag von Trainer
        Ralf Hülsmann": the staff station of the person dismissed ends at the date of that clause."""
        cue = next((t for t in s.span if t.text in self.cue_words("dismissal_words")), None)
        if cue is None:
            return
        clause = self.clause(s.span.doc[cue.i:cue.i + 1], s)
        dates = [d for d in s.dates if clause.start <= d.start < clause.end]
        named = [p for p in s.persons if not self.people.is_genitive(p)]
        if not dates:
            return
        nearest = min(named, key=lambda p: self.distance(cue.i, p)) if named else None
        person = self.people.resolve(nearest) if nearest is not None else self.focus_person
        station = self.station_left(person, s)
        if station is not None and not station.end:
            date = min(dates, key=lambda d: self.distance(cue.i, d)).kb_id_
            if not station.start or date_key(station.start) <= date_key(date):
                station.end = date

    def read_takeover(self, s: Sentence, persons: list[str]) -> None:
        """"Bendixen hatte das Traineramt im Januar 2016 übernommen": a job taken over with no club
        named starts the person's staff station told last."""
        cue = next((t for t in s.span if t.text in self.cue_words("takeover_words")), None)
        if cue is None or len(persons) != 1:
            return
        clause = self.clause(s.span.doc[cue.i:cue.i + 1], s)
        dates = [d for d in s.dates if clause.start <= d.start < clause.end and not self.is_birth_date(d)]
        station = self.station_left(persons[0], s)
        if dates and station is not None and not station.start:
            self.set_date(station, min(dates, key=lambda d: self.distance(cue.i, d)).kb_id_, "start")

    def station_left(self, person: str, s: Sentence) -> StationDraft | None:
        """The staff station a dismissal or takeover is about: at a club of the sentence, else the one
        told last."""
        staff = [d for d in self.stations.values() if d.person == person and ROLE_GROUP[d.role] == "staff"]
        named_here = {self.clubs.name(c) for c in s.clubs}
        here = [d for d in staff if d.club in named_here]
        candidates = here or staff
        return candidates[-1] if candidates else None

    def read_career_end(self, s: Sentence, persons: list[str]) -> None:
        """"zwang ihn 1970 zum Karriereende": the playing station he was at ends then."""
        if not s.dates or not s.words & self.cue_words("career_end_words") or len(persons) != 1:
            return
        date = s.dates[-1].kb_id_
        self.career_end_of[persons[0]] = date
        station = self.last_station_of.get(persons[0])
        if station is None or station.end or ROLE_GROUP[station.role] != "playing":
            return
        if not station.start or date_key(station.start) <= date_key(date):
            station.end = date

    @staticmethod
    def close_previous(previous: StationDraft | None, new: StationDraft) -> None:
        """"1963 wechselte er zu Fortuna": a dated move ends the open station he left."""
        if previous is None or previous is new or previous.end or previous.club == new.club:
            return
        if ROLE_GROUP[previous.role] != ROLE_GROUP[new.role]:
            return
        if previous.start and date_key(previous.start) > date_key(new.start):
            return
        previous.end = new.start

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
        for person_span in s.persons:
            for role_token in self.apposition_role_tokens(person_span):
                role = self.token_role(role_token)
                club = self.apposition_club(role_token, person_span, s)
                if not role or club is None or role == "youth_player":
                    continue
                person = self.people.resolve(person_span)
                joined = self.joining_date_after(person_span, s)
                for each_role in self.apposition_roles(role_token, role):
                    draft = self.station(person, club, each_role)
                    draft.evidence.append(s.span.text.strip())
                    if joined is not None:
                        self.set_date(draft, joined.kb_id_, "start")
                roles.setdefault(person, (club, role))
        return roles

    def joining_date_after(self, person: Span, s: Sentence) -> Span | None:
        """"Trainer Claus-Dieter Wollitz, der im Sommer 2009 erstmals in der Lausitz anheuerte": the
        relative clause after the name dates the joining."""
        doc = person.doc
        if person.end + 1 >= s.span.end or doc[person.end].text != "," \
                or doc[person.end + 1].lower_ not in RELATIVE_PRONOUNS:
            return None
        clause = self.clause(doc[person.end + 1:person.end + 2], s)
        if not {t.text for t in clause} & (self.cue_words("joined_participles") | self.cue_words("move_verbs")):
            return None
        dates = [d for d in s.dates if clause.start <= d.start < clause.end]
        return dates[0] if dates else None

    def apposition_roles(self, role_token: Token, role: str) -> list[str]:
        """A "Spielertrainer" is both coach and player of his club."""
        if any(part in role_token.lower_ for part in self.cue["player_coach_words"]):
            return ["coach", "player"]
        return [role]

    def apposition_role_tokens(self, person: Span) -> list[Token]:
        """Role words standing with a name: before it ("Trainer X", "der frühere Trainer des WSV, X")
        and after it ("X, heute Co-Trainer beim SC Verl", "wird X Co-Trainer")."""
        doc = person.doc
        found: list[Token] = []
        before = person.start - 1
        while before >= 0 and doc[before].lower_ in APPOSITION_FILLERS:
            before -= 1
        if before >= 0 and self.is_role_word(doc[before]):
            found.append(doc[before])
        elif before >= 0 and doc[before].text == ",":
            window = doc[max(person.sent.start, before - APPOSITION_GAP - 3):before]
            found += [t for t in reversed(window) if self.is_role_word(t)][:1]
        after = person.end
        if after + 1 < len(doc) and doc[after].text == ",":
            found += [t for t in doc[after + 1:min(len(doc), after + 4)] if self.is_role_word(t)][:1]
        elif after < len(doc) and self.is_role_word(doc[after]) and person.start > 0 \
                and doc[person.start - 1].lower_ in self.cue_words("copula_verbs"):
            found.append(doc[after])  # "Zur kommenden Saison wird Grabowski Co-Trainer"
        return found

    def is_role_word(self, token: Token) -> bool:
        return bool(self.token_role(token)) and token.text[:1].isupper()

    def apposition_club(self, role_token: Token, person: Span, s: Sentence) -> str | None:
        """The club in the role compound ("Verl-Trainer"), right after the role, nearest, or the last."""
        if "-" in role_token.text:
            name = self.clubs.find(role_token.text.rsplit("-", 1)[0])
            if name:
                return name
        doc = person.doc
        for club in s.clubs:
            gap = doc[max(role_token.i, person.end - 1) + 1:club.start]
            crosses = any(t.text == "," or (t.i != role_token.i and self.is_role_word(t)) for t in gap)
            if 0 < len(gap) <= APPOSITION_GAP and gap[-1].lower_ in ROLE_CLUB_LINKS and not crosses:
                return self.clubs.name(club)  # "Co-Trainer beim SC Verl", "Trainer des VfB"
        clause = self.clause(doc[role_token.i:role_token.i + 1], s)
        in_clause = [c for c in s.clubs if clause.start <= c.start < clause.end and not self.is_opponent(c)]
        if in_clause:
            return self.clubs.name(min(in_clause, key=lambda c: self.distance(role_token.i, c)))
        signing = {t.text for t in clause} & (self.cue_words("move_verbs") | self.cue_words("passive_agent_participles"))
        if any(not self.is_opponent(c) for c in s.clubs) and not signing:
            return None  # the sentence names its clubs elsewhere, with their own roles
        return self.club_in_focus() or None  # "wurde Innenverteidiger Vukić verpflichtet": by the club in focus

    def club_in_focus(self) -> str:
        """The club the text is about here: the paragraph's ("ASC 09 Dortmund: Der ..."), else the
        club the article names most."""
        return self.clubs.name(self.paragraph_club) if self.paragraph_club is not None else self.clubs.home

    # which people and clubs ------------------------------------------------
    def person_mentions(self, s: Sentence) -> list[PersonMention]:
        """Who the sentence tells about, and where: named people who are not the object of a
        preposition ("unter Farke", "mit Daniel Farke"), and pronouns and age descriptions
        ("er", "der 26-Jährige") for the person named last, in this sentence or before."""
        together = bool(s.words & self.cue_words("together_cues"))
        named_at = {p.start: p for p in s.persons if together or not self.is_oblique(p)}
        mentions: list[PersonMention] = []
        last = self.focus_person
        for token in s.span:
            if token.i in named_at:
                last = self.people.resolve(named_at[token.i])
                mentions.append(PersonMention(last, token.i, named=True))
            elif last and self.stands_for_person(token):
                mentions.append(PersonMention(last, token.i, named=False))
        return mentions

    def new_focus(self, s: Sentence) -> str:
        """Whom the next sentences' "er" means: the speaker of a quote ("..., so Backhaus"), else
        the first person named as a subject, else the first named at all but in a genitive
        ("Für Bockhorst schließt sich ein Kreis", but not "Röhls Arbeit")."""
        speech_verbs = self.cue_words("speech_verbs")
        speakers = [p for p in s.persons if any(t.lower_ in speech_verbs for t in p.doc[max(s.span.start, p.start - 3):p.start])]
        subjects = [self.people.resolve(p) for p in s.persons
                    if not self.people.is_genitive(p) and not self.is_oblique(p)]
        others = [self.people.resolve(p) for p in s.persons if not self.people.is_genitive(p)]
        if speakers:
            return self.people.resolve(speakers[0])
        return (subjects or others or [""])[0]

    def is_oblique(self, person: Span) -> bool:
        """"unter Röhls Vorgänger Xisco Muñoz", "mit Daniel Farke"."""
        prepositions = self.cue_words("oblique_prepositions")
        i = person.start - 1
        while i >= max(person.sent.start, person.start - OBLIQUE_LOOKBACK):
            token = person.doc[i]
            if token.lower_ in prepositions:
                return True
            if token.is_punct or not (token.text[:1].isupper() or token.lower_ in APPOSITION_FILLERS):
                return False
            i -= 1
        return False

    def stands_for_person(self, token: Token) -> bool:
        if token.text in self.cue_words("person_pronouns"):
            return True
        return bool(AGE_DESCRIPTION.match(token.text)) and token.i > 0 and token.nbor(-1).lower_ in {"der", "die"}

    def persons_of(self, s: Sentence) -> list[str]:
        named = list(dict.fromkeys(m.person for m in self.mentions))
        if not named and self.focus_person:
            named = [self.focus_person]
        return named

    def persons_for(self, s: Sentence, target: Target, persons: list[str]) -> list[str]:
        """Everyone "im Gespann"; otherwise the person mentioned nearest the club, in its clause first."""
        if len(persons) <= 1 or s.words & self.cue_words("together_cues"):
            return persons
        clause = self.clause(target.anchor, s)
        in_clause = [m for m in self.mentions if clause.start <= m.index < clause.end]
        nearest = min(in_clause or self.mentions, key=lambda m: self.distance(m.index, target.anchor))
        return [nearest.person]

    def station_targets(self, s: Sentence) -> list[Target]:
        failed = {self.clubs.name(c) for c in s.clubs if self.is_failed_move(c, s)}
        targets = [Target(c, c) for c in s.clubs
                   if not self.is_opponent(c) and self.clubs.name(c) not in failed]
        described = self.described_club(s)
        if described is not None and not self.is_failed_move(described.anchor, s) \
                and self.clubs.name(described.club) not in {self.clubs.name(t.club) for t in targets}:
            targets.append(described)
        if self.is_headline(s):
            return []  # "Erste Schritte bei Inter Leipzig": the paragraph below tells the station
        if not s.words & self.station_words:
            # Without a station word, only clubs governed by a station preposition
            # ("bei Sachsen Leipzig", "für den VfB") count.
            targets = [t for t in targets if self.preposition_before(t.anchor, s) & STATION_PREPOSITIONS]
        if not targets:
            return []
        if self.is_match_report(s):
            return []  # "Beim 3:2 des SV A beim TuS B traf ...", "muss zum 1. FC Kleve": no stations
        seen: dict[str, Target] = {}
        for target in targets:
            seen.setdefault(self.clubs.name(target.club), target)
        return sorted(seen.values(), key=lambda t: t.anchor.start)

    def is_match_report(self, s: Sentence) -> bool:
        """A result or a fixture, and no move in the sentence."""
        match = any(SCORE.match(w) for w in s.words) or bool(s.words & self.cue_words("match_words"))
        if match and not self.mentions:
            return True  # "holte der Aufsteiger ein 2:2 beim FC St. Gallen": no one moves
        return match and not s.words & self.cue_words("move_verbs")

    @staticmethod
    def is_headline(s: Sentence) -> bool:
        words = [t for t in s.span if not t.is_space]
        return bool(words) and words[-1].text not in SENTENCE_END and len(words) <= HEADLINE_MAX_TOKENS

    def is_failed_move(self, club: Span, s: Sentence) -> bool:
        """"Geplatzt ist dagegen der Wechsel zur Hammer SpVg", "wird nicht zum SC Paderborn wechseln":
        no station at that club. A negation elsewhere in the sentence does not reach it ("hatte nie eine
        Profimannschaft verantwortet, wohl aber: Als Co-Trainer arbeitete er bei RB Leipzig")."""
        words = {t.text for t in self.clause(club, s)}
        negated = bool(words & self.cue_words("negations")) and not s.dates
        return negated or bool(words & self.cue_words("failed_move_words"))

    def is_opponent(self, club: Span) -> bool:
        window = club.doc[max(club.sent.start, club.start - self.cue["opponent_window"]):club.start]
        return any(t.text in self.cue["opponent_cues"] for t in window)

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
            return bool(s.words & (self.cue_words("move_verbs") | self.cue_words("signing_verbs")))
        return article.lower_ in DESCRIPTION_ARTICLES

    def is_blocked(self, s: Sentence) -> bool:
        """Wishes and rumours are no stations."""
        return bool(s.words & self.cue_words("blocking_cues"))

    # what the station holds -------------------------------------------------
    def role_for(self, s: Sentence, club: Span, person: str, club_name: str) -> str:
        """The role the sentence gives the club: explicit role words ("Co-Trainer", "Jugend",
        "Sportdirektor") in the club's clause first, the most specific winning; then generic
        verbs ("spielte", "trainierte") nearest to the club; youth cues stay in their clause
        ("in der Jugend beim A, später für B" makes only A a youth station); else what the
        article said before."""
        earlier = [d.role for d in self.stations.values() if d.person == person]
        if earlier and s.words & SAME_ROLE_WORDS and s.words & {"Funktion", "Rolle", "Position"}:
            return earlier[-1]  # "wechselte er in gleicher Funktion zu den Telekom Baskets"
        clause = self.clause(club, s)
        others_roles = self.role_tokens_of_others(s, person)
        # Words inside a club's name ("FC Juniors OÖ") are no role cues.
        cues = [t for t in s.span if t.i not in others_roles and t.ent_type_ != "CLUB" and not self.is_possessed(t)]
        in_clause = [t for t in cues if clause.start <= t.i < clause.end]
        for tokens, youth_allowed in ((in_clause, True), (cues, False)):
            strong = [(ROLE_ORDER.index(r), self.distance(t.i, club), r) for t in tokens
                      if (r := self.token_role(t)) and (youth_allowed or r != "youth_player")]
            weak = [(self.distance(t.i, club), ROLE_ORDER.index(r), r) for t in tokens
                    if (r := self.weak_role(t)) and (youth_allowed or r != "youth_player")]
            strong = [c for c in strong if c[2] != "youth_player" or self.is_nearest_club(club, c[1], s)]
            if any(r in STAFF_ROLES for *_, r in strong + weak):
                # "Trainerlaufbahn begann im Nachwuchs des FC Basel": the youth team is the one coached
                strong = [c for c in strong if not (c[2] == "youth_player" and not self.names_youth_player(tokens, c[1], club))]
            if strong:
                return min(strong)[2]
            if weak:
                return min(weak)[2]
        known = [d.role for d in self.stations.values() if d.person == person and d.club == club_name]
        if known:
            return known[-1]
        if not earlier or earlier[-1] == "youth_player":
            return "player"  # a youth station is always cued ("Jugend", "U 19"); the next one is senior
        return earlier[-1]

    def is_nearest_club(self, club: Span, distance: int, s: Sentence) -> bool:
        """A youth cue belongs to the club nearest to it: "Nach den Jugendjahren beim Cronenberger SC
        gehörte er zum Kader des Wuppertaler SV" makes only the first a youth station."""
        cue_positions = [i for i in range(s.span.start, s.span.end) if self.distance(i, club) == distance]
        return any(all(self.distance(i, other) >= distance for other in s.clubs) for i in cue_positions)

    def names_youth_player(self, tokens: list[Token], distance: int, club: Span) -> bool:
        """Whether the youth cue at that distance is a young player ("Jugendspieler", "D-Jugendlicher"),
        not a youth team ("Nachwuchs", "A-Jugend")."""
        return any(self.distance(t.i, club) == distance and t.lower_.endswith(YOUTH_PERSON_ENDINGS) for t in tokens)

    def role_tokens_of_others(self, s: Sentence, person: str) -> set[int]:
        """Role words that belong to someone else: standing with another name ("Unter Trainer Ivica
        Horvat spielte er") or in another person's clause ("..., wo mit Daniel Farke gerade ein
        deutscher Trainer angefangen hatte")."""
        others = [p for p in s.persons if self.people.resolve(p) != person]
        taken = {t.i for p in others for t in self.apposition_role_tokens(p)}
        own_clauses = [self.clause(s.span.doc[m.index:m.index + 1], s) for m in self.mentions if m.person == person]
        for other in others:
            clause = self.clause(other, s)
            if not any(c.start == clause.start for c in own_clauses):
                taken.update(range(clause.start, clause.end))
        return taken

    def weak_role(self, token: Token) -> str:
        for role, words in self.weak_role_words.items():
            if token.text in words:
                if role == "coach" and (self.team_speaks(token) or self.trains_along(token)):
                    return "player"  # "haben wir beim HFC in der Halle trainiert": the team trained
                return role
        return ""

    @staticmethod
    def trains_along(token: Token) -> bool:
        """"trainierte der Linksaußen vor allem mit": "mittrainieren" is a player's word."""
        end = token.i + 1
        while end < token.sent.end and not token.doc[end].is_punct:
            end += 1
        return end - 1 > token.i and token.doc[end - 1].lower_ == "mit"

    def team_speaks(self, token: Token) -> bool:
        sent = token.sent
        return any(t.lower_ in self.cue_words("team_pronouns") for t in sent)

    def is_possessed(self, token: Token) -> bool:
        """"nahm er seinen Co-Trainer mit": a person's role after a possessive is someone else's job;
        "seine Trainerlaufbahn", "in sein Nachwuchsleistungszentrum" stay his own."""
        if token.i == 0 or token.nbor(-1).lower_ not in self.cue_words("possessives"):
            return False
        career_noun = any(part in token.lower_ for part in self.cue["career_noun_parts"])
        return not career_noun and self.token_role(token) not in ("", "youth_player")

    def token_role(self, token: Token) -> str:
        """The role a word signals: listed cues, then word parts ("Jugendtrainer", "D-Jugendlicher")."""
        head = token.text.rsplit("-", 1)[-1] if "-" in token.text[1:] else token.text
        for role in ROLE_ORDER:
            if token.text in self.role_words[role] or head in self.role_words[role]:
                return role
        lower = token.lower_
        if "trainer" in lower or "coach" in lower:
            return "assistant_coach" if lower.startswith(("co-", "assistenz")) else "coach"
        if any(part in lower for part in self.cue["youth_word_parts"]) or YOUTH_TEAM.match(token.text):
            return "youth_player"
        if token.text == "U" and token.i + 1 < len(token.doc) and token.nbor(1).text.isdigit():
            return "youth_player"  # "für dessen U 19"
        if token.like_num and token.i > 0 and token.nbor(-1).lower_ == "mit" and token.text.isdigit() \
                and int(token.text) < ADULT_AGE:
            return "youth_player"  # "mit 16 meldete sich der VfL Bochum"
        return ""

    @staticmethod
    def distance(i: int, club: Span) -> int:
        return club.start - i if i < club.start else max(0, i - club.end + 1)

    def station(self, person: str, club: str, role: str) -> StationDraft:
        key = (person, club, role)
        if key not in self.stations:
            self.stations[key] = StationDraft(person, club, role, told_at=self.sentence_index)
        return self.stations[key]

    def preposition_before(self, anchor: Span, s: Sentence) -> set[str]:
        return {t.lower_ for t in anchor.doc[max(s.span.start, anchor.start - 3):anchor.start]}

    def clause(self, anchor: Span, s: Sentence) -> Span:
        """The stretch of the sentence between clause breaks around the mention."""
        doc = anchor.doc
        start = anchor.start
        while start > s.span.start and doc[start - 1].text not in CLAUSE_BREAKS:
            start -= 1
        end = anchor.end
        while end < s.span.end and doc[end].text not in CLAUSE_BREAKS:
            end += 1
        return doc[start:end]

    def side(self, target: Target, s: Sentence) -> str:
        """Whether the sentence has the person leave ("end") or join ("start") this club."""
        before = self.preposition_before(target.anchor, s)
        from_source = self.names_source(target.anchor, s)
        # Words of a date ("Ende Juni 2017", "bis 2003") say when, not whether he left.
        clause_words = {t.text for t in self.clause(target.anchor, s) if t.ent_type_ != "DATE"}
        if clause_words & self.cue_words("offer_nouns"):
            return "start"  # "das Angebot von Rot-Weiß Koblenz": the offer comes from the new club
        if from_source and self.is_passive_agent(s):
            return "start"  # "wurde von Vitesse Arnheim verpflichtet": the agent is the new club
        ehe = [t.i for t in s.span if t.lower_ in self.cue["before_clause_words"]]
        if ehe and s.dates:
            # "hatte A trainiert, ehe er im Sommer 2020 bei B übernahm": A ends, B starts then.
            return "end" if target.anchor.start < ehe[0] else "start"
        if from_source or clause_words & self.cue_words("end_cues"):
            return "end"
        if before & self.cue_words("target_prepositions") or clause_words & self.cue_words("start_cues"):
            return "start"
        return ""

    def names_source(self, anchor: Span, s: Sentence) -> bool:
        """"vom VfL Eintracht Hagen", "kam 2015 von Hagen": the club left. After a noun, "von" only
        says whose ("der zweiten Mannschaft von Arminia Bielefeld")."""
        sources = self.cue_words("source_prepositions")
        targets = self.cue_words("target_prepositions")
        for token in reversed(anchor.doc[max(s.span.start, anchor.start - SOURCE_LOOKBACK):anchor.start]):
            if token.lower_ in targets or token.ent_type_ == "CLUB":
                return False  # "vom VfL zur SG Wattenscheid 09": the nearest preposition governs
            if token.lower_ in sources:
                before = token.doc[token.i - 1] if token.i > s.span.start else None
                return before is None or not (before.is_title and not before.ent_type_)
        return False

    def is_passive_agent(self, s: Sentence) -> bool:
        return bool(s.words & self.cue_words("passive_auxiliaries")) and bool(
            s.words & self.cue_words("passive_agent_participles"))

    def add_dates(self, draft: StationDraft, s: Sentence, target: Target, sides: dict[int, str],
                  targets: list[Target]) -> None:
        """Dates of the club's own clause date it; a move dated on one side dates both sides."""
        side = sides[id(target)]
        dates = [d for d in s.dates if not self.is_birth_date(d) and not self.ends_a_contract(d, s)
                 and not (self.in_clause(d, target, s) and self.dates_an_honour(d, s))]
        own = [d for d in dates if self.in_clause(d, target, s)]
        for date in own:
            hint = date._.karriere_hint
            if hint == "start" and side == "end" and self.is_move_time(date) and self.names_source(target.anchor, s):
                hint = ""  # "zur Saison 2023/24 vom VfL Eintracht Hagen": the move ends the old club
            which = "start" if hint == "start" else "end" if side == "end" or hint == "end" else "start"
            self.set_date(draft, date.kb_id_, which)
        opposite = {"end": "start", "start": "end"}.get(side)
        partners = [t for t in targets if t is not target and sides[id(t)] == opposite]
        if partners and (side == "end" or not own):
            # The partner's own start ("von 1959 bis 1963 für A, ehe er zu B") is not the move date.
            partners_own = "start" if side == "start" else "end"
            for date in dates:
                if any(self.in_clause(date, t, s) for t in partners) and date._.karriere_hint != partners_own:
                    self.set_date(draft, date.kb_id_, side)
        elif not own and len(targets) == 1:
            for date in dates:
                hint = date._.karriere_hint
                self.set_date(draft, date.kb_id_, "end" if side == "end" or hint == "end" else "start")
        if not s.dates and self.pending_date is not None and len(targets) == 1 and side != "end":
            self.set_date(draft, self.pending_date.kb_id_, "start")
        if len(targets) == 1 and not draft.start:
            for date in dates:
                # "trennte sich von Trainer X, der die Mannschaft im Sommer 2019 übernommen hatte"
                if date not in own and {t.text for t in self.clause(date, s)} & self.cue_words("joined_participles"):
                    self.set_date(draft, date.kb_id_, "start")

    def is_move_time(self, date: Span) -> bool:
        return date.start > 0 and date.doc[date.start - 1].lower_ in self.cue_words("move_time_words")

    def is_loan(self, target: Target, s: Sentence) -> bool:
        return bool({t.text for t in self.clause(target.anchor, s)} & self.cue_words("loan_words"))

    def mark_kind(self, draft: StationDraft, s: Sentence, target: Target) -> None:
        """Loans ("an Vöcklamarkt verliehen") and stations the present tense holds ("spielt seit 2008")."""
        if self.is_loan(target, s):
            draft.loan = True
        if s.words & self.cue_words("past_tense_words"):
            return
        ongoing_words = self.cue_words("ongoing_date_words")
        for date in s.dates:
            lead = date.doc[max(s.span.start, date.start - 2):date.end]  # "seit dem Sommer", "seit 2008"
            if self.in_clause(date, target, s) and any(t.lower_ in ongoing_words for t in lead):
                draft.ongoing = True

    def in_clause(self, date: Span, target: Target, s: Sentence) -> bool:
        clause = self.clause(target.anchor, s)
        return clause.start <= date.start < clause.end

    def ends_a_contract(self, date: Span, s: Sentence) -> bool:
        """"bis zum 30. Juni 2022 ausgeliehen", "Vertrag bis 2024": when a contract or loan runs out
        is no station end (SPEC 5a)."""
        if date._.karriere_hint != "end":
            return False
        return bool({t.text for t in self.clause(date, s)} & self.cue_words("contract_words"))

    def dates_an_honour(self, date: Span, s: Sentence) -> bool:
        """"der erste Meistertitel für den Klub seit der Saison 1983/84": a date beside an honour
        dates the honour, not the station (SPEC 5a), unless the clause also tells a move."""
        clause = self.clause(date, s)
        if not any(clause.start <= t.start < clause.end for t in s.titles):
            return False
        tells_move = self.cue_words("move_verbs") | self.cue_words("end_cues") | self.cue_words("career_end_words")
        return not {t.text for t in clause} & tells_move

    def is_birth_date(self, date: Span) -> bool:
        window = date.doc[max(0, date.start - 2):date.end]  # "geboren am ...", "Jahrgang 1949"
        return any(t.text.lower() in self.birth_words for t in window)

    def set_date(self, draft: StationDraft, value: str, which: str) -> None:
        if which == "start" and not draft.start:
            draft.told_at = self.sentence_index
        if which == "start" and date_key(value) > date_key(draft.latest_start):
            draft.latest_start = value
        if which == "end":
            if not draft.end or date_key(value) > date_key(draft.end):
                draft.end = value
        elif not draft.start or date_key(value) < date_key(draft.start):
            draft.start = value

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
            draft = self.station(person, self.clubs.name(club), role)
            if title.text not in draft.titles:
                draft.titles.append(title.text)

    def attach_to_current(self, s: Sentence, blocked: bool) -> None:
        """"seine Mannschaft ... der Oberliga Nordost": the narrative is still at the current station."""
        if blocked or self.current is None or s.clubs:
            return
        if s.persons and self.people.resolve(s.persons[0]) != self.current.person:
            return
        team_words = self.cue_words("team_words")
        if s.leagues and s.words & team_words:
            for league in s.leagues:
                if league_name(league) not in self.current.leagues:
                    self.current.leagues.append(league_name(league))
        if s.titles and s.words & (team_words | self.cue_words("station_cues")):
            self.current.titles.extend(t.text for t in s.titles if t.text not in self.current.titles)

    def freeze(self, draft: StationDraft) -> CareerRow:
        named = draft.leagues or draft.descriptor_leagues
        leagues = [l for l in named if not any(o != l and o.startswith(l) for o in named)]
        return CareerRow(
            doc_id=self.doc_id, person=draft.person, club=draft.club, role=draft.role,
            start=draft.start, end=draft.end, league="; ".join(leagues), titles="; ".join(draft.titles),
            evidence=" ".join(dict.fromkeys(draft.evidence)),
        )


def merge_short_persons(stations: list[CareerRow], people: PersonIndex) -> list[CareerRow]:
    """Rows read under a bare surname join the full name ("Backhaus" -> "Heiner Backhaus")."""
    return [replace(s, person=people.by_part.get(s.person, s.person)) for s in stations]


def extract_careers(doc: Doc, doc_id: str, published: dt.date | None = None) -> tuple[list[CareerRow], list[Person]]:
    reader = CareerReader(doc, doc_id)
    stations = merge_short_persons(reader.read(), reader.people)
    stations = sorted(set(stations), key=lambda s: (s.person, s.club, s.role))
    persons = list(dict.fromkeys(s.person for s in stations))
    return stations, read_people(doc, doc_id, persons, published, reader.people)
