"""Gold corpus stage: read entity and career tables, and validate a corpus against SPEC sections 4-7."""

from __future__ import annotations

import csv
import io
import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.schema import (
    CAREER_COLUMNS,
    CAREERS_FILE,
    ENTITIES_FILE,
    ENTITY_COLUMNS,
    LABELS,
    ROLES,
)

ARTICLES_DIR = "articles"
GOLD_DIR = "gold"
ARTICLES_FILE = "articles.csv"
# Written by the extractor beside its outputs: which file each doc_id was read from.
SOURCES_FILE = "sources.csv"

# SPEC section 6, one alternative per row of its table.
DATE_VALUE = re.compile(
    r"^(?:"
    r"(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|-(?:SP|SU|FA|WI)"
    r"|/(?P<season_end>\d{4})"
    r"|-W(?P<week>\d{2})(?:-WE)?"
    r")?"
    r"|\d{3}X|\d{2}XX"
    r")$"
)
PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WORD = re.compile(r"\w+")
# Inflection allowance for names checked against the text ("Bergischer" / "Bergischen").
_MIN_STEM = 4
_INFLECTION_SLACK = 2


class CorpusError(InputError):
    """A corpus or output folder lacks a file or has a table that cannot be read."""


@dataclass(frozen=True)
class Mention:
    doc_id: str
    start: int
    end: int
    label: str
    text: str
    value: str = ""

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Mention:
        return cls(
            doc_id=row["doc_id"], start=int(row["start"]), end=int(row["end"]),
            label=row["label"], text=row["text"], value=row.get("value") or "",
        )

    def to_row(self) -> dict[str, str]:
        return {key: str(value) for key, value in asdict(self).items()}

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class CareerRow:
    doc_id: str
    person: str
    club: str
    role: str
    start: str = ""
    end: str = ""
    league: str = ""
    titles: str = ""
    evidence: str = ""

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> CareerRow:
        return cls(**{col: (row.get(col) or "").strip() for col in CAREER_COLUMNS})

    def to_row(self) -> dict[str, str]:
        return asdict(self)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{key: value or "" for key, value in row.items()} for row in csv.DictReader(handle)]


def read_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle), [])


def read_mentions(path: Path) -> list[Mention]:
    mentions = []
    for line, row in enumerate(read_rows(path), start=2):
        try:
            mentions.append(Mention.from_row(row))
        except (KeyError, TypeError, ValueError) as exc:
            raise CorpusError(f"{path}:{line}: not an entity row ({exc})") from exc
    return sort_mentions(mentions)


def read_careers(path: Path) -> list[CareerRow]:
    return [CareerRow.from_row(row) for row in read_rows(path)]


