"""Evaluation stage: score predicted entities and career rows against a gold corpus (SPEC section 8)."""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pipeline.gold import (
    ARTICLES_DIR,
    GOLD_DIR,
    CareerRow,
    CorpusError,
    Mention,
    read_careers,
    read_mentions,
    read_texts,
    write_csv,
    write_text_atomic,
    year_of,
)
from pipeline.schema import CAREERS_FILE, ENTITIES_FILE, LABELS

EVAL_JSON = "eval.json"
EVAL_CSV = "eval.csv"
ERRORS_CSV = "errors.csv"
CAREER_ERRORS_CSV = "career_errors.csv"

MISSED, SPURIOUS, BOUNDARY, WRONG_LABEL = "missed", "spurious", "boundary", "label"
ERROR_KINDS: tuple[str, ...] = (MISSED, SPURIOUS, BOUNDARY, WRONG_LABEL)
ERROR_COLUMNS: list[str] = [
    "doc_id", "kind", "gold_label", "gold_start", "gold_end", "gold_text",
    "pred_label", "pred_start", "pred_end", "pred_text", "sentence",
]
CAREER_ERROR_COLUMNS: list[str] = ["doc_id", "kind", "person", "club", "role", "start", "end"]
MICRO = "micro"
_PUNCTUATION = str.maketrans("", "", string.punctuation + "„“”‚‘’«»–—…")
# Sentence ends for the error listing only: a full stop after a 1-2 digit number is an ordinal ("30. Juni").
_SENTENCE_END = re.compile(r"(?<!\b\d)(?<!\b\d\d)(?<!\bz\.B)(?<!\bbzw)(?<!\bca)(?<!\bDr)(?<!\bSt)(?<!\bNr)"
                           r"[.!?][\"'“”»«)]*\s+(?=[\"„“»«(]?[A-ZÄÖÜ0-9])")

G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and false negatives; undefined ratios (0/0) are None."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "gold": self.tp + self.fn,
                "pred": self.tp + self.fp, "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass(frozen=True)
class EntityError:
    doc_id: str
    kind: str
    gold: Mention | None
    pred: Mention | None
    sentence: str

    def to_row(self) -> dict[str, str]:
        row = {"doc_id": self.doc_id, "kind": self.kind, "sentence": self.sentence}
        for side, mention in (("gold", self.gold), ("pred", self.pred)):
            row |= {f"{side}_label": mention.label if mention else "",
                    f"{side}_start": str(mention.start) if mention else "",
                    f"{side}_end": str(mention.end) if mention else "",
                    f"{side}_text": mention.text if mention else ""}
        return row


