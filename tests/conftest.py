"""Shared fixtures: one karriere pipeline per test session, the seed article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import build_nlp, make_docs

DATA = Path(__file__).parent / "data"
SEED_PUBLISHED = dt.date(2021, 3, 10)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (DATA / "seed_backhaus.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(nlp: Language, seed_text: str) -> Doc:
    return run(nlp, seed_text, SEED_PUBLISHED)


def run(nlp: Language, text: str, published: dt.date | None = None) -> Doc:
    return next(nlp.pipe(make_docs(nlp, [(text, published)])))


def ents(doc: Doc, label: str | None = None) -> list[tuple[str, str]]:
    return [(e.label_, e.text) for e in doc.ents if label is None or e.label_ == label]
