"""Per-stage CPU cost of one customer message through the real pipeline, in process.

    .venv/bin/python benchmarks/stages.py [--messages 200] [--runs 3] [--turns 6] [--database-url URL]

A fresh demo tenant (SQLite file in a temporary home unless --database-url is given; the trained models of
the usual model directory are reused; the demo back end that its flows call runs in process) receives N demo
messages through `customer_said`, as the HTTP route calls it, in conversations of `--turns` messages each.
Every stage is timed in CPU milliseconds of the calling thread (time.thread_time: waiting on a lock or the disk
costs nothing here, the wall column shows it):

- privacy, nlu, bot, escalation: the pipeline's steps;
- seal: the raw text sealed under the customer's key; audit: the decision's audit entry;
- store: the rest of `customer_said` (reads, inserts, routing, commit);
- serialisation: the response model as JSON and the bus events as JSON.

The table gives, per stage, the median over runs of the mean CPU ms per message, then the wall-clock ms
and the SQL statements (round trips) per message. On a shared machine the CPU figures move by 10-30 %
between runs: compare versions in interleaved runs; the statement count does not move.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tawasol.api.bench import MESSAGES  # the same demo messages as `tawasol bench api`

STAGES = ["privacy", "nlu", "bot", "escalation", "seal", "audit", "store", "serialisation"]


class Clock:
    """CPU ms per stage, accumulated over one run."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.thread_time()
        try:
            yield
        finally:
            self.cpu[name] += (time.thread_time() - start) * 1000


class TimedStep:
    """A pipeline step whose process() is charged to its stage."""

    def __init__(self, step: Any, clock: Clock) -> None:
        self.step, self.clock, self.name = step, clock, step.name

    def process(self, ctx: Any) -> Any:
        with self.clock.stage(_stage_of(self.name)):
            return self.step.process(ctx)


def _stage_of(step_name: str) -> str:
    for stage in ("privacy", "nlu", "bot", "escalation"):
        if stage in step_name:
            return stage
    return step_name


def _timed(fn: Callable[..., Any], clock: Clock, stage: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with clock.stage(stage):
            return fn(*args, **kwargs)

    wrapper.open = getattr(fn, "open", None)  # type: ignore[attr-defined]  # RawTextSealer.open
    return wrapper


def run_once(platform: Any, clock: Clock, messages: int, turns: int) -> tuple[float, float]:
    """(total CPU ms, wall seconds) for `messages` messages in conversations of `turns` messages; the
    statements sent to the database by `customer_said` are counted in clock.cpu["statements"]."""
    from sqlalchemy import event

    counting = [False]

    def count(*_args: Any) -> None:
        if counting[0]:
            clock.cpu["statements"] += 1

    event.listen(platform.engine, "before_cursor_execute", count)
    try:
        return _run(platform, clock, messages, turns, counting)
    finally:
        event.remove(platform.engine, "before_cursor_execute", count)


def _run(platform: Any, clock: Clock, messages: int, turns: int, counting: list[bool]) -> tuple[float, float]:
    from tawasol.api.schemas import MessagePosted
    from tawasol.demo.seed import TENANT
    from tawasol.service import audit
    from tawasol.service import conversations as svc
    from tawasol.service.commands import CustomerDetails, CustomerSaid, OpenConversation
    from tawasol.service.pipeline import Pipeline

    pipeline = Pipeline([TimedStep(s, clock) for s in platform.pipeline.steps])
    sealer = _timed(platform.raw_text_sealer, clock, "seal")
    original_append = audit.append
    audit.append = _timed(original_append, clock, "audit")  # type: ignore[assignment]
    cpu_total = 0.0
    wall = time.perf_counter()
    try:
        conv_id, tenant_id = "", ""
        for n in range(messages):
            if n % turns == 0:
                opened = svc.open_conversation(
                    OpenConversation(tenant_slug=TENANT, channel="web", language=None,
                                     customer=CustomerDetails(external_id=None)),
                    platform.uow(), 24, platform.greeter, platform.contacts)
                conv_id = opened.id
                with platform.uow(readonly=True) as uow:
                    conv = uow.conversations.get(conv_id)
                    assert conv is not None
                    tenant_id = conv.tenant_id
            cmd = CustomerSaid(conversation_id=conv_id, tenant_id=tenant_id, text=MESSAGES[n % len(MESSAGES)],
                               client_message_id=f"m{n}")
            uow = platform.uow()
            start = time.thread_time()
            counting[0] = True
            result = svc.customer_said(cmd, uow, pipeline, platform.settings.max_message_chars, sealer,
                                       platform.greeter)
            counting[0] = False
            with clock.stage("serialisation"):
                MessagePosted(message=result.message, replies=result.replies, status=result.status,
                              replayed=result.replayed).model_dump_json()
                for _channel, event in uow.events:
                    json.dumps(event, default=str)
            cpu_total += (time.thread_time() - start) * 1000
    finally:
        audit.append = original_append  # type: ignore[assignment]
    return cpu_total, time.perf_counter() - wall


def measure(messages: int, runs: int, turns: int, database_url: str) -> list[dict[str, Any]]:
    from tawasol.config import Settings, get_settings
    from tawasol.demo.seed import seed_demo
    from tawasol.service.bootstrap import bootstrap

    model_dir = get_settings().effective_model_dir
    per_run: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="tawasol-stages-") as home:
        settings = Settings(home=Path(home), database_url=database_url, model_dir=model_dir, redis_url="",
                            retention_interval_seconds=0, insights_interval_seconds=0)
        platform = bootstrap(settings)
        from tawasol.demo.backend import DemoBackend
        from tawasol.demo.seed import use_backend

        backend = DemoBackend(port=0).start()  # the tenant's systems, which the demo flows call
        try:
            seed_demo(platform.uow, platform.contacts)
            use_backend(platform.uow, backend.url)
            platform.warm_up()
            run_once(platform, Clock(), min(messages, 2 * turns), turns)  # caches, lazy models
            for _ in range(runs):
                clock = Clock()
                total, wall = run_once(platform, clock, messages, turns)
                steps = sum(v for k, v in clock.cpu.items() if k not in ("serialisation", "statements"))
                row = {k: clock.cpu.get(k, 0.0) / messages for k in STAGES if k != "store"}
                row["store"] = (total - steps - clock.cpu.get("serialisation", 0.0)) / messages
                row["total"] = total / messages
                row["wall"] = wall * 1000 / messages
                row["statements"] = clock.cpu.get("statements", 0.0) / messages
                per_run.append(row)
        finally:
            backend.stop()
            platform.engine.dispose()
    return [{"stage": k, "per_message": round(statistics.median(r[k] for r in per_run), 3),
             "runs": [round(r[k], 3) for r in per_run]} for k in [*STAGES, "total", "wall", "statements"]]


def format_table(rows: list[dict[str, Any]], messages: int, backend: str) -> str:
    lines = [f"CPU ms per message per stage ({backend}, {messages} messages, median of {len(rows[0]['runs'])} runs)",
             f"{'stage':<14} {'median':>8}   runs"]
    for r in rows:
        name = {"wall": "wall (ms)", "statements": "SQL statements"}.get(r["stage"], r["stage"])
        lines.append(f"{name:<14} {r['per_message']:>8.3f}   {' '.join(f'{x:.3f}' for x in r['runs'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--turns", type=int, default=6, help="messages per conversation")
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = measure(args.messages, args.runs, args.turns, args.database_url)
    backend = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
    print(json.dumps(rows, indent=1) if args.json else format_table(rows, args.messages, backend))
    return 0


if __name__ == "__main__":
    sys.exit(main())
