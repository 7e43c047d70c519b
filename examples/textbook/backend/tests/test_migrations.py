"""The backend's Alembic migrations go up to head and back down to base."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

BACKEND = Path(__file__).resolve().parents[1]


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Config:
    url = f"sqlite:///{tmp_path / 'test.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    cfg = Config(str(BACKEND / "alembic.ini"))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def tables(cfg: Config) -> set[str]:
    engine = sa.create_engine(cfg.get_main_option("sqlalchemy.url"))
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_one_head() -> None:
    heads = ScriptDirectory.from_config(Config(str(BACKEND / "alembic.ini"))).get_heads()
    assert len(heads) == 1, f"the migrations have several heads: {heads}"


def test_upgrade_and_downgrade(config: Config) -> None:
    command.upgrade(config, "head")
    assert {"questions", "feedback", "alembic_version"} <= tables(config)
    command.downgrade(config, "0001")
    assert "feedback" not in tables(config)
    assert "questions" in tables(config)
    command.downgrade(config, "base")
    assert tables(config) <= {"alembic_version"}
