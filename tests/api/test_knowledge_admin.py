"""The knowledge-base admin API: admins of the tenant write articles; the bot answers from them at once."""

from __future__ import annotations

import pytest

from tests import factories


@pytest.fixture
def world(platform, client):  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    other = factories.tenant(platform)
    return {"t": t, "admin": factories.login(client, factories.user(platform, [t.slug], role="admin")["email"]),
            "agent": factories.login(client, factories.user(platform, [t.slug], role="agent")["email"]),
            "other_admin": factories.login(client, factories.user(platform, [other.slug], role="admin")["email"])}


ARTICLE = {"title": "Activer le roaming", "tags": ["roaming", "voyage"], "intent": "roaming",
           "body": "Pour activer le roaming, composez *123# ou ouvrez l'application, rubrique Options, "
                   "avant de partir."}


def test_admin_writes_reads_lists_and_deletes(client, world) -> None:  # type: ignore[no-untyped-def]
    base = f"/api/v1/admin/tenants/{world['t'].slug}/articles"
    r = client.put(f"{base}/roaming-activate/fr", json=ARTICLE, headers=world["admin"])
    assert r.status_code == 200 and r.json()["created"] == 1
    assert client.put(f"{base}/roaming-activate/fr", json=ARTICLE, headers=world["admin"]).json()["unchanged"] == 1
    listed = client.get(base, headers=world["admin"]).json()
    assert listed["count"] == 1 and listed["data"][0]["article_key"] == "roaming-activate"
    assert client.get(f"{base}/roaming-activate/fr", headers=world["admin"]).json()["body"].startswith("Pour activer")
    assert client.delete(f"{base}/roaming-activate/fr", headers=world["admin"]).status_code == 204
    assert client.get(f"{base}/roaming-activate/fr", headers=world["admin"]).status_code == 404


def test_bot_answers_from_a_new_article_without_restart(client, world) -> None:  # type: ignore[no-untyped-def]
    base = f"/api/v1/admin/tenants/{world['t'].slug}/articles"
    client.post(f"{base}/import", headers=world["admin"], json={"articles": [
        {"article_key": "roaming-activate", "variants": {"fr": ARTICLE, "en": {
            "title": "Activate roaming",
            "body": "To activate roaming, dial *123# or open the app, Options, before you travel."}}}]})
    conv_id, auth = factories.open_conversation(client, world["t"].slug)
    r = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth,
                    json={"text": "Comment activer le roaming avant mon voyage ?"})
    sources = [s["article_key"] for rep in r.json()["replies"] for s in rep["sources"]]
    assert "roaming-activate" in sources


def test_only_admins_of_the_tenant(client, world) -> None:  # type: ignore[no-untyped-def]
    base = f"/api/v1/admin/tenants/{world['t'].slug}/articles"
    assert client.get(base, headers=world["agent"]).status_code == 403
    assert client.get(base, headers=world["other_admin"]).status_code == 404
    assert client.put(f"{base}/x/fr", json=ARTICLE, headers=world["other_admin"]).status_code == 404


def test_invalid_articles_are_refused_whole(client, world) -> None:  # type: ignore[no-untyped-def]
    base = f"/api/v1/admin/tenants/{world['t'].slug}/articles"
    r = client.post(f"{base}/import", headers=world["admin"], json={"articles": [
        {"article_key": "ok", "language": "fr", "title": "Bon", "body": "Texte"},
        {"article_key": "bad", "language": "klingon", "title": "Mauvais", "body": "Texte"}]})
    assert r.status_code == 422 and "language" in r.text
    assert client.get(base, headers=world["admin"]).json()["count"] == 0
    assert client.put(f"{base}/x/fr", json={"title": "t"}, headers=world["admin"]).status_code == 422
