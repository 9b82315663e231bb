"""Handlers of the voice channel: a call opens a conversation, each finished utterance is a customer message.

A call is a conversation of channel `voice`. What the caller says is transcribed (voice package) and goes
through the same handler as a typed message (`conversations.customer_said`): redaction, understanding, the
bot's answer or the handoff, decision records, events. Only the disclosure differs: it is spoken.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tawasol.config import Settings
from tawasol.domain.errors import NotFound
from tawasol.domain.model import Conversation
from tawasol.service import conversations
from tawasol.service.commands import CustomerDetails, CustomerSaid, OpenConversation
from tawasol.service.contacts import ContactBook
from tawasol.service.conversations import CustomerSaidResult
from tawasol.service.pipeline import Pipeline
from tawasol.service.privacy import RawTextSealer
from tawasol.store.uow import UnitOfWork
from tawasol.voice.models import VoiceUnavailable, locate
from tawasol.voice.prompts import spoken_disclosure
from tawasol.voice.stt import SpeechRecognizer
from tawasol.voice.tts import INSTALL_HINT as TTS_HINT
from tawasol.voice.tts import SynthesisUnavailable, Synthesizer

VOICE_CHANNEL = "voice"


@dataclass(frozen=True)
class StartCall:
    tenant_slug: str
    stream_sid: str
    language: str | None = None  # given by the provider (customParameters.language), else identified
    caller: str | None = None  # the caller's number, stored only sealed


@dataclass(frozen=True)
class CallOpened:
    conversation_id: str
    tenant_id: str
    stream_sid: str
    language: str  # of the disclosure spoken first
    greeting: list[str]


def voice_greeter(tenant: Any, conversation: Conversation) -> list[str]:
    """The disclosure of a call, in the call's language (else the tenant's default)."""
    language = conversation.language or (tenant.settings or {}).get("default_language")
    return [spoken_disclosure(language)[1]]


def start_call(
    cmd: StartCall, uow: UnitOfWork, token_ttl_hours: int, contacts: ContactBook | None = None
) -> CallOpened:
    """Open the call's conversation (channel voice) with its spoken disclosure stored as the first message."""
    opened = conversations.open_conversation(
        OpenConversation(
            tenant_slug=cmd.tenant_slug,
            channel=VOICE_CHANNEL,
            language=cmd.language,
            customer=CustomerDetails(phone=cmd.caller, preferred_language=cmd.language),
        ),
        uow,
        token_ttl_hours,
        voice_greeter,
        contacts,
    )
    with uow:
        tenant = uow.tenants.by_slug(cmd.tenant_slug)
        if tenant is None:
            raise NotFound("tenant not found")
        language = spoken_disclosure(cmd.language or (tenant.settings or {}).get("default_language"))[0]
    return CallOpened(
        conversation_id=opened.id,
        tenant_id=tenant.id,
        stream_sid=cmd.stream_sid,
        language=language,
        greeting=[str(m["text"]) for m in opened.greeting],
    )


def caller_said(
    call: CallOpened,
    text: str,
    turn_id: str,
    uow: UnitOfWork,
    pipeline: Pipeline,
    max_chars: int,
    sealer: RawTextSealer | None,
) -> CustomerSaidResult:
    """One finished utterance (or keyed digits) as a customer message; `turn_id` makes a retry idempotent."""
    cmd = CustomerSaid(
        conversation_id=call.conversation_id,
        tenant_id=call.tenant_id,
        text=text,
        client_message_id=f"call:{call.stream_sid}:{turn_id}"[:128],
    )
    return conversations.customer_said(cmd, uow, pipeline, max_chars, sealer, voice_greeter)


def call_language(uow: UnitOfWork, call: CallOpened) -> str | None:
    """The conversation's language as understood so far (fr, ar, ary, ary_Latn, en, es), None before."""
    with uow:
        return uow.conversations.require_in(call.tenant_id, call.conversation_id).language


@dataclass
class VoiceEngine:
    recognizer: SpeechRecognizer
    synthesizer: Synthesizer


_engines: dict[tuple[Path | None, Path], VoiceEngine] = {}
_engines_lock = threading.Lock()


def voice_engine(settings: Settings) -> VoiceEngine:
    """The process's speech models (loaded once); VoiceUnavailable naming the install command when missing."""
    key = (settings.voice_model, settings.effective_model_dir)
    with _engines_lock:
        if key not in _engines:
            synthesizer = Synthesizer()
            if not synthesizer.available():
                raise SynthesisUnavailable(f"speech synthesis needs espeak-ng, not found: {TTS_HINT}")
            model = locate(settings.voice_model, settings.effective_model_dir)
            _engines[key] = VoiceEngine(SpeechRecognizer(model), synthesizer)
        return _engines[key]


def voice_status(settings: Settings) -> dict[str, Any]:
    """Whether calls can be answered here, and if not why (the install command)."""
    try:
        engine = voice_engine(settings)
    except VoiceUnavailable as exc:
        return {"available": False, "detail": str(exc)}
    return {
        "available": True,
        "model": engine.recognizer.model.name,
        "languages": sorted(k for k in ("fr", "ar", "ary", "ary_Latn", "en", "es") if _supported(engine, k)),
    }


def _supported(engine: VoiceEngine, language: str) -> bool:
    try:
        engine.recognizer.whisper_language(language)
    except VoiceUnavailable:
        return False
    return True
