"""Export stage: run the pipeline over a corpus and write entities.csv, careers.csv, people.csv."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from .careers import Person, extract_careers
from .corpus import Article, read_corpus
from .errors import InputError
from .gold import SOURCES_FILE, CareerRow, write_csv
from .nlp import build_nlp, make_docs
from .schema import (
    CAREER_COLUMNS, CAREERS_FILE, ENTITIES_FILE, ENTITY_COLUMNS, PEOPLE_COLUMNS, PEOPLE_FILE,
)

PROGRESS_MIN_DOCS = 5


@dataclass
class ExtractionResult:
    documents: int = 0
    tokens: int = 0
    seconds: float = 0.0
    labels: Counter[str] = field(default_factory=Counter)
    careers: int = 0
    people: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        labels = ", ".join(f"{label} {n}" for label, n in sorted(self.labels.items()))
        rate = self.tokens / self.seconds if self.seconds else 0.0
        return (
            f"{self.documents} documents, {sum(self.labels.values())} entities ({labels}), "
            f"{self.careers} career rows, {self.people} people, {self.seconds:.1f} s, "
            f"{rate:,.0f} tokens/s"
        )


def entity_rows(doc: Doc, doc_id: str) -> list[dict[str, str]]:
    return [
        {"doc_id": doc_id, "start": str(e.start_char), "end": str(e.end_char),
         "label": e.label_, "text": e.text, "value": e.kb_id_}
        for e in doc.ents
    ]


def process(nlp: Language, articles: list[Article]) -> tuple[list[dict[str, str]], list[CareerRow], list[Person], int]:
    entities: list[dict[str, str]] = []
    careers: list[CareerRow] = []
    people: list[Person] = []
    tokens = 0
    docs = nlp.pipe(make_docs(nlp, ((a.text, a.published) for a in articles)), batch_size=8)
    progress = tqdm(zip(articles, docs), total=len(articles), unit="doc",
                    # None: shown on a terminal only, so logs and pipes stay clean
                    disable=True if len(articles) < PROGRESS_MIN_DOCS else None, leave=False)
    for article, doc in progress:
        tokens += len(doc)
        entities.extend(entity_rows(doc, article.doc_id))
        stations, persons = extract_careers(doc, article.doc_id, article.published)
        careers.extend(stations)
        people.extend(persons)
    return entities, careers, people, tokens


def write_outputs(out_dir: Path, articles: list[Article], entities: list[dict[str, str]],
                  careers: list[CareerRow], people: list[Person]) -> None:
    """Every table is written to a temporary file and renamed: no half-written outputs."""
    entities.sort(key=lambda r: (r["doc_id"], int(r["start"])))
    write_csv(out_dir / ENTITIES_FILE, ENTITY_COLUMNS, entities)
    write_csv(out_dir / CAREERS_FILE, CAREER_COLUMNS,
              sorted((c.to_row() for c in careers), key=lambda r: (r["doc_id"], r["person"], r["club"], r["role"])))
    write_csv(out_dir / PEOPLE_FILE, PEOPLE_COLUMNS,
              sorted((p.as_row() for p in people), key=lambda r: (r["doc_id"], r["person"])))
    write_csv(out_dir / SOURCES_FILE, ["doc_id", "path"],
              [{"doc_id": a.doc_id, "path": str(a.path.resolve())} for a in articles])


def extract(inputs: list[Path], out_dir: Path, published: dt.date | None = None,
            model: str | None = None, nlp: Language | None = None) -> ExtractionResult:
    """Read the inputs, run the pipeline, write the three tables; bad inputs are skipped and listed."""
    articles, skipped = read_corpus(inputs, published)
    if not articles:
        raise InputError("no readable article: " + ("; ".join(skipped) or "no input"))
    nlp = nlp or build_nlp(model)
    started = time.perf_counter()
    entities, careers, people, tokens = process(nlp, articles)
    seconds = time.perf_counter() - started
    write_outputs(out_dir, articles, entities, careers, people)
    return ExtractionResult(
        documents=len(articles), tokens=tokens, seconds=seconds,
        labels=Counter(r["label"] for r in entities), careers=len(careers), people=len(people),
        skipped=skipped,
    )
