"""Knowledge-base service handlers: import a tenant's articles, search and evaluate, serve indexes to the bot."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tawasol.bot import KnowledgeIndex, evaluate, load_articles, read_questions
from tawasol.bot.dense import default_encoder
from tawasol.bot.evaluation import EvaluationReport
from tawasol.domain.errors import NotFound
from tawasol.domain.model import Article, Role, Tenant, utcnow
from tawasol.service.principals import UserPrincipal
from tawasol.store.uow import UnitOfWork

log = logging.getLogger(__name__)

DEMO_TENANT = "atlas-telecom"
DEMO_KB_DIR = Path(__file__).resolve().parents[1] / "demo" / "kb"
DEMO_EVAL = Path(__file__).resolve().parents[1] / "demo" / "kb_eval.csv"


@dataclass
class ImportResult:
    tenant_id: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    keys: list[str] = field(default_factory=list)


def _tenant(uow: UnitOfWork, slug: str, create: bool = False, who: UserPrincipal | None = None) -> Tenant:
    """The tenant of this slug. With `who` (the API), only one the caller serves (the role is checked before
    the unit of work by `_admin`): another tenant's slug answers 404 like an unknown one. Without (the CLI,
    an operator), any; `create` makes it when missing."""
    tenant = uow.tenants.by_slug(slug)
    if who is not None:
        if tenant is None or tenant.id not in who.tenant_ids:
            raise NotFound("tenant not found")
        return tenant
    if tenant is None and create:
        tenant = uow.tenants.add(Tenant(slug=slug, name=slug.replace("-", " ").title()))
        uow.flush()
    if tenant is None:
        raise NotFound(f"tenant {slug}")
    return tenant


def import_articles(uow: UnitOfWork, tenant_slug: str, path: str | Path, create_tenant: bool = False,
                    on_change: Callable[[str], None] | None = None) -> ImportResult:
    """Insert or update every article variant found at `path` for the tenant (idempotent)."""
    articles = load_articles(path)  # validate everything before touching the database
    return store_articles(uow, tenant_slug, articles, create_tenant, on_change)


def _admin(who: UserPrincipal | None) -> None:
    """A knowledge base is written and read whole by its tenant's admins (and by operators, `who` None)."""
    if who is not None:
        who.require(Role.ADMIN)


def store_articles(uow: UnitOfWork, tenant_slug: str, articles: list[Article], create_tenant: bool = False,
                   on_change: Callable[[str], None] | None = None, *,
                   who: UserPrincipal | None = None) -> ImportResult:
    """Insert or update already validated article variants (idempotent). With `who`, an admin serving the tenant."""
    _admin(who)
    with uow:
        tenant = _tenant(uow, tenant_slug, create_tenant, who)
        result = ImportResult(tenant_id=tenant.id)
        for a in articles:
            current = uow.articles.variant(tenant.id, a.article_key, a.language)
            if current is None:
                a.tenant_id = tenant.id
                uow.articles.add(a)
                result.created += 1
            elif (current.title, current.body, current.tags, current.intent, current.url) != (
                    a.title, a.body, a.tags, a.intent, a.url):
                current.title, current.body, current.tags = a.title, a.body, list(a.tags)
                current.intent, current.url, current.updated_at = a.intent, a.url, utcnow()
                result.updated += 1
            else:
                result.unchanged += 1
        result.keys = sorted({a.article_key for a in articles})
        uow.emit("kb", {"type": "kb.imported", "tenant_id": tenant.id, "created": result.created,
                        "updated": result.updated})
        uow.commit()
    if on_change is not None:
        on_change(result.tenant_id)
    return result


def _signature(uow: UnitOfWork, tenant_id: str) -> str:
    count, latest = uow.articles.signature(tenant_id)
    return f"{count}-{latest.isoformat() if latest else '0'}"


def dense_enabled(tenant_settings: dict[str, Any] | None) -> bool:
    """Dense retrieval for a tenant: `settings["bot"]["dense"]` when set, else the platform default
    `TAWASOL_BOT_DENSE` (1/true/yes; off when unset)."""
    value = ((tenant_settings or {}).get("bot") or {}).get("dense")
    if value is None:
        return os.environ.get("TAWASOL_BOT_DENSE", "").strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)


