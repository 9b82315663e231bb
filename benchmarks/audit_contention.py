"""Audit-chain contention on PostgreSQL: do writers of different tenants in different processes wait for each other?

    .venv/bin/python benchmarks/audit_contention.py --database-url postgresql://root@127.0.0.1:5432/test

Each of `--processes` processes runs `--threads` threads; each thread appends `--entries` audit entries, one
per transaction, as `customer_said` does for a message with decisions: the entry is appended, then the
transaction goes on for `--hold-ms` (the rest of the message's writes, the GIL, the commit) before it
commits. Process i writes for tenant i (or all for one tenant with --one-tenant). Prints entries/s, median
of `--runs` runs, for 1 process and for N processes, and checks the chains afterwards.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import threading
import time
import uuid
from typing import Any


def _schema_url(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def _worker(url: str, tenant: str, threads: int, entries: int, hold_ms: float, start: Any) -> None:
    from tawasol.service import audit
    from tawasol.store import UnitOfWork, make_engine, make_session_factory, start_mappers

    start_mappers()
    try:
        engine = make_engine(url, workers=threads)
    except TypeError:  # a version before the pool was sized to the workers
        engine = make_engine(url)
    factory = make_session_factory(engine)

    def run() -> None:
        for n in range(entries):
            with UnitOfWork(factory) as uow:
                audit.append(uow, "system", "decisions", f"message:{n}", {"n": n}, tenant_id=tenant)
                time.sleep(hold_ms / 1000)
                uow.commit()

    start.wait()
    pool = [threading.Thread(target=run) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    engine.dispose()


def run_once(url: str, processes: int, threads: int, entries: int, hold_ms: float, one_tenant: bool) -> float:
    """Entries per second over all processes, on a fresh schema."""
    from sqlalchemy import create_engine, text

    from tawasol.store.db import normalise_url
    from tawasol.store.migrate import upgrade

    schema = f"bench_audit_{uuid.uuid4().hex[:8]}"
    admin = create_engine(normalise_url(url))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        target = _schema_url(url, schema)
        upgrade(target)
        ctx = multiprocessing.get_context("spawn")
        start = ctx.Event()
        procs = [ctx.Process(target=_worker, args=(target, "tenant-0" if one_tenant else f"tenant-{i}", threads,
                                                   entries, hold_ms, start)) for i in range(processes)]
        for p in procs:
            p.start()
        time.sleep(3)  # imports and connections ready
        began = time.perf_counter()
        start.set()
        for p in procs:
            p.join()
        seconds = time.perf_counter() - began
        _check(target, processes * threads * entries)
        return processes * threads * entries / seconds
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _check(url: str, expected: int) -> None:
    from tawasol.service import audit
    from tawasol.store import UnitOfWork, make_engine, make_session_factory, start_mappers

    start_mappers()
    engine = make_engine(url)
    try:
        checked, broken = audit.verify(UnitOfWork(make_session_factory(engine), readonly=True))
    finally:
        engine.dispose()
    if checked != expected or broken is not None:
        raise SystemExit(f"audit log: {checked} entries (expected {expected}), first broken: {broken}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--entries", type=int, default=40, help="per thread")
    parser.add_argument("--hold-ms", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one-tenant", action="store_true")
    args = parser.parse_args(argv)
    print(f"audit appends/s (median of {args.runs}; {args.threads} threads per process, "
          f"hold {args.hold_ms} ms, {'one tenant' if args.one_tenant else 'one tenant per process'})")
    for processes in sorted({1, args.processes}):
        rates = [run_once(args.database_url, processes, args.threads, args.entries, args.hold_ms, args.one_tenant)
                 for _ in range(args.runs)]
        print(f"{processes} process(es): {statistics.median(rates):8.1f}   runs {' '.join(f'{r:.1f}' for r in rates)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
