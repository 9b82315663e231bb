"""Scripted multi-turn dialogues replayed through the real HTTP API, every turn checked.

A dialogue file is JSON Lines, one dialogue a line:

    {"id": "fr-bill-001", "tenant": "atlas-telecom", "language": "fr", "tags": ["routine"],
     "turns": [{"say": "Comment payer ma facture ?", "expect": {"article": "bill-pay", "reply_language": "fr"}}]}

`expect` keys (all optional, unknown keys are an error):
- `article`: a KB article key that one of this turn's replies cites in its sources;
- `reply_language`: every reply the customer reads after this turn is in that language, judged by the product's
  own text language identifier on the reply text (not by the language the bot claims);
- `status`: the conversation status after the turn (a string, or a list of acceptable ones);
- `reason`: an escalation reason code recorded for this turn (the bot's hand-off code or the escalation policy's
  rule codes in the decision records; a string, or a list of which any one will do);
- `flow`: the flow id active after the turn or just completed by it (`null`: no flow active and none completed);
- `unchanged`: `true`: the stored (redacted) text of the customer's message equals what was typed;
- `not_contains`: a string or a list of strings that no reply of this turn may contain (case-insensitive).

The customer side uses the public endpoints (`POST /api/v1/conversations`, `POST .../messages`); the checks that
need staff data (stored redacted text, decision records, bot state) read `GET /api/v1/agent/conversations/{id}`
as a logged-in supervisor.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

LANGUAGES = ("fr", "ar", "ary", "ary_Latn", "en", "es")
STATUSES = ("bot", "queued", "assigned", "resolved", "closed")
EXPECT_KEYS = ("article", "reply_language", "status", "reason", "flow", "unchanged", "not_contains")
DIALOGUE_KEYS = ("id", "tenant", "language", "tags", "turns")
TURN_KEYS = ("say", "expect")


class DialogueFileError(ValueError):
    """A dialogue file that cannot be replayed: bad JSON, a missing field, an unknown key (names the line)."""


@dataclass(frozen=True)
class Turn:
    say: str
    expect: dict[str, Any]


@dataclass(frozen=True)
class Dialogue:
    id: str
    tenant: str
    language: str
    tags: tuple[str, ...]
    turns: tuple[Turn, ...]
    line: int = 0


# --- reading and validating --------------------------------------------------------------------------------


def _strings(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value)
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v for v in value)


def _check_expect(expect: Any, where: str) -> dict[str, Any]:
    if not isinstance(expect, dict):
        raise DialogueFileError(f"{where}: 'expect' must be an object")
    unknown = sorted(set(expect) - set(EXPECT_KEYS))
    if unknown:
        raise DialogueFileError(f"{where}: unknown expect key(s) {unknown}; allowed: {list(EXPECT_KEYS)}")
    if "article" in expect and not (isinstance(expect["article"], str) and expect["article"]):
        raise DialogueFileError(f"{where}: 'article' must be a non-empty string (a KB article key)")
    if "reply_language" in expect and expect["reply_language"] not in LANGUAGES:
        raise DialogueFileError(f"{where}: 'reply_language' must be one of {list(LANGUAGES)}")
    if "status" in expect:
        statuses = [expect["status"]] if isinstance(expect["status"], str) else expect["status"]
        if not _strings(expect["status"]) or any(s not in STATUSES for s in statuses):
            raise DialogueFileError(f"{where}: 'status' must be one of {list(STATUSES)} (or a list of them)")
    if "reason" in expect and not _strings(expect["reason"]):
        raise DialogueFileError(f"{where}: 'reason' must be a reason code (or a list of them)")
    if "flow" in expect and not (expect["flow"] is None or (isinstance(expect["flow"], str) and expect["flow"])):
        raise DialogueFileError(f"{where}: 'flow' must be a flow id or null")
    if "unchanged" in expect and expect["unchanged"] is not True:
        raise DialogueFileError(f"{where}: 'unchanged' can only be true (check masking with 'not_contains')")
    if "not_contains" in expect and not _strings(expect["not_contains"]):
        raise DialogueFileError(f"{where}: 'not_contains' must be a non-empty string or list of strings")
    return dict(expect)


def parse_dialogue(raw: str, where: str, line: int = 0) -> Dialogue:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DialogueFileError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(data, dict):
        raise DialogueFileError(f"{where}: a dialogue must be a JSON object")
    unknown = sorted(set(data) - set(DIALOGUE_KEYS))
    if unknown:
        raise DialogueFileError(f"{where}: unknown key(s) {unknown}; allowed: {list(DIALOGUE_KEYS)}")
    missing = [k for k in DIALOGUE_KEYS if k not in data]
    if missing:
        raise DialogueFileError(f"{where}: missing field(s) {missing}")
    for key in ("id", "tenant"):
        if not (isinstance(data[key], str) and data[key].strip()):
            raise DialogueFileError(f"{where}: '{key}' must be a non-empty string")
    if data["language"] not in LANGUAGES:
        raise DialogueFileError(f"{where}: 'language' must be one of {list(LANGUAGES)}")
    if not (isinstance(data["tags"], list) and all(isinstance(t, str) and t for t in data["tags"])):
        raise DialogueFileError(f"{where}: 'tags' must be a list of strings")
    if not (isinstance(data["turns"], list) and data["turns"]):
        raise DialogueFileError(f"{where}: 'turns' must be a non-empty list")
    turns = []
    for i, turn in enumerate(data["turns"], start=1):
        at = f"{where}: turn {i}"
        if not isinstance(turn, dict):
            raise DialogueFileError(f"{at}: a turn must be an object")
        unknown = sorted(set(turn) - set(TURN_KEYS))
        if unknown:
            raise DialogueFileError(f"{at}: unknown key(s) {unknown}; allowed: {list(TURN_KEYS)}")
        missing = [k for k in TURN_KEYS if k not in turn]
        if missing:
            raise DialogueFileError(f"{at}: missing field(s) {missing}")
        if not (isinstance(turn["say"], str) and turn["say"].strip()):
            raise DialogueFileError(f"{at}: 'say' must be a non-empty string")
        turns.append(Turn(say=turn["say"], expect=_check_expect(turn["expect"], at)))
    return Dialogue(id=data["id"], tenant=data["tenant"], language=data["language"], tags=tuple(data["tags"]),
                    turns=tuple(turns), line=line)


def load_dialogues(path: Path | str) -> list[Dialogue]:
    """Every dialogue of a JSONL file (blank lines skipped); the first problem raises `DialogueFileError`."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DialogueFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise DialogueFileError(f"{path}: not UTF-8 text") from None
    dialogues: list[Dialogue] = []
    seen: dict[str, int] = {}
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{path}:{n}"
        d = parse_dialogue(raw, where, n)
        if d.id in seen:
            raise DialogueFileError(f"{where}: duplicate dialogue id {d.id!r} (first on line {seen[d.id]})")
        seen[d.id] = n
        dialogues.append(d)
    if not dialogues:
        raise DialogueFileError(f"{path}: no dialogues")
    return dialogues


