"""Corpus evidence: lines repeated across articles of one site are that site's boilerplate."""

from generator.clean import clean
from generator.corpus import repeated_lines
from generator.model import RawDoc

PROSE = ("The council agreed on Monday to expand the programme to three more districts, "
         "after a pilot that reached thousands of households and cut costs by almost half.")
SITE_LINES = ["Support the Valley Courier", "Read our ethics policy", "Courier Weekly digest"]


def doc(name: str, *lines: str) -> RawDoc:
    return RawDoc(name, "\n\n".join(lines))


def test_lines_shared_by_articles_of_one_site_are_repeated_boilerplate():
    a = doc("a.txt", PROSE, *SITE_LINES)
    b = doc("b.txt", PROSE.replace("three", "four"), *SITE_LINES)
    repeated = repeated_lines([a, b])
    assert repeated["a.txt"] == frozenset(SITE_LINES)
    cleaned = clean(a, repeated=repeated["a.txt"])
    assert {b.rule for b in cleaned.blocks if b.text in SITE_LINES} <= {
        "repeated-on-site", "outside-main-text", "short-fragment"}
    assert [b.text for b in cleaned.body] == [PROSE]


def test_articles_sharing_one_or_two_lines_are_not_one_site():
    a = doc("a.txt", PROSE, "Advertisement", "Share")
    b = doc("b.txt", PROSE.replace("three", "four"), "Advertisement", "Share")
    assert repeated_lines([a, b]) == {"a.txt": frozenset(), "b.txt": frozenset()}


def test_long_lines_two_articles_share_are_kept_as_quotes():
    quote = "“" + PROSE + " We will publish the audit before the vote,” the mayor said."
    a = doc("a.txt", quote, *SITE_LINES)
    b = doc("b.txt", quote, *SITE_LINES)
    assert quote not in repeated_lines([a, b])["a.txt"]


def test_a_site_is_found_through_a_chain_of_articles_whatever_the_order():
    a = doc("a.txt", PROSE, *SITE_LINES)
    b = doc("b.txt", PROSE.replace("three", "four"), *SITE_LINES, "Only on b and c",
            "Also b and c", "Third b and c")
    c = doc("c.txt", PROSE.replace("three", "five"), "Only on b and c", "Also b and c",
            "Third b and c")
    forward, backward = repeated_lines([a, b, c]), repeated_lines([c, b, a])
    assert forward == backward
    assert "Only on b and c" in forward["c.txt"]


def test_a_section_heading_every_article_of_the_site_has_stays_a_heading():
    second = PROSE.replace("three", "four")
    a = doc("a.txt", PROSE, "Analysis", PROSE.replace("Monday", "Friday"), *SITE_LINES)
    b = doc("b.txt", second, "Analysis", second.replace("Monday", "Friday"), *SITE_LINES)
    repeated = repeated_lines([a, b])
    assert "Analysis" in repeated["a.txt"]
    body = clean(a, repeated=repeated["a.txt"]).body
    assert [blk.text for blk in body] == [PROSE, "Analysis", PROSE.replace("Monday", "Friday")]


def test_two_copies_of_one_article_keep_their_title_and_byline():
    """A re-scrape shares its title and byline with the original: not the site's boilerplate,
    while the menu both share with another article of the site still is."""
    title, byline = "Council Expands Water Programme", "By Ana Ruiz"
    friday = PROSE.replace("Monday", "Friday")
    original = doc("a.txt", title, byline, PROSE, friday, PROSE.replace("Monday", "Tuesday"),
                   *SITE_LINES)
    copy = doc("b.txt", title, byline, PROSE, friday, PROSE.replace("Monday", "Sunday"),
               *SITE_LINES)
    other = doc("c.txt", "Another Story", PROSE.replace("three", "nine"), *SITE_LINES)
    repeated = repeated_lines([original, copy, other])
    assert title not in repeated["a.txt"] and byline not in repeated["a.txt"]
    assert set(SITE_LINES) <= repeated["a.txt"]
