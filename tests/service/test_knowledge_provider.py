"""The bot's knowledge index: a message never waits for a rebuild nor opens a connection of its own."""

from __future__ import annotations

import threading
import time

from tawasol.domain.model import Article
from tawasol.service import knowledge
from tawasol.service.admin import create_tenant
from tawasol.service.bootstrap import bootstrap


def _article(key: str, title: str) -> Article:
    return Article(tenant_id="", article_key=key, language="fr", title=title, body=f"{title}: tout est expliqué.")


def _world(settings):  # type: ignore[no-untyped-def]
    platform = bootstrap(settings, steps=[])
    tenant = create_tenant(platform.uow(), "acme", "Acme")
    knowledge.store_articles(platform.uow(), "acme", [_article("bill-pay", "Payer sa facture")])
    opened: list[str] = []

    def uow_factory():  # type: ignore[no-untyped-def]
        opened.append(threading.current_thread().name)
        return platform.uow(readonly=True)

    return platform, tenant.id, uow_factory, opened


def _eventually(check, seconds: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return False


def test_a_stale_index_serves_while_a_background_thread_rebuilds_it(settings) -> None:  # type: ignore[no-untyped-def]
    platform, tenant_id, uow_factory, opened = _world(settings)
    provider = knowledge.KnowledgeIndexProvider(uow_factory, check_seconds=0)
    first = provider(tenant_id)
    assert first.keys == ["bill-pay"]
    knowledge.store_articles(platform.uow(), "acme", [_article("sim-change", "Changer de carte SIM")])
    opened.clear()
    assert provider(tenant_id) is first  # served at once, the check runs elsewhere
    caller = threading.current_thread().name
    assert _eventually(lambda: provider(tenant_id).keys == ["bill-pay", "sim-change"])
    assert opened and caller not in opened  # the caller never opened a unit of work of its own
    platform.engine.dispose()


def test_an_unchanged_knowledge_base_is_not_rebuilt(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    platform, tenant_id, uow_factory, _ = _world(settings)
    provider = knowledge.KnowledgeIndexProvider(uow_factory, check_seconds=0)
    first = provider(tenant_id)
    builds: list[str] = []
    original = knowledge.load_index
    monkeypatch.setattr(knowledge, "load_index", lambda *a, **k: builds.append("x") or original(*a, **k))
    for _ in range(5):
        assert provider(tenant_id) is first
    assert _eventually(lambda: not provider._checking)
    assert builds == []
    platform.engine.dispose()


def test_an_import_rebuilds_while_the_old_index_keeps_answering(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    platform, tenant_id, uow_factory, _ = _world(settings)
    provider = knowledge.KnowledgeIndexProvider(uow_factory, check_seconds=3600)
    first = provider(tenant_id)
    release, building = threading.Event(), threading.Event()
    original = knowledge.load_index

    def slow_load(*args, **kwargs):  # type: ignore[no-untyped-def]
        building.set()
        release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(knowledge, "load_index", slow_load)
    importing = threading.Thread(target=knowledge.store_articles, args=(
        platform.uow(), "acme", [_article("sim-change", "Changer de carte SIM")]),
        kwargs={"on_change": provider.invalidate})
    importing.start()
    assert building.wait(10)
    started = time.monotonic()
    assert provider(tenant_id) is first  # a message during the rebuild gets the old index at once
    assert time.monotonic() - started < 0.5
    release.set()
    importing.join(10)
    assert provider(tenant_id).keys == ["bill-pay", "sim-change"]  # the import's answer: already rebuilt
    platform.engine.dispose()
