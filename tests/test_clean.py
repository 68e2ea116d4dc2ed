"""The cleaner, one behaviour per fixture (tests/fixtures/clean/<case>.txt) or unit."""

from __future__ import annotations

import pytest

from generator.clean import (
    Judged,
    Quality,
    _best_segment,
    clean,
    keep_densest_run,
    revise_from_context,
    split_blocks,
)
from generator.model import Block, BlockKind, CleanDoc, RawDoc
from generator.read import read_file

from conftest import FIXTURES


def cleaned(case: str) -> CleanDoc:
    return clean(read_file(FIXTURES / "clean" / f"{case}.txt"))


def kinds(doc: CleanDoc) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text[:30]) for b in doc.blocks]


def rule_of(doc: CleanDoc, text_start: str) -> str:
    return next(b.rule for b in doc.blocks if b.text.startswith(text_start))


def body_texts(doc: CleanDoc) -> list[str]:
    return [b.text for b in doc.body]


# --- splitting ------------------------------------------------------------------------------


def test_hard_wrapped_paragraphs_are_joined_into_one_block_each():
    doc = cleaned("hard_wrapped_paragraphs")
    assert [b.kind for b in doc.body] == [BlockKind.PARAGRAPH] * 3
    assert body_texts(doc)[0].startswith("The regional council agreed on Monday")
    assert body_texts(doc)[0].endswith("by almost half.")
    assert doc.body[0].first_line < doc.body[0].last_line


def test_paragraphs_separated_by_single_newlines_stay_apart():
    doc = cleaned("single_newline_paragraphs")
    assert [b.kind for b in doc.body] == [
        BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.HEADING,
        BlockKind.PARAGRAPH, BlockKind.PARAGRAPH,
    ]
    assert [b.first_line for b in doc.body] == [1, 2, 3, 4, 5]


def test_a_menu_of_short_lines_is_not_joined_as_wrapped_prose():
    blocks = split_blocks("Politics\nWorld\nBusiness\nClimate")
    assert [b.text for b in blocks] == ["Politics", "World", "Business", "Climate"]


# --- header -------------------------------------------------------------------------------


def test_breadcrumb_glued_to_title_is_removed_and_the_clean_title_kept():
    doc = cleaned("breadcrumb_glued_to_title")
    assert doc.first(BlockKind.TITLE).text == "Council Expands Water Programme to Three Districts"
    assert rule_of(doc, "HomeNewsWorld") == "breadcrumb-glued-to-title"


def test_title_with_site_name_is_the_copy_and_the_plain_headline_the_title():
    doc = cleaned("title_with_site_name")
    assert doc.first(BlockKind.TITLE).text == "Council Expands Water Programme"
    assert rule_of(doc, "Council Expands Water Programme - ") == "title-with-site-name"


def test_byline_and_date_line_under_the_title_are_metadata_not_body():
    doc = cleaned("dated_teasers_after_body")
    assert doc.first(BlockKind.BYLINE).text == "By Ana Ruiz/The Valley Courier"
    assert doc.first(BlockKind.DATELINE).text == "March 3, 2021"
    assert all(not b.text.startswith(("By ", "March")) for b in doc.body)


def test_menu_before_the_title_is_dropped_and_the_headline_found():
    doc = cleaned("menu_run_before_title")
    assert doc.first(BlockKind.TITLE).text == "Council Expands Water Programme to Three Districts"
    assert body_texts(doc)[0].startswith("The regional council")
    assert len(doc.body) == 3
    assert rule_of(doc, "Politics") != "unclassified"


def test_dateline_prefix_is_split_from_the_first_paragraph():
    doc = cleaned("dateline_prefix")
    assert doc.first(BlockKind.DATELINE).text == "ValleyNews, October 3, 2024:"
    assert body_texts(doc)[0].startswith("The regional council agreed")


# --- boilerplate ----------------------------------------------------------------------------


def test_teaser_section_after_the_text_is_dropped_under_the_section_rule():
    doc = cleaned("dated_teasers_after_body")
    assert len(doc.body) == 3
    for teaser in ("More from the Courier", "WATER / 12 JAN 2023", "14 FEB 2023", "Farmers"):
        assert rule_of(doc, teaser) == "related-section"