# --- results ---------------------------------------------------------------------------------------------


@dataclass
class Check:
    name: str
    ok: bool
    expected: Any
    got: Any


@dataclass
class TurnResult:
    index: int
    say: str
    status: str
    replies: list[dict[str, Any]]  # author, text, sources (article keys), language (as judged)
    checks: list[Check] = field(default_factory=list)
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and all(c.ok for c in self.checks)


@dataclass
class DialogueResult:
    id: str
    language: str
    tags: list[str]
    conversation_id: str
    turns: list[TurnResult]
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and all(t.ok for t in self.turns)

    @property
    def first_failure(self) -> TurnResult | None:
        return next((t for t in self.turns if not t.ok), None)


# --- the checks ------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _reason_codes(decisions: Iterable[dict[str, Any]]) -> list[str]:
    codes: list[str] = []
    for d in decisions:
        if d.get("kind") == "bot_handoff" and d.get("outcome"):
            codes.append(str(d["outcome"]))
        if d.get("kind") not in ("bot_handoff", "escalation"):
            continue
        for r in d.get("reasons") or []:
            if isinstance(r, dict):
                codes += [str(r[k]) for k in ("code", "rule") if r.get(k)]
    return list(dict.fromkeys(codes))


def _flows_after(detail: dict[str, Any], message_id: str, end_seq: int) -> tuple[str | None, list[str]]:
    """(the flow active after the turn, the flows this turn completed)."""
    active: str | None = None
    for m in sorted(detail.get("messages") or [], key=lambda m: int(m.get("seq") or 0)):
        if int(m.get("seq") or 0) > end_seq:
            break
        state = (m.get("analysis") or {}).get("bot_state")
        if isinstance(state, dict):
            flow = state.get("flow")
            active = str(flow["id"]) if isinstance(flow, dict) and flow.get("id") else None
    completed = []
    for d in detail.get("decisions") or []:
        if d.get("message_id") == message_id and "complete" in str(d.get("outcome") or ""):
            completed += [str(r["flow"]) for r in d.get("reasons") or [] if isinstance(r, dict) and r.get("flow")]
    return active, completed


