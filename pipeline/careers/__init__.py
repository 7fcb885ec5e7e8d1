"""Career stage: stations (person, club, role, dates, league, titles) and people from a resolved Doc.

The rules read one sentence at a time, in order, and keep a little discourse state: who the
article is about, who was named last, and which station the narrative is at. Sentences without a
club of their own ("seine Mannschaft", "den Sechstligisten") are resolved against that state.

Modules: `text` (sentences, clauses, cue words), `clubs` (club identity and league names), `roles`
(role words), `persons` (who a sentence is about), `moves` (sides and dates of moves), `stations`
(stations and how they close), `reader` (the pass over the article).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc

from ..gold import CareerRow
from ..people import Person, PersonIndex, read_people
from .reader import CareerReader

__all__ = ["CareerReader", "Person", "extract_careers"]


def merge_short_persons(stations: list[CareerRow], people: PersonIndex) -> list[CareerRow]:
    """Rows read under a bare surname join the full name ("Backhaus" -> "Heiner Backhaus")."""
    return [replace(s, person=people.by_part.get(s.person, s.person)) for s in stations]


def extract_careers(doc: Doc, doc_id: str, published: dt.date | None = None) -> tuple[list[CareerRow], list[Person]]:
    reader = CareerReader(doc, doc_id)
    stations = merge_short_persons(reader.read(), reader.people)
    stations = sorted(set(stations), key=lambda s: (s.person, s.club, s.role))
    persons = list(dict.fromkeys(s.person for s in stations))
    return stations, read_people(doc, doc_id, persons, published, reader.people)
