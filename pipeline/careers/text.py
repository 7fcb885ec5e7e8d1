"""What the career rules read a sentence as, and the measures they share: clauses, distances, cues."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import resources

CLAUSE_BREAKS = {",", ";", ":", "–", "(", ")", "bevor", "nachdem", "ehe", "und", "als"}
OPENING_QUOTES = {"„", "»", "‚"}
SENTENCE_END = {".", "!", "?", "“", "\"", "…", "»", "«"}
HEADLINE_MAX_TOKENS = 12
APPOSITION_FILLERS = {"der", "die", "des", "dem", "den", "neue", "neuen", "frühere", "früheren", "damalige",
                      "damaligen", "ehemalige", "ehemaligen", "heutige", "heutigen", "sein", "seine", "seinem",
                      "seinen", "ihr", "ihre", "ihrem", "ihren", "unter", "mit", "von"}


def cues() -> dict[str, Any]:
    """careers_de.json, loaded once."""
    return resources.career_cues()


def cue_words(key: str) -> frozenset[str]:
    """One word list of careers_de.json as a set."""
    return resources.career_cue_words(key)


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


def read_sentences(doc: Doc) -> list[Sentence]:
    """The document's sentences with their entities sorted by label."""
    ents_by_sent: dict[int, list[Span]] = {}
    for ent in doc.ents:
        ents_by_sent.setdefault(ent.sent.start, []).append(ent)
    result = []
    for sent in doc.sents:
        ents = ents_by_sent.get(sent.start, [])
        result.append(Sentence(
            span=sent,
            words=words_of(sent),
            persons=[e for e in ents if e.label_ == "PERSON"],
            clubs=[e for e in ents if e.label_ == "CLUB"],
            dates=[e for e in ents if e.label_ == "DATE" and e.kb_id_],
            leagues=[e for e in ents if e.label_ == "LEAGUE"],
            titles=[e for e in ents if e.label_ == "TITLE"],
        ))
    return result


def words_of(span: Span, skip_dates: bool = False) -> set[str]:
    """The span's words as written, and a sentence's first word also in lower case: "Verlassen hat
    Leverkusen zum 1. Juli Torhüterin X" has the verb "verlassen"."""
    tokens = [t for t in span if not (skip_dates and t.ent_type_ == "DATE")]
    words = {t.text for t in tokens}
    if tokens and tokens[0].is_sent_start:
        words.add(tokens[0].lower_)
    return words


def clause_of(anchor: Span, s: Sentence) -> Span:
    """The stretch of the sentence between clause breaks around the mention."""
    doc = anchor.doc
    start = anchor.start
    while start > s.span.start and not breaks_clause(doc[start - 1]):
        start -= 1
    end = anchor.end
    while end < s.span.end and not breaks_clause(doc[end]):
        end += 1
    return doc[start:end]


def breaks_clause(token: Token) -> bool:
    """A clause break; not the "und" of "zwischen 2006 und 2011"."""
    if token.text not in CLAUSE_BREAKS:
        return False
    doc = token.doc
    between_dates = token.lower_ == "und" and 0 < token.i < len(doc) - 1 \
        and doc[token.i - 1].ent_type_ == "DATE" and doc[token.i + 1].ent_type_ == "DATE"
    return not between_dates


def distance(i: int, club: Span) -> int:
    return club.start - i if i < club.start else max(0, i - club.end + 1)


def word_before(span: Span, s: Sentence) -> Token | None:
    """The word that governs a name: the nearest one before it within two words, past articles and
    the like ("für den SC Verl", "an den Hünting")."""
    lead = [t for t in span.doc[max(s.span.start, span.start - 2):span.start] if t.lower_ not in APPOSITION_FILLERS]
    return lead[-1] if lead else None


def preposition_before(anchor: Span, s: Sentence) -> set[str]:
    return {t.lower_ for t in anchor.doc[max(s.span.start, anchor.start - 3):anchor.start]}


def is_headline(s: Sentence) -> bool:
    words = [t for t in s.span if not t.is_space]
    while words and words[-1].text in OPENING_QUOTES:
        words.pop()  # "... vom SV Lippstadt 08. „": the quote opens the next sentence
    return bool(words) and words[-1].text not in SENTENCE_END and len(words) <= HEADLINE_MAX_TOKENS
