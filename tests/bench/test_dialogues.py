"""The dialogue benchmark: file validation, each check right and wrong, and a replay through the real API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tawasol.bench.dialogues import (
    DialogueFileError,
    DialogueRunner,
    Turn,
    check_turn,
    load_dialogues,
    summarise,
)

GOOD = {"id": "d1", "tenant": "atlas-telecom", "language": "fr", "tags": ["routine"],
        "turns": [{"say": "Comment payer ma facture ?", "expect": {"article": "bill-pay", "reply_language": "fr"}}]}


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_valid_file_loads(tmp_path: Path) -> None:
    [d] = load_dialogues(_write(tmp_path, json.dumps(GOOD)))
    assert d.id == "d1" and d.language == "fr" and d.turns[0].expect["article"] == "bill-pay"


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["turns"][0]["expect"].update(artcle="x"), "unknown expect key"),
    (lambda d: d.pop("tenant"), "missing field"),
    (lambda d: d.update(colour="red"), "unknown key"),
    (lambda d: d["turns"][0]["expect"].update(reply_language="de"), "reply_language"),
    (lambda d: d["turns"][0]["expect"].update(status="sleeping"), "status"),
    (lambda d: d["turns"][0]["expect"].update(unchanged=False), "unchanged"),
    (lambda d: d.update(turns=[]), "turns"),
])
def test_invalid_dialogues_name_the_line(tmp_path: Path, mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    bad = json.loads(json.dumps(GOOD))
    mutate(bad)
    path = _write(tmp_path, json.dumps({**GOOD, "id": "ok"}), json.dumps(bad))
    with pytest.raises(DialogueFileError) as exc:
        load_dialogues(path)
    assert ":2" in str(exc.value) and message in str(exc.value)


def test_bad_json_and_duplicate_ids_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DialogueFileError, match="invalid JSON"):
        load_dialogues(_write(tmp_path, "{not json"))
    with pytest.raises(DialogueFileError, match="duplicate dialogue id"):
        load_dialogues(_write(tmp_path, json.dumps(GOOD), json.dumps(GOOD)))


def _posted(text: str, sources: list[str], status: str = "bot") -> dict:  # type: ignore[type-arg]
    return {"message": {"id": "m1", "seq": 2}, "status": status,
            "replies": [{"author": "bot", "text": text, "sources": [{"article_key": k} for k in sources]}]}


def _detail(stored: str, flow: str | None = None, decisions: list | None = None) -> dict:  # type: ignore[type-arg]
    state = {"flow": {"id": flow} if flow else None}
    return {"messages": [{"id": "m1", "seq": 2, "text": stored, "analysis": {}},
                         {"id": "r1", "seq": 3, "text": "...", "analysis": {"bot_state": state}}],
            "decisions": decisions or []}


def _results(expect: dict, typed: str, posted: dict, detail: dict) -> dict[str, bool]:  # type: ignore[type-arg]
    checks = check_turn(Turn(say=typed, expect=expect), typed, posted, detail, 10, lambda t: "es" if "¿" in t else "fr")
    return {c.name: c.ok for c in checks}


def test_each_check_passes_and_fails() -> None:
    typed = "J'ai perdu ma carte SIM"
    expect = {"article": "sim-lost-stolen", "reply_language": "fr", "status": "bot", "flow": "report_outage",
              "unchanged": True, "not_contains": "annulé",
              "reason": "customer_asked_for_human"}
    decisions = [{"message_id": "m1", "kind": "bot_handoff", "outcome": "customer_asked_for_human", "reasons": []}]
    good = _results(expect, typed, _posted("Bloquez votre ligne.", ["sim-lost-stolen"]),
                    _detail(typed, "report_outage", decisions))
    assert good == {k: True for k in good} and len(good) == 7
    bad = _results(expect, typed, _posted("¿Ha sido annulé?", ["bill-pay"], status="queued"),
                   _detail("J'ai perdu ma carte [PERSON_1]", None, []))
    assert bad == {k: False for k in bad} and len(bad) == 7


def test_a_dialogue_replays_through_the_real_api(client, platform) -> None:  # type: ignore[no-untyped-def]
    from tawasol.demo.seed import AGENTS, DEMO_PASSWORD, seed_demo

    seed_demo(platform.uow, platform.contacts)
    supervisor = next(a[0] for a in AGENTS if a[2] == "supervisor")
    [dialogue] = load_dialogues_from([{
        "id": "live", "tenant": "atlas-telecom", "language": "fr", "tags": ["routine"],
        "turns": [{"say": "Comment consulter mon solde ?", "expect": {"reply_language": "fr", "unchanged": True}},
                  {"say": "Je veux parler à un conseiller", "expect": {"status": ["queued", "assigned"]}}]}])
    runner = DialogueRunner("", supervisor, DEMO_PASSWORD, client=client)
    [result] = runner.run_all([dialogue])
    assert result.conversation_id and len(result.turns) == 2
    assert all(t.replies for t in result.turns)
    report = summarise([result])
    assert report["overall"]["dialogues"] == 1


def load_dialogues_from(items: list[dict]) -> list:  # type: ignore[type-arg]
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return load_dialogues(_write(Path(tmp), *(json.dumps(i, ensure_ascii=False) for i in items)))
