"""Export stage for annotation tools: entity mentions to and from Label Studio JSON, doccano JSONL and spaCy DocBin."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from pipeline.gold import (
    ARTICLES_DIR,
    GOLD_DIR,
    CorpusError,
    Mention,
    locate_texts,
    read_mentions,
    read_texts,
    sort_mentions,
    write_csv,
    write_text_atomic,
)
from pipeline.schema import ENTITIES_FILE, ENTITY_COLUMNS, LABELS

LABELSTUDIO, DOCCANO, DOCBIN = "labelstudio", "doccano", "docbin"
FORMATS: tuple[str, ...] = (LABELSTUDIO, DOCCANO, DOCBIN)
ANNOTATIONS, PREDICTIONS = "annotations", "predictions"
# Label Studio control names; the config from `label_studio_config` uses the same ones.
LS_LABELS, LS_VALUE, LS_TEXT = "label", "value", "text"
MODEL_VERSION = "karriere"
SPAN_KEY = "karriere_mentions"
USER_DOC_ID, USER_VALUES = "karriere_doc_id", "karriere_values"


@dataclass(frozen=True)
class Counts:
    documents: int
    mentions: int


@dataclass(frozen=True)
class Document:
    doc_id: str
    text: str
    mentions: tuple[Mention, ...]


def label_studio_config(labels: Sequence[str] = LABELS) -> str:
    """A Label Studio labelling config matching the exported tasks (labels plus a per-region value box)."""
    choices = "\n".join(f'    <Label value="{label}"/>' for label in labels)
    return (f'<View>\n  <Labels name="{LS_LABELS}" toName="{LS_TEXT}">\n{choices}\n  </Labels>\n'
            f'  <Text name="{LS_TEXT}" value="$text"/>\n'
            f'  <TextArea name="{LS_VALUE}" toName="{LS_TEXT}" perRegion="true" editable="true" '
            f'maxSubmissions="1" placeholder="value (DATE value, canonical name)"/>\n</View>\n')


def corpus_documents(corpus_dir: Path) -> list[Document]:
    """Every article of a gold corpus with its gold mentions."""
    texts = read_texts(corpus_dir / ARTICLES_DIR)
    return _documents(texts, read_mentions(corpus_dir / GOLD_DIR / ENTITIES_FILE), str(corpus_dir))


def prediction_documents(pred_dir: Path, corpus_dirs: Iterable[Path] = ()) -> list[Document]:
    """Every predicted document with its mentions; texts come from sources.csv or `corpus_dirs`."""
    path = pred_dir / ENTITIES_FILE
    if not path.exists():
        raise CorpusError(f"{path}: missing")
    mentions = read_mentions(path)
    texts = locate_texts((m.doc_id for m in mentions), pred_dir, corpus_dirs)
    return _documents(texts, mentions, str(pred_dir))


def _documents(texts: Mapping[str, str], mentions: Sequence[Mention], where: str) -> list[Document]:
    missing = sorted({m.doc_id for m in mentions} - set(texts))
    if missing:
        raise CorpusError(f"{where}: no text for {', '.join(missing[:5])}; give the corpus folder")
    return [Document(doc_id, texts[doc_id], tuple(m for m in mentions if m.doc_id == doc_id))
            for doc_id in sorted(texts)]


def export_documents(documents: Sequence[Document], out: Path, fmt: str, kind: str = ANNOTATIONS) -> Counts:
    """Write `documents` to `out` in `fmt`; `kind` says whether Label Studio gets them as annotations or predictions."""
    if fmt == LABELSTUDIO:
        tasks = [_ls_task(number, doc, kind) for number, doc in enumerate(documents, start=1)]
        write_text_atomic(out, json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
    elif fmt == DOCCANO:
        lines = (json.dumps(_doccano_record(doc), ensure_ascii=False) for doc in documents)
        write_text_atomic(out, "".join(line + "\n" for line in lines))
    elif fmt == DOCBIN:
        _write_docbin(documents, out)
    else:
        raise CorpusError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    return Counts(len(documents), sum(len(doc.mentions) for doc in documents))


def export_corpus(corpus_dir: Path, out: Path, fmt: str) -> Counts:
    return export_documents(corpus_documents(corpus_dir), out, fmt, ANNOTATIONS)


def export_predictions(pred_dir: Path, out: Path, fmt: str, corpus_dirs: Iterable[Path] = ()) -> Counts:
    return export_documents(prediction_documents(pred_dir, corpus_dirs), out, fmt, PREDICTIONS)


def import_documents(path: Path, fmt: str) -> list[Document]:
    if fmt == LABELSTUDIO:
        tasks = json.loads(path.read_text(encoding="utf-8"))
        return [_ls_document(task, number) for number, task in enumerate(_as_list(tasks), start=1)]
    if fmt == DOCCANO:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [_doccano_document(json.loads(line), number) for number, line in enumerate(lines, start=1)]
    if fmt == DOCBIN:
        return _read_docbin(path)
    raise CorpusError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def import_file(path: Path, fmt: str, out_dir: Path) -> Counts:
    """Read an annotation-tool file and write its mentions as OUT_DIR/entities.csv."""
    documents = import_documents(path, fmt)
    mentions = sort_mentions(m for doc in documents for m in doc.mentions)
    write_csv(out_dir / ENTITIES_FILE, ENTITY_COLUMNS, (m.to_row() for m in mentions))
    return Counts(len(documents), len(mentions))


def _mention(doc_id: str, text: str, start: int, end: int, label: str, value: str) -> Mention:
    if not 0 <= start < end <= len(text):
        raise CorpusError(f"{doc_id}: span {start}-{end} lies outside the text")
    return Mention(doc_id, start, end, label, text[start:end], value)


def _as_list(data: Any) -> list[Any]:
    return data if isinstance(data, list) else [data]


def _ls_task(number: int, doc: Document, kind: str) -> dict[str, Any]:
    result: list[dict[str, Any]] = []
    for index, m in enumerate(doc.mentions):
        region = f"{doc.doc_id}-{index}"
        result.append({"id": region, "from_name": LS_LABELS, "to_name": LS_TEXT, "type": "labels",
                       "value": {"start": m.start, "end": m.end, "text": m.text, "labels": [m.label]}})
        if m.value:
            result.append({"id": region, "from_name": LS_VALUE, "to_name": LS_TEXT, "type": "textarea",
                           "value": {"start": m.start, "end": m.end, "text": [m.value]}})
    entry: dict[str, Any] = {"result": result}
    if kind == PREDICTIONS:
        entry["model_version"] = MODEL_VERSION
    return {"id": number, "data": {"text": doc.text, "doc_id": doc.doc_id}, kind: [entry]}


def _ls_document(task: Mapping[str, Any], number: int) -> Document:
    text, doc_id = task["data"]["text"], task["data"].get("doc_id") or f"task_{task.get('id', number)}"
    annotations = [a for a in task.get(ANNOTATIONS) or [] if not a.get("was_cancelled")]
    chosen = (annotations or task.get(PREDICTIONS) or [{"result": []}])[0]
    values: dict[str, str] = {}
    for item in chosen["result"]:
        if item.get("type") == "textarea":
            values[item["id"]] = "\n".join(item["value"].get("text") or [])
    mentions = []
    for item in chosen["result"]:
        if item.get("type") != "labels":
            continue
        value = item["value"]
        meta = item.get("meta", {}).get("text") or []
        mentions.append(_mention(doc_id, text, value["start"], value["end"], value["labels"][0],
                                 values.get(item.get("id", ""), "\n".join(meta))))
    return Document(doc_id, text, tuple(sort_mentions(mentions)))


def _doccano_record(doc: Document) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "text": doc.text,
            "label": [[m.start, m.end, m.label] for m in doc.mentions],
            "values": [[m.start, m.end, m.label, m.value] for m in doc.mentions if m.value]}


def _doccano_document(record: Mapping[str, Any], number: int) -> Document:
    text, doc_id = record["text"], str(record.get("doc_id") or f"doc_{record.get('id', number)}")
    spans = record.get("label")
    if spans is None:  # doccano's other JSONL layout: "entities" with start_offset/end_offset
        spans = [[e["start_offset"], e["end_offset"], e["label"]] for e in record.get("entities", [])]
    values = {(start, end, label): value for start, end, label, value in record.get("values", [])}
    mentions = [_mention(doc_id, text, start, end, label, values.get((start, end, label), ""))
                for start, end, label in spans]
    return Document(doc_id, text, tuple(sort_mentions(mentions)))


def _aligned_doc(nlp: Language, text: str, mentions: Sequence[Mention]) -> Doc:
    """Tokenise, then split tokens at mention boundaries so every gold span maps to whole tokens."""
    cuts = {offset for m in mentions for offset in (m.start, m.end)}
    words: list[str] = []
    spaces: list[bool] = []
    for token in nlp.make_doc(text):
        inner = sorted(c - token.idx for c in cuts if token.idx < c < token.idx + len(token.text))
        pieces = [token.text[a:b] for a, b in zip([0, *inner], [*inner, len(token.text)])]
        words += pieces
        spaces += [False] * (len(pieces) - 1) + [bool(token.whitespace_)]
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _write_docbin(documents: Sequence[Document], out: Path) -> None:
    nlp = spacy.blank("de")
    docbin = DocBin(store_user_data=True)
    for document in documents:
        doc = _aligned_doc(nlp, document.text, document.mentions)
        spans = [_span(doc, m) for m in document.mentions]
        doc.spans[SPAN_KEY] = spans
        # doc.ents cannot hold overlapping predictions; the span group keeps all of them.
        doc.ents = filter_spans(spans)
        doc.user_data[USER_DOC_ID] = document.doc_id
        doc.user_data[USER_VALUES] = [[m.start, m.end, m.label, m.value] for m in document.mentions if m.value]
        docbin.add(doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    docbin.to_disk(tmp)
    tmp.replace(out)


def _span(doc: Doc, mention: Mention) -> Span:
    span = doc.char_span(mention.start, mention.end, label=mention.label)
    if span is None:
        raise CorpusError(f"{mention.doc_id}: {mention.start}-{mention.end} does not fall on token boundaries")
    return span


def _read_docbin(path: Path) -> list[Document]:
    nlp = spacy.blank("de")
    documents = []
    for number, doc in enumerate(DocBin().from_disk(path).get_docs(nlp.vocab), start=1):
        doc_id = doc.user_data.get(USER_DOC_ID) or f"doc_{number}"
        values = {(s, e, label): value for s, e, label, value in doc.user_data.get(USER_VALUES, [])}
        spans = doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else doc.ents
        mentions = [_mention(doc_id, doc.text, span.start_char, span.end_char, span.label_,
                             values.get((span.start_char, span.end_char, span.label_), ""))
                    for span in spans]
        documents.append(Document(doc_id, doc.text, tuple(sort_mentions(mentions))))
    return documents
