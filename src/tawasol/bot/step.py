"""The virtual agent as a pipeline step: small talk, flows, grounded answers with sources, honest handoff."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tawasol.bot.decision import BotSettings, Decision, Reading, decide
from tawasol.bot.flows import ActionFailed, Flow, run_action
from tawasol.bot.language import guess_language
from tawasol.bot.llm import GroundedLLM, LLMConfig
from tawasol.bot.messages import pick, say
from tawasol.bot.retrieval import Hit, KnowledgeIndex
from tawasol.bot.state import load_state
from tawasol.domain.model import Article, DecisionRecord
from tawasol.domain.pipeline import Escalation, MessageContext, Reply

VERSION = "bot-1.0"
IndexProvider = Callable[[str], KnowledgeIndex]
FlowProvider = Callable[[Any], list[Flow]]

_YES = re.compile(r"^\W*(oui|ouais|yes|yep|yeah|si|sí|ok|okay|parfait|merci|نعم|أجل|ايه|إيه|واه|اه|آه|ih|iyeh|eh|wah|ah|"
                  r"safi|mzyan|مزيان|صافي|تمام|tamam|شكرا|chokran|thanks?)\b", re.IGNORECASE)
_NO = re.compile(r"^\W*(non|no|nope|pas vraiment|لا|لالا|la+|walo|والو|ما حلش|ma 7alch|makhdamch)\b", re.IGNORECASE)
_CANCEL = re.compile(r"\b(annuler|annule|cancel|stop|laisse tomber|إلغاء|الغاء|بلاش|balach|blach|ncancel|safi baraka)\b",
                     re.IGNORECASE)
_GREETING = re.compile(r"^\W*(bonjour|bonsoir|salut|hello|hi|hey|hola|salam|slm|ahlan|السلام|سلام|مرحبا|أهلا)",
                       re.IGNORECASE)
_SMALL_TALK = {"greeting": "greeting", "thanks": "thanks"}


class BotStep:
    """PipelineStep "bot"; the knowledge index and flows come from providers, never from the database."""

    name = "bot"

    def __init__(self, index_provider: IndexProvider, flow_provider: FlowProvider | None = None,
                 llm_factory: Callable[[LLMConfig], GroundedLLM] = GroundedLLM) -> None:
        self.index_provider = index_provider
        self.flow_provider = flow_provider or (lambda tenant: [])
        self.llm_factory = llm_factory

    # -- the turn -------------------------------------------------------------------------------------
    def process(self, ctx: MessageContext) -> MessageContext:
        turn = _Turn(self, ctx)
        turn.run()
        return ctx


class _Turn:
    """One customer message: decides what the bot says and records why."""

    def __init__(self, step: BotStep, ctx: MessageContext) -> None:
        self.step, self.ctx = step, ctx
        self.settings = BotSettings.from_tenant(ctx.tenant.settings)
        self.state = load_state(ctx.history)
        self.text = ctx.text.strip()
        self.language = self._language()
        self.state["language"] = self.language
        self.index = step.index_provider(ctx.tenant.id)
        intent = ctx.analysis.intent
        self.intent = intent.label if intent else None
        self.intent_conf = intent.confidence if intent else 0.0
        self.out_of_scope = bool(intent and intent.out_of_scope)

    def _language(self) -> str:
        # Short replies ("123", "ok", a city) say little about the language: keep the conversation's.
        previous = self.state.get("language") or self.ctx.conversation.language
        lang = self.ctx.analysis.language
        if lang and lang.label not in ("", "und") and lang.confidence >= 0.5 and len(self.text) > 12:
            return lang.label
        if previous and len(re.findall(r"[^\W\d_]{2,}", self.text)) < 3:
            return previous
        if lang and lang.label not in ("", "und") and lang.confidence >= 0.5:
            return lang.label
        return guess_language(self.text) if self.text else (previous or "fr")

    def run(self) -> None:
        if self._wants_human():
            return self._handoff("customer_asked_for_human", "the customer asked for a person")
        if self.state["flow"]:
            return self._continue_flow()
        if self.state["feedback"]:
            self.state["feedback"], article_key = None, self.state["feedback"]["article_key"]
            if _YES.search(self.text) and len(self.text) < 40:
                self.state["resolutions"]["confirmed"] += 1
                return self._say(say("resolved", self.language), "bot_answer", "resolution_confirmed",
                                 [{"article_key": article_key}])
            if _NO.search(self.text) and len(self.text) < 40:
                self.state["resolutions"]["failed"] += 1
                return self._handoff("answer_did_not_help", f"the customer said {article_key} did not help")
            self.state["resolutions"]["assumed"] += 1  # they moved on: the previous answer is assumed to have worked
        if self.state["offer_pending"]:
            self.state["offer_pending"] = False
            if _YES.search(self.text) and len(self.text) < 40:
                return self._handoff("customer_accepted_offer", "the customer accepted the offer of an advisor")
        if self._small_talk():
            return
        flow = self._triggered_flow()
        if flow is not None:
            return self._start_flow(flow)
        self._answer()

    # -- decisions ------------------------------------------------------------------------------------
    def _wants_human(self) -> bool:
        if self.intent == "human_agent" and self.intent_conf >= self.settings.intent_confidence:
            return True
        tokens = set(self.index.tokenizer.tokens(self.text))
        return "#human" in tokens and len(self.text.split()) <= 8

    def _small_talk(self) -> bool:
        label = _SMALL_TALK.get(self.intent or "")
        words = self.index.tokenizer.words(self.text)
        if label is None and _GREETING.search(self.text) and all("#greeting" in w.tokens for w in words):
            label = "greeting"
        if label is None and not words and _YES.search(self.text):
            label = "thanks"
        if label is None or (label and len(words) > 2 and self.intent_conf < self.settings.intent_confidence):
            return False
        self._say(say(label, self.language), "bot_answer", f"small_talk:{label}", [])
        return True

    def _triggered_flow(self) -> Flow | None:
        tokens = set(self.index.tokenizer.tokens(self.text))
        for flow in self.step.flow_provider(self.ctx.tenant):
            if flow.triggered_by(tokens):
                return flow
        return None

    # -- flows ----------------------------------------------------------------------------------------
    def _flows_by_id(self) -> dict[str, Flow]:
        return {f.id: f for f in self.step.flow_provider(self.ctx.tenant)}

    def _start_flow(self, flow: Flow) -> None:
        self.state["flow"] = {"id": flow.id, "slots": {}, "awaiting": None, "attempts": 0}
        for slot in flow.slots:  # the first message may already carry some values
            value = slot.extract(self.text, self.index.tokenizer)
            if value is not None:
                self.state["flow"]["slots"][slot.name] = value
        self._advance(flow, started=True)

    def _continue_flow(self) -> None:
        fs = self.state["flow"]
        flow = self._flows_by_id().get(fs["id"])
        if flow is None or _CANCEL.search(self.text):
            self.state["flow"] = None
            return self._say(say("flow_cancelled", self.language), "bot_flow", "flow_cancelled", [{"flow": fs["id"]}])
        slot = next((s for s in flow.slots if s.name == fs["awaiting"]), None)
        if slot is not None:
            value = slot.extract(self.text, self.index.tokenizer)
            if value is None:
                fs["attempts"] += 1
                if fs["attempts"] >= 3:
                    self.state["flow"] = None
                    return self._handoff("flow_slot_invalid", f"{flow.id}: no valid {slot.name} after 3 tries")
                return self._say(pick(slot.invalid, self.language), "bot_flow", "slot_invalid",
                                 [{"flow": flow.id, "slot": slot.name}])
            fs["slots"][slot.name], fs["attempts"] = value, 0
        self._advance(flow)

    def _advance(self, flow: Flow, started: bool = False) -> None:
        fs = self.state["flow"]
        missing = next((s for s in flow.slots if s.name not in fs["slots"]), None)
        if missing is not None:
            fs["awaiting"] = missing.name
            return self._say(pick(missing.prompt, self.language), "bot_flow",
                             "flow_started" if started else "slot_requested", [{"flow": flow.id, "slot": missing.name}])
        self.state["flow"] = None
        try:
            result = run_action(flow.action, self.settings.backend_url, fs["slots"])
        except ActionFailed as exc:
            return self._handoff("action_failed", f"{flow.id}: {exc}", message=say("action_failed", self.language))
        values = {**fs["slots"], **{k: v for k, v in result.items() if isinstance(v, (str, int, float, bool))}}
        text = pick(flow.reply_for(result), self.language).format_map(_Missing(values))
        self._say(text, "bot_flow", "flow_completed", [{"flow": flow.id, "result_keys": sorted(result)}])

    # -- answers --------------------------------------------------------------------------------------
    def _answer(self) -> None:
        decision = decide(self.index, self.text, Reading.of(self.ctx.analysis.intent, self.language), self.settings)
        hits, best = decision.hits, decision.best
        if not decision.answer or best is None:
            return self._miss(hits, decision=decision)
        article, exact = self.index.variant(best.article_key, self.language)
        text = self._compose(article, exact, best)
        if text is None:  # the LLM judged the passages do not answer the question
            return self._miss(hits, reason="llm_refused")
        self.state["misses"] = 0
        self.state["feedback"] = {"article_key": best.article_key}
        source = {"article_key": article.article_key, "title": article.title, "language": article.language,
                  "url": article.url}
        self._say(text, "bot_answer", "answered", _reasons(hits, decision), sources=[source],
                  confidence=decision.probability)

    def _compose(self, article: Article, exact: bool, hit: Hit) -> str | None:
        answer = _first_paragraph(article.body, self.settings.answer_chars)
        cfg = self.settings.llm
        if cfg is not None and self.state["llm_calls"] < cfg.max_calls_per_conversation:
            self.state["llm_calls"] += 1
            result = self.step.llm_factory(cfg).answer(self.text, [article], self.language)
            if result.refused:
                return None
            if result.text:
                answer = result.text
        parts = [answer]
        if not exact:
            parts.insert(0, say("other_language", self.language))
        parts.append(say("source", self.language, title=article.title) + (f" — {article.url}" if article.url else ""))
        parts.append(say("ask_feedback", self.language))
        return "\n\n".join(parts)

    def _miss(self, hits: list[Hit], reason: str | None = None, decision: Decision | None = None) -> None:
        self.state["misses"] += 1
        reason = reason or (decision.reason if decision else "low_confidence")
        if self.state["misses"] >= self.settings.max_misses:
            return self._handoff(reason, f"{self.state['misses']} questions in a row without a confident answer",
                                 hits=hits)
        self.state["offer_pending"] = True
        self._say(say("not_sure", self.language), "bot_answer", "not_confident",
                  _reasons(hits, decision) + [{"code": reason}])

    # -- output ---------------------------------------------------------------------------------------
    def _handoff(self, code: str, detail: str, message: str | None = None, hits: list[Hit] | None = None) -> None:
        self.state.update(flow=None, misses=0, offer_pending=False, feedback=None)
        reasons = [{"code": code, "detail": detail, "source": "bot"}]
        self.ctx.escalation = Escalation(reasons=reasons, skills=[self.intent] if self.intent else [])
        self._say(message or say("handoff", self.language), "bot_handoff", code, reasons + _reasons(hits or []))

    def _say(self, text: str, kind: str, outcome: str, reasons: list[dict[str, Any]],
             sources: list[dict[str, Any]] | None = None, confidence: float | None = None) -> None:
        extra = {"bot_state": self.state, "kind": kind, "outcome": outcome, "language": self.language}
        if confidence is not None:
            extra["confidence"] = confidence
        self.ctx.replies.append(Reply(text=text, sources=sources or [], extra=extra))
        self.ctx.decisions.append(DecisionRecord(
            tenant_id=self.ctx.tenant.id, kind=kind, outcome=outcome, model="tawasol.bot",
            model_version=f"{VERSION}/{self.index.version}" if self.index.version else VERSION,
            conversation_id=self.ctx.conversation.id, message_id=self.ctx.message.id,
            inputs={"text": self.ctx.text, "language": self.language, "intent": self.intent,
                    "intent_confidence": self.intent_conf},
            reasons=reasons,
        ))


class _Missing(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"


def _reasons(hits: list[Hit], decision: Decision | None = None) -> list[dict[str, Any]]:
    reasons: list[dict[str, Any]] = [{"article_key": h.article_key, "score": round(h.score, 3), "confidence": h.confidence}
                                     for h in hits[:3]]
    if decision is not None and reasons:  # why the first article was (or was not) good enough
        reasons[0].update(answer_probability=decision.probability, features=decision.features)
    return reasons


def _first_paragraph(body: str, limit: int) -> str:
    """The article's opening paragraph, cut at a sentence end near `limit` characters."""
    para = body.strip().split("\n\n")[0].strip()
    if len(para) <= limit:
        return para
    cut = max(para.rfind(p, 0, limit) for p in (". ", "؛ ", "; ", "! ", "? ", "。"))
    return para[: cut + 1] if cut > limit // 3 else para[:limit].rsplit(" ", 1)[0] + "…"
