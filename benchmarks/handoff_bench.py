"""Handoff latency: from the customer's escalating message to the agent console receiving the assignment.

Runs the whole demo pipeline (privacy, NLU, bot, escalation, routing) on a fresh SQLite database, with the
agent's console connected over the WebSocket. Prints medians and p90 in milliseconds.

    .venv/bin/python benchmarks/handoff_bench.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from tawasol.api import create_app
from tawasol.config import Settings
from tawasol.demo.seed import DEMO_PASSWORD, TENANT, seed_demo
from tawasol.service.bootstrap import bootstrap

CASES = {
    "human request (ary)": ["السلام، الفاتورة ديالي غالية بزاف", "agent"],
    "negative sentiment (fr)": ["C'est inadmissible, troisième coupure cette semaine, je suis furieux !"],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="tawasol-bench-"))
    settings = Settings(home=home, database_url=f"sqlite:///{home / 'bench.db'}", data_key="", redis_url="",
                        rate_limit_per_minute=100_000, conversations_per_minute=100_000)
    platform = bootstrap(settings)
    seed_demo(platform.uow)
    with TestClient(create_app(platform)) as client:
        token = client.post("/api/v1/auth/login", json={"email": "salma@atlas-telecom.example",
                                                        "password": DEMO_PASSWORD}).json()["access_token"]
        agent = {"Authorization": f"Bearer {token}"}
        client.put("/api/v1/agent/presence", json={"presence": "online"}, headers=agent)
        with client.websocket_connect(f"/api/v1/agent/ws?token={token}") as ws:
            ws.receive_json()
            for name, turns in CASES.items():
                latencies, pipeline = [], []
                for _ in range(args.runs):
                    r = client.post("/api/v1/conversations", json={"tenant": TENANT}).json()
                    conv, auth = r["id"], {"Authorization": f"Bearer {r['customer_token']}"}
                    for text in turns[:-1]:
                        client.post(f"/api/v1/conversations/{conv}/messages", headers=auth, json={"text": text})
                    t0 = time.perf_counter()
                    posted = client.post(f"/api/v1/conversations/{conv}/messages", headers=auth,
                                         json={"text": turns[-1]})
                    pipeline.append((time.perf_counter() - t0) * 1000)
                    assert posted.json()["status"] == "assigned", posted.text
                    while True:
                        ev = ws.receive_json()
                        if ev.get("type") == "conversation.assigned" and ev.get("conversation_id") == conv:
                            break
                    latencies.append((time.perf_counter() - t0) * 1000)
                    client.post(f"/api/v1/agent/conversations/{conv}/resolve", headers=agent, json={})
                print(f"{name:<26} handoff median {statistics.median(latencies):6.1f} ms  "
                      f"p90 {sorted(latencies)[int(0.9 * (len(latencies) - 1))]:6.1f} ms  "
                      f"(HTTP round trip median {statistics.median(pipeline):6.1f} ms, n={len(latencies)})")
    platform.engine.dispose()


if __name__ == "__main__":
    main()
