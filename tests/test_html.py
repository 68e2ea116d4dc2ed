import datetime as dt
import warnings

import pytest

from generator.clean import clean
from generator.html import page_to_doc, split_headline, to_date
from generator.metadata import extract_metadata
from generator.model import InputFormat, Problem
from generator.read import read_file

from conftest import FIXTURES

HTML = FIXTURES / "html"
PARAGRAPH = ("<p>The council met on Monday and agreed, after a long debate, to pay for new "
             "water pipes in the three districts that the pilot did not reach.</p>")


def paragraphs(doc) -> list[str]:
    return [line for line in doc.text.split("\n") if line]


def test_html_page_becomes_one_block_per_line_with_inline_links_kept_in_their_paragraph():
    doc = read_file(HTML / "declared_metadata.html")
    assert doc.format is InputFormat.HTML
    lines = paragraphs(doc)
    assert len(lines) == 2
    assert "the first pilot reached more than twelve thousand" in lines[0]
    assert doc.text.split("\n")[1] == ""  # a blank line between blocks
    for never_text in ("never text", "color: red", "Home", "World", "Copyright"):
        assert never_text not in doc.text


def test_headline_is_left_out_of_the_text():
    doc = read_file(HTML / "declared_metadata.html")
    assert "Council Expands Water Programme" not in doc.text
    assert doc.text.startswith("The regional council")


def test_headline_is_recognised_before_the_site_name_in_a_declared_title():
    headline, blocks = split_headline(["Rain Due", "It will rain."], ["Rain Due | The Courier"])
    assert (headline, blocks) == ("Rain Due", ["It will rain."])
    assert split_headline(["Rain", "It will rain."], ["Rain Due"]) == (None, ["Rain",
                                                                             "It will rain."])


def test_title_with_site_suffix_gives_way_to_the_headline_it_starts_with():
    doc = read_file(HTML / "form_wrapped_page.html")  # <title>Harbour Reopens… - Coastal Times
    assert doc.declared.title == "Harbour Reopens After Storm"
    assert "Harbour Reopens" not in doc.text


def test_declared_metadata_is_read_from_json_ld_and_opengraph():
    declared = read_file(HTML / "declared_metadata.html").declared
    assert declared.title == "Council Expands Water Programme"
    assert declared.site_name == "The Valley Courier"
    assert declared.author == "Ana Ruiz"
    assert declared.date == dt.date(2021, 3, 3)
    assert declared.url is None  # the page declares none


def test_url_is_og_url_else_canonical_link():
    assert read_file(HTML / "form_wrapped_page.html").declared.url == (
        "https://coastal.example/news/harbour-reopens")
    assert read_file(HTML / "sidebar_related_and_comments.html").declared.url == (
        "https://towncrier.example/2022/library-hours")


def test_page_wrapped_in_a_form_keeps_its_article():
    lines = paragraphs(read_file(HTML / "form_wrapped_page.html"))
    assert [line[:25] for line in lines] == ["The harbour reopened to f",
                                             "Divers from the port auth"]


def test_sidebar_related_list_and_comments_are_not_article_text():
    doc = read_file(HTML / "sidebar_related_and_comments.html")
    assert [line[:25] for line in paragraphs(doc)] == ["The central library will ",
                                                       "The extra hours will be s",
                                                       "Readers will be able to b"]
    for furniture in ("Museum ticket", "Great news for students", "Most read", "newsletter"):
        assert furniture not in doc.text


def test_placeholder_date_in_json_ld_is_rejected_for_the_next_declaration():
    declared = read_file(HTML / "json_ld_placeholder_date.html").declared
    assert declared.date == dt.date(2020, 5, 4)  # from article:published_time, not 0001-01-01


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00", "1970-01-01", "2019-13-45", "soon", 0,
                                   None, True])
def test_placeholder_and_unreadable_dates_are_none(value):
    assert to_date(value) is None


@pytest.mark.parametrize(("value", "date"), [
    ("2019-11-19T23:27:00-05:00", dt.date(2019, 11, 19)),  # the declared day, not moved to UTC
    ("20191119", dt.date(2019, 11, 19)),
    ("Nov 19, 2019", dt.date(2019, 11, 19)),
    ("1574150400", dt.date(2019, 11, 19)),  # epoch seconds
    ("1574150400000", dt.date(2019, 11, 19)),  # epoch milliseconds
])
def test_declared_dates_are_read(value, date):
    assert to_date(value) == date


def test_rfc_822_dates_are_read_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an unknown time zone name warns in dateutil
        assert to_date("Tue, 19 Nov 2019 10:00:00 XYZT") == dt.date(2019, 11, 19)
        assert to_date("Tue, 19 Nov 2019 10:00:00 +0100") == dt.date(2019, 11, 19)


def test_lenient_json_ld_salvages_the_date_from_broken_json():
    page = (b'<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            b'"datePublished": "2021-06-01T10:00:00Z", "headline": "Broken",}</script></head>'
            b"<body>" + PARAGRAPH.encode() + b"</body></html>")
    assert page_to_doc("a.html", page).declared.date == dt.date(2021, 6, 1)


