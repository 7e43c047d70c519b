"""Read the Markdown docs and cut them into sections at their headings.

This is the same unit the embedding stage will later turn into vectors: one
chunk per heading, carrying the page it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Chunk:
    doc: str  # "foundations/kinematics"
    title: str  # the page title from the front matter
    heading: str  # the heading the text sits under
    text: str


def tokens(text: str) -> list[str]:
    """Lower-case words and numbers, the unit of keyword search."""
    return _WORD.findall(text.lower())


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return (front matter fields, body); text without front matter is all body."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return fields, "\n".join(lines[number + 1:])
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip().strip("'\"")
    return {}, text  # unclosed front matter: treat it all as text


def chunk_document(slug: str, text: str) -> list[Chunk]:
    fields, body = split_front_matter(text)
    title = fields.get("title", slug)
    chunks: list[Chunk] = []
    heading = title
    lines: list[str] = []
    in_code = False

    def flush() -> None:
        content = " ".join(lines).strip()
        if content:
            chunks.append(Chunk(slug, title, heading, content))

    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if not in_code and re.match(r"#{1,6}\s", line):
            flush()
            heading = line.lstrip("#").strip()
            lines = []
        elif line.strip():
            lines.append(line.strip())
    flush()
    return chunks


def load_chunks(docs_dir: Path) -> list[Chunk]:
    """Chunk every *.md under docs_dir, in a stable order."""
    chunks: list[Chunk] = []
    for path in sorted(docs_dir.rglob("*.md")):
        slug = path.relative_to(docs_dir).with_suffix("").as_posix()
        chunks.extend(chunk_document(slug, path.read_text(encoding="utf-8")))
    return chunks
