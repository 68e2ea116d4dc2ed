import datetime as dt

from generator.overrides import read_overrides


def write(tmp_path, text):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sources.yml").write_text(text, encoding="utf-8")
    return read_overrides(tmp_path)


def test_valid_overrides_are_read(tmp_path):
    overrides, problems = write(tmp_path, "a.txt:\n  date: 2021-03-09\n  url: https://x.org/a\n")
    assert problems == []
    assert overrides["a.txt"].date == dt.date(2021, 3, 9)
    assert overrides["a.txt"].url == "https://x.org/a"


def test_each_problem_names_the_file_the_article_and_the_field(tmp_path):
    _, problems = write(tmp_path, "a.txt:\n  date: 9 March\n  colour: red\n  url: ftp://x\n"
                                  "b.txt:\n  title: B\n")
    messages = [str(p) for p in problems]
    assert any("sources.yml: a.txt" in m and "date '9 March'" in m for m in messages)
    assert any("unknown field 'colour'" in m for m in messages)
    assert any("url 'ftp://x'" in m for m in messages)
    assert any("'b.txt': no such file" in m for m in messages)


def test_invalid_yaml_is_one_problem_not_a_crash(tmp_path):
    overrides, problems = write(tmp_path, "a.txt: [unclosed\n")
    assert overrides == {}
    assert "not valid YAML" in problems[0].message
