"""Entity stage: gazetteer and grammar candidates, then one resolver that writes doc.ents.

Every rule writes candidate spans into the span group `karriere_candidates`
(`span.id_` names the rule, `span.kb_id_` carries the normalised value). The
resolver filters candidates by context, propagates short forms within the
document (a club's short name, a person's surname), and keeps the longest
non-overlapping spans, label priority breaking ties.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import srsly
from spacy.attrs import LOWER, ORTH
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from . import resources
from .resources import TokenRule

CANDIDATES_KEY = "karriere_candidates"
LABEL_PRIORITY = {"DATE": 0, "CLUB": 1, "PERSON": 2, "LEAGUE": 3, "TITLE": 4, "PLACE": 5}
# Rules whose evidence is weaker than a gazetteer entry of the same length.
WEAK_RULES = {"base_model", "place_after_preposition", "place_ground_context", "place_at_ground",
              "place_at_ground_article", "person_after_role", "person_after_role_known_first",
              "person_first_last", "person_first_first_last", "person_first_particle_last"}
CLUB_TOWN_ALIAS = "club_town_alias"
CHAMPION_BEFORE_LEAGUE = "title_champion_before_league"  # kept only when a league follows
REGIONAL_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+er$")  # "Brandenburger", "Hamburger"
SIGNING_STEMS = ("unterschr", "verpflicht", "heuert", "angeheuert")  # signing at a club, not "zurück in X"
# Word endings that tell a spell at a club: "Stammspielerin", "Co-Trainer", "Vertragsverlängerung"
STINT_ENDINGS = ("spieler", "spielerin", "trainer", "trainerin", "verlängerung")
DOCUMENT_RULES = {"club_short_form", "person_surname"}
BASE_LABELS = {"PER": "PERSON", "PERSON": "PERSON", "LOC": "PLACE", "GPE": "PLACE", "ORG": "CLUB"}
CAPITALISED = re.compile(r"^[A-ZÄÖÜ]")
SAINTS = {"St.", "Sankt"}
CLUB_ABBREVIATION = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,4}$")  # two capitals at least
ADJECTIVE_ENDINGS = ("er", "en", "es", "em", "e")
NOT_ADJECTIVES = {"gegen", "über", "unter", "hinter", "wieder", "aber", "oder", "der", "den", "dem", "des", "die",
                  "eine", "einen", "einem", "einer", "eines", "seine", "seinen", "seinem", "seiner", "ihre",
                  "ihren", "ihrem", "ihrer", "diese", "diesen", "diesem", "dieser", "zwischen", "neben"}
DATELINE_ENDS = {".", "(", "-", "–", "—"}
CLAUSE_BREAKS = {",", ";", ":", "–", "—", "(", ")", "„", "“", '"'}
PLURAL_ARTICLES = {"die", "den", "der"}
LIST_JOINS = {",", "und", "oder", "sowie"}
LIST_MAX = 6  # names in one list: "über Münster, Arnheim und Doetinchem"
DATELINE_MAX = 3
CUP = re.compile(r"(?i)(pokal|cup|shield|trophy|meisterschaft)s?$")
GAZETTEER_KEY = "karriere_gazetteer"
GAZETTEER_PLACE_KINDS = {"place", "region", "ambiguous"}
WORD_ATTRS = {ORTH, LOWER}  # token attributes that are a function of the word alone
WORD_MEMO_LIMIT = 50_000  # words; beyond it the memo starts afresh


def register_extensions(
    first_names: frozenset[str], known_word: Callable[[str], bool], place_suffixes: tuple[str, ...],
    known_places: frozenset[str], noun_heads: tuple[str, ...], person_nouns: frozenset[str],
) -> frozenset[str]:
    """Token attributes the token patterns test (`{"_": {"karriere_first_name": true}}`).

    Returns the names of those that are a function of the word alone (the matcher answers them once
    per word).
    """

    def unknown_word(token: Token) -> bool:
        return bool(CAPITALISED.match(token.text)) and not known_word(token.text)

    def first_name(token: Token) -> bool:
        parts = token.text.split("-")  # "Klaus-Dieter"
        if token.lower_ in STOP_WORDS:
            return False  # "Von der Fußballwelt"
        return all(p in first_names for p in parts) and len(parts) <= 2

    getters: dict[str, Callable[[Token], bool]] = {
        "karriere_first_name": first_name,
        "karriere_unknown_word": unknown_word,
        "karriere_village_like": lambda t: unknown_word(t) and t.text.lower().endswith(place_suffixes),
        "karriere_known_place": lambda t: t.text in known_places,
        # "Dortmund-Brackel": a district of a known town; "Verl-Trainer" is a compound noun
        "karriere_place_compound": lambda t: (t.text.split("-", 1)[0] in known_places
                                              and t.text.rsplit("-", 1)[-1] not in person_nouns),
        "karriere_compound_noun": lambda t: t.lower_.endswith(noun_heads),
    }
    for name, getter in getters.items():
        Token.set_extension(name, getter=getter, force=True)
    Token.set_extension(  # "Eintracht Frankfurt Platz drei", "FC Lok Cheftrainer X": no part of the name
        "karriere_name_part",  # reads the word before, so it is not in `getters`
        getter=lambda t: t.text not in person_nouns and (
            t.text in known_places or not known_word(t.text) or t.text.isupper()
            or (t.i > 0 and t.nbor(-1).text in SAINTS)),
        force=True,
    )
    Span.set_extension("karriere_hint", default="", force=True)
    return frozenset(getters)


@dataclass(frozen=True)
class GazetteerEntry:
    label: str
    value: str
    kind: str


def genitive(name: str) -> str | None:
    return None if name[-1:] in {"s", "ß", "x", "z"} else name + "s"


def weak_adjective_forms(name: str) -> list[str]:
    """"Bergisches Land" -> "Bergische Land", "Bergischen Land": a name opened by a neuter adjective
    takes the weak endings after an article."""
    first, _, rest = name.partition(" ")
    if not rest or not first.endswith("es") or not first[:1].isupper():
        return []
    return [f"{first[:-1]} {rest}", f"{first[:-1]}n {rest}"]


def gazetteer_entries(lexicon: dict[str, Any], known_word: Callable[[str], bool]) -> dict[str, list[GazetteerEntry]]:
    """Surface string -> entries, from the packaged gazetteers and the lexicon's place lists."""
    entries: dict[str, list[GazetteerEntry]] = {}

    def add(surface: str, entry: GazetteerEntry) -> None:
        bucket = entries.setdefault(surface, [])
        if entry not in bucket:
            bucket.append(entry)

    place_names = {row["name"] for row in resources.read_tsv("gazetteer_places.tsv")}
    place_names.update(lexicon["countries"], lexicon["regions"], lexicon["world_cities"], lexicon["grounds"])
    ambiguous = set(lexicon["ambiguous_places"])
    regions = set(lexicon["countries"]) | set(lexicon["regions"])
    for name in sorted(place_names):
        # "Meine" (a town) vs "Meine Frau": names that are also function words need context.
        if name in ambiguous or name.lower() in STOP_WORDS:
            kind = "ambiguous"
        else:
            kind = "region" if name in regions else "place"
        add(name, GazetteerEntry("PLACE", name, kind))
        if (form := genitive(name)) and (kind == "region" or not known_word(form)):  # "Österreichs"
            add(form, GazetteerEntry("PLACE", name, kind))
        for form in weak_adjective_forms(name):  # "ins Bergische Land", "im Bergischen Land"
            add(form, GazetteerEntry("PLACE", name, kind))
        if kind == "region" and name.endswith("lande"):  # "in den Niederlanden"
            add(name + "n", GazetteerEntry("PLACE", name, kind))

    never_alone = set(lexicon["club_words"]) | set(lexicon["countries"]) | set(lexicon["regions"])
    for row in resources.read_tsv("gazetteer_clubs.tsv"):
        alias = row["alias"]
        single = " " not in alias
        if single and (alias in never_alone or known_word(alias) and alias not in place_names):
            continue  # "Union", "Inter": only clubs when the document names them in full
        kind = CLUB_TOWN_ALIAS if single and alias in place_names else "club"
        add(alias, GazetteerEntry("CLUB", row["canonical"], kind))

    for row in resources.read_tsv("gazetteer_leagues.tsv"):
        add(row["alias"], GazetteerEntry("LEAGUE", row["canonical"], "league"))
    for row in resources.read_tsv("leagues_extra.tsv"):
        add(row["alias"], GazetteerEntry(row["label"], row["canonical"], "league"))
    return entries


