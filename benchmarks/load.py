"""Whole-product load: simulated customers chat with the bot through real `tawasol serve` processes.

    .venv/bin/python benchmarks/load.py                                  # SQLite, one process
    .venv/bin/python benchmarks/load.py --database-url postgresql://root@127.0.0.1:5432/test \\
        --redis-url redis://127.0.0.1:6379/15 --processes 1,2,4          # PostgreSQL + Redis bus

Each of `--customers` customers opens a conversation, holds its WebSocket (on another process than the
one it posts to, when there are several: events must cross the bus) and posts `--messages` questions
(`tawasol.api.bench.MESSAGES`, the API benchmark's mix) with `--think-ms` (±50 %) between them. An event
is expected for every message a POST acknowledged (the customer's own and each reply, by id); the run
waits up to `--drain-s` for them. Reported per setting, medians of `--runs` runs on the same servers:
messages/s, POST latency p50/p95/p99, event latency (POST sent -> event read on the socket), events
received/expected, errors (HTTP, socket), error lines in the server logs, RSS per server process.
The servers start once, as many as the largest setting asks; a setting of n processes uses the first n
(the others stay idle), so that four processes warming up on two cores are paid for once.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import connect

from tawasol.api.bench import MESSAGES, _free_port

TENANT = "atlas-telecom"


@dataclass
class Run:
    """What the customers of one run saw."""

    post_ms: list[float] = field(default_factory=list)
    sent_at: dict[str, float] = field(default_factory=dict)  # message id -> when its POST was sent
    seen_at: dict[str, float] = field(default_factory=dict)  # message id -> when the socket delivered it
    errors: dict[str, int] = field(default_factory=dict)
    resyncs: int = 0
    statuses: dict[str, int] = field(default_factory=dict)  # the conversation's status after each message
    first_post: float = float("inf")
    last_reply: float = 0.0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    @property
    def messages(self) -> int:
        return len(self.post_ms)

    def summary(self) -> dict[str, Any]:
        events = [1000 * (self.seen_at[m] - t) for m, t in self.sent_at.items() if m in self.seen_at]
        return {"messages": self.messages,
                "messages_per_s": self.messages / max(1e-9, self.last_reply - self.first_post),
                **{f"post_p{q}_ms": _pct(self.post_ms, q) for q in (50, 95, 99)},
                **{f"event_p{q}_ms": _pct(events, q) for q in (50, 95, 99)},
                "events_expected": len(self.sent_at), "events_received": len(self.sent_at.keys() & self.seen_at.keys()),
                "resyncs": self.resyncs, "errors": sum(self.errors.values()), "error_kinds": dict(self.errors),
                "statuses": dict(self.statuses)}


def _pct(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


# --- the servers -----------------------------------------------------------------------------------

@dataclass
class Cluster:
    procs: list[subprocess.Popen[bytes]]
    bases: list[str]
    logs: list[Path]

    def rss_mb(self) -> list[dict[str, float]]:
        return [_memory(p.pid) for p in self.procs]

    def log_errors(self) -> int:
        return sum(_error_lines(log) for log in self.logs)


def _memory(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return {"rss_mb": fields.get("VmRSS", 0.0), "peak_mb": fields.get("VmHWM", 0.0)}


def _error_lines(log: Path) -> int:
    text = log.read_text("utf-8", "replace") if log.exists() else ""
    return sum(1 for line in text.splitlines() if line.startswith("Traceback") or " ERROR " in line
               or line.startswith("ERROR"))


def _env(home: Path, database_url: str, redis_url: str, model_dir: Path | None) -> dict[str, str]:
    env = {**os.environ, "TAWASOL_HOME": str(home), "TAWASOL_LOG_LEVEL": "warning",
           "TAWASOL_RATE_LIMIT_PER_MINUTE": "10000000", "TAWASOL_CONVERSATIONS_PER_MINUTE": "10000000",
           # background jobs would compete with the measured requests for the CPU
           "TAWASOL_INSIGHTS_INTERVAL_SECONDS": "0", "TAWASOL_RETENTION_INTERVAL_SECONDS": "0",
           "TAWASOL_DATABASE_URL": database_url, "TAWASOL_REDIS_URL": redis_url}
    if model_dir is not None:
        env["TAWASOL_MODEL_DIR"] = str(model_dir)
    return env


@contextmanager
def cluster(processes: int, database_url: str, redis_url: str, model_dir: Path | None) -> Iterator[Cluster]:
    """`processes` servers on one database (a fresh PostgreSQL schema, or a SQLite file), the demo tenant
    seeded and its flows pointed at a demo back end."""
    with tempfile.TemporaryDirectory() as tmp, _fresh_database(database_url, Path(tmp)) as url:
        home = Path(tmp)
        env = _env(home, url, redis_url, model_dir)
        seed = subprocess.run([sys.executable, "-m", "tawasol.cli", "demo", "--seed-only"], env=env,
                              capture_output=True, text=True)
        if seed.returncode != 0:
            raise RuntimeError(f"seeding failed: {seed.stderr[-2000:]}")
        from tawasol.demo.backend import DemoBackend

        with DemoBackend(port=0) as backend:
            _use_backend(url or f"sqlite:///{home / 'tawasol.db'}", backend.url)
            ports = [_free_port() for _ in range(processes)]
            logs = [home / f"server-{i}.log" for i in range(processes)]
            procs = [subprocess.Popen([sys.executable, "-m", "tawasol.cli", "serve", "--port", str(port)], env=env,
                                      stdout=log.open("ab"), stderr=subprocess.STDOUT)
                     for port, log in zip(ports, logs, strict=True)]
            try:
                bases = [f"http://127.0.0.1:{port}" for port in ports]
                for proc, base, log in zip(procs, bases, logs, strict=True):
                    _wait_healthy(proc, base, log)
                yield Cluster(procs, bases, logs)
            finally:
                for proc in procs:
                    proc.terminate()
                for proc in procs:
                    proc.wait(timeout=60)


@contextmanager
def _fresh_database(database_url: str, home: Path) -> Iterator[str]:
    if not database_url.startswith("postgres"):
        yield database_url
        return
    from sqlalchemy import create_engine, text

    from tawasol.store.db import normalise_url

    schema = f"bench_load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(normalise_url(database_url))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{database_url}{'&' if '?' in database_url else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _use_backend(url: str, backend_url: str) -> None:
    from tawasol.demo.seed import use_backend
    from tawasol.store import UnitOfWork, make_engine, make_session_factory, start_mappers

    start_mappers()
    engine = make_engine(url)
    try:
        use_backend(lambda: UnitOfWork(make_session_factory(engine)), backend_url)
    finally:
        engine.dispose()


def _wait_healthy(proc: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + 600  # models are trained at the first start
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"server {base} did not start (log: {log})")


# --- the customers ---------------------------------------------------------------------------------

async def _customer(k: int, bases: list[str], clients: dict[str, httpx.AsyncClient], messages: int,
                    think_s: float, start_at: float, run: Run, drain_s: float, rng: random.Random) -> None:
    post_base, ws_base = bases[k % len(bases)], bases[(k + 1) % len(bases)]
    c = clients[post_base]
    await asyncio.sleep(max(0.0, start_at - time.perf_counter()))
    try:
        r = await c.post("/api/v1/conversations", json={"tenant": TENANT, "customer": {}})
    except httpx.HTTPError as exc:
        return run.error(f"open: {type(exc).__name__}")
    if r.status_code != 201:
        return run.error(f"open: HTTP {r.status_code}")
    conv, token = r.json()["id"], r.json()["customer_token"]
    mine: set[str] = set()
    url = ws_base.replace("http", "ws", 1) + f"/api/v1/conversations/{conv}/ws?token={token}"
    try:
        async with connect(url, open_timeout=60, max_queue=None) as ws:
            if json.loads(await ws.recv()).get("type") != "backlog":
                run.error("socket: no backlog first")
            reader = asyncio.create_task(_read_events(ws, run))
            try:
                for i in range(messages):
                    await asyncio.sleep(think_s * rng.uniform(0.5, 1.5))
                    await _post(c, conv, token, MESSAGES[(k + i) % len(MESSAGES)], f"l{k}-{i}", run, mine)
                deadline = time.monotonic() + drain_s
                while not mine <= run.seen_at.keys() and time.monotonic() < deadline and not reader.done():
                    await asyncio.sleep(0.05)
            finally:
                reader.cancel()
    except Exception as exc:  # noqa: BLE001 - a refused or closed socket is a result, not a crash of the benchmark
        run.error(f"socket: {type(exc).__name__}")


async def _post(c: httpx.AsyncClient, conv: str, token: str, text: str, cmid: str, run: Run, mine: set[str]) -> None:
    t0 = time.perf_counter()
    run.first_post = min(run.first_post, t0)
    try:
        r = await c.post(f"/api/v1/conversations/{conv}/messages", headers={"authorization": f"Bearer {token}"},
                         json={"text": text, "client_message_id": cmid})
    except httpx.HTTPError as exc:
        return run.error(f"post: {type(exc).__name__}")
    done = time.perf_counter()
    run.last_reply = max(run.last_reply, done)
    if r.status_code != 201:
        return run.error(f"post: HTTP {r.status_code}")
    run.post_ms.append(1000 * (done - t0))
    body = r.json()
    run.statuses[body.get("status", "?")] = run.statuses.get(body.get("status", "?"), 0) + 1
    for m in [body["message"], *body.get("replies", [])]:
        run.sent_at[m["id"]] = t0
        mine.add(m["id"])


async def _read_events(ws: Any, run: Run) -> None:
    async for raw in ws:
        event = json.loads(raw)
        if event.get("type") == "message":
            run.seen_at.setdefault(event["message"]["id"], time.perf_counter())
        elif event.get("type") == "resync":
            run.resyncs += 1


async def _run(bases: list[str], customers: int, messages: int, think_ms: float, ramp_s: float, drain_s: float,
               seed: int) -> Run:
    run, rng = Run(), random.Random(seed)
    # idle connections expire before uvicorn's 5 s keep-alive does: reusing one the server is closing is a
    # client-side race, not an error of the product
    limits = httpx.Limits(max_connections=customers + 10, max_keepalive_connections=customers + 10,
                          keepalive_expiry=2.0)
    clients = {b: httpx.AsyncClient(base_url=b, timeout=120, limits=limits) for b in bases}
    t0 = time.perf_counter()
    try:
        await asyncio.gather(*[_customer(k, bases, clients, messages, think_ms / 1000, t0 + ramp_s * k / customers,
                                         run, drain_s, random.Random(rng.random())) for k in range(customers)])
    finally:
        for c in clients.values():
            await c.aclose()
    return run


# --- a setting, medians, the table -----------------------------------------------------------------

def measure(servers: Cluster, processes: int, args: argparse.Namespace) -> dict[str, Any]:
    """One setting: the customers spread over the first `processes` servers (the others stay idle)."""
    bases = servers.bases[:processes]
    asyncio.run(_run(bases, 2 * processes, 2, 0, 0, 10, seed=0))  # warm every process
    before = servers.log_errors()
    runs = []
    for n in range(args.runs):
        summary = asyncio.run(_run(bases, args.customers, args.messages, args.think_ms, args.ramp_s,
                                   args.drain_s, seed=n + 1)).summary()
        summary["rss"] = servers.rss_mb()[:processes]
        runs.append(summary)
        if not args.json:
            print(f"  run {n + 1}: {_brief(summary)}", file=sys.stderr)
    keys = ["messages_per_s", *[f"{k}_p{q}_ms" for k in ("post", "event") for q in (50, 95, 99)]]
    med = {k: statistics.median(r[k] for r in runs) for k in keys}
    return {"database": "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite",
            "bus": "Redis" if args.redis_url else "in-memory", "processes": processes, "customers": args.customers,
            "messages_per_customer": args.messages, "think_ms": args.think_ms, "runs": runs, **med,
            "events_expected": sum(r["events_expected"] for r in runs),
            "events_received": sum(r["events_received"] for r in runs),
            "resyncs": sum(r["resyncs"] for r in runs), "errors": sum(r["errors"] for r in runs),
            "server_log_errors": servers.log_errors() - before,
            "rss_mb": [statistics.median(r["rss"][i]["rss_mb"] for r in runs) for i in range(processes)],
            "peak_rss_mb": [max(r["rss"][i]["peak_mb"] for r in runs) for i in range(processes)]}


def _brief(s: dict[str, Any]) -> str:
    return (f"{s['messages_per_s']:.1f} msg/s, post p50 {s['post_p50_ms']:.0f} p95 {s['post_p95_ms']:.0f} ms, "
            f"events {s['events_received']}/{s['events_expected']}, errors {s['errors']} {s['error_kinds'] or ''}, "
            f"statuses {s['statuses']}")


def format_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| database + bus | processes | customers x messages | messages/s | post p50 / p95 / p99 ms | "
             "event p50 / p95 / p99 ms | events received / expected | errors (server log) | RSS MB per process |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        share = 100 * r["events_received"] / max(1, r["events_expected"])
        lines.append(
            f"| {r['database']} + {r['bus']} | {r['processes']} | {r['customers']} x {r['messages_per_customer']} | "
            f"{r['messages_per_s']:.1f} | {r['post_p50_ms']:.0f} / {r['post_p95_ms']:.0f} / {r['post_p99_ms']:.0f} | "
            f"{r['event_p50_ms']:.0f} / {r['event_p95_ms']:.0f} / {r['event_p99_ms']:.0f} | "
            f"{r['events_received']} / {r['events_expected']} ({share:.1f} %) | "
            f"{r['errors']} ({r['server_log_errors']}) | "
            f"{' / '.join(f'{m:.0f}' for m in r['rss_mb'])} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--database-url", default="", help="PostgreSQL URL (default: a SQLite file, one process)")
    p.add_argument("--redis-url", default="", help="Redis URL for the bus (needed for several processes)")
    p.add_argument("--processes", default="1", help="comma-separated process counts, e.g. 1,2,4")
    p.add_argument("--customers", type=int, default=100)
    p.add_argument("--messages", type=int, default=3, help="messages each customer posts")
    p.add_argument("--think-ms", type=float, default=500.0, help="mean pause before each message")
    p.add_argument("--ramp-s", type=float, default=2.0, help="customers arrive over this many seconds")
    p.add_argument("--drain-s", type=float, default=15.0, help="how long to wait for the last events")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--model-dir", type=Path, default=None, help="trained models (default: TAWASOL_MODEL_DIR or "
                   "~/.tawasol/models, shared across runs so that servers do not retrain)")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    counts = [int(n) for n in args.processes.split(",")]
    if any(n > 1 for n in counts) and not (args.redis_url and args.database_url.startswith("postgres")):
        p.error("several processes need --database-url postgresql://... and --redis-url (SQLite and the in-memory "
                "bus live in one process)")
    if args.model_dir is None:
        from tawasol.config import get_settings

        args.model_dir = get_settings().effective_model_dir
    rows = []
    # The servers start once (the warm-up of several processes on 2 cores takes minutes); each setting
    # uses the first n of them.
    with cluster(max(counts), args.database_url, args.redis_url, args.model_dir) as servers:
        for n in counts:
            print(f"{n} process(es)...", file=sys.stderr)
            rows.append(measure(servers, n, args))
    print(json.dumps(rows, indent=1) if args.json else format_table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
