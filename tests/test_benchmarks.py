"""The scale benchmark runs end to end on a small collection, and its figures say what the
targets are about: a rebuild with nothing changed writes nothing and reuses the last
build; a changed article rewrites a few pages, not the site."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.site


def test_the_scale_benchmark_measures_builds_and_rebuilds(tmp_path):
    figures_file = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--sizes", "40",
         "--keep", str(tmp_path / "projects"), "--json", str(figures_file)],
        capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "articles  generator s  build s" in result.stdout
    [figures] = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["articles"] == 40
    assert 0 < figures["generator s"] < figures["build s"]
    assert figures["peak MB"] > 50 and figures["index MB"] > 0
    assert figures["rebuild written"] == 0
    assert figures["rebuild gen. s"] < figures["generator s"]
    assert 1 <= figures["one-change written"] <= 5
