#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/) from the
inputs of the existing tests: the pipeline files of tests/config/data, and the string
literals of the QtTest sources (adjacent literals joined, C escapes decoded).

Run it again after adding test inputs: python3 tests/fuzz/seeds.py. Each seed is named
after its content (sha1), so running it twice adds nothing; inputs kept from crashes
(regression-*) are left alone. The structured targets get the prefix bytes their
harness reads (see the comment at the top of each tests/fuzz/fuzz_*.cpp)."""

import hashlib
import pathlib
import re
import struct

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/fuzz/corpus"
MAX_SEED = 4096  # small files only: the fuzzer grows them itself

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
# A run of adjacent string literals (whitespace or comments between them).
RUN = re.compile(r'"(?:[^"\\\n]|\\.)*"(?:\s*"(?:[^"\\\n]|\\.)*")*')


def unescape(body: str) -> bytes:
    out = bytearray()
    i = 0
    simple = {"n": 10, "r": 13, "t": 9, "\\": 92, '"': 34, "'": 39, "a": 7, "b": 8, "f": 12,
              "v": 11, "e": 27, "?": 63}
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode()
            i += 1
            continue
        n = body[i + 1]
        if n == "x":
            j = i + 2
            while j < len(body) and body[j] in "0123456789abcdefABCDEF":
                j += 1
            out.append(int(body[i + 2:j], 16) & 0xFF)
            i = j
        elif n in "01234567":
            j = i + 1
            while j < len(body) and j < i + 4 and body[j] in "01234567":
                j += 1
            out.append(int(body[i + 1:j], 8) & 0xFF)
            i = j
        else:
            out.append(simple.get(n, ord(n)))
            i += 2
    return bytes(out)


def literal_runs(path: pathlib.Path):
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"//[^\n]*", "", text)  # comments (none of the seeds has "//" in it)
    for run in RUN.finditer(text):
        yield b"".join(unescape(m.group(1)) for m in LITERAL.finditer(run.group(0)))


def write(target: str, data: bytes):
    if len(data) > MAX_SEED:
        return
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def varint(v: int) -> bytes:
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        out.append(b | (0x80 if v else 0))
        if not v:
            return bytes(out)


def zigzag(v: int) -> int:
    v = ((v + 2**63) % 2**64) - 2**63
    return ((v << 1) ^ (v >> 63)) & (2**64 - 1)


def log_block(lines) -> bytes:
    """The log block format of core/store/logblock.h (version 1)."""
    out = bytearray(b"\x01")
    last = 0
    for ts, stream, text in lines:
        out += varint(zigzag(ts - last)) + bytes([stream]) + varint(len(text)) + text
        last = ts
    return bytes(out)


def main():
    tests = ROOT / "tests"

    # Pipeline loader: every pipeline file of the loader tests, and the YAML the tests
    # build in code; byte 0 chooses the options (0: none, 7: registry, secrets, env).
    yamls = [p.read_bytes() for p in sorted((tests / "config/data").rglob("*.yml"))]
    for src in sorted((tests / "config").glob("tst_pipeline*.cpp")):
        yamls += [s for s in literal_runs(src) if b"stages:" in s or b"name:" in s]
    for i, y in enumerate(yamls):
        write("pipelineloader", bytes([7 if i % 2 else 0]) + y)

    # Conditions: the `if:` values of the pipeline files and the parser's test rows.
    conditions = set()
    for y in yamls:
        for m in re.finditer(rb"\bif:\s*(.+)", y):
            conditions.add(m.group(1).strip().strip(b'"'))
    for s in literal_runs(tests / "config/tst_pipelinevalues.cpp"):
        if s.startswith(b"environment") or b" in [" in s:
            conditions.add(s)
    for c in conditions:
        write("condition", c)

    # Expressions: the rows of tst_expression (byte 0 even: as a template, wrapped in
    # ${{ }}; odd: as an `if:` condition) and the `${{ }}` and `if:` of the workflow files.
    import json
    rows = json.loads((tests / "config/data/expressions.json").read_text(encoding="utf-8"))
    for key, value in rows.items():
        if isinstance(value, list):
            for row in value:
                if isinstance(row, dict):
                    for field in ("expr", "text", "condition", "template"):
                        if isinstance(row.get(field), str):
                            text = row[field].encode()
                            write("expression", b"\x00${{ " + text + b" }}")
                            write("expression", b"\x01" + text)
    workflows = [p.read_bytes() for p in sorted((tests / "workflow/data").rglob("*.yml"))]
    workflows += [p.read_bytes() for p in sorted((ROOT / "examples").rglob(".github/workflows/*.yml"))]
    for y in workflows:
        write("workflowloader", y)
        for m in re.finditer(rb"\$\{\{.*?\}\}", y):
            write("expression", b"\x00" + m.group(0))
        for m in re.finditer(rb"\bif:\s*(.+)", y):
            write("expression", b"\x01" + m.group(1).strip())

    # ANSI parser and UTF-8 repair: the parser's and the log pipeline's test lines.
    log_literals = []
    for name in ("tst_ansiparser.cpp", "tst_logpipeline.cpp", "tst_secretmasker.cpp"):
        log_literals += list(literal_runs(tests / "log" / name))
    escapes = [s for s in log_literals if b"\x1b" in s]
    for i, s in enumerate(escapes):
        write("ansiparser", bytes([i % 7]) + s)
    for s in log_literals:
        if any(b >= 0x80 for b in s) or b"\x1b" in s:
            write("utf8", s)

    # Line splitter: the splitter's test streams; byte 0 the maximum line length (3: 4
    # bytes as in the tests, 255: the default), byte 1 the chunk sizes.
    for i, s in enumerate(literal_runs(tests / "log/tst_linesplitter.cpp")):
        write("linesplitter", bytes([3 if i % 2 else 255, i % 11]) + s)

    # Secret masker: the masker's rows, "secret\x01secret\x00line".
    src = (tests / "log/tst_secretmasker.cpp").read_text(encoding="utf-8")
    for m in re.finditer(r"L\{([^}]*)\}\s*<<\s*QByteArray\(((?:\s*\"(?:[^\"\\\n]|\\.)*\")+)\)", src):
        secrets = [unescape(x.group(1)) for x in LITERAL.finditer(m.group(1))]
        line = b"".join(unescape(x.group(1)) for x in LITERAL.finditer(m.group(2)))
        write("secretmasker", b"\x01".join(secrets) + b"\x00" + line)
    for s in escapes[:20]:  # escape sequences around and inside a value
        write("secretmasker", b"hunter2\x01api_key\x00" + s + b"api_key=hunt\x1b[1mer2")

    # Log block: blocks as the store writes them (the roundtrip rows of tst_logblock),
    # damaged ones, and lines in the harness's "\n"-separated form.
    now = 1_700_000_000_123
    blocks = [
        [],
        [(now, 1, b"hello world")],
        [(now, 1, b""), (now, 2, b"")],
        [(now, 1, b"out"), (now + 1, 2, b"err"), (now + 2, 3, b"sys")],
        [(now, 1, bytes(range(256))), (now, 2, b"\xff\xfe\x00\x80")],
        [(now, 1, b"\x1b[31mred\x1b[0m")],
        [(now, 1, b"a"), (now - 100000, 1, b"b")],
        [(2**63 - 1, 1, b"max"), (-2**63, 1, b"min"), (0, 1, b"zero"), (-1, 1, b"minus one")],
    ]
    for lines in blocks:
        block = log_block(lines)
        write("logblock", block)
        if len(block) > 3:
            write("logblock", block[:-2])  # cut in the text
    for s in escapes[:10]:
        write("logblock", b"\x01" + s + b"\n\x02Build FAILED: error 42\n\x03exit code 1")


if __name__ == "__main__":
    main()
