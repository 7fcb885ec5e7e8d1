"""Every spaCy factory karriere provides, registered in one place (prefix `karriere_`)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from .entities import CandidateRuler, EntityResolver
from .temporal import DateTagger

NUMBER_STOP = re.compile(r"^\d{2,3}\.$")
ACRONYM_STOP = re.compile(r"^[A-Z][A-Za-z]*[A-Z]\.$")  # "ProB.", "HSV."; initials ("H.") stay
YEAR = re.compile(r"^(19|20)\d{2}$")
GROUP_STOP = re.compile(r"^[A-D]\.$")


@Language.component("karriere_paragraphs")
def split_paragraphs(doc: Doc) -> Doc:
    """Headlines and paragraphs never share a sentence: a line break starts a new one."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


OPENING_QUOTES = {"„", "\"", "»", "‚"}


@Language.component("karriere_number_stops")
def split_sentence_final_stops(doc: Doc) -> Doc:
    """Give back the full stop that ends a sentence after a club's number ("Schalke 04."), an
    acronym ("in der ProB.") or a league's group letter ("Kreisliga A."); spaCy keeps those
    stops on the token, as it rightly does for "30. Juni" or "H. Müller"."""
    with doc.retokenize() as retokenizer:
        for token in doc[1:]:
            if token.text.endswith(".") and ends_sentence(token) and keeps_sentence_stop(token):  # cheap test first
                retokenizer.split(token, [token.text[:-1], "."], heads=[(token, 1), (token, 1)])
    return doc


def keeps_sentence_stop(token: Token) -> bool:
    before = token.nbor(-1)
    if NUMBER_STOP.match(token.text):
        return is_name(before)  # not "am 4. März", "die 2. Mannschaft"
    if ACRONYM_STOP.match(token.text):
        return True
    return GROUP_STOP.match(token.text) is not None and before.lower_.endswith(("liga", "klasse"))


def ends_sentence(token: Token) -> bool:
    if token.i + 1 >= len(token.doc):
        return True
    following = token.nbor(1)
    # "aus der ProA. 2022 folgte der Ruf": a year opens the next sentence
    opens_quote = following.text[:1] in OPENING_QUOTES  # "... Lippstadt 08. „Wir freuen uns“"
    return "\n" in following.text or following.text[:1].isupper() or YEAR.match(following.text) is not None \
        or opens_quote


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
