"""Who a sentence is about: named people in subject positions, pronouns and descriptions for the
person named last, the focus the next sentence's "er" refers to, and role words standing with a name."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..people import PersonIndex
from .roles import RoleWords
from .text import APPOSITION_FILLERS, CLAUSE_BREAKS, PersonMention, Sentence, Target, clause_of, cue_words, distance

OBLIQUE_LOOKBACK = 4
APPOSITION_GAP = 4
DEFINITE_ARTICLES = {"der", "die"}
SUBJECT_RELATIVE_PRONOUNS = {"der", "die"}  # "X, der ... spielte": the relative clause's subject is X
BOTH_WORDS = {"beide", "beiden"}
AGE_DESCRIPTION = re.compile(r"^\d{2}-[Jj]ährigen?$")


class PersonTracker:
    def __init__(self, people: PersonIndex, roles: RoleWords) -> None:
        self.people = people
        self.roles = roles
        self.focus_person = people.main
        self.mentions: list[PersonMention] = []
        self.named_before: list[str] = []  # people by when they were last named
        self.both = False  # the sentence read last said "beide" for the two named last

    def read(self, s: Sentence) -> list[str]:
        """The people the sentence tells about; afterwards the focus is the one it leaves for the next."""
        self.mentions = self.person_mentions(s)
        persons = self.persons_of(s)
        self.focus_person = self.new_focus(s) or self.focus_person
        return persons

    def person_mentions(self, s: Sentence) -> list[PersonMention]:
        """Who the sentence tells about, and where: named people who are not the object of a
        preposition ("unter Farke", "mit Daniel Farke"), and pronouns and age descriptions
        ("er", "der 26-Jährige") for the person named last, in this sentence or before."""
        together = bool(s.words & cue_words("together_cues"))
        named_at = {p.start: p for p in s.persons if together or not self.is_oblique(p)}
        self.both = False
        mentions: list[PersonMention] = []
        last = self.focus_person
        for token in s.span:
            if token.i in named_at:
                last = self.people.resolve(named_at[token.i])
                mentions.append(PersonMention(last, token.i, named=True))
                self.remember(last)
            elif self.stands_for_both(token, s):
                # "Beide wechselten als Teenager ins Nachwuchsleistungszentrum": the two named last
                mentions += [PersonMention(p, token.i, named=False) for p in self.named_before[-2:]]
                self.both = True
            elif last and self.stands_for_person(token):
                mentions.append(PersonMention(last, token.i, named=False))
        return mentions

    def stands_for_both(self, token: Token, s: Sentence) -> bool:
        """"Beide wechselten", "die beiden spielten": not "beide Tore", and only with no one named."""
        if token.lower_ not in BOTH_WORDS or s.persons or len(self.named_before) < 2:
            return False
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is None or not following.text[:1].isupper()

    def remember(self, person: str) -> None:
        if person in self.named_before:
            self.named_before.remove(person)
        self.named_before.append(person)

    def new_focus(self, s: Sentence) -> str:
        """Whom the next sentences' "er" means: the speaker of a quote ("..., so Backhaus"), else
        the first person named as a subject, else the first named at all but in a genitive
        ("Für Bockhorst schließt sich ein Kreis", but not "Röhls Arbeit")."""
        speech_verbs = cue_words("speech_verbs")
        speakers = [p for p in s.persons
                    if any(t.lower_ in speech_verbs for t in p.doc[max(s.span.start, p.start - 3):p.start])]
        subjects = [self.people.resolve(p) for p in s.persons
                    if not self.people.is_genitive(p) and not self.is_oblique(p)]
        others = [self.people.resolve(p) for p in s.persons if not self.people.is_genitive(p)]
        if speakers:
            return self.people.resolve(speakers[0])
        return (subjects or others or [""])[0]

    def is_oblique(self, person: Span) -> bool:
        """"unter Röhls Vorgänger Xisco Muñoz", "mit Daniel Farke"."""
        prepositions = cue_words("oblique_prepositions")
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
        """"er", "der 26-Jährige", "Der 31 Jahre alte Ex-Profi", and the relative pronoun after a name
        or role ("Tobias Wenzl, der ...", "Der Ex-Profi, der früher für den KSC spielte")."""
        if token.text in cue_words("person_pronouns"):
            return True
        doc = token.doc
        if token.i < 2:
            return False
        if token.lower_ in SUBJECT_RELATIVE_PRONOUNS and doc[token.i - 1].text == ",":
            antecedent = doc[token.i - 2]
            return antecedent.ent_type_ == "PERSON" or self.roles.is_role_word(antecedent)
        if AGE_DESCRIPTION.match(token.text):
            return token.nbor(-1).lower_ in DEFINITE_ARTICLES
        if self.is_role_description(token):
            return True
        # "Der 31 Jahre alte ..."
        return token.lower_ == "alte" and doc[token.i - 1].lower_ == "jahre" and token.i >= 3 \
            and doc[token.i - 2].like_num and doc[token.i - 3].lower_ in DEFINITE_ARTICLES

    def is_role_description(self, token: Token) -> bool:
        """"Der Kapitän des SV Waldhof Mannheim blieb cool": a sentence that opens with a role and no
        name refers to the person named last. Not a role named with a name ("Der Trainer Max Kranz")."""
        doc = token.doc
        article = doc[token.i - 1]
        if not (article.is_sent_start and article.lower_ in DEFINITE_ARTICLES):
            return False  # cheap tests first: this is asked of every word
        if not self.roles.is_role_word(token) or token.text in cue_words("team_words"):
            return False
        end = token.i + 1
        while end < len(doc) and not doc[end].is_sent_start and doc[end].text not in CLAUSE_BREAKS:
            end += 1
        # "Der Trainer von YB, Raphael Wicky, ...": the name follows the comma
        named_after = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "PERSON"
        named_next = token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ == "PERSON"
        return not named_next and not named_after

    def refers_to_someone(self, s: Sentence) -> bool:
        """A pronoun or description for a person in the sentence ("er", "der 26-Jährige")."""
        return any(self.stands_for_person(t) for t in s.span)

    @staticmethod
    def in_age_phrase(token: Token) -> bool:
        """"der inzwischen 92 Jahre alte Heinz Brocker", "der 26-jährige X": words of an age before a name."""
        return token.lower_ in {"alte", "jahre", "inzwischen", "heute"} or token.like_num \
            or bool(AGE_DESCRIPTION.match(token.text))

    def persons_of(self, s: Sentence) -> list[str]:
        named = list(dict.fromkeys(m.person for m in self.mentions))
        if not named and self.focus_person:
            named = [self.focus_person]
        return named

    def persons_for(self, s: Sentence, target: Target, persons: list[str]) -> list[str]:
        """Everyone "im Gespann"; otherwise the person mentioned nearest the club, in its clause first."""
        if len(persons) <= 1 or s.words & cue_words("together_cues") or self.both:
            return persons
        clause = clause_of(target.anchor, s)
        in_clause = [m for m in self.mentions if clause.start <= m.index < clause.end]
        nearest = min(in_clause or self.mentions, key=lambda m: distance(m.index, target.anchor))
        return [nearest.person]

    def apposition_role_tokens(self, person: Span) -> list[Token]:
        """Role words standing with a name: before it ("Trainer X", "der frühere Trainer des WSV, X")
        and after it ("X, heute Co-Trainer beim SC Verl", "wird X Co-Trainer"), or as the subject a name
        is predicated of ("Trainer der Meistermannschaft war X", "Vorsitzender ist seit 2017 X")."""
        doc = person.doc
        found: list[Token] = []
        before = person.start - 1
        while before >= 0 and (doc[before].lower_ in APPOSITION_FILLERS or self.in_age_phrase(doc[before])):
            before -= 1
        copula = before
        while copula >= 0 and (doc[copula].ent_type_ == "DATE" or doc[copula].lower_ in cue_words("time_adverbs")):
            copula -= 1
        if before >= 0 and self.roles.is_role_word(doc[before]):
            found.append(doc[before])
        elif copula >= 0 and doc[copula].lower_ in cue_words("copula_verbs"):
            window = doc[max(person.sent.start, copula - APPOSITION_GAP):copula]
            subjects = [t for t in reversed(window) if self.roles.is_role_word(t)][:1]
            # not "als aktiver Profi ist X": a role after "als" is what X was, elsewhere
            found += [t for t in subjects if not any(w.lower_ in CLAUSE_BREAKS for w in doc[max(0, t.i - 2):copula])]
        elif before >= 0 and doc[before].text == ",":
            window = doc[max(person.sent.start, before - APPOSITION_GAP - 3):before]
            found += [t for t in reversed(window) if self.roles.is_role_word(t)][:1]
        after = person.end
        if after + 1 < len(doc) and doc[after].text == ",":
            found += [t for t in doc[after + 1:min(len(doc), after + 4)] if self.roles.is_role_word(t)][:1]
        elif after < len(doc) and self.roles.is_role_word(doc[after]) and person.start > 0 \
                and doc[person.start - 1].lower_ in cue_words("copula_verbs"):
            found.append(doc[after])  # "Zur kommenden Saison wird Grabowski Co-Trainer"
        return found
