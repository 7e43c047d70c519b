"""FastAPI app: GET /health and GET /search?q=...

Run it with: uvicorn app.main:app (from the backend folder). The docs folder
defaults to the workspace's docs/ and can be moved with TEXTBOOK_DOCS_DIR.

When TEXTBOOK_INDEX_DIR names the folder of DeployDesk's local vector index
(written by the pipeline's `reembed` stage), /search answers from its live
version instead, read afresh on every request: a re-embed or an
`index switch` changes the answers at once.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

from app import __version__
from app.chunks import load_chunks
from app.search import SearchIndex
from app.vectors import LiveIndex

DEFAULT_DOCS_DIR = Path(__file__).resolve().parents[2] / "docs"


class Health(BaseModel):
    status: str
    version: str
    chunks: int


class SearchResult(BaseModel):
    doc: str
    title: str
    heading: str
    snippet: str
    score: float
    url: str = ""


class SearchResponse(BaseModel):
    query: str
    # "keywords", or the vector index version answering: "vector-index v3"
    source: str = "keywords"
    results: list[SearchResult]


def docs_dir_from_env() -> Path:
    return Path(os.environ.get("TEXTBOOK_DOCS_DIR", str(DEFAULT_DOCS_DIR)))


def index_dir_from_env() -> Path | None:
    value = os.environ.get("TEXTBOOK_INDEX_DIR", "")
    return Path(value) if value else None


def create_app(docs_dir: Path | None = None, index_dir: Path | None = None) -> FastAPI:
    folder = docs_dir if docs_dir is not None else docs_dir_from_env()
    index = SearchIndex(load_chunks(folder) if folder.is_dir() else [])
    vectors_dir = index_dir if index_dir is not None else index_dir_from_env()
    live = LiveIndex(vectors_dir) if vectors_dir is not None else None
    api = FastAPI(title="Physical AI & Humanoid Robotics textbook", version=__version__)

    @api.get("/health", response_model=Health)
    def health() -> Health:
        return Health(status="ok", version=__version__, chunks=len(index))

    @api.get("/search", response_model=SearchResponse)
    def search(
        q: str = Query(..., min_length=1, max_length=200, description="keywords"),
        limit: int = Query(5, ge=1, le=20),
    ) -> SearchResponse:
        if live is not None and live.live_version() is not None:
            version, found = live.search(q, limit)
            return SearchResponse(
                query=q,
                source=f"vector-index v{version}",
                results=[
                    SearchResult(doc=h.doc, title=h.heading.split(" > ")[0],
                                 heading=h.heading, snippet=h.text[:160], score=h.score,
                                 url=h.url)
                    for h in found
                ],
            )
        if len(index) == 0:
            raise HTTPException(
                status_code=503,
                detail=f"no docs to search: expected Markdown files under {folder}; "
                "set TEXTBOOK_DOCS_DIR to the docs folder",
            )
        hits = index.search(q, limit)
        return SearchResponse(
            query=q,
            results=[
                SearchResult(doc=h.chunk.doc, title=h.chunk.title, heading=h.chunk.heading,
                             snippet=h.snippet, score=h.score)
                for h in hits
            ],
        )

    return api


app = create_app()
