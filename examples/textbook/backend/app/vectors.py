"""Search the live version of DeployDesk's local vector index.

The `reembed` stage writes the index as SQLite files, one per version
(`<name>_v<N>.vectors.sqlite`, table `points`: id, float32 vector, norm,
payload JSON) and names the live one in `<name>.live.json`. A query is embedded
here with the same lexical hashing as DeployDesk's LocalEmbedder
(`deploydesk-lexical-hash-v1`, core/data/embed/localembedder.cpp), bit for bit,
and scored against every point by cosine similarity.

`python3 -m app.vectors --embed DIMENSION` embeds each line of stdin and
prints the vectors as JSON lines (hex of the float32 values): DeployDesk's
tests compare them with the C++ embedder's.
"""

from __future__ import annotations

import json
import math
import sqlite3
import struct
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

MODEL = "deploydesk-lexical-hash-v1"
_FNV_BASIS = 0xCBF29CE484222325
_FNV_PRIME = 0x100000001B3
_MASK64 = 0xFFFFFFFFFFFFFFFF
_MAX_TRIGRAM_WORD = 32


def _f32(value: float) -> float:
    """Rounds a double to the nearest float32, as C++ does on assignment."""
    result: float = struct.unpack("<f", struct.pack("<f", value))[0]
    return result


_WORD_WEIGHT = _f32(1.0)
_PAIR_WEIGHT = _f32(0.5)
_TRIGRAM_WEIGHT = _f32(0.35)


def _fnv1a(value: int, data: bytes) -> int:
    for byte in data:
        value ^= byte
        value = (value * _FNV_PRIME) & _MASK64
    return value


def _utf16_units(text: str) -> list[str]:
    """The string as QString holds it: UTF-16 code units (lone surrogates)."""
    units: list[str] = []
    for char in text:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            units.append(chr(0xD800 + (code >> 10)))
            units.append(chr(0xDC00 + (code & 0x3FF)))
        else:
            units.append(char)
    return units


def _utf8(units: list[str]) -> bytes:
    """QString::toUtf8 of code units: pairs join, a lone surrogate becomes "?"."""
    out: list[str] = []
    i = 0
    while i < len(units):
        code = ord(units[i])
        if 0xD800 <= code <= 0xDBFF and i + 1 < len(units) \
                and 0xDC00 <= ord(units[i + 1]) <= 0xDFFF:
            out.append(chr(0x10000 + ((code - 0xD800) << 10) + ord(units[i + 1]) - 0xDC00))
            i += 2
            continue
        out.append("?" if 0xD800 <= code <= 0xDFFF else units[i])
        i += 1
    return "".join(out).encode("utf-8")


def _feature(kind: str, units: list[str]) -> int:
    return _fnv1a(_fnv1a(_FNV_BASIS, kind.encode("ascii") + b":"), _utf8(units))


def _is_word_unit(unit: str) -> bool:
    if 0xD800 <= ord(unit) <= 0xDFFF:
        return False
    return unicodedata.category(unit)[0] in "LN" or unit == "_"


def _case_fold(text: str) -> str:
    """QString::toCaseFolded: one code point to one (simple case folding)."""
    out = []
    for char in text:
        folded = char.casefold()
        out.append(folded if len(folded) == 1 else char.lower() if len(char.lower()) == 1
                   else char)
    return "".join(out)


def _is_space(unit: str) -> bool:
    code = ord(unit)
    if 0x09 <= code <= 0x0D or code in (0x20, 0x85, 0xA0):
        return True
    return code > 0xFF and unicodedata.category(unit) in ("Zs", "Zl", "Zp")


def _simplified(units: list[str]) -> list[str]:
    """QString::simplified: whitespace runs become one space, ends trimmed."""
    out: list[str] = []
    pending = False
    for unit in units:
        if _is_space(unit):
            pending = bool(out)
            continue
        if pending:
            out.append(" ")
            pending = False
        out.append(unit)
    return out


