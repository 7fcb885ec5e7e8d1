"""Date stage: tag German time expressions (SPEC 5, 5a) and normalise them to SPEC 6 values."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, fields
from importlib import resources
from typing import Any, Callable, Iterable, Mapping

RESOURCE = "dates_de.json"
PRECISIONS: tuple[str, ...] = (
    "day", "month", "season", "year", "football_season", "week", "decade",
)


@dataclass(frozen=True)
class DateMention:
    """A DATE span (end exclusive), its SPEC 6 value, a start/end hint and the value's precision."""

    start: int
    end: int
    text: str
    value: str
    hint: str
    precision: str


# --------------------------------------------------------------------------- vocabulary


class VocabularyError(ValueError):
    """A date resource file that does not match the expected schema."""


def _check_keys(where: str, data: Mapping[str, Any], expected: Iterable[str]) -> None:
    expected = set(expected)
    unknown = sorted(set(data) - expected)
    missing = sorted(expected - set(data))
    if unknown:
        raise VocabularyError(f"{where}: unknown keys {unknown}")
    if missing:
        raise VocabularyError(f"{where}: missing keys {missing}")


@dataclass(frozen=True)
class TenseMarkers:
    past: tuple[str, ...]
    future: tuple[str, ...]
    perfect_auxiliaries: tuple[str, ...]
    past_participle: str
    weak_preterite: str
    weak_preterite_exceptions: tuple[str, ...]
    determiners: tuple[str, ...]
    past_prepositions: tuple[str, ...]
    future_prepositions: tuple[str, ...]
    scheduled_prepositions: tuple[str, ...]
    clause_delimiters: str
    quotation_marks: Mapping[str, str]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TenseMarkers:
        _check_keys("tense", data, (f.name for f in fields(cls)))
        _check_keys("tense.quotation_marks", data["quotation_marks"], ("open", "close"))
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
        return cls(**values)