def phrase_orths(tokenizer: Tokenizer, phrases: list[str]) -> list[tuple[int, ...]]:
    """The ORTH ids of each phrase's tokens.

    The phrases are tokenised as the lines of one text: spaCy's tokenizer splits each whitespace-separated
    chunk on its own, and 25,000 one-phrase Docs cost more than their tokens. A phrase with whitespace
    around it or a line break in it would run into its neighbours, so it is tokenised alone.
    """
    alone = {p for p in phrases if not p or p != p.strip() or "\n" in p}
    orths = {p: tuple(t.orth for t in tokenizer(p)) for p in alone}
    lines = [p for p in phrases if p not in alone]
    newline = tokenizer.vocab.strings.add("\n")
    line: list[int] = []
    tokens_per_line = []
    for token in tokenizer("\n".join(lines)):
        if token.orth == newline:
            tokens_per_line.append(tuple(line))
            line = []
        else:
            line.append(token.orth)
    tokens_per_line.append(tuple(line))
    orths.update(zip(lines, tokens_per_line))
    return [orths[p] for p in phrases]


class CandidateRuler:
    """Gazetteer phrases and token patterns -> candidate spans (SpanRuler-shaped)."""

    def __init__(self, nlp: Language, name: str, *, patterns_file: str, lexicon_file: str) -> None:
        self.nlp = nlp
        self.name = name
        self.lexicon = resources.lexicon(lexicon_file)
        self.known_word = resources.KnownWords()
        self.entries = gazetteer_entries(self.lexicon, self.known_word)
        known_places = frozenset(s for s, es in self.entries.items() if any(e.label == "PLACE" for e in es))
        self.word_extensions = register_extensions(
            resources.first_names(), self.known_word, tuple(self.lexicon["place_suffixes"]), known_places,
            tuple(self.lexicon["common_noun_heads"]),
            frozenset(self.lexicon["person_role_nouns"] + self.lexicon["genitive_club_followers"]),
        )
        # One matcher key for all phrases, the entries found by the phrase's tokens: a key per
        # phrase would make 25,000 lexemes of whole phrases.
        self.phrase_entries: dict[tuple[int, ...], list[GazetteerEntry]] = {}
        for surface, orths in zip(self.entries, phrase_orths(cast(Tokenizer, nlp.tokenizer), list(self.entries))):
            self.phrase_entries.setdefault(orths, []).extend(self.entries[surface])
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # PhraseMatcher.add takes a pattern's ORTH ids as well as a Doc (spaCy's unpickling does so).
        self.phrase_matcher.add(GAZETTEER_KEY, cast(list[Doc], list(self.phrase_entries)))
        self.rules: list[TokenRule] = []
        self.matcher = Matcher(nlp.vocab)
        self.add_rules(resources.token_rules(patterns_file, lexicon_file))

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({r.label for r in self.rules} | {e.label for es in self.entries.values() for e in es}))

    def add_rules(self, rules: Iterable[TokenRule]) -> None:
        for rule in rules:
            self.rules.append(rule)
            self.matcher.add(rule.id, [lazy_extensions(rule.pattern)])
        memoise_word_predicates(self.matcher, self.word_extensions)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:
        spans = list(self.phrase_spans(doc))
        rules_by_id = {r.id: r for r in self.rules}
        for match_id, start, end in self.matcher(doc):
            rule = rules_by_id[self.nlp.vocab.strings[match_id]]
            span = self.rule_span(doc, rule, start, end)
            if span is not None:
                spans.append(span)
        return spans

    def phrase_spans(self, doc: Doc) -> Iterable[Span]:
        for _, start, end in self.phrase_matcher(doc):
            for entry in self.phrase_entries[tuple(t.orth for t in doc[start:end])]:
                yield Span(doc, start, end, label=entry.label, kb_id=entry.value, span_id=entry.kind)

    def rule_span(self, doc: Doc, rule: TokenRule, start: int, end: int) -> Span | None:
        if rule.keep_last:
            start = end - rule.keep_last
        start += rule.trim_start
        end -= rule.trim_end
        if start >= end:
            return None
        if rule.requires_sentence:
            sentence = {t.lower_ for t in doc[start].sent}
            if not sentence.intersection(w.lower() for w in rule.requires_sentence):
                return None
        return Span(doc, start, end, label=rule.label, span_id=rule.id)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        group = doc.spans.get(CANDIDATES_KEY)
        existing = list(group) if group is not None else []
        doc.spans[CANDIDATES_KEY] = existing + spans

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", [r.to_dict() for r in self.rules])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "CandidateRuler":
        lines = srsly.read_jsonl(Path(path) / "patterns.jsonl")
        self.rules, self.matcher = [], Matcher(self.nlp.vocab)
        self.add_rules(TokenRule.from_dict(line, self.lexicon) for line in lines)
        return self


