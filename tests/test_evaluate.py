"""Tests for the evaluation stage: every number below is counted by hand."""

from __future__ import annotations

import re

import csv
import json
import shutil
from pathlib import Path

import pytest
import typer
from click.testing import Result
from nervaluate import Evaluator
from typer.testing import CliRunner

from pipeline.cli_eval import register
from pipeline.evaluate import (
    EVAL_CSV_COLUMNS,
    ERROR_COLUMNS,
    PRF,
    evaluate,
    format_report,
    match_one_to_one,
    names_agree,
    score_careers,
    score_entities,
    sentence_of,
)
from pipeline.gold import CareerRow, Mention

DATA = Path(__file__).parent / "data" / "eval"


def mention(start: int, end: int, label: str, value: str = "", doc_id: str = "d") -> Mention:
    return Mention(doc_id, start, end, label, "x" * (end - start), value)


def row(person: str, club: str, role: str = "player", start: str = "", end: str = "") -> CareerRow:
    return CareerRow("d", person, club, role, start, end)


@pytest.fixture
def result(tmp_path: Path) -> dict:
    pred = tmp_path / "pred"
    shutil.copytree(DATA / "pred", pred)
    return evaluate(DATA / "corpus", pred)


def test_prf_ratios_and_undefined() -> None:
    assert PRF(1, 1, 2).precision == 0.5
    assert PRF(1, 1, 2).recall == pytest.approx(1 / 3)
    assert PRF(1, 1, 2).f1 == pytest.approx(0.4)
    assert PRF(0, 0, 3).precision is None
    assert PRF(0, 0, 3).f1 == 0.0
    assert PRF().f1 is None
    assert PRF(1, 2, 3) + PRF(4, 5, 6) == PRF(5, 7, 9)


def test_three_gold_two_pred_one_exact_one_overlap() -> None:
    gold = [mention(0, 5, "PERSON"), mention(10, 20, "CLUB"), mention(30, 35, "PLACE")]
    pred = [mention(0, 5, "PERSON"), mention(12, 20, "CLUB")]
    score = score_entities(gold, pred)
    strict, lenient = score.strict["micro"], score.lenient["micro"]
    assert (strict.tp, strict.fp, strict.fn) == (1, 1, 2)
    assert strict.precision == 0.5
    assert strict.recall == pytest.approx(0.333, abs=1e-3)
    assert strict.f1 == pytest.approx(0.4)
    assert (lenient.tp, lenient.fp, lenient.fn) == (2, 0, 1)
    assert lenient.precision == 1.0
    assert lenient.recall == pytest.approx(0.667, abs=1e-3)
    assert lenient.f1 == pytest.approx(0.8)
    assert [(e.kind, e.gold and e.gold.label) for e in score.errors] == [("boundary", "CLUB"), ("missed", "PLACE")]


def test_lenient_is_one_to_one() -> None:
    # Two predictions inside one gold span: only one may count.
    gold = [mention(0, 20, "CLUB")]
    pred = [mention(0, 5, "CLUB"), mention(6, 20, "CLUB")]
    lenient = score_entities(gold, pred).lenient["CLUB"]
    assert (lenient.tp, lenient.fp, lenient.fn) == (1, 1, 0)


def test_exact_match_claims_gold_before_overlap() -> None:
    gold = [mention(0, 15, "PERSON")]
    pred = [mention(7, 15, "PERSON"), mention(0, 15, "PERSON")]
    score = score_entities(gold, pred)
    assert score.strict["PERSON"] == PRF(1, 1, 0)
    assert score.lenient["PERSON"] == PRF(1, 1, 0)
    assert [(e.kind, e.pred and (e.pred.start, e.pred.end)) for e in score.errors] == [("spurious", (7, 15))]


def test_wrong_label_same_span_and_overlap() -> None:
    gold = [mention(0, 7, "PLACE"), mention(10, 20, "CLUB")]
    pred = [mention(0, 7, "CLUB"), mention(12, 25, "LEAGUE")]
    score = score_entities(gold, pred)
    assert [e.kind for e in score.errors] == ["label", "label"]
    assert score.strict["micro"] == PRF(0, 2, 2)
    assert score.lenient["micro"] == PRF(0, 2, 2)


def test_date_value_accuracy_counts_strict_matches_only() -> None:
    gold = [mention(0, 4, "DATE", "2014"), mention(10, 20, "DATE", "2014-SU"), mention(30, 40, "DATE", "2016"),
            mention(50, 55, "DATE", "")]
    pred = [mention(0, 4, "DATE", "2014"), mention(10, 20, "DATE", "2014"), mention(31, 40, "DATE", "2016"),
            mention(50, 55, "DATE", "")]
    date = score_entities(gold, pred).date_value
    # 0-4 equal, 10-20 different value, 30-40 boundary only, 50-55 both empty.
    assert (date.correct, date.total) == (2, 4)


