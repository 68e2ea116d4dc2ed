"""Handouts: one self-contained file per theme and one for all, escaped, small, stable."""

from __future__ import annotations

import datetime as dt
import functools
import re

from lxml import html as lxml_html

from generator.handouts import render_handouts
from generator.pipeline import build_site
from generator.read import read_seeds
from generator.render import theme_members

from conftest import seed_docs

DAY = dt.date(2026, 11, 23)
MAX_THEME_HANDOUT_BYTES = 150_000  # the target for this collection
EXTERNAL_RESOURCE = re.compile(r"""<(?:script|link|img|iframe|source)\b|url\(\s*['"]?https?:""")


@functools.cache
def seed_site():
    return build_site(list(seed_docs()), {})


def test_a_handout_per_theme_with_briefings_and_one_for_all():
    site = seed_site()
    members = theme_members(site)
    paths = [h.path for h in render_handouts(site, DAY)]
    expected = [f"handouts/{t.slug}.html" for t in site.themes if members[t.slug]]
    assert paths == [*expected, "handouts/all.html"]


def test_a_handout_holds_its_briefings_with_in_file_links_only():
    site = seed_site()
    for handout in render_handouts(site, DAY):
        tree = lxml_html.fromstring(handout.html)
        ids = set(tree.xpath("//@id"))
        briefings = tree.xpath("//article[@class='briefing']/@id")
        assert len(briefings) == handout.count
        for href in tree.xpath("//a/@href"):
            assert href[1:] in ids if href.startswith("#") else href.startswith("https://"), href
        assert not EXTERNAL_RESOURCE.search(handout.html), handout.path
        assert "generated on 2026-11-23" in handout.html


def test_theme_handouts_stay_small():
    for handout in render_handouts(seed_site(), DAY):
        if not handout.path.endswith("/all.html"):
            assert len(handout.html.encode("utf-8")) < MAX_THEME_HANDOUT_BYTES, handout.path


def test_the_same_site_and_day_give_the_same_bytes():
    assert render_handouts(seed_site(), DAY) == render_handouts(seed_site(), DAY)


def test_scraped_markup_in_a_handout_stays_text(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Hostile <script>alert(1)</script> title\n\n"
        "The committee said on Tuesday that it would review the report in full, and that "
        'its findings <img src=x onerror="alert(2)"> would be published before the end of '
        "the year, with every recommendation the members had agreed on.\n", encoding="utf-8")
    docs, _ = read_seeds(tmp_path)
    for handout in render_handouts(build_site(docs, {}), DAY):
        assert "<script" not in handout.html and "<img" not in handout.html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in handout.html
