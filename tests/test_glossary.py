"""Acronyms each article defines, the collection's glossary and its tooltip definitions."""

from __future__ import annotations

import doctest
import functools
import re
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import glossary
from generator.glossary import (
    GlossaryEntry,
    abbreviation_definitions,
    abbreviations,
    build_glossary,
    defined_acronyms,
    is_acronym,
    load_built_in,
    safe_expansion,
)
from generator.model import Acronym, Block, BlockKind, Facts
from generator.pipeline import article_from
from generator.read import read_file

from conftest import SEEDS, growth_ratio

STATE_DEPARTMENT = "003_4ce2c425b9e65af5.txt"  # defines INL, CARSI, TAG, AG, CBP, PNC, …
INL = "Bureau of International Narcotics and Law Enforcement Affairs"
# python-markdown's own pattern for a definition line (markdown/extensions/abbr.py)
ABBR_LINE = re.compile(r"^[*]\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*\n?[ ]*(?P<title>.*)$", re.MULTILINE)


def body(*texts: str) -> tuple[Block, ...]:
    return tuple(Block(text, n, n) for n, text in enumerate(texts, start=1))


def pairs(*texts: str) -> dict[str, str]:
    return {a.short: a.expansion for a in defined_acronyms(body(*texts))}


@functools.cache
def seed_articles():
    """The five seeds, cleaned, with the acronyms they define as their facts."""
    articles = (article_from(read_file(path)) for path in sorted(SEEDS.glob("*.txt")))
    return tuple(replace(a, facts=Facts(acronyms=defined_acronyms(a.body))) for a in articles)


def seed(name: str):
    return next(a for a in seed_articles() if a.name == name)


def article(slug: str, *acronyms: Acronym, text: str = "", title: str = "A title"):
    """A seed article turned into a stand-in: its own slug, title, body and acronyms."""
    return replace(seed_articles()[0], slug=slug, title=title,
                   clean=replace(seed_articles()[0].clean, blocks=body(text)),
                   facts=Facts(acronyms=acronyms))


def entry(short: str, expansion: str) -> GlossaryEntry:
    return GlossaryEntry(short, expansion, defined_in=("a",), used_in=("a",))


# --- defined_acronyms: the seeds -----------------------------------------------------------


def test_state_department_seed_defines_its_acronyms_in_order():
    assert defined_acronyms(seed(STATE_DEPARTMENT).body) == (
        Acronym("INL", INL),
        Acronym("CARSI", "Central America Regional Security Initiative"),
        Acronym("TAG", "Transnational Anti-Gang"),
        Acronym("AG", "Attorney General"),
        Acronym("CBP", "Customs and Border Protection"),
        Acronym("PNC", "National Civil Police"),
        Acronym("CODIS", "Combined DNA Index System"),
        Acronym("PBS", "Place Based Strategy"),
        Acronym("NCM", "New Correctional Model"),
    )


@pytest.mark.parametrize("name", ["001_89050cb29433954a.txt", "004_9aafd9f517220319.txt"])
def test_other_seeds_define_inl_with_its_head_noun(name):
    assert defined_acronyms(seed(name).body) == (Acronym("INL", INL),)


def test_seeds_without_definitions_define_nothing():
    assert defined_acronyms(seed("000_84addd0f2f4c2b0d.txt").body) == ()
    assert defined_acronyms(seed("002_bfe19822dceacab7.txt").body) == ()


# --- defined_acronyms: the method ----------------------------------------------------------


def test_schwartz_hearst_finds_the_shortest_long_form():
    assert pairs("Officials of the U.S. Customs and Border Protection (CBP) said so.") == {
        "CBP": "Customs and Border Protection"}
    assert pairs("It gave access to the Combined DNA Index System (CODIS), a database.") == {
        "CODIS": "Combined DNA Index System"}


def test_long_form_starts_at_a_word_part_not_before_it():
    assert pairs("then-Attorney General (AG) Thelma Aldana") == {"AG": "Attorney General"}


def test_short_form_before_the_long_form():
    assert pairs("DACA (Deferred Action for Childhood Arrivals) was ended.") == {
        "DACA": "Deferred Action for Childhood Arrivals"}
    assert pairs("one of three FIRE (financial independence, retire early) categories") == {
        "FIRE": "financial independence, retire early"}


def test_short_form_before_must_spell_the_whole_parenthesis():
    assert pairs("Monday, 04:05 pm PT (07:05 pm ET)") == {}


@pytest.mark.parametrize(("text", "short", "expansion"), [
    ("INL works with the National Civil Police (PNC) to improve training.", "PNC",
     "National Civil Police"),
    ("the Revolutionary Armed Forces of Colombia (FARC) signed", "FARC",
     "Revolutionary Armed Forces of Colombia"),
    ("the Ministry of Public Security (MSP) said", "MSP", "Ministry of Public Security"),
])
def test_translated_names_keep_the_original_letter_order(text, short, expansion):
    assert pairs(text) == {short: expansion}