def embed(text: str, dimension: int) -> list[float]:
    """The vector of `text`, equal to LocalEmbedder::embedText(text, dimension)."""
    units = _utf16_units(_case_fold(unicodedata.normalize("NFKC", text)))
    words: list[list[str]] = []
    current: list[str] = []
    for unit in units:
        if _is_word_unit(unit):
            current.append(unit)
        elif current:
            words.append(current)
            current = []
    if current:
        words.append(current)

    counts: dict[int, list[float]] = {}

    def add(feature: int, weight: float) -> None:
        entry = counts.setdefault(feature, [weight, 0])
        entry[0] = weight
        entry[1] += 1

    for i, word in enumerate(words):
        add(_feature("w", word), _WORD_WEIGHT)
        if i + 1 < len(words):
            add(_feature("p", word + [" "] + words[i + 1]), _PAIR_WEIGHT)
        framed = ["^"] + word[:_MAX_TRIGRAM_WORD] + ["$"]
        for j in range(len(framed) - 2):
            add(_feature("c", framed[j:j + 3]), _TRIGRAM_WEIGHT)
    if not words:
        squeezed = _simplified(units)
        for j in range(len(squeezed)):
            add(_feature("s", squeezed[j:j + 3]), _TRIGRAM_WEIGHT)

    vector = [0.0] * dimension
    for feature in sorted(counts):
        weight, occurrences = counts[feature]
        value = _f32(weight * _f32(1.0 + _f32(math.log(occurrences))))
        signed = -value if feature >> 63 else value
        slot = (feature & 0x7FFFFFFFFFFFFFFF) % dimension
        vector[slot] = _f32(vector[slot] + signed)
    norm = math.sqrt(sum(v * v for v in vector))
    if norm > 0:
        vector = [_f32(v / norm) for v in vector]
    return vector


@dataclass(frozen=True)
class VectorHit:
    score: float
    url: str
    doc: str
    heading: str
    text: str


class LiveIndex:
    """The live version of index `name` in `folder`, read afresh on each search,
    so a re-embed or a switch changes the answers at once."""

    def __init__(self, folder: Path, name: str = "docs") -> None:
        self.folder = folder
        self.name = name

    def live_version(self) -> int | None:
        try:
            live = json.loads((self.folder / f"{self.name}.live.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        version = live.get("version")
        return version if isinstance(version, int) else None

    def search(self, query: str, limit: int = 5) -> tuple[int, list[VectorHit]]:
        version = self.live_version()
        if version is None:
            raise LookupError(f"no live version of index {self.name} in {self.folder}")
        path = self.folder / f"{self.name}_v{version}.vectors.sqlite"
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            dimension = int(meta["dimension"])
            model = json.loads(meta.get("metadata", "{}")).get("model", MODEL)
            if model != MODEL:
                raise LookupError(f"{path} was embedded with {model}, not {MODEL}")
            vector = embed(query, dimension)
            query_norm = math.sqrt(sum(v * v for v in vector))
            scored: list[tuple[float, str]] = []
            for blob, norm, payload in db.execute("SELECT vector, norm, payload FROM points"):
                values = struct.unpack(f"<{dimension}f", blob)
                dot = sum(a * b for a, b in zip(vector, values) if a)
                score = dot / (query_norm * norm) if norm > 0 and query_norm > 0 else 0.0
                scored.append((score, payload))
        scored.sort(key=lambda item: -item[0])
        hits = []
        for score, payload in scored[:limit]:
            data = json.loads(payload)
            hits.append(VectorHit(score=score, url=data.get("url", ""),
                                  doc=data.get("docPath", ""),
                                  heading=data.get("headingPath", ""),
                                  text=data.get("text", "")))
        return version, hits


def _main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] != "--embed":
        print("usage: python3 -m app.vectors --embed DIMENSION < lines", file=sys.stderr)
        return 2
    dimension = int(sys.argv[2])
    for line in sys.stdin.read().split("\n"):
        if not line:
            continue
        text = json.loads(line)
        values = embed(text, dimension)
        print(json.dumps(struct.pack(f"<{dimension}f", *values).hex()))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
