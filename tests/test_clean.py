"""The cleaner, one behaviour per fixture (tests/fixtures/clean/<case>.txt) or per layer."""

from __future__ import annotations

import pytest

from generator.clean import (
    classify_units,
    clean,
    main_segment,
    page_features,
    phrase_rule,
    section_end,
    split_units,
    teaser_tail,
)
from generator.knowledge import load_knowledge
from generator.model import BlockKind, CleanDoc, RawDoc
from generator.read import read_file

from conftest import FIXTURES

KNOWLEDGE = load_knowledge()
PROSE = ("The regional council agreed on Monday to expand the water programme to three more "
         "districts, after a year in which the first pilot reached many households.")


def cleaned(case: str) -> CleanDoc:
    return clean(read_file(FIXTURES / "clean" / f"{case}.txt"))


def rule_of(doc: CleanDoc, text_start: str) -> str:
    return next(r.rule for r in doc.removed_lines() if r.text.startswith(text_start))


def body_texts(doc: CleanDoc) -> list[str]:
    return [b.text for b in doc.body]


def removed(doc: CleanDoc, text_start: str) -> bool:
    return all(not b.text.startswith(text_start) for b in doc.body)


# --- units ----------------------------------------------------------------------------------


def test_hard_wrapped_paragraphs_are_joined_into_one_block_each():
    doc = cleaned("hard_wrapped_paragraphs")
    assert [b.kind for b in doc.body] == [BlockKind.PARAGRAPH] * 3
    assert body_texts(doc)[0].startswith("The regional council agreed on Monday")
    assert body_texts(doc)[0].endswith("by almost half.")
    assert (doc.body[0].first_line, doc.body[0].last_line) == (3, 6)


def test_paragraphs_separated_by_single_newlines_stay_apart():
    doc = cleaned("single_newline_paragraphs")
    assert [b.kind for b in doc.body] == [
        BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.HEADING,
        BlockKind.PARAGRAPH, BlockKind.PARAGRAPH,
    ]
    assert [b.first_line for b in doc.body] == [1, 2, 3, 4, 5]


def test_a_line_broken_by_an_inline_link_is_rejoined():
    units = split_units("The council said\nthat it would vote.\n\nNext")
    assert [u[0] for u in units] == ["The council said that it would vote.", "Next"]
    assert units[0][1:] == (1, 2)


def test_a_menu_of_short_lines_is_not_joined():
    units = split_units("Politics\nWorld\nBusiness\nClimate")
    assert [u[0] for u in units] == ["Politics", "World", "Business", "Climate"]


# --- header ---------------------------------------------------------------------------------


def test_breadcrumb_glued_to_title_is_removed_and_the_clean_title_kept():
    doc = cleaned("breadcrumb_glued_to_title")
    assert doc.first(BlockKind.TITLE).text == "Council Expands Water Programme to Three Districts"
    assert rule_of(doc, "HomeNewsWorld") == "header:breadcrumb_glued_to_title"


def test_title_with_site_name_is_the_copy_and_the_plain_headline_the_title():
    doc = cleaned("title_with_site_name")
    assert doc.first(BlockKind.TITLE).text == "Council Expands Water Programme"
    assert rule_of(doc, "Council Expands Water Programme - ") == "header:title_with_site_name"


def test_a_headline_opening_with_a_quotation_mark_is_still_the_title():
    text = cleaned("breadcrumb_glued_to_title").raw.text.replace(
        "Council Expands", "“Council Expands")
    doc = clean(RawDoc("x.txt", text))
    assert doc.first(BlockKind.TITLE).text.startswith("“Council Expands Water")


def test_byline_and_date_line_under_the_title_are_metadata_not_body():
    doc = cleaned("dated_teasers_after_body")
    assert doc.first(BlockKind.BYLINE).text == "By Ana Ruiz/The Valley Courier"
    assert doc.first(BlockKind.DATELINE).text == "March 3, 2021"
    assert all(not b.text.startswith(("By ", "March")) for b in doc.body)


def test_menu_before_the_title_is_dropped_and_the_headline_found():
    doc = cleaned("menu_run_before_title")
    assert doc.first(BlockKind.TITLE).text == "Council Expands Water Programme to Three Districts"
    assert len(doc.body) == 3
    assert rule_of(doc, "Politics") == "segment:outside_main_run"


def test_dateline_prefix_is_split_from_the_first_paragraph():
    doc = cleaned("dateline_prefix")
    assert doc.first(BlockKind.DATELINE).text == "ValleyNews, October 3, 2024:"
    assert body_texts(doc)[0].startswith("The regional council agreed")


def test_a_page_without_a_headline_gets_no_title_from_its_banner():
    assert cleaned("government_banner_and_archive_notice").first(BlockKind.TITLE) is None


# --- what is removed ------------------------------------------------------------------------


