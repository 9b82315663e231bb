"""Voice channel latency and concurrency through a real `tawasol serve` process pinned to one core.

    .venv/bin/python benchmarks/voice.py [--calls 1,2,4] [--turns 3] [--json]

The demo tenant is seeded (its flows on the demo back end) and one server started, then pinned (every thread)
to one CPU. Each simulated call opens the media-stream WebSocket, hears the disclosure, then says `--turns`
routine questions (the project's espeak-ng recordings, tests/voice/audio), each sent in real time as 20 ms
mu-law frames followed by silence, and waits for the spoken answer. Measured per setting of concurrent calls:
end of the caller's speech (last speech frame sent) -> first audio frame of the answer, p50/p95, which
includes the end-of-turn silence the VAD waits for (640 ms); and the same less that wait. A setting keeps up
when its p50 is within the issue's target (1.0 s); calls per core is the largest setting that does.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from websockets.asyncio.client import connect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import cluster  # noqa: E402  (the load benchmark's server set-up: demo tenant, demo back end)
from tawasol.service.call_session import silence, telephone_frames  # noqa: E402
from tawasol.voice.audio import read_wav  # noqa: E402
from tawasol.voice.vad import TurnOptions  # noqa: E402

AUDIO = Path(__file__).resolve().parents[1] / "tests" / "voice" / "audio"
TARGET_S = 1.0
END_SILENCE_S = TurnOptions().end_silence_ms / 1000


def _questions() -> list[tuple[str, list[str]]]:
    with (AUDIO / "transcripts.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["language"] in ("fr", "en", "es")]
    return [(r["language"], telephone_frames(read_wav(AUDIO / r["file"])[0])) for r in rows]


def _pin_to_one_core(pid: int, cpu: int = 0) -> None:
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            os.sched_setaffinity(int(task), {cpu})
        except ProcessLookupError:  # a thread that has just ended
            continue


async def _call(
    ws_url: str, k: int, questions: list[tuple[str, list[str]]], turns: int, latencies: list[float]
) -> None:
    language = questions[k % len(questions)][0]
    mine = [q for q in questions if q[0] == language]
    tail = telephone_frames(silence(1.5))
    async with connect(ws_url, max_size=2**22) as ws:
        sid = f"MZbench{k:06d}"
        await ws.send(
            json.dumps(
                {
                    "event": "start",
                    "streamSid": sid,
                    "start": {"streamSid": sid, "customParameters": {"language": language}},
                }
            )
        )
        await _until_mark(ws)
        for t in range(turns):
            frames = mine[(k + t) % len(mine)][1]
            started = time.perf_counter()
            for i, payload in enumerate(frames):  # in real time, as a line delivers them
                await ws.send(json.dumps({"event": "media", "streamSid": sid, "media": {"payload": payload}}))
                await asyncio.sleep(max(0.0, started + (i + 1) * 0.02 - time.perf_counter()))
            end_of_speech = time.perf_counter()
            reader = asyncio.create_task(_first_media(ws))
            for i, payload in enumerate(tail):
                if reader.done():
                    break
                await ws.send(json.dumps({"event": "media", "streamSid": sid, "media": {"payload": payload}}))
                await asyncio.sleep(max(0.0, end_of_speech + (i + 1) * 0.02 - time.perf_counter()))
            latencies.append(await reader - end_of_speech)
            await _until_mark(ws)
        await ws.send(json.dumps({"event": "stop", "streamSid": sid}))


async def _first_media(ws: Any) -> float:
    while True:
        frame = json.loads(await ws.recv())
        if frame["event"] == "media":
            return time.perf_counter()


async def _until_mark(ws: Any) -> None:
    while True:
        frame = json.loads(await ws.recv())
        if frame["event"] == "mark":
            await ws.send(json.dumps({"event": "mark", "streamSid": frame["streamSid"], "mark": frame["mark"]}))
            return


def _pct(values: list[float], q: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def measure(ws_url: str, calls: int, turns: int, questions: list[tuple[str, list[str]]]) -> dict[str, Any]:
    latencies: list[float] = []

    async def run() -> None:
        await asyncio.gather(*(_call(ws_url, k, questions, turns, latencies) for k in range(calls)))

    started = time.perf_counter()
    asyncio.run(run())
    p50, p95 = statistics.median(latencies), _pct(latencies, 95)
    return {
        "calls": calls,
        "turns": len(latencies),
        "p50_s": round(p50, 3),
        "p95_s": round(p95, 3),
        "p50_after_vad_s": round(p50 - END_SILENCE_S, 3),
        "p95_after_vad_s": round(p95 - END_SILENCE_S, 3),
        "keeps_up": p50 <= TARGET_S,
        "wall_s": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", default="1,2,4", help="settings of concurrent calls, comma-separated")
    parser.add_argument("--turns", type=int, default=3, help="questions per call")
    parser.add_argument("--no-pin", action="store_true", help="let the server use every core")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    questions = _questions()
    settings = [int(n) for n in args.calls.split(",")]
    with cluster(1, "", "", None) as servers:
        pin = (lambda: None) if args.no_pin else (lambda: _pin_to_one_core(servers.procs[0].pid))
        pin()
        ws_url = servers.bases[0].replace("http://", "ws://") + "/api/v1/voice/stream?tenant=atlas-telecom"
        measure(ws_url, 1, 1, questions)  # loads the speech model
        pin()  # and the threads it started
        rows = [measure(ws_url, n, args.turns, questions) for n in settings]
    per_core = max((r["calls"] for r in rows if r["keeps_up"]), default=0)
    load = [round(x, 1) for x in os.getloadavg()]
    if args.json:
        print(
            json.dumps(
                {
                    "rows": rows,
                    "calls_per_core": per_core,
                    "target_s": TARGET_S,
                    "pinned": not args.no_pin,
                    "load_average": load,
                },
                indent=2,
            )
        )
        return 0
    print(
        f"end of speech -> first audio of the answer, one core; VAD end-of-turn wait {END_SILENCE_S:.2f} s "
        "included (and after it)"
    )
    print(f"{'calls':>5} {'turns':>5} {'p50 s':>7} {'p95 s':>7} {'p50-vad':>8} {'p95-vad':>8} {'wall s':>7}")
    for r in rows:
        print(
            f"{r['calls']:>5} {r['turns']:>5} {r['p50_s']:>7.2f} {r['p95_s']:>7.2f} {r['p50_after_vad_s']:>8.2f} "
            f"{r['p95_after_vad_s']:>8.2f} {r['wall_s']:>7.1f}"
        )
    print(f"calls per core keeping p50 <= {TARGET_S} s: {per_core}" + ("" if not args.no_pin else " (not pinned)"))
    print(f"machine load average at the end (1, 5, 15 min): {load} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
