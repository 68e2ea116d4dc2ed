"""Another collection entirely (energy, health, elections): the same code, with a vocabulary
suggested from the articles, builds a strict site and groups the articles by topic."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, copy_project, mkdocs_build

pytestmark = pytest.mark.site

COLLECTION = FIXTURES / "collection"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project whose seeds are the collection and whose vocabulary is the one
    ``suggest-themes`` prints for it."""
    project = copy_project(tmp_path_factory.mktemp("collection"))
    shutil.rmtree(project / "seeds")
    shutil.rmtree(project / "docs" / "briefings")
    shutil.rmtree(project / "docs" / "themes")
    shutil.copytree(COLLECTION, project / "seeds")
    suggested = subprocess.run(
        [sys.executable, "-m", "generator", "suggest-themes", "--seeds", str(project / "seeds")],
        capture_output=True, text=True, check=True,
    ).stdout
    (project / "generator" / "data" / "themes.yml").write_text(suggested, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


def front_matter(page: Path) -> dict:
    return yaml.safe_load(page.read_text(encoding="utf-8").split("---")[1])


def test_articles_of_one_topic_share_a_primary_theme_and_topics_differ(project):
    primary: dict[str, set[str]] = {}
    for page in (project / "docs" / "briefings").glob("*.md"):
        seed = front_matter(page)["seed"]
        primary.setdefault(seed.split("_")[0], set()).add(front_matter(page)["tags"][0])
    assert sorted(primary) == ["elections", "energy", "health"]
    assert all(len(themes) == 1 for themes in primary.values()), primary
    assert len(set.union(*primary.values())) == 3


def test_every_article_is_published_with_its_reference_pages(project):
    briefings = list((project / "site" / "briefings").glob("*.html"))
    assert len(briefings) == len(list(COLLECTION.glob("*.txt")))
    for name in ("timeline", "glossary", "people-and-organisations", "sources"):
        assert (project / "site" / f"{name}.html").exists(), name


def test_an_article_with_no_dates_figures_acronyms_or_names_gets_a_plain_page(project):
    page = next(p for p in (project / "docs" / "briefings").glob("*.md")
                if front_matter(p)["seed"] == "energy_community_solar_cooperative.txt")
    text = page.read_text(encoding="utf-8")
    for section in ("## Key figures", "## Named in this briefing"):
        assert section not in text
    assert "date not stated" in text
    assert "!!! abstract \"Summary\"" in text
