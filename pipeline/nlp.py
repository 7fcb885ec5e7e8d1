"""Assembling the German pipeline: spaCy's German class or an installed base, plus our rules."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from . import factories  # noqa: F401  (registers the karriere_* factories)
from .errors import KarriereError
from .resources import lemma_table
from .temporal import PUBLISHED_ATTR, register_doc_extensions

SEGMENTERS = {"parser", "senter", "sentencizer"}
# "im Jahr 2014." and "trennten sich 1:1." end a sentence; spaCy keeps such full stops
# on the number, as it rightly does for the ordinal "30." of "30. Juni".
NUMBER_FULL_STOPS = [r"(?<=\d{4})\.", r"(?<=\d:\d)\.", r"(?<=\d:\d\d)\."]
APOSTROPHE_NAME = re.compile(r"^[A-Z]['’][A-ZÄÖÜ][a-zäöüß]+$")  # O’Connor, D’Angelo


def load_base(base: str | None) -> Language:
    if base is None:
        return spacy.blank("de")
    try:
        nlp = spacy.load(base)
    except OSError as exc:
        raise KarriereError(
            f"cannot load spaCy pipeline {base!r}: install it first (python -m spacy download {base})"
        ) from exc
    if nlp.lang != "de":
        raise KarriereError(f"spaCy pipeline {base!r} is for language {nlp.lang!r}, not German")
    return nlp


def tune_tokenizer(nlp: Language) -> None:
    """"im Jahr 2014." -> "2014" ".", "1:1." -> "1:1" "."; "O’Connor" stays one word."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    suffixes = [*(nlp.Defaults.suffixes or []), *NUMBER_FULL_STOPS]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    base = tokenizer.token_match
    # a regex's own match method, so that the tokenizer can still be saved
    pattern = APOSTROPHE_NAME.pattern if base is None else f"{APOSTROPHE_NAME.pattern}|{base.__self__.pattern}"
    tokenizer.token_match = re.compile(pattern).match


def build_nlp(base: str | None = None) -> Language:
    """The karriere pipeline; `base` names an installed German spaCy pipeline to build on."""
    nlp = load_base(base)
    tune_tokenizer(nlp)
    nlp.add_pipe("karriere_number_stops", first=True)
    if not SEGMENTERS.intersection(nlp.pipe_names):
        nlp.add_pipe("sentencizer", after="karriere_number_stops")
        nlp.add_pipe("karriere_paragraphs", after="sentencizer")
    if "lemmatizer" not in nlp.pipe_names:
        lemmatizer = cast(Lemmatizer, nlp.add_pipe("lemmatizer", config={"mode": "lookup"}))
        lemmatizer.lookups.set_table("lemma_lookup", lemma_table())  # shared with the rules
    nlp.add_pipe("karriere_dates")
    nlp.add_pipe("karriere_rules")
    nlp.add_pipe("karriere_resolver", config={"use_base_entities": base is not None})
    register_doc_extensions()
    return nlp


def make_docs(nlp: Language, texts: Iterable[tuple[str, dt.date | None]]) -> Iterator[Doc]:
    """Tokenised docs carrying their publication date, ready for `nlp.pipe`."""
    for text, published in texts:
        doc = nlp.make_doc(text)
        doc._.set(PUBLISHED_ATTR, published)
        yield doc
