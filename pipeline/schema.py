"""The contract of SPEC sections 3-5: labels, roles and CSV columns, defined once."""

from __future__ import annotations

LABELS: tuple[str, ...] = ("PERSON", "CLUB", "PLACE", "DATE", "LEAGUE", "TITLE")
ROLES: tuple[str, ...] = ("player", "youth_player", "coach", "assistant_coach", "official")

ENTITY_COLUMNS: list[str] = ["doc_id", "start", "end", "label", "text", "value"]
CAREER_COLUMNS: list[str] = [
    "doc_id", "person", "club", "role", "start", "end", "league", "titles", "evidence",
]
PEOPLE_COLUMNS: list[str] = ["doc_id", "person", "birth_year", "birthplace", "hometown"]
ARTICLE_COLUMNS: list[str] = ["doc_id", "published", "title", "source"]

ENTITIES_FILE = "entities.csv"
CAREERS_FILE = "careers.csv"
PEOPLE_FILE = "people.csv"
