"""The benchmark corpus (``tests/benchmarks/make_corpus.py``): the same seed writes the same
bytes, a smaller corpus is the start of a bigger one, and a corpus goes through the pipeline
as a real collection does: every file published or merged with its deliberate copy, and no
story on a theme of the vocabulary left in the fallback theme."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from generator.overrides import read_overrides
from generator.pipeline import build_site
from generator.read import read_seeds

MAKE_CORPUS = Path(__file__).parent / "benchmarks" / "make_corpus.py"
# Seed 1's first 30 articles hold two syndicated copies (articles 9 and 16), so the
# duplicate merge is exercised too.
PIPELINE_SEED, PIPELINE_COUNT = 1, 30
FALLBACK_THEME = "other"


def load_make_corpus():
    """The corpus maker as a module: ``tests/benchmarks`` holds scripts, not a package."""
    spec = importlib.util.spec_from_file_location("benchmark_corpus", MAKE_CORPUS)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


make_corpus = load_make_corpus()


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_the_same_seed_writes_the_same_bytes(tmp_path):
    paths = make_corpus.write_articles(40, tmp_path / "first", seed=7)
    make_corpus.write_articles(40, tmp_path / "second", seed=7)
    assert len(paths) == len(set(paths)) == 40
    assert contents(tmp_path / "first") == contents(tmp_path / "second")


def test_a_smaller_corpus_is_the_start_of_a_bigger_one(tmp_path):
    make_corpus.write_articles(12, tmp_path / "small", seed=7)
    make_corpus.write_articles(40, tmp_path / "big", seed=7)
    big = contents(tmp_path / "big")
    assert contents(tmp_path / "small") == {name: big[name] for name in sorted(big)[:12]}


def test_another_seed_writes_another_corpus(tmp_path):
    make_corpus.write_articles(10, tmp_path / "one", seed=1)
    make_corpus.write_articles(10, tmp_path / "two", seed=2)
    assert not set(contents(tmp_path / "one").values()) & set(contents(tmp_path / "two").values())


def test_files_are_named_and_saved_as_real_scrapes_are(tmp_path):
    paths = make_corpus.write_articles(400, tmp_path, seed=0)
    assert all(re.fullmatch(r"\d{5}_[0-9a-f]{16}\.(txt|html)", path.name) for path in paths)
    pages = [path for path in paths if path.suffix == ".html"]
    assert 0.15 < len(pages) / len(paths) < 0.35  # about a quarter are raw HTML pages
    assert all(path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for path in pages)


def test_make_project_copies_what_mkdocs_reads_but_no_generated_page(tmp_path):
    project = make_corpus.make_project(3, tmp_path / "project")
    assert (project / "mkdocs.yml").is_file()
    assert (project / "generator" / "data" / "themes.yml").is_file()
    assert (project / "docs" / "about.md").is_file()
    assert (project / "docs" / "assets" / "briefings.css").is_file()
    assert not (project / "docs" / "index.md").exists()  # the build writes it
    assert len(list((project / "seeds").iterdir())) == 3
    with pytest.raises(FileExistsError):
        make_corpus.make_project(3, project)  # never mixes two corpora in one seeds/


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """The site built from a small corpus, and the names of its files."""
    seeds = tmp_path_factory.mktemp("corpus") / "seeds"
    paths = make_corpus.write_articles(PIPELINE_COUNT, seeds, seed=PIPELINE_SEED)
    docs, problems = read_seeds(seeds)
    overrides, override_problems = read_overrides(seeds)
    return build_site(docs, overrides, problems=[*problems, *override_problems]), paths


def story_of(name: str) -> int:
    """The article whose story a file carries (its own, unless it is a syndicated copy)."""
    return make_corpus.source_index(int(name[:5]), seed=PIPELINE_SEED)


def test_every_file_is_published_or_merged_with_its_copy(corpus_site):
    site, paths = corpus_site
    assert not site.problems
    published = {article.name for article in site.articles}
    merged = {duplicate.name for duplicate in site.duplicates}
    assert published | merged == {path.name for path in paths}
    assert not published & merged
    for duplicate in site.duplicates:
        assert story_of(duplicate.name) == story_of(duplicate.kept_name), duplicate


def test_stories_on_a_theme_of_the_vocabulary_get_a_theme(corpus_site):
    site, _ = corpus_site
    on_topic = [article for article in site.articles
                if make_corpus.make_story(story_of(article.name), PIPELINE_SEED).topics[0]
                in make_corpus.ON_TOPIC]
    assert len(on_topic) > PIPELINE_COUNT // 2
    assert not [article.name for article in on_topic if FALLBACK_THEME in article.themes]
