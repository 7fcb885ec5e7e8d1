"""Command line for the evaluation stage: evaluate, validate, export, import and review (thin typer commands)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from pipeline.evaluate import ERRORS_CSV, EVAL_CSV, EVAL_JSON, evaluate, format_report
from pipeline.formats import export_corpus, export_predictions, import_file, label_studio_config
from pipeline.gold import CorpusError, validate_corpus, write_text_atomic
from pipeline.review import write_review


class Format(str, Enum):
    labelstudio = "labelstudio"
    doccano = "doccano"
    docbin = "docbin"


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def evaluate_command(
    gold: Annotated[Path, typer.Option("--gold", help="Gold corpus folder (articles/, gold/).")],
    pred: Annotated[Path, typer.Option("--pred", help="Output folder of `karriere extract`.")],
    docs: Annotated[Optional[str], typer.Option(
        "--docs", help="Regular expression: score only the documents whose id it matches, e.g. '03[3-9]|04'.")] = None,
) -> None:
    """Score predictions against the gold corpus; writes eval.json, eval.csv and errors.csv into --pred."""
    try:
        result = evaluate(gold, pred, docs=docs)
    except (CorpusError, OSError) as exc:
        _fail(str(exc))
    typer.echo(format_report(result))
    typer.echo(f"\nwrote {pred / EVAL_JSON}, {pred / EVAL_CSV}, {pred / ERRORS_CSV}")


def validate_command(
    corpus: Annotated[Path, typer.Argument(help="Gold corpus folder (articles/, gold/).")],
) -> None:
    """Check a gold corpus against the SPEC; prints one line per problem and exits 1 if there are any."""
    problems = validate_corpus(corpus)
    for problem in problems:
        typer.echo(problem)
    if problems:
        typer.echo(f"{len(problems)} problems in {corpus}", err=True)
        raise typer.Exit(1)
    typer.echo(f"{corpus}: valid")


def export_command(
    fmt: Annotated[Format, typer.Option("--format", help="Annotation tool format.")],
    out: Annotated[Path, typer.Option("--out", help="File to write.")],
    corpus: Annotated[Path | None, typer.Option("--corpus", help="Export a gold corpus (as annotations).")] = None,
    pred: Annotated[Path | None, typer.Option("--pred", help="Export an output folder (as predictions).")] = None,
    texts: Annotated[list[Path] | None, typer.Option(
        "--texts", help="Where --pred texts are, if the output folder has no sources.csv.")] = None,
) -> None:
    """Export gold or predicted entity mentions for Label Studio, doccano or spaCy."""
    if (corpus is None) == (pred is None):
        _fail("give exactly one of --corpus and --pred")
    try:
        if corpus is not None:
            counts = export_corpus(corpus, out, fmt.value)
        else:
            assert pred is not None
            counts = export_predictions(pred, out, fmt.value, texts or [])
    except (CorpusError, OSError) as exc:
        _fail(str(exc))
    typer.echo(f"wrote {counts.documents} documents, {counts.mentions} mentions to {out}")
    if fmt is Format.labelstudio:
        config = out.with_name(f"{out.stem}.labelconfig.xml")
        write_text_atomic(config, label_studio_config())
        typer.echo(f"Label Studio labelling config: {config}")


def import_command(
    file: Annotated[Path, typer.Argument(help="File exported from the annotation tool.")],
    fmt: Annotated[Format, typer.Option("--format", help="Annotation tool format.")],
    out: Annotated[Path, typer.Option("--out", help="Folder to write entities.csv into.")],
) -> None:
    """Import entity mentions from Label Studio, doccano or spaCy into OUT/entities.csv."""
    try:
        counts = import_file(file, fmt.value, out)
    except (CorpusError, OSError, ValueError, KeyError) as exc:
        _fail(f"{file}: {exc}")
    typer.echo(f"read {counts.documents} documents, {counts.mentions} mentions into {out / 'entities.csv'}")


def review_command(
    out_dir: Annotated[Path, typer.Argument(help="Output folder of `karriere extract`.")],
    corpus: Annotated[list[Path] | None, typer.Option(
        "--corpus", help="Where the article texts are, if OUT_DIR has no sources.csv.")] = None,
) -> None:
    """Write OUT_DIR/review.html: highlighted mentions and career tables per document."""
    if not out_dir.is_dir():
        _fail(f"{out_dir}: no such folder")
    typer.echo(f"wrote {write_review(out_dir, corpus)}")


def register(app: typer.Typer) -> None:
    """Add the evaluation commands to the karriere app."""
    app.command("evaluate")(evaluate_command)
    app.command("validate")(validate_command)
    app.command("export")(export_command)
    app.command("import")(import_command)
    app.command("review")(review_command)
