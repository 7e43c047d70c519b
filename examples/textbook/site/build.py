#!/usr/bin/env python3
"""Build the textbook site: docs/**/*.md -> OUT/*.html + OUT/search-index.json.

Usage: build.py [--docs DIR] [--out DIR]

Each doc needs front matter with a title, as Docusaurus expects:

    ---
    title: Kinematics
    sidebar_position: 2
    ---

A folder may hold a _category_.json ({"label": ..., "position": N}) that
names its sidebar group. Broken docs are all reported, then the build exits
with status 1 and leaves the previous output untouched.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mdlite import Rendered, render

WORKSPACE = Path(__file__).resolve().parent.parent
MARKER = ".textbook-site"  # marks an output folder this script may replace
DEFAULT_POSITION = 1000


class DocError(Exception):
    """A problem in one doc, located as file:line."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")


class BuildError(Exception):
    """Everything that stopped a build, one message per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Category:
    label: str
    position: int


@dataclass
class Doc:
    source: Path
    slug: str  # "foundations/kinematics"
    title: str
    position: int
    category: str  # folder name; "" for top-level docs
    body: str
    rendered: Rendered

    @property
    def url(self) -> str:
        return f"{self.slug}.html"


def parse_front_matter(text: str, path: Path) -> tuple[dict[str, str], str]:
    """Split "---\\nkey: value\\n---\\nbody" into (fields, body)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise DocError(path, 1, "expected front matter starting with a '---' line, "
                       "found " + (repr(lines[0]) if lines else "an empty file")
                       + "; add '---', 'title: ...', '---' at the top")
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            return fields, "\n".join(lines[number:])
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise DocError(path, number, f"expected 'key: value' in front matter, "
                           f"found {line!r}")
        fields[key.strip()] = value.strip().strip("'\"")
    raise DocError(path, 1, "front matter is not closed; add a '---' line after "
                   "its last field")


def load_categories(docs_dir: Path) -> dict[str, Category]:
    categories: dict[str, Category] = {}
    for meta in sorted(docs_dir.glob("*/_category_.json")):
        folder = meta.parent.name
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
            categories[folder] = Category(str(data.get("label", folder)),
                                          int(data.get("position", DEFAULT_POSITION)))
        except (ValueError, AttributeError) as error:
            raise DocError(meta, 1, f"expected a JSON object like "
                           f'{{"label": "Control", "position": 3}}: {error}') from error
    return categories


def load_doc(path: Path, docs_dir: Path) -> Doc:
    fields, body = parse_front_matter(path.read_text(encoding="utf-8"), path)
    title = fields.get("title", "")
    if not title:
        raise DocError(path, 1, "front matter has no 'title'; add a line such as "
                       "'title: Kinematics' between the '---' lines")
    raw_position = fields.get("sidebar_position", str(DEFAULT_POSITION))
    try:
        position = int(raw_position)
    except ValueError:
        raise DocError(path, 1, f"sidebar_position must be a whole number, "
                       f"found {raw_position!r}") from None
    relative = path.relative_to(docs_dir).with_suffix("")
    category = relative.parts[0] if len(relative.parts) > 1 else ""
    return Doc(path, relative.as_posix(), title, position, category, body, render(body))


def sidebar_order(docs: list[Doc], categories: dict[str, Category]) -> list[tuple[str, list[Doc]]]:
    """The sidebar as (group label, docs) in display order.

    As in Docusaurus, top-level docs and categories interleave by position;
    a top-level doc is a group of one with an empty label.
    """
    items: list[tuple[int, str, str, list[Doc]]] = []
    for doc in docs:
        if not doc.category:
            items.append((doc.position, doc.title, "", [doc]))
    for name in sorted({d.category for d in docs if d.category}):
        members = sorted((d for d in docs if d.category == name),
                         key=lambda d: (d.position, d.title))
        category = categories.get(name, Category(name, min(d.position for d in members)))
        items.append((category.position, category.label, category.label, members))
    items.sort(key=lambda item: (item[0], item[1]))
    return [(label, members) for _, _, label, members in items]