@dataclass(frozen=True)
class DateVocabulary:
    """Everything German about dates, read from `resources/dates_de.json`."""

    year_range: tuple[int, int]
    two_digit_year_pivot: int
    two_digit_decades_2000s: tuple[str, ...]
    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    year_seasons: Mapping[str, str]
    year_season_pauses: Mapping[str, str]
    year_season_months: Mapping[str, tuple[int, int]]
    season_nouns: tuple[str, ...]
    season_phases: tuple[str, ...]
    year_phases: Mapping[str, int]
    periods: Mapping[str, int]
    year_nouns: tuple[str, ...]
    year_genitives: tuple[str, ...]
    genitive_articles: tuple[str, ...]
    date_articles: tuple[str, ...]
    relative: Mapping[str, int]
    relative_attributive_only: Mapping[str, int]
    adjective_endings: tuple[str, ...]
    relative_units: Mapping[str, str]
    ago: tuple[str, ...]
    ago_units: Mapping[str, str]
    hedges: tuple[str, ...]
    number_words: Mapping[str, int]
    number_word_joiner: str
    decade_words: Mapping[str, int]
    decade_nouns: tuple[str, ...]
    decade_suffix: str
    decade_plural_suffix: str
    decade_articles: tuple[str, ...]
    anaphoric_nouns: Mapping[str, tuple[str, int]]
    previous_nouns: Mapping[str, tuple[str, int]]
    anaphoric_adjectives: Mapping[str, int]
    anaphoric_adverbs: Mapping[str, int]
    anaphoric_noun_adverbs: tuple[str, ...]
    anaphoric_units: Mapping[str, str]
    anaphoric_singular_units: tuple[str, ...]
    weekdays: Mapping[str, int]
    weekday_suffixes: tuple[str, ...]
    weekend_nouns: tuple[str, ...]
    deictic_preceders: tuple[str, ...]
    hint_prepositions: Mapping[str, tuple[str, ...]]
    range_connectors: tuple[str, ...]
    range_pair: Mapping[str, str]
    conjunctions: tuple[str, ...]
    possessives: tuple[str, ...]
    club_prefixes: tuple[str, ...]
    number_units: tuple[str, ...]
    tense: TenseMarkers = field(repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DateVocabulary:
        _check_keys(RESOURCE, data, (f.name for f in fields(cls)))
        _check_keys("hint_prepositions", data["hint_prepositions"], ("start", "end"))
        _check_keys("range_pair", data["range_pair"], ("opener", "joiner"))
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = data[f.name]
            if f.name == "tense":
                values[f.name] = TenseMarkers.from_dict(raw)
            elif isinstance(raw, list):
                values[f.name] = tuple(raw)
            elif isinstance(raw, dict):
                values[f.name] = {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()}
            else:
                values[f.name] = raw
        return cls(**values)


@functools.lru_cache(maxsize=1)
def load_vocabulary() -> DateVocabulary:
    raw = resources.files("pipeline").joinpath("resources", RESOURCE).read_text(encoding="utf-8")
    return DateVocabulary.from_dict(json.loads(raw))


# --------------------------------------------------------------------------- patterns


def _alt(words: Iterable[str], suffix: str = "") -> str:
    """A regex alternation, longest first so that a prefix never shadows a longer word.

    Every branch starts with a literal, which lets `re` skip ahead to possible first letters.
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") + suffix for w in ordered) + ")"


# A number or year must not be glued to other digits, decimals, slashes or a compound.
NUM_RIGHT = r"(?![\w/]|[.,]\d|[-–][^\W\d])"
WORD_LEFT = r"(?<![\w-])"
WORD_RIGHT = r"(?![\w-])"
LEFT_WINDOW = 60


@dataclass(frozen=True)
class Pieces:
    """Regex fragments built from the vocabulary, shared by the rules."""

    month: str
    period: str
    rel: str
    rel_attr: str
    year_season: str
    season_noun: str
    phase: str
    weekday: str
    hedge: str
    number: str
    forward: str
    genitive: str
    year_genitive: str
    date_article: str
    decade_tail: str

    @classmethod
    def build(cls, v: DateVocabulary) -> Pieces:
        endings = _alt(v.adjective_endings)
        number_word = _alt(v.number_words)
        months = [*(re.escape(m) + WORD_RIGHT for m in v.months), *(re.escape(m) + r"\." for m in v.month_abbreviations)]
        return cls(
            month="(?:" + "|".join(sorted(months, key=lambda m: -len(m))) + ")",
            period=_alt(v.periods),
            rel=_alt(v.relative, endings),
            rel_attr=_alt(v.relative_attributive_only, endings),
            year_season=_alt([*v.year_seasons, *v.year_season_pauses]),
            season_noun=_alt(v.season_nouns),
            phase=_alt(v.season_phases),
            weekday=_alt(v.weekdays, _alt(v.weekday_suffixes) + "?"),
            hedge=_alt(v.hedges),
            number=rf"(?:\d{{1,3}}|(?:{number_word}{re.escape(v.number_word_joiner)})?{number_word})",
            forward=_alt(a for a in v.anaphoric_noun_adverbs if v.anaphoric_adverbs[a] > 0),
            genitive=_alt(v.genitive_articles),
            year_genitive=_alt(v.year_genitives),
            date_article=_alt(v.date_articles),
            decade_tail=(
                rf"{re.escape(v.decade_suffix)}(?:(?P<dn>[- ]?{_alt(v.decade_nouns)})"
                rf"|(?P<dpl>{re.escape(v.decade_plural_suffix)}))?{WORD_RIGHT}"
            ),
        )


@dataclass(frozen=True)
class Rule:
    """A core pattern that starts with a literal or a digit, plus an optional left extension.

    The left extension ("Ende", "vergangenen", "Rückrunde der") is matched backwards from the
    core so that the core can be scanned for quickly; it becomes part of the span.
    """

    kind: str
    core: re.Pattern[str]
    left: re.Pattern[str] | None
    triggers: tuple[str, ...]  # the rule only runs when the lowered text contains one of them

    def applies(self, lowered: str) -> bool:
        return not self.triggers or any(t in lowered for t in self.triggers)


def _year_tail(p: Pieces) -> str:
    return (
        rf"(?:\s+(?P<y>\d{{4}})(?:/(?P<y2>\d{{4}}|\d{{2}}))?{NUM_RIGHT}"
        rf"|\s+{p.genitive}\s+{p.year_genitive}\s+(?P<yy>\d{{4}}){NUM_RIGHT}"
        rf"|\s+(?:{p.genitive}\s+)?(?P<trel>{p.rel})\s+{p.year_genitive}{WORD_RIGHT}"
        rf"|\s+{p.genitive}\s+{p.season_noun}\s+(?P<sy>\d{{4}})/(?P<sy2>\d{{4}}|\d{{2}}){NUM_RIGHT}"
        rf"|\s+(?P<after>{p.forward}){WORD_RIGHT})"
    )


def _core_sources(v: DateVocabulary, p: Pieces) -> dict[str, str]:
    season_years = rf"(?P<sy>\d{{4}}|\d{{2}})(?:[/–-](?P<sy2>\d{{4}}|\d{{2}}))?{NUM_RIGHT}"
    day_month = r"(?P<d>\d\d?)\.(?P<m>\d\d?)\."
    return {
        "numeric_day": rf"{day_month}(?P<y>\d{{4}}|\d{{2}}){NUM_RIGHT}",
        "numeric_day_no_year": rf"{day_month}(?![\d\w])",
        "named_month": rf"(?P<month>{p.month}){_year_tail(p)}?",
        "year_season": rf"(?P<ys>{p.year_season}){WORD_RIGHT}{_year_tail(p)}?",
        "season": rf"{p.season_noun}\s+{season_years}",
        "phase_season": rf"{p.phase}\s+{season_years}",
        "bare_season": rf"(?P<sy>\d\d\d\d)/(?P<sy2>\d\d\d\d|\d\d){NUM_RIGHT}",
        "year": rf"(?P<y>\d\d\d\d){NUM_RIGHT}(?!\s+{_alt(v.number_units)}(?!\w))",
        "year_phase": rf"(?P<phase>{_alt(v.year_phases)})\s+(?P<y>\d{{4}}){NUM_RIGHT}",
        "decade": rf"(?P<dd>\d\d(?:\d\d)?){p.decade_tail}",
        "decade_word": rf"(?P<dw>{_alt(v.decade_words)}){p.decade_tail}",
        "ago": (
            rf"{_alt(v.ago)}\s+(?:{p.hedge}\s+){{0,2}}(?P<n>{p.number})\s+"
            rf"(?P<unit>{_alt(v.ago_units)}){WORD_RIGHT}"
        ),
        "relative": rf"(?P<rel>{p.rel})\s+(?P<unit>{_alt(v.relative_units)}){WORD_RIGHT}",
        "weekday": rf"(?P<wd>{p.weekday}){WORD_RIGHT}",
        "weekend": rf"{_alt(v.weekend_nouns)}{WORD_RIGHT}",
        "anaphoric_noun": rf"(?P<noun>{_alt(v.anaphoric_nouns)}){WORD_RIGHT}",
        "previous_noun": rf"(?P<noun>{_alt(v.previous_nouns)}){WORD_RIGHT}",
        "anaphoric_adjective": (
            rf"(?P<adj>{_alt(v.anaphoric_adjectives)}){_alt(v.adjective_endings)}\s+"
            rf"(?P<unit>{_alt(v.anaphoric_singular_units)}){WORD_RIGHT}"
        ),
        "anaphoric_unit": (
            # "Vier Jahre und mehr als 90 Einsätze später": a short aside may sit before the adverb.
            rf"(?P<unit>{_alt(v.anaphoric_units)})(?P<aside>\s+{_alt(v.conjunctions)}(?:\s+[\w.]+){{1,5}}?)?"
            rf"\s+(?P<adv>{_alt(v.anaphoric_adverbs)}){WORD_RIGHT}"
        ),
    }


def _left_sources(v: DateVocabulary, p: Pieces) -> dict[str, str]:
    rel_or_attr = f"(?:{p.rel}|{p.rel_attr})"
    return {
        "named_month": (
            rf"(?:(?P<wd>{p.weekday}),\s+(?:{p.date_article}\s+)?)?"
            rf"(?:(?P<period>{p.period})\s+|(?P<d>\d\d?)\.\s*|(?P<rel>{p.rel})\s+)"
        ),
        "numeric_day": rf"(?P<wd>{p.weekday}),\s+(?:{p.date_article}\s+)?",
        "year_season": rf"(?:(?P<period>{p.period})\s+(?:{p.genitive}\s+)?)?(?:(?P<rel>{p.rel})\s+)?",
        "season": rf"(?:(?P<lead>{p.period}|{p.phase})\s+{p.genitive}\s+)?(?:(?P<rel>{rel_or_attr})\s+)?",
        "year": (
            rf"(?:(?P<period>{p.period})\s+(?:{p.genitive}\s+{p.year_genitive}\s+)?)?"
            rf"(?:(?P<noun>{_alt(v.year_nouns)})\s+)?"
        ),
        "decade": rf"(?P<period>{p.period})\s+{p.genitive}\s+",
        "decade_word": rf"(?P<period>{p.period})\s+{p.genitive}\s+",
        "relative": rf"(?P<lead>{p.period}|{p.phase})\s+(?:{p.genitive}\s+)?",
        "weekday": rf"(?P<rel>{p.rel})\s+",
        "anaphoric_unit": rf"(?:{p.hedge}\s+)?(?P<n>{p.number})\s+",
    }


def _rule_triggers(v: DateVocabulary) -> dict[str, tuple[str, ...]]:
    return {
        "named_month": (*v.months, *v.month_abbreviations),
        "year_season": (*v.year_seasons, *v.year_season_pauses),
        "season": v.season_nouns,
        "phase_season": v.season_phases,
        "year_phase": tuple(v.year_phases),
        "decade": (f"0{v.decade_suffix}",),
        "decade_word": tuple(v.decade_words),
        "ago": v.ago,
        "relative": tuple(v.relative),
        "weekday": tuple(v.weekdays),
        "weekend": v.weekend_nouns,
        "anaphoric_noun": tuple(v.anaphoric_nouns),
        "previous_noun": tuple(v.previous_nouns),
        "anaphoric_adjective": tuple(v.anaphoric_adjectives),
        "anaphoric_unit": tuple(v.anaphoric_adverbs),
    }


@functools.lru_cache(maxsize=1)
def compile_rules() -> tuple[Rule, ...]:
    vocabulary = load_vocabulary()
    pieces = Pieces.build(vocabulary)
    lefts = _left_sources(vocabulary, pieces)
    triggers = _rule_triggers(vocabulary)
    # Patterns run on the lower-cased text: case-insensitive matching is several times slower.
    return tuple(
        Rule(
            kind=kind,
            core=re.compile(source),
            left=re.compile(rf"{WORD_LEFT}(?:{lefts[kind]})\Z") if kind in lefts else None,
            triggers=triggers.get(kind, ()),
        )
        for kind, source in _core_sources(vocabulary, pieces).items()
    )


@functools.lru_cache(maxsize=1)
def _hint_pattern() -> re.Pattern[str]:
    hints = load_vocabulary().hint_prepositions
    phrases = [*hints["end"], *hints["start"]]
    return re.compile(rf"(?:^|(?<=\W))(?P<p>{_alt(phrases)})\s+\Z", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _deictic_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=\W)){_alt(load_vocabulary().deictic_preceders)}\s+\Z", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _range_pattern() -> re.Pattern[str]:
    return re.compile(rf"\s*{_alt(load_vocabulary().range_connectors)}\s*", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _participle_pattern() -> re.Pattern[str]:
    return re.compile(load_vocabulary().tense.past_participle)


@functools.lru_cache(maxsize=1)
def _club_name_before() -> re.Pattern[str]:
    """A club prefix and up to three capitalised words: the year that follows is a founding year."""
    prefixes = _alt(load_vocabulary().club_prefixes)
    # The last word may not end a sentence: "Eintracht Braunschweig. 1963 wechselte er" is a date.
    return re.compile(rf"{WORD_LEFT}(?i:{prefixes})\s+(?:(?:[A-ZÄÖÜ][\w.-]*\s+){{0,2}}[A-ZÄÖÜ][\w-]*\s+)?\Z")


@functools.lru_cache(maxsize=1)
def _preterite_pattern() -> re.Pattern[str]:
    return re.compile(load_vocabulary().tense.weak_preterite)


@functools.lru_cache(maxsize=1)
def _word_pattern() -> re.Pattern[str]:
    return re.compile(r"\w+")


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str
    groups: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str:
        for key, value in self.groups:
            if key == name:
                return value
        return ""


def _lowered(text: str) -> str:
    """Lower-cased text with the same offsets (a few characters grow when lower-cased)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    lowered = _lowered(text)
    for rule in compile_rules():
        if not rule.applies(lowered):
            continue
        for match in rule.core.finditer(lowered):
            candidate = _extend_left(rule, match, lowered)
            if _left_boundary(lowered, candidate.start) and _accepts(candidate, text):
                found.append(candidate)
    return found


def _extend_left(rule: Rule, match: re.Match[str], lowered: str) -> Candidate:
    start = match.start()
    groups = {k: v for k, v in match.groupdict().items() if v}
    if rule.left:
        extension = rule.left.search(lowered, max(0, start - LEFT_WINDOW), start)
        if extension and extension.start() < start:
            start = extension.start()
            groups.update({k: v for k, v in extension.groupdict().items() if v})
    return Candidate(start, match.end(), rule.kind, tuple(groups.items()))


def _left_boundary(lowered: str, start: int) -> bool:
    before = lowered[start - 1] if start else " "
    if lowered[start].isdigit():
        glued = before.isalnum() or before in "_.,/"
        compound = before in "-–" and start >= 2 and lowered[start - 2].isalpha()
        return not (glued or compound)
    return not (before.isalnum() or before in "_-")


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest span wins; among equals, the earlier rule in the resource order."""
    order = {rule.kind: i for i, rule in enumerate(compile_rules())}
    ranked = sorted(candidates, key=lambda c: (c.start - c.end, c.start, order[c.kind]))
    taken: list[Candidate] = []
    for candidate in ranked:
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


# --------------------------------------------------------------------------- acceptance


def _previous_word(text: str, start: int) -> str:
    words = _word_pattern().findall(text[max(0, start - 40):start])
    return words[-1].lower() if words else ""


def _has_deictic_preceder(text: str, start: int) -> bool:
    return _deictic_pattern().search(text, max(0, start - 20), start) is not None


def _year_in_range(year: str) -> bool:
    low, high = load_vocabulary().year_range
    return low <= int(year) <= high


def _consecutive(first: str, second: str) -> bool:
    return (int(first) + 1) % 100 == int(second) % 100 and (len(second) == 2 or int(second) == int(first) + 1)


def _accepts(c: Candidate, text: str) -> bool:
    check = ACCEPTORS.get(c.kind)
    return check(c, text) if check else True


def _accept_named_month(c: Candidate, text: str) -> bool:
    if c.get("y") and not _year_in_range(c.get("y")):
        return False
    if c.get("rel") and _previous_word(text, c.start) in load_vocabulary().possessives:
        return False
    explicit = (c.get("d") or c.get("period") or c.get("rel") or c.get("y") or c.get("yy") or c.get("trel")
                or c.get("after"))
    return bool(explicit) or _has_deictic_preceder(text, c.start)


def _accept_year_season(c: Candidate, text: str) -> bool:
    if c.get("y") and not _year_in_range(c.get("y")):
        return False
    if c.get("y2") and not _consecutive(c.get("y"), c.get("y2")):
        return False
    anchored = c.get("y") or c.get("yy") or c.get("trel") or c.get("sy") or c.get("after")
    if anchored:
        return True
    if c.get("rel"):
        return _previous_word(text, c.start) not in load_vocabulary().possessives
    is_pause = c.get("ys").lower() in load_vocabulary().year_season_pauses
    return not is_pause and not c.get("period") and _has_deictic_preceder(text, c.start)


def _accept_season(c: Candidate, text: str) -> bool:
    first, second = c.get("sy"), c.get("sy2")
    if not second:
        return len(first) == 4 and _year_in_range(first)
    return _consecutive(first, second) and (len(first) == 4 or len(second) == 2)


def _accept_bare_season(c: Candidate, text: str) -> bool:
    return _year_in_range(c.get("sy")) and _consecutive(c.get("sy"), c.get("sy2"))


def _accept_year(c: Candidate, text: str) -> bool:
    if not _year_in_range(c.get("y")):
        return False
    if c.get("noun") or c.get("period"):
        return True
    return _club_name_before().search(text, max(0, c.start - LEFT_WINDOW), c.start) is None


def _accept_day_month(c: Candidate, text: str) -> bool:
    if not (1 <= int(c.get("d")) <= 31 and 1 <= int(c.get("m")) <= 12):
        return False
    return bool(c.get("y")) or _has_deictic_preceder(text, c.start)


def _accept_decade(c: Candidate, text: str) -> bool:
    digits = c.get("dd")
    if digits and not (digits.endswith("0") and (len(digits) == 2 or digits[:2] in ("19", "20"))):
        return False
    if c.get("dn") or c.get("dpl") or c.get("period"):
        return True
    return _previous_word(text, c.start) in load_vocabulary().decade_articles


def _accept_relative(c: Candidate, text: str) -> bool:
    v = load_vocabulary()
    lead = c.get("lead").lower()
    if lead and lead not in v.periods and v.relative_units[c.get("unit").lower()] != "football_season":
        return False
    return _previous_word(text, c.start) not in v.possessives


def _accept_anaphoric_unit(c: Candidate, text: str) -> bool:
    """'drei Jahre später' needs its number; 'im Jahr darauf' a singular unit and adverb."""
    v = load_vocabulary()
    if c.get("n"):
        return _number(c.get("n")) is not None
    if c.get("aside"):
        return False
    return c.get("unit") in v.anaphoric_singular_units and c.get("adv") in v.anaphoric_noun_adverbs


def _accept_weekday(c: Candidate, text: str) -> bool:
    return not c.get("rel") or _previous_word(text, c.start) not in load_vocabulary().possessives


ACCEPTORS: dict[str, Callable[[Candidate, str], bool]] = {
    "named_month": _accept_named_month,
    "year_season": _accept_year_season,
    "season": _accept_season,
    "phase_season": _accept_season,
    "bare_season": _accept_bare_season,
    "year": _accept_year,
    "year_phase": lambda c, text: _year_in_range(c.get("y")),
    "decade": _accept_decade,
    "decade_word": _accept_decade,
    "relative": _accept_relative,
    "weekday": _accept_weekday,
    "numeric_day": _accept_day_month,
    "numeric_day_no_year": _accept_day_month,
    "weekend": lambda c, text: _has_deictic_preceder(text, c.start),
    "anaphoric_unit": _accept_anaphoric_unit,
}


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Resolved:
    value: str
    precision: str


@dataclass(frozen=True)
class Context:
    text: str
    published: dt.date | None
    previous: tuple[DateMention, ...]

    def tense(self, start: int) -> str:
        # German reports use the present tense for what is coming ("Am Samstag empfängt ...").
        return _sentence_tense(self.text, start) or "future"


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    ends = _sentence_ends(text)
    i = bisect_right(ends, position)
    left = ends[i - 1] if i else 0
    j = bisect_left(ends, position)
    right = ends[j] if j < len(ends) else len(text)
    return left, right


@functools.lru_cache(maxsize=64)
def _sentence_ends(text: str) -> list[int]:
    # "1. FC Köln", "am 3. Mai": a period after a digit rarely ends a sentence.
    return [m.end() for m in re.finditer(r"(?<!\d)[.!?]\s+(?=[„\"»A-ZÄÖÜ\d])|\n", text)]


def _tense_windows(text: str, position: int) -> tuple[str, str]:
    """The clause and the sentence around `position`, both cut to a quotation it sits in."""
    left, right = _sentence_bounds(text, position)
    paragraph = text.rfind("\n", 0, position) + 1
    marks = load_vocabulary().tense.quotation_marks
    opened = text.rfind(marks["open"], paragraph, position)
    closed = text.rfind(marks["close"], paragraph, position)
    if opened > closed:
        # The speech verb outside the quotation ("sagte er") says nothing about the quoted date.
        left = max(left, opened + 1)
        end_quote = text.find(marks["close"], position, right)
        right = end_quote if end_quote >= 0 else right
    delimiters = load_vocabulary().tense.clause_delimiters
    clause_left = max((text.rfind(d, left, position) for d in delimiters), default=-1)
    clause_rights = [i for i in (text.find(d, position, right) for d in delimiters) if i >= 0]
    clause = text[max(left, clause_left + 1):min(clause_rights, default=right)]
    return clause, text[left:right]


def _tense_of(window: str) -> str:
    markers = load_vocabulary().tense
    words = _word_pattern().findall(window)
    lowered = [w.lower() for w in words]
    past = sum(w in markers.past for w in lowered)
    past += sum(1 for before, w in zip(["", *lowered], words) if _is_weak_preterite(before, w))
    if any(w in markers.perfect_auxiliaries for w in lowered):
        past += sum(1 for w in lowered if _participle_pattern().fullmatch(w))
    future = sum(w in markers.future for w in lowered)
    if past == future:
        return ""
    return "past" if past > future else "future"


def _is_weak_preterite(before: str, word: str) -> bool:
    """'spielte', 'holte', 'musste'; not 'heute' nor an adjective after its article ('der zweite')."""
    markers = load_vocabulary().tense
    if word in markers.weak_preterite_exceptions or before in markers.determiners:
        return False
    return _preterite_pattern().fullmatch(word) is not None


def _word_before(text: str, position: int) -> str:
    words = _word_pattern().findall(text[max(0, position - 20):position])
    return words[-1].lower() if words else ""


def _sentence_tense(text: str, position: int) -> str:
    """'past', 'future' or '' for the date at `position`.

    "seit" always looks back and "für" ahead; otherwise the clause decides, then "ab", "zum" (look
    ahead), then the sentence.
    """
    markers = load_vocabulary().tense
    preceding = _hint_pattern().search(text, max(0, position - 25), position)
    preposition = preceding.group("p").lower().split()[0] if preceding else ""
    if preposition in markers.past_prepositions:
        return "past"
    if _word_before(text, position) in markers.scheduled_prepositions:
        return "future"  # "Der erste Spieltag ist für Ende Juli angesetzt"
    clause, sentence = _tense_windows(text, position)
    clause_tense = _tense_of(clause)
    if clause_tense:
        return clause_tense
    if preposition in markers.future_prepositions:
        return "future"
    return _tense_of(sentence)


Interval = tuple[dt.date, dt.date]


def _choose(candidates: list[tuple[Interval, Any]], published: dt.date, tense: str) -> Any:
    """The reading nearest to publication that the tense allows (SPEC 6)."""
    def allowed(span: Interval) -> bool:
        if tense == "past":
            return span[0] <= published
        if tense == "future":
            return span[1] >= published
        return True

    def distance(span: Interval) -> tuple[int, int]:
        if span[0] <= published <= span[1]:
            return (0, 0)
        gap = (span[0] - published).days if span[0] > published else (published - span[1]).days
        return (gap, 0 if span[0] > published else 1)

    options = [(distance(span), reading) for span, reading in candidates if allowed(span)]
    return min(options, key=lambda o: o[0])[1] if options else None


def _month_interval(year: int, month: int) -> Interval:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_season_interval(year: int, code: str) -> Interval:
    first, last = load_vocabulary().year_season_months[code]
    last_year = year + 1 if last < first else year
    return dt.date(year, first, 1), _month_interval(last_year, last)[1]


def _football_season(day: dt.date) -> int:
    return day.year if day.month >= 7 else day.year - 1


def _season_value(first_year: int) -> str:
    return f"{first_year}/{first_year + 1}"


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _number(text: str) -> int | None:
    v = load_vocabulary()
    word = text.lower()
    if word.isdigit():
        return int(word)
    if word in v.number_words:
        return v.number_words[word]
    head, joiner, tail = word.rpartition(v.number_word_joiner)
    if joiner and head in v.number_words and tail in v.number_words:
        return v.number_words[head] + v.number_words[tail]
    return None


def _month_number(name: str) -> int:
    v = load_vocabulary()
    key = name.lower().rstrip(".")
    return v.months.get(key) or v.month_abbreviations[key]


def _relative_offset(word: str) -> int:
    v = load_vocabulary()
    lowered = word.lower()
    for table in (v.relative, v.relative_attributive_only):
        for stem, offset in table.items():
            if lowered.startswith(stem) and lowered[len(stem):] in v.adjective_endings:
                return offset
    raise KeyError(word)


@functools.lru_cache(maxsize=512)
def _parse_day(surface: str) -> dt.date | None:
    import dateparser  # type: ignore[import-untyped]  # lazily: ~0.2 s, most texts have no full dates

    settings: dict[str, Any] = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(surface, languages=["de"], settings=settings)
    return parsed.date() if parsed else None


def _explicit_year(c: Candidate) -> int | None:
    year = c.get("y") or c.get("yy")
    return int(year) if year else None


def _relative_year(c: Candidate, ctx: Context) -> int | None:
    """Year of a genitive tail like 'vergangenen Jahres'; None when it cannot be anchored."""
    if not ctx.published:
        return None
    return ctx.published.year + _relative_offset(c.get("trel"))


def _resolve_numeric_day(c: Candidate, ctx: Context) -> Resolved | None:
    day = _parse_day(f"{c.get('d')}.{c.get('m')}.{c.get('y')}")
    return Resolved(day.isoformat(), "day") if day else None


def _day_without_year(day: int, month: int, c: Candidate, ctx: Context) -> Resolved:
    if not ctx.published:
        return Resolved("", "day")
    options = []
    for year in range(ctx.published.year - 1, ctx.published.year + 2):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        options.append(((date, date), date))
    chosen = _choose(options, ctx.published, ctx.tense(c.start))
    return Resolved(chosen.isoformat() if chosen else "", "day")


def _resolve_numeric_day_no_year(c: Candidate, ctx: Context) -> Resolved | None:
    return _day_without_year(int(c.get("d")), int(c.get("m")), c, ctx)


def _anchored_year(c: Candidate, ctx: Context) -> tuple[bool, int | None]:
    """(has an anchor, year): explicit year or a relative genitive tail."""
    year = _explicit_year(c)
    if year:
        return True, year
    if c.get("trel"):
        return True, _relative_year(c, ctx)
    return False, None


def _resolve_named_month(c: Candidate, ctx: Context) -> Resolved | None:
    month = _month_number(c.get("month"))
    if c.get("after") and not c.get("d"):
        return _next_after_anchor(ctx, lambda y: _month_interval(y, month), f"-{month:02d}", "month")
    anchored, year = _anchored_year(c, ctx)
    if c.get("d"):
        if not anchored:
            return _day_without_year(int(c.get("d")), month, c, ctx)
        if year is None:
            return Resolved("", "day")
        day = _parse_day(f"{c.get('d')}. {c.get('month')} {year}")
        return Resolved(day.isoformat(), "day") if day else None
    if anchored:
        return Resolved(f"{year}-{month:02d}" if year else "", "month")
    if not ctx.published:
        return Resolved("", "month")
    options = [(_month_interval(y, month), y) for y in range(ctx.published.year - 2, ctx.published.year + 2)]
    if c.get("rel"):
        chosen = _relative_occurrence(options, ctx.published, _relative_offset(c.get("rel")))
    else:
        chosen = _choose(options, ctx.published, ctx.tense(c.start))
    return Resolved(f"{chosen}-{month:02d}" if chosen else "", "month")


def _year_season_code(word: str) -> str:
    v = load_vocabulary()
    key = word.lower()
    return v.year_seasons.get(key) or v.year_season_pauses[key]


def _resolve_year_season(c: Candidate, ctx: Context) -> Resolved | None:
    code = _year_season_code(c.get("ys"))
    if c.get("after"):
        return _next_after_anchor(ctx, lambda y: _year_season_interval(y, code), f"-{code}", "season")
    if c.get("sy"):
        return Resolved(f"{c.get('sy')}-{code}", "season")
    anchored, year = _anchored_year(c, ctx)
    if anchored:
        return Resolved(f"{year}-{code}" if year else "", "season")
    if not ctx.published:
        return Resolved("", "season")
    published = ctx.published
    options = [(_year_season_interval(y, code), y) for y in range(published.year - 2, published.year + 2)]
    if c.get("rel"):
        chosen = _relative_occurrence(options, published, _relative_offset(c.get("rel")))
        return Resolved(f"{chosen}-{code}" if chosen is not None else "", "season")
    chosen = _choose(options, published, ctx.tense(c.start))
    return Resolved(f"{chosen}-{code}" if chosen is not None else "", "season")


def _relative_occurrence(options: list[tuple[Interval, int]], published: dt.date, offset: int) -> int | None:
    """'vergangenen Sommer' is the last one over, 'kommenden' the next to begin, 'diesen' the current."""
    if offset < 0:
        past = [year for span, year in options if span[1] < published]
        return past[offset] if len(past) >= -offset else None
    if offset > 0:
        future = [year for span, year in options if span[0] > published]
        return future[offset - 1] if len(future) >= offset else None
    current = [year for span, year in options if span[0] <= published <= span[1]]
    return current[0] if current else published.year


def _resolve_season(c: Candidate, ctx: Context) -> Resolved | None:
    first, second = c.get("sy"), c.get("sy2")
    if not second:
        return Resolved(first, "year")
    start = int(first) if len(first) == 4 else _expand_two_digit(int(first))
    return Resolved(_season_value(start), "football_season")


def _expand_two_digit(year: int) -> int:
    return 2000 + year if year < load_vocabulary().two_digit_year_pivot else 1900 + year


def _resolve_year(c: Candidate, ctx: Context) -> Resolved | None:
    year = int(c.get("y"))
    period = c.get("period")
    if period:
        return Resolved(f"{year}-{load_vocabulary().periods[period.lower()]:02d}", "month")
    return Resolved(str(year), "year")


def _resolve_year_phase(c: Candidate, ctx: Context) -> Resolved | None:
    month = load_vocabulary().year_phases[c.get("phase").lower()]
    return Resolved(f"{c.get('y')}-{month:02d}", "month")


def _resolve_decade(c: Candidate, ctx: Context) -> Resolved | None:
    v = load_vocabulary()
    if c.get("dw"):
        return Resolved(f"19{v.decade_words[c.get('dw').lower()]}X", "decade")
    digits = c.get("dd")
    if len(digits) == 4:
        return Resolved(f"{digits[:3]}X", "decade")
    century = "20" if digits in v.two_digit_decades_2000s else "19"
    return Resolved(f"{century}{digits[0]}X", "decade")


def _resolve_ago(c: Candidate, ctx: Context) -> Resolved | None:
    amount = _number(c.get("n"))
    unit = load_vocabulary().ago_units[c.get("unit").lower()]
    if amount is None:
        return None
    if not ctx.published:
        return Resolved("", unit)
    return _shift(ctx.published, unit, -amount)


def _shift(published: dt.date, unit: str, amount: int) -> Resolved:
    if unit == "year":
        return Resolved(str(published.year + amount), "year")
    if unit == "decade":
        return Resolved(f"{str(published.year + 10 * amount)[:3]}X", "decade")
    if unit == "month":
        index = published.year * 12 + published.month - 1 + amount
        return Resolved(f"{index // 12}-{index % 12 + 1:02d}", "month")
    if unit == "week":
        return Resolved(_iso_week(published + dt.timedelta(weeks=amount)), "week")
    if unit == "weekend":
        return Resolved(_iso_week(_relative_weekend(published, amount)) + "-WE", "week")
    if unit == "football_season":
        return Resolved(_season_value(_football_season(published) + amount), "football_season")
    return Resolved((published + dt.timedelta(days=amount)).isoformat(), "day")


def _relative_weekend(published: dt.date, offset: int) -> dt.date:
    """Saturday of the last weekend over, the next to begin, or this week's ('dieses Wochenende')."""
    saturday = published + dt.timedelta(days=5 - published.weekday())
    if offset < 0:
        last = saturday if published.weekday() == 6 else saturday - dt.timedelta(weeks=1)
        return last + dt.timedelta(weeks=offset + 1)
    if offset > 0:
        upcoming = saturday if published.weekday() < 5 else saturday + dt.timedelta(weeks=1)
        return upcoming + dt.timedelta(weeks=offset - 1)
    return saturday


def _resolve_relative(c: Candidate, ctx: Context) -> Resolved | None:
    unit = load_vocabulary().relative_units[c.get("unit").lower()]
    if not ctx.published:
        return Resolved("", "week" if unit == "weekend" else unit)
    shifted = _shift(ctx.published, unit, _relative_offset(c.get("rel")))
    lead = c.get("lead").lower()
    if unit == "year" and lead in load_vocabulary().periods:
        return Resolved(f"{shifted.value}-{load_vocabulary().periods[lead]:02d}", "month")
    return shifted


def _resolve_weekday(c: Candidate, ctx: Context) -> Resolved | None:
    if not ctx.published:
        return Resolved("", "day")
    weekday = _weekday_number(c.get("wd"))
    offsets = [k for k in range(-7, 8) if (ctx.published.weekday() + k) % 7 == weekday]
    days = [ctx.published + dt.timedelta(days=k) for k in offsets]
    if c.get("rel"):
        offset = _relative_offset(c.get("rel"))
        chosen = _weekday_relative(days, ctx.published, offset)
    else:
        chosen = _choose([((d, d), d) for d in days if abs((d - ctx.published).days) < 7],
                         ctx.published, ctx.tense(c.start))
    return Resolved(chosen.isoformat() if chosen else "", "day")


def _weekday_number(word: str) -> int:
    v = load_vocabulary()
    lowered = word.lower()
    return next(n for name, n in v.weekdays.items() if lowered.startswith(name))


def _weekday_relative(days: list[dt.date], published: dt.date, offset: int) -> dt.date | None:
    if offset < 0:
        return max((d for d in days if d < published), default=None)
    if offset > 0:
        return min((d for d in days if d > published), default=None)
    return min(days, key=lambda d: abs((d - published).days))


def _resolve_weekend(c: Candidate, ctx: Context) -> Resolved | None:
    if not ctx.published:
        return Resolved("", "week")
    published = ctx.published
    saturday = published + dt.timedelta(days=5 - published.weekday())
    weekends = [saturday + dt.timedelta(weeks=k) for k in (-1, 0)]
    options = [((sat, sat + dt.timedelta(days=1)), sat) for sat in weekends]
    chosen = _choose(options, published, ctx.tense(c.start))
    return Resolved(_iso_week(chosen) + "-WE" if chosen else "", "week")


# --------------------------------------------------------------------------- anaphora


def _anchor_start_year(mention: DateMention, unit: str) -> int | None:
    """The year (or football season start) of a resolved mention, for arithmetic."""
    value = mention.value
    if not value or "X" in value:
        return None
    if unit != "football_season":
        return int(value[:4])
    if "/" in value:
        return int(value[:4])
    if mention.precision in ("day", "month"):
        return _football_season(dt.date(int(value[:4]), int(value[5:7]), 1))
    if value.endswith("-SP"):
        return int(value[:4]) - 1
    return int(value[:4])


def _anchor(previous: tuple[DateMention, ...]) -> DateMention:
    """The latest date an event happened on: an end date ("bis zum 30. Juni") is a term, not an event."""
    events = [m for m in previous if m.hint != "end"]
    return events[-1] if events else previous[-1]


def _resolve_anaphor(unit: str, amount: int, ctx: Context) -> Resolved | None:
    if not ctx.previous:
        return None
    anchor = _anchor(ctx.previous)
    if unit == "day":
        return _anaphoric_day(anchor, amount)
    if unit == "month":
        return _anaphoric_month(anchor, amount)
    if unit == "week":
        return _anaphoric_week(anchor, amount)
    start = _anchor_start_year(anchor, unit)
    if start is None:
        return Resolved("", unit)
    if unit == "football_season":
        return Resolved(_season_value(start + amount), unit)
    return Resolved(str(start + amount), "year")


def _anchor_date(anchor: DateMention) -> dt.date | None:
    """The first day a resolved mention covers."""
    value = anchor.value
    if re.fullmatch(r"\d{4}(-\d\d){0,2}", value):
        parts = [int(p) for p in value.split("-")]
        return dt.date(parts[0], *(parts[1:] + [1, 1])[:2])
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return _year_season_interval(int(value[:4]), value[5:])[0]
    if re.fullmatch(r"\d{4}/\d{4}", value):
        return dt.date(int(value[:4]), 7, 1)
    return None


def _next_after_anchor(
    ctx: Context, interval: Callable[[int], Interval], suffix: str, precision: str,
) -> Resolved | None:
    """'im Sommer darauf': the first such month or season to begin after the anchor date."""
    if not ctx.previous:
        return None
    start = _anchor_date(_anchor(ctx.previous))
    if start is None:
        return Resolved("", precision)
    year = next(y for y in (start.year, start.year + 1) if interval(y)[0] > start)
    return Resolved(f"{year}{suffix}", precision)


def _anaphoric_month(anchor: DateMention, amount: int) -> Resolved:
    if anchor.precision not in ("day", "month") or not anchor.value:
        return Resolved("", "month")
    index = int(anchor.value[:4]) * 12 + int(anchor.value[5:7]) - 1 + amount
    return Resolved(f"{index // 12}-{index % 12 + 1:02d}", "month")


def _anaphoric_week(anchor: DateMention, amount: int) -> Resolved:
    if anchor.precision != "day" or not anchor.value:
        return Resolved("", "week")
    return Resolved(_iso_week(dt.date.fromisoformat(anchor.value) + dt.timedelta(weeks=amount)), "week")


def _anaphoric_day(anchor: DateMention, amount: int) -> Resolved:
    if anchor.precision != "day" or not anchor.value:
        return Resolved("", "day")
    return Resolved((dt.date.fromisoformat(anchor.value) + dt.timedelta(days=amount)).isoformat(), "day")


def _resolve_anaphoric_noun(c: Candidate, ctx: Context) -> Resolved | None:
    unit, amount = load_vocabulary().anaphoric_nouns[c.get("noun").lower()]
    return _resolve_anaphor(unit, int(amount), ctx)


def _resolve_previous_noun(c: Candidate, ctx: Context) -> Resolved | None:
    """'im Vorjahr' counts back from a date earlier in the paragraph, else from publication."""
    unit, amount = load_vocabulary().previous_nouns[c.get("noun").lower()]
    paragraph = ctx.text.rfind("\n", 0, c.start)
    if ctx.previous and _anchor(ctx.previous).start > paragraph:
        return _resolve_anaphor(unit, int(amount), ctx)
    if not ctx.published:
        return Resolved("", unit)
    return _shift(ctx.published, unit, int(amount))


def _resolve_anaphoric_adjective(c: Candidate, ctx: Context) -> Resolved | None:
    v = load_vocabulary()
    adjective = re.sub(r"\s+", " ", c.get("adj").lower())
    return _resolve_anaphor(v.anaphoric_units[c.get("unit").lower()], v.anaphoric_adjectives[adjective], ctx)


def _resolve_anaphoric_unit(c: Candidate, ctx: Context) -> Resolved | None:
    v = load_vocabulary()
    amount = _number(c.get("n")) if c.get("n") else 1
    direction = v.anaphoric_adverbs[c.get("adv")]
    return _resolve_anaphor(v.anaphoric_units[c.get("unit")], (amount or 0) * direction, ctx)


RESOLVERS: dict[str, Callable[[Candidate, Context], Resolved | None]] = {
    "numeric_day": _resolve_numeric_day,
    "numeric_day_no_year": _resolve_numeric_day_no_year,
    "named_month": _resolve_named_month,
    "year_season": _resolve_year_season,
    "season": _resolve_season,
    "phase_season": _resolve_season,
    "bare_season": _resolve_season,
    "year": _resolve_year,
    "year_phase": _resolve_year_phase,
    "decade": _resolve_decade,
    "decade_word": _resolve_decade,
    "ago": _resolve_ago,
    "relative": _resolve_relative,
    "weekday": _resolve_weekday,
    "weekend": _resolve_weekend,
    "anaphoric_noun": _resolve_anaphoric_noun,
    "previous_noun": _resolve_previous_noun,
    "anaphoric_adjective": _resolve_anaphoric_adjective,
    "anaphoric_unit": _resolve_anaphoric_unit,
}


# --------------------------------------------------------------------------- hints and ranges


def _hint(text: str, start: int) -> str:
    match = _hint_pattern().search(text, max(0, start - 25), start)
    if not match:
        return ""
    phrase = re.sub(r"\s+", " ", match.group("p").lower())
    return "end" if phrase in load_vocabulary().hint_prepositions["end"] else "start"


def _is_range(text: str, first: DateMention, second: DateMention) -> bool:
    between = text[first.end:second.start]
    if _range_pattern().fullmatch(between):
        return True
    pair = load_vocabulary().range_pair
    opener = _previous_word(text, first.start) == pair["opener"]
    return opener and between.strip().lower() == pair["joiner"]


def _pair_up(text: str, mentions: list[DateMention]) -> list[DateMention]:
    result = list(mentions)
    for i in range(len(result) - 1):
        first, second = result[i], result[i + 1]
        if _is_range(text, first, second):
            first = dataclasses.replace(first, hint=first.hint or "start")
            result[i + 1] = dataclasses.replace(second, hint="end")
        if _is_range(text, first, second) or _is_conjunction(text, first, second):
            first = _borrow_year(first, second)
        result[i] = first
    return result


def _is_conjunction(text: str, first: DateMention, second: DateMention) -> bool:
    return text[first.end:second.start].strip().lower() in load_vocabulary().conjunctions


def _borrow_year(first: DateMention, second: DateMention) -> DateMention:
    """'Juni und Juli 2019', 'Dezember bis Februar 2020': a bare month takes its partner's year."""
    v = load_vocabulary()
    bare = first.text.lower() in v.months or first.text.lower() in v.year_seasons
    if not bare or first.precision != second.precision or not re.match(r"\d{4}-", second.value):
        return first
    year = int(second.value[:4])
    if first.precision == "month":
        month = _month_number(first.text)
        if month > int(second.value[5:7]):
            year -= 1
        return dataclasses.replace(first, value=f"{year}-{month:02d}")
    return dataclasses.replace(first, value=f"{year}-{_year_season_code(first.text)}")


# --------------------------------------------------------------------------- entry point


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """All DATE mentions of `text`, sorted, non-overlapping, with SPEC 6 values."""
    mentions: list[DateMention] = []
    for candidate in _select(_candidates(text)):
        context = Context(text, published, tuple(mentions))
        resolved = RESOLVERS[candidate.kind](candidate, context)
        if resolved is None:
            continue
        mentions.append(DateMention(
            start=candidate.start,
            end=candidate.end,
            text=text[candidate.start:candidate.end],
            value=resolved.value,
            hint=_hint(text, candidate.start),
            precision=resolved.precision,
        ))
    return _pair_up(text, mentions)
