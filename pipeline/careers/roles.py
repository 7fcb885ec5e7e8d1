"""Role words: which role a word signals ("Co-Trainer", "A-Jugend", "spielte") and when it does not."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from .text import cue_words, cues, distance

YOUTH_TEAM = re.compile(r"^U\d{2}$")
ADULT_AGE = 18
YOUTH_PERSON_ENDINGS = ("spieler", "spielerin", "licher", "liche", "lichen")
# Ties between equally near cues go to the more specific role.
ROLE_ORDER = ("youth_player", "assistant_coach", "official", "coach", "player")


OFFICIAL_HEADS = ("vorsitzender", "vorsitzende", "präsident", "präsidentin", "direktor", "direktorin")
STAFF_GROUP_PARTS = ("team", "stab")  # "des Trainerteams", "des Trainerstabs": a group he is part of
CHILD_AGE = re.compile(r"^([a-zäöü]+)jährige[rn]?$")
AGE_WORDS = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
             "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
             "siebzehn": 17}


def age_of(word: str) -> int:
    """An age written in digits or as a word ("16", "sechs"); a large number when it is none."""
    if word.isdigit():
        return int(word)
    return AGE_WORDS.get(word, ADULT_AGE)


@lru_cache(maxsize=None)
def role_word_sets() -> dict[str, frozenset[str]]:
    return {role: frozenset(words) for role, words in cues()["role_cues"].items()}


@lru_cache(maxsize=65536)
def word_role(text: str) -> str:
    """The role a word signals by itself (asked of every word, so answered once per word). A national
    team's job is no club role ("Bundestrainer", "U21-Nationaltrainer"; SPEC 5a)."""
    head = text.rsplit("-", 1)[-1] if "-" in text[1:] else text
    if head.lower().startswith(tuple(cues()["national_team_prefixes"])):
        return ""
    role_words = role_word_sets()
    for role in ROLE_ORDER:
        if text in role_words[role] or head in role_words[role]:
            return role
    lower = text.lower()
    if lower.endswith(OFFICIAL_HEADS):
        return "official"  # "Ehrenvorsitzender", "Vizepräsidentin"
    if "trainer" in lower or "coach" in lower:
        return "assistant_coach" if lower.startswith(("co-", "assistenz")) else "coach"
    if any(part in lower for part in cues()["youth_word_parts"]) or YOUTH_TEAM.match(text):
        return "youth_player"
    child = CHILD_AGE.match(lower)
    if child and age_of(child.group(1)) < ADULT_AGE:
        return "youth_player"  # "als Sechsjähriger", "den Elfjährigen"
    return ""


class RoleWords:
    def __init__(self) -> None:
        self.cue = cues()
        self.weak_role_words = {role: set(words) for role, words in self.cue["weak_role_cues"].items()}

    def token_role(self, token: Token) -> str:
        """The role a word signals: listed cues, then word parts ("Jugendtrainer", "D-Jugendlicher"),
        then the words around a number ("für dessen U 19", "mit 16", "mit sechs Jahren")."""
        if self.is_counted(token):
            return ""
        role = word_role(token.text)
        if role:
            return role
        if token.text == "U" and token.i + 1 < len(token.doc) and token.nbor(1).text.isdigit():
            return "youth_player"  # "für dessen U 19"
        years_old = token.text.isdigit() or (token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "jahren")
        if token.i > 0 and token.nbor(-1).lower_ == "mit" and years_old and age_of(token.lower_) < ADULT_AGE:
            return "youth_player"  # "mit 16 meldete sich der VfL Bochum", "mit sechs Jahren"
        return ""

    @staticmethod
    def is_counted(token: Token) -> bool:
        """"fünf Stammspieler", "mehrere Trainer": a role in the plural is a group, not the person read."""
        if token.i == 0:
            return False
        before = token.nbor(-1)
        small_number = before.text.isdigit() and len(before.text) <= 2  # not a year ("seit 2015 Vorsitzende")
        return small_number or before.lower_ in cue_words("quantifiers")

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
        return any(t.lower_ in cue_words("team_pronouns") for t in sent)

    def is_possessed(self, token: Token) -> bool:
        """"nahm er seinen Co-Trainer mit", "der verlängerte Arm des Trainers": a role after a possessive
        or in the genitive is someone else's job; "seine Trainerlaufbahn" stays his own."""
        if token.i == 0:
            return False
        before = token.nbor(-1).lower_
        if before == "des" and token.text.endswith("s") and self.token_role(token) not in ("", "youth_player") \
                and not any(part in token.lower_ for part in STAFF_GROUP_PARTS):
            return True  # but "Teil des Trainerteams" is his own
        if before not in cue_words("possessives"):
            return False
        career_noun = any(part in token.lower_ for part in self.cue["career_noun_parts"])
        return not career_noun and self.token_role(token) not in ("", "youth_player")

    def is_role_word(self, token: Token) -> bool:
        return bool(self.token_role(token)) and token.text[:1].isupper()

    @staticmethod
    def names_youth_player(tokens: list[Token], gap: int, club: Span) -> bool:
        """Whether the youth cue `gap` tokens from the club is a young player ("Jugendspieler",
        "D-Jugendlicher"), not a youth team ("Nachwuchs", "A-Jugend")."""
        return any(distance(t.i, club) == gap and t.lower_.endswith(YOUTH_PERSON_ENDINGS) for t in tokens)

    def apposition_roles(self, role_token: Token, role: str) -> list[str]:
        """A "Spielertrainer" is both coach and player of his club."""
        if any(part in role_token.lower_ for part in self.cue["player_coach_words"]):
            return ["coach", "player"]
        return [role]