def check_turn(turn: Turn, typed: str, posted: dict[str, Any], detail: dict[str, Any], end_seq: int,
               identify: Callable[[str], str]) -> list[Check]:
    """Every expectation of one turn against what the API returned (`posted`) and the staff view (`detail`)."""
    e = turn.expect
    replies = posted.get("replies") or []
    message_id = str((posted.get("message") or {}).get("id") or "")
    checks: list[Check] = []
    if "article" in e:
        cited = [str(s.get("article_key")) for r in replies for s in r.get("sources") or [] if isinstance(s, dict)]
        checks.append(Check("article", e["article"] in cited, e["article"], cited or None))
    if "reply_language" in e:
        judged = [identify(r.get("text") or "") for r in replies]
        checks.append(Check("reply_language", bool(judged) and all(j == e["reply_language"] for j in judged),
                            e["reply_language"], judged or "no reply"))
    if "status" in e:
        wanted = _as_list(e["status"])
        checks.append(Check("status", posted.get("status") in wanted, e["status"], posted.get("status")))
    if "reason" in e:
        wanted = _as_list(e["reason"])
        codes = _reason_codes(d for d in detail.get("decisions") or [] if d.get("message_id") == message_id)
        checks.append(Check("reason", any(w in codes for w in wanted), e["reason"], codes or None))
    if "flow" in e:
        active, completed = _flows_after(detail, message_id, end_seq)
        wanted_flow = e["flow"]
        ok = (active is None and not completed) if wanted_flow is None else wanted_flow in (active, *completed)
        got: dict[str, Any] = {"active": active, "completed": completed}
        checks.append(Check("flow", ok, e["flow"], got))
    if "unchanged" in e:
        stored = next((m.get("text") for m in detail.get("messages") or [] if m.get("id") == message_id), None)
        ok = (stored is not None
              and unicodedata.normalize("NFC", stored.strip()) == unicodedata.normalize("NFC", typed.strip()))
        checks.append(Check("unchanged", ok, typed, stored))
    if "not_contains" in e:
        found = [s for s in _as_list(e["not_contains"]) for r in replies if _fold(s) in _fold(r.get("text") or "")]
        checks.append(Check("not_contains", not found, e["not_contains"], sorted(set(found)) or None))
    return checks


# --- the runner ------------------------------------------------------------------------------------------


def product_language_identifier() -> Callable[[str], str]:
    """The product's own text language identifier (`tawasol.nlu`), as a text -> label function."""
    from tawasol.nlu.language import builtin_identifier

    ident = builtin_identifier()
    return lambda text: ident.identify(text).label


