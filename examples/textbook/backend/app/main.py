"""FastAPI app: GET /health and GET /search?q=...

Run it with: uvicorn app.main:app (from the backend folder). The docs folder
defaults to the workspace's docs/ and can be moved with TEXTBOOK_DOCS_DIR.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

from app import __version__
from app.chunks import load_chunks
from app.search import SearchIndex

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
    score: int


class SearchResponse(BaseModel):
    query: str
    results: list[SearchResult]


def docs_dir_from_env() -> Path:
    return Path(os.environ.get("TEXTBOOK_DOCS_DIR", str(DEFAULT_DOCS_DIR)))


def create_app(docs_dir: Path | None = None) -> FastAPI:
    folder = docs_dir if docs_dir is not None else docs_dir_from_env()
    index = SearchIndex(load_chunks(folder) if folder.is_dir() else [])
    api = FastAPI(title="Physical AI & Humanoid Robotics textbook", version=__version__)

    @api.get("/health", response_model=Health)
    def health() -> Health:
        return Health(status="ok", version=__version__, chunks=len(index))

    @api.get("/search", response_model=SearchResponse)
    def search(
        q: str = Query(..., min_length=1, max_length=200, description="keywords"),
        limit: int = Query(5, ge=1, le=20),
    ) -> SearchResponse:
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
