"""The demo tenant's own systems (billing, network incidents, top-ups, stores, roaming) over HTTP.

A tiny stdlib server that the demo flows call; run it with `python -m tawasol.demo.backend --port 8765`
or in a thread (`DemoBackend().start()`) for tests. `failing=True` makes every call answer 503, to show
the flows' failure path.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CITIES = {"casablanca": "Casablanca", "rabat": "Rabat", "marrakech": "Marrakech", "fes": "Fès",
          "tanger": "Tanger", "agadir": "Agadir", "oujda": "Oujda", "meknes": "Meknès"}
OUTAGES = {"casablanca": "18:00", "fes": "21:30"}  # ongoing incidents of the demo day
AGENCIES = {"casablanca": "Agence Maârif, bd Zerktouni", "rabat": "Agence Agdal, av. de France",
            "marrakech": "Agence Guéliz, av. Mohammed V", "fes": "Agence Ville Nouvelle, av. Hassan II",
            "tanger": "Agence Boulevard Pasteur", "agadir": "Agence Talborjt"}
PASSES = {"europe": "Pass Europe 1 Go - 49 DH", "gulf": "Pass Lieux Saints 5 Go - 199 DH",
          "americas": "Pass Monde 1 Go - 99 DH", "africa": "Pass Afrique 1 Go - 69 DH"}


def _ref(prefix: str, *parts: str) -> str:
    return prefix + "-" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:6].upper()


def handle(method: str, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """The demo systems' answers; pure so it can be tested without sockets."""
    parts = [p for p in path.split("?")[0].split("/") if p]
    if method == "GET" and len(parts) == 2 and parts[0] == "bills":
        contract = parts[1]
        if not (contract.isdigit() and len(contract) == 8) or contract.startswith("0"):
            return 404, {"error": 404, "message": "unknown contract"}
        amount = 99 + int(contract[-3:]) % 400
        return 200, {"contract_number": contract, "amount": f"{amount}.00", "due_date": "2026-12-15",
                     "status": "unpaid" if int(contract) % 2 else "paid"}
    if method == "POST" and parts == ["outages", "reports"]:
        city = str(body.get("city", ""))
        if city not in CITIES:
            return 422, {"error": 422, "message": "unknown city"}
        return 201, {"city": city, "city_name": CITIES[city], "outage": city in OUTAGES,
                     "eta": OUTAGES.get(city, ""), "ticket": _ref("INC", city)}
    if method == "POST" and parts == ["recharges"]:
        phone, amount = str(body.get("phone", "")), str(body.get("amount", ""))
        return 201, {"reference": _ref("RC", phone, amount), "phone": phone, "amount": amount}
    if method == "POST" and parts == ["sim-swap", "appointments"]:
        city = str(body.get("city", ""))
        if city not in AGENCIES:
            return 422, {"error": 422, "message": "no agency in this city"}
        return 201, {"agency": AGENCIES[city], "slot": "2026-12-02 10:30", "reference": _ref("RDV", city)}
    if method == "POST" and parts == ["roaming", "activations"]:
        zone = str(body.get("zone", ""))
        return 201, {"status": "active", "zone": zone, "suggested_pass": PASSES.get(zone, "Pass Monde 1 Go - 99 DH")}
    if method == "GET" and parts == ["health"]:
        return 200, {"ok": True}
    return 404, {"error": 404, "message": "no such endpoint"}


class DemoBackend:
    """The demo systems served on 127.0.0.1 in a daemon thread."""

    def __init__(self, port: int = 0, failing: bool = False) -> None:
        self.port = port
        self.failing = failing
        self.calls: list[tuple[str, str]] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> DemoBackend:
        backend = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}") if length else {}
                except ValueError:
                    body = {}
                backend.calls.append((self.command, self.path))
                status, data = (503, {"error": 503}) if backend.failing else handle(self.command, self.path, body)
                raw = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = _serve

            def log_message(self, *_: Any) -> None:  # keep test output quiet
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> DemoBackend:
        return self.start()

    def __exit__(self, *_: Any) -> None:
        self.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Atlas Telecom demo back end for the bot's flows")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    backend = DemoBackend(port=args.port).start()
    print(f"demo back end on {backend.url} (Ctrl-C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        backend.stop()


if __name__ == "__main__":
    main()
