import codecs
import random

import pytest

from generator.model import Problem, RawDoc
from generator.read import read_file, read_seeds


def test_crlf_and_trailing_spaces_are_normalised_without_moving_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title  \r\n\r\nBody text\r\n")
    doc = read_file(path)
    assert doc.text.split("\n") == ["Title", "", "Body text", ""]


def test_unusable_files_become_problems_naming_file_reason_and_remedy(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(4000))
    (tmp_path / "good.txt").write_text("Text", encoding="utf-8")
    docs, problems = read_seeds(tmp_path)
    assert [d.name for d in docs] == ["good.txt"]
    reasons = {p.file: p.message for p in problems}
    assert "no text" in reasons["empty.txt"]
    assert "unsupported file type '.pdf'" in reasons["notes.pdf"]
    assert reasons["image.txt"].startswith("binary data, not text")
    assert all(isinstance(p, Problem) for p in problems)


def test_a_file_far_too_large_is_refused_without_being_read(tmp_path, monkeypatch):
    monkeypatch.setattr("generator.read.MAX_INPUT_BYTES", 1000)
    (tmp_path / "dump.txt").write_text("Word " * 1000, encoding="utf-8")
    problem = read_file(tmp_path / "dump.txt")
    assert isinstance(problem, Problem) and problem.message.startswith("too large")


def test_an_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    (tmp_path / "dir.txt").mkdir()  # reading a directory fails like a file without permission
    problem = read_file(tmp_path / "dir.txt")
    assert isinstance(problem, Problem) and "cannot be read" in problem.message


ARTICLE = "Café “Olé” — 5 € – naïve résumé.\n\nThe council met on Tuesday."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le",
                                      "utf-16-be", "utf-32", "cp1252"])
def test_any_common_encoding_is_decoded(tmp_path, encoding):
    data = ARTICLE.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    (tmp_path / "a.txt").write_bytes(data)
    assert read_file(tmp_path / "a.txt").text == ARTICLE


def test_latin1_and_utf16_without_a_mark_are_recognised(tmp_path):
    text = "Le président a annoncé une réforme de la sécurité publique à Genève.\n" * 3
    for name, data in {"l.txt": text.encode("latin-1"), "u.txt": text.encode("utf-16-le")}.items():
        (tmp_path / name).write_bytes(data)
        assert read_file(tmp_path / name).text == text, name


def test_mojibake_is_repaired(tmp_path):
    (tmp_path / "a.txt").write_text("CafÃ© owners say itâ€™s busy.", encoding="utf-8")
    assert read_file(tmp_path / "a.txt").text == "Café owners say it’s busy."


def test_invisible_and_control_characters_go_and_odd_spaces_become_spaces(tmp_path):
    (tmp_path / "a.txt").write_bytes(
        "Ti\u200btle\u202e\x00 here\r\rA\tline\u2009with\u3000spaces".encode())
    assert read_file(tmp_path / "a.txt").text.split("\n") == [
        "Title here", "", "A line with spaces"]


def test_overrides_file_is_not_read_as_an_article(tmp_path):
    (tmp_path / "sources.yml").write_text("{}", encoding="utf-8")
    assert read_seeds(tmp_path) == ([], [])


def test_byte_order_mark_is_dropped(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffTitle".encode())
    assert read_file(tmp_path / "a.txt") == RawDoc("a.txt", "Title")
