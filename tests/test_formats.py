"""Tests for the annotation-tool formats: export then import gives the same entity rows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pipeline.cli_eval import register
from pipeline.formats import (
    DOCBIN,
    DOCCANO,
    FORMATS,
    LABELSTUDIO,
    Counts,
    export_corpus,
    export_predictions,
    import_documents,
    import_file,
    label_studio_config,
)
from pipeline.gold import CorpusError, Mention, read_mentions, write_csv
from pipeline.schema import ENTITY_COLUMNS

DATA = Path(__file__).parent / "data" / "eval"
SUFFIX = {LABELSTUDIO: ".json", DOCCANO: ".jsonl", DOCBIN: ".spacy"}
# Spans that spaCy's tokenizer does not give as whole tokens, a "\r\n" and values with CSV-hostile characters.
HARD_TEXT = 'Der Arminia-Trainer kam 2014/15 aus Wetter/Koblenz.\r\nDann "Schalke, 04" und nichts.'
HARD_MENTIONS = [
    ("Arminia", "CLUB", 'Arminia, "Bielefeld"'),
    ("2014/15", "DATE", "2014/2015"),
    ("Wetter", "PLACE", ""),
    ("Koblenz", "PLACE", "Koblenz"),
    ("Schalke, 04", "CLUB", "FC Schalke 04"),
]


def hard_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    (corpus / "articles" / "hard.txt").write_bytes(HARD_TEXT.encode("utf-8"))
    (corpus / "articles" / "empty.txt").write_text("Kein Name hier.", encoding="utf-8")
    mentions = read_mentions(corpus / "gold" / "entities.csv")
    mentions += [Mention("hard", HARD_TEXT.index(t), HARD_TEXT.index(t) + len(t), label, t, value)
                 for t, label, value in HARD_MENTIONS]
    write_csv(corpus / "gold" / "entities.csv", ENTITY_COLUMNS, (m.to_row() for m in mentions))
    return corpus


@pytest.mark.parametrize("fmt", FORMATS)
def test_corpus_round_trip(tmp_path: Path, fmt: str) -> None:
    corpus = hard_corpus(tmp_path)
    out = tmp_path / f"export{SUFFIX[fmt]}"
    assert export_corpus(corpus, out, fmt) == Counts(documents=4, mentions=14)
    assert import_file(out, fmt, tmp_path / "back") == Counts(documents=4, mentions=14)
    assert read_mentions(tmp_path / "back" / "entities.csv") == read_mentions(corpus / "gold" / "entities.csv")
    assert (tmp_path / "back" / "entities.csv").read_bytes() == (corpus / "gold" / "entities.csv").read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_import_keeps_texts(tmp_path: Path, fmt: str) -> None:
    corpus = hard_corpus(tmp_path)
    out = tmp_path / f"export{SUFFIX[fmt]}"
    export_corpus(corpus, out, fmt)
    texts = {doc.doc_id: doc.text for doc in import_documents(out, fmt)}
    assert texts["hard"] == HARD_TEXT
    assert texts["empty"] == "Kein Name hier."


def overlapping_predictions(tmp_path: Path) -> Path:
    pred = tmp_path / "pred"
    pred.mkdir()
    rows = [Mention("a", 0, 15, "PERSON", "Heiner Backhaus"), Mention("a", 7, 15, "PERSON", "Backhaus"),
            Mention("a", 43, 56, "CLUB", "FC Schalke 04", "FC Schalke 04")]
    write_csv(pred / "entities.csv", ENTITY_COLUMNS, (m.to_row() for m in rows))
    (pred / "sources.csv").write_text(f"doc_id,path\na,{DATA / 'corpus' / 'articles' / 'a.txt'}\n", encoding="utf-8")
    return pred


@pytest.mark.parametrize("fmt", FORMATS)
def test_prediction_round_trip_keeps_overlaps(tmp_path: Path, fmt: str) -> None:
    pred = overlapping_predictions(tmp_path)
    out = tmp_path / f"pred{SUFFIX[fmt]}"
    assert export_predictions(pred, out, fmt) == Counts(documents=1, mentions=3)
    import_file(out, fmt, tmp_path / "back")
    assert read_mentions(tmp_path / "back" / "entities.csv") == read_mentions(pred / "entities.csv")


def test_predictions_find_texts_in_corpus_dirs(tmp_path: Path) -> None:
    pred = overlapping_predictions(tmp_path)
    (pred / "sources.csv").unlink()
    with pytest.raises(CorpusError, match="no text for a"):
        export_predictions(pred, tmp_path / "x.json", LABELSTUDIO)
    assert export_predictions(pred, tmp_path / "x.json", LABELSTUDIO, [DATA / "corpus"]).documents == 1


def test_label_studio_layout(tmp_path: Path) -> None:
    export_predictions(overlapping_predictions(tmp_path), tmp_path / "ls.json", LABELSTUDIO)
    task = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))[0]
    assert task["data"]["doc_id"] == "a" and task["data"]["text"].startswith("Heiner Backhaus")
    assert "annotations" not in task
    result = task["predictions"][0]["result"]
    assert [r["type"] for r in result] == ["labels", "labels", "labels", "textarea"]
    assert result[2]["value"] == {"start": 43, "end": 56, "text": "FC Schalke 04", "labels": ["CLUB"]}
    assert result[3]["id"] == result[2]["id"] and result[3]["value"]["text"] == ["FC Schalke 04"]
    assert 'perRegion="true"' in label_studio_config() and '<Label value="TITLE"/>' in label_studio_config()


def test_label_studio_import_prefers_annotations(tmp_path: Path) -> None:
    task = {"id": 7, "data": {"text": "Wetter und Hamm"},
            "annotations": [{"was_cancelled": True, "result": []},
                            {"result": [{"id": "r1", "type": "labels", "from_name": "label", "to_name": "text",
                                         "value": {"start": 11, "end": 15, "labels": ["PLACE"]},
                                         "meta": {"text": ["Hamm"]}}]}],
            "predictions": [{"result": []}]}
    (tmp_path / "ls.json").write_text(json.dumps([task]), encoding="utf-8")
    [doc] = import_documents(tmp_path / "ls.json", LABELSTUDIO)
    assert doc.mentions == (Mention("task_7", 11, 15, "PLACE", "Hamm", "Hamm"),)


def test_doccano_layout_and_entities_variant(tmp_path: Path) -> None:
    export_corpus(DATA / "corpus", tmp_path / "d.jsonl", DOCCANO)
    first = json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["label"][1] == [43, 56, "CLUB"]
    assert [43, 56, "CLUB", "FC Schalke 04"] in first["values"]
    variant = {"id": 3, "text": "Wetter und Hamm", "entities": [{"start_offset": 0, "end_offset": 6, "label": "PLACE"}]}
    (tmp_path / "v.jsonl").write_text(json.dumps(variant) + "\n", encoding="utf-8")
    [doc] = import_documents(tmp_path / "v.jsonl", DOCCANO)
    assert doc.mentions == (Mention("doc_3", 0, 6, "PLACE", "Wetter", ""),)


def test_docbin_sets_doc_ents(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    export_corpus(DATA / "corpus", tmp_path / "c.spacy", DOCBIN)
    docs = list(DocBin().from_disk(tmp_path / "c.spacy").get_docs(spacy.blank("de").vocab))
    assert [(e.text, e.label_) for e in docs[1].ents] == [
        ("Mike Sadlo", "PERSON"), ("2019", "DATE"), ("Hamburger SV", "CLUB"), ("Rot-Weiß Koblenz", "CLUB")]


def test_import_rejects_spans_outside_text(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text(json.dumps({"text": "kurz", "label": [[0, 9, "PLACE"]]}) + "\n",
                                        encoding="utf-8")
    with pytest.raises(CorpusError, match="outside the text"):
        import_documents(tmp_path / "bad.jsonl", DOCCANO)


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="unknown format"):
        export_corpus(DATA / "corpus", tmp_path / "x", "conll")


def run_cli(*args: str) -> tuple[int, str]:
    app = typer.Typer()
    register(app)
    outcome = CliRunner().invoke(app, list(args))
    return outcome.exit_code, outcome.output


def test_cli_export_import(tmp_path: Path) -> None:
    out = tmp_path / "gold.json"
    code, output = run_cli("export", "--corpus", str(DATA / "corpus"), "--format", "labelstudio", "--out", str(out))
    assert (code, output.splitlines()[0]) == (0, f"wrote 2 documents, 9 mentions to {out}")
    assert (tmp_path / "gold.labelconfig.xml").exists()
    code, output = run_cli("import", str(out), "--format", "labelstudio", "--out", str(tmp_path / "back"))
    assert code == 0, output
    assert read_mentions(tmp_path / "back" / "entities.csv") == read_mentions(DATA / "corpus" / "gold" / "entities.csv")


def test_cli_export_pred_with_texts(tmp_path: Path) -> None:
    pred = overlapping_predictions(tmp_path)
    (pred / "sources.csv").unlink()
    out = str(tmp_path / "p.spacy")
    assert run_cli("export", "--pred", str(pred), "--format", "docbin", "--out", out)[0] == 1
    assert run_cli("export", "--pred", str(pred), "--texts", str(DATA / "corpus"), "--format", "docbin",
                   "--out", out)[0] == 0


def test_cli_export_needs_one_source(tmp_path: Path) -> None:
    code, output = run_cli("export", "--format", "doccano", "--out", str(tmp_path / "x.jsonl"))
    assert code == 1 and "exactly one of --corpus and --pred" in output
