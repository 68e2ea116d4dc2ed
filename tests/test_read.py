from generator.model import Problem, RawDoc
from generator.read import read_file, read_seeds


def test_crlf_and_trailing_spaces_are_normalised_without_moving_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title  \r\n\r\nBody text\r\n")
    doc = read_file(path)
    assert doc.text.split("\n") == ["Title", "", "Body text", ""]


def test_unreadable_files_become_problems_naming_file_and_reason(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "good.txt").write_text("Text", encoding="utf-8")
    docs, problems = read_seeds(tmp_path)
    assert [d.name for d in docs] == ["good.txt"]
    reasons = {p.file: p.message for p in problems}
    assert "not valid UTF-8" in reasons["latin1.txt"]
    assert "no text" in reasons["empty.txt"]
    assert "unsupported file type '.pdf'" in reasons["notes.pdf"]
    assert all(isinstance(p, Problem) for p in problems)


def test_overrides_file_is_not_read_as_an_article(tmp_path):
    (tmp_path / "sources.yml").write_text("{}", encoding="utf-8")
    assert read_seeds(tmp_path) == ([], [])


def test_byte_order_mark_is_dropped(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffTitle".encode())
    assert read_file(tmp_path / "a.txt") == RawDoc("a.txt", "Title")
