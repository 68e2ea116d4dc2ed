"""Summary box: the two or three sentences of an article that best stand for the whole.

Extractive and deterministic, after centroid summarisers (Radev et al., 2004): a sentence
scores by how much of the article's own vocabulary it carries (cosine with the frequencies of
the article's content words, stop-words removed), weighted towards the lead, where news puts
its point. Only sentences a reader can take on their own are candidates: not ones pointing back
("This", "However", "He"), questions, quotations, fragments, very short or very long ones.
The chosen sentences keep article order, so the box reads like a short version of the story.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from generator.knowledge import load_knowledge
from generator.model import Block, BlockKind
from generator.sentences import split_sentences

MIN_SENTENCE_CHARS = 40  # shorter: a caption, kicker or fragment ("Hong Kong is burning.")
MAX_SENTENCE_CHARS = 350  # longer: a run-on list that buries its point; a box is read in seconds
ONE_SENTENCE_UP_TO = 3  # an article this short is summarised by one sentence, not restated
TWO_SENTENCES_UP_TO = 10  # up to this many sentences two suffice; longer articles get three
LEAD_BONUS = 1.0  # added as LEAD_BONUS / (1 + position) to a centroid score scaled to 0..1:
# the lead gets +1, the second sentence +0.5, the tenth +0.1 (news leads with its point)
MAX_SHARED_WORDS = 0.5  # a sentence sharing more of its content words with a chosen one repeats it
MIN_WORD_CHARS = 3  # shorter tokens are mostly function words the stop-word list lacks

CONTENT_WORD = re.compile(rf"[^\W\d_]{{{MIN_WORD_CHARS},}}")
OPENING_WORDS = re.compile(r"[^\W\d_]+")
OPENING_MARKS = "\"“”„«»‘‚'‹›「『—–-([¿¡•*"  # quotations, dialogue, asides, bullets, questions
ENDS_STATEMENT = re.compile(r"[.!。！][\"”’»)\]]*$")  # not "?", ":" or a cut-off fragment
LINK = re.compile(r"https?://|www\.|@\w")  # addresses and handles: navigation, not statements
DOUBLE_QUOTES = '"“”„'  # an odd count is a quote cut by the segmenter (en “…”, de „…“)

# Connectives that open a sentence by answering an earlier one ("However, …", "In addition, …"),
# one to three words, in the stop-word list's languages (demonstratives too: "That", "Este").
CONNECTIVES = frozenset({
    "however", "but", "and", "or", "so", "yet", "also", "still", "moreover", "furthermore",
    "meanwhile", "nevertheless", "nonetheless", "thus", "therefore", "hence", "instead",
    "besides", "otherwise", "likewise", "similarly", "consequently", "then", "such", "another",
    "both", "that", "in addition", "as such", "as a result", "for example", "for instance",
    "even so", "in turn", "on the other hand", "at the same time", "the latter", "the former",
    "pero", "además", "asimismo", "también", "y", "sin embargo", "por eso", "por lo tanto",
    "este", "esta", "estos", "estas", "esto", "ese", "esa", "eso", "su", "sus",
    "mais", "cependant", "pourtant", "toutefois", "ainsi", "donc", "en outre", "de plus",
    "ce", "cet", "cette", "ces", "cela",
    "aber", "jedoch", "doch", "auch", "deshalb", "daher", "zudem", "außerdem",
    "dies", "diese", "dieser", "dieses", "es",
    "mas", "porém", "contudo", "no entanto", "além disso", "isso", "isto", "essa", "esse",
    "però", "tuttavia", "inoltre", "questo", "questa", "quello", "quella",
    "maar", "echter", "bovendien", "dit", "deze",
    "namun", "tetapi", "selain itu", "ini", "itu", "ia",
})

# Pronouns that refer to someone named earlier, wherever they stand among the first
# POINTER_WINDOW words ("In it, …", "As they stepped out, …"). Words that are also articles or
# nouns elsewhere ("il" in Italian, "dia" in Portuguese) are left out.
PRONOUNS = frozenset({
    "he", "she", "they", "it", "its", "his", "her", "their", "him", "them", "this", "these",
    "those", "él", "ella", "ellos", "ellas", "ils", "elle", "elles", "er", "sie", "ele", "ela",
    "eles", "elas", "lui", "lei", "loro", "hij", "zij", "mereka",
})
POINTER_WINDOW = 3  # "In his speech, …": a pronoun later in the sentence has had its referent


def summarise(body: Sequence[Block]) -> tuple[str, ...]:
    """Two or three sentences of the body's paragraphs, verbatim and in article order; one for
    a very short article, none without paragraphs."""
    sentences = [s for block in body if block.kind is BlockKind.PARAGRAPH
                 for s in split_sentences(block.text)]
    if not sentences:
        return ()
    candidates = [i for i, s in enumerate(sentences) if _stands_alone(s, first=i == 0)]
    if not candidates:
        return (sentences[0],)  # nothing stands alone: the lead is the article's own summary
    stopwords = load_knowledge().stopwords
    tokens = [_content_words(s, stopwords) for s in sentences]
    centroid = Counter(w for sentence_tokens in tokens for w in sentence_tokens)
    words = [frozenset(t) for t in tokens]
    similarity = {i: _similarity(words[i], centroid) for i in candidates}
    best = max(similarity.values()) or 1.0
    scores = {i: similarity[i] / best + LEAD_BONUS / (1 + i) for i in candidates}
    wanted, chosen = _summary_length(len(sentences)), []
    for i in sorted(candidates, key=lambda i: (-scores[i], i)):
        if len(chosen) == wanted:
            break
        if not any(_shared(words[i], words[j]) > MAX_SHARED_WORDS for j in chosen):
            chosen.append(i)
    return tuple(sentences[i] for i in sorted(chosen))


def _summary_length(sentence_count: int) -> int:
    if sentence_count <= ONE_SENTENCE_UP_TO:
        return 1
    return 2 if sentence_count <= TWO_SENTENCES_UP_TO else 3


def _stands_alone(sentence: str, *, first: bool) -> bool:
    """Whether a reader can take ``sentence`` without the article around it. The article's first
    sentence cannot point back, so "This holiday season I…" may open a summary."""
    if not MIN_SENTENCE_CHARS <= len(sentence) <= MAX_SENTENCE_CHARS:
        return False
    if sentence[0] in OPENING_MARKS or sentence[0].islower() or not ENDS_STATEMENT.search(sentence):
        return False
    if LINK.search(sentence) or not _quotes_balanced(sentence):
        return False
    return first or not _points_back(sentence)


def _points_back(sentence: str) -> bool:
    """"However, …", "In addition, …", "He said …", "In it, …": opens with a connective or
    has a pronoun among its first words."""
    opening = OPENING_WORDS.findall(sentence[:60].lower())[:POINTER_WINDOW]
    return (any(" ".join(opening[:n]) in CONNECTIVES for n in range(1, len(opening) + 1))
            or not PRONOUNS.isdisjoint(opening))


def _quotes_balanced(sentence: str) -> bool:
    """An open quotation without its close (or the reverse) is a piece of a longer quote."""
    return (sum(map(sentence.count, DOUBLE_QUOTES)) % 2 == 0
            and sentence.count("«") == sentence.count("»"))


def _content_words(sentence: str, stopwords: frozenset[str]) -> list[str]:
    return [w for w in CONTENT_WORD.findall(sentence.lower()) if w not in stopwords]


def _similarity(words: frozenset[str], centroid: Counter[str]) -> float:
    """Cosine between a sentence's content words and the article's word frequencies, without
    the article's norm: it is the same for every sentence, so it cannot change the ranking."""
    return sum(centroid[w] for w in words) / math.sqrt(len(words)) if words else 0.0


def _shared(words: frozenset[str], other: frozenset[str]) -> float:
    """Share of the smaller sentence's content words that the other also has."""
    smaller = min(len(words), len(other))
    return len(words & other) / smaller if smaller else 0.0