def test_strict_micro_equals_nervaluate_strict() -> None:
    gold = [mention(0, 5, "PERSON"), mention(10, 20, "CLUB"), mention(30, 35, "PLACE"), mention(40, 44, "DATE")]
    pred = [mention(0, 5, "PERSON"), mention(12, 20, "CLUB"), mention(30, 35, "CLUB"), mention(40, 44, "DATE"),
            mention(50, 55, "TITLE")]
    ours = score_entities(gold, pred).strict["micro"]

    def spans(mentions: list[Mention]) -> list[list[dict]]:
        # nervaluate's ends are inclusive, ours are Python slice ends.
        return [[{"label": m.label, "start": m.start, "end": m.end - 1} for m in mentions]]

    theirs = Evaluator(spans(gold), spans(pred), tags=["PERSON", "CLUB", "PLACE", "DATE", "TITLE"],
                       loader="dict").evaluate()["overall"]["strict"]
    assert (ours.precision, ours.recall, ours.f1) == pytest.approx((theirs.precision, theirs.recall, theirs.f1))
    assert ours.precision == pytest.approx(2 / 5) and ours.recall == pytest.approx(2 / 4)


@pytest.mark.parametrize(
    ("gold", "pred", "agree"),
    [
        ("FC Schalke 04", "Schalke 04", True),
        ("Schalke 04", "FC Schalke 04", True),
        ("1. FC Köln", "1 FC Köln", True),
        ("Heiner Backhaus", "backhaus", True),
        ("Rot-Weiß Koblenz", "Rot-Weiß Essen", False),
        ("Hamburger SV", "HSV", False),
        ("Hamburger SV", "", False),
    ],
)
def test_names_agree(gold: str, pred: str, agree: bool) -> None:
    assert names_agree(gold, pred) is agree


def test_career_rows_one_to_one_and_role_blind() -> None:
    gold = [row("Heiner Backhaus", "FC Schalke 04", "youth_player", "1991", "1997"),
            row("Heiner Backhaus", "FC Schalke 04", "player")]
    pred = [row("Backhaus", "Schalke", "player", "1991"), row("Backhaus", "Schalke", "player")]
    score = score_careers(gold, pred)
    assert score.rows == PRF(1, 1, 1)
    assert score.role_blind == PRF(2, 0, 0)
    assert (score.start_year.correct, score.start_year.total) == (0, 0)
    assert [r.role for r in score.missed] == ["youth_player"]


def test_match_one_to_one_finds_the_maximum() -> None:
    # Greedy would give gold 0 the pred 0 and leave gold 1 without a partner.
    pairs = match_one_to_one([0, 1], ["a", "b"], lambda g, p: g == 0 or p == "a", lambda g, p: p)
    assert pairs == [(0, 1), (1, 0)]


def test_career_match_prefers_the_exact_club() -> None:
    # "New York Red Bulls" agrees with both gold rows; it must go to its own, not to the reserve.
    gold = [row("Florian Dettmer", "New York Red Bulls", start="2016-01-14"),
            row("Florian Dettmer", "New York Red Bulls II", start="2015")]
    score = score_careers(gold, [row("Dettmer", "New York Red Bulls II", start="2015")])
    assert score.rows == PRF(1, 0, 1)
    assert [r.club for r in score.missed] == ["New York Red Bulls"]
    assert (score.start_year.correct, score.start_year.total) == (1, 1)


def test_sentence_of_keeps_ordinals_inside() -> None:
    text = "Er kam am 30. Juni 2017 zum 1. FC Köln. Dort blieb er.\nNeu"
    assert sentence_of(text, 28, 37) == "Er kam am 30. Juni 2017 zum 1. FC Köln."
    assert sentence_of(text, 40, 44) == "Dort blieb er."


def test_evaluate_corpus_entities(result: dict) -> None:
    strict, lenient = result["entities"]["strict"], result["entities"]["lenient"]
    assert result["documents"] == 2
    assert (strict["micro"]["tp"], strict["micro"]["fp"], strict["micro"]["fn"]) == (6, 3, 3)
    assert strict["micro"]["f1"] == pytest.approx(6 / 9)
    assert (lenient["micro"]["tp"], lenient["micro"]["fp"], lenient["micro"]["fn"]) == (7, 2, 2)
    assert lenient["micro"]["precision"] == pytest.approx(7 / 9)
    assert (strict["PERSON"]["tp"], strict["PERSON"]["fp"], strict["PERSON"]["fn"]) == (2, 1, 0)
    assert strict["PERSON"]["f1"] == pytest.approx(0.8)
    assert (strict["CLUB"]["tp"], strict["CLUB"]["fp"], strict["CLUB"]["fn"]) == (2, 2, 1)
    assert lenient["CLUB"]["f1"] == pytest.approx(6 / 7)
    assert (strict["PLACE"]["precision"], strict["PLACE"]["recall"]) == (None, 0.0)
    assert strict["LEAGUE"]["f1"] is None
    assert result["date_value"] == {"correct": 1, "total": 2, "accuracy": 0.5}