class DialogueRunner:
    """Replays dialogues against one server: as a customer through the public API, checks as a staff member."""

    def __init__(self, base_url: str, staff_email: str, staff_password: str,
                 identify: Callable[[str], str] | None = None, timeout: float = 60.0,
                 client: httpx.Client | None = None) -> None:
        self.client = client or httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout)
        self.identify = identify or product_language_identifier()
        self.staff_email, self.staff_password = staff_email, staff_password
        self._staff_token: str | None = None

    def close(self) -> None:
        self.client.close()

    def _staff_headers(self) -> dict[str, str]:
        if self._staff_token is None:
            r = self.client.post("/api/v1/auth/login",
                                 json={"email": self.staff_email, "password": self.staff_password})
            if r.status_code != 200:
                raise RuntimeError(f"staff login as {self.staff_email} failed: HTTP {r.status_code} {r.text[:200]}")
            self._staff_token = str(r.json()["access_token"])
        return {"authorization": f"Bearer {self._staff_token}"}

    def login(self) -> None:
        self._staff_headers()

    def run(self, dialogue: Dialogue) -> DialogueResult:
        result = DialogueResult(id=dialogue.id, language=dialogue.language, tags=list(dialogue.tags),
                                conversation_id="", turns=[])
        r = self.client.post("/api/v1/conversations",
                             json={"tenant": dialogue.tenant, "channel": "web", "customer": {}})
        if r.status_code != 201:
            result.error = f"opening the conversation: HTTP {r.status_code} {r.text[:300]}"
            return result
        opened = r.json()
        result.conversation_id = cid = str(opened["id"])
        headers = {"authorization": f"Bearer {opened['customer_token']}"}
        posted_turns: list[tuple[Turn, dict[str, Any] | None, str]] = []
        for i, turn in enumerate(dialogue.turns):
            body = {"text": turn.say, "client_message_id": f"{dialogue.id}-{i + 1}-{uuid.uuid4().hex[:8]}"}
            p = self.client.post(f"/api/v1/conversations/{cid}/messages", headers=headers, json=body)
            if p.status_code != 201:
                posted_turns.append((turn, None, f"HTTP {p.status_code}: {p.text[:300]}"))
                break
            posted_turns.append((turn, p.json(), ""))
        needs_staff = any(t.expect.keys() & {"reason", "flow", "unchanged"} for t in dialogue.turns)
        detail: dict[str, Any] = {}
        if needs_staff:
            d = self.client.get(f"/api/v1/agent/conversations/{cid}", headers=self._staff_headers())
            if d.status_code != 200:
                result.error = f"reading the conversation as staff: HTTP {d.status_code} {d.text[:300]}"
            else:
                detail = d.json()
        for i, (turn, posted, error) in enumerate(posted_turns):
            nxt = posted_turns[i + 1][1] if i + 1 < len(posted_turns) else None
            end_seq = int((nxt or {}).get("message", {}).get("seq") or 10**9) - 1
            replies = (posted or {}).get("replies") or []
            tr = TurnResult(
                index=i + 1, say=turn.say, status=str((posted or {}).get("status") or ""), error=error,
                replies=[{"author": rep.get("author"), "text": rep.get("text") or "",
                          "sources": [s.get("article_key") for s in rep.get("sources") or [] if isinstance(s, dict)],
                          "language": self.identify(rep.get("text") or "")} for rep in replies],
            )
            if posted is not None and not result.error:
                tr.checks = check_turn(turn, turn.say, posted, detail, end_seq, self.identify)
            result.turns.append(tr)
        for turn in dialogue.turns[len(posted_turns):]:
            result.turns.append(TurnResult(index=len(result.turns) + 1, say=turn.say, status="", replies=[],
                                           error="not sent: an earlier turn failed"))
        return result

    def run_all(self, dialogues: Iterable[Dialogue],
                progress: Callable[[DialogueResult], None] | None = None) -> list[DialogueResult]:
        results = []
        for d in dialogues:
            try:
                res = self.run(d)
            except httpx.HTTPError as exc:
                res = DialogueResult(id=d.id, language=d.language, tags=list(d.tags), conversation_id="", turns=[],
                                     error=f"{type(exc).__name__}: {exc}")
            results.append(res)
            if progress:
                progress(res)
        return results


# --- the report ------------------------------------------------------------------------------------------


