"""Every spaCy factory karriere provides, registered in one place (prefix `karriere_`)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from .entities import CandidateRuler, EntityResolver
from .temporal import DateTagger

ORDINAL = re.compile(r"^\d{2,3}\.$")


@Language.component("karriere_paragraphs")
def split_paragraphs(doc: Doc) -> Doc:
    """Headlines and paragraphs never share a sentence: a line break starts a new one."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("karriere_number_stops")
def split_club_number_full_stops(doc: Doc) -> Doc:
    """"beim FC Schalke 04. Dann ..." -> "04" ".": a club's number ending a sentence keeps no full stop.

    Only after a name (not "am 4. März", "die 2. Mannschaft") and before a new sentence.
    """
    with doc.retokenize() as retokenizer:
        for token in doc[1:]:
            if not ORDINAL.match(token.text) or not is_name(token.nbor(-1)):
                continue
            following = token.nbor(1) if token.i + 1 < len(doc) else None
            if following is None or "\n" in following.text or following.text[:1].isupper():
                retokenizer.split(token, [token.text[:-1], "."], heads=[(token, 1), (token, 1)])
    return doc


def is_name(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and token.lower_ not in STOP_WORDS


@Language.factory(
    "karriere_rules",
    default_config={"patterns_file": "patterns.jsonl", "lexicon_file": "lexicon.json"},
)
def make_candidate_ruler(nlp: Language, name: str, patterns_file: str, lexicon_file: str) -> CandidateRuler:
    return CandidateRuler(nlp, name, patterns_file=patterns_file, lexicon_file=lexicon_file)


@Language.factory("karriere_dates")
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    return DateTagger(nlp, name)


@Language.factory(
    "karriere_resolver",
    default_config={"lexicon_file": "lexicon.json", "use_base_entities": False},
)
def make_entity_resolver(nlp: Language, name: str, lexicon_file: str, use_base_entities: bool) -> EntityResolver:
    return EntityResolver(nlp, name, lexicon_file=lexicon_file, use_base_entities=use_base_entities)
