"""Admin API of a tenant's knowledge base: list, read, write, delete and import articles."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Path, Response
from pydantic import Field, field_validator

from tawasol.api.deps import CurrentUser, PlatformDep, handle
from tawasol.api.schemas import ArticlesImported, ArticlesPublic, ArticlesStored, ArticleWithBody, Strict
from tawasol.bot.knowledge import articles_from_records
from tawasol.domain.errors import InvalidInput
from tawasol.domain.model import Article
from tawasol.service import knowledge as svc

router = APIRouter(prefix="/api/v1/admin/tenants/{tenant}/articles", tags=["knowledge base"])

# The columns' sizes (store/tables.py kb_articles): longer values are refused here, not by the database.
MAX_KEY, MAX_INTENT, MAX_URL = 128, 100, 500
ArticleKey = Annotated[str, Path(min_length=1, max_length=MAX_KEY)]
Language = Annotated[str, Path(min_length=1, max_length=16)]


def web_address(url: str) -> str:
    """An article's link is shown to customers: an absolute http(s) address only (no `javascript:`)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"expected an http:// or https:// address, got scheme {parts.scheme or 'none'!r}")
    return url.strip()


class ArticleIn(Strict):
    title: str = Field(min_length=1, max_length=300)
    body: str = Field(min_length=1, max_length=50_000)
    tags: list[str] = Field(default_factory=list, max_length=50)
    intent: str | None = Field(default=None, max_length=100)
    url: str | None = Field(default=None, max_length=MAX_URL)

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        return web_address(value) if value else value


class ImportIn(Strict):
    articles: list[dict[str, Any]] = Field(min_length=1, max_length=5000)


def _storable(articles: list[Article], where: str = "body") -> list[Article]:
    """Imported records pass the same limits as one article written through the API."""
    for i, a in enumerate(articles):
        at = f"{where}[{i}]" if where != "body" else where
        if len(a.article_key) > MAX_KEY:
            raise InvalidInput("article_key", f"{at}: expected at most {MAX_KEY} characters")
        if a.intent is not None and len(a.intent) > MAX_INTENT:
            raise InvalidInput("intent", f"{at}: expected at most {MAX_INTENT} characters")
        if a.url is not None:
            try:
                a.url = web_address(a.url)
            except ValueError as exc:
                raise InvalidInput("url", f"{at}: {exc}") from None
            if len(a.url) > MAX_URL:
                raise InvalidInput("url", f"{at}: expected at most {MAX_URL} characters")
    return articles


@router.get("")
async def list_articles(tenant: str, who: CurrentUser, platform: PlatformDep) -> ArticlesPublic:
    data = await handle(platform, lambda uow: svc.list_articles(uow, tenant, who=who), readonly=True)
    return ArticlesPublic.model_validate({"data": data, "count": len(data)})


@router.get("/{article_key}/{language}")
async def get_article(tenant: str, article_key: ArticleKey, language: Language, who: CurrentUser,
                      platform: PlatformDep) -> ArticleWithBody:
    return ArticleWithBody.model_validate(await handle(platform, lambda uow: svc.get_article(
        uow, tenant, article_key, language, who=who), readonly=True))


@router.put("/{article_key}/{language}")
async def put_article(tenant: str, article_key: ArticleKey, language: Language, body: ArticleIn, who: CurrentUser,
                      platform: PlatformDep) -> ArticlesStored:
    articles = _storable(articles_from_records([{**body.model_dump(), "article_key": article_key,
                                                 "language": language}]))
    result = await handle(platform, lambda uow: svc.store_articles(uow, tenant, articles, False,
                                                                   platform.knowledge.invalidate, who=who))
    return ArticlesStored(created=result.created, updated=result.updated, unchanged=result.unchanged)


@router.delete("/{article_key}/{language}", status_code=204)
async def delete_article(tenant: str, article_key: ArticleKey, language: Language, who: CurrentUser,
                         platform: PlatformDep) -> Response:
    await handle(platform, lambda uow: svc.delete_article(uow, tenant, article_key, language,
                                                          platform.knowledge.invalidate, who=who))
    return Response(status_code=204)


@router.post("/import")
async def import_articles(tenant: str, body: ImportIn, who: CurrentUser, platform: PlatformDep) -> ArticlesImported:
    articles = _storable(articles_from_records(body.articles, "articles"), "articles")  # all before any is stored
    result = await handle(platform, lambda uow: svc.store_articles(uow, tenant, articles, False,
                                                                   platform.knowledge.invalidate, who=who))
    return ArticlesImported(created=result.created, updated=result.updated, unchanged=result.unchanged,
                            keys=result.keys)
