"""Loading the package's data files: lexicon, token patterns and gazetteers."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, cast

from .errors import ResourceError

PATTERN_KEYS = {"label", "id", "pattern", "trim_start", "trim_end", "keep_last", "requires_sentence"}
LEXICON_KEYS = {
    "club_prefixes", "club_words", "standalone_club_words", "club_suffixes", "team_suffixes",
    "club_name_inflections", "function_words", "nationality_stems", "league_regions", "league_ordinals", "title_nouns", "title_compound_exclusions", "award_heads", "person_role_nouns", "name_particles",
    "first_name_exclusions", "place_prepositions", "ground_prepositions", "ambiguous_places", "determiners", "club_context_before", "countries",
    "regions", "world_cities", "grounds", "club_sponsors", "league_abbreviations", "title_win_verbs", "place_suffixes",
    "place_context_words", "articles", "transfer_words", "stint_words", "generic_venues", "league_sponsors", "venue_context_words",
    "common_noun_heads", "leave_verbs", "genitive_club_followers", "team_nouns", "ground_exclusions",
    "place_kind_nouns", "match_result_nouns", "quantifiers", "street_nouns", "site_nouns",
}


@dataclass(frozen=True)
class TokenRule:
    """One token pattern: what it labels and which tokens of the match it keeps."""

    label: str
    id: str
    pattern: list[dict[str, Any]]
    trim_start: int = 0
    trim_end: int = 0
    keep_last: int = 0
    requires_sentence: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any], lexicon: dict[str, Any]) -> "TokenRule":
        unknown = set(data) - PATTERN_KEYS
        if unknown:
            raise ResourceError(f"pattern {data.get('id')!r} has unknown keys {sorted(unknown)}")
        requires = data.get("requires_sentence", [])
        return cls(
            label=data["label"],
            id=data["id"],
            pattern=expand_placeholders(data["pattern"], lexicon),
            trim_start=int(data.get("trim_start", 0)),
            trim_end=int(data.get("trim_end", 0)),
            keep_last=int(data.get("keep_last", 0)),
            requires_sentence=tuple(expand_placeholders(requires, lexicon)),
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"label": self.label, "id": self.id, "pattern": self.pattern}
        if self.trim_start:
            data["trim_start"] = self.trim_start
        if self.trim_end:
            data["trim_end"] = self.trim_end
        if self.keep_last:
            data["keep_last"] = self.keep_last
        if self.requires_sentence:
            data["requires_sentence"] = list(self.requires_sentence)
        return data


def expand_placeholders(value: Any, lexicon: dict[str, Any]) -> Any:
    """Replace "@name" by the lexicon list `name`; inside a regex, by an alternation."""
    if isinstance(value, str) and value.startswith("@") and value[1:] in lexicon:
        return list(lexicon[value[1:]])
    if isinstance(value, str) and "(@" in value:
        for key, words in lexicon.items():
            if isinstance(words, list):
                value = value.replace(f"(@{key})", "(" + "|".join(words) + ")")
        return value
    if isinstance(value, list):
        return [expand_placeholders(v, lexicon) for v in value]
    if isinstance(value, dict):
        return {k: expand_placeholders(v, lexicon) for k, v in value.items()}
    return value


def read_text(name: str) -> str:
    try:
        return resources.files("pipeline").joinpath("resources", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"resource file {name!r} is missing from the package") from exc


@lru_cache(maxsize=None)
def lexicon(name: str = "lexicon.json") -> dict[str, Any]:
    return load_json(name)


def token_rules(name: str = "patterns.jsonl", lexicon_name: str = "lexicon.json") -> list[TokenRule]:
    lex = lexicon(lexicon_name)
    lines = [line for line in read_text(name).splitlines() if line.strip()]
    return [TokenRule.from_dict(json.loads(line), lex) for line in lines]


def read_tsv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(read_text(name).splitlines(), delimiter="\t"))


@lru_cache(maxsize=None)
def first_names(name: str = "first_names.txt") -> frozenset[str]:
    excluded = set(lexicon()["first_name_exclusions"])
    return frozenset(n for n in read_text(name).split() if n not in excluded)


@lru_cache(maxsize=None)
def lemma_table() -> Any:
    """spaCy's German lookup lemmatizer table (spacy-lookups-data), loaded once."""
    from spacy.util import load_language_data, registry

    data = cast(dict[str, str], load_language_data(registry.lookups.get("de")["lemma_lookup"]))
    return hashed_table("lemma_lookup", data)


