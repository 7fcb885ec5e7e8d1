"""Club identity in one article: every mention mapped to one club and the name to show it under,
the club the article is about, and league names read from mentions and descriptors."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span

from .. import resources
from ..entities import club_nominative
from .text import cues

LEAGUE_ORDINAL = re.compile(r"^(\d)\.\s*(Liga|Bundesliga)$|^(\w+)\s+(Liga|Bundesliga)$")
SHORT_FORM_RULES = {"club_short_form", "club_town_alias", "club_town"}
NAME_PARTS = re.compile(r"[\s\-/]+")  # "ASV Hamm-Westfalen" has the part "hamm"


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
        words = {short.text.casefold()}
        if short.text.endswith("s") and short.kb_id_ and short.kb_id_ != short.text:
            words.add(short.kb_id_.casefold())  # "Hamms" -> "Hamm"
        forms = words | {w + "er" for w in words}
        hits = [n for n in named if forms & set(NAME_PARTS.split(n.casefold()))]
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


@lru_cache(maxsize=65536)
def descriptor_league(token_text: str) -> str:
    """"Drittligisten" -> "3. Liga": club descriptors carry their league level (asked of every word)."""
    word = token_text.lower()
    for stem, league in cues()["league_of_descriptor"].items():
        if word.startswith(stem):
            return str(league)
    return ""
