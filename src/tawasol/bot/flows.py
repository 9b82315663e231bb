"""Flows declared as data (YAML/JSON): triggers, slots with validation, one HTTP action, replies.

A flow starts when every concept of one of its triggers appears in the message (concepts come from
the retrieval lexicon, so triggers work in every language and script), asks for each missing slot,
validates the answer, then calls the tenant's system. The action has a timeout and retries; when it
still fails, the flow apologises and hands off rather than leaving the customer waiting.
"""

from __future__ import annotations

import atexit
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import yaml

from tawasol.bot.text import Tokenizer
from tawasol.domain.errors import InvalidInput

DEMO_FLOWS_DIR = Path(__file__).resolve().parents[1] / "demo" / "flows"
SLOT_TYPES = ("pattern", "choice", "integer")


@dataclass(frozen=True)
class Slot:
    name: str
    type: str
    prompt: dict[str, str]
    invalid: dict[str, str]
    pattern: str = ""
    choices: dict[str, list[str]] = field(default_factory=dict)  # value -> ways customers write it
    minimum: int | None = None
    maximum: int | None = None
    personal: bool = False  # personal data (a phone number...): never kept in clear between turns
    # Per language, aliases that are ordinary words there: "casa" is Casablanca in French or Darija and
    # "home" in Spanish ("no tengo internet en casa").
    ordinary: dict[str, list[str]] = field(default_factory=dict)

    def extract(self, text: str, tokenizer: Tokenizer, language: str | None = None) -> str | None:
        """The slot value found in `text`, or None when it is absent or invalid."""
        found = self.find(text, tokenizer, language)
        return found.value if found else None

    def find(self, text: str, tokenizer: Tokenizer, language: str | None = None) -> SlotMatch | None:
        """The slot value found in `text` with where it was typed (offsets into `text`; None for choices);
        `language`: the message's, whose ordinary words are not taken for a choice."""
        if self.type == "pattern":
            compact, where = _join_digits(text)
            m = re.search(self.pattern, compact)
            if m is None:
                return None
            group = 1 if m.groups() else 0
            start, end = m.span(group)
            if end <= start:
                return SlotMatch(m.group(group))
            return SlotMatch(m.group(group), where[start], where[end - 1] + 1)
        if self.type == "integer":
            for num in _numbers(text):
                value = int(num.group())
                if (self.minimum is None or value >= self.minimum) and (self.maximum is None or value <= self.maximum):
                    return SlotMatch(str(value), num.start(), num.end())
            return None
        words = {w.tokens[0] for w in tokenizer.words(text)}
        ordinary = {a.casefold() for a in self.ordinary.get(language or "", [])}
        for value, aliases in self.choices.items():
            for alias in [value, *aliases]:
                if alias.casefold() in ordinary:
                    continue
                keys = [w.tokens[0] for w in tokenizer.words(alias)]
                if keys and all(k in words for k in keys):
                    return SlotMatch(value)
        return None


_UNITS = frozenset({"dh", "dhs", "mad", "dirham", "dirhams", "drh", "dr", "eur", "euro", "euros", "درهم", "دراهم"})


def _numbers(text: str) -> list[re.Match[str]]:
    """The numbers a customer typed as numbers: not the digits of an Arabizi word ("n9der", "3afak",
    "7ta"), though a unit may be glued to them ("100dh")."""
    out = []
    for num in re.finditer(r"\d+", text):
        start, end = num.span()
        if start > 0 and text[start - 1].isalpha():
            continue
        tail = re.match(r"[^\W\d_]*", text[end:])
        if tail and tail.group() and tail.group().lower() not in _UNITS:
            continue
        out.append(num)
    return out


@dataclass(frozen=True)
class SlotMatch:
    value: str
    start: int | None = None
    end: int | None = None


def _join_digits(text: str) -> tuple[str, list[int]]:
    """`text` with the spaces, dots and dashes between digits removed ("06 12-34" -> "061234"), and
    for each kept character its offset in `text`."""
    kept, where = [], []
    for i, ch in enumerate(text):
        if (ch.isspace() or ch in ".-") and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue
        kept.append(ch)
        where.append(i)
    return "".join(kept), where


@dataclass(frozen=True)
class Action:
    method: str
    path: str
    timeout: float = 3.0
    retries: int = 2
    body: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Flow:
    id: str
    triggers: list[list[str]]
    slots: list[Slot]
    action: Action
    replies: list[dict[str, Any]]  # [{when: {field: value}, text: {lang: template}}], first match wins
    intents: list[str] = field(default_factory=list)
    unless: list[str] = field(default_factory=list)  # concepts that mean "not this flow"
    topic: dict[str, str] = field(default_factory=dict)  # "your bill", per language: to offer going back to it
    labels: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # field -> value -> {lang: shown}
    # Concepts that start the flow when the customer asks for it to be done ("je veux recharger mon numéro",
    # "bghit ncharji"), not when they ask about it ("comment recharger ?" is left to the articles).
    requests: list[list[str]] = field(default_factory=list)
    # Concept sets under which `unless` concepts they contain no longer count: "combien je dois payer sur
    # ma facture" (amount, pay, bill) asks for the amount due, though "pay" alone means "how to pay".
    despite: list[list[str]] = field(default_factory=list)

    def excluded_by(self, tokens: set[str]) -> bool:
        """A concept of `unless` is in the message, and no `despite` set covers it."""
        blocking = {c for c in self.unless if "#" + c in tokens}
        for combo in self.despite:
            if blocking and all("#" + c in tokens for c in combo):
                blocking -= set(combo)
        return bool(blocking)

    def triggered_by(self, tokens: set[str], wish: bool = False) -> bool:
        """`wish`: the message asks for something to be done (see `turn_words.TurnWords.wishes`)."""
        if self.excluded_by(tokens):
            return False
        if wish and any(all("#" + c in tokens for c in req) for req in self.requests):
            return True
        return any(all("#" + c in tokens for c in trig) for trig in self.triggers)

    def reply_for(self, result: dict[str, Any]) -> dict[str, str] | None:
        """The first reply whose `when` matches the result; None for an error result no rule names
        (a reply without `when` describes success, and must never be read after a failed action)."""
        for rule in self.replies:
            when = rule.get("when") or {}
            if not when and "error" in result:
                continue
            if all(str(result.get(k)).lower() == str(v).lower() for k, v in when.items()):
                return rule["text"]
        if "error" in result:
            return None
        raise InvalidInput("replies", f"flow {self.id}: no reply matches {sorted(result)}")


