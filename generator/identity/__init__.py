"""Reading an article's identity (title, date, author, source) from the text of its page.

``header`` lays out the lines around the article's start; ``title``, ``when``, ``author``
and ``source`` are one cascade each, run by ``generator.metadata`` in the order written
there. ``lexicon`` loads what they know as data (``data/identity.yml``). Every answer
names the rule that chose it, from ``RULES``, shown on the cleaning page and in
``python -m generator extract``.
"""

RULES = {
    "override": "the user's correction in seeds/sources.yml",
    "declared": "what the HTML page declares about itself (JSON-LD, OpenGraph, <meta>)",
    "title:headline_repeats_page_title": "the headline above the text that repeats the "
                                         "page's <title> (the scrape's first line)",
    "title:page_title_line": "the page's <title> line, without the site's name",
    "title:headline_above_text": "the headline-shaped line above the text that the headline "
                                 "model finds likeliest (words shared with the text, a "
                                 "byline or date below it, nearness)",
    "title:derived_from_first_sentence": "derived: the page shows no title, so the article's "
                                         "opening words stand in for one",
    "date:labelled_published": "a date labelled as the publication (\"Published …\")",
    "date:near_headline": "the first date between the headline and the text",
    "date:labelled_updated": "the page's \"Updated …\" date: it shows no publication date",
    "date:date_line": "a line that is only a date, just above the text",
    "date:dateline": "the dateline before the first paragraph",
    "author:byline": "the names after \"By\" (or \"Posted by\", \"Von\", \"Por\"…)",
    "author:name_before_date": "the name before the date (\"Paul Renner - Nov 19, 2019\")",
    "author:name_beside_headline": "a name alone on its line, after a bare \"By\", beside "
                                   "the date, or with the writer's handle",
    "author:credit_after_date": "the desk or agency credited after the date (\"… / 10:07 AM "
                                "/ CBS News\"), when no writer is named",
    "author:after_label": "the line after a bare \"Author:\" label",
    "source:byline_outlet": "the outlet named in the byline (\"By Ana Ruiz/The Courier\")",
    "source:dateline": "the outlet or agency of the dateline",
    "source:site_profile": "the site profile's name for the publisher",
    "source:page_title_affix": "the site's name beside the headline in the page's <title>",
    "source:follow_site": "\"Follow <site> on …\" in the page's furniture",
    "source:follow_button": "a \"Follow <site>\" button in the page's furniture",
    "source:staff_bio": "the writer's note \"… editor at <site>\"",
    "source:about_site": "\"About <site>\" in the page's furniture",
    "source:send_comments": "\"send <site> your comments\" in the page's furniture",
    "source:attribution_request": "\"attribution to <site>\" in the page's furniture",
    "source:copyright_holder": "the copyright holder, also named elsewhere on the page",
    "source:copyright_holder_initials": "the initials of the company holding the copyright, "
                                        "as the page uses them (\"CNN\")",
    "source:organisation_in_footer": "an organisation's name alone in the page's footer",
}