def match_one_to_one(
    gold: Sequence[G], pred: Sequence[P], agree: Callable[[G, P], bool], rank: Callable[[G, P], Any],
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching that keeps the best-ranked pairs where it can.

    Pairs are first taken greedily in rank order over the whole document (so "Red Bulls" pairs with
    "Red Bulls", not "Red Bulls II"); augmenting paths (Kuhn) then add partners for gold items left
    over, which never unmatches an item, so the result is maximum.
    """
    edges = sorted((rank(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if agree(g, p))
    candidates: list[list[int]] = [[] for _ in gold]
    owner: dict[int, int] = {}
    matched: set[int] = set()
    for _, i, j in edges:
        candidates[i].append(j)
        if i not in matched and j not in owner:
            owner[j] = i
            matched.add(i)

    def augment(i: int, visited: set[int]) -> bool:
        for j in candidates[i]:
            if j in visited:
                continue
            visited.add(j)
            if j not in owner or augment(owner[j], visited):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        if i not in matched:
            augment(i, set())
    return sorted((i, j) for j, i in owner.items())


class StrictScheme:
    """SPEC 8 strict: same start, end and label."""

    name = "strict"

    @staticmethod
    def agree(gold: Mention, pred: Mention) -> bool:
        return (gold.start, gold.end, gold.label) == (pred.start, pred.end, pred.label)

    @staticmethod
    def rank(gold: Mention, pred: Mention) -> int:
        return 0


class LenientScheme:
    """SPEC 8 lenient: any overlap with the same label; exact spans first, then the closest boundaries."""

    name = "lenient"

    @staticmethod
    def agree(gold: Mention, pred: Mention) -> bool:
        return gold.label == pred.label and gold.overlaps(pred)

    @staticmethod
    def rank(gold: Mention, pred: Mention) -> int:
        return abs(gold.start - pred.start) + abs(gold.end - pred.end)


class MislabelScheme:
    """Pairs left over by the lenient scheme that overlap with different labels: same span first."""

    name = "label"

    @staticmethod
    def agree(gold: Mention, pred: Mention) -> bool:
        return gold.label != pred.label and gold.overlaps(pred)

    rank = LenientScheme.rank


def normalise_name(name: str) -> frozenset[str]:
    """SPEC 8: lower-case, drop punctuation, compare as token sets."""
    return frozenset(name.lower().translate(_PUNCTUATION).split())


def names_agree(gold: str, pred: str) -> bool:
    gold_tokens, pred_tokens = normalise_name(gold), normalise_name(pred)
    return bool(gold_tokens and pred_tokens) and (gold_tokens <= pred_tokens or pred_tokens <= gold_tokens)


def careers_agree(gold: CareerRow, pred: CareerRow, role_blind: bool = False) -> bool:
    return ((role_blind or gold.role == pred.role)
            and names_agree(gold.person, pred.person) and names_agree(gold.club, pred.club))


def _career_rank(gold: CareerRow, pred: CareerRow) -> tuple[bool, bool, bool]:
    return (gold.role != pred.role, normalise_name(gold.person) != normalise_name(pred.person),
            normalise_name(gold.club) != normalise_name(pred.club))


@dataclass(frozen=True)
class EntityScore:
    strict: dict[str, PRF]
    lenient: dict[str, PRF]
    date_value: Accuracy
    errors: list[EntityError]


@dataclass(frozen=True)
class CareerScore:
    rows: PRF
    role_blind: PRF
    start_year: Accuracy
    end_year: Accuracy
    missed: list[CareerRow] = field(default_factory=list)
    spurious: list[CareerRow] = field(default_factory=list)


def score_entities(gold: Sequence[Mention], pred: Sequence[Mention], text: str = "") -> EntityScore:
    """Score one document's mentions; `text` only serves to quote sentences in the error listing."""
    strict_pairs = match_one_to_one(gold, pred, StrictScheme.agree, StrictScheme.rank)
    # Exact pairs are fixed first: with non-overlapping gold spans this never lowers the overlap matching.
    rest_gold = _unmatched(range(len(gold)), (i for i, _ in strict_pairs))
    rest_pred = _unmatched(range(len(pred)), (j for _, j in strict_pairs))
    overlap_pairs = _match_subset(gold, pred, rest_gold, rest_pred, LenientScheme)
    rest_gold = _unmatched(rest_gold, (i for i, _ in overlap_pairs))
    rest_pred = _unmatched(rest_pred, (j for _, j in overlap_pairs))
    label_pairs = _match_subset(gold, pred, rest_gold, rest_pred, MislabelScheme)
    sentences = _sentence_bounds(text)
    errors = [_error(BOUNDARY, gold[i], pred[j], text, sentences) for i, j in overlap_pairs]
    errors += [_error(WRONG_LABEL, gold[i], pred[j], text, sentences) for i, j in label_pairs]
    errors += [_error(MISSED, gold[i], None, text, sentences)
               for i in _unmatched(rest_gold, (i for i, _ in label_pairs))]
    errors += [_error(SPURIOUS, None, pred[j], text, sentences)
               for j in _unmatched(rest_pred, (j for _, j in label_pairs))]
    errors.sort(key=_error_key)
    labels = _labels(gold, pred)
    strict = _per_label(labels, gold, pred, [gold[i].label for i, _ in strict_pairs])
    lenient = _per_label(labels, gold, pred, [gold[i].label for i, _ in strict_pairs + overlap_pairs])
    return EntityScore(strict, lenient, _date_accuracy(gold, pred, strict_pairs), errors)


def _unmatched(indices: Iterable[int], used: Iterable[int]) -> list[int]:
    taken = set(used)
    return [i for i in indices if i not in taken]


def _match_subset(gold: Sequence[Mention], pred: Sequence[Mention], gold_idx: list[int], pred_idx: list[int],
                  scheme: type[LenientScheme] | type[MislabelScheme]) -> list[tuple[int, int]]:
    pairs = match_one_to_one([gold[i] for i in gold_idx], [pred[j] for j in pred_idx], scheme.agree, scheme.rank)
    return [(gold_idx[i], pred_idx[j]) for i, j in pairs]


def _labels(gold: Iterable[Mention], pred: Iterable[Mention]) -> list[str]:
    extra = sorted({m.label for m in [*gold, *pred]} - set(LABELS))
    return [*LABELS, *extra]


def _per_label(labels: list[str], gold: Sequence[Mention], pred: Sequence[Mention],
               matched_labels: list[str]) -> dict[str, PRF]:
    tp, n_gold, n_pred = Counter(matched_labels), Counter(m.label for m in gold), Counter(m.label for m in pred)
    scores = {label: PRF(tp[label], n_pred[label] - tp[label], n_gold[label] - tp[label]) for label in labels}
    scores[MICRO] = sum(scores.values(), PRF())
    return scores


def _date_accuracy(gold: Sequence[Mention], pred: Sequence[Mention], strict_pairs: list[tuple[int, int]]) -> Accuracy:
    """Gold DATE mentions whose strictly matched prediction carries the same value, over all gold DATE mentions."""
    correct = sum(1 for i, j in strict_pairs
                  if gold[i].label == "DATE" and gold[i].value.strip() == pred[j].value.strip())
    return Accuracy(correct, sum(1 for m in gold if m.label == "DATE"))


def score_careers(gold: Sequence[CareerRow], pred: Sequence[CareerRow]) -> CareerScore:
    """Score one document's career rows: SPEC 8 token containment for person and club, one-to-one."""
    pairs = match_one_to_one(gold, pred, careers_agree, _career_rank)
    blind = match_one_to_one(gold, pred, lambda g, p: careers_agree(g, p, role_blind=True), _career_rank)
    start_year, end_year = Accuracy(), Accuracy()
    for i, j in pairs:
        start_year += _year_agreement(gold[i].start, pred[j].start)
        end_year += _year_agreement(gold[i].end, pred[j].end)
    missed = [gold[i] for i in _unmatched(range(len(gold)), (i for i, _ in pairs))]
    spurious = [pred[j] for j in _unmatched(range(len(pred)), (j for _, j in pairs))]
    return CareerScore(
        rows=PRF(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs)),
        role_blind=PRF(len(blind), len(pred) - len(blind), len(gold) - len(blind)),
        start_year=start_year, end_year=end_year, missed=missed, spurious=spurious,
    )


