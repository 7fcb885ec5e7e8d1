"""The README's score tables: entities and careers on the three parts of the gold corpus.

usage: python scripts/score_table.py [OUTPUT_DIR]   (default: outputs; run `karriere extract` first)

Parts: development (the rules were developed on them), held-out (written blind to the code,
only aggregates looked at), blind and blind 2 (held-out sets written in later sessions, by helpers who
never saw the code or its outputs; aggregates only).
Runs `karriere evaluate` once per part, so the output folder's eval files end up describing the
last part: run `karriere evaluate --gold corpus --pred outputs` afterwards to restore them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

PARTS = {
    "dev": r"(0[0-2]\d|03[0-2]|05[7-9]|06[0-4])_",
    "held-out": r"(03[3-9]|04[0-8])_",
    "blind": r"(049|05[0-6])_",
    "blind 2": r"(06[5-9]|07[0-2])_",
}
LABELS = ["PERSON", "CLUB", "PLACE", "DATE", "LEAGUE", "TITLE", "micro"]


def evaluate(pred: Path, docs: str) -> dict[str, Any]:
    subprocess.run([sys.executable, "-m", "pipeline", "evaluate", "--gold", "corpus", "--pred", str(pred),
                    "--docs", docs], capture_output=True, check=True)
    return dict(json.loads((pred / "eval.json").read_text(encoding="utf-8")))


def number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def entity_table(results: dict[str, dict[str, Any]]) -> list[str]:
    head = ["label"] + [f"{part} {kind}" for part in results for kind in ("strict F1", "lenient F1")]
    lines = ["| " + " | ".join(head) + " |", "| --- |" + " ---: |" * (len(head) - 1)]
    for label in LABELS:
        cells = []
        for result in results.values():
            cells += [number(result["entities"][kind][label]["f1"]) for kind in ("strict", "lenient")]
        name = "**micro**" if label == "micro" else label
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def career_table(results: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["| careers | " + " | ".join(f"{part} P | {part} R | {part} F1" for part in results) + " |",
             "| --- |" + " ---: |" * (3 * len(results))]
    for key, name in (("rows", "rows (person, club, role)"), ("role_blind", "role-blind")):
        cells = [number(r["careers"][key][m]) for r in results.values() for m in ("precision", "recall", "f1")]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for key, name in (("start_year", "start year accuracy"), ("end_year", "end year accuracy")):
        cells = []
        for r in results.values():
            acc = r["careers"][key]
            cells += ["", "", f"{number(acc['accuracy'])} ({acc['correct']}/{acc['total']})"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    pred = Path(sys.argv[1] if len(sys.argv) > 1 else "outputs")
    results = {part: evaluate(pred, docs) for part, docs in PARTS.items()}
    print("\n".join(entity_table(results)))
    print()
    for part, result in results.items():
        value = result["date_value"]
        print(f"DATE value accuracy, {part}: {number(value['accuracy'])} ({value['correct']}/{value['total']}); "
              f"{result['documents']} documents.")
    print()
    print("\n".join(career_table(results)))


if __name__ == "__main__":
    main()