def load_index(uow: UnitOfWork, tenant_id: str, dense: bool | None = None) -> KnowledgeIndex:
    """Build the tenant's index from the database (call inside or outside a unit of work).

    With dense retrieval on (`dense`, default: the tenant's setting) and the local encoder installed,
    article variants are embedded into the index; without the encoder a notice is logged once and
    the index is BM25 only."""
    with uow:
        articles = list(uow.articles.for_tenant(tenant_id))
        version = _signature(uow, tenant_id)
        if dense is None:
            tenant = uow.tenants.get(tenant_id)
            dense = dense_enabled(tenant.settings if tenant is not None else None)
    encoder = default_encoder() if dense else None
    if encoder is not None:
        version += "+dense"
    return KnowledgeIndex.build(articles, version=version, encoder=encoder)


class KnowledgeIndexProvider:
    """tenant_id -> KnowledgeIndex, cached; rebuilt after an import, or when another process changed the
    articles (a cheap count/max(updated_at) check at most every `check_seconds`).

    A message never waits for a rebuild nor opens a second connection from inside its transaction once
    the tenant's index exists: a stale index keeps serving while one background thread per tenant checks
    the signature with a short read of its own and rebuilds if it changed. Only a tenant's very first
    index (normally built at warm-up) is built in the caller's thread, under that tenant's lock alone.
    `invalidate` (after an import, in the importing request) rebuilds in its caller's thread while the
    old index keeps serving, so the import's answer means the bot already reads the new articles."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], check_seconds: float = 30.0) -> None:
        self.uow_factory = uow_factory
        self.check_seconds = check_seconds
        self._cache: dict[str, tuple[KnowledgeIndex, float]] = {}
        self._lock = threading.Lock()  # guards the dicts only, never held during I/O
        self._builds: dict[str, threading.Lock] = {}  # one build of a tenant's index at a time
        self._checking: set[str] = set()

    def __call__(self, tenant_id: str) -> KnowledgeIndex:
        with self._lock:
            cached = self._cache.get(tenant_id)
            stale = cached is not None and time.monotonic() - cached[1] >= self.check_seconds
            start_check = stale and tenant_id not in self._checking
            if start_check:
                self._checking.add(tenant_id)
        if start_check:
            threading.Thread(target=self._check, args=(tenant_id,), name=f"kb-check-{tenant_id[:8]}",
                             daemon=True).start()
        if cached is not None:
            return cached[0]
        return self._build(tenant_id, only_if_missing=True)

    def invalidate(self, tenant_id: str | None = None) -> None:
        """The articles changed: rebuild now (the old index serves meanwhile); all tenants: drop the cache."""
        if tenant_id is None:
            with self._lock:
                self._cache.clear()
            return
        self._build(tenant_id)

    def _build_lock(self, tenant_id: str) -> threading.Lock:
        with self._lock:
            return self._builds.setdefault(tenant_id, threading.Lock())

    def _build(self, tenant_id: str, only_if_missing: bool = False) -> KnowledgeIndex:
        with self._build_lock(tenant_id):
            if only_if_missing:
                with self._lock:
                    cached = self._cache.get(tenant_id)
                if cached is not None:  # built by another thread while this one waited
                    return cached[0]
            index = load_index(self.uow_factory(), tenant_id)
            with self._lock:
                self._cache[tenant_id] = (index, time.monotonic())
            return index

    def _check(self, tenant_id: str) -> None:
        """In a background thread: rebuild the tenant's index if its articles changed since it was built."""
        try:
            with self._lock:
                cached = self._cache.get(tenant_id)
            if cached is None:
                return
            with self.uow_factory() as uow:
                signature = _signature(uow, tenant_id)
            if signature == cached[0].version.removesuffix("+dense"):
                with self._lock:
                    if self._cache.get(tenant_id) is cached:
                        self._cache[tenant_id] = (cached[0], time.monotonic())
                return
            self._build(tenant_id)
        except Exception:  # noqa: BLE001 - the old index keeps serving; the next stale call retries
            log.exception("knowledge index refresh failed for tenant %s", tenant_id)
        finally:
            with self._lock:
                self._checking.discard(tenant_id)


