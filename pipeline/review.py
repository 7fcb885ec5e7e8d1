"""Review stage: one self-contained HTML page showing each document's highlighted mentions and career rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path

from pipeline.gold import Mention, locate_texts, read_mentions, read_rows, write_text_atomic
from pipeline.schema import CAREER_COLUMNS, CAREERS_FILE, ENTITIES_FILE, LABELS, PEOPLE_COLUMNS, PEOPLE_FILE

REVIEW_FILE = "review.html"
LABEL_COLOURS: dict[str, str] = {
    "PERSON": "#ffd6a5", "CLUB": "#a0c4ff", "PLACE": "#caffbf", "DATE": "#fdffb6", "LEAGUE": "#bdb2ff",
    "TITLE": "#ffadad",
}
OTHER_COLOUR = "#dddddd"
_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; line-height: 1.5; color: #222; }
.text { white-space: pre-wrap; border: 1px solid #ccc; padding: 1rem; background: #fcfcfc; }
mark { padding: 0 .15em; border-radius: .2em; }
mark sup { font-size: .6em; margin-left: .2em; color: #444; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; font-size: .9em; }
th, td { border: 1px solid #ccc; padding: .2rem .4rem; text-align: left; vertical-align: top; }
td.evidence { font-size: .85em; color: #555; max-width: 28rem; }
.warning { color: #a00; }
.legend mark { margin-right: .5em; }
section { margin-bottom: 3rem; }
"""


def write_review(out_dir: Path, corpus_dirs: list[Path] | None = None) -> Path:
    """Write OUT_DIR/review.html from the extractor's CSVs; texts come from sources.csv or `corpus_dirs`."""
    mentions = read_mentions(out_dir / ENTITIES_FILE) if (out_dir / ENTITIES_FILE).exists() else []
    careers = _rows(out_dir / CAREERS_FILE)
    people = _rows(out_dir / PEOPLE_FILE)
    doc_ids = [m.doc_id for m in mentions] + [r["doc_id"] for r in [*careers, *people]]
    texts = locate_texts(doc_ids, out_dir, corpus_dirs or [])
    all_ids = sorted(set(doc_ids) | set(texts))
    sections = [
        _document(doc_id, texts.get(doc_id), [m for m in mentions if m.doc_id == doc_id],
                  [r for r in careers if r["doc_id"] == doc_id], [r for r in people if r["doc_id"] == doc_id])
        for doc_id in all_ids
    ]
    labels = [*LABELS, *sorted({m.label for m in mentions} - set(LABELS))]
    page = _page(out_dir, labels, all_ids, len(mentions), len(careers), sections)
    path = out_dir / REVIEW_FILE
    write_text_atomic(path, page)
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    return read_rows(path) if path.exists() else []


def _colour(label: str) -> str:
    return LABEL_COLOURS.get(label, OTHER_COLOUR)


def _anchor(doc_id: str) -> str:
    return "doc-" + escape(doc_id, quote=True)


def _page(out_dir: Path, labels: Sequence[str], doc_ids: Sequence[str], n_mentions: int, n_careers: int,
          sections: Iterable[str]) -> str:
    legend = " ".join(_mark(label, label, "") for label in labels)
    toc = "".join(f'<li><a href="#{_anchor(d)}">{escape(d)}</a></li>' for d in doc_ids)
    return (
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f"<title>karriere review: {escape(str(out_dir))}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>karriere review</h1>\n<p>{escape(str(out_dir))}: {len(doc_ids)} documents, "
        f"{n_mentions} entity mentions, {n_careers} career rows</p>\n"
        f'<p class="legend">{legend}</p>\n<ul>{toc}</ul>\n' + "\n".join(sections) + "\n</body>\n</html>\n"
    )


def _mark(text: str, label: str, value: str) -> str:
    title = f"{label}: {value}" if value else label
    return (f'<mark style="background:{_colour(label)}" title="{escape(title, quote=True)}">'
            f"{escape(text)}<sup>{escape(label)}</sup></mark>")


def _document(doc_id: str, text: str | None, mentions: Sequence[Mention], careers: Sequence[Mapping[str, str]],
              people: Sequence[Mapping[str, str]]) -> str:
    parts = [f'<section id="{_anchor(doc_id)}">\n<h2>{escape(doc_id)}</h2>']
    if text is None:
        parts.append('<p class="warning">Article text not found: give the corpus folder or write sources.csv.</p>')
    else:
        highlighted, skipped = _highlight(text, mentions)
        parts.append(f'<div class="text">{highlighted}</div>')
        if skipped:
            listed = "; ".join(f"{m.start}-{m.end} {m.label} {m.text!r}" for m in skipped)
            parts.append(f'<p class="warning">Not highlighted (overlapping or offsets off): {escape(listed)}</p>')
    parts.append(f"<h3>Career ({len(careers)})</h3>")
    parts.append(_table(careers, CAREER_COLUMNS[1:]))
    if people:
        parts.append(f"<h3>People ({len(people)})</h3>")
        parts.append(_table(people, PEOPLE_COLUMNS[1:]))
    return "\n".join(parts) + "\n</section>"


def _highlight(text: str, mentions: Sequence[Mention]) -> tuple[str, list[Mention]]:
    out: list[str] = []
    skipped: list[Mention] = []
    cursor = 0
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.start < cursor or text[mention.start:mention.end] != mention.text or mention.end <= mention.start:
            skipped.append(mention)
            continue
        out.append(escape(text[cursor:mention.start]))
        out.append(_mark(mention.text, mention.label, mention.value))
        cursor = mention.end
    out.append(escape(text[cursor:]))
    return "".join(out), skipped


def _table(rows: Sequence[Mapping[str, str]], columns: Sequence[str]) -> str:
    if not rows:
        return "<p>none</p>"
    head = "".join(f"<th>{escape(col)}</th>" for col in columns)
    body = "".join(
        "<tr>" + "".join(f'<td class="{escape(col, quote=True)}">{escape(row.get(col) or "")}</td>'
                         for col in columns) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"
