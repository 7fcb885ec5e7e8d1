"""What spaCy's German tokenizer does to sports names: the rules rely on these splits."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Rot-Weiß Koblenz", ["Rot-Weiß", "Koblenz"]),
        ("1. FC Köln", ["1.", "FC", "Köln"]),
        ("3. Liga", ["3.", "Liga"]),
        ("FC Schalke 04", ["FC", "Schalke", "04"]),
        ("U 23", ["U", "23"]),
        ("SV See 90", ["SV", "See", "90"]),
        ("2014/15", ["2014", "/", "15"]),
        ("Backhaus’ Gefühl", ["Backhaus", "’", "Gefühl"]),
        ("Wetter/Koblenz.", ["Wetter", "/", "Koblenz", "."]),
        ("der 39-Jährige", ["der", "39-Jährige"]),
        ("01.02.2019", ["01.02.2019"]),
    ],
)
def test_tokenizer_keeps_sports_names_intact(nlp: Language, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(text)] == tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("im Jahr 2014.", ["im", "Jahr", "2014", "."]),
        ("am 01.02.2019.", ["am", "01.02.2019", "."]),
        ("am 30. Juni", ["am", "30.", "Juni"]),
    ],
)
def test_years_at_sentence_end_lose_the_full_stop(nlp: Language, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(text)] == tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Sie trennten sich 1:1. Dann", ["Sie", "trennten", "sich", "1:1", ".", "Dann"]),
        ("beim FC Schalke 04. Dann kam", ["beim", "FC", "Schalke", "04", ".", "Dann", "kam"]),
        ("Die 2. Mannschaft", ["Die", "2.", "Mannschaft"]),
        ("am 4. März", ["am", "4.", "März"]),
        ("aus der ProA. 2022 folgte", ["aus", "der", "ProA", ".", "2022", "folgte"]),
        ("vom SV Lippstadt 08. „Wir", ["vom", "SV", "Lippstadt", "08", ".", "„", "Wir"]),
    ],
)
def test_scores_and_club_numbers_end_sentences(nlp: Language, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp(text)] == tokens
