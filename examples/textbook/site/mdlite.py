"""A small Markdown renderer: the subset the textbook uses, nothing more.

Supported: ATX headings, paragraphs, fenced code blocks, flat bullet and
numbered lists, block quotes, pipe tables, and inline code, bold, italic
and links. Everything else is rendered as escaped text, never as raw HTML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^(```|~~~)\s*([\w+-]*)\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


@dataclass
class Heading:
    """A heading found while rendering, for tables of contents and search."""

    level: int
    text: str
    anchor: str


@dataclass
class Rendered:
    html: str
    headings: list[Heading] = field(default_factory=list)


def slugify(text: str) -> str:
    """Turn heading text into an anchor the way Docusaurus does (roughly)."""
    slug = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[\s_]+", "-", slug).strip("-") or "section"


def inline(text: str) -> str:
    """Render inline markup; text between backticks stays literal."""
    parts = text.split("`")
    out: list[str] = []
    for index, part in enumerate(parts):
        if index % 2 == 1 and index < len(parts) - 1:
            out.append(f"<code>{html.escape(part)}</code>")
            continue
        if index % 2 == 1:  # an unmatched backtick: keep it as text
            part = "`" + part
        escaped = html.escape(part)
        escaped = _LINK.sub(r'<a href="\2">\1</a>', escaped)
        escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
        escaped = _ITALIC.sub(r"<em>\1</em>", escaped)
        out.append(escaped)
    return "".join(out)


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return [cell.strip() for cell in row.split("|")]


def _is_block_start(lines: list[str], i: int) -> bool:
    line = lines[i]
    return bool(
        _HEADING.match(line)
        or _FENCE.match(line)
        or _BULLET.match(line)
        or _NUMBERED.match(line)
        or line.lstrip().startswith(">")
        or (line.lstrip().startswith("|") and i + 1 < len(lines)
            and _TABLE_RULE.match(lines[i + 1]))
    )


def render(markdown: str) -> Rendered:
    """Render Markdown to an HTML fragment and list its headings."""
    lines = markdown.splitlines()
    out: list[str] = []
    headings: list[Heading] = []
    used_anchors: set[str] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        fence = _FENCE.match(line)
        if fence:
            marker, lang = fence.group(1), fence.group(2)
            body: list[str] = []
            i += 1
            while i < len(lines) and lines[i].strip() != marker:
                body.append(lines[i])
                i += 1
            i += 1  # skip the closing fence (or run off the end)
            cls = f' class="language-{lang}"' if lang else ""
            code = html.escape("\n".join(body))
            out.append(f"<pre><code{cls}>{code}</code></pre>")
            continue
        heading = _HEADING.match(line)
        if heading:
            level, text = len(heading.group(1)), heading.group(2)
            anchor = base = slugify(text)
            suffix = 1
            while anchor in used_anchors:
                anchor = f"{base}-{suffix}"
                suffix += 1
            used_anchors.add(anchor)
            headings.append(Heading(level, text, anchor))
            out.append(f'<h{level} id="{anchor}">{inline(text)}</h{level}>')
            i += 1
            continue
        if line.lstrip().startswith("|") and i + 1 < len(lines) \
                and _TABLE_RULE.match(lines[i + 1]):
            header = _cells(line)
            i += 2
            rows: list[list[str]] = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            head = "".join(f"<th>{inline(c)}</th>" for c in header)
            body_rows = "".join(
                "<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>"
                for row in rows
            )
            out.append(f"<table><thead><tr>{head}</tr></thead>"
                       f"<tbody>{body_rows}</tbody></table>")
            continue
        for pattern, tag in ((_BULLET, "ul"), (_NUMBERED, "ol")):
            if pattern.match(line):
                items: list[str] = []
                while i < len(lines) and lines[i].strip():
                    item = pattern.match(lines[i])
                    if item:
                        items.append(item.group(1))
                    elif lines[i].startswith((" ", "\t")) and items:
                        items[-1] += " " + lines[i].strip()
                    else:
                        break
                    i += 1
                lis = "".join(f"<li>{inline(item)}</li>" for item in items)
                out.append(f"<{tag}>{lis}</{tag}>")
                break
        else:
            if line.lstrip().startswith(">"):
                quoted: list[str] = []
                while i < len(lines) and lines[i].lstrip().startswith(">"):
                    quoted.append(lines[i].lstrip()[1:].strip())
                    i += 1
                out.append(f"<blockquote><p>{inline(' '.join(quoted))}</p></blockquote>")
                continue
            paragraph = [line.strip()]
            i += 1
            while i < len(lines) and lines[i].strip() and not _is_block_start(lines, i):
                paragraph.append(lines[i].strip())
                i += 1
            out.append(f"<p>{inline(' '.join(paragraph))}</p>")
    return Rendered("\n".join(out), headings)