def test_first_time_element_is_the_last_resort_for_the_date():
    page = ('<html><body><article><time itemprop="datePublished" datetime="2018-02-03">3 Feb'
            f'</time>{PARAGRAPH}</article><div class="more"><time itemprop="datePublished" '
            'datetime="2018-09-09">9 Sep</time></div></body></html>')
    assert page_to_doc("a.html", page.encode()).declared.date == dt.date(2018, 2, 3)


def test_cp1252_page_is_decoded_by_its_declared_charset():
    text = read_file(HTML / "cp1252_declared_charset.html").text
    assert "the café on Rue Élise" in text
    assert "“the best thing to happen to the square in years”" in text
    assert "€15 a day for a pitch – less" in text


def test_declared_charset_wins_over_the_cp1252_fallback():
    page = ('<html><head><meta charset="windows-1251"></head><body><p>Городской совет в '
            'понедельник согласился оплатить новые водопроводные трубы.</p></body></html>')
    assert "Городской совет" in page_to_doc("a.html", page.encode("cp1251")).text


def test_deeply_nested_page_keeps_its_text():
    # 1200 levels: libxml2 drops everything below 256 without huge_tree, and writing the
    # blocks recursively overflows Python's stack.
    assert "The festival drew more visitors" in read_file(HTML / "deeply_nested_page.html").text


@pytest.mark.parametrize("page", [b"", b"  \n\t ", b"<html><body></body></html>",
                                  b"<?xml version='1.0' encoding='utf-8'?>"])
def test_page_without_text_gives_empty_text(page):
    doc = page_to_doc("empty.html", page)
    assert (doc.text, doc.format) == ("", InputFormat.HTML)


def test_page_without_text_becomes_a_problem_naming_the_file(tmp_path):
    (tmp_path / "blank.html").write_bytes(b"<html><body><nav>Home</nav></body></html>")
    problem = read_file(tmp_path / "blank.html")
    assert isinstance(problem, Problem)
    assert problem.file == "blank.html"
    assert "no text" in problem.message


def test_xml_declaration_does_not_stop_the_parser():
    page = f"<?xml version='1.0' encoding='utf-8'?>\n<html><body>{PARAGRAPH}</body></html>"
    assert page_to_doc("a.html", page.encode()).text.startswith("The council met on Monday")


def test_control_characters_are_not_text():
    paragraph = PARAGRAPH.replace("Monday", "Mon\x0bday\x01")
    page = f"<html><body>{paragraph}</body></html>"
    assert page_to_doc("a.html", page.encode()).text.startswith("The council met on Monday and")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])  # both write a byte-order mark
def test_byte_order_mark_gives_the_encoding(encoding):
    page = f"<html><body>{PARAGRAPH}</body></html>".encode(encoding)
    assert page_to_doc("a.html", page).text.startswith("The council met on Monday")


def test_html_article_is_cleaned_like_a_text_scrape():
    article = extract_metadata(clean(read_file(HTML / "declared_metadata.html")))
    assert [b.text[:20] for b in article.body] == ["The regional council", "Officials said that "]
    assert (article.title, article.source, article.author) == (
        "Council Expands Water Programme", "The Valley Courier", "Ana Ruiz")


@pytest.mark.parametrize("declared", ["2019", "November 2019", "Tuesday"])
def test_an_incomplete_declared_date_stays_empty_rather_than_taking_todays_parts(declared):
    assert to_date(declared) is None


def test_a_header_left_unclosed_around_the_page_keeps_the_article():
    doc = read_file(HTML / "unclosed_header_wraps_the_page.html")
    assert [line[:25] for line in paragraphs(doc)] == ["The harbour reopened to f",
                                                       "Divers from the port auth"]


def test_a_page_whose_article_no_container_holds_is_read_as_a_text_scrape():
    """Never an empty briefing for a page that holds an article: the text cleaner sorts
    the whole page's blocks instead."""
    doc = read_file(HTML / "article_in_no_container.html")
    assert doc.format is InputFormat.TEXT
    body = [block.text for block in clean(doc).body]
    assert any(text.startswith("You want tomato slices") for text in body)


def test_a_list_in_a_box_beside_the_article_joins_it():
    doc = read_file(HTML / "ingredients_in_a_box_beside_the_steps.html")
    assert "150 g wheat flour, sifted twice" in doc.text
    assert "Mix the flour with the baking powder" in doc.text
    assert "Lemon tart" not in doc.text and "Cakes" not in doc.text


def test_an_article_built_of_repeated_parts_keeps_them_all():
    doc = read_file(HTML / "article_of_repeated_parts.html")
    assert [line[:25] for line in paragraphs(doc)] == ["A facing wall stands a fe",
                                                       "Fixed directly to the wal",
                                                       "On a frame of wooden batt"]