@pytest.mark.parametrize(("line", "rule"), [
    ("An official website of the United States government", "government-banner"),
    ("Here's how you know", "government-banner"),
    ("You are viewing ARCHIVED CONTENT", "archive-notice"),
    ("Content in this archive site", "archive-notice"),
])
def test_government_banner_and_archive_notice(line, rule):
    assert rule_of(cleaned("government_banner_and_archive_notice"), line) == rule


@pytest.mark.parametrize(("line", "rule"), [
    ("Share this article", "share-widget"),
    ("Facebook", "share-widget"),
    ("Was this article helpful?", "feedback-prompt"),
    ("Please support our journalism", "donation-appeal"),
    ("Leave a comment", "comment-prompt"),
    ("Copyright ©", "copyright-line"),
])
def test_share_bar_and_appeals_after_the_body(line, rule):
    doc = cleaned("share_bar_and_appeals_after_body")
    assert rule_of(doc, line) == rule
    assert len(doc.body) == 3


def test_footer_menu_after_the_body_lies_outside_the_main_text():
    doc = cleaned("footer_menu_after_body")
    assert len(doc.body) == 3
    assert rule_of(doc, "Horoscopes") in {"outside-main-text", "short-fragment"}


# --- structure ------------------------------------------------------------------------------


def test_list_items_inside_the_text_are_kept_as_list_items():
    doc = cleaned("list_items_in_body")
    items = [b.text for b in doc.body if b.kind is BlockKind.LIST_ITEM]
    assert items == ["- new pipes in the northern districts", "- a tariff for the largest users",
                     "- an audit of the pilot"]


def test_short_sentence_is_a_paragraph_and_short_phrase_before_text_a_heading():
    doc = cleaned("short_sentence_and_heading_between_paragraphs")
    by_text = {b.text: b.kind for b in doc.body}
    assert by_text["He declined to comment."] is BlockKind.PARAGRAPH
    assert by_text["Next steps"] is BlockKind.HEADING


# --- the layers in isolation ----------------------------------------------------------------


def judged(*qualities: Quality) -> list[Judged]:
    return [Judged(Block(f"block {i}", i, i), q, q) for i, q in enumerate(qualities)]


def test_context_short_block_between_good_blocks_becomes_good():
    revised = revise_from_context(judged(Quality.GOOD, Quality.SHORT, Quality.GOOD))
    assert revised[1].quality is Quality.GOOD


def test_context_short_block_next_to_bad_block_becomes_bad():
    revised = revise_from_context(judged(Quality.GOOD, Quality.SHORT, Quality.BAD))
    assert revised[1].quality is Quality.BAD


def test_context_near_good_block_between_bad_blocks_becomes_bad():
    revised = revise_from_context(
        judged(Quality.GOOD, Quality.BAD, Quality.NEAR_GOOD, Quality.BAD))
    assert revised[2].quality is Quality.BAD


def test_context_near_good_blocks_of_a_page_without_prose_are_its_text():
    revised = revise_from_context(judged(Quality.BAD, Quality.NEAR_GOOD, Quality.BAD))
    assert revised[1].quality is Quality.GOOD


def test_best_segment_is_the_maximum_sum_run():
    assert _best_segment([-5, 10, -3, 10, -50, 8]) == (1, 4)
    assert _best_segment([-1, -2]) == (0, 0)


def test_densest_run_drops_good_text_far_from_the_article():
    """A lone good block separated from the article by a long bad stretch is not kept."""
    blocks = [
        Judged(Block("x" * 100, 1, 1), Quality.GOOD, Quality.GOOD),
        *(Judged(Block("menu item label " * 8, n, n), Quality.BAD, Quality.SHORT)
          for n in range(2, 6)),
        *(Judged(Block("y" * 400, n, n), Quality.GOOD, Quality.GOOD) for n in range(6, 9)),
    ]
    kept = keep_densest_run(blocks)
    assert kept[0].block.rule == "outside-main-text"
    assert all(j.block.rule == "unclassified" for j in kept[5:])


def test_an_empty_document_has_no_blocks():
    assert clean(RawDoc("empty.txt", "\n\n")).blocks == ()


def test_a_headline_opening_with_a_quotation_mark_is_still_the_title():
    text = cleaned("breadcrumb_glued_to_title").raw.text.replace(
        "Council Expands", "“Council Expands")
    doc = clean(RawDoc("x.txt", text))
    assert doc.first(BlockKind.TITLE).text.startswith("“Council Expands Water")
