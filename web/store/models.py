"""The store's tables: accounts, stories and their append-only revisions.

A story row holds what changes (its current revision number, which revision readers
see); every document ever saved is a row of ``revisions`` that is never updated or
deleted: either the whole document (a snapshot) or a delta against an earlier snapshot
of the same story (``web.store.delta``; read revisions through ``repository``). The
current revision number doubles as the story's ETag.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (JSON, Boolean, CheckConstraint, DateTime, ForeignKey,
                        ForeignKeyConstraint, Index, Integer, String, Text, UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = ["Base", "User", "ApiToken", "StoryRow", "Revision", "SignInFailure", "utcnow"]

ROLES = ("editor", "admin")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiToken(Base):
    """Only a SHA-256 of each token is kept: a copy of the database gives no access."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SignInFailure(Base):
    """Failed sign-ins, kept in the database so throttling holds across workers."""

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StoryRow(Base):
    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    revision: Mapped[int] = mapped_column(Integer)
    published_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    article: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Revision(Base):
    __tablename__ = "revisions"
    __table_args__ = (
        UniqueConstraint("story_id", "number", name="uq_revisions_story_number"),
        Index("ix_revisions_story", "story_id"),
        # a delta's snapshot is a revision of the same story, and it must exist
        ForeignKeyConstraint(["story_id", "base"], ["revisions.story_id", "revisions.number"],
                             name="fk_revisions_base", ondelete="RESTRICT"),
        CheckConstraint("(document IS NOT NULL AND delta IS NULL AND base IS NULL) OR "
                        "(document IS NULL AND delta IS NOT NULL AND base IS NOT NULL)",
                        name="ck_revisions_whole_or_delta"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    # the whole document (column "document", as before deltas), or NULL for a delta row
    snapshot: Mapped[dict | None] = mapped_column("document", JSON(none_as_null=True), nullable=True)
    base: Mapped[int | None] = mapped_column(Integer, nullable=True)
    delta: Mapped[dict | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    changes: Mapped[dict] = mapped_column(JSON)
    action: Mapped[str] = mapped_column(String(20))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
