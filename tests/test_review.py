"""Tests for the review page: self-contained, escaped, every mention and career row shown."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import typer
from typer.testing import CliRunner

from pipeline.cli_eval import register
from pipeline.gold import Mention, write_csv
from pipeline.review import REVIEW_FILE, write_review
from pipeline.schema import ENTITY_COLUMNS, LABELS, PEOPLE_COLUMNS

DATA = Path(__file__).parent / "data" / "eval"
TRICKY = 'Der <b>SC</b> & "Wetter" spielte in Hamm.'


def output_with_sources(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(DATA / "pred", out)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "t.txt").write_text(TRICKY, encoding="utf-8")
    mentions = [Mention("t", TRICKY.index("SC"), TRICKY.index("SC") + 2, "CLUB", "SC", "<SC>"),
                Mention("t", TRICKY.index("Wetter"), TRICKY.index("Wetter") + 6, "PLACE", "Wetter"),
                Mention("t", TRICKY.index("Hamm"), TRICKY.index("Hamm") + 4, "PLACE", "Hamm")]
    with (out / "entities.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.writelines(",".join(m.to_row()[c] for c in ENTITY_COLUMNS) + "\n" for m in mentions)
    # a.txt by an absolute path, t.txt relative to OUT_DIR
    (out / "sources.csv").write_text(
        f"doc_id,path\na,{(DATA / 'corpus' / 'articles' / 'a.txt').resolve()}\nt,../articles/t.txt\n",
        encoding="utf-8")
    write_csv(out / "people.csv", PEOPLE_COLUMNS,
              [{"doc_id": "a", "person": "Heiner Backhaus", "birth_year": "1982", "birthplace": "Witten",
                "hometown": "Wengern"}])
    return out


def test_review_page(tmp_path: Path) -> None:
    out = output_with_sources(tmp_path)
    path = write_review(out)
    assert path == out / REVIEW_FILE
    page = path.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)\b|src=|https?://", page)
    for label in LABELS:
        assert f"<sup>{label}</sup>" in page
    # doc a: 4 of 5 predicted mentions shown ("Backhaus" lies inside "Heiner Backhaus"), doc t: 3; legend: 6
    assert page.count("<mark ") == 4 + 3 + len(LABELS)
    assert "Not highlighted (overlapping or offsets off): 7-15 PERSON &#x27;Backhaus&#x27;" in page
    assert "Der &lt;b&gt;" in page and "&amp; &quot;" in page and 'title="CLUB: &lt;SC&gt;"' in page
    assert "<td class=\"club\">SV Sandhausen</td>" in page
    assert "<td class=\"birthplace\">Witten</td>" in page
    # doc b has career rows but no text location
    assert page.count("Article text not found") == 2  # b and zzz_not_in_gold


def test_review_finds_texts_in_corpus_dirs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(DATA / "pred", out)
    page = write_review(out, [DATA / "corpus"]).read_text(encoding="utf-8")
    assert "Trainer <mark" in page
    assert page.count("Article text not found") == 1  # zzz_not_in_gold
    assert page.count("<section ") == 3


def test_cli_review(tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(DATA / "pred", out)
    app = typer.Typer()
    register(app)
    outcome = CliRunner().invoke(app, ["review", str(out), "--corpus", str(DATA / "corpus")])
    assert outcome.exit_code == 0, outcome.output
    assert "Trainer <mark" in (out / "review.html").read_text(encoding="utf-8")
    assert CliRunner().invoke(app, ["review", str(tmp_path / "missing")]).exit_code == 1
