"""Keyword search over doc chunks, ranked by where and how often words occur."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.chunks import Chunk, tokens

STOP_WORDS = frozenset(
    "a an and are as at be by for from how in is it of on or the to what when "
    "where which who why with".split()
)
TITLE_WEIGHT = 5
HEADING_WEIGHT = 3
SNIPPET_CHARS = 160


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: int
    snippet: str


class SearchIndex:
    """An in-memory inverted view of the chunks; cheap for a textbook's size."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self._chunks = chunks
        self._counts = [
            (Counter(tokens(c.title)), Counter(tokens(c.heading)), Counter(tokens(c.text)))
            for c in chunks
        ]

    def __len__(self) -> int:
        return len(self._chunks)

    def search(self, query: str, limit: int = 5) -> list[Hit]:
        terms = [t for t in tokens(query) if t not in STOP_WORDS]
        if not terms:
            return []
        hits: list[Hit] = []
        for chunk, (title, heading, text) in zip(self._chunks, self._counts):
            if not all(title[t] or heading[t] or text[t] for t in terms):
                continue  # every term must appear somewhere in the chunk
            score = sum(TITLE_WEIGHT * title[t] + HEADING_WEIGHT * heading[t] + text[t]
                        for t in terms)
            hits.append(Hit(chunk, score, snippet(chunk.text, terms)))
        # Stable: equal scores keep document order, so earlier sections come first.
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]


def snippet(text: str, terms: list[str]) -> str:
    """A window of text around the first matched term."""
    lowered = text.lower()
    positions = [p for p in (lowered.find(t) for t in terms) if p >= 0]
    start = max(0, min(positions, default=0) - SNIPPET_CHARS // 4)
    window = text[start:start + SNIPPET_CHARS].strip()
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + SNIPPET_CHARS < len(text) else ""
    return prefix + window + suffix
