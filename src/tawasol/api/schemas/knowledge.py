"""A tenant's knowledge base as its admins read and write it."""

from __future__ import annotations

from tawasol.api.schemas.common import Public


class ArticlePublic(Public):
    article_key: str
    language: str
    title: str
    tags: list[str]
    intent: str | None
    url: str | None
    updated_at: str


class ArticleWithBody(ArticlePublic):
    body: str


class ArticlesPublic(Public):
    data: list[ArticlePublic]
    count: int


class ArticlesStored(Public):
    """How many article variants were new, changed, or already as given."""

    created: int
    updated: int
    unchanged: int


class ArticlesImported(ArticlesStored):
    keys: list[str]
