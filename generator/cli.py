"""Command line: ``python -m generator build``, ``suggest-themes`` and ``extract FILE``.

The only module that reads argv or the environment and sets exit codes:
0 success, 1 when an input was not published (or FILE cannot be read), 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator.markup import escape_markdown
from generator.model import Article, Problem
from generator.overrides import read_overrides
from generator.pipeline import Settings, article_from, clean_articles, generate
from generator.read import read_file, read_seeds
from generator.render import render_block
from generator.suggest import DEFAULT_MAX_THEMES, suggest_vocabulary
from generator.themes import DEFAULT_VOCABULARY

ROOT = Path.cwd()
DEFAULT_CACHE = ".cache/plugin/briefings/cache.db"  # where the MkDocs plugin keeps it too


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return args.command(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="write the site's Markdown under docs/ from seeds/")
    build.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="default: ./seeds")
    build.add_argument("--docs", type=Path, default=ROOT / "docs", help="default: ./docs")
    build.add_argument("--themes", type=Path, default=DEFAULT_VOCABULARY,
                       help="the theme vocabulary (default: the one shipped with the generator)")
    build.add_argument("--cache", type=Path, default=ROOT / DEFAULT_CACHE,
                       help=f"what earlier builds made, reused (default: ./{DEFAULT_CACHE})")
    build.add_argument("--no-cache", dest="cache", action="store_const", const=None,
                       help="build everything again and keep nothing")
    build.set_defaults(command=run_build)

    suggest = commands.add_parser(
        "suggest-themes", help="print a theme vocabulary made from the articles in seeds/")
    suggest.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="default: ./seeds")
    suggest.add_argument("--max-themes", type=int, default=DEFAULT_MAX_THEMES,
                         help=f"at most this many themes (default: {DEFAULT_MAX_THEMES})")
    suggest.set_defaults(command=run_suggest_themes)

    extract = commands.add_parser(
        "extract", help="print cleaned articles (several files: JSON Lines, one per file)")
    extract.add_argument("files", type=Path, nargs="+", metavar="FILE")
    extract.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    extract.set_defaults(command=run_extract)
    return parser


def run_build(args: argparse.Namespace) -> int:
    """Write the site's Markdown; one line per problem, then what became of every file."""
    result = generate(Settings(seeds_dir=args.seeds, docs_dir=args.docs,
                               themes_file=args.themes, cache_file=args.cache))
    for problem in result.problems:
        print(f"problem: {problem}", file=sys.stderr)
    for duplicate in result.output.duplicates:
        print(f"merged: {duplicate}", file=sys.stderr)
    report = result.report
    print(f"{result.summary()}; {len(report.written)} pages written, "
          f"{len(report.unchanged)} unchanged, {len(report.deleted)} deleted; "
          f"{result.seconds:.2f} s", file=sys.stderr)
    return 1 if result.problems else 0


def run_suggest_themes(args: argparse.Namespace) -> int:
    """Print a draft vocabulary to stdout: it never overwrites a vocabulary someone edited."""
    docs, problems = read_seeds(args.seeds)
    overrides, override_problems = read_overrides(args.seeds)
    for problem in [*problems, *override_problems]:
        print(f"problem: {problem}", file=sys.stderr)
    sys.stdout.write(suggest_vocabulary(clean_articles(docs, overrides),
                                        max_themes=args.max_themes))
    return 0


def run_extract(args: argparse.Namespace) -> int:
    """One article as JSON (or Markdown, or text); several in one process, as JSON Lines
    (one compact object per file, with its ``file``) so a collection is checked at once.
    A file that cannot be read is reported on stderr and the rest carry on."""
    lines = len(args.files) > 1 and args.format == "json"
    status = 0
    overrides_by_folder: dict[Path, dict] = {}
    for path in args.files:
        doc = read_file(path)
        if isinstance(doc, Problem):
            print(f"error: {doc}", file=sys.stderr)
            status = 1
            continue
        if path.parent not in overrides_by_folder:
            overrides, problems = read_overrides(path.parent)
            overrides_by_folder[path.parent] = overrides
            for problem in problems:
                print(f"problem: {problem}", file=sys.stderr)
        article = article_from(doc, override=overrides_by_folder[path.parent].get(doc.name))
        if lines:
            sys.stdout.write(json.dumps({"file": str(path), **as_record(article)},
                                        ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(FORMATTERS[args.format](article))
    return status


def as_text(article: Article) -> str:
    return "".join(f"{block.text}\n\n" for block in article.body)


def as_markdown(article: Article) -> str:
    title = f"# {escape_markdown(article.title)}\n\n"
    return title + "\n".join(render_block(block) for block in article.body)


def as_json(article: Article) -> str:
    return json.dumps(as_record(article), ensure_ascii=False, indent=2) + "\n"


def as_record(article: Article) -> dict:
    """The article as JSON data; ``origins`` says where each identity field came from."""
    return {
        "title": article.title,
        "title_derived": article.title_derived,
        "source": article.source,
        "author": article.author,
        "date": article.date.isoformat() if article.date else None,
        "origins": {o.field: {"rule": o.rule, "line": o.line, "text": o.text}
                    for o in article.origins},
        "body": "\n".join(render_block(block) for block in article.body),
        "removed": [
            {"line": r.line, "text": r.text, "rule": r.rule}
            for r in article.clean.removed_lines()
        ],
    }


FORMATTERS = {"json": as_json, "markdown": as_markdown, "text": as_text}
