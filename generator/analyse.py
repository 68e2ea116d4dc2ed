"""Stage 3b: a clean article → its facts, read from its body and nothing else.

Each fact is the article's own text: a summary of its sentences, the figures it states, the
dated events it reports, the acronyms it defines and the people and organisations it names.
The pages built from them (summary boxes, key figures, timeline, glossary, people and
organisations) can therefore never show what an article did not say.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import accumulate, takewhile

from generator.entities import named_entities
from generator.figures import key_figures
from generator.glossary import defined_acronyms
from generator.model import Article, Facts
from generator.summary import summarise
from generator.timeline import dated_events

# Facts are read from the first 200,000 characters (a long report of some 30,000 words): a
# briefing's summary and key facts stand early, and a multi-megabyte dump would otherwise
# take minutes. The page still shows the whole text.
MAX_ANALYSED_CHARS = 200_000


def analyse(article: Article) -> Article:
    sizes = accumulate(len(block.text) for block in article.body)
    body = article.body[:sum(1 for _ in takewhile(lambda n: n <= MAX_ANALYSED_CHARS, sizes))]
    return replace(article, facts=Facts(
        summary=summarise(body),
        figures=key_figures(body),
        events=dated_events(body),
        acronyms=defined_acronyms(body),
        entities=named_entities(body),
    ))
