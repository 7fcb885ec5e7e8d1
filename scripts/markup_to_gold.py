"""Build the gold corpus from its authoring markup.

Annotators write each article once, in `corpus/markup/<doc_id>.txt`, with inline
annotations; this script derives the plain article text and character offsets,
so offsets can never drift from the text.

Markup file layout:

    # published: 2021-03-10        (optional header lines, `# key: value`)
    # title: Backhaus kommt an
    # source: karriere corpus
                                   (one blank line ends the header)
    Wetter/Koblenz. Nach Stationen auf [[Malta|PLACE]] ...

Inline annotation: `[[surface text|LABEL]]` or `[[surface text|LABEL|value]]`.
Career rows live beside it in `corpus/markup/<doc_id>.careers.csv` with the
columns of SPEC section 3 (`doc_id` may be left out; it is filled in).

Writes `corpus/articles/<doc_id>.txt`, `corpus/articles/articles.csv`,
`corpus/gold/entities.csv` and `corpus/gold/careers.csv`.

usage: python scripts/markup_to_gold.py [CORPUS_DIR]   (default: corpus)
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ANNOTATION = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)(?:\|([^\[\]]*))?\]\]")
HEADER_LINE = re.compile(r"^#\s*(\w+):\s*(.*)$")
LABELS = {"PERSON", "CLUB", "PLACE", "DATE", "LEAGUE", "TITLE"}  # mirrors pipeline.schema; scripts stay importable without the package
ENTITY_COLUMNS = ["doc_id", "start", "end", "label", "text", "value"]
CAREER_COLUMNS = ["doc_id", "person", "club", "role", "start", "end", "league", "titles", "evidence"]
ARTICLE_COLUMNS = ["doc_id", "published", "title", "source"]


def split_header(raw: str) -> tuple[dict[str, str], str]:
    meta: dict[str, str] = {}
    lines = raw.split("\n")
    i = 0
    while i < len(lines) and HEADER_LINE.match(lines[i]):
        key, value = HEADER_LINE.match(lines[i]).groups()  # type: ignore[union-attr]
        meta[key] = value.strip()
        i += 1
    if meta and i < len(lines) and lines[i] == "":
        i += 1
    return meta, "\n".join(lines[i:])


def parse_markup(doc_id: str, body: str) -> tuple[str, list[dict[str, str]]]:
    parts: list[str] = []
    rows: list[dict[str, str]] = []
    position = 0
    cursor = 0
    for match in ANNOTATION.finditer(body):
        before = body[cursor : match.start()]
        parts.append(before)
        position += len(before)
        surface, label, value = match.group(1), match.group(2), match.group(3) or ""
        if label not in LABELS:
            raise ValueError(f"{doc_id}: unknown label {label!r} in {match.group(0)!r}")
        rows.append(
            {"doc_id": doc_id, "start": str(position), "end": str(position + len(surface)),
             "label": label, "text": surface, "value": value}
        )
        parts.append(surface)
        position += len(surface)
        cursor = match.end()
    parts.append(body[cursor:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise ValueError(f"{doc_id}: unbalanced or malformed annotation near {text[text.find('[['):][:60]!r}")
    return text, rows


def read_careers(path: Path, doc_id: str) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = []
        for row in csv.DictReader(handle):
            unknown = set(row) - set(CAREER_COLUMNS)
            if unknown:
                raise ValueError(f"{path.name}: unknown columns {sorted(unknown)}")
            row["doc_id"] = doc_id
            rows.append({col: (row.get(col) or "").strip() for col in CAREER_COLUMNS})
        return rows


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)


def build(corpus: Path) -> None:
    markup_dir = corpus / "markup"
    articles_dir = corpus / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    entities: list[dict[str, str]] = []
    careers: list[dict[str, str]] = []
    articles: list[dict[str, str]] = []
    for path in sorted(markup_dir.glob("*.txt")):
        doc_id = path.stem
        meta, body = split_header(path.read_text(encoding="utf-8"))
        text, rows = parse_markup(doc_id, body)
        (articles_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        entities.extend(rows)
        careers.extend(read_careers(markup_dir / f"{doc_id}.careers.csv", doc_id))
        articles.append({"doc_id": doc_id, "published": meta.get("published", ""),
                         "title": meta.get("title", ""), "source": meta.get("source", "")})
    entities.sort(key=lambda r: (r["doc_id"], int(r["start"])))
    careers.sort(key=lambda r: (r["doc_id"], r["person"], r["club"], r["role"]))
    write_csv(articles_dir / "articles.csv", ARTICLE_COLUMNS, articles)
    write_csv(corpus / "gold" / "entities.csv", ENTITY_COLUMNS, entities)
    write_csv(corpus / "gold" / "careers.csv", CAREER_COLUMNS, careers)
    print(f"{len(articles)} articles, {len(entities)} entity mentions, {len(careers)} career rows")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpus"))
