"""The command line end to end: extract writes the three tables, bad input never clobbers outputs."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.schema import CAREER_COLUMNS, ENTITY_COLUMNS, PEOPLE_COLUMNS

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "seed.txt").write_text((DATA / "seed_backhaus.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "articles.csv").write_text("doc_id,published\nseed,2021-03-10\n", encoding="utf-8")
    return folder


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def test_extract_writes_the_three_tables(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.output and "tokens/s" in result.output
    assert header(out / "entities.csv") == ENTITY_COLUMNS
    assert header(out / "careers.csv") == CAREER_COLUMNS
    assert header(out / "people.csv") == PEOPLE_COLUMNS
    text = (corpus / "seed.txt").read_text(encoding="utf-8")
    for row in read(out / "entities.csv"):
        assert text[int(row["start"]):int(row["end"])] == row["text"]
    dates = {r["text"]: r["value"] for r in read(out / "entities.csv") if r["label"] == "DATE"}
    assert dates["Sommer 2014"] == "2014-SU"
    assert any(r["club"] == "Inter Leipzig" for r in read(out / "careers.csv"))


def test_published_option_anchors_relative_dates(corpus: Path, tmp_path: Path) -> None:
    (corpus / "articles.csv").unlink()
    out = tmp_path / "out"
    CliRunner().invoke(app, ["extract", str(corpus / "seed.txt"), "--out", str(out), "--published", "2021-03-10"])
    dates = {r["text"]: r["value"] for r in read(out / "entities.csv") if r["label"] == "DATE"}
    assert dates["vor rund fünf Jahren"] == "2016"
    out2 = tmp_path / "out2"
    CliRunner().invoke(app, ["extract", str(corpus / "seed.txt"), "--out", str(out2)])
    dates = {r["text"]: r["value"] for r in read(out2 / "entities.csv") if r["label"] == "DATE"}
    assert dates["vor rund fünf Jahren"] == "" and dates["Sommer 2014"] == "2014-SU"


def test_bad_input_is_one_line_and_keeps_existing_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "entities.csv").write_text("earlier run\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(app, ["extract", str(bad), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "binary file" in result.output
    assert (out / "entities.csv").read_text(encoding="utf-8") == "earlier run\n"


def test_one_bad_file_among_good_ones_is_reported_and_skipped(corpus: Path, tmp_path: Path) -> None:
    (corpus / "broken.txt").write_bytes("Übergröße".encode("latin-1"))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(corpus), "--out", str(out)])
    assert result.exit_code == 2
    assert "skipped:" in result.output and "not UTF-8" in result.output
    assert {r["doc_id"] for r in read(out / "entities.csv")} == {"seed"}


def test_bad_published_option(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(corpus), "--out", str(tmp_path), "--published", "März"])
    assert result.exit_code == 1 and "not YYYY-MM-DD" in result.output


def test_python_dash_m_is_the_same_program() -> None:
    result = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, check=True)
    for command in ("extract", "evaluate", "review", "validate"):
        assert command in result.stdout


def test_outputs_get_the_usual_file_mode(corpus: Path, tmp_path: Path) -> None:
    """Tables are written to a private temporary file first; the renamed result is a normal file."""
    import os

    out = tmp_path / "out"
    CliRunner().invoke(app, ["extract", str(corpus), "--out", str(out)])
    mask = os.umask(0)
    os.umask(mask)
    assert (out / "entities.csv").stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_device_is_not_an_article(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", "/dev/null", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "not a regular file or folder" in result.output
