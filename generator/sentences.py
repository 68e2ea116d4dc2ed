"""Sentences of a paragraph, for summaries, key figures and the timeline.

syntok's segmenter is rule-based: it knows that "U.S. shores." ends a sentence but
"U.S. Department" does not, and it needs no model download. Its tokens keep their spacing,
so the sentences are exactly the article's own text.
"""

from __future__ import annotations

import functools

from syntok import segmenter


@functools.lru_cache(maxsize=4096)  # summary, figures and timeline read the same paragraphs
def split_sentences(paragraph: str) -> tuple[str, ...]:
    """``"It rained. Then it stopped."`` → ``("It rained.", "Then it stopped.")``."""
    return tuple(
        "".join(token.spacing + token.value for token in sentence).strip()
        for block in segmenter.analyze(paragraph)
        for sentence in block
    )
