"""The "How these briefings were cleaned" page: what was kept and dropped, and why.

Per article: lines kept and removed, and the removed lines grouped by the rule that removed
them, collapsed by default. Files that could not be published are listed with the reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from generator.clean import STRUCTURAL_RULES
from generator.identity import RULES as IDENTITY_RULES
from generator.knowledge import Knowledge
from generator.markup import BRIEFINGS_DIR, escape_markdown, front_matter
from generator.model import Article, Page, Problem, Removal, Site

AUDIT_PAGE = "cleaning.md"


def render_audit(site: Site, knowledge: Knowledge) -> Page:
    """Every input accounted for (published, merged, or not published and why), then each
    published article's removed lines by rule."""
    notes = {**{f"{layer}:{name}": note for name, note in knowledge.notes.items()
                for layer in ("phrase", "section_end", "metadata")}, **STRUCTURAL_RULES,
             **IDENTITY_RULES}
    parts = [
        front_matter({"title": "How these briefings were cleaned",
                      "description": "What the cleaner kept and removed, line by line.",
                      # Removed lines are the boilerplate readers never want to find:
                      # searching "donate" must not list the audit (Material's option).
                      "search": {"exclude": True}}),
        "# How these briefings were cleaned\n",
        "Each scraped file is split into blocks, and every block is kept as text or removed by "
        "a named rule: a boilerplate phrase (share bars, appeals, banners, teaser sections), "
        "a date or byline that became the briefing's metadata, or a position outside the "
        "article's densest run of text. Open a section to audit what was removed.\n",
        f"**Every file in `seeds/`:** {site.summary()}.\n",
        _problems_section(site.problems),
        _duplicates_section(site),
    ]
    parts += [_article_section(a, notes) for a in sorted(site.articles, key=lambda a: a.name)]
    return Page(AUDIT_PAGE, "\n".join(part for part in parts if part))


def _problems_section(problems: Sequence[Problem]) -> str:
    if not problems:
        return ""
    rows = "\n".join(f"- {escape_markdown(p.file)}: {escape_markdown(p.message)}"
                     for p in problems)
    return f'!!! warning "Files that could not be published"\n\n{_indent(rows)}\n'


def _duplicates_section(site: Site) -> str:
    if not site.duplicates:
        return ""
    titles = {a.slug: a.title for a in site.articles}
    rows = "\n".join(
        f"- {escape_markdown(d.name)}: merged into [{escape_markdown(titles[d.kept_slug])}]"
        f"({BRIEFINGS_DIR}/{d.kept_slug}.md) ({escape_markdown(d.kept_name)}), "
        + ("the same text." if d.exact else f"{d.similarity:.0%} similar.")
        for d in site.duplicates)
    return f'!!! info "Files merged into another briefing (the same article)"\n\n{_indent(rows)}\n'


def _note(rule: str, notes: dict[str, str]) -> str | None:
    """A rule's explanation; a teaser box inside the article is explained by its marker."""
    return notes.get(rule) or notes.get(rule.removesuffix("_box"))


def _article_section(article: Article, notes: dict[str, str]) -> str:
    removed = article.clean.removed_lines()
    kept = sum(len(b.lines) for b in article.body)
    by_rule: dict[str, list[Removal]] = defaultdict(list)
    for removal in removed:
        by_rule[removal.rule].append(removal)
    header = (f"## [{escape_markdown(article.title)}]({BRIEFINGS_DIR}/{article.slug}.md)\n\n"
              f"{escape_markdown(article.name)}: {kept} lines kept, {len(removed)} removed.\n\n"
              + _identity_list(article))
    groups = [
        f'??? note "{rule} ({len(lines)})"\n'
        + (_indent(escape_markdown(_note(rule, notes))) + "\n\n" if _note(rule, notes) else "\n")
        + _indent("\n".join(f"- line {r.line}: {escape_markdown(r.text)}" for r in lines))
        + "\n"
        for rule, lines in sorted(by_rule.items())
    ]
    return header + "\n" + "\n".join(groups)


def _identity_list(article: Article) -> str:
    """Which line gave the title, date, author and source, and by which rule."""
    rows = []
    for origin in article.origins:
        where = (f"line {origin.line}, “{escape_markdown(origin.text)}”" if origin.line
                 else "no line of the text")
        note = IDENTITY_RULES.get(origin.rule, "")
        rows.append(f"- **{origin.field.capitalize()}**: {where}; {escape_markdown(note)} "
                    f"(`{origin.rule}`)")
    return "\n".join(rows) + "\n" if rows else ""


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.split("\n"))