def _year_agreement(gold_value: str, pred_value: str) -> Accuracy:
    if not gold_value.strip():
        return Accuracy()
    return Accuracy(int(year_of(gold_value) == year_of(pred_value)), 1)


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end in _SENTENCE_END.finditer(line.group()):
            bounds.append((start, line.start() + end.start() + len(end.group().rstrip())))
            start = line.start() + end.end()
        bounds.append((start, line.end()))
    return bounds


def sentence_of(text: str, start: int, end: int, bounds: list[tuple[int, int]] | None = None) -> str:
    """The sentence(s) of `text` that hold the characters start..end."""
    bounds = _sentence_bounds(text) if bounds is None else bounds
    covering = [(s, e) for s, e in bounds if s < max(end, start + 1) and start < e]
    if not covering:
        return text[max(0, start - 60):end + 60].strip()
    return text[covering[0][0]:covering[-1][1]].strip()


def _error(kind: str, gold: Mention | None, pred: Mention | None, text: str,
           bounds: list[tuple[int, int]]) -> EntityError:
    spans = [m for m in (gold, pred) if m is not None]
    start, end = min(m.start for m in spans), max(m.end for m in spans)
    doc_id = spans[0].doc_id
    return EntityError(doc_id, kind, gold, pred, sentence_of(text, start, end, bounds) if text else "")


def _error_key(error: EntityError) -> tuple[str, int, int, str]:
    anchor = error.gold or error.pred
    assert anchor is not None
    return error.doc_id, anchor.start, anchor.end, error.kind


@dataclass(frozen=True)
class _Inputs:
    doc_ids: list[str]
    texts: dict[str, str]
    gold_mentions: dict[str, list[Mention]]
    pred_mentions: dict[str, list[Mention]]
    gold_careers: dict[str, list[CareerRow]]
    pred_careers: dict[str, list[CareerRow]]
    notes: list[str]


def _group(rows: Iterable[Any]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row.doc_id, []).append(row)
    return grouped


