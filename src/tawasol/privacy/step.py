"""The pipeline's privacy step (fails closed) and the guard that keeps emotion inference off workers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from tawasol.domain.analysis import Entity
from tawasol.domain.errors import Forbidden
from tawasol.domain.model import Author
from tawasol.domain.pipeline import MessageContext, PipelineStep
from tawasol.privacy.redaction import RedactionSession

PLACEHOLDERS_KEY = "privacy_placeholders"  # in ctx.analysis.extra: the conversation's mapping (digests only)


class RedactionFailed(RuntimeError):
    """Detection or redaction failed: the caller must not store, log or forward the clear text."""


class WorkerEmotionForbidden(Forbidden):
    """Emotion or sentiment inference was asked for a worker's message (EU AI Act, art. 5(1)(f))."""


def assert_customer_author(author: str | Author) -> None:
    """Raise unless the message was written by a customer: only theirs may be scored for emotion."""
    value = author.value if isinstance(author, Author) else str(author)
    if value != Author.CUSTOMER.value:
        raise WorkerEmotionForbidden(f"emotion and sentiment run on customer messages only, not on '{value}'")


def may_infer_emotion(author: str | Author) -> bool:
    try:
        assert_customer_author(author)
    except WorkerEmotionForbidden:
        return False
    return True


class CustomerOnly:
    """Wraps a sentiment/emotion step so that it runs on customers' messages only, and never on workers'."""

    def __init__(self, step: PipelineStep) -> None:
        self.step = step
        self.name = step.name

    def process(self, ctx: MessageContext) -> MessageContext:
        if not may_infer_emotion(ctx.message.author):
            ctx.analysis.sentiment = None
            return ctx
        return self.step.process(ctx)


class PrivacyStep:
    """Redacts the customer's text and records the masked entities in `ctx.analysis.pii`.

    The raw text is `ctx.raw_text` (or `ctx.text` when the caller did not set it); on exit `ctx.raw_text`
    holds it, for the local models to read in memory, and `ctx.text` holds the redaction, the only text
    that may be stored, logged, shown to staff or sent out.

    Entities keep their offsets into the raw text but carry the placeholder instead of the value, so
    the analysis can be stored as it is. The conversation's mapping is read from and written back to
    `ctx.analysis.extra[PLACEHOLDERS_KEY]` unless `load_session` is given. Any failure raises
    `RedactionFailed` after blanking `ctx.text`: clear text never leaves this step unredacted.
    """

    name = "privacy"

    def __init__(self, load_session: Callable[[MessageContext], RedactionSession] | None = None,
                 secret: bytes | None = None) -> None:
        self.load_session = load_session
        self.secret = secret

    def process(self, ctx: MessageContext) -> MessageContext:
        raw = ctx.raw_text or ctx.text
        ctx.raw_text = raw
        try:
            if self.load_session is not None:
                session = self.load_session(ctx)
            else:
                session = RedactionSession(ctx.analysis.extra.get(PLACEHOLDERS_KEY), self.secret)
            result = session.redact(raw)
        except Exception as exc:  # noqa: BLE001 - any failure must stop the clear text
            ctx.text = ctx.raw_text = ""
            ctx.stop = True
            # Only the exception's class: its message may quote the clear text.
            raise RedactionFailed(f"PII redaction failed ({type(exc).__name__}); clear text refused") from None
        ctx.text = result.text
        ctx.analysis.pii = [_masked(e) for e in result.entities]
        ctx.analysis.extra[PLACEHOLDERS_KEY] = result.placeholders
        return ctx


def _masked(entity: Entity) -> Entity:
    return replace(entity, text=str(entity.value), value=entity.value)
