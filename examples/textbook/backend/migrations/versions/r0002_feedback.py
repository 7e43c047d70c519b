"""feedback: readers rate the answer to a question

Revision ID: 0002
Revises: 0001
Create Date: 2026-02-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("question_id", sa.Integer, sa.ForeignKey("questions.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.Column("comment", sa.String(500)),
    )
    op.create_index("ix_feedback_question_id", "feedback", ["question_id"])


def downgrade() -> None:
    op.drop_index("ix_feedback_question_id", table_name="feedback")
    op.drop_table("feedback")
