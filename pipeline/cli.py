"""Command line: `karriere extract | evaluate | validate | export | import | review`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_eval import register
from .corpus import parse_date
from .errors import KarriereError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Careers of players and coaches, extracted from German sports articles.")


@app.command("extract")
def extract_command(
    inputs: Annotated[list[Path], typer.Argument(help="Corpus folders (with optional articles.csv) or .txt files.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for entities.csv, careers.csv, people.csv.")],
    published: Annotated[Optional[str], typer.Option(
        "--published", help="YYYY-MM-DD: anchor for relative dates of articles without a published date.")] = None,
    model: Annotated[Optional[str], typer.Option(
        "--model", help="Installed spaCy German pipeline to build on, e.g. de_core_news_md.")] = None,
) -> None:
    """Extract entities, career stations and people from German articles."""
    from .extract import extract  # spaCy loads only when a command needs it

    try:
        default_date: dt.date | None = parse_date(published, "--published") if published else None
        result = extract(inputs, out, default_date, model)
    except KarriereError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    for problem in result.skipped:
        typer.echo(f"skipped: {problem}", err=True)
    typer.echo(result.summary())
    typer.echo(f"wrote {out}/entities.csv, careers.csv, people.csv")
    if result.skipped:
        raise typer.Exit(2)


register(app)


def main() -> None:
    app()
