"""The real site: a full ``mkdocs build --strict`` of the seeds, as CI and readers get it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.pipeline import Settings, generate

from conftest import ROOT, SEEDS, copy_project, mkdocs_build

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


def test_strict_build_with_link_validation_passes_and_has_a_page_per_seed(built):
    briefings = sorted((built / "site" / "briefings").glob("*.html"))
    assert len(briefings) == len(list(SEEDS.glob("*.txt")))


def test_committed_docs_are_what_the_generator_makes_from_seeds(tmp_path):
    """docs/ in the repository is current: regenerating it changes nothing."""
    project = copy_project(tmp_path)
    report = generate(Settings(project / "seeds", project / "docs")).report
    assert (report.written, report.deleted) == ([], [])


# What may still name a web address in the built files: the SVG namespace (an identifier,
# never fetched) and the repository-facts API, which Material calls only when mkdocs.yml sets
# ``repo_url`` (checked below).
NOT_FETCHED = re.compile(r"https?://www\.w3\.org/2000/svg|https://api\.github\.com/"
                         r"|https://\$\{e\}/api/v4/")
HTML_RESOURCE = re.compile(r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b"""
                           r"""[^>]*?\b(?:src|href|srcset|data)=["']?(?:https?:)?//""")
CSS_RESOURCE = re.compile(r"""(?:url\(|@import)\s*["']?(?:https?:)?//""")
JS_ADDRESS = re.compile(r"""["'`]https?://[^"'`\s]*""")


def test_nothing_in_the_built_site_loads_from_the_network(built):
    """No script, style sheet, image or font comes from elsewhere: not in the pages, not in
    the handouts, not in Material's own CSS and JS (its CDN loaders point at local files)."""
    assert "repo_url" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    files = [p for p in (built / "site").rglob("*") if p.suffix in (".html", ".css", ".js")]
    assert any(p.parent.name == "handouts" for p in files)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not HTML_RESOURCE.search(text), path
        assert not CSS_RESOURCE.search(NOT_FETCHED.sub("", text)), path
        if path.suffix == ".js":
            addresses = [m[0] for m in JS_ADDRESS.finditer(text) if not NOT_FETCHED.search(m[0])]
            assert addresses == [], (path, addresses)
        assert "fonts.googleapis" not in text and "unpkg.com" not in text, path


def test_audit_page_lists_removed_lines_by_rule(built):
    audit = (built / "site" / "cleaning.html").read_text(encoding="utf-8")
    assert "section_end:feedback_prompt" in audit
    assert "Was this content helpful?" in audit
    assert "densest run of text" in audit  # rules are explained, not only named
    assert "<details" in audit  # collapsed by default


def test_navigation_stays_flat(built):
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', home, re.DOTALL)[0]
    assert "briefings/" not in nav


def test_a_hostile_seed_cannot_inject_html(tmp_path):
    project = copy_project(tmp_path)
    (project / "seeds" / "zzz.txt").write_text(
        'Hostile </title><script>alert(1)</script> "title" & <b>bold</b>\n\n'
        "The committee said on Tuesday that it would review the report, and that the findings "
        'would be published in full. <img src=x onerror="alert(2)"> It added that '
        "[click](javascript:alert(3)) and **not bold** were part of the record, and that the "
        "review would take several weeks to complete.\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    for page in (project / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for injected in ("<script>alert", "<img src=x", 'href="javascript:', "<b>bold"):
            assert injected not in text, (page, injected)


def test_the_build_uses_the_briefings_plugin_first():
    plugins = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
    assert next(iter(plugins[0])) == "briefings"  # before tags, which it configures


def test_home_page_links_every_reference_page(built):
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    for page in ("themes/index.html", "timeline.html", "people-and-organisations.html",
                 "glossary.html", "sources.html"):
        assert f'href="{page}"' in home, page
        assert (built / "site" / page).exists(), page


def test_every_briefing_has_a_theme_and_a_related_briefing(built):
    for page in (built / "docs" / "briefings").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert "**Primary theme:** [" in text, page
        assert "## Related briefings\n\n- [" in text, page


@pytest.mark.parametrize(("acronym", "expansion"), [
    ("INL", "Bureau of International Narcotics and Law Enforcement Affairs"),
    ("PNC", "National Civil Police"),
    ("CBP", "Customs and Border Protection"),
    ("DEA", "Drug Enforcement Administration"),
])
def test_glossary_spells_out_the_collections_acronyms(built, acronym, expansion):
    glossary = (built / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert f"- **{acronym}**: {expansion} (" in glossary


def test_timeline_has_the_events_the_seeds_state(built):
    timeline = (built / "docs" / "timeline.md").read_text(encoding="utf-8")
    for year in (1990, 2003, 2007, 2018, 2021, 2024):
        assert f"\n## {year}\n" in timeline, year
    assert "US Congress halted all military aid to Guatemala in 1990" in timeline


def test_a_tag_outside_the_theme_vocabulary_fails_the_build(tmp_path):
    project = copy_project(tmp_path)
    (project / "docs" / "notes.md").write_text("---\ntags: [Not a theme]\n---\n# Notes\n",
                                               encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "Tags not in allow list: Not a theme" in result.stderr


def test_two_builds_give_the_same_bytes(tmp_path):
    """Generated Markdown and handouts; the handouts' date is pinned by SOURCE_DATE_EPOCH."""
    pinned = {"SOURCE_DATE_EPOCH": "1700000000"}  # 2023-11-14

    def build_and_read(name: str) -> dict[str, bytes]:
        (tmp_path / name).mkdir()
        project = copy_project(tmp_path / name)
        assert mkdocs_build(project, pinned).returncode == 0
        files = [*(project / "docs").rglob("*.md"), *(project / "site" / "handouts").glob("*")]
        return {p.relative_to(project).as_posix(): p.read_bytes() for p in files}

    first, second = build_and_read("first"), build_and_read("second")
    assert first == second
    assert b"generated on 2023-11-14" in first["site/handouts/all.html"]


def test_a_second_build_reuses_the_first_and_writes_no_page(built):
    result = mkdocs_build(built)
    assert result.returncode == 0, result.stderr
    assert "0 pages written" in result.stderr and "nothing had changed" in result.stderr
    assert (built / ".cache" / "plugin" / "briefings" / "cache.db").is_file()


def test_a_build_without_the_cache_keeps_nothing_and_still_makes_the_handouts(tmp_path):
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      seeds: seeds\n", "      seeds: seeds\n      cache: false\n"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "generated in" in result.stderr
    assert (project / "site" / "handouts" / "all.html").stat().st_size > 10_000
    assert not (project / ".cache").exists()
