"""Benchmark the date stage against `dateparser.search_dates` on the gold DATE mentions.

Reads `CORPUS/articles/*.txt`, `CORPUS/articles/articles.csv` (doc_id, published) and the
DATE rows of `CORPUS/gold/entities.csv`; prints a markdown table with strict span
precision/recall/F1, value accuracy, seconds and tokens per second for each system.

usage: python scripts/benchmark_dates.py [CORPUS_DIR] [--docs REGEX] [--errors] [--ours-only]
       (default: corpus)
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pipeline.dates import find_dates

TOKEN = re.compile(r"\w+|[^\w\s]")
Span = tuple[str, int, int]  # doc_id, start, end


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    published: dt.date | None


@dataclass(frozen=True)
class Prediction:
    span: Span
    text: str
    value: str           # our normalised value, or "" for dateparser
    moment: dt.datetime | None  # what dateparser returned


@dataclass(frozen=True)
class Score:
    system: str
    precision: float
    recall: float
    f1: float
    value_accuracy: float | None
    seconds: float
    tokens_per_second: float
    misses: tuple[str, ...]


def read_corpus(corpus: Path, docs: str = "") -> tuple[list[Article], dict[Span, tuple[str, str]]]:
    published: dict[str, dt.date | None] = {}
    meta = corpus / "articles" / "articles.csv"
    if meta.exists():
        with meta.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                day = (row.get("published") or "").strip()
                published[row["doc_id"]] = dt.date.fromisoformat(day) if day else None
    articles = [
        Article(path.stem, path.read_text(encoding="utf-8"), published.get(path.stem))
        for path in sorted((corpus / "articles").glob("*.txt"))
        if re.search(docs, path.stem)
    ]
    return articles, read_gold(corpus / "gold" / "entities.csv", {a.doc_id for a in articles})


def read_gold(path: Path, doc_ids: set[str]) -> dict[Span, tuple[str, str]]:
    gold: dict[Span, tuple[str, str]] = {}
    if not path.exists():
        return gold
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["label"] == "DATE" and row["doc_id"] in doc_ids:
                gold[(row["doc_id"], int(row["start"]), int(row["end"]))] = (row["text"], row["value"])
    return gold


def run_ours(article: Article) -> list[Prediction]:
    return [
        Prediction((article.doc_id, m.start, m.end), m.text, m.value, None)
        for m in find_dates(article.text, article.published)
    ]


def run_dateparser(article: Article) -> list[Prediction]:
    from dateparser.search import search_dates  # type: ignore[import-untyped]

    settings: dict[str, object] = {}
    if article.published:
        settings["RELATIVE_BASE"] = dt.datetime.combine(article.published, dt.time())
    found = search_dates(article.text, languages=["de"], settings=settings) or []
    predictions: list[Prediction] = []
    cursor = 0
    for surface, moment in found:
        start = article.text.find(surface, cursor)
        if start < 0:
            start = article.text.find(surface)
        if start < 0:
            continue
        cursor = start + len(surface)
        predictions.append(Prediction((article.doc_id, start, cursor), surface, "", moment))
    return predictions


def at_gold_precision(moment: dt.datetime, gold_value: str) -> str | None:
    """The dateparser date written like the gold value, where the gold form allows it."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold_value):
        return moment.date().isoformat()
    if re.fullmatch(r"\d{4}-\d{2}", gold_value):
        return f"{moment.year}-{moment.month:02d}"
    if re.fullmatch(r"\d{4}", gold_value):
        return str(moment.year)
    return None  # seasons, football seasons, weeks, decades: dateparser has no such value


def value_of(prediction: Prediction, gold_value: str) -> str | None:
    if prediction.moment is None:
        return prediction.value
    return at_gold_precision(prediction.moment, gold_value)


def score(
    system: str,
    articles: list[Article],
    gold: dict[Span, tuple[str, str]],
    run: Callable[[Article], list[Prediction]],
) -> Score:
    run(Article("warm-up", "Am 30. Juni 2017 und vor fünf Jahren.", dt.date(2021, 3, 10)))
    began = time.perf_counter()
    predictions = [p for article in articles for p in run(article)]
    seconds = time.perf_counter() - began
    by_span = {p.span: p for p in predictions}
    hits = [span for span in gold if span in by_span]
    precision = len(hits) / len(predictions) if predictions else 0.0
    recall = len(hits) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    correct = sum(1 for span in hits if value_of(by_span[span], gold[span][1]) == gold[span][1])
    tokens = sum(len(TOKEN.findall(a.text)) for a in articles)
    return Score(
        system=system,
        precision=precision,
        recall=recall,
        f1=f1,
        value_accuracy=correct / len(gold) if gold else None,
        seconds=seconds,
        tokens_per_second=tokens / seconds if seconds else 0.0,
        misses=tuple(_errors(gold, by_span)),
    )


def _errors(gold: dict[Span, tuple[str, str]], by_span: dict[Span, Prediction]) -> list[str]:
    lines = []
    for span, (text, value) in sorted(gold.items()):
        found = by_span.get(span)
        if found is None:
            lines.append(f"FN {span[0]} {span[1]}-{span[2]} {text!r} gold={value}")
        elif found.moment is None and found.value != value:
            lines.append(f"VAL {span[0]} {span[1]}-{span[2]} {text!r} gold={value} pred={found.value}")
    for span, prediction in sorted(by_span.items()):
        if span not in gold:
            lines.append(f"FP {span[0]} {span[1]}-{span[2]} {prediction.text!r} pred={prediction.value}")
    return lines


def markdown(scores: list[Score], articles: int, gold: int, tokens: int) -> str:
    rows = [
        f"Corpus: {articles} articles, {tokens} tokens, {gold} gold DATE mentions.",
        "",
        "| system | precision | recall | F1 | value accuracy | seconds | tokens/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in scores:
        value = "n/a" if s.value_accuracy is None else f"{s.value_accuracy:.3f}"
        rows.append(
            f"| {s.system} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {value} "
            f"| {s.seconds:.3f} | {s.tokens_per_second:,.0f} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="corpus", type=Path)
    parser.add_argument("--docs", default="", help="only the documents whose id matches this regex")
    parser.add_argument("--errors", action="store_true", help="list misses, spurious hits and wrong values")
    parser.add_argument("--ours-only", action="store_true", help="skip dateparser (it is slow)")
    args = parser.parse_args()
    articles, gold = read_corpus(args.corpus, args.docs)
    systems: list[tuple[str, Callable[[Article], list[Prediction]]]] = [("karriere dates", run_ours)]
    if not args.ours_only:
        systems.append(("dateparser.search_dates", run_dateparser))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser warns about pytz/time zone data on every call
        scores = [score(name, articles, gold, run) for name, run in systems]
    tokens = sum(len(TOKEN.findall(a.text)) for a in articles)
    print(markdown(scores, len(articles), len(gold), tokens))
    if args.errors:
        for s in scores[:1]:
            print(f"\n## {s.system}: errors\n")
            print("\n".join(s.misses) or "none")


if __name__ == "__main__":
    main()
