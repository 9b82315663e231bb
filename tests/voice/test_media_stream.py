"""Calls through the telephony media-stream WebSocket: the caller's speech reaches the bot, the answer is spoken
back, barge-in, DTMF, a silent caller, a hang-up mid-answer, a language without a model, voice not installed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import text
from starlette.websockets import WebSocketDisconnect

from tawasol.service import calls
from tawasol.service import conversations as conv_svc
from tawasol.service.call_session import silence, telephone_frames
from tawasol.voice import VoiceUnavailable
from tawasol.voice.audio import read_wav
from tests import factories
from tests.voice.conftest import AUDIO


@pytest.fixture
def voice_client(client: Any, speech_model_dir: Path) -> Any:
    """The app's client once the speech model is in place (skips with the install command otherwise)."""
    return client


def _speech(name: str) -> np.ndarray:
    samples, _ = read_wav(AUDIO / name)
    return samples


def _start(ws: Any, language: str | None = "fr", sid: str = "MZ00000000000000000000000000000001") -> None:
    params = {"language": language} if language else {}
    ws.send_json({"event": "connected", "protocol": "Call", "version": "1.0.0"})
    ws.send_json(
        {
            "event": "start",
            "sequenceNumber": "1",
            "streamSid": sid,
            "start": {
                "streamSid": sid,
                "callSid": "CA1",
                "tracks": ["inbound"],
                "customParameters": params,
                "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
            },
        }
    )


def _say(ws: Any, samples: np.ndarray, then_silence: float = 1.2) -> None:
    for i, payload in enumerate(telephone_frames(np.concatenate([samples, silence(then_silence)]))):
        ws.send_json(
            {
                "event": "media",
                "sequenceNumber": str(i + 2),
                "streamSid": "MZ",
                "media": {"track": "inbound", "chunk": str(i + 1), "payload": payload},
            }
        )


def _until_mark(ws: Any, echo: bool = True) -> tuple[int, list[str]]:
    """Read an answer: (mu-law bytes received, other events) up to its mark, echoed back as a provider does."""
    received, others = 0, []
    while True:
        frame = ws.receive_json()
        if frame["event"] == "media":
            import base64

            received += len(base64.b64decode(frame["media"]["payload"]))
        elif frame["event"] == "mark":
            if echo:
                ws.send_json({"event": "mark", "streamSid": frame["streamSid"], "mark": frame["mark"]})
            return received, others
        else:
            others.append(frame["event"])


