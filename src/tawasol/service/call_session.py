"""One call over a media stream, as a state machine independent of the transport.

Frames in (the common JSON framing of telephony media streams): `connected`, `start` (streamSid,
customParameters), `media` (base64 mu-law 8 kHz), `dtmf`, `mark`, `stop`. Frames out: `media`, `mark` after each
spoken answer, `clear` on barge-in.

What the caller says is cut into turns by the VAD (end of turn on silence), transcribed off the event loop and
posted as a customer message; the replies are spoken back, paced in real time a little ahead of the line so
that a barge-in (the caller speaks, or keys a digit, during an answer) stops the answer at once: the rest is
not sent and `clear` drops what the provider buffered. Keyed digits end with `#` and are posted as a message.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import itertools
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tawasol.domain.errors import InvalidInput
from tawasol.service.calls import CallOpened, StartCall, VoiceEngine
from tawasol.service.conversations import CustomerSaidResult
from tawasol.voice.audio import MODEL_RATE, Samples, from_telephone, resample, to_telephone
from tawasol.voice.stt import SPOKEN
from tawasol.voice.tts import speakable
from tawasol.voice.vad import TurnDetector, TurnOptions

log = logging.getLogger(__name__)
FRAME_BYTES = 160  # 20 ms of 8 kHz mu-law
FRAME_SECONDS = 0.02
MAX_PAYLOAD = 16_000  # bytes of one media frame (2 s); providers send 20 ms
DTMF_KEYS = frozenset("0123456789*#ABCD")


@dataclass
class CallHooks:
    """What the session needs from the platform, each run in a unit of work by the transport."""

    open_call: Callable[[StartCall], Awaitable[CallOpened]]
    say: Callable[[CallOpened, str, str], Awaitable[CustomerSaidResult]]
    language: Callable[[CallOpened], Awaitable[str | None]]


@dataclass
class CallTimings:
    """Measured on each answer: end of the caller's speech -> first byte of the answer sent."""

    first_audio: list[float] = field(default_factory=list)