@pytest.mark.parametrize("text", [
    "support to the Special Prosecutor Office Against Impunity (FECI).",
    "INL also supports the joint AG/PNC Anti-Gang Unit (DIPANDA) to fight gangs.",
    "Guatemala’s National Institute of Forensic Science (INACIF) received access",
    "INL is also providing CBP-led training for additional border police (DIPAFRONT)",
    "said Paul Anderson (AP) on Monday",  # two letters: swapped initials are chance
])
def test_names_whose_letters_do_not_match_are_rejected(text):
    assert pairs(text) == {}


@pytest.mark.parametrize("text", [
    "WASHINGTON (AP) — The Latest on the vote.",
    "SANTA FE, N.M. (AP) — A judge ruled.",
    "said Rep. Brian Babin (R-TX), ranking member",
    "peer Lowe’s (LOW) stock is off too",
    "South Korea's Kospi Index (KOSPI) fell",  # the long form must not contain the acronym
    "on the Baghdad-Damascus (M2) highway",
    "In 2018 (and 2019) prices rose (5%) in the capital (2020).",
])
def test_parentheses_that_define_nothing(text):
    assert pairs(text) == {}


def test_a_long_form_stops_at_the_clause_before():
    assert pairs("Coastal guards said: the Border Protection (CBP) came") == {}
    assert pairs("Officials in Cuba. Border Protection (CBP) came") == {}
    assert pairs("the U.S. Customs and Border Protection (CBP)") == {
        "CBP": "Customs and Border Protection"}


def test_a_long_form_does_not_start_with_a_function_word():
    assert pairs("soldiers of the Army (TA) marched") == {}


def test_first_definition_wins():
    assert pairs("the Public Ministry (PM) said", "the Prime Minister (PM) said") == {
        "PM": "Public Ministry"}


def test_mismatched_and_nested_parentheses():
    assert pairs("the Drug Enforcement Administration (DEA said", "DEA) and (( )") == {}
    assert pairs("(see the Drug Enforcement Administration (DEA))") == {
        "DEA": "Drug Enforcement Administration"}


def test_no_acronyms():
    assert defined_acronyms(()) == ()
    assert pairs("Nothing here is abbreviated (really), nothing at all.") == {}


def test_headings_and_list_items_count():
    blocks = (Block("Place Based Strategy (PBS)", 1, 1, BlockKind.HEADING),
              Block("the New Correctional Model (NCM)", 2, 2, BlockKind.LIST_ITEM))
    assert [a.short for a in defined_acronyms(blocks)] == ["PBS", "NCM"]


@pytest.mark.parametrize(("text", "short", "expansion"), [
    ("la Fiscalía Especial contra la Impunidad (FECI) investiga", "FECI",
     "Fiscalía Especial contra la Impunidad"),
    ("Teil der künftigen Telematikinfrastruktur (TI) genannt", "TI", "Telematikinfrastruktur"),
    ("Die elektronische Patientenakte (ePA) soll", "ePA", "elektronische Patientenakte"),
    ("Еда моя была правильным питанием (ПП).", "ПП", "правильным питанием"),
    ("group of G protein-coupled receptors (GPCRs) found", "GPCRs", "G protein-coupled receptors"),
    ("a drug that mimics glucagon-like peptide 1 (GLP-1) in the body", "GLP-1",
     "glucagon-like peptide 1"),
])
def test_other_languages_and_forms(text, short, expansion):
    assert pairs(text) == {short: expansion}


def test_very_long_text_is_linear():
    def make_text(n: int) -> str:
        return "the Drug Enforcement Administration (DEA) word (AB) " * n
    assert pairs(make_text(5_000)) == {"DEA": "Drug Enforcement Administration"}
    assert growth_ratio(pairs, make_text, 1_000) < 8  # quadratic would be about 16


@pytest.mark.parametrize(("word", "expected"), [
    ("INL", True), ("G7", True), ("DoD", True), ("mRNA", True), ("MS-13", True),
    ("CAFTA-DR", True), ("AT&T", True), ("ПП", True),
    ("Mr", False), ("McDonald", False), ("OAuth", False), ("U.S.", False), ("R-TX", False),
    ("A", False), ("ABCDEFGHIJK", False), ("2018", False), ("X-", False),
])
def test_is_acronym(word, expected):
    assert is_acronym(word) is expected


# --- build_glossary ------------------------------------------------------------------------


def test_seed_glossary():
    entries = {e.short: e for e in build_glossary(seed_articles())}
    state = seed(STATE_DEPARTMENT).slug
    assert entries["INL"].expansion == INL
    assert len(entries["INL"].defined_in) == 3
    assert entries["PNC"] == GlossaryEntry("PNC", "National Civil Police", (state,), (state,))
    assert entries["DEA"] == GlossaryEntry("DEA", "Drug Enforcement Administration", (), (state,))
    assert entries["DEA"].built_in and not entries["INL"].built_in
    assert entries["PBS"].expansion == "Place Based Strategy"  # the article wins over the list
    assert {"CARSI", "CODIS", "TAG", "NCM", "AG", "CBP", "FBI", "USAID", "AP"} <= entries.keys()
    assert "MP" not in entries  # used by a seed, defined nowhere and not in the list
    assert list(entries) == sorted(entries, key=str.casefold)


