"""Inter-annotator agreement: the second annotation in corpus/agreement/second/ against the first gold.

The first annotation (corpus/gold/entities.csv, corpus/gold/careers.csv) is the reference; the second
annotation is scored like a prediction with the project's scorer (pipeline.evaluate, SPEC section 8).
Only the documents that have a second annotation (`corpus/agreement/second/<doc_id>.txt`, same markup
format as corpus/markup/) are compared.

usage: python scripts/agreement.py [CORPUS_DIR] [--list]

Prints a markdown report; `--list` adds every disagreement (entity, DATE value, career row, career year).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from markup_to_gold import parse_markup, read_careers as read_markup_careers, split_header  # noqa: E402

from pipeline.evaluate import PRF, Accuracy, score_careers, score_entities  # noqa: E402
from pipeline.gold import CareerRow, Mention, read_careers, read_mentions, read_text, year_of  # noqa: E402
from pipeline.schema import LABELS  # noqa: E402

MICRO = "micro"


def load_second(second_dir: Path, articles_dir: Path) -> tuple[dict[str, list[Mention]], dict[str, list[CareerRow]],
                                                                 dict[str, str]]:
    mentions: dict[str, list[Mention]] = {}
    careers: dict[str, list[CareerRow]] = {}
    texts: dict[str, str] = {}
    for path in sorted(second_dir.glob("*.txt")):
        doc_id = path.stem
        _, body = split_header(path.read_text(encoding="utf-8"))
        text, rows = parse_markup(doc_id, body)
        article = read_text(articles_dir / f"{doc_id}.txt")
        if text != article:
            raise SystemExit(f"{path}: text without markup differs from {articles_dir / (doc_id + '.txt')}")
        texts[doc_id] = text
        mentions[doc_id] = [Mention.from_row(row) for row in rows]
        careers[doc_id] = [CareerRow.from_row(row)
                           for row in read_markup_careers(second_dir / f"{doc_id}.careers.csv", doc_id)]
    return mentions, careers, texts


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def prf_cells(score: PRF) -> str:
    return f"{fmt(score.precision)} | {fmt(score.recall)} | {fmt(score.f1)}"


def main(argv: list[str]) -> None:
    show_list = "--list" in argv
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "corpus"
    second_mentions, second_careers, texts = load_second(corpus / "agreement" / "second", corpus / "articles")
    doc_ids = sorted(second_mentions)
    gold_mentions = [m for m in read_mentions(corpus / "gold" / "entities.csv") if m.doc_id in second_mentions]
    gold_careers = [c for c in read_careers(corpus / "gold" / "careers.csv") if c.doc_id in second_mentions]

    totals = {"strict": {label: PRF() for label in [*LABELS, MICRO]},
              "lenient": {label: PRF() for label in [*LABELS, MICRO]}}
    date_value = Accuracy()
    rows, role_blind, start_year, end_year = PRF(), PRF(), Accuracy(), Accuracy()
    listing: list[str] = []
    unscored: list[str] = []  # differences the SPEC 8 scores ignore (non-DATE values, career league/titles)
    kinds: Counter[str] = Counter()
    for doc_id in doc_ids:
        gold = [m for m in gold_mentions if m.doc_id == doc_id]
        second = second_mentions[doc_id]
        result = score_entities(gold, second, texts[doc_id])
        for scheme in ("strict", "lenient"):
            for label, prf in getattr(result, scheme).items():
                if label in totals[scheme]:
                    totals[scheme][label] = totals[scheme][label] + prf
        date_value += result.date_value
        for error in result.errors:
            kinds[error.kind] += 1
            g = f"{error.gold.label} {error.gold.text!r} @{error.gold.start}" if error.gold else "—"
            p = f"{error.pred.label} {error.pred.text!r} @{error.pred.start}" if error.pred else "—"
            listing.append(f"| {doc_id} | {error.kind} | {g} | {p} |")
        second_by_span = {(m.start, m.end, m.label): m for m in second}
        for m in gold:
            other = second_by_span.get((m.start, m.end, m.label))
            if m.label == "DATE" and other and other.value.strip() != m.value.strip():
                kinds["value"] += 1
                listing.append(f"| {doc_id} | value | DATE {m.text!r} @{m.start} = {m.value} | = {other.value} |")
            elif other and other.value.strip() != m.value.strip():
                unscored.append(f"| {doc_id} | {m.label} value | {m.text!r} @{m.start} = {m.value or '∅'} "
                                f"| = {other.value or '∅'} |")
        gold_rows = [c for c in gold_careers if c.doc_id == doc_id]
        career = score_careers(gold_rows, second_careers[doc_id])
        rows += career.rows
        role_blind += career.role_blind
        start_year += career.start_year
        end_year += career.end_year
        for row in career.missed:
            kinds["career missed"] += 1
            listing.append(f"| {doc_id} | career missed | {row.person} / {row.club} / {row.role} | — |")
        for row in career.spurious:
            kinds["career extra"] += 1
            listing.append(f"| {doc_id} | career extra | — | {row.person} / {row.club} / {row.role} |")
        for g_row in gold_rows:
            for p_row in second_careers[doc_id]:
                if (g_row.person, g_row.club, g_row.role) == (p_row.person, p_row.club, p_row.role):
                    for col in ("league", "titles"):
                        gv, pv = getattr(g_row, col), getattr(p_row, col)
                        if gv != pv:
                            unscored.append(f"| {doc_id} | career {col} | {g_row.person} / {g_row.club} / "
                                            f"{g_row.role}: {gv or '∅'} | {pv or '∅'} |")
                    for col in ("start", "end"):
                        gv, pv = getattr(g_row, col), getattr(p_row, col)
                        if gv != pv:
                            same_year = gv and year_of(gv) == year_of(pv)
                            kind = f"career {col}" + (" (same year)" if same_year else "")
                            kinds[kind] += 1
                            listing.append(f"| {doc_id} | {kind} | {g_row.person} / {g_row.club} / {g_row.role}: "
                                           f"{gv or '∅'} | {pv or '∅'} |")

    out = [f"Documents: {', '.join(doc_ids)}", "",
           "Reference: first annotation (corpus/gold); compared: second annotation (corpus/agreement/second).", "",
           "| label | gold | second | strict P | strict R | strict F1 | lenient P | lenient R | lenient F1 |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for label in [*LABELS, MICRO]:
        s, lenient = totals["strict"][label], totals["lenient"][label]
        name = f"**{label}**" if label == MICRO else label
        out.append(f"| {name} | {s.tp + s.fn} | {s.tp + s.fp} | {prf_cells(s)} | {prf_cells(lenient)} |")
    out += ["",
            f"DATE value agreement: {fmt(date_value.accuracy)} ({date_value.correct}/{date_value.total} first-annotation "
            "DATE mentions with a strictly matching second mention of the same value)", "",
            "| careers | first | second | P | R | F1 |", "| --- | ---: | ---: | ---: | ---: | ---: |",
            f"| rows (person, club, role) | {rows.tp + rows.fn} | {rows.tp + rows.fp} | {prf_cells(rows)} |",
            f"| role-blind | {role_blind.tp + role_blind.fn} | {role_blind.tp + role_blind.fp} | {prf_cells(role_blind)} |",
            "",
            f"Career start year agreement: {fmt(start_year.accuracy)} ({start_year.correct}/{start_year.total} matched rows "
            "where the first annotation has a start)  ",
            f"Career end year agreement: {fmt(end_year.accuracy)} ({end_year.correct}/{end_year.total} matched rows "
            "where the first annotation has an end)", "",
            "Disagreements by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))]
    if show_list:
        out += ["", "| doc | kind | first (gold) | second |", "| --- | --- | --- | --- |", *listing]
        out += ["", "Unscored differences:", "", "| doc | kind | first (gold) | second |", "| --- | --- | --- | --- |",
                *unscored]
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