def test_teaser_section_after_the_text_is_removed_with_its_dates():
    doc = cleaned("dated_teasers_after_body")
    assert len(doc.body) == 3
    for teaser in ("More from the Courier", "WATER / 12 JAN 2023", "14 FEB 2023", "Farmers"):
        assert removed(doc, teaser)


@pytest.mark.parametrize("line", ["An official website of the United States government",
                                  "Here's how you know", "You are viewing ARCHIVED CONTENT",
                                  "Content in this archive site"])
def test_government_banner_and_archive_notice_are_removed(line):
    doc = cleaned("government_banner_and_archive_notice")
    assert removed(doc, line)
    assert len(doc.body) == 3


def test_a_feedback_prompt_ends_the_article_and_takes_the_appeals_after_it():
    doc = cleaned("share_bar_and_appeals_after_body")
    assert len(doc.body) == 3
    assert rule_of(doc, "Was this article helpful?") == "section_end:feedback_prompt"
    assert rule_of(doc, "Please support our journalism") == "section_end:feedback_prompt"


def test_footer_menu_after_the_body_lies_outside_the_main_run():
    doc = cleaned("footer_menu_after_body")
    assert len(doc.body) == 3
    assert rule_of(doc, "Horoscopes") == "segment:outside_main_run"


# --- structure ------------------------------------------------------------------------------


def test_list_items_inside_the_text_are_kept_as_list_items():
    doc = cleaned("list_items_in_body")
    items = [b.text for b in doc.body if b.kind is BlockKind.LIST_ITEM]
    assert items == ["- new pipes in the northern districts", "- a tariff for the largest users",
                     "- an audit of the pilot"]
    assert "The plan has three parts:" in body_texts(doc)


def test_short_sentence_is_a_paragraph_and_short_phrase_before_text_a_heading():
    doc = cleaned("short_sentence_and_heading_between_paragraphs")
    by_text = {b.text: b.kind for b in doc.body}
    assert by_text["He declined to comment."] is BlockKind.PARAGRAPH
    assert by_text["Next steps"] is BlockKind.HEADING


# --- the layers in isolation ----------------------------------------------------------------


def classified(*texts: str):
    page = page_features(list(texts), KNOWLEDGE, frozenset())
    classify_units(page)
    return page


def test_units_are_classed_by_length_function_words_and_punctuation():
    page = classified(PROSE, "He declined to comment on the plan today.", "Politics",
                      "Read the story at www.example.com/story", "A teaser for another story…")
    assert page.cls == ["good", "near", "short", "bad", "bad"]


def test_a_page_in_a_language_the_word_list_lacks_is_not_all_boilerplate():
    korean = ("서울시는 월요일 새로운 수도 사업을 세 개 구로 확대하기로 결정했다고 밝혔다. "
              "이 사업은 지난해 시범 운영되었다.")
    assert classified(korean * 2).cls == ["good"]


def test_corpus_known_lines_are_bad():
    page = page_features([PROSE, "Support the Courier"], KNOWLEDGE,
                         frozenset({"Support the Courier"}))
    classify_units(page)
    assert page.cls == ["good", "bad"]


def test_main_segment_is_the_maximum_sum_run():
    page = classified(PROSE)
    page.val = [-5.0, 10.0, -3.0, 10.0, -50.0, 8.0]
    assert main_segment(page)[:2] == (1, 4)
    page.val = [-1.0, -2.0]
    assert main_segment(page)[:2] == (0, 0)


def test_a_related_box_inside_the_article_is_cut_out_and_the_article_goes_on():
    page = classified(PROSE, PROSE + " More.", "Related stories", "Another headline here",
                      PROSE + " Again.", PROSE + " And more.")
    end, rule = section_end(page, 0, 6, KNOWLEDGE)
    assert (end, rule) == (6, "")
    assert page.rule[2:4] == ["section_end:related_section_box"] * 2


def test_a_related_section_at_the_end_stops_the_article():
    page = classified(PROSE, PROSE + " More.", "Related stories", "Headline", PROSE + " x.")
    assert section_end(page, 0, 5, KNOWLEDGE) == (2, "related_section")


def test_a_tail_of_lone_summaries_between_headlines_is_a_teaser_list():
    summaries = [x for i in range(4) for x in (f"Teaser headline {i}", PROSE + f" {i}.")]
    page = classified(PROSE, PROSE + " Second.", *summaries)
    assert teaser_tail(page, 0, len(page.text)) == 2


def test_phrase_rules_fire_on_short_widgets_not_on_prose_that_mentions_them():
    assert phrase_rule("Facebook", KNOWLEDGE) == "share_widget"
    assert phrase_rule("The minister said on Facebook that the council would vote on the "
                       "plan next week, after months of delay.", KNOWLEDGE) is None


def test_an_empty_document_has_no_blocks():
    assert clean(RawDoc("empty.txt", "\n\n")).blocks == ()
