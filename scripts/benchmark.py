"""Speed and memory of the extraction pipeline: load time, throughput per stage, peak memory.

usage: python scripts/benchmark.py [CORPUS_DIR] [--repeat N]

Runs the karriere pipeline over the corpus articles, repeated N times (default 10)
so the timing covers enough text, and prints a markdown table for the README.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict
from pathlib import Path

from spacy.language import Language

from pipeline.careers import extract_careers
from pipeline.corpus import read_corpus
from pipeline.nlp import build_nlp, make_docs


def peak_memory_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_stages(nlp: Language, texts: list[tuple[str, object]]) -> tuple[dict[str, float], int]:
    """Seconds spent in each pipeline component (and the career stage) over all texts."""
    seconds: dict[str, float] = defaultdict(float)
    tokens = 0
    for doc in make_docs(nlp, texts):  # type: ignore[arg-type]
        tokens += len(doc)
        for name, component in nlp.pipeline:
            started = time.perf_counter()
            doc = component(doc)
            seconds[name] += time.perf_counter() - started
        started = time.perf_counter()
        extract_careers(doc, "bench", doc._.karriere_published)
        seconds["careers"] += time.perf_counter() - started
    return seconds, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="corpus/articles", type=Path)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    baseline = peak_memory_mib()
    started = time.perf_counter()
    nlp = build_nlp()
    load_seconds = time.perf_counter() - started
    articles, _ = read_corpus([args.corpus])
    texts = [(a.text, a.published) for a in articles] * args.repeat

    seconds, tokens = timed_stages(nlp, texts)
    total = sum(seconds.values())
    print(f"{len(texts)} documents ({len(articles)} articles x {args.repeat}), {tokens:,} tokens\n")
    print("| stage | seconds | share | tokens/s |")
    print("| --- | ---: | ---: | ---: |")
    for name, value in seconds.items():
        print(f"| {name} | {value:.2f} | {value / total:.0%} | {tokens / value:,.0f} |")
    print(f"| **all stages** | {total:.2f} | 100% | {tokens / total:,.0f} |")
    print(f"\npipeline load: {load_seconds:.1f} s; peak memory: {peak_memory_mib():.0f} MiB "
          f"(Python and spaCy before loading: {baseline:.0f} MiB)")


if __name__ == "__main__":
    main()
