"""Every spaCy factory karriere provides, registered in one place (prefix `karriere_`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .entities import CandidateRuler, EntityResolver
from .temporal import DateTagger


@Language.component("karriere_paragraphs")
def split_paragraphs(doc: Doc) -> Doc:
    """Headlines and paragraphs never share a sentence: a line break starts a new one."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


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
