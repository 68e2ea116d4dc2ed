"""Rendering: literal text, run-in headings, ordering of theme pages, determinism."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace

import markdown
import pytest

from generator.markup import escape_markdown
from generator.metadata import extract_metadata
from generator.model import (
    Block,
    BlockKind,
    EntityKind,
    Event,
    Facts,
    IndexEntry,
    KeyFigure,
    Link,
    Site,
    Theme,
    ThemeScore,
)
from generator.render import (
    newest_first,
    render_block,
    render_site,
    run_in_heading,
)

from test_clean import cleaned

THEME = Theme("water", "Water", "Water supply.")


def article(case="dated_teasers_after_body", **changes):
    themes = (ThemeScore("water", 10.0),)
    return replace(extract_metadata(cleaned(case)), theme_scores=themes, **changes)


def briefing_page(site: Site, slug: str | None = None) -> str:
    return next(p.text for p in render_site(site)
                if p.path.startswith("briefings/") and (slug is None or slug in p.path))


def test_markdown_syntax_in_scraped_text_stays_literal():
    text = "# 1. *not* [a link](javascript:x) <b>no</b> `code` {: .x }"
    rendered = markdown.markdown(escape_markdown(text), extensions=["attr_list", "abbr"])
    assert rendered == f"<p>{html.escape(text, quote=False)}</p>"


def test_a_line_starting_like_a_list_or_heading_is_escaped():
    assert escape_markdown("1990. The year") == "1990\\. The year"
    assert escape_markdown("- not a list") == "\\- not a list"


def test_run_in_heading_becomes_a_bold_lead_in():
    paragraph = cleaned("run_in_heading").body[1]
    assert run_in_heading(paragraph.text) == "Forensics"
    assert render_block(paragraph).startswith("**Forensics** – Improving")


def test_a_sentence_with_a_dash_is_not_a_run_in_heading():
    assert run_in_heading("The council met on Monday – and agreed.") is None


def test_headings_and_list_items_render_as_markdown_structure():
    assert render_block(Block("Next steps", 1, 1, BlockKind.HEADING)) == "## Next steps\n"
    assert render_block(Block("• new pipes", 1, 1, BlockKind.LIST_ITEM)) == "- new pipes\n"


def test_theme_listing_is_newest_first_with_undated_last():
    old = article(slug="old", date=dt.date(2020, 1, 1))
    new = article(slug="new", date=dt.date(2024, 1, 1))
    undated = article(slug="undated", date=None)
    assert [a.slug for a in newest_first([undated, old, new])] == ["new", "old", "undated"]


def test_same_site_renders_to_the_same_bytes_whatever_the_input_order():
    a, b = article(slug="a"), article(case="dateline_prefix", slug="b")
    one = render_site(Site((a, b), (THEME,), {"a": (Link("b", 0.5),), "b": (Link("a", 0.5),)}))
    two = render_site(Site((b, a), (THEME,), {"b": (Link("a", 0.5),), "a": (Link("b", 0.5),)}))
    assert one == two


def test_briefing_page_states_what_is_not_stated_instead_of_guessing():
    page = next(p for p in render_site(Site((article(author=None, date=None),), (THEME,)))
                if p.path.startswith("briefings/"))
    assert "**Author:** not stated" in page.text
    assert "date not stated" in page.text
    assert "date:" not in page.text.split("---")[1]


def test_an_overridden_licence_and_url_show_on_the_briefing_page():
    licensed = article(licence="CC BY-NC 4.0", url="https://example.org/a")
    page = next(p for p in render_site(Site((licensed,), (THEME,)))
                if p.path.startswith("briefings/"))
    assert "**Licence:** CC BY-NC 4.0" in page.text
    assert "[Original article](<https://example.org/a>)" in page.text


def test_a_declared_url_that_is_not_a_web_address_is_never_linked():
    for url in ("javascript:alert(1)", "https://x.org/a> <script>", "data:text/html,x"):
        page = next(p for p in render_site(Site((article(url=url),), (THEME,)))
                    if p.path.startswith("briefings/"))
        assert "Original article" not in page.text, url


@pytest.mark.parametrize(("text", "markdown_text"), [
    ("new pipes in the north", "- new pipes in the north\n"),  # no marker: nothing is cut
    ("• new pipes", "- new pipes\n"),
    ("2. a tariff", "2. a tariff\n"),  # numbered items stay numbered
])
def test_list_items_lose_only_their_own_marker(text, markdown_text):
    assert render_block(Block(text, 1, 1, BlockKind.LIST_ITEM)) == markdown_text


FACTS = Facts(
    summary=("The council approved the plan.", "Work starts in May."),
    events=(Event(2021, None, None, "2021", "Work began in 2021."),
            Event(1990, None, None, "1990", "The plan dates from 1990.")),
    figures=(KeyFigure("$4 million", "The plan costs $4 million."),),
)


def test_briefing_page_has_summary_key_figures_names_and_attribution():
    named = (IndexEntry("Ana <b>Ruiz</b>", EntityKind.PERSON, ("c",), 2),
             IndexEntry("Water Board", EntityKind.ORGANISATION, ("c",), 3))
    site = Site((article(slug="c", facts=FACTS, source="City News"),), (THEME,), named=named)
    text = briefing_page(site)
    assert '!!! abstract "Summary"\n    The council approved the plan. Work starts in May.' in text
    assert "## Key figures\n\n- **$4 million**: The plan costs $4 million." in text
    assert ("- **People:** [Ana &lt;b&gt;Ruiz&lt;/b&gt;]"
            "(../people-and-organisations.md#person-ana-b-ruiz-b)") in text
    assert "[Water Board](../people-and-organisations.md#organisation-water-board)" in text
    assert "published by City News" in text.split("Key figures")[1]


def test_an_article_with_no_facts_gets_no_empty_sections():
    text = briefing_page(Site((article(),), (THEME,)))
    for heading in ("Summary", "Key figures", "Named in this briefing", "Related briefings"):
        assert heading not in text
    assert "This briefing is the text of an article published by" in text


def test_related_briefings_say_what_connects_them():
    a, b = article(slug="a"), article(case="dateline_prefix", slug="b")
    site = Site((a, b), (THEME,), {"a": (Link("b", 0.4, ("Water", "Ana Ruiz")),), "b": ()})
    text = briefing_page(site, "briefings/a.md")
    assert "](b.md)" in text
    assert "*In common:* Water, Ana Ruiz" in text


def test_theme_page_gives_period_summaries_and_figures():
    old = article(slug="old", date=dt.date(2020, 1, 1), facts=FACTS)
    undated = article(case="dateline_prefix", slug="undated", date=None)
    page = next(p for p in render_site(Site((old, undated), (THEME,)))
                if p.path == "themes/water.md")
    assert "2 briefings, published on 2020-01-01 (1 undated)." in page.text
    assert "The events they report run from 1990 to 2021." in page.text
    assert "The council approved the plan. Work starts in May." in page.text
    assert "- **$4 million**: The plan costs $4 million." in page.text
