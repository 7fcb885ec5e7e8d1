"""Stations while an article is read, and the rules that close them once it is read."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..gold import CareerRow

DATE_SORT_WIDTH = 10
ROLE_GROUP = {"youth_player": "playing", "player": "playing",
              "coach": "staff", "assistant_coach": "staff", "official": "staff"}


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


def date_key(value: str) -> str:
    return value[:DATE_SORT_WIDTH]


def joined(draft: StationDraft) -> str:
    """When the person joined: the first joining, else a return whose first joining is not told."""
    return draft.start or draft.latest_start


def year(value: str) -> str:
    return value[:4]


class StationBook:
    """The stations read so far, one per (person, club, role), and where the story told them."""

    def __init__(self) -> None:
        self.stations: dict[tuple[str, str, str], StationDraft] = {}
        self.sentence_index = 0

    def station(self, person: str, club: str, role: str, evidence: str = "") -> StationDraft:
        """The station (person, club, role), new or read before; `evidence` is the sentence telling it."""
        key = (person, club, role)
        if key not in self.stations:
            self.stations[key] = StationDraft(person, club, role, told_at=self.sentence_index)
        if evidence:
            self.stations[key].evidence.append(evidence)
        return self.stations[key]

    def set_date(self, draft: StationDraft, value: str, which: str) -> None:
        """Start is the first joining, end the last leaving (SPEC 5a). A joining after the station ended
        is a return: he is there again, and the first joining stays what it was."""
        if which == "start" and draft.end and date_key(value) > date_key(draft.end):
            draft.end = ""
            draft.latest_start = value
            return
        if which == "start" and not draft.start:
            draft.told_at = self.sentence_index
        if which == "start" and date_key(value) > date_key(draft.latest_start):
            draft.latest_start = value
        if which == "end" and not draft.end and joined(draft) and year(value) < year(joined(draft)):
            # "kehrt zum 1. Februar zurück ... hatte den ASC im Sommer 2023 verlassen": the start read
            # first was a return; the first joining is not told, and he is there again.
            draft.latest_start, draft.start = joined(draft), ""
            return
        if which == "end":
            if not draft.end or date_key(value) > date_key(draft.end):
                draft.end = value
        elif not draft.start or date_key(value) < date_key(draft.start):
            draft.start = value

    @staticmethod
    def close_previous(previous: StationDraft | None, new: StationDraft) -> None:
        """"1963 wechselte er zu Fortuna": a dated move ends the open station he left, at the date of
        this joining ("Zum 1. Juli kehrt er nach Lotte zurück": the return, not his first spell there)."""
        if previous is None or previous is new or previous.end or previous.club == new.club:
            return
        if ROLE_GROUP[previous.role] != ROLE_GROUP[new.role]:
            return
        joined = new.latest_start or new.start
        if previous.start and date_key(previous.start) > date_key(joined):
            return
        previous.end = joined

    def close_by_next_station(self) -> None:
        """A dated station ends where the person's next dated station of the same kind begins
        ("2015 zum Chemnitzer FC ... im Sommer 2018 schloss er sich Münster an"), unless the
        story tells an undated senior station between the two: then the order is unknown."""
        careers: dict[tuple[str, str], list[StationDraft]] = {}
        for draft in self.stations.values():
            careers.setdefault((draft.person, ROLE_GROUP[draft.role]), []).append(draft)
        for drafts in careers.values():
            dated = sorted((d for d in drafts if joined(d)), key=lambda d: date_key(joined(d)))
            for earlier, later in zip(dated, dated[1:]):
                if earlier.end or earlier.ongoing or later.loan or earlier.club == later.club \
                        or date_key(earlier.latest_start) >= date_key(joined(later)):
                    continue
                first, last = sorted((earlier.told_at, later.told_at))
                if not any(not joined(d) and d.role != "youth_player" and first < d.told_at < last for d in drafts):
                    earlier.end = joined(later)

    def close_by_career_end(self, career_end_of: dict[str, str]) -> None:
        """"Dominik Lüke beendet seine Laufbahn zum 31. Januar" told before his club: the playing
        station he was last at ends then."""
        for person, date in career_end_of.items():
            open_stations = [d for d in self.stations.values() if d.person == person and d.role == "player"
                             and not d.end and (not d.start or date_key(d.start) <= date_key(date))]
            if open_stations:
                max(open_stations, key=lambda d: (date_key(d.start), d.told_at)).end = date


def freeze(draft: StationDraft, doc_id: str) -> CareerRow:
    named = draft.leagues or draft.descriptor_leagues
    leagues = [l for l in named if not any(o != l and o.startswith(l) for o in named)]
    return CareerRow(
        doc_id=doc_id, person=draft.person, club=draft.club, role=draft.role,
        start=draft.start, end=draft.end, league="; ".join(leagues), titles="; ".join(draft.titles),
        evidence=" ".join(dict.fromkeys(draft.evidence)),
    )
