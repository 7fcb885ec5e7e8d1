"""Data integrity of the packaged rules and gazetteers: every file parses, no unknown keys, no typos."""

from __future__ import annotations

import json
from importlib import resources as importlib_resources

import pytest

from pipeline import resources
from pipeline.errors import ResourceError
from pipeline.schema import LABELS, ROLES

RESOURCE_DIR = importlib_resources.files("pipeline").joinpath("resources")


def test_every_token_rule_loads_with_a_known_label_and_unique_id() -> None:
    rules = resources.token_rules()
    assert {r.label for r in rules} <= set(LABELS)
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))


def test_placeholders_are_all_expanded() -> None:
    for rule in resources.token_rules():
        assert '"@' not in json.dumps(rule.pattern) and "(@" not in json.dumps(rule.pattern)


def test_unknown_pattern_key_fails_loudly() -> None:
    with pytest.raises(ResourceError, match="unknown keys"):
        resources.TokenRule.from_dict({"label": "CLUB", "id": "x", "pattern": [], "trim": 1}, {})


@pytest.mark.parametrize("name", ["lexicon.json", "careers_de.json"])
def test_json_resources_have_only_known_keys(name: str) -> None:
    data = json.loads(RESOURCE_DIR.joinpath(name).read_text(encoding="utf-8"))
    assert set(data) == resources.KNOWN_KEYS[name]


def test_lexicon_lists_have_no_duplicates() -> None:
    for key, value in resources.lexicon().items():
        if isinstance(value, list):
            assert len(value) == len(set(value)), key


def test_career_roles_are_spec_roles() -> None:
    assert set(resources.load_json("careers_de.json")["role_cues"]) == set(ROLES)


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("gazetteer_clubs.tsv", ["alias", "canonical", "country", "kind"]),
        ("gazetteer_places.tsv", ["name", "country", "kind", "population"]),
        ("gazetteer_leagues.tsv", ["alias", "canonical", "country"]),
        ("leagues_extra.tsv", ["label", "alias", "canonical"]),
    ],
)
def test_gazetteers_parse_and_are_sorted_without_duplicates(name: str, columns: list[str]) -> None:
    rows = resources.read_tsv(name)
    assert rows and list(rows[0]) == columns
    keys = [tuple(r.values()) for r in rows]
    assert len(keys) == len(set(keys))
    if name != "leagues_extra.tsv":
        assert keys == sorted(keys)


def test_gazetteer_spot_checks() -> None:
    clubs = {r["alias"]: r["canonical"] for r in resources.read_tsv("gazetteer_clubs.tsv")}
    assert clubs["Rot-Weiß Koblenz"] == "Rot-Weiß Koblenz"
    assert clubs["Valletta FC"] == "Valletta FC"
    places = {r["name"] for r in resources.read_tsv("gazetteer_places.tsv")}
    assert {"Herdecke", "Witten", "Leipzig", "Koblenz"} <= places
    assert "Heiner" in resources.first_names()


def test_attribution_ships_with_the_data() -> None:
    notice = RESOURCE_DIR.joinpath("NOTICE.md").read_text(encoding="utf-8")
    for credit in ["Statistisches Bundesamt (Destatis)", "GeoNames", "CC BY 3.0 DE", "openfootball", "OpenGeoDB"]:
        assert credit in notice
