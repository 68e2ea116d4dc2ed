"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.themes import load_vocabulary

from conftest import FIXTURES, SEEDS


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True,
                          text=True, check=False)


def test_extract_json_has_the_documented_keys_and_removed_lines():
    result = run("extract", str(SEEDS / "001_89050cb29433954a.txt"), "--format", "json")
    record = json.loads(result.stdout)
    assert list(record) == ["title", "title_derived", "source", "author", "date", "origins",
                            "body", "removed"]
    assert record["date"] == "2021-03-09"
    byline = {"line": 5, "text": "By Julieta Pelcastre/Diálogo", "rule": "header:byline"}
    assert byline in record["removed"]
    assert record["origins"]["author"] == {"rule": "author:byline", "line": 5,
                                           "text": "By Julieta Pelcastre/Diálogo"}


def test_extract_of_several_files_prints_json_lines_and_reports_unreadable_ones(tmp_path):
    missing = tmp_path / "missing.txt"
    result = run("extract", str(SEEDS / "001_89050cb29433954a.txt"), str(missing),
                 str(SEEDS / "004_9aafd9f517220319.txt"))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["file"]).name for r in records] == ["001_89050cb29433954a.txt",
                                                       "004_9aafd9f517220319.txt"]
    assert records[1]["origins"]["title"]["rule"] == "title:derived_from_first_sentence"
    assert "missing.txt" in result.stderr and result.returncode == 1


def test_extract_text_is_headings_and_paragraphs_separated_by_blank_lines():
    result = run("extract", str(FIXTURES / "clean" / "single_newline_paragraphs.txt"),
                 "--format", "text")
    blocks = result.stdout.strip().split("\n\n")
    assert len(blocks) == 5
    assert blocks[2] == "Funding"


def test_extract_of_an_unreadable_file_fails_with_the_reason(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 40)
    result = run("extract", str(path))
    assert result.returncode == 1
    assert "bad.txt: binary data, not text" in result.stderr


def test_build_fails_when_a_file_is_not_published_and_names_it(tmp_path):
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    seeds.mkdir()
    (seeds / "empty.txt").write_text("\n", encoding="utf-8")
    result = run("build", "--seeds", str(seeds), "--docs", str(docs))
    assert result.returncode == 1
    assert "empty.txt: no text found" in result.stderr
    assert "0 briefings published, 0 files merged as duplicates, 1 problem;" in result.stderr


def test_suggest_themes_prints_a_vocabulary_the_build_accepts(tmp_path):
    result = run("suggest-themes", "--seeds", str(FIXTURES / "collection"), "--max-themes", "2")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "themes.yml"
    path.write_text(result.stdout, encoding="utf-8")
    vocabulary = load_vocabulary(path)
    assert len(vocabulary.themes) == 3  # two themes and the fallback
    assert result.stdout.startswith("# A suggested theme vocabulary")
