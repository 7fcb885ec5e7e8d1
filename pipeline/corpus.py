"""Input stage: reading a corpus folder or single files, with one clear message per bad input."""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

MAX_BYTES = 2_000_000  # ~300 pages of text; anything larger is not one article
HTML_MARKERS = re.compile(r"<\s*(!doctype|html|body|div|p|span|script|head)\b", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+")
# The most frequent German function words: real German prose is ~20% these.
GERMAN_FUNCTION_WORDS = frozenset(
    "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an "
    "er hat aus bei sie nach wird wurde war noch um am einem einer sein seine seiner ich wir".split()
)
MIN_GERMAN_SHARE = 0.06
MIN_WORDS_FOR_LANGUAGE_CHECK = 20


@dataclass(frozen=True)
class Article:
    doc_id: str
    path: Path
    text: str
    published: dt.date | None


def parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(f"{where}: published date {value!r} is not YYYY-MM-DD") from exc


def decode(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 (byte {exc.start}); convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from exc


def check_text(path: Path, text: str) -> None:
    if not text.strip():
        raise InputError(f"{path}: empty article")
    if HTML_MARKERS.search(text[:5000]):
        raise InputError(f"{path}: looks like HTML; extract the article text first")
    words = [w.lower() for w in WORD.findall(text[:20000])]
    if len(words) >= MIN_WORDS_FOR_LANGUAGE_CHECK:
        share = sum(w in GERMAN_FUNCTION_WORDS for w in words) / len(words)
        if share < MIN_GERMAN_SHARE:
            raise InputError(f"{path}: does not look like German text ({share:.0%} German function words)")


def read_article(path: Path, published: dt.date | None) -> Article:
    """One article file; raises InputError with a one-line reason if it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size:,} bytes is too large for one article (limit {MAX_BYTES:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    text = decode(path, data)
    check_text(path, text)
    return Article(doc_id=path.stem, path=path, text=text, published=published)


def read_published(folder: Path) -> dict[str, dt.date]:
    """`articles.csv` of a corpus folder: doc_id -> publication date (rows without one are skipped)."""
    path = folder / "articles.csv"
    if not path.exists():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read as UTF-8 CSV ({exc})") from exc
    if rows and "doc_id" not in rows[0]:
        raise InputError(f"{path}: no doc_id column")
    return {
        row["doc_id"]: parse_date(row["published"], f"{path} ({row['doc_id']})")
        for row in rows
        if (row.get("published") or "").strip()
    }


def article_paths(inputs: list[Path]) -> list[tuple[Path, dict[str, dt.date]]]:
    """Each input file with the publication dates known for its folder."""
    found: list[tuple[Path, dict[str, dt.date]]] = []
    for item in inputs:
        if item.is_dir():
            dates = read_published(item)
            files = sorted(item.glob("*.txt"))
            if not files:
                raise InputError(f"{item}: no *.txt articles in this folder")
            found.extend((path, dates) for path in files)
        elif item.is_file():
            found.append((item, read_published(item.parent)))
        elif item.exists():
            raise InputError(f"{item}: not a regular file or folder")
        else:
            raise InputError(f"{item}: no such file or folder")
    return found


def read_corpus(
    inputs: list[Path], default_published: dt.date | None = None,
) -> tuple[list[Article], list[str]]:
    """Readable articles, and one message per input that had to be skipped."""
    articles: list[Article] = []
    problems: list[str] = []
    seen: set[str] = set()
    for path, dates in article_paths(inputs):
        if path.stem in seen:
            problems.append(f"{path}: doc_id {path.stem!r} appears twice; skipped")
            continue
        try:
            articles.append(read_article(path, dates.get(path.stem, default_published)))
            seen.add(path.stem)
        except InputError as exc:
            problems.append(str(exc))
    return articles, problems
