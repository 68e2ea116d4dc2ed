"""Command line: ``python -m generator build`` and ``python -m generator extract FILE``.

The only module that reads argv or the environment and sets exit codes:
0 success, 1 data problems with ``--strict`` (or an unreadable FILE), 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator.model import Article, Problem
from generator.overrides import read_overrides
from generator.pipeline import Settings, article_from, generate
from generator.read import read_file
from generator.render import escape_markdown, render_block

ROOT = Path.cwd()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return args.command(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="write the site's Markdown under docs/ from seeds/")
    build.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="default: ./seeds")
    build.add_argument("--docs", type=Path, default=ROOT / "docs", help="default: ./docs")
    build.add_argument("--strict", action="store_true", help="exit 1 if any file has a problem")
    build.set_defaults(command=run_build)

    extract = commands.add_parser("extract", help="print one cleaned article")
    extract.add_argument("file", type=Path)
    extract.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    extract.set_defaults(command=run_extract)
    return parser


def run_build(args: argparse.Namespace) -> int:
    result = generate(Settings(seeds_dir=args.seeds, docs_dir=args.docs))
    report = result.report
    for problem in result.problems:
        print(f"problem: {problem}", file=sys.stderr)
    print(f"{len(result.site.articles)} briefings; {len(report.written)} pages written, "
          f"{len(report.unchanged)} unchanged, {len(report.deleted)} deleted", file=sys.stderr)
    return 1 if args.strict and result.problems else 0


def run_extract(args: argparse.Namespace) -> int:
    doc = read_file(args.file)
    if isinstance(doc, Problem):
        print(f"error: {doc}", file=sys.stderr)
        return 1
    overrides, problems = read_overrides(args.file.parent)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    article = article_from(doc, override=overrides.get(doc.name))
    sys.stdout.write(FORMATTERS[args.format](article))
    return 0


def as_text(article: Article) -> str:
    return "".join(f"{block.text}\n\n" for block in article.body)


def as_markdown(article: Article) -> str:
    title = f"# {escape_markdown(article.title)}\n\n"
    return title + "\n".join(render_block(block) for block in article.body)


def as_json(article: Article) -> str:
    record = {
        "title": article.title,
        "title_derived": article.title_derived,
        "source": article.source,
        "author": article.author,
        "date": article.date.isoformat() if article.date else None,
        "body": "\n".join(render_block(block) for block in article.body),
        "removed": [
            {"line": r.line, "text": r.text, "rule": r.rule}
            for r in article.clean.removed_lines()
        ],
    }
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


FORMATTERS = {"json": as_json, "markdown": as_markdown, "text": as_text}
