"""Incremental builds: the cache and the process pool change how fast, never what.

Every route (first build, unchanged rebuild, one article changed, articles computed in
worker processes) must give the Markdown a build from scratch gives, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import generator.pipeline
from generator import workers
from generator.cache import Cache, code_fingerprint
from generator.pipeline import BuildResult, Settings, analysed_articles, generate
from generator.themes import load_vocabulary

from conftest import ROOT, SEEDS, seed_docs

DAY = dt.date(2026, 11, 23)
NEW_PARAGRAPH = ("\n\nOfficials said on Tuesday that the review of the programme would be "
                 "published before the end of the year.\n")


def project(root: Path) -> Settings:
    shutil.copytree(SEEDS, root / "seeds")
    (root / "docs").mkdir()
    return Settings(root / "seeds", root / "docs", cache_file=root / "cache" / "cache.db",
                    handouts_dir=root / "cache" / "handouts", handouts_on=DAY)


def from_scratch(settings: Settings, root: Path) -> dict[str, str]:
    """The pages a build with no cache makes of the same seeds, in a fresh docs/."""
    fresh = root / "fresh-docs"
    generate(Settings(settings.seeds_dir, fresh, handouts_dir=root / "fresh-handouts",
                      handouts_on=DAY))
    return pages(fresh)


def pages(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(docs.rglob("*.md"))}


@pytest.fixture
def analyses(monkeypatch) -> list[str]:
    """The names of the articles analysed from here on (not taken from the cache)."""
    seen: list[str] = []
    analyse_one = generator.pipeline._analysed_article

    def counting(task, **kwargs):
        seen.append(task[0].name)
        return analyse_one(task, **kwargs)

    monkeypatch.setattr(generator.pipeline, "_analysed_article", counting)
    return seen


def test_an_unchanged_rebuild_reuses_everything_and_writes_nothing(tmp_path, analyses):
    settings = project(tmp_path)
    first = generate(settings)
    assert len(analyses) == len(seed_docs()) and not first.reused
    again = generate(settings)
    assert again.reused and again.report.written == [] and again.report.deleted == []
    assert len(analyses) == len(seed_docs())  # nothing analysed a second time
    assert again.output == first.output and again.handouts == first.handouts
    assert pages(settings.docs_dir) == from_scratch(settings, tmp_path)


def test_lost_pages_come_back_from_the_cache_without_analysis(tmp_path, analyses):
    settings = project(tmp_path)
    generate(settings)
    written = pages(settings.docs_dir)
    shutil.rmtree(settings.docs_dir / "briefings")
    analyses.clear()
    result = generate(settings)
    assert result.reused and analyses == []
    assert sorted(result.report.written) == sorted(p for p in written if p.startswith("briefings/"))
    assert pages(settings.docs_dir) == written


def test_a_changed_article_is_the_only_one_analysed_again(tmp_path, analyses):
    settings = project(tmp_path)
    generate(settings)
    changed = sorted(settings.seeds_dir.glob("*.txt"))[2]
    changed.write_text(changed.read_text(encoding="utf-8") + NEW_PARAGRAPH, encoding="utf-8")
    analyses.clear()
    result = generate(settings)
    assert analyses == [changed.name]
    assert result.report.written  # its page, at least
    assert len(result.report.written) < len(result.report.unchanged)
    assert pages(settings.docs_dir) == from_scratch(settings, tmp_path)


def test_a_removed_article_leaves_the_site_as_a_build_without_it(tmp_path):
    settings = project(tmp_path)
    generate(settings)
    sorted(settings.seeds_dir.glob("*.txt"))[0].unlink()
    result = generate(settings)
    assert len(result.report.deleted) == 1
    assert pages(settings.docs_dir) == from_scratch(settings, tmp_path)


def test_a_new_vocabulary_themes_every_article_again(tmp_path, analyses):
    settings = project(tmp_path)
    generate(settings)
    vocabulary = tmp_path / "themes.yml"
    vocabulary.write_text((ROOT / "generator" / "data" / "themes.yml").read_text(
        encoding="utf-8").replace("Counternarcotics", "Drug control"), encoding="utf-8")
    analyses.clear()
    result = generate(Settings(settings.seeds_dir, settings.docs_dir, vocabulary,
                               settings.cache_file, settings.handouts_dir, DAY))
    assert sorted(analyses) == sorted(doc.name for doc in seed_docs())
    assert "Drug control" in (settings.docs_dir / "themes" / "counternarcotics.md").read_text(
        encoding="utf-8")
    assert not result.reused


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path):
    settings = project(tmp_path)
    generate(settings)
    with Cache(settings.cache_file) as cache:
        entries = cache._db.execute("SELECT COUNT(*) FROM entry").fetchone()[0]
    # Per article: its file read, its analysis, its handout body; the build's output, pages.
    assert entries == 3 * len(seed_docs()) + 2
    changed = sorted(settings.seeds_dir.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + NEW_PARAGRAPH, encoding="utf-8")
    generate(settings)
    with Cache(settings.cache_file) as cache:
        assert cache._db.execute("SELECT COUNT(*) FROM entry").fetchone()[0] == entries


def test_a_deleted_cache_only_costs_time(tmp_path):
    settings = project(tmp_path)
    generate(settings)
    settings.cache_file.unlink()
    result: BuildResult = generate(settings)
    assert not result.reused and result.report.written == []


def test_the_code_fingerprint_covers_code_data_and_templates():
    package = ROOT / "generator"
    assert code_fingerprint() == code_fingerprint()
    assert {"data", "templates"} <= {p.name for p in package.iterdir() if p.is_dir()}


def test_articles_analysed_in_worker_processes_are_those_analysed_here(monkeypatch):
    docs, vocabulary = list(seed_docs()), load_vocabulary()
    here = analysed_articles(docs, {}, vocabulary)
    monkeypatch.setattr(workers, "MIN_PARALLEL_ITEMS", 1)  # a pool even for five articles
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    assert analysed_articles(docs, {}, vocabulary) == here