def _load(gold_dir: Path, pred_dir: Path) -> _Inputs:
    gold_entities, gold_careers = gold_dir / GOLD_DIR / ENTITIES_FILE, gold_dir / GOLD_DIR / CAREERS_FILE
    pred_entities, pred_careers = pred_dir / ENTITIES_FILE, pred_dir / CAREERS_FILE
    if not gold_entities.exists():
        raise CorpusError(f"{gold_entities}: missing; --gold takes a corpus folder with gold/{ENTITIES_FILE}")
    if not pred_entities.exists() and not pred_careers.exists():
        raise CorpusError(f"{pred_dir}: neither {ENTITIES_FILE} nor {CAREERS_FILE}; --pred takes an output folder")
    notes = [f"{path.name} missing in {path.parent}: scored as empty"
             for path in (gold_careers, pred_entities, pred_careers) if not path.exists()]
    texts = read_texts(gold_dir / ARTICLES_DIR)
    gold_m = _group(read_mentions(gold_entities))
    gold_c = _group(read_careers(gold_careers)) if gold_careers.exists() else {}
    doc_ids = sorted(set(texts) | set(gold_m) | set(gold_c))
    pred_m = _group(read_mentions(pred_entities)) if pred_entities.exists() else {}
    pred_c = _group(read_careers(pred_careers)) if pred_careers.exists() else {}
    ignored = sorted((set(pred_m) | set(pred_c)) - set(doc_ids))
    if ignored:
        notes.append(f"{len(ignored)} predicted documents are not in the gold corpus and were ignored: "
                     + ", ".join(ignored[:10]) + (" ..." if len(ignored) > 10 else ""))
    unpredicted = [doc for doc in doc_ids if doc not in pred_m and doc not in pred_c]
    if unpredicted:
        notes.append(f"{len(unpredicted)} gold documents have no predictions: "
                     + ", ".join(unpredicted[:10]) + (" ..." if len(unpredicted) > 10 else ""))
    return _Inputs(doc_ids, texts, gold_m, pred_m, gold_c, pred_c, notes)


def evaluate(gold_dir: Path, pred_dir: Path, write: bool = True, docs: str | None = None) -> dict[str, Any]:
    """Score `pred_dir` (entities.csv, careers.csv) against the corpus `gold_dir`; optionally write the reports.

    `docs` is a regular expression: only documents whose id matches it from the start are scored
    (e.g. a held-out part of the corpus)."""
    inputs = _load(gold_dir, pred_dir)
    if docs is not None:
        pattern = re.compile(docs)
        inputs.doc_ids[:] = [doc_id for doc_id in inputs.doc_ids if pattern.match(doc_id)]
    strict: dict[str, PRF] = {}
    lenient: dict[str, PRF] = {}
    date_value, rows, role_blind, start_year, end_year = Accuracy(), PRF(), PRF(), Accuracy(), Accuracy()
    errors: list[EntityError] = []
    career_errors: list[dict[str, str]] = []
    per_document: list[dict[str, Any]] = []
    for doc_id in inputs.doc_ids:
        entity = score_entities(inputs.gold_mentions.get(doc_id, []), inputs.pred_mentions.get(doc_id, []),
                                inputs.texts.get(doc_id, ""))
        career = score_careers(inputs.gold_careers.get(doc_id, []), inputs.pred_careers.get(doc_id, []))
        strict, lenient = _add_scores(strict, entity.strict), _add_scores(lenient, entity.lenient)
        date_value += entity.date_value
        rows, role_blind = rows + career.rows, role_blind + career.role_blind
        start_year, end_year = start_year + career.start_year, end_year + career.end_year
        errors += entity.errors
        career_errors += [_career_error("missed", row) for row in career.missed]
        career_errors += [_career_error("spurious", row) for row in career.spurious]
        per_document.append(_document_row(doc_id, entity, career))
    result: dict[str, Any] = {
        "gold_dir": str(gold_dir), "pred_dir": str(pred_dir), "documents": len(inputs.doc_ids),
        "notes": inputs.notes,
        "entities": {"strict": _dump(strict), "lenient": _dump(lenient)},
        "date_value": date_value.to_dict(),
        "careers": {"rows": rows.to_dict(), "role_blind": role_blind.to_dict(),
                    "start_year": start_year.to_dict(), "end_year": end_year.to_dict()},
        "error_counts": {kind: sum(1 for e in errors if e.kind == kind) for kind in ERROR_KINDS},
        "per_document": per_document,
        "errors": [error.to_row() for error in errors],
        "career_errors": career_errors,
    }
    if write:
        write_reports(result, pred_dir)
    return result


def _add_scores(total: Mapping[str, PRF], doc: Mapping[str, PRF]) -> dict[str, PRF]:
    return {label: total.get(label, PRF()) + doc.get(label, PRF()) for label in [*total, *doc]}


def _dump(scores: Mapping[str, PRF]) -> dict[str, dict[str, Any]]:
    labels = [label for label in scores if label != MICRO]
    return {label: scores[label].to_dict() for label in [*labels, MICRO]}