def _call_messages(platform: Any, slug: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    with platform.engine.connect() as conn:
        tenant_id = conn.execute(text("SELECT id FROM tenants WHERE slug = :s"), {"s": slug}).scalar_one()
        conv_id = conn.execute(
            text("SELECT id FROM conversations WHERE tenant_id = :t AND channel = 'voice'"), {"t": tenant_id}
        ).scalar_one()
    data = conv_svc.list_messages(platform.uow(readonly=True), [tenant_id], conv_id, staff=True)
    return data["conversation"], data["data"]


def test_a_french_call_reaches_the_bot_and_hears_its_answer(voice_client: Any, platform: Any) -> None:
    t = factories.tenant(platform)
    with voice_client.websocket_connect(f"/api/v1/voice/stream?tenant={t.slug}") as ws:
        _start(ws, "fr")
        greeting, _ = _until_mark(ws)
        assert greeting > 8000  # more than a second of the spoken disclosure
        _say(ws, _speech("fr-facture.wav"))
        answer, _ = _until_mark(ws)
        assert answer > 4000
        ws.send_json({"event": "stop", "streamSid": "MZ", "stop": {"callSid": "CA1"}})
    conversation, messages = _call_messages(platform, t.slug)
    assert conversation["channel"] == "voice" and conversation["language"] == "fr"
    said = [m for m in messages if m["author"] == "customer"]
    assert len(said) == 1 and "facture" in said[0]["text"].lower()
    assert said[0]["client_message_id"].startswith("call:MZ")
    assert said[0]["analysis"]["language"]["label"] == "fr"
    assert any(m["author"] == "bot" for m in messages)
    assert messages[0]["author"] == "system" and "assistant virtuel" in messages[0]["text"]


def test_asking_for_a_person_queues_the_call_and_the_agent_s_reply_is_spoken(voice_client: Any, platform: Any) -> None:
    t = factories.tenant(platform)
    agent = factories.login(voice_client, factories.user(platform, [t.slug], languages=["es"])["email"])
    with voice_client.websocket_connect(f"/api/v1/voice/stream?tenant={t.slug}") as ws:
        _start(ws, "es")
        _until_mark(ws)
        _say(ws, _speech("es-agente.wav"))
        assert _until_mark(ws)[0] > 0  # the handoff notice is spoken
        conversation, _ = _call_messages(platform, t.slug)
        assert conversation["status"] == "queued"
        conv_id = conversation["id"]
        assert voice_client.post(f"/api/v1/agent/conversations/{conv_id}/claim", headers=agent).status_code == 200
        r = voice_client.post(
            f"/api/v1/agent/conversations/{conv_id}/messages",
            headers=agent,
            json={"text": "Hola, soy Sara. ¿En qué puedo ayudarle?"},
        )
        assert r.status_code in (200, 201), r.text
        assert _until_mark(ws)[0] > 8000  # the agent's words, spoken to the caller
        ws.send_json({"event": "stop", "streamSid": "MZ"})
    conversation, messages = _call_messages(platform, t.slug)
    assert conversation["status"] == "assigned"
    assert "persona" in next(m for m in messages if m["author"] == "customer")["text"].lower()


def test_speaking_over_the_answer_clears_it(voice_client: Any, platform: Any) -> None:
    t = factories.tenant(platform)
    with voice_client.websocket_connect(f"/api/v1/voice/stream?tenant={t.slug}") as ws:
        _start(ws, "en")
        first = ws.receive_json()
        assert first["event"] == "media"  # the disclosure has started
        _say(ws, _speech("en-bill.wav"))
        events = []
        while "clear" not in events:
            events.append(ws.receive_json()["event"])
        assert "mark" not in events  # the disclosure was cut before its end
        _until_mark(ws)  # then the answer to the question
        ws.send_json({"event": "stop", "streamSid": "MZ"})
    _, messages = _call_messages(platform, t.slug)
    assert "bill" in next(m for m in messages if m["author"] == "customer")["text"].lower()


def test_keyed_digits_ending_with_hash_are_one_message(voice_client: Any, platform: Any) -> None:
    t = factories.tenant(platform)
    with voice_client.websocket_connect(f"/api/v1/voice/stream?tenant={t.slug}") as ws:
        _start(ws, "fr")
        _until_mark(ws)
        for digit in "9*1234#":  # '*' starts again
            ws.send_json({"event": "dtmf", "streamSid": "MZ", "dtmf": {"track": "inbound_track", "digit": digit}})
        _until_mark(ws)
        ws.send_json({"event": "dtmf", "streamSid": "MZ", "dtmf": {"digit": "x"}})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
    assert closed.value.code == 4400 and "dtmf.digit" in closed.value.reason
    _, messages = _call_messages(platform, t.slug)
    assert [m["text"] for m in messages if m["author"] == "customer"] == ["1234"]


def test_a_silent_caller_creates_no_message(voice_client: Any, platform: Any) -> None:
    t = factories.tenant(platform)
    rng = np.random.default_rng(1)
    with voice_client.websocket_connect(f"/api/v1/voice/stream?tenant={t.slug}") as ws:
        _start(ws, "fr")
        _until_mark(ws)
        _say(ws, (0.002 * rng.standard_normal(16000 * 4)).astype(np.float32), then_silence=2.0)
        ws.send_json({"event": "stop", "streamSid": "MZ"})
        with pytest.raises(WebSocketDisconnect) as closed:
            while True:
                assert ws.receive_json()["event"] != "media"
    assert closed.value.code == 1000
    _, messages = _call_messages(platform, t.slug)
    assert [m["author"] for m in messages] == ["system"]


def test_hanging_up_mid_answer_stops_it_and_keeps_the_call(voice_client: Any, platform: Any) -> None:
    t = factories.tenant(platform)
    with voice_client.websocket_connect(f"/api/v1/voice/stream?tenant={t.slug}") as ws:
        _start(ws, "en")
        _until_mark(ws)
        _say(ws, _speech("en-internet.wav"))
        assert ws.receive_json()["event"] == "media"  # the answer has started
        ws.send_json({"event": "stop", "streamSid": "MZ"})
        with pytest.raises(WebSocketDisconnect) as closed:
            while True:
                assert ws.receive_json()["event"] in ("media", "mark")
    assert closed.value.code == 1000
    _, messages = _call_messages(platform, t.slug)
    assert [m["author"] for m in messages][:2] == ["system", "customer"]
    assert "internet" in messages[1]["text"].lower()


def test_a_language_without_a_speech_model_is_refused_by_name(voice_client: Any, platform: Any) -> None:
    t = factories.tenant(platform)
    with voice_client.websocket_connect(f"/api/v1/voice/stream?tenant={t.slug}") as ws:
        _start(ws, "de")
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
    assert closed.value.code == 4415 and "no speech model for language 'de'" in closed.value.reason
    with platform.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM conversations")).scalar_one() == 0


def test_unknown_tenant_and_malformed_frames_close_with_the_reason(voice_client: Any, platform: Any) -> None:
    with voice_client.websocket_connect("/api/v1/voice/stream?tenant=nope") as ws:
        _start(ws, "fr")
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
    assert closed.value.code == 4404
    with voice_client.websocket_connect("/api/v1/voice/stream?tenant=nope") as ws:
        ws.send_text(json.dumps({"event": "media", "media": {"payload": "AAAA"}}))
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
    assert closed.value.code == 4400 and "expected start" in closed.value.reason
    t = factories.tenant(platform)
    with voice_client.websocket_connect(f"/api/v1/voice/stream?tenant={t.slug}") as ws:
        _start(ws, "fr")
        ws.send_json({"event": "media", "media": {"payload": "not base64!"}})
        with pytest.raises(WebSocketDisconnect) as closed:
            while True:
                ws.receive_json()
    assert closed.value.code == 4400 and "media.payload" in closed.value.reason


def test_voice_not_installed_answers_503_with_the_install_command(
    client: Any, platform: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(_: Any) -> Any:
        raise VoiceUnavailable("speech recognition is not installed: pip install -e '.[voice]'")

    monkeypatch.setattr(calls, "voice_engine", missing)
    r = client.get("/api/v1/voice/status")
    assert r.status_code == 503 and ".[voice]" in r.json()["detail"]
    with client.websocket_connect("/api/v1/voice/stream?tenant=x") as ws, pytest.raises(WebSocketDisconnect) as closed:
        ws.receive_json()
    assert closed.value.code == 4503 and ".[voice]" in closed.value.reason
    assert client.post("/api/v1/conversations", json={"tenant": "x"}).status_code == 404  # chat still answers


def test_status_names_the_model_and_its_languages(voice_client: Any) -> None:
    r = voice_client.get("/api/v1/voice/status")
    assert r.status_code == 200
    assert r.json()["model"] == "whisper-base" and {"fr", "ar", "ary", "en", "es"} <= set(r.json()["languages"])


def test_calls_from_one_address_are_rate_limited_as_new_conversations(
    client: Any, platform: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(calls, "voice_engine", lambda _: pytest.fail("a refused call loads no model"))
    limit = platform.settings.conversations_per_minute
    for _ in range(limit):
        assert client.post("/api/v1/conversations", json={"tenant": "nope"}).status_code == 404
    with (
        client.websocket_connect("/api/v1/voice/stream?tenant=nope") as ws,
        pytest.raises(WebSocketDisconnect) as closed,
    ):
        ws.receive_json()
    assert closed.value.code == 4429 and "too many calls" in closed.value.reason