def test_evaluate_corpus_careers(result: dict) -> None:
    careers = result["careers"]
    assert (careers["rows"]["tp"], careers["rows"]["fp"], careers["rows"]["fn"]) == (2, 2, 1)
    assert careers["rows"]["f1"] == pytest.approx(4 / 7)
    assert (careers["role_blind"]["precision"], careers["role_blind"]["recall"]) == (0.75, 1.0)
    assert careers["start_year"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert careers["end_year"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    kinds = sorted((e["kind"], e["club"]) for e in result["career_errors"])
    assert kinds == [("missed", "Hamburger SV"), ("spurious", "Hamburger SV"), ("spurious", "SV Sandhausen")]


def test_evaluate_errors_and_notes(result: dict) -> None:
    assert result["error_counts"] == {"missed": 1, "spurious": 1, "boundary": 1, "label": 1}
    by_kind = {e["kind"]: e for e in result["errors"]}
    assert (by_kind["boundary"]["gold_text"], by_kind["boundary"]["pred_text"]) == ("FC Schalke 04", "Schalke 04")
    assert (by_kind["label"]["gold_label"], by_kind["label"]["pred_label"]) == ("PLACE", "CLUB")
    assert by_kind["missed"]["gold_text"] == "Gelsenkirchen"
    assert by_kind["spurious"]["pred_text"] == "Backhaus"
    assert by_kind["label"]["sentence"] == "Im Sommer 2014 ging er nach Leipzig."
    assert any("zzz_not_in_gold" in note for note in result["notes"])


def test_evaluate_writes_reports(result: dict, tmp_path: Path) -> None:
    pred = tmp_path / "pred"
    written = json.loads((pred / "eval.json").read_text(encoding="utf-8"))
    assert written["entities"] == result["entities"]
    assert "errors" not in written
    with (pred / "eval.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == EVAL_CSV_COLUMNS
    assert [(r["doc_id"], r["strict_f1"], r["career_f1"]) for r in rows] == [
        ("a", "0.4000", "1.0000"), ("b", "1.0000", "0.4000")]
    with (pred / "errors.csv").open(encoding="utf-8", newline="") as handle:
        errors = list(csv.DictReader(handle))
    assert list(errors[0]) == ERROR_COLUMNS and len(errors) == 4
    assert not list(pred.glob(".*"))


def test_evaluate_without_write_leaves_folder_alone(tmp_path: Path) -> None:
    pred = tmp_path / "pred"
    shutil.copytree(DATA / "pred", pred)
    evaluate(DATA / "corpus", pred, write=False)
    assert sorted(p.name for p in pred.iterdir()) == ["careers.csv", "entities.csv"]


def test_format_report_shows_the_figures(result: dict) -> None:
    report = format_report(result)
    assert "micro" in report and "DATE value accuracy   0.500  (1/2)" in report
    assert "role-blind" in report and "start year accuracy" in report
    assert "zzz_not_in_gold" in report


def run_cli(*args: str) -> Result:
    app = typer.Typer()
    register(app)
    return CliRunner().invoke(app, list(args))


def test_cli_evaluate(tmp_path: Path) -> None:
    pred = tmp_path / "pred"
    shutil.copytree(DATA / "pred", pred)
    outcome = run_cli("evaluate", "--gold", str(DATA / "corpus"), "--pred", str(pred))
    assert outcome.exit_code == 0, outcome.output
    assert "DATE value accuracy   0.500  (1/2)" in outcome.stdout
    assert (pred / "eval.json").exists()


def test_cli_evaluate_bad_folder_is_one_line(tmp_path: Path) -> None:
    outcome = run_cli("evaluate", "--gold", str(DATA / "corpus"), "--pred", str(tmp_path))
    assert outcome.exit_code == 1
    assert outcome.stderr.startswith("error: ") and outcome.stderr.count("\n") == 1


def test_docs_filter_scores_only_the_matching_documents() -> None:
    everything = evaluate(DATA / "corpus", DATA / "pred", write=False)
    doc_ids = [row["doc_id"] for row in everything["per_document"]]
    only_first = evaluate(DATA / "corpus", DATA / "pred", write=False, docs=re.escape(doc_ids[0]) + "$")
    assert only_first["documents"] == 1
    assert [row["doc_id"] for row in only_first["per_document"]] == doc_ids[:1]
    first_row = everything["per_document"][0]
    assert only_first["per_document"][0] == first_row
