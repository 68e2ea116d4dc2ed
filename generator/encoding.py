"""Bytes → clean text, whatever a scraper saved: any encoding, mojibake, stray controls.

The order is the one browsers follow, then a detector for files that say nothing: a byte
order mark; else UTF-8, which almost never decodes by accident; else the charset the page
declares; else charset-normalizer's best guess. ftfy then repairs mojibake (UTF-8 read as
Windows-1252: "CafÃ©" → "Café"). Characters that are never article text are dropped and odd
spaces become plain ones; line breaks are untouched, so line numbers stay the file's own.
"""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

# UTF-32 first: its little-endian mark starts with UTF-16's.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
BROWSER_DEFAULT = "cp1252"
# UTF-8 read as Windows-1252 or Latin-1, the mojibake scrapers save, always shows "Â", "Ã" or
# "â" before one of these; ftfy's own check reads the whole text (40 ms on a page), so it
# runs only where this cheap search finds one ("CafÃ©", "itâ€™s").
MOJIBAKE_HINT_RE = re.compile(
    "[ÂÃâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]")
# Without a mark, UTF-16 shows as a NUL byte beside most ASCII letters.
UTF16_NUL_SHARE = 0.3
# In text, control characters other than tab and line breaks, and undecodable bytes, are rare
# accidents (a stray NUL); in a binary file decoded as if it were text, about one byte in
# eight is one.
BINARY_CONTROL_SHARE = 0.05
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
UNREADABLE_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
# Zero-width characters, bidi controls and the byte order mark: invisible, and bidi
# overrides can make text read differently from what it says (U+202E).
INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Tabs, en/em/thin/hair, mathematical and ideographic spaces. Not the no-break spaces: they
# are typography the article chose ("Narcotics\u00a0– In") and render as spaces.
ODD_SPACE_RE = re.compile("[\t\u1680\u2000-\u200a\u205f\u3000]")
# Any character one of the repairs above is about, in one class: a single fast scan.
SUSPECT_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\t\u1680\u2000-\u200f"
                        "\u202a-\u202e\u205f-\u2064\u2066-\u2069\u3000\ufeff\ufffdÂÃâ]")


class NotTextError(ValueError):
    """The bytes are not text in any encoding: a binary file, whatever its name."""


def decode_text(data: bytes) -> str:
    """A text scrape: decoded, checked and repaired in one scan when nothing is wrong."""
    text = _decode(data, None)
    if SUSPECT_RE.search(text):
        _refuse_binary(text)
        text = _repair(text)
    return text


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """A page: decoded (by its declared charset where UTF-8 fails) and checked, not repaired:
    the text extracted from it is, by ``repair_text``."""
    text = _decode(data, declared)
    if UNREADABLE_RE.search(text):
        _refuse_binary(text)
    return text


def repair_text(text: str) -> str:
    """Mojibake repaired, controls and invisible characters dropped, odd spaces made plain.
    Most texts need none of it, and one scan for a suspect character says so."""
    return _repair(text) if SUSPECT_RE.search(text) else text


def _refuse_binary(text: str) -> None:
    if len(UNREADABLE_RE.findall(text)) > BINARY_CONTROL_SHARE * len(text):
        raise NotTextError("binary data, not text")


def _repair(text: str) -> str:
    if MOJIBAKE_HINT_RE.search(text):
        text = ftfy.fix_encoding(text)
    return ODD_SPACE_RE.sub(" ", INVISIBLE_RE.sub("", CONTROL_RE.sub("", text)))


def _decode(data: bytes, declared: str | None) -> str:
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return data[len(mark):].decode(encoding, "replace")
    if data.count(0) > UTF16_NUL_SHARE * len(data):
        return _utf16_without_mark(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared, "replace")
        except LookupError:  # a charset Python does not know
            pass
    return _guess(data)


def _guess(data: bytes) -> str:
    """charset-normalizer's best guess; among equally good ones, Windows-1252, which is what
    browsers assume for an undeclared Western page (short texts often tie: "ï" in cp1252
    is "ď" in cp1250)."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise NotTextError("binary data, not text: no encoding decodes it")
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    chosen = next((m for m in tied if m.encoding == BROWSER_DEFAULT), best)
    return str(chosen)


def _utf16_without_mark(data: bytes) -> str:
    """Little-endian ASCII has its NULs at odd offsets, big-endian at even ones."""
    odd_nuls = data[1::2].count(0)
    encoding = "utf-16-le" if odd_nuls >= data[0::2].count(0) else "utf-16-be"
    return data.decode(encoding, "replace")
