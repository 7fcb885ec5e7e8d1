"""Date stage as a spaCy component: German date mentions -> DATE candidates with values."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import find_dates
from .entities import CANDIDATES_KEY

PUBLISHED_ATTR = "karriere_published"


def register_doc_extensions() -> None:
    if not Doc.has_extension(PUBLISHED_ATTR):
        Doc.set_extension(PUBLISHED_ATTR, default=None)
    if not Span.has_extension("karriere_hint"):
        Span.set_extension("karriere_hint", default="")


class DateTagger:
    """Runs the rule-based date finder over the text and aligns its mentions to tokens."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        register_doc_extensions()

    def __call__(self, doc: Doc) -> Doc:
        published: dt.date | None = doc._.get(PUBLISHED_ATTR)
        spans = []
        for mention in find_dates(doc.text, published):
            span = doc.char_span(mention.start, mention.end, label="DATE", kb_id=mention.value,
                                 span_id="date", alignment_mode="expand")
            if span is None:
                continue
            span._.karriere_hint = mention.hint
            spans.append(span)
        group = doc.spans.get(CANDIDATES_KEY)
        doc.spans[CANDIDATES_KEY] = (list(group) if group is not None else []) + spans
        return doc
