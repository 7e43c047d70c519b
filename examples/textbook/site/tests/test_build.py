"""The site build as an author meets it: pages, sidebar order, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import build
from mdlite import render

SITE_DIR = Path(build.__file__).resolve().parent
REAL_DOCS = SITE_DIR.parent / "docs"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run_build(docs: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SITE_DIR / "build.py"), "--docs", str(docs), "--out", str(out)],
        capture_output=True, text=True, check=False,
    )


def test_real_docs_build_into_pages_index_and_search_index(tmp_path: Path) -> None:
    out = tmp_path / "build"
    result = run_build(REAL_DOCS, out)
    assert result.returncode == 0, result.stderr
    sources = sorted(REAL_DOCS.rglob("*.md"))
    for source in sources:
        page = out / source.relative_to(REAL_DOCS).with_suffix(".html")
        assert page.is_file(), f"missing {page}"
    assert (out / "index.html").is_file()
    index = json.loads((out / "search-index.json").read_text(encoding="utf-8"))
    assert {entry["doc"] for entry in index} == {
        s.relative_to(REAL_DOCS).with_suffix("").as_posix() for s in sources
    }
    assert f"[{len(sources)}/{len(sources)}]" in result.stdout  # progress lines
    assert f"built {len(sources)} pages" in result.stdout


def test_sidebar_follows_positions_not_file_names(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs / "zeta.md", "---\ntitle: Start Here\nsidebar_position: 1\n---\nHi.\n")
    write(docs / "alpha.md", "---\ntitle: Appendix\nsidebar_position: 9\n---\nBye.\n")
    write(docs / "ch" / "_category_.json", '{"label": "Chapter One", "position": 2}')
    write(docs / "ch" / "a.md", "---\ntitle: Second\nsidebar_position: 2\n---\nB.\n")
    write(docs / "ch" / "b.md", "---\ntitle: First\nsidebar_position: 1\n---\nA.\n")
    assert build.build(docs, tmp_path / "out", log=lambda _: None) == 4
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    order = [page.index(text) for text in
             ("Start Here", "Chapter One", ">First<", ">Second<", "Appendix")]
    assert order == sorted(order)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# No front matter\n", "broken.md:1: expected front matter"),
        ("---\nsidebar_position: 2\n---\nBody\n", "broken.md:1: front matter has no 'title'"),
        ("---\ntitle: X\nsidebar_position: two\n---\n", "sidebar_position must be a whole number"),
        ("---\ntitle: X\njust words\n---\n", "broken.md:3: expected 'key: value'"),
        ("---\ntitle: X\n", "front matter is not closed"),
    ],
)
def test_broken_doc_fails_with_location_and_keeps_old_output(
    tmp_path: Path, text: str, expected: str
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(REAL_DOCS, docs)
    write(docs / "broken.md", text)
    out = tmp_path / "build"
    write(out / build.MARKER, "")
    write(out / "previous.html", "old")

    result = run_build(docs, out)

    assert result.returncode == 1
    assert expected in result.stderr
    assert "site build failed" in result.stderr
    assert (out / "previous.html").read_text(encoding="utf-8") == "old"
    assert not list(tmp_path.glob(".site-*")), "staging folder left behind"


def test_every_broken_doc_is_reported(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs / "one.md", "no front matter\n")
    write(docs / "two.md", "---\ntitle:\n---\n")
    with pytest.raises(build.BuildError) as caught:
        build.build(docs, tmp_path / "out", log=lambda _: None)
    assert len(caught.value.problems) == 2
    assert not (tmp_path / "out").exists()


def test_refuses_to_replace_a_folder_it_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "precious"
    write(out / "thesis.tex", "years of work")
    result = run_build(REAL_DOCS, out)
    assert result.returncode == 1
    assert "refusing to replace" in result.stderr
    assert (out / "thesis.tex").is_file()


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Title", '<h1 id="title">Title</h1>'),
        ("Text with <script>", "<p>Text with &lt;script&gt;</p>"),
        ("Use `a < b` here", "<p>Use <code>a &lt; b</code> here</p>"),
        ("**bold** and *it*", "<p><strong>bold</strong> and <em>it</em></p>"),
        ("[ROS](https://ros.org)", '<p><a href="https://ros.org">ROS</a></p>'),
        ("- one\n- two", "<ul><li>one</li><li>two</li></ul>"),
        ("1. one\n2. two\n   more", "<ol><li>one</li><li>two more</li></ol>"),
        ("> note", "<blockquote><p>note</p></blockquote>"),
        ("```py\nx = 1 # *not* em\n```",
         '<pre><code class="language-py">x = 1 # *not* em</code></pre>'),
        ("| a | b |\n|---|---|\n| 1 | 2 |",
         "<table><thead><tr><th>a</th><th>b</th></tr></thead>"
         "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>"),
        ("line one\nline two\n\nnext", "<p>line one line two</p>\n<p>next</p>"),
    ],
)
def test_markdown_rendering(markdown: str, expected: str) -> None:
    assert render(markdown).html == expected


def test_repeated_headings_get_distinct_anchors() -> None:
    anchors = [h.anchor for h in render("## Setup\n## Setup\n").headings]
    assert anchors == ["setup", "setup-1"]