def _index_for(uow: UnitOfWork, tenant_slug: str, dense: bool | None = None) -> KnowledgeIndex:
    with uow:
        tenant_id = _tenant(uow, tenant_slug).id
    return load_index(uow, tenant_id, dense)


def search(uow: UnitOfWork, tenant_slug: str, query: str, k: int = 5,
           language: str | None = None) -> list[dict[str, Any]]:
    """Ranked articles for a question, each with the variant a customer writing in `language` would get."""
    from tawasol.bot.language import guess_language

    index = _index_for(uow, tenant_slug)
    language = language or guess_language(query)
    out = []
    for rank, hit in enumerate(index.search(query, k=k), start=1):
        article, exact = index.variant(hit.article_key, language)
        out.append({"rank": rank, "article_key": hit.article_key, "score": round(hit.score, 3),
                    "confidence": hit.confidence, "language": article.language, "exact_language": exact,
                    "title": article.title, "url": article.url})
    return out


def evaluate_questions(uow: UnitOfWork, tenant_slug: str, questions: str | Path | list[Path],
                       model_dir: Path | None = None, dense: bool | None = None) -> EvaluationReport:
    """recall@1, recall@5, MRR and the bot's answer decision (answer rate; false-answer rate on the rows
    with an empty article_id) of the tenant's knowledge base on `question,article_id` CSV files.

    With `model_dir`, questions are read by the tenant's NLU as the bot reads them (a confident intent
    nudges the articles linked to it, out-of-scope is never answered); without, retrieval alone is
    measured. The thresholds are the tenant's bot settings. `dense` forces dense retrieval on or off
    (default: the tenant's setting)."""
    from tawasol.bot.decision import BotSettings, Reading

    read: Callable[[str], Reading] | None = None
    if model_dir is not None:
        from tawasol.nlu import Analyzer

        analyzer = Analyzer.for_tenant(tenant_slug, model_dir)

        def nlu_reading(text: str) -> Reading:
            analysis = analyzer.analyze(text)
            lang = analysis.language
            language = lang.label if lang and lang.label not in ("", "und") and lang.confidence >= 0.5 else None
            return Reading.of(analysis.intent, language, analyzer.intent.oos_label)

        read = nlu_reading

    with uow:
        settings = BotSettings.from_tenant(_tenant(uow, tenant_slug).settings)
    files = questions if isinstance(questions, list) else [Path(questions)]
    rows = [q for f in files for q in read_questions(f)]
    return evaluate(_index_for(uow, tenant_slug, dense), rows, read=read, settings=settings)


def seed_demo_knowledge(uow: UnitOfWork) -> ImportResult:
    """Import the demo tenant's knowledge base (creating the tenant if needed)."""
    return import_articles(uow, DEMO_TENANT, DEMO_KB_DIR, create_tenant=True)


def list_articles(uow: UnitOfWork, tenant_slug: str, *, who: UserPrincipal | None = None) -> list[dict[str, Any]]:
    _admin(who)
    with uow:
        tenant = _tenant(uow, tenant_slug, who=who)
        return [_article_view(a) for a in uow.articles.for_tenant(tenant.id)]


def get_article(uow: UnitOfWork, tenant_slug: str, article_key: str, language: str, *,
                who: UserPrincipal | None = None) -> dict[str, Any]:
    _admin(who)
    with uow:
        tenant = _tenant(uow, tenant_slug, who=who)
        article = uow.articles.variant(tenant.id, article_key, language)
        if article is None:
            raise NotFound("article not found")
        return {**_article_view(article), "body": article.body}


def delete_article(uow: UnitOfWork, tenant_slug: str, article_key: str, language: str,
                   on_change: Callable[[str], None] | None = None, *, who: UserPrincipal | None = None) -> None:
    _admin(who)
    with uow:
        tenant = _tenant(uow, tenant_slug, who=who)
        article = uow.articles.variant(tenant.id, article_key, language)
        if article is None:
            raise NotFound("article not found")
        uow.articles.delete(article)
        uow.commit()
    if on_change is not None:
        on_change(tenant.id)


def _article_view(a: Article) -> dict[str, Any]:
    return {"article_key": a.article_key, "language": a.language, "title": a.title, "tags": a.tags,
            "intent": a.intent, "url": a.url, "updated_at": a.updated_at.isoformat()}