def lazy_extensions(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`{"_": {"karriere_first_name": true}}` as the predicate `{"==": 1}`, the same test.

    spaCy computes a plain-valued extension attribute for every token before matching; a predicate
    only where a pattern reaches the token.
    """
    def predicate(value: Any) -> Any:
        return {"==": int(value)} if isinstance(value, bool) else value

    return [{**spec, "_": {name: predicate(v) for name, v in spec["_"].items()}} if "_" in spec else spec
            for spec in pattern]


class WordAnswers:
    """Answers of one matcher's word-level predicates, kept across documents: a row per word, a cell
    per predicate (0 not asked yet, 1 true, 2 false)."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows: dict[int, bytearray] = {}
        self.token: Token | None = None
        self.row = bytearray(width)

    def use(self, token: Token) -> None:
        """The row of `token`'s word; the matcher asks all predicates about one token in a row."""
        row = self.rows.get(token.orth)
        if row is None:
            if len(self.rows) >= WORD_MEMO_LIMIT:
                self.rows.clear()
            row = self.rows[token.orth] = bytearray(self.width)
        self.token, self.row = token, row


def word_predicate(inner: Any, answers: WordAnswers) -> Callable[[Token], bool]:
    """A matcher predicate on the word alone, asked once per word instead of once per token.

    A closure, not an object with __call__: the matcher calls it some 50 times per token, and a
    plain function call costs half as much.
    """
    i = inner.i

    def predicate(token: Token) -> bool:
        if token is not answers.token:
            answers.use(token)
        row = answers.row
        if not row[i]:
            row[i] = 1 if inner(token) else 2
        return row[i] == 1

    vars(predicate).update(i=i, key=inner.key, inner=inner)  # Matcher.add reads i and key
    return predicate


def memoise_word_predicates(matcher: Matcher, word_extensions: frozenset[str]) -> None:
    """spaCy remembers a predicate's answer per token of one document; the ~50 predicates that open
    a pattern are asked at every token, mostly about the same few thousand words."""
    predicates = getattr(matcher, "_extra_predicates", None)
    if predicates is None:
        return  # another spaCy version: unmemoised, same matches
    inner = [getattr(p, "inner", p) for p in predicates]
    answers = WordAnswers(len(inner))
    predicates[:] = [word_predicate(p, answers) if on_word_alone(p, word_extensions) else p for p in inner]


def on_word_alone(predicate: Any, word_extensions: frozenset[str]) -> bool:
    if predicate.is_extension:
        return predicate.attr in word_extensions
    return predicate.attr in WORD_ATTRS


def club_nominative(span: Span, lexicon: dict[str, Any]) -> str:
    """"Bergischen HC" -> "Bergischer HC", "Sportfreunden Siegen" -> "Sportfreunde Siegen"."""
    words = [t.text_with_ws for t in span]
    first = span[0].text
    inflections = lexicon["club_name_inflections"]
    suffixes = set(lexicon["club_suffixes"]) | set(lexicon["team_suffixes"])
    if first in inflections:
        words[0] = inflections[first] + span[0].whitespace_
    elif first.endswith("en") and len(span) > 1 and span[-1].text in suffixes:
        words[0] = first[:-1] + "r" + span[0].whitespace_
    elif first.endswith("ische") and len(span) > 1 and span[-1].text in suffixes:
        words[0] = first + "r" + span[0].whitespace_  # "der Bergische HC"
    return "".join(words).strip()


def span_priority(span: Span) -> tuple[int, int, int, int, int, int]:
    """Sort key: a dateline first, then longer, stronger evidence, what the document itself says
    (a short form of a club it names in full beats a gazetteer alias), label priority, position."""
    weak = 1 if span.id_ in WEAK_RULES else 0
    dateline = 0 if span.id_ == "dateline" else 1
    from_document = 0 if span.id_ in DOCUMENT_RULES else 1
    return (dateline, -(span.end_char - span.start_char), weak, from_document,
            LABEL_PRIORITY.get(span.label_, 9), span.start)


def merge_neighbours(spans: list[Span], join: Callable[[Span, Span], Span | None]) -> list[Span]:
    """Spans in order, each pair of neighbours that `join` makes one span replaced by that span."""
    merged: list[Span] = []
    for span in spans:
        joined = join(merged[-1], span) if merged else None
        if joined is not None:
            merged[-1] = joined
        else:
            merged.append(span)
    return merged


def select_longest(spans: Iterable[Span]) -> list[Span]:
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=span_priority):
        if not taken.intersection(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


class DocWords:
    """One Doc's token texts and the word sets of its sentences, each computed once: the resolver
    reads the words of a sentence for every town, short form and cup in it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.texts = [t.text for t in doc]
        self.sentences: dict[tuple[int, int], frozenset[str]] = {}
        self.sentences_lower: dict[tuple[int, int], frozenset[str]] = {}

    def sentence(self, span: Span) -> frozenset[str]:
        """The words of the sentence `span` starts in."""
        sent = span.sent
        key = (sent.start, sent.end)
        if key not in self.sentences:
            self.sentences[key] = frozenset(self.texts[sent.start:sent.end])
        return self.sentences[key]

    def sentence_lower(self, span: Span) -> frozenset[str]:
        sent = span.sent
        key = (sent.start, sent.end)
        if key not in self.sentences_lower:
            self.sentences_lower[key] = frozenset(w.lower() for w in self.sentence(span))
        return self.sentences_lower[key]

    def clause_lower(self, span: Span) -> frozenset[str]:
        """The lower-cased words of the clause `span` is in: up to the nearest punctuation on each side
        within its sentence (German sets its subordinate clauses off by commas)."""
        sent = span.sent
        start, end = span.start, span.end
        while start > sent.start and self.texts[start - 1] not in CLAUSE_BREAKS:
            start -= 1
        while end < sent.end and self.texts[end] not in CLAUSE_BREAKS:
            end += 1
        return frozenset(w.lower() for w in self.texts[start:end])


class EntityResolver:
    """Context filters, in-document propagation and the final choice of doc.ents."""

    def __init__(self, nlp: Language, name: str, *, lexicon_file: str, use_base_entities: bool) -> None:
        self.name = name
        self.lex = resources.lexicon(lexicon_file)
        self.use_base_entities = use_base_entities
        self.determiners = set(self.lex["determiners"])
        self.articles = set(self.lex["articles"])
        self.place_prepositions = set(self.lex["place_prepositions"])
        self.club_context_before = set(self.lex["club_context_before"])
        self.prefixes = set(self.lex["club_prefixes"])
        self.club_suffixes = set(self.lex["club_suffixes"]) | set(self.lex["team_suffixes"])
        self.standalone = set(self.lex["standalone_club_words"])
        self.function_words = set(self.lex["function_words"])
        self.known_word = resources.KnownWords()
        self.ambiguous_places = set(self.lex["ambiguous_places"])
        self.contractions = {"zum", "zur", "beim", "am", "im", "vom", "ins", "ans"}
        self.club_words = set(self.lex["club_words"])
        self.team_nouns = set(self.lex["team_nouns"])
        self.quantifiers = set(self.lex["quantifiers"])
        self.leave_verbs = set(self.lex["leave_verbs"])
        self.leave_verbs_lower = {w.lower() for w in self.leave_verbs}
        self.genitive_followers = set(self.lex["genitive_club_followers"])
        self.place_context = {w.lower() for w in self.lex["place_context_words"]}
        self.place_kinds = set(self.lex["place_kind_nouns"])
        self.match_nouns = set(self.lex["match_result_nouns"])
        self.transfer_words = set(self.lex["transfer_words"])
        self.sponsors = set(self.lex["league_sponsors"])
        self.win_verbs = set(self.lex["title_win_verbs"])
        self.stint_words = set(self.lex["stint_words"])
        self.doc_words: DocWords | None = None

    def __call__(self, doc: Doc) -> Doc:
        self.doc_words = DocWords(doc)
        candidates = list(doc.spans.get(CANDIDATES_KEY, []))
        if self.use_base_entities:
            candidates += self.base_entities(doc)
        accepted = [span for span in candidates if self.accept(span)]
        accepted += self.dateline_places(doc, candidates)
        first_pass = [self.extend_club_abbreviation(s) for s in select_longest(accepted)]  # "ETB" is a short form
        accepted += self.club_short_forms(doc, first_pass)
        accepted += self.person_mentions(doc, first_pass)
        chosen = [self.with_value(self.extend_team_suffix(self.extend_club_abbreviation(s)))
                  for s in select_longest(accepted)]
        chosen = [self.town_for_club(s, chosen) for s in chosen]
        chosen = merge_neighbours([self.won_cup(self.extend_sponsor(s)) for s in chosen], self.title_of_league)
        # "Meister der Challenge League" is one TITLE; "Meister der Herzen" is none
        chosen = [s for s in chosen if s.id_ != CHAMPION_BEFORE_LEAGUE]
        chosen = merge_neighbours(chosen, self.club_and_town)
        doc.ents = filter_spans(chosen)
        return doc

    def words(self, doc: Doc) -> DocWords:
        if self.doc_words is None or self.doc_words.doc is not doc:
            self.doc_words = DocWords(doc)
        return self.doc_words

    def base_entities(self, doc: Doc) -> list[Span]:
        spans = []
        for ent in doc.ents:
            label = BASE_LABELS.get(ent.label_)
            if label == "CLUB" and not any(t.text in self.prefixes | self.club_suffixes for t in ent):
                continue  # an ORG is a club only with a club word in it
            if label:
                spans.append(Span(doc, ent.start, ent.end, label=label, span_id="base_model"))
        return spans

    # -- context filters -------------------------------------------------
    def accept(self, span: Span) -> bool:
        if span.label_ == "PLACE":
            return self.accept_place(span)
        if span.label_ == "CLUB" and span.id_ == CLUB_TOWN_ALIAS:
            return self.has_club_context(span) and not self.used_as_word(span[0])
        if span.label_ == "CLUB" and any(t.is_upper and t.text.title() in self.function_words for t in span):
            return False  # an all-caps headline: "BERGISCHER HC VERSTÄRKT DEN RÜCKRAUM"
        if span.label_ == "PERSON":
            return not self.is_club_word_span(span)
        return True

    def previous_word(self, span: Span) -> str:
        return span.doc[span.start - 1].text if span.start > 0 else ""

    def accept_place(self, span: Span) -> bool:
        before = self.previous_word(span)
        if span.id_ == "ambiguous":  # "in Wetter", "in Wengern, Wetter und Schwelm"
            return self.previous_word(self.list_head(span)).lower() in self.place_prepositions
        if span.id_ == "region" and span.text.endswith("en") and before.lower() in PLURAL_ARTICLES \
                and span.text == span.kb_id_:
            return False  # "die Ostwestfalen", "den Schweden": the people; "den Niederlanden" is the land
        if span.id_ == "place_after_preposition":
            village = span.doc[span.start]._.karriere_village_like
            context = self.words(span.doc).sentence_lower(span) & self.place_context
            return village or bool(context)
        # "das Wetter", "die Meine": a town name after a bare article is a word, not the town.
        return span.id_ != "place" or before.lower() not in self.articles or len(span) > 1

    def has_club_context(self, span: Span) -> bool:
        """A gazetteer's town alias of a club ("Meppen") is the club only where the context says so."""
        context = self.town_context(span)
        return context is True or (context is None and self.previous_word(span) in self.club_context_before)

    def is_club_word_span(self, span: Span) -> bool:
        return span[0].text in self.prefixes or span[-1].text in self.club_suffixes

    def dateline_places(self, doc: Doc, candidates: list[Span]) -> list[Span]:
        """Datelines: "Wetter/Koblenz." opening the article, or "Köln (dpa) -" / "Graz." opening a
        paragraph. Every name in them is a PLACE; inside the text only names the gazetteer knows, but
        the paragraph under the headline may name a village no list has ("Herbede."). A name the
        gazetteer knows may have several words ("Linz/Ried im Innkreis.")."""
        place_ends: dict[int, int] = {}
        for span in candidates:
            if span.label_ == "PLACE" and span.id_ in GAZETTEER_PLACE_KINDS:
                place_ends[span.start] = max(span.end, place_ends.get(span.start, 0))
        spans: list[Span] = []
        starts = [0, *(t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text)]
        for paragraph, start in enumerate(starts):
            spans += self.dateline_at(doc, start, place_ends, paragraph)
        return spans

    def dateline_at(self, doc: Doc, i: int, place_ends: dict[int, int], paragraph: int) -> list[Span]:
        spans: list[Span] = []
        while i < len(doc) and CAPITALISED.match(doc[i].text) and doc[i].is_alpha and len(spans) < DATELINE_MAX:
            end = place_ends.get(i, i + 1)
            known = i in place_ends
            unknown = (paragraph == 1 and doc[i]._.karriere_unknown_word  # "Herbede." under the headline
                       and doc[i].lower_ not in STOP_WORDS)
            if not (known or paragraph == 0 or unknown):
                return []
            spans.append(Span(doc, i, end, label="PLACE", kb_id=doc[i:end].text, span_id="dateline"))
            if end < len(doc) and doc[end].text == "/":
                i = end + 1
                continue
            follows = doc[end].text if end < len(doc) else ""
            return spans if follows == "." or (follows in DATELINE_ENDS and (known or paragraph == 0)) else []
        return []

    # -- in-document propagation ------------------------------------------
    def club_short_forms(self, doc: Doc, chosen: list[Span]) -> list[Span]:
        """Short forms, acronyms and bare prefixes of the clubs the document names in full."""
        forms: dict[str, str] = {}
        # "mit dem FC": a bare prefix stands for the club with that word named last before it
        prefixes: dict[str, list[tuple[int, str]]] = {}
        for span in (s for s in chosen if s.label_ == "CLUB" and len(s) > 1):
            name = self.with_value(span).kb_id_
            for form in self.short_forms(span):
                forms.setdefault(form, name)
            for word in {t.text for t in span} & self.prefixes:
                prefixes.setdefault(word, []).append((span.start, name))
        spans = []
        for i, text in enumerate(self.words(doc).texts):
            base = text[:-1] if text.endswith("s") and text[:-1] in forms else text
            if base in forms and self.town_context(doc[i:i + 1]) is not False and not self.used_as_word(doc[i]):
                start = i - 1 if i > 0 and f"{doc[i - 1].text} {text}" in self.team_nouns else i  # "die Red Bulls"
                spans.append(Span(doc, start, i + 1, label="CLUB", kb_id=forms[base], span_id="club_short_form"))
            elif text in prefixes and i > 0 and doc[i - 1].lower_ in self.determiners:
                name = self.club_of_prefix(prefixes[text], i)
                if name:
                    spans.append(Span(doc, i, i + 1, label="CLUB", kb_id=name, span_id="club_short_form"))
        return spans

    @staticmethod
    def club_of_prefix(named: list[tuple[int, str]], i: int) -> str:
        """The club named last before position `i`, else the only one named after it."""
        before = [name for start, name in named if start < i]
        if before:
            return before[-1]
        names = {name for _, name in named}
        return names.pop() if len(names) == 1 else ""

    def used_as_word(self, token: Token) -> bool:
        """"zum Essen", "Das Wetter", "in großer Eintracht", "viel Energie": a short form that is also
        a German word is that word after an article, a contraction, a quantifier or an adjective;
        a club word that is no common word ("die Westfalia") or stands alone ("die Eintracht") may
        follow a bare article."""
        wordlike = self.known_word(token.text) or token.text in self.ambiguous_places | self.club_words
        if not wordlike:
            return False
        before = token.doc[token.i - 1] if token.i > 0 else None
        if before is None or not before.is_alpha:
            return False
        if before.lower_ in self.articles:
            return token.text not in self.standalone | self.team_nouns \
                and (token.text not in self.club_words or self.known_word(token.text))
        preterite = before.lower_.endswith(("te", "ten")) and before.lemma_.endswith("en") \
            and before.lemma_ != before.text  # "führte Inter zum Aufstieg"
        adjective = before.lower_.endswith(ADJECTIVE_ENDINGS) and before.lower_ not in NOT_ADJECTIVES \
            and not preterite
        return before.lower_ in self.contractions or before.lower_ in self.quantifiers or adjective  # "viel Energie"

    def town_context(self, span: Span) -> bool | None:
        """Does a town name stand for its club here? True, False, or None when nothing tells.

        "von Meppen nach Lotte gewechselt", "Die Zeit in Hamm", "Lottes Trainer": the club;
        "aufgewachsen in Wengern", "die Plätze in Wetter": the place.
        """
        doc = span.doc
        after = doc[span.end].text if span.end < len(doc) else ""
        if span.text.endswith("s") and after in self.genitive_followers:
            return True  # "Hamms Sportlicher Leiter"
        head = self.list_head(span)  # "die Plätze in Wengern, Wetter und Schwelm": the list's first name tells
        before = doc[head.start - 1].text if head.start > 0 else ""
        before_lower = before.lower()
        words = self.words(doc).sentence(head)
        clause = self.words(doc).clause_lower(head)
        if before in self.place_kinds:
            return False  # "im Stadtteil Sodingen", "die Region Twente"
        if clause & self.place_context and before_lower in self.place_prepositions:
            return False  # "aufgewachsen in Wengern"
        if before_lower in self.leave_verbs_lower or before_lower == "mit":
            return True  # "verlässt Cottbus", "mit Amstetten aufgestiegen"
        if before_lower in {"nach", "von", "vom", "über", "ihn", "sie"} and words & self.transfer_words:
            return True  # "nach Lotte gewechselt", "holte ihn Bocholt zurück"
        if before_lower == "in" and head.start > 1 and doc[head.start - 2].text in self.match_nouns:
            return False  # "die Niederlage in Bern": where a match was played
        if before_lower == "in" and self.tells_spell(words, clause):
            return True
        if before_lower in self.place_prepositions:
            return False
        return None

    def tells_spell(self, sentence: frozenset[str], clause: frozenset[str]) -> bool:
        """"die in Freiburg zuletzt Stammspielerin war", "Vertragsverlängerung in Dresden", "unterschrieb
        er in Aarau": the sentence tells a spell at a club, or the clause a signing."""
        return bool(sentence & self.stint_words) or any(w.endswith(STINT_ENDINGS) for w in sentence) \
            or any(w.startswith(SIGNING_STEMS) for w in clause)

    def list_head(self, span: Span) -> Span:
        """The first name of the list `span` closes or continues ("Wetter" in "in Wengern, Wetter und
        Schwelm" -> "Wengern"); `span` itself when it is no later member of a list."""
        doc, start = span.doc, span.start
        first = span.sent.start
        for _ in range(LIST_MAX):
            if start - 2 < first or doc[start - 1].lower_ not in LIST_JOINS:
                break
            name = doc[start - 2].text
            if not CAPITALISED.match(name) or name in self.function_words or not doc[start - 2].is_alpha:
                break
            start -= 2
        return span if start == span.start else doc[start:start + 1]

    def town_for_club(self, span: Span, chosen: list[Span]) -> Span:
        """A town that stands for a club becomes that club (the document's club of that town)."""
        if span.label_ != "PLACE" or span.id_ not in {"place", "ambiguous", "place_after_preposition"}:
            return span
        if self.town_context(span) is not True:
            return span
        town = span.kb_id_ or span.text
        club = next((c.kb_id_ for c in chosen if c.label_ == "CLUB" and len(c) > 1
                     and any(t.text in {town, town + "er"} for t in c)), town)
        return Span(span.doc, span.start, span.end, label="CLUB", kb_id=club, span_id="club_town")

    def short_forms(self, span: Span) -> list[str]:
        words = [t.text for t in span if not t.like_num and t.text not in self.prefixes | self.club_suffixes]
        words = [w for w in words if not re.fullmatch(r"\d+\.", w)]
        forms = [acronym] if (acronym := self.acronym(span)) else []
        # "die Haie", "mit den Haien" for the Kölner Haie: the team noun of the name, also in the dative
        forms += [f for t in span if t.text in self.team_nouns for f in (t.text, t.text + "n") if f in self.team_nouns]
        if span[0].text.isupper() and len(span[0]) >= 3 and span[0].text not in self.prefixes:
            forms.append(span[0].text)  # "ETB" for "ETB Schwarz-Weiß Essen"
        if not words:
            return forms
        if words[0] in self.standalone:
            return [words[0], *forms]
        if len(words) == 2 and words[0] in self.club_words:
            return [words[1], words[0], *forms]  # "Lotte" and "Sportfreunde" for Sportfreunde Lotte, "Sturm" for Sturm Graz
        if len(words) == 1:
            return [words[0], *[p for p in words[0].split("-")[1:] if CAPITALISED.match(p)], *forms]
        return forms

    def acronym(self, span: Span) -> str:
        """"Rot-Weiss Essen" -> "RWE", "Hallescher FC" -> "HFC", "BSC Young Boys" -> "YB"."""
        parts = [p for t in span if not t.like_num for p in t.text.split("-") if p[:1].isupper()]
        letters = "".join(p if p.isupper() else p[0] for p in parts)
        if span[0].text in self.prefixes and len(parts) > 2:
            letters = "".join(p[0] for p in parts[1:])
        return letters if 2 <= len(letters) <= 4 else ""

    def person_mentions(self, doc: Doc, chosen: list[Span]) -> list[Span]:
        """Surnames (and genitives) of the people named in full; a first name that only one of them has."""
        full = [s for s in chosen if s.label_ == "PERSON" and len(s) > 1]
        surnames = {s[-1].text for s in full}
        named = {s.text: s for s in full}.values()  # each person once, however often named in full
        first_names = Counter(s[0].text for s in named if s[0]._.karriere_first_name)
        unique_first = {name for name, n in first_names.items() if n == 1} - surnames
        spans = []
        for i, text in enumerate(self.words(doc).texts):
            base = text[:-1] if text.endswith("s") and text[:-1] in surnames else text
            if base in surnames and not self.is_place_after_preposition(doc[i]):
                spans.append(Span(doc, i, i + 1, label="PERSON", kb_id=base, span_id="person_surname"))
            elif text in unique_first and not self.followed_by_name(doc[i]):
                spans.append(Span(doc, i, i + 1, label="PERSON", kb_id=text, span_id="person_first_name"))
        return spans

    def is_place_after_preposition(self, token: Token) -> bool:
        """"Aufgewachsen in Hamm" in an article that also quotes a Peter Hamm."""
        return token._.karriere_known_place and token.i > 0 and token.nbor(-1).lower_ in self.place_prepositions

    @staticmethod
    def followed_by_name(token: Token) -> bool:
        return token.i + 1 < len(token.doc) and bool(CAPITALISED.match(token.nbor(1).text))

    # -- final shape ------------------------------------------------------
    def extend_team_suffix(self, span: Span) -> Span:
        doc, end = span.doc, span.end
        if span.label_ != "CLUB" or end >= len(doc):
            return span
        if doc[end].text in {"II", "III"} or re.fullmatch(r"U\d{2}", doc[end].text):
            end += 1
        elif doc[end].text == "U" and end + 1 < len(doc) and re.fullmatch(r"\d{2}", doc[end + 1].text):
            end += 2
        return span if end == span.end else Span(doc, span.start, end, label=span.label, kb_id=span.kb_id, span_id=span.id)

    def extend_club_abbreviation(self, span: Span) -> Span:
        """"ETB Schwarz-Weiß Essen", "SSVg Velbert": an abbreviation in no list still opens the name."""
        if span.label_ != "CLUB" or span.start == 0:
            return span
        before = span.doc[span.start - 1]
        if not CLUB_ABBREVIATION.match(before.text) or before.text in self.function_words or before.ent_type_:
            return span
        return Span(span.doc, span.start - 1, span.end, label=span.label, kb_id=span.kb_id, span_id=span.id)

    def extend_sponsor(self, span: Span) -> Span:
        """"in der Admiral 2. Liga", "LIQUI MOLY HBL": a sponsor's name belongs to the league."""
        if span.label_ != "LEAGUE":
            return span
        doc, start = span.doc, span.start
        for size in (2, 1):
            words = doc[max(0, start - size):start].text
            if start - size >= 0 and words in self.sponsors:
                return Span(doc, start - size, span.end, label=span.label, kb_id=span.kb_id, span_id=span.id)
        return span

    def won_cup(self, span: Span) -> Span:
        """"gewann den Westfalenpokal", "führte sie zur A-Junioren-Meisterschaft": a cup or
        championship won is an honour; one played for ("spielen um die ...") a competition."""
        if span.label_ != "LEAGUE" or not CUP.search(span.text) or span.start == 0:
            return span
        doc, start = span.doc, span.start
        if start >= 2 and REGIONAL_ADJECTIVE.match(doc[start - 1].text) and not doc[start - 1].ent_type_:
            start -= 1  # "den Brandenburger Landespokal gewonnen"
        before = doc[start - 1].lower_ if start > 0 else ""
        won = self.words(doc).sentence(span) & self.win_verbs
        if (before in {"den", "der", "die"} and won) or before == "zur":
            return Span(doc, start, span.end, label="TITLE", span_id="title_cup_won")
        return span

    @staticmethod
    def club_and_town(previous: Span, span: Span) -> Span | None:
        """"Galatasaray Istanbul", "Telekom Baskets Bonn": a town right after a club name is part of it."""
        if (previous.label_ == "CLUB" and span.label_ == "PLACE" and span.start == previous.end
                and len(span) == 1 and span.id_ == "place"
                and not any(t._.karriere_known_place for t in previous)):
            return Span(span.doc, previous.start, span.end, label="CLUB", kb_id=previous.kb_id, span_id=previous.id)
        return None

    @staticmethod
    def title_of_league(previous: Span, span: Span) -> Span | None:
        """"Meister der Regionalliga Nord", "Trainer des Jahres der BBL": one TITLE (SPEC 5a)."""
        if (previous.label_ == "TITLE" and span.label_ == "LEAGUE" and span.start == previous.end + 1
                and span.doc[previous.end].lower_ in {"der", "des"}):
            return Span(span.doc, previous.start, span.end, label="TITLE", span_id="title_of_league")
        return None

    def with_value(self, span: Span) -> Span:
        if span.kb_id_ or span.label_ not in {"CLUB", "PLACE"}:
            return span
        value = club_nominative(span, self.lex) if span.label_ == "CLUB" else span.text
        return Span(span.doc, span.start, span.end, label=span.label, kb_id=value, span_id=span.id)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        srsly.write_json(Path(path) / "cfg.json", {"use_base_entities": self.use_base_entities})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "EntityResolver":
        cfg = json.loads((Path(path) / "cfg.json").read_text(encoding="utf-8"))
        self.use_base_entities = bool(cfg["use_base_entities"])
        return self
