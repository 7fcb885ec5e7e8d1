"""Input stage: good corpora are read with their dates; bad files get one clear line each."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.corpus import MAX_BYTES, read_corpus
from pipeline.errors import InputError

GERMAN = "Der Trainer wechselte im Sommer zu einem neuen Verein und ist dort sehr zufrieden mit der Mannschaft. " * 3


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_folder_with_articles_csv(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", GERMAN)
    write(tmp_path, "b.txt", GERMAN)
    write(tmp_path, "articles.csv", "doc_id,published,title\na,2021-03-10,Titel\nb,,Ohne Datum\n")
    articles, problems = read_corpus([tmp_path])
    assert problems == []
    assert {a.doc_id: a.published for a in articles} == {"a": dt.date(2021, 3, 10), "b": None}


def test_default_published_fills_only_missing_dates(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", GERMAN)
    write(tmp_path, "b.txt", GERMAN)
    write(tmp_path, "articles.csv", "doc_id,published\na,2021-03-10\n")
    articles, _ = read_corpus([tmp_path], dt.date(2020, 1, 1))
    assert {a.doc_id: a.published for a in articles} == {"a": dt.date(2021, 3, 10), "b": dt.date(2020, 1, 1)}


def test_single_file_and_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", "\ufeff" + GERMAN)
    articles, problems = read_corpus([path])
    assert problems == [] and articles[0].text.startswith("Der Trainer")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("", "empty article"),
        ("   \n\n ", "empty article"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("Der Trainer wechselte nach Köln.".encode("latin-1") + b" \xe4\xf6\xfc" * 3, "not UTF-8"),
        ("<!DOCTYPE html><html><body><p>" + GERMAN + "</p></body></html>", "looks like HTML"),
        ("The coach joined a new club in the summer and he is very happy with the team there. " * 3,
         "does not look like German"),
    ],
)
def test_bad_inputs_are_skipped_with_one_line(tmp_path: Path, data: bytes | str, message: str) -> None:
    write(tmp_path, "good.txt", GERMAN)
    write(tmp_path, "bad.txt", data)
    articles, problems = read_corpus([tmp_path])
    assert [a.doc_id for a in articles] == ["good"]
    assert len(problems) == 1 and message in problems[0] and "\n" not in problems[0]


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    write(tmp_path, "huge.txt", "a" * (MAX_BYTES + 1))
    _, problems = read_corpus([tmp_path])
    assert "too large" in problems[0]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing", "no such file or folder"),
        (lambda d: d, r"no \*\.txt articles"),
    ],
)
def test_unusable_inputs_raise(tmp_path: Path, setup, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message):
        read_corpus([setup(tmp_path)])


def test_bad_published_date_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", GERMAN)
    write(tmp_path, "articles.csv", "doc_id,published\na,10.03.2021\n")
    with pytest.raises(InputError, match="not YYYY-MM-DD"):
        read_corpus([tmp_path])
