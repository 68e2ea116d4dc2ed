import pytest

from generator.markup import front_matter
from generator.model import Page
from generator.write import write_pages


def generated(path, body="text"):
    return Page(path, front_matter({"title": "T"}) + body)


def test_unchanged_pages_are_not_rewritten_so_serve_does_not_loop(tmp_path):
    pages = [generated("index.md"), generated("briefings/a.md")]
    assert len(write_pages(pages, tmp_path).written) == 2
    again = write_pages(pages, tmp_path)
    assert (again.written, again.unchanged) == ([], ["index.md", "briefings/a.md"])


def test_hand_written_pages_are_never_overwritten(tmp_path):
    (tmp_path / "index.md").write_text("# My own home page\n", encoding="utf-8")
    report = write_pages([generated("index.md")], tmp_path)
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "# My own home page\n"
    assert "hand-written" in report.problems[0].message


def test_stale_generated_pages_are_deleted_but_hand_written_ones_kept(tmp_path):
    write_pages([generated("briefings/old.md")], tmp_path)
    (tmp_path / "briefings" / "mine.md").write_text("# notes\n", encoding="utf-8")
    report = write_pages([generated("briefings/new.md")], tmp_path)
    assert report.deleted == ["briefings/old.md"]
    assert sorted(p.name for p in (tmp_path / "briefings").iterdir()) == ["mine.md", "new.md"]


def test_a_generated_page_anywhere_in_docs_is_deleted_when_no_longer_made(tmp_path):
    write_pages([generated("glossary.md"), generated("index.md")], tmp_path)
    report = write_pages([generated("index.md")], tmp_path)
    assert report.deleted == ["glossary.md"]


def test_the_same_path_twice_or_a_path_outside_docs_is_refused(tmp_path):
    with pytest.raises(ValueError, match="two pages for the same path"):
        write_pages([generated("a.md"), generated("a.md", "other")], tmp_path)
    with pytest.raises(ValueError, match="outside docs"):
        write_pages([generated("../escape.md")], tmp_path / "docs")
    assert not (tmp_path / "escape.md").exists()