def test_glossary_does_not_depend_on_input_order():
    articles = seed_articles()
    assert build_glossary(articles) == build_glossary(articles[::-1])


def test_most_stated_expansion_wins_and_others_are_alternatives():
    articles = [
        article("a", Acronym("MP", "Public Ministry"), text="The MP said."),
        article("b", Acronym("MP", "public ministry"), text="The MP said."),
        article("c", Acronym("MP", "Member of Parliament"), text="An MP said."),
        article("d", text="The MP was there."),
    ]
    (mp,) = build_glossary(articles)
    assert mp.expansion == "Public Ministry"  # of two equal spellings, the first in order
    assert mp.defined_in == ("a", "b")
    assert mp.used_in == ("a", "b", "c", "d")
    assert mp.alternatives == ("Member of Parliament",)


def test_a_tie_is_broken_the_same_way_in_any_order():
    articles = [article("a", Acronym("MP", "Public Ministry"), text="MP"),
                article("b", Acronym("MP", "Member of Parliament"), text="MP")]
    first = build_glossary(articles)
    assert first == build_glossary(articles[::-1])
    assert first[0].expansion == "Member of Parliament"


def test_used_means_a_whole_word_in_title_or_body():
    articles = [
        article("a", text="INL-supported police units."),
        article("b", title="What the INL does"),
        article("c", text="INLAND and inl and DEAL."),
        article("d", text="DEA agents met FBI agents."),
    ]
    entries = {e.short: e for e in build_glossary(
        [*articles, article("e", Acronym("INL", INL), text="the INL")])}
    assert entries["INL"].used_in == ("a", "b", "e")
    assert entries["DEA"].used_in == ("d",)
    assert "DEAL" not in entries


def test_shouted_headlines_are_not_acronyms():
    articles = [article("a", title="ICE STORM HITS TEXAS", text="A cold week.")]
    assert build_glossary(articles) == ()


def test_hostile_expansions_are_made_safe():
    hostile = "<script>alert(1)</script> ]: x *bold* `code` [link](http://x) {: .c } # |\nline"
    (found,) = build_glossary([article("a", Acronym("XYZ", hostile), text="XYZ")])
    assert "\n" not in found.expansion
    assert not set("<>[]*`{}#|:") & set(found.expansion)


# --- the built-in list ---------------------------------------------------------------------


def test_built_in_list_is_valid_and_leaves_out_ambiguous_acronyms():
    built_in = load_built_in()
    assert 50 <= len(built_in) <= 200
    assert built_in["DEA"] == "Drug Enforcement Administration"
    assert not {"US", "UK", "AG", "MP", "PM"} & built_in.keys()


def test_built_in_list_rejects_unsafe_entries(tmp_path: Path):
    bad = tmp_path / "acronyms.yml"
    bad.write_text("acronyms:\n  XSS: '<script>'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="acronyms.yml: entry 'XSS'"):
        load_built_in(bad)


# --- tooltips ------------------------------------------------------------------------------


def test_definitions_only_for_acronyms_in_the_text():
    entries = [entry("INL", INL), entry("PNC", "National Civil Police"), entry("DEA", "Drug X")]
    assert abbreviation_definitions(abbreviations(entries), "The PNC and INL-supported units.") == (
        f"*[INL]: {INL}\n*[PNC]: National Civil Police")
    assert abbreviation_definitions(abbreviations(entries), "Nothing to define.") == ""


def test_definitions_skip_invalid_acronyms():
    entries = [entry("A]B", "x y"), entry("Mr", "Mister"), entry("XY", "<>")]
    assert abbreviation_definitions(abbreviations(entries), "A]B Mr XY") == ""


def test_definitions_render_as_one_tooltip_and_nothing_else():
    hostile = "Bureau]: <script>alert(1)</script>\n*[INL]: ''\n# Heading {: onclick=x }"
    definitions = abbreviation_definitions(abbreviations([entry("INL", hostile)]), "INL")
    html = markdown.markdown(f"The INL works.\n\n{definitions}", extensions=["abbr"])
    assert html == ('<p>The <abbr title="Bureau script alert(1) /script INL \'\' Heading '
                    'onclick x">INL</abbr> works.</p>')


@given(st.text(max_size=300))
def test_any_expansion_gives_one_safe_definition_line(expansion):
    definitions = abbreviation_definitions(abbreviations([entry("INL", expansion)]), "INL")
    if definitions:
        (match,) = ABBR_LINE.finditer(definitions)
        assert match.group("abbr") == "INL"
        assert match.group("title") == safe_expansion(expansion)
        html = markdown.markdown(f"INL\n\n{definitions}", extensions=["abbr"])
        assert html.startswith('<p><abbr title="') and html.endswith('">INL</abbr></p>')


def test_safe_expansion_is_capped_and_idempotent():
    long = safe_expansion("word " * 100)
    assert len(long) <= glossary.MAX_EXPANSION_CHARS and long.endswith("…")
    assert safe_expansion(long) == long
    assert safe_expansion("<>*[]") == ""


def test_docstring_examples():
    assert doctest.testmod(glossary).failed == 0
