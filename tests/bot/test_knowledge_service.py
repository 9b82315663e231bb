"""Knowledge-base service on a real database (SQLite file; PostgreSQL when configured)."""

from __future__ import annotations

import pytest

from tawasol.domain.errors import InvalidInput, NotFound
from tawasol.service.knowledge import (
    DEMO_EVAL,
    KnowledgeIndexProvider,
    evaluate_questions,
    import_articles,
    search,
    seed_demo_knowledge,
)
from tawasol.store import UnitOfWork, make_engine, make_session_factory, start_mappers, upgrade


@pytest.fixture
def uow_factory(database_url):
    upgrade(database_url)
    start_mappers()
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    yield lambda: UnitOfWork(factory)
    engine.dispose()


def test_demo_import_is_idempotent_and_searchable(uow_factory):
    first = seed_demo_knowledge(uow_factory())
    again = seed_demo_knowledge(uow_factory())
    assert len(first.keys) >= 40 and first.created >= 160
    assert again.created == 0 and again.updated == 0
    hits = search(uow_factory(), "atlas-telecom", "bghit nbeddel lapuce", k=3)
    assert hits[0]["article_key"] == "sim-swap" and hits[0]["language"] == "ary_Latn"  # the Arabizi variant


def test_eval_meets_the_targets_on_the_demo_questions(uow_factory):
    seed_demo_knowledge(uow_factory())
    report = evaluate_questions(uow_factory(), "atlas-telecom", DEMO_EVAL).as_dict()
    assert report["overall"]["recall@5"] >= 0.97
    for lang in ("fr", "ar", "ary", "ary_Latn", "en"):
        assert report["by_language"][lang]["n"] >= 10


def test_csv_import_updates_and_the_provider_sees_the_change(uow_factory, tmp_path):
    seed_demo_knowledge(uow_factory())
    provider = KnowledgeIndexProvider(uow_factory, check_seconds=0)
    with uow_factory() as uow:
        tenant_id = uow.tenants.by_slug("atlas-telecom").id
    assert "promo-ramadan" not in provider(tenant_id).keys
    csv_file = tmp_path / "more.csv"
    csv_file.write_text("article_key,language,title,body,tags\n"
                        "promo-ramadan,fr,Offre Ramadan,Pendant le Ramadan les appels du soir sont "
                        "gratuits.,offre|ramadan\n",
                        encoding="utf-8")
    result = import_articles(uow_factory(), "atlas-telecom", csv_file, on_change=provider.invalidate)
    assert result.created == 1
    assert "promo-ramadan" in provider(tenant_id).keys


def test_import_refuses_unknown_tenants_and_bad_languages(uow_factory, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"key": "x", "language": "de", "title": "T", "body": "B"}]', encoding="utf-8")
    with pytest.raises(InvalidInput, match="expected one of"):
        import_articles(uow_factory(), "atlas-telecom", bad, create_tenant=True)
    with pytest.raises(NotFound):
        search(uow_factory(), "nobody", "facture")


def test_dense_without_encoder_falls_back_to_bm25(uow_factory, monkeypatch):
    from tawasol.bot import dense as dense_mod
    from tawasol.service import knowledge

    seed_demo_knowledge(uow_factory())
    monkeypatch.setattr(knowledge, "default_encoder", lambda: None)  # as when the model is not installed
    report = evaluate_questions(uow_factory(), "atlas-telecom", DEMO_EVAL, dense=True).as_dict()
    assert report["overall"]["recall@5"] >= 0.97
    assert dense_mod._default is None
