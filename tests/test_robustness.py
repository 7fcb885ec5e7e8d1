"""Odd and shuffled input never breaks the pipeline or the career reader."""

from __future__ import annotations

import random

import pytest
from spacy.language import Language

from conftest import SEED_PUBLISHED, run
from pipeline.careers import extract_careers

ODD_TEXTS = [
    "", " ", "\n\n\n", ".", "FC", "SV 04.", "Trainer", "„“", "Wetter/", "/Koblenz.", "1. FC",
    "Am 31. Februar 2019 wechselte er.", "Saison 2019/18", "vor 1000 Jahren", "U", "1:1.",
    "Meister der", "Spielertrainer Max", "A." * 50, "Er wechselte zu " + "FC " * 200,
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts(nlp: Language, text: str) -> None:
    doc = run(nlp, text, SEED_PUBLISHED)
    extract_careers(doc, "odd", SEED_PUBLISHED)
    assert all(e.text == text[e.start_char:e.end_char] for e in doc.ents)


def test_shuffled_words_of_the_seed(nlp: Language, seed_text: str) -> None:
    words = seed_text.split()
    rng = random.Random(0)
    for _ in range(60):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 60)))
        doc = run(nlp, text, SEED_PUBLISHED)
        rows, _ = extract_careers(doc, "shuffled", SEED_PUBLISHED)
        assert all(row.person and row.club for row in rows)
