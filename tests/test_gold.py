"""Tests for the gold corpus stage: reading tables and validating a corpus."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pipeline.cli_eval import register
from pipeline.gold import (
    CorpusError,
    Mention,
    appears_in,
    is_date_value,
    read_mentions,
    read_text,
    validate_corpus,
    write_csv,
    year_of,
)
from pipeline.schema import ENTITY_COLUMNS

DATA = Path(__file__).parent / "data" / "eval" / "corpus"
REPO_CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(DATA, target)
    return target


def append_row(path: Path, row: dict[str, str]) -> None:
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(row.values())


def entity(doc_id: str, start: int, end: int, label: str, text: str, value: str = "") -> dict[str, str]:
    return {"doc_id": doc_id, "start": str(start), "end": str(end), "label": label, "text": text, "value": value}


def career(doc_id: str, person: str, club: str, role: str = "player", start: str = "", end: str = "") -> dict[str, str]:
    return {"doc_id": doc_id, "person": person, "club": club, "role": role, "start": start, "end": end,
            "league": "", "titles": "", "evidence": ""}


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2014", True), ("2020-01", True), ("2017-06-30", True), ("2014-SU", True), ("2014-SP", True),
        ("2014-FA", True), ("2014-WI", True), ("2016/2017", True), ("2019-W11", True), ("2019-W11-WE", True),
        ("199X", True), ("19XX", True),
        ("", False), ("14", False), ("2014-13", False), ("2017-02-30", False), ("2014-SO", False),
        ("2016/17", False), ("2016/2018", False), ("2019-W54", False), ("1990er", False), ("Sommer 2014", False),
    ],
)
def test_date_values(value: str, valid: bool) -> None:
    assert is_date_value(value) is valid


@pytest.mark.parametrize(("value", "year"), [("2016/2017", "2016"), ("2014-SU", "2014"), ("199X", "199X")])
def test_year_of(value: str, year: str) -> None:
    assert year_of(value) == year


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Heiner Backhaus", True),
        ("heiner backhaus", True),
        ("Bergischer HC", True),       # text says "beim Bergischen HC"
        ("Sportfreunde Siegen", True),  # text says "bei den Sportfreunden Siegen"
        ("Kiel", True),                 # text says "der Kieler Trainer"
        ("Hamburger SV", False),
        ("FC Kiel", False),             # short tokens must appear as words
        ("Bergmann", False),
        ("", False),
    ],
)
def test_appears_in(name: str, found: bool) -> None:
    text = "Heiner Backhaus spielte beim Bergischen HC, bei den Sportfreunden Siegen, dann war er der Kieler Trainer."
    assert appears_in(name, text) is found


def test_read_text_keeps_carriage_returns(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("Zeile\r\nWetter".encode())
    assert read_text(path)[7:] == "Wetter"


def test_write_csv_round_trip(tmp_path: Path) -> None:
    rows = [Mention("a", 3, 9, "PLACE", "Wetter", ""), Mention("a", 0, 2, "DATE", "14", "2014")]
    write_csv(tmp_path / "e.csv", ENTITY_COLUMNS, [m.to_row() for m in rows])
    assert read_mentions(tmp_path / "e.csv") == sorted(rows, key=lambda m: m.start)
    assert [p.name for p in tmp_path.iterdir()] == ["e.csv"]


def test_read_mentions_names_the_bad_line(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_text("doc_id,start,end,label,text,value\na,0,2,DATE,14,2014\na,x,2,DATE,14,\n",
                                    encoding="utf-8")
    with pytest.raises(CorpusError, match=r"e.csv:3: not an entity row"):
        read_mentions(tmp_path / "e.csv")


def test_test_corpus_is_valid() -> None:
    assert validate_corpus(DATA) == []


# Offsets into tests/data/eval/corpus/articles/a.txt: "Heiner Backhaus" 0-15, "FC Schalke 04" 43-56.
BROKEN_ENTITIES = [
    (entity("a", 1, 15, "PERSON", "Heiner Backhaus"), "offsets give 'einer Backhaus'"),
    (entity("a", 0, 500, "PERSON", "Heiner Backhaus"), "offsets outside the text"),
    (entity("a", "x", 15, "PERSON", "Heiner Backhaus"), "offsets are not integers"),
    (entity("a", 16, 23, "VERB", "spielte"), "unknown label 'VERB'"),
    (entity("a", 46, 53, "PLACE", "Schalke"), "overlaps the span 43-56"),
    (entity("a", 43, 56, "CLUB", "FC Schalke 04"), "overlaps the span 43-56"),
    (entity("a", 16, 23, "DATE", "spielte", "Sommer"), "malformed DATE value 'Sommer'"),
    (entity("a", 16, 23, "DATE", "spielte", ""), "DATE without value although the article has a published date"),
    (entity("nope", 0, 3, "PLACE", "Foo"), "no article nope.txt"),
]


@pytest.mark.parametrize(("row", "problem"), BROKEN_ENTITIES)
def test_validate_finds_entity_problems(corpus: Path, row: dict[str, str], problem: str) -> None:
    append_row(corpus / "gold" / "entities.csv", row)
    problems = validate_corpus(corpus)
    assert len(problems) == 1
    assert problem in problems[0]


def test_empty_date_value_allowed_without_published_date(corpus: Path) -> None:
    # b.txt: "Trainer Mike Sadlo wechselte 2019 ..."; b has no published date in articles.csv.
    append_row(corpus / "gold" / "entities.csv", entity("b", 0, 7, "DATE", "Trainer", ""))
    assert validate_corpus(corpus) == []


BROKEN_CAREERS = [
    (career("a", "Heiner Backhaus", "FC Schalke 04", "striker"), "unknown role 'striker'"),
    (career("a", "Jens Meyer", "FC Schalke 04"), "person 'Jens Meyer' does not appear in the text"),
    (career("a", "Heiner Backhaus", "Borussia Dortmund"), "club 'Borussia Dortmund' does not appear"),
    (career("a", "Heiner Backhaus", ""), "empty club"),
    (career("a", "Heiner Backhaus", "FC Schalke 04", "player", "Sommer 2014"), "malformed start value"),
    (career("a", "Heiner Backhaus", "FC Schalke 04", "player", "2016", "2014"), "start 2016 after end 2014"),
    (career("a", "Heiner Backhaus", "FC Schalke 04", "youth_player"), "duplicates line 2"),
    (career("nope", "Heiner Backhaus", "FC Schalke 04"), "no article nope.txt"),
]


@pytest.mark.parametrize(("row", "problem"), BROKEN_CAREERS)
def test_validate_finds_career_problems(corpus: Path, row: dict[str, str], problem: str) -> None:
    append_row(corpus / "gold" / "careers.csv", row)
    problems = validate_corpus(corpus)
    assert len(problems) == 1
    assert problem in problems[0]


def test_validate_career_club_from_demonym(corpus: Path) -> None:
    append_row(corpus / "gold" / "careers.csv", career("a", "Backhaus", "Schalke", "coach"))
    assert validate_corpus(corpus) == []


def test_validate_articles_table(corpus: Path) -> None:
    append_row(corpus / "articles" / "articles.csv",
               {"doc_id": "ghost", "published": "10.03.2021", "title": "", "source": ""})
    (corpus / "articles" / "c.txt").write_text("Ohne Zeile.", encoding="utf-8")
    problems = validate_corpus(corpus)
    assert len(problems) == 3
    assert "no article file ghost.txt" in problems[0]
    assert "published '10.03.2021' is not YYYY-MM-DD" in problems[1]
    assert "article c.txt has no row" in problems[2]


def test_validate_missing_tables(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    problems = validate_corpus(tmp_path)
    assert [p.rsplit("/", 1)[-1] for p in problems] == ["articles.csv: missing", "entities.csv: missing",
                                                         "careers.csv: missing"]
    assert validate_corpus(tmp_path / "nothing") == [f"{tmp_path / 'nothing' / 'articles'}: no articles folder"]


@pytest.mark.skipif(not (REPO_CORPUS / "gold" / "entities.csv").exists(), reason="no gold corpus in the repo yet")
def test_repo_corpus_is_valid() -> None:
    assert validate_corpus(REPO_CORPUS) == []


def run_validate(corpus: Path) -> tuple[int, str]:
    app = typer.Typer()
    register(app)
    outcome = CliRunner().invoke(app, ["validate", str(corpus)])
    return outcome.exit_code, outcome.stdout


def test_cli_validate(corpus: Path) -> None:
    assert run_validate(corpus) == (0, f"{corpus}: valid\n")
    append_row(corpus / "gold" / "careers.csv", career("a", "Jens Meyer", "Hamm", "striker"))
    code, output = run_validate(corpus)
    assert code == 1
    assert len(output.splitlines()) == 3  # unknown role, person and club not in the text
