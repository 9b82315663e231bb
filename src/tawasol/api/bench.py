"""API benchmark: latency and throughput of posting a customer message to a real server process.

The server runs as its own process (uvicorn, one worker) on a fresh database seeded with the demo
tenant, so the figures include HTTP, auth, the whole pipeline (privacy, NLU, bot, escalation) and
the commit. Each figure is the median over several runs.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

MESSAGES = [
    "Bonjour, je voudrais connaître le montant de ma facture",
    "salam, l'internet ma khdamch 3ndi f dar",
    "How do I activate roaming for Spain?",
    "السلام، بغيت نشارجي 50 درهم",
    "مرحبا، كيف يمكنني تغيير بطاقة SIM؟",
    "Hola, quiero saber el saldo de mi cuenta",
    "wach kayn chi offre dyal internet b 49 dh?",
    "Mon numéro est le 06 12 34 56 78, rappelez-moi svp",
]


@dataclass
class RunResult:
    concurrency: int
    requests: int
    seconds: float
    latencies_ms: list[float]

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(home: Path, database_url: str = "", model_dir: Path | None = None,
                 demo_backend: bool = False) -> tuple[subprocess.Popen, str]:  # type: ignore[type-arg]
    """A real server process on a free port over `home`, the demo tenant seeded, rate limits raised.
    `demo_backend=True` serves it through `tawasol demo`, which also runs the demo back end the flows call."""
    port = _free_port()
    env = {**os.environ, "TAWASOL_HOME": str(home), "TAWASOL_RATE_LIMIT_PER_MINUTE": "10000000",
           "TAWASOL_CONVERSATIONS_PER_MINUTE": "10000000", "TAWASOL_LOG_LEVEL": "warning",
           # background jobs would compete with the measured requests for the CPU
           "TAWASOL_INSIGHTS_INTERVAL_SECONDS": "0", "TAWASOL_RETENTION_INTERVAL_SECONDS": "0"}
    if database_url:
        env["TAWASOL_DATABASE_URL"] = database_url
    if model_dir:
        env["TAWASOL_MODEL_DIR"] = str(model_dir)
    seed = subprocess.run([sys.executable, "-m", "tawasol.cli", "demo", "--seed-only"], env=env,
                          capture_output=True, text=True)
    if seed.returncode != 0:
        raise RuntimeError(f"seeding failed: {seed.stderr[-2000:]}")
    log = open(home / "server.log", "ab")  # noqa: SIM115 - lives as long as the server
    command = "demo" if demo_backend else "serve"
    proc = subprocess.Popen([sys.executable, "-m", "tawasol.cli", command, "--port", str(port)], env=env,
                            stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300  # models are trained at first start
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.3)
        if proc.poll() is not None:
            break
    proc.kill()
    raise RuntimeError(f"server did not start (log: {home / 'server.log'})")


async def _open(c: httpx.AsyncClient) -> tuple[dict, dict]:  # type: ignore[type-arg]
    r = await c.post("/api/v1/conversations", json={"tenant": "atlas-telecom", "customer": {}})
    if r.status_code != 201:
        raise RuntimeError(f"opening a conversation: unexpected {r.status_code}: {r.text[:200]}")
    opened = r.json()
    return opened, {"authorization": f"Bearer {opened['customer_token']}"}


async def _client(base: str, n: int, latencies: list[float], offset: int) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as c:
        opened, headers = await _open(c)
        for i in range(n):
            if i and i % 6 == 0:  # a fresh conversation every few turns, as real traffic has
                opened, headers = await _open(c)
            body = {"text": MESSAGES[(offset + i) % len(MESSAGES)], "client_message_id": f"b{offset}-{i}"}
            t0 = time.perf_counter()
            r = await c.post(f"/api/v1/conversations/{opened['id']}/messages", headers=headers, json=body)
            latencies.append((time.perf_counter() - t0) * 1000)
            if r.status_code != 201:
                raise RuntimeError(f"unexpected {r.status_code}: {r.text[:200]}")


async def _run(base: str, concurrency: int, per_client: int) -> RunResult:
    latencies: list[float] = []
    t0 = time.perf_counter()
    await asyncio.gather(*[_client(base, per_client, latencies, k * 1000) for k in range(concurrency)])
    return RunResult(concurrency, concurrency * per_client, time.perf_counter() - t0, latencies)


def run_benchmark(runs: int = 5, requests: int = 120, concurrencies: tuple[int, ...] = (1, 8),
                  database_url: str = "", model_dir: Path | None = None) -> list[dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        proc, base = start_server(Path(tmp), database_url, model_dir)
        try:
            asyncio.run(_run(base, 2, 10))  # warm the connection pools and caches
            rows = []
            for c in concurrencies:
                results = [asyncio.run(_run(base, c, max(1, requests // c))) for _ in range(runs)]
                rows.append({
                    "concurrency": c,
                    "requests_per_run": results[0].requests,
                    "runs": runs,
                    "p50_ms": statistics.median(r.percentile(0.5) for r in results),
                    "p99_ms": statistics.median(r.percentile(0.99) for r in results),
                    "throughput_rps": statistics.median(r.throughput for r in results),
                })
            return rows
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def format_table(rows: list[dict[str, float]], backend: str) -> str:
    lines = [f"POST /api/v1/conversations/{{id}}/messages on {backend} (one server process, medians of runs)",
             "| concurrency | requests/run | runs | p50 ms | p99 ms | messages/s |", "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['concurrency']} | {r['requests_per_run']} | {r['runs']} | {r['p50_ms']:.1f} | "
                     f"{r['p99_ms']:.1f} | {r['throughput_rps']:.0f} |")
    return "\n".join(lines)