def _career_error(kind: str, row: CareerRow) -> dict[str, str]:
    return {"doc_id": row.doc_id, "kind": kind, "person": row.person, "club": row.club, "role": row.role,
            "start": row.start, "end": row.end}


def _document_row(doc_id: str, entity: EntityScore, career: CareerScore) -> dict[str, Any]:
    micro, lenient = entity.strict[MICRO], entity.lenient[MICRO]
    row: dict[str, Any] = {
        "doc_id": doc_id, "gold_mentions": micro.tp + micro.fn, "pred_mentions": micro.tp + micro.fp,
        "strict_p": micro.precision, "strict_r": micro.recall, "strict_f1": micro.f1, "lenient_f1": lenient.f1,
    }
    row |= {f"{label}_f1": entity.strict[label].f1 for label in LABELS}
    row |= {"gold_rows": career.rows.tp + career.rows.fn, "pred_rows": career.rows.tp + career.rows.fp,
            "career_p": career.rows.precision, "career_r": career.rows.recall, "career_f1": career.rows.f1}
    return row


EVAL_CSV_COLUMNS: list[str] = [
    "doc_id", "gold_mentions", "pred_mentions", "strict_p", "strict_r", "strict_f1", "lenient_f1",
    *(f"{label}_f1" for label in LABELS), "gold_rows", "pred_rows", "career_p", "career_r", "career_f1",
]


def write_reports(result: Mapping[str, Any], pred_dir: Path) -> None:
    """eval.json (scores, no error lists), eval.csv (per document), errors.csv and career_errors.csv."""
    summary = {key: value for key, value in result.items() if key not in ("errors", "career_errors")}
    write_text_atomic(pred_dir / EVAL_JSON, json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    write_csv(pred_dir / EVAL_CSV, EVAL_CSV_COLUMNS, [_csv_numbers(row) for row in result["per_document"]])
    write_csv(pred_dir / ERRORS_CSV, ERROR_COLUMNS, result["errors"])
    write_csv(pred_dir / CAREER_ERRORS_CSV, CAREER_ERROR_COLUMNS, result["career_errors"])


def _csv_numbers(row: Mapping[str, Any]) -> dict[str, str]:
    return {key: _number(value) if not isinstance(value, str) else value for key, value in row.items()}


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    return str(value) if isinstance(value, int) else f"{value:.4f}"


def _fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def format_report(result: Mapping[str, Any]) -> str:
    """A terminal table of the scores `evaluate` returns."""
    strict, lenient = result["entities"]["strict"], result["entities"]["lenient"]
    lines = [f"{result['documents']} documents   gold {result['gold_dir']}   pred {result['pred_dir']}", "",
             f"{'Entities':<10} {'gold':>5} {'pred':>5}   {'strict P':>8} {'R':>5} {'F1':>5}   {'lenient F1':>10}"]
    for label in strict:
        if label == MICRO:
            lines.append("-" * len(lines[2]))
        s = strict[label]
        lines.append(f"{label:<10} {s['gold']:>5} {s['pred']:>5}   {_fmt(s['precision']):>8} "
                     f"{_fmt(s['recall'])} {_fmt(s['f1'])}   {_fmt(lenient[label]['f1']):>10}")
    date = result["date_value"]
    lines += ["", f"DATE value accuracy   {_fmt(date['accuracy'])}  ({date['correct']}/{date['total']})", ""]
    careers = result["careers"]
    lines.append(f"{'Careers':<10} {'gold':>5} {'pred':>5}   {'P':>8} {'R':>5} {'F1':>5}")
    for name, key in (("rows", "rows"), ("role-blind", "role_blind")):
        c = careers[key]
        lines.append(f"{name:<10} {c['gold']:>5} {c['pred']:>5}   {_fmt(c['precision']):>8} "
                     f"{_fmt(c['recall'])} {_fmt(c['f1'])}")
    for name, key in (("start", "start_year"), ("end", "end_year")):
        acc = careers[key]
        lines.append(f"{name + ' year accuracy':<22}{_fmt(acc['accuracy'])}  "
                     f"({acc['correct']}/{acc['total']} matched rows with a gold {name})")
    counts = result["error_counts"]
    lines += ["", "Errors: " + ", ".join(f"{kind} {counts[kind]}" for kind in ERROR_KINDS)
              + f"   (listed in {ERRORS_CSV})"]
    lines += [f"note: {note}" for note in result["notes"]]
    return "\n".join(lines)
