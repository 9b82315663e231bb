"""/health: the database, the pipeline, and who runs the periodic jobs, with a warning (not a failure: the API
serves) while no `tawasol worker` is alive in worker mode."""

from __future__ import annotations


def test_health_names_who_runs_the_jobs(client, platform) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["database"] is True
    if platform.settings.jobs_in_worker:  # PostgreSQL: `tawasol worker` runs them, and none runs in this test
        assert body["jobs"]["mode"] == "worker" and body["jobs"]["worker_seen"] is False
        assert body["warnings"] == [body["jobs"]["warning"]] and "tawasol worker" in body["warnings"][0]
    else:
        assert body["jobs"] == {
            "mode": "in-process",
            "worker_seen": None,
            "last_heartbeat_seconds_ago": None,
            "warning": None,
        }
        assert body["warnings"] == []
