import datetime as dt

from generator.clean import clean
from generator.metadata import extract_metadata
from generator.model import InputFormat
from generator.read import read_file

from conftest import FIXTURES


def test_html_page_becomes_blocks_with_inline_links_kept_in_their_paragraph():
    doc = read_file(FIXTURES / "html" / "declared_metadata.html")
    assert doc.format is InputFormat.HTML
    lines = [line for line in doc.text.split("\n") if line]
    assert "the first pilot reached more than twelve thousand" in lines[3]
    assert "never text" not in doc.text
    assert "color: red" not in doc.text


def test_declared_metadata_is_read_from_json_ld_and_opengraph():
    declared = read_file(FIXTURES / "html" / "declared_metadata.html").declared
    assert declared.title == "Council Expands Water Programme"
    assert declared.site_name == "The Valley Courier"
    assert declared.author == "Ana Ruiz"
    assert declared.date == dt.date(2021, 3, 3)


def test_html_article_is_cleaned_like_a_text_scrape():
    article = extract_metadata(clean(read_file(FIXTURES / "html" / "declared_metadata.html")))
    assert [b.text[:20] for b in article.body] == ["The regional council", "Officials said that "]
    assert (article.title, article.source, article.author) == (
        "Council Expands Water Programme", "The Valley Courier", "Ana Ruiz")
