"""/search from DeployDesk's local vector index: the live version answers, and
switching it (a re-embed, a rollback) changes the answers without a restart."""

from __future__ import annotations

import json
import sqlite3
import struct
from pathlib import Path

from fastapi.testclient import TestClient

from app.main import DEFAULT_DOCS_DIR, create_app
from app.vectors import MODEL, embed

DIMENSION = 64


def write_version(folder: Path, version: int, chunks: dict[str, str]) -> None:
    """A version file in the layout DeployDesk's LocalIndex writes."""
    path = folder / f"docs_v{version}.vectors.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("CREATE TABLE points (id TEXT PRIMARY KEY, vector BLOB NOT NULL, "
                   "norm REAL NOT NULL, payload TEXT NOT NULL DEFAULT '{}')")
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("dimension", str(DIMENSION)),
            ("metadata", json.dumps({"provider": "local", "model": MODEL})),
        ])
        for number, (url, text) in enumerate(chunks.items()):
            vector = embed(text, DIMENSION)
            norm = sum(v * v for v in vector) ** 0.5
            payload = {"url": url, "docPath": url.strip("/") + ".md", "headingPath": text,
                       "text": text}
            db.execute("INSERT INTO points VALUES (?, ?, ?, ?)",
                       (str(number), struct.pack(f"<{DIMENSION}f", *vector), norm,
                        json.dumps(payload)))


def make_live(folder: Path, version: int) -> None:
    (folder / "docs.live.json").write_text(
        json.dumps({"name": f"docs_v{version}", "version": version}), encoding="utf-8")


def test_search_answers_from_the_live_version(tmp_path: Path) -> None:
    write_version(tmp_path, 1, {"/docs/pid": "PID control tuning gains",
                                "/docs/walking": "Balance and walking gait"})
    write_version(tmp_path, 2, {"/docs/pid": "PID control tuning gains",
                                "/docs/torque": "Torque control of walking joints"})
    make_live(tmp_path, 1)
    client = TestClient(create_app(DEFAULT_DOCS_DIR, tmp_path))

    first = client.get("/search", params={"q": "walking"}).json()
    assert first["source"] == "vector-index v1"
    assert first["results"][0]["url"] == "/docs/walking"
    scores = [r["score"] for r in first["results"]]
    assert scores == sorted(scores, reverse=True)

    make_live(tmp_path, 2)  # what a re-embed's switch (or a rollback) does
    second = client.get("/search", params={"q": "walking"}).json()
    assert second["source"] == "vector-index v2"
    assert second["results"][0]["url"] == "/docs/torque"


def test_without_a_live_version_keyword_search_answers(tmp_path: Path) -> None:
    client = TestClient(create_app(DEFAULT_DOCS_DIR, tmp_path))
    body = client.get("/search", params={"q": "kinematics"}).json()
    assert body["source"] == "keywords"
    assert body["results"]