class CallSession:
    def __init__(
        self,
        tenant_slug: str,
        engine: VoiceEngine,
        hooks: CallHooks,
        send: Callable[[dict[str, Any]], Awaitable[None]],
        turn_options: TurnOptions | None = None,
        lead_seconds: float = 0.2,
    ) -> None:
        self.tenant_slug = tenant_slug
        self.engine = engine
        self.hooks = hooks
        self.send = send
        self.lead_seconds = lead_seconds
        self.call: CallOpened | None = None
        self.language: str | None = None  # the product language once known (given or understood)
        self.turns = TurnDetector(turn_options)
        self.timings = CallTimings()
        self.results: list[CustomerSaidResult] = []
        self._digits = ""
        self._work: asyncio.Queue[tuple[str, Any, float]] = asyncio.Queue()
        self._worker: asyncio.Task[None] | None = None
        self._playback: asyncio.Task[None] | None = None
        self._marks: set[str] = set()
        self._counter = itertools.count(1)
        self._turn_seq = itertools.count(1)
        self.barge_ins = 0
        self._ended = False

    @property
    def stream_sid(self) -> str:
        return self.call.stream_sid if self.call else ""

    @property
    def playing(self) -> bool:
        return (self._playback is not None and not self._playback.done()) or bool(self._marks)

    async def on_event(self, frame: dict[str, Any]) -> bool:
        """Handle one frame; False once the call is over (`stop`)."""
        event = frame.get("event")
        if event == "connected":
            return True
        if event == "start":
            await self._start(frame)
            return True
        if self.call is None:
            raise InvalidInput("event", f"expected start before {event!r}")
        if event == "media":
            await self._media(frame)
        elif event == "dtmf":
            await self._dtmf(frame)
        elif event == "mark":
            self._marks.discard(str((frame.get("mark") or {}).get("name", "")))
        elif event == "stop":
            return False
        else:  # providers add events over time (e.g. `transcription`): not ours to refuse
            log.debug("media stream event %r ignored", event)
        return True

    async def _start(self, frame: dict[str, Any]) -> None:
        if self.call is not None:
            raise InvalidInput("event", "start received twice")
        start = frame.get("start") or {}
        params = start.get("customParameters") or {}
        sid = str(start.get("streamSid") or frame.get("streamSid") or "")
        if not sid or len(sid) > 64:
            raise InvalidInput("start.streamSid", "expected an id of 1 to 64 characters")
        language = params.get("language") or None
        if language is not None:
            self.engine.recognizer.whisper_language(str(language))  # LanguageNotSupported: refused before opening
        fmt = start.get("mediaFormat") or {}
        if fmt and (fmt.get("encoding") not in (None, "audio/x-mulaw") or int(fmt.get("sampleRate", 8000)) != 8000):
            raise InvalidInput("start.mediaFormat", "expected audio/x-mulaw at 8000 Hz")
        caller = params.get("from") or params.get("caller")
        self.call = await self.hooks.open_call(
            StartCall(self.tenant_slug, sid, language and str(language), str(caller) if caller else None)
        )
        self.language = language and str(language)
        self._worker = asyncio.create_task(self._work_loop())
        for text in self.call.greeting:
            await self._work.put(("speak", (text, self.call.language), 0.0))

    async def _media(self, frame: dict[str, Any]) -> None:
        media = frame.get("media") or {}
        if media.get("track") not in (None, "inbound", "inbound_track"):
            return
        try:
            payload = base64.b64decode(str(media.get("payload", "")), validate=True)
        except (binascii.Error, ValueError):
            raise InvalidInput("media.payload", "expected base64 mu-law audio") from None
        if len(payload) > MAX_PAYLOAD:
            raise InvalidInput("media.payload", f"expected at most {MAX_PAYLOAD} bytes a frame")
        events = self.turns.feed(from_telephone(payload))
        if events.started and self.playing:
            await self._barge_in()
        for turn in events.turns:
            await self._work.put(("audio", turn, time.perf_counter()))

    async def _dtmf(self, frame: dict[str, Any]) -> None:
        digit = str((frame.get("dtmf") or {}).get("digit", ""))
        if digit not in DTMF_KEYS:
            raise InvalidInput("dtmf.digit", "expected one of 0-9 * # A-D")
        if self.playing:
            await self._barge_in()
        if digit == "#":
            if self._digits:
                await self._work.put(("text", self._digits, time.perf_counter()))
            self._digits = ""
        elif digit == "*":
            self._digits = ""
        elif len(self._digits) < 32:
            self._digits += digit

    async def _barge_in(self) -> None:
        self.barge_ins += 1
        if self._playback is not None:
            self._playback.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._playback
        self._marks.clear()
        self._drop_pending_speech()
        await self.send({"event": "clear", "streamSid": self.stream_sid})

    def _drop_pending_speech(self) -> None:
        kept = [item for item in self._drain() if item[0] != "speak"]
        for item in kept:
            self._work.put_nowait(item)

    def _drain(self) -> list[tuple[str, Any, float]]:
        items = []
        while not self._work.empty():
            items.append(self._work.get_nowait())
        return items

    async def _work_loop(self) -> None:
        while True:
            kind, value, at = await self._work.get()
            if kind == "end":
                return
            try:
                if kind == "speak":
                    text, language = value
                    await self._speak(text, language, ended_at=at)
                else:
                    await self._answer(kind, value, at)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - one failed turn must not end the call
                log.exception("voice turn failed")

    async def _answer(self, kind: str, value: Any, ended_at: float) -> None:
        assert self.call is not None
        if kind == "audio":
            heard = await asyncio.to_thread(self.engine.recognizer.transcribe, value, self.language)
            text = heard.text.strip()
            if not text:
                return
        else:
            text = str(value)
        result = await self.hooks.say(self.call, text, str(next(self._turn_seq)))
        self.results.append(result)
        self.language = await self.hooks.language(self.call) or self.language
        for reply in result.replies:
            if reply.get("text") and not reply.get("internal"):
                await self._speak(str(reply["text"]), self.language or self.call.language, ended_at=ended_at)
                ended_at = 0.0  # the latency is the first answer's

    async def _speak(self, text: str, language: str, ended_at: float) -> None:
        if self._ended or not speakable(text):
            return
        voice_language = language if language in SPOKEN else self.call.language if self.call else "fr"
        speech = await asyncio.to_thread(self.engine.synthesizer.synthesize, text, voice_language)
        audio = await asyncio.to_thread(to_telephone, speech.samples, speech.rate)
        if self._playback is not None and not self._playback.done():
            await self._playback  # answers play one after another
        self._playback = asyncio.create_task(self._play(audio, f"reply-{next(self._counter)}", ended_at))
        await asyncio.wait([self._playback])

    async def _play(self, audio: bytes, mark: str, ended_at: float) -> None:
        started = time.perf_counter()
        for i in range(0, len(audio), FRAME_BYTES):
            if i == 0 and ended_at:
                self.timings.first_audio.append(time.perf_counter() - ended_at)
            await self.send(
                {
                    "event": "media",
                    "streamSid": self.stream_sid,
                    "media": {"payload": base64.b64encode(audio[i : i + FRAME_BYTES]).decode("ascii")},
                }
            )
            ahead = (i // FRAME_BYTES + 1) * FRAME_SECONDS - (time.perf_counter() - started)
            if ahead > self.lead_seconds:
                await asyncio.sleep(ahead - self.lead_seconds)
        self._marks.add(mark)
        await self.send({"event": "mark", "streamSid": self.stream_sid, "mark": {"name": mark}})

    async def relay(self, text: str) -> None:
        """Speak what a person (the agent who took the call) wrote to the caller, after what is already queued."""
        if self.call is not None and not self._ended:
            await self._work.put(("speak", (text, self.language or self.call.language), 0.0))

    async def idle(self) -> None:
        """Wait until every queued turn has been answered and spoken (tests, benchmarks)."""
        while not self._work.empty() or (self._playback is not None and not self._playback.done()):
            await asyncio.sleep(0.02)

    async def hang_up(self, wait_seconds: float = 120.0) -> None:
        """The call ended (stop or a closed socket): stop speaking; what the caller said and was saying is still
        transcribed and stored as messages, with no answer spoken to no one."""
        self._ended = True
        if self._playback is not None:
            self._playback.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._playback
        self._drop_pending_speech()
        last = self.turns.flush()
        if self._worker is None:
            return
        if last is not None and len(last) > MODEL_RATE // 4:
            await self._work.put(("audio", last, 0.0))
        await self._work.put(("end", None, 0.0))
        try:
            await asyncio.wait_for(self._worker, wait_seconds)
        except TimeoutError:
            log.warning("a call's last words were not stored within %s s", wait_seconds)


def silence(seconds: float) -> Samples:
    return np.zeros(int(seconds * MODEL_RATE), dtype=np.float32)


def telephone_frames(samples: Samples, rate: int = MODEL_RATE) -> list[str]:
    """Audio -> the base64 payloads of 20 ms media frames, as a provider sends them (tests, benchmarks)."""
    line = to_telephone(resample(samples, rate, MODEL_RATE), MODEL_RATE)
    return [base64.b64encode(line[i : i + FRAME_BYTES]).decode("ascii") for i in range(0, len(line), FRAME_BYTES)]