def sort_mentions(mentions: Iterable[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: (m.doc_id, m.start, m.end, m.label))


def read_text(path: Path) -> str:
    # newline="" keeps "\r\n" intact: offsets count characters of the file as written.
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def read_texts(articles_dir: Path) -> dict[str, str]:
    return {path.stem: read_text(path) for path in sorted(articles_dir.glob("*.txt"))}


def locate_texts(doc_ids: Iterable[str], out_dir: Path | None = None,
                 corpus_dirs: Iterable[Path] = ()) -> dict[str, str]:
    """Article texts for `doc_ids` (and every doc in OUT_DIR/sources.csv), from sources.csv or corpus folders.

    A relative path in sources.csv is tried as given, then relative to OUT_DIR. A corpus folder may be
    the articles folder itself or a corpus root with an `articles/` folder. Docs not found are left out.
    """
    paths: dict[str, Path] = {}
    sources = out_dir / SOURCES_FILE if out_dir else None
    if sources and sources.exists():
        for row in read_rows(sources):
            path = Path(row["path"])
            if not path.is_absolute() and not path.exists() and out_dir:
                path = out_dir / path
            paths[row["doc_id"]] = path
    wanted = list(dict.fromkeys([*doc_ids, *paths]))
    dirs = list(corpus_dirs)
    for doc_id in wanted:
        if doc_id in paths and paths[doc_id].exists():
            continue
        candidates = [path for d in dirs for path in (d / f"{doc_id}.txt", d / ARTICLES_DIR / f"{doc_id}.txt")]
        paths[doc_id] = next((path for path in candidates if path.exists()), paths.get(doc_id, Path()))
    return {doc_id: read_text(paths[doc_id]) for doc_id in wanted if paths[doc_id].is_file()}


PUBLIC_FILE_MODE = 0o666  # what open() would give; temporary files are created private


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_csv(path: Path, columns: list[str], rows: Iterable[Mapping[str, object]]) -> None:
    """Write a table atomically (see `write_text_atomic`): readers never see half a table."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    write_text_atomic(path, buffer.getvalue())


def write_text_atomic(path: Path, content: str) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=path.parent, prefix=f".{path.name}.", delete=False,
    )
    try:
        with handle:
            handle.write(content)
        os.chmod(handle.name, PUBLIC_FILE_MODE & ~current_umask())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def is_date_value(value: str) -> bool:
    match = DATE_VALUE.match(value)
    if not match:
        return False
    year, month, day = match.group("year"), match.group("month"), match.group("day")
    if day:
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            return False
    elif month and not 1 <= int(month) <= 12:
        return False
    season_end, week = match.group("season_end"), match.group("week")
    if season_end and int(season_end) != int(year) + 1:
        return False
    return not (week and not 1 <= int(week) <= 53)


def year_of(value: str) -> str:
    """The year a date value names, for career start/end comparison ("2016/2017" -> "2016")."""
    return value.strip()[:4]


def appears_in(name: str, text: str) -> bool:
    """Whether `name` occurs in `text`, whole or token by token, allowing German inflection endings."""
    lowered = text.lower()
    if name.strip() and name.strip().lower() in lowered:
        return True
    tokens = _WORD.findall(name.lower())
    if not tokens:
        return False
    words = set(_WORD.findall(lowered))
    return all(_token_in(token, words) for token in tokens)


def _token_in(token: str, words: set[str]) -> bool:
    if token in words:
        return True
    if len(token) < _MIN_STEM:
        return False
    stem = token[: max(_MIN_STEM, len(token) - _INFLECTION_SLACK)]
    return any(word.startswith(stem) for word in words)


def validate_corpus(corpus_dir: Path) -> list[str]:
    """Problems found in a gold corpus folder (SPEC section 4 layout); an empty list means valid."""
    articles_dir = corpus_dir / ARTICLES_DIR
    if not articles_dir.is_dir():
        return [f"{articles_dir}: no articles folder"]
    texts = read_texts(articles_dir)
    problems: list[str] = []
    published, article_problems = _check_articles(articles_dir / ARTICLES_FILE, texts)
    problems += article_problems
    entities_path = corpus_dir / GOLD_DIR / ENTITIES_FILE
    careers_path = corpus_dir / GOLD_DIR / CAREERS_FILE
    for path in (entities_path, careers_path):
        if not path.exists():
            problems.append(f"{path}: missing")
    if entities_path.exists():
        problems += _check_entities(entities_path, texts, published)
    if careers_path.exists():
        problems += _check_careers(careers_path, texts)
    return problems


def _check_columns(path: Path, expected: list[str]) -> list[str]:
    missing = [col for col in expected if col not in read_header(path)]
    return [f"{path.name}: missing columns {missing}"] if missing else []


def _check_articles(path: Path, texts: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    if not path.exists():
        return {}, [f"{path}: missing"]
    problems = [f"{path.name}: missing columns {col}" for col in ("doc_id", "published")
                if col not in read_header(path)]
    if problems:
        return {}, problems
    published: dict[str, str] = {}
    for line, row in enumerate(read_rows(path), start=2):
        doc_id, date = row["doc_id"], row["published"].strip()
        where = f"{path.name}:{line} {doc_id}"
        if doc_id not in texts:
            problems.append(f"{where}: no article file {doc_id}.txt")
        if doc_id in published:
            problems.append(f"{where}: duplicate doc_id")
        if date and not (PUBLISHED.match(date) and is_date_value(date)):
            problems.append(f"{where}: published {date!r} is not YYYY-MM-DD")
        published[doc_id] = date
    problems += [f"{path.name}: article {doc_id}.txt has no row" for doc_id in texts if doc_id not in published]
    return published, problems


def _check_entities(path: Path, texts: Mapping[str, str], published: Mapping[str, str]) -> list[str]:
    problems = _check_columns(path, ENTITY_COLUMNS)
    if problems:
        return problems
    previous: dict[str, tuple[int, int, int]] = {}
    rows = sorted(enumerate(read_rows(path), start=2), key=lambda item: _row_sort_key(item[1]))
    for line, row in rows:
        where = f"{path.name}:{line} {row['doc_id']} {row['start']}-{row['end']} {row['text']!r}"
        row_problems = _check_entity_row(row, texts, published)
        problems += [f"{where}: {problem}" for problem in row_problems]
        if row_problems:
            continue
        start, end = int(row["start"]), int(row["end"])
        last = previous.get(row["doc_id"])
        if last and start < last[1]:
            problems.append(f"{where}: overlaps the span {last[0]}-{last[1]} on line {last[2]}")
        if not last or end > last[1]:
            previous[row["doc_id"]] = (start, end, line)
    return problems


def _row_sort_key(row: Mapping[str, str]) -> tuple[str, int, int]:
    try:
        return row["doc_id"], int(row["start"]), int(row["end"])
    except ValueError:
        return row["doc_id"], -1, -1


def _check_entity_row(row: Mapping[str, str], texts: Mapping[str, str], published: Mapping[str, str]) -> list[str]:
    doc_id, label, value = row["doc_id"], row["label"], row["value"].strip()
    problems = []
    if label not in LABELS:
        problems.append(f"unknown label {label!r}")
    if label == "DATE" and value and not is_date_value(value):
        problems.append(f"malformed DATE value {value!r}")
    if label == "DATE" and not value and published.get(doc_id):
        problems.append("DATE without value although the article has a published date")
    if doc_id not in texts:
        return problems + [f"no article {doc_id}.txt"]
    try:
        start, end = int(row["start"]), int(row["end"])
    except ValueError:
        return problems + ["offsets are not integers"]
    text = texts[doc_id]
    if not 0 <= start < end <= len(text):
        problems.append(f"offsets outside the text (length {len(text)})")
    elif text[start:end] != row["text"]:
        problems.append(f"offsets give {text[start:end]!r}, not the text column")
    return problems


def _check_careers(path: Path, texts: Mapping[str, str]) -> list[str]:
    problems = _check_columns(path, [col for col in CAREER_COLUMNS if col != "evidence"])
    if problems:
        return problems
    seen: dict[tuple[str, str, str, str], int] = {}
    for line, row in enumerate(read_rows(path), start=2):
        career = CareerRow.from_row(row)
        where = f"{path.name}:{line} {career.doc_id} {career.person} / {career.club} / {career.role}"
        problems += [f"{where}: {problem}" for problem in _check_career_row(career, texts)]
        key = (career.doc_id, career.person, career.club, career.role)
        if key in seen:
            problems.append(f"{where}: duplicates line {seen[key]} (one row per person, club and role)")
        seen.setdefault(key, line)
    return problems


def _check_career_row(career: CareerRow, texts: Mapping[str, str]) -> list[str]:
    problems = []
    if career.role not in ROLES:
        problems.append(f"unknown role {career.role!r}")
    for column in ("start", "end"):
        value = getattr(career, column)
        if value and not is_date_value(value):
            problems.append(f"malformed {column} value {value!r}")
    start_year, end_year = year_of(career.start), year_of(career.end)
    if start_year.isdigit() and end_year.isdigit() and start_year > end_year:
        problems.append(f"start {career.start} after end {career.end}")
    text = texts.get(career.doc_id)
    if text is None:
        return problems + [f"no article {career.doc_id}.txt"]
    for column in ("person", "club"):
        name = getattr(career, column)
        if not name:
            problems.append(f"empty {column}")
        elif not appears_in(name, text):
            problems.append(f"{column} {name!r} does not appear in the text")
    return problems