def _row(results: list[DialogueResult]) -> dict[str, Any]:
    turns = [t for r in results for t in r.turns]
    n_ok = sum(1 for t in turns if t.ok)
    d_ok = sum(1 for r in results if r.ok)
    return {"dialogues": len(results), "dialogues_ok": d_ok, "turns": len(turns), "turns_ok": n_ok,
            "turn_accuracy": round(n_ok / len(turns), 4) if turns else 0.0,
            "dialogue_success": round(d_ok / len(results), 4) if results else 0.0}


def summarise(results: list[DialogueResult]) -> dict[str, Any]:
    """The whole run: per language, per tag, failed checks by name, overall, and every dialogue."""
    by_language = {lang: _row([r for r in results if r.language == lang]) for lang in LANGUAGES
                   if any(r.language == lang for r in results)}
    tags = sorted({t for r in results for t in r.tags})
    by_tag = {tag: _row([r for r in results if tag in r.tags]) for tag in tags}
    failed_checks: dict[str, int] = {}
    for r in results:
        for t in r.turns:
            for c in t.checks:
                if not c.ok:
                    failed_checks[c.name] = failed_checks.get(c.name, 0) + 1
            if t.error:
                failed_checks["error"] = failed_checks.get("error", 0) + 1
        if r.error:
            failed_checks["error"] = failed_checks.get("error", 0) + 1
    return {
        "overall": _row(results),
        "by_language": by_language,
        "by_tag": by_tag,
        "failed_checks": dict(sorted(failed_checks.items(), key=lambda kv: -kv[1])),
        "dialogues": [{**asdict(r), "ok": r.ok, "turns": [{**asdict(t), "ok": t.ok} for t in r.turns]}
                      for r in results],
    }


def _short(value: Any, limit: int = 160) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_failure(d: dict[str, Any]) -> list[str]:
    lines = [f"FAIL {d['id']} [{d['language']}; {', '.join(d['tags'])}] conversation {d['conversation_id']}"]
    if d["error"]:
        lines.append(f"    error: {d['error']}")
    for t in d["turns"]:
        if t["ok"]:
            continue
        lines.append(f"  turn {t['index']}: customer said: {_short(t['say'])}")
        if t["error"]:
            lines.append(f"    error: {t['error']}")
        for c in t["checks"]:
            if not c["ok"]:
                lines.append(f"    x {c['name']}: expected {_short(c['expected'])}, got {_short(c['got'])}")
        lines.append(f"    status after the turn: {t['status'] or '?'}")
        for rep in t["replies"] or []:
            src = f" sources={rep['sources']}" if rep["sources"] else ""
            lines.append(f"    {rep['author']} [{rep['language']}]{src}: {_short(rep['text'], 220)}")
        if not t["replies"] and not t["error"]:
            lines.append("    (no reply)")
        break  # the first failing turn; later turns depend on it
    return lines


def format_table(rows: dict[str, dict[str, Any]], overall: dict[str, Any], head: str) -> list[str]:
    lines = [f"| {head} | dialogues | turns | turn accuracy | dialogue success |", "|---|---|---|---|---|"]
    for name, r in [*rows.items(), ("overall", overall)]:
        lines.append(f"| {name} | {r['dialogues']} | {r['turns']} | {100 * r['turn_accuracy']:.1f} % "
                     f"({r['turns_ok']}) | {100 * r['dialogue_success']:.1f} % ({r['dialogues_ok']}) |")
    return lines


def format_report(report: dict[str, Any], failures: bool = True) -> str:
    lines: list[str] = []
    if failures:
        for d in report["dialogues"]:
            if not d["ok"]:
                lines += format_failure(d)
        passed = [d["id"] for d in report["dialogues"] if d["ok"]]
        if passed:
            lines.append(f"PASS {len(passed)} dialogue(s): {', '.join(passed)}")
        lines.append("")
    lines += format_table(report["by_language"], report["overall"], "language")
    lines.append("")
    lines += format_table(report["by_tag"], report["overall"], "kind (tag)")
    if report["failed_checks"]:
        lines.append("")
        lines.append("failed checks: " + ", ".join(f"{k} {v}" for k, v in report["failed_checks"].items()))
    return "\n".join(lines)
