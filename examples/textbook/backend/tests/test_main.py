"""The backend as a client sees it: /health and /search over real docs."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app import __version__
from app.chunks import chunk_document
from app.main import DEFAULT_DOCS_DIR, create_app


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(DEFAULT_DOCS_DIR))


def write_doc(folder: Path, name: str, title: str, body: str) -> None:
    (folder / name).write_text(f"---\ntitle: {title}\n---\n\n{body}\n", encoding="utf-8")


def test_health_reports_ok_and_version(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["version"] == __version__
    assert body["chunks"] > 0


@pytest.mark.parametrize(
    ("query", "expected_doc", "expected_heading"),
    [
        ("zero moment point", "control/balance-and-walking", "Zero moment point"),
        ("kinematics", "foundations/kinematics", "Kinematics"),
        ("complementary filter gyroscope", "foundations/sensors", "Inertial measurement"),
        ("rclpy", "software/ros2-basics", "A minimal publisher"),  # words in code count too
        ("Domain FRICTION", "software/simulation", "Closing the sim-to-real gap"),
    ],
)
def test_search_ranks_the_right_section_first(
    client: TestClient, query: str, expected_doc: str, expected_heading: str
) -> None:
    response = client.get("/search", params={"q": query})
    assert response.status_code == 200
    results = response.json()["results"]
    assert results, f"no results for {query!r}"
    assert (results[0]["doc"], results[0]["heading"]) == (expected_doc, expected_heading)
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("query", ["quantum chromodynamics", "the and of", "!!!"])
def test_search_without_matches_returns_no_results(client: TestClient, query: str) -> None:
    response = client.get("/search", params={"q": query})
    assert response.status_code == 200
    assert response.json() == {"query": query, "source": "keywords", "results": []}


@pytest.mark.parametrize(
    "params", [{}, {"q": ""}, {"q": "robot", "limit": 0}, {"q": "robot", "limit": 21}]
)
def test_search_rejects_invalid_parameters(
    client: TestClient, params: dict[str, str | int]
) -> None:
    assert client.get("/search", params=params).status_code == 422


def test_search_respects_limit(client: TestClient) -> None:
    response = client.get("/search", params={"q": "robot", "limit": 2})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 2


def test_title_and_heading_matches_outrank_body_mentions(tmp_path: Path) -> None:
    write_doc(tmp_path, "a.md", "Grippers", "Grippers hold things.\n\n## Torque\n\nSome text.")
    write_doc(tmp_path, "b.md", "Motors", "A motor makes torque, torque, torque.")
    client = TestClient(create_app(tmp_path))
    results = client.get("/search", params={"q": "torque"}).json()["results"]
    assert [(r["doc"], r["heading"]) for r in results] == [("a", "Torque"), ("b", "Motors")]


def test_snippet_shows_the_matched_words(tmp_path: Path) -> None:
    filler = "Padding words about nothing in particular. " * 10
    write_doc(tmp_path, "long.md", "Long", filler + "The actuator saturates here. " + filler)
    client = TestClient(create_app(tmp_path))
    result = client.get("/search", params={"q": "actuator"}).json()["results"][0]
    assert "actuator saturates" in result["snippet"]
    assert result["snippet"].startswith("…")


def test_search_without_docs_explains_how_to_fix(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "missing"))
    response = client.get("/search", params={"q": "robot"})
    assert response.status_code == 503
    assert "TEXTBOOK_DOCS_DIR" in response.json()["detail"]
    assert client.get("/health").json()["chunks"] == 0


def test_chunks_split_at_headings_but_not_inside_code() -> None:
    text = "---\ntitle: T\n---\nIntro.\n## One\nFirst.\n```\n# a comment\n```\n## Two\nSecond.\n"
    chunks = chunk_document("t", text)
    assert [(c.heading, c.text) for c in chunks] == [
        ("T", "Intro."),
        ("One", "First. # a comment"),
        ("Two", "Second."),
    ]