def sidebar_html(groups: list[tuple[str, list[Doc]]], root: str, current: str) -> str:
    parts = ['<nav class="sidebar"><a class="home" href="' + root + 'index.html">Home</a>']
    for label, members in groups:
        if label:
            parts.append(f"<h3>{html.escape(label)}</h3>")
        parts.append("<ul>")
        for doc in members:
            mark = ' class="current"' if doc.slug == current else ""
            parts.append(f'<li><a{mark} href="{root}{doc.url}">'
                         f"{html.escape(doc.title)}</a></li>")
        parts.append("</ul>")
    parts.append("</nav>")
    return "\n".join(parts)


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | Physical AI &amp; Humanoid Robotics</title>
<link rel="stylesheet" href="{root}style.css">
</head>
<body>
{sidebar}
<main>
{content}
</main>
</body>
</html>
"""

STYLE = """body { display: flex; margin: 0; font-family: sans-serif; line-height: 1.5; }
.sidebar { width: 16rem; padding: 1rem; background: #f4f6f8; min-height: 100vh; }
.sidebar .current { font-weight: bold; }
main { max-width: 48rem; padding: 1rem 2rem; }
pre { background: #1e1e2e; color: #e0e0e0; padding: 0.8rem; overflow-x: auto; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.3rem; }
"""


def search_sections(doc: Doc) -> list[dict[str, str]]:
    """Split a doc at its headings into searchable sections."""
    sections: list[dict[str, str]] = []
    heading, anchor = doc.title, ""
    text: list[str] = []
    in_code = False
    for line in doc.body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if not in_code and line.startswith("#"):
            stripped = line.lstrip("#").strip()
            if text:
                sections.append({"doc": doc.slug, "title": doc.title, "heading": heading,
                                 "url": doc.url + anchor, "text": " ".join(text)})
            heading, text = stripped, []
            match = [h for h in doc.rendered.headings if h.text == stripped]
            anchor = "#" + match[0].anchor if match else ""
        elif line.strip():
            text.append(line.strip())
    if text:
        sections.append({"doc": doc.slug, "title": doc.title, "heading": heading,
                         "url": doc.url + anchor, "text": " ".join(text)})
    return sections


def build(docs_dir: Path, out_dir: Path, log: Callable[[str], None] = print) -> int:
    """Build the site and return its page count; raises BuildError listing every problem."""
    sources = sorted(docs_dir.rglob("*.md"))
    if not sources:
        raise BuildError([f"{docs_dir}: expected Markdown docs (*.md), found none; "
                          "check the --docs folder"])
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise BuildError([f"{out_dir}: the output folder exists and was not made by this "
                          "script; refusing to replace it. Choose another --out or empty it"])
    log(f"reading {len(sources)} docs from {docs_dir}")
    errors: list[str] = []
    docs: list[Doc] = []
    try:
        categories = load_categories(docs_dir)
    except DocError as error:
        errors.append(str(error))
        categories = {}
    for source in sources:
        try:
            docs.append(load_doc(source, docs_dir))
        except DocError as error:
            errors.append(str(error))
    if errors:
        raise BuildError(errors)

    groups = sidebar_order(docs, categories)
    ordered = [doc for _, members in groups for doc in members]
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=out_dir.parent))
    try:
        (staging / MARKER).write_text("built by site/build.py\n", encoding="utf-8")
        (staging / "style.css").write_text(STYLE, encoding="utf-8")
        index: list[dict[str, str]] = []
        for number, doc in enumerate(ordered, start=1):
            root = "../" * doc.slug.count("/")
            page = PAGE.format(title=html.escape(doc.title), root=root,
                               sidebar=sidebar_html(groups, root, doc.slug),
                               content=doc.rendered.html)
            target = staging / doc.url
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
            index.extend(search_sections(doc))
            log(f"[{number}/{len(ordered)}] {doc.source.relative_to(docs_dir)} -> {doc.url}")
        toc = "\n".join(f'<li><a href="{d.url}">{html.escape(d.title)}</a></li>'
                        for d in ordered)
        (staging / "index.html").write_text(
            PAGE.format(title="Contents", root="", sidebar=sidebar_html(groups, "", ""),
                        content=f"<h1>Physical AI &amp; Humanoid Robotics</h1>\n<ol>{toc}</ol>"),
            encoding="utf-8")
        (staging / "search-index.json").write_text(
            json.dumps(index, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        log(f"wrote index.html and search-index.json ({len(index)} sections)")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging.rename(out_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return len(ordered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the textbook site.")
    parser.add_argument("--docs", type=Path, default=WORKSPACE / "docs",
                        help="folder of Markdown docs (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("build"),
                        help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        pages = build(args.docs, args.out)
    except BuildError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"site build failed: {len(error.problems)} problem(s); nothing was written",
              file=sys.stderr)
        return 1
    print(f"built {pages} pages into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