def hashed_table(name: str, data: dict[str, str]) -> Any:
    """`spacy.lookups.Table(name, data)` built in bulk: Table.__setitem__ hashes and files one key per
    Python call, most of a second for the 355,000 forms of the German table."""
    from collections import OrderedDict

    from preshed.bloom import BloomFilter
    from spacy.lookups import Table
    from spacy.strings import get_string_id

    table = Table(name=name)
    table.bloom = BloomFilter.from_error_rate(len(data))  # as Table(name, data) sizes it
    file_entry, add_to_bloom = OrderedDict.__setitem__, table.bloom.add
    for key, value in zip(map(get_string_id, data), data.values()):
        file_entry(table, key, value)
        add_to_bloom(key)
    return table


@lru_cache(maxsize=None)
def lemmas() -> frozenset[str]:
    """The lemmas of the lookup table: its values (the keys are hashes)."""
    return frozenset(map(str, lemma_table().values()))


class KnownWords:
    """Membership in German common vocabulary: a form of the lookup table or one of its lemmas.

    Used to tell a village in no list ("in Wengern") from a noun ("in Zukunft").
    """

    def __init__(self) -> None:
        self.table = lemma_table()
        self.lemmas = lemmas()

    def __call__(self, word: str) -> bool:
        return word in self.table or word in self.lemmas


CAREER_CUE_KEYS = {
    "station_cues", "blocking_cues", "negations", "opponent_cues", "role_cues", "team_words",
    "club_descriptions", "start_cues", "end_cues", "source_prepositions", "target_prepositions",
    "together_cues", "birth_cues", "hometown_cues", "league_of_descriptor", "league_ordinal_names",
    "opponent_window", "birth_date_cues", "offer_nouns", "youth_word_parts", "move_verbs",
    "passive_agent_participles", "passive_auxiliaries", "before_clause_words", "player_coach_words",
    "weak_role_cues", "failed_move_words", "match_words", "career_end_words", "loan_words",
    "ongoing_date_words", "past_tense_words", "move_time_words", "oblique_prepositions",
    "person_pronouns", "speech_verbs", "signing_verbs", "team_pronouns",
    "dismissal_words", "joined_participles", "takeover_words", "possessives",
    "career_noun_parts", "arrival_prepositions", "ground_prepositions", "departure_phrases", "succession_words", "contract_words",
    "copula_verbs", "promotion_words", "arrival_verbs",
    "transfer_window_words", "career_end_verbs",
    "impersonal_subjects", "time_adverbs", "coaching_verbs",
    "before_words", "national_team_prefixes", "quantifiers",
}
KNOWN_KEYS = {"careers_de.json": CAREER_CUE_KEYS, "lexicon.json": LEXICON_KEYS}


@lru_cache(maxsize=None)
def career_cues() -> dict[str, Any]:
    """The career stage's German cue words (careers_de.json), loaded once."""
    return load_json("careers_de.json")


@lru_cache(maxsize=None)
def career_cue_words(key: str) -> frozenset[str]:
    """One list of careers_de.json as a set, built once (the readers test it per sentence)."""
    return frozenset(career_cues()[key])


def load_json(name: str) -> dict[str, Any]:
    """A JSON resource; keys outside its schema fail loudly (a typo must not disable a rule)."""
    data: dict[str, Any] = json.loads(read_text(name))
    unknown = set(data) - KNOWN_KEYS.get(name, set(data))
    if unknown:
        raise ResourceError(f"{name}: unknown keys {sorted(unknown)}")
    return data
