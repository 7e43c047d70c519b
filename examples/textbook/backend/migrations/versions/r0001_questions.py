"""questions: what readers ask the search

Revision ID: 0001
Revises:
Create Date: 2026-01-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("asked_at", sa.DateTime, nullable=False, server_default=sa.func.now()),
        sa.Column("text", sa.String(200), nullable=False),
        sa.Column("results", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("questions")
