"""Derive the package's compact gazetteers from the openly licensed source lists.

The sources (openfootball clubs and leagues, Destatis/OpenGeoDB/GeoNames places,
Berlin and Köln first-name statistics) are described, with their licences, in
`pipeline/resources/NOTICE.md`. This script is run by a developer when the
sources change; the package reads only its outputs:

    pipeline/resources/gazetteer_clubs.tsv     alias, canonical name, country, kind
    pipeline/resources/gazetteer_places.tsv    name, country, kind, population
    pipeline/resources/gazetteer_leagues.tsv   alias, canonical name, country
    pipeline/resources/first_names.txt         one given name per line

usage: python scripts/build_gazetteers.py SOURCE_DATA_DIR
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "pipeline" / "resources"

# Countries whose top two tiers and cups a German sports desk writes about.
LEAGUE_COUNTRIES = {
    "Germany", "Austria", "Switzerland", "International", "England", "Spain", "Italy", "France",
    "Netherlands", "Turkey", "Portugal", "Belgium", "Scotland", "Greece", "Cyprus", "Malta",
    "United States",
}
LEAGUE_KEYS = re.compile(r"^(1|2|cup|super)$")
# Places: every state and district, and municipalities big enough to be written about
# without a context clue; smaller ones are found by the context rules.
MIN_MUNICIPALITY_POPULATION = 2000
PLACE_KINDS = {"state", "district", "municipality", "admin_region", "city_district"}
MIN_FIRST_NAME_COUNT = 5
# Rarer names that are also German words ("Engel", "Winter", "Basel") are left out.
MIN_COUNT_FOR_NAMES_THAT_ARE_WORDS = 15
# A "·", "." or "'" inside an alias marks a table abbreviation ("Bayern Mün.", "U'haching").
ABBREVIATED = re.compile(r"[.'’]")
LEADING_ORDINAL = re.compile(r"^\d+\. ")
DEMONYM = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+er$")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def usable_alias(alias: str, canonical: str) -> bool:
    stripped = LEADING_ORDINAL.sub("", alias)
    if not alias or ABBREVIATED.search(stripped) or len(alias) < 3:
        return False
    # "Hallescher" from "Hallescher FC" is a demonym, never the club on its own.
    return not (DEMONYM.match(alias) and canonical.startswith(alias + " "))


def club_rows(source: Path) -> list[tuple[str, str, str, str]]:
    rows: set[tuple[str, str, str, str]] = set()
    for club in read_tsv(source / "clubs.tsv"):
        canonical = club["name"].strip()
        kind = "reserve" if club["kind"] == "reserve" else "club"
        aliases = [canonical, *club["alt_names"].split("|")]
        for alias in (a.strip() for a in aliases):
            if usable_alias(alias, canonical):
                rows.add((alias, canonical, club["country_code"], kind))
    return sorted(rows)


def place_rows(source: Path) -> list[tuple[str, str, str, str]]:
    best: dict[tuple[str, str], tuple[str, int]] = {}
    for place in read_tsv(source / "places_de_at_ch.tsv"):
        if place["kind"] not in PLACE_KINDS:
            continue
        population = int(place["population"] or 0)
        if place["kind"] == "municipality" and population < MIN_MUNICIPALITY_POPULATION:
            continue
        name = re.sub(r"\s*\(.*\)$", "", place["name"]).strip()
        key = (name, place["country"])
        if key not in best or population > best[key][1]:
            best[key] = (place["kind"], population)
    return sorted((name, country, kind, str(pop)) for (name, country), (kind, pop) in best.items())


def league_rows(source: Path) -> list[tuple[str, str, str]]:
    rows: set[tuple[str, str, str]] = set()
    for league in read_tsv(source / "leagues.tsv"):
        if league["country"] not in LEAGUE_COUNTRIES or not LEAGUE_KEYS.match(league["key"]):
            continue
        canonical = league["name"].strip()
        for alias in [canonical, *league["alt_names"].split("|")]:
            alias = re.sub(r"\s*\[\w+\]$", "", alias).replace("$$", "").strip()
            if len(alias) >= 3 and not alias.isdigit():
                rows.add((alias, canonical, league["country"]))
    return sorted(rows)


def german_words() -> set[str]:
    from spacy.lookups import load_lookups

    table = load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")
    return {str(v) for v in table.values()}


def first_names(source: Path) -> list[str]:
    words = german_words()
    names = set()
    for row in read_tsv(source / "first_names_de.tsv"):
        name, count = row["name"].strip(), int(row["count_total"] or 0)
        if count < MIN_FIRST_NAME_COUNT or not name[:1].isupper() or len(name) < 2:
            continue
        if count < MIN_COUNT_FOR_NAMES_THAT_ARE_WORDS and name in words:
            continue
        names.add(name)
    return sorted(names)


def write_tsv(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{path.name}: {len(rows)} rows")


def main(source: Path) -> None:
    RESOURCES.mkdir(parents=True, exist_ok=True)
    write_tsv(RESOURCES / "gazetteer_clubs.tsv", ["alias", "canonical", "country", "kind"], club_rows(source))
    write_tsv(RESOURCES / "gazetteer_places.tsv", ["name", "country", "kind", "population"], place_rows(source))
    write_tsv(RESOURCES / "gazetteer_leagues.tsv", ["alias", "canonical", "country"], league_rows(source))
    names = first_names(source)
    (RESOURCES / "first_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"first_names.txt: {len(names)} names")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    main(Path(sys.argv[1]))
