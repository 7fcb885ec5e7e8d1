"""People stage: who the article names, and their birth year, birthplace and hometown (people.csv)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from . import resources

AGE = re.compile(r"^(\d{2})-[Jj]ährige[nrm]?$")


@dataclass(frozen=True)
class Person:
    doc_id: str
    person: str
    birth_year: str = ""
    birthplace: str = ""
    hometown: str = ""

    def as_row(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


class PersonIndex:
    """Full names of the document's people; surnames and first names point to them."""

    def __init__(self, doc: Doc) -> None:
        full = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
        self.names = list(dict.fromkeys(self.strip_genitive(e.text) for e in full))
        self.by_part: dict[str, str] = {}
        for name in self.names:
            parts = name.split()
            self.by_part.setdefault(parts[-1], name)
        first_names = Counter(name.split()[0] for name in self.names)
        for name in self.names:
            first = name.split()[0]
            if first_names[first] == 1:
                self.by_part.setdefault(first, name)  # "Julian" for Julian Nagelsmann
        counts = Counter(self.resolve(e) for e in doc.ents if e.label_ == "PERSON")
        self.main = counts.most_common(1)[0][0] if counts else ""

    @staticmethod
    def strip_genitive(text: str) -> str:
        return text.rstrip("’'")

    def is_genitive(self, span: Span) -> bool:
        """"Röhls", "Sadlos", "Klaus’": a known name with a genitive ending."""
        text = span.text
        if text.endswith(("’", "'")):
            return True
        known = text in self.names or text in self.by_part
        return not known and text.endswith("s") and text[:-1] in self.by_part

    def resolve(self, span: Span) -> str:
        text = self.strip_genitive(span.text)
        if text in self.names:
            return text
        if text in self.by_part:
            return self.by_part[text]
        if text.endswith("s") and text[:-1] in self.by_part:
            return self.by_part[text[:-1]]
        return text


def read_people(doc: Doc, doc_id: str, persons: list[str], published: dt.date | None,
                people: PersonIndex) -> list[Person]:
    facts: dict[str, dict[str, str]] = {p: {} for p in persons}
    ents_by_sentence: dict[int, list[Span]] = {}
    for ent in doc.ents:  # once per document: `sent.ents` would scan all entities per sentence
        ents_by_sentence.setdefault(ent.sent.start, []).append(ent)
    for sent in doc.sents:
        ents = ents_by_sentence.get(sent.start, [])
        named = [people.resolve(e) for e in ents if e.label_ == "PERSON"]
        who = named[0] if named else people.main
        if who not in facts:
            continue
        read_birth_facts(sent, ents, facts[who], published)
    return [Person(doc_id, p, f.get("birth_year", ""), f.get("birthplace", ""), f.get("hometown", ""))
            for p, f in facts.items()]


def read_birth_facts(sent: Span, ents: list[Span], facts: dict[str, str], published: dt.date | None) -> None:
    for token in sent:
        age = AGE.match(token.text)
        if age and published and "birth_year" not in facts:
            facts["birth_year"] = str(published.year - int(age.group(1)))
    for ent in ents:
        window = {t.text for t in sent.doc[max(sent.start, ent.start - 3):ent.start]}
        if ent.label_ == "DATE" and window & resources.career_cue_words("birth_date_cues") and ent.kb_id_[:4].isdigit():
            facts["birth_year"] = ent.kb_id_[:4]
        if ent.label_ == "PLACE" and window & resources.career_cue_words("birth_cues"):
            facts.setdefault("birthplace", ent.kb_id_ or ent.text)
        if ent.label_ == "PLACE" and window & resources.career_cue_words("hometown_cues"):
            facts.setdefault("hometown", ent.kb_id_ or ent.text)
    for token in sent:
        # "der gebürtige Wittener": a demonym after a birth cue names the birthplace.
        if token.i > 0 and token.nbor(-1).text in resources.career_cue_words("birth_cues") and token.text.endswith("er"):
            facts.setdefault("birthplace", token.text[:-2])


