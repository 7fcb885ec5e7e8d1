"""The assembled pipeline: factories, save/load round trip, and an installed statistical base."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from conftest import SEED_PUBLISHED, ents, run
from pipeline.errors import KarriereError
from pipeline.nlp import build_nlp

KARRIERE_PIPES = ["karriere_dates", "karriere_rules", "karriere_resolver"]


def test_default_pipeline_has_segmentation_lemmas_and_rules(nlp: Language) -> None:
    assert nlp.lang == "de"
    for name in ["sentencizer", "lemmatizer", *KARRIERE_PIPES]:
        assert name in nlp.pipe_names
    doc = run(nlp, "Die Spieler wechselten. Er spielte gut.")
    assert len(list(doc.sents)) == 2
    assert [t.lemma_ for t in doc][:3] == ["der", "Spieler", "wechseln"]


def test_rule_labels_cover_the_spec(nlp: Language) -> None:
    assert set(nlp.get_pipe("karriere_rules").labels) >= {"PERSON", "CLUB", "PLACE", "LEAGUE", "TITLE"}


def test_save_and_load_round_trip(nlp: Language, seed_text: str, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "karriere")
    loaded = spacy.load(tmp_path / "karriere")
    assert loaded.pipe_names == nlp.pipe_names
    assert ents(run(loaded, seed_text, SEED_PUBLISHED)) == ents(run(nlp, seed_text, SEED_PUBLISHED))


def test_saved_rules_are_the_ones_that_run(nlp: Language, tmp_path: Path) -> None:
    """Editing the saved patterns.jsonl changes the loaded pipeline: rules live with the pipeline."""
    nlp.to_disk(tmp_path / "karriere")
    patterns = tmp_path / "karriere" / "karriere_rules" / "patterns.jsonl"
    kept = [line for line in patterns.read_text(encoding="utf-8").splitlines() if '"league_compound"' not in line]
    patterns.write_text("\n".join(kept) + "\n", encoding="utf-8")
    loaded = spacy.load(tmp_path / "karriere")
    assert ents(run(loaded, "Er spielte in der Hessenliga."), "LEAGUE") == []
    assert ents(run(nlp, "Er spielte in der Hessenliga."), "LEAGUE") == [("LEAGUE", "Hessenliga")]


@pytest.fixture(scope="module")
def statistical_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny stand-in for de_core_news_md: a German pipeline whose `ner` predicts PER and LOC."""
    base = spacy.blank("de")
    ruler = base.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([
        {"label": "PER", "pattern": [{"TEXT": "Zoltán"}, {"TEXT": "Kövesdi"}]},
        {"label": "LOC", "pattern": "Dörentrup"},
    ])
    path = tmp_path_factory.mktemp("base") / "de_tiny_news"
    base.to_disk(path)
    return path


def test_statistical_base_predictions_feed_the_rules(statistical_base: Path) -> None:
    nlp = build_nlp(str(statistical_base))
    assert "ner" in nlp.pipe_names
    doc = run(nlp, "Zoltán Kövesdi stammt aus Dörentrup und spielt beim TuS Wengern.")
    assert ents(doc) == [("PERSON", "Zoltán Kövesdi"), ("PLACE", "Dörentrup"), ("CLUB", "TuS Wengern")]


def test_without_the_base_the_unknown_name_is_missed(nlp: Language) -> None:
    doc = run(nlp, "Zoltán Kövesdi stammt aus Dörentrup und spielt beim TuS Wengern.")
    assert ("PERSON", "Zoltán Kövesdi") not in ents(doc)


@pytest.mark.parametrize("name", ["de_core_news_nonexistent", "/no/such/pipeline"])
def test_missing_base_is_a_clear_error(name: str) -> None:
    with pytest.raises(KarriereError, match="python -m spacy download"):
        build_nlp(name)


def test_model_option_on_the_command_line(statistical_base: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    article = tmp_path / "a.txt"
    article.write_text("Zoltán Kövesdi stammt aus Dörentrup und spielt beim TuS Wengern in der Bezirksliga.",
                       encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--out", str(tmp_path / "out"),
                                      "--model", str(statistical_base)])
    assert result.exit_code == 0, result.output
    assert "Zoltán Kövesdi" in (tmp_path / "out" / "entities.csv").read_text(encoding="utf-8")


def test_results_do_not_depend_on_what_ran_before(nlp: Language, seed_text: str) -> None:
    """The rules remember answers per word across documents; the entities must not change."""
    from spacy.lang.de import German

    fresh = build_nlp()
    alone = ents(run(fresh, seed_text, SEED_PUBLISHED))
    for text in ["Der FC Bayern München gewann in Essen.", "Wetter/Hamm. Das Wetter war gut.", seed_text[::-1]]:
        run(nlp, text, SEED_PUBLISHED)
    assert ents(run(nlp, seed_text, SEED_PUBLISHED)) == alone
    assert isinstance(nlp, German)