def parse_flow(data: dict[str, Any], where: str = "") -> Flow:
    try:
        slots = []
        for s in data.get("slots", []):
            if s["type"] not in SLOT_TYPES:
                raise InvalidInput("type",
                                   f"{where}: slot {s['name']}: expected one of {SLOT_TYPES}, got {s['type']!r}")
            slots.append(Slot(name=s["name"], type=s["type"], prompt=s["prompt"], invalid=s.get("invalid", s["prompt"]),
                              pattern=s.get("pattern", ""), choices=s.get("choices", {}),
                              minimum=s.get("min"), maximum=s.get("max"), personal=bool(s.get("personal", False)),
                              ordinary={str(k): [str(w) for w in v]
                                        for k, v in (s.get("ordinary_words") or {}).items()}))
        a = data["action"]
        action = Action(method=a.get("method", "GET").upper(), path=a["path"], timeout=float(a.get("timeout", 3.0)),
                        retries=int(a.get("retries", 2)), body=a.get("body", {}))
        return Flow(id=data["id"], triggers=[list(t) for t in data["triggers"]], slots=slots, action=action,
                    replies=data["replies"], intents=data.get("intents", []), unless=data.get("unless", []),
                    topic=data.get("topic", {}), labels=data.get("labels", {}),
                    requests=[list(r) for r in data.get("requests", [])],
                    despite=[list(d) for d in data.get("despite", [])])
    except KeyError as exc:
        raise InvalidInput("flow", f"{where}: missing field {exc}") from exc


def load_flows(path: str | Path = DEMO_FLOWS_DIR) -> list[Flow]:
    """Every flow in a folder of .yaml/.yml/.json files (or one file)."""
    path = Path(path)
    files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml", ".json")) if path.is_dir() else [path]
    flows = []
    for f in files:
        data = json.loads(f.read_text("utf-8")) if f.suffix == ".json" else yaml.safe_load(f.read_text("utf-8"))
        flows.append(parse_flow(data, str(f)))
    return flows


class ActionFailed(Exception):
    """The tenant's system did not answer usefully within the retries."""


class _ActionClients:
    """One pooled `httpx.Client` per back end (and test transport) for the process: a new client
    costs ~28 ms of CPU, and its connections are reused. Clients keep no cookies, so nothing one
    customer's call was given is sent with another's."""

    def __init__(self) -> None:
        self._clients: dict[tuple[str, httpx.BaseTransport | None], httpx.Client] = {}
        self._lock = threading.Lock()

    def get(self, base_url: str, transport: httpx.BaseTransport | None) -> httpx.Client:
        key = (base_url, transport)
        client = self._clients.get(key)
        if client is None:
            with self._lock:
                client = self._clients.get(key)
                if client is None:
                    no_cookies = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
                    client = self._clients[key] = httpx.Client(base_url=base_url, transport=transport,
                                                               cookies=no_cookies)
        return client

    def close(self) -> None:
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            client.close()


_action_clients = _ActionClients()
atexit.register(_action_clients.close)


def close_action_clients() -> None:
    """Close the pooled clients (at shutdown; the next action opens a new one)."""
    _action_clients.close()


def run_action(action: Action, base_url: str, slots: dict[str, str],
               transport: httpx.BaseTransport | None = None) -> dict[str, Any]:
    """Call the tenant's system; retries transport errors and 5xx with a short backoff."""
    if not base_url:
        raise ActionFailed("no backend_url configured for this tenant")
    path = action.path.format(**{k: quote(v, safe="") for k, v in slots.items()})
    body = {k: v.format(**slots) for k, v in action.body.items()} or None
    client = _action_clients.get(base_url, transport)
    last = ""
    for attempt in range(action.retries + 1):
        try:
            resp = client.request(action.method, path, json=body if action.method != "GET" else None,
                                  timeout=action.timeout)
            if resp.status_code < 500:
                if resp.status_code >= 400:
                    return {"error": resp.status_code, **_json(resp)}
                return _json(resp)
            last = f"HTTP {resp.status_code}"
        except httpx.HTTPError as exc:
            last = type(exc).__name__
        if attempt < action.retries:
            time.sleep(0.1 * (attempt + 1))
    raise ActionFailed(last)


def _json(resp: httpx.Response) -> dict[str, Any]:
    try:
        data = resp.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {"data": data}
