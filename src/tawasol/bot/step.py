"""The virtual agent as a pipeline step: small talk, flows, grounded answers with sources, honest handoff."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tawasol.bot.choices import Choice, slot_choices, yes_no
from tawasol.bot.decision import BotSettings, Decision, Reading, decide
from tawasol.bot.flow_turn import FlowTurn
from tawasol.bot.flows import Flow
from tawasol.bot.language import darija_marked, guess_language
from tawasol.bot.llm import GroundedLLM, LLMConfig
from tawasol.bot.messages import pick, say
from tawasol.bot.retrieval import Hit, KnowledgeIndex
from tawasol.bot.state import load_state
from tawasol.bot.turn_words import turn_words
from tawasol.domain.model import Article, DecisionRecord
from tawasol.domain.pipeline import Escalation, MessageContext, Reply

VERSION = "bot-1.0"
IndexProvider = Callable[[str], KnowledgeIndex]
FlowProvider = Callable[[Any], list[Flow]]

# Below this confidence in French, English or Spanish, a Darija-only word makes the message Arabizi.
DARIJA_OVERRIDE = 0.75
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]{2,}")
_YES = re.compile(r"^\W*(oui|ouais|yes|yep|yeah|si|sí|ok|okay|parfait|merci|نعم|أجل|ايه|إيه|واه|اه|آه|"
                  r"ih|iyeh|eh|wah|ah|"
                  r"safi|mzyan|مزيان|صافي|تمام|tamam|شكرا|chokran|thanks?)\b", re.IGNORECASE)
_NO = re.compile(r"^\W*(non|no|nope|pas vraiment|لا|لالا|la+|walo|والو|ما حلش|ma 7alch|makhdamch)\b", re.IGNORECASE)
_SMALL_TALK = {"greeting": "greeting", "thanks": "thanks"}
_IDENTIFIERS = {"EMAIL", "PHONE", "IBAN", "RIB", "CARD", "IP", "NATIONAL_ID", "PASSPORT", "CIN", "ACCOUNT"}
_COURTESY_CONCEPTS = frozenset({"#greeting", "#thanks"})


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


class _Turn(FlowTurn):
    """One customer message: decides what the bot says and records why.

    Understanding reads what the customer typed (`ctx.understood_text`, in memory only); what is kept
    or sent out (the decision record, an LLM call) reads the redaction (`ctx.text`)."""

    def __init__(self, step: BotStep, ctx: MessageContext) -> None:
        self.step, self.ctx = step, ctx
        self.settings = BotSettings.from_tenant(ctx.tenant.settings)
        self.state = load_state(ctx.history)
        self.raw = ctx.understood_text
        self.text = self.raw.strip()
        self.personal_values = {}
        self._decided: Decision | None = None
        self.greeted = turn_words().greets(self.text) and not turn_words().is_courtesy(self.text)
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
        if lang and lang.code_switching and _ARABIC_SCRIPT.search(self.text):
            # Darija written in Arabic letters with French words ("نحيد les SMS"): answer in the Arabic variety
            arabic = [code for code in lang.languages if code in ("ary", "ar")]
            if arabic:
                return arabic[0]
        if previous and turn_words().is_cancel(self.text):
            return previous  # "la la ma bghitch", "no", "لا، نخليها لمن بعد": refusals read alike in many languages
        if previous and len(re.findall(r"[^\W\d_]{2,}", self.text)) < 4:
            return previous  # "perdon, en Tanger", "oui 0612...": too few words to switch language on
        if lang and lang.label in ("fr", "en", "es") and lang.confidence < DARIJA_OVERRIDE and darija_marked(self.text):
            return "ary_Latn"  # Arabizi mixing French: "bghit ndouz l eSIM, comment ça marche le QR code?"
        if lang and lang.label not in ("", "und") and lang.confidence >= 0.5 and len(self.text) > 12:
            return lang.label
        if lang and lang.label not in ("", "und") and lang.confidence >= 0.5:
            return lang.label
        return guess_language(self.text) if self.text else (previous or "fr")

    def run(self) -> None:
        if self.ctx.conversation.status == "queued":
            return self._while_waiting()
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
        self._open()

    def _while_waiting(self) -> None:
        """Queued for a person: the bot answers what the knowledge base answers well ("while you wait..."),
        starts no flow, offers no hand-off and counts no miss; otherwise it stays silent for the agent."""
        self.state.update(flow=None, offer_pending=False)
        decision = self._decision()
        if not decision.answer or decision.best is None or self._small_talk_only():
            return
        self._answer()
        if self.ctx.replies:
            reply = self.ctx.replies[-1]
            reply.text = say("while_waiting", self.language) + "\n\n" + reply.text

    def _small_talk_only(self) -> bool:
        return turn_words().is_courtesy(self.text) or not self._has_topic()

    def _open(self) -> None:
        """A message outside any flow: small talk, a flow to start, or a question to answer."""
        if self._small_talk():
            return
        flow = self._triggered_flow()
        if flow is not None and not self._explains(flow):
            return self._start_flow(flow)
        flow = self._flow_of_intent() if flow is None else None
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
        """Greetings and thanks are answered as such only when nothing else is asked."""
        label = _SMALL_TALK.get(self.intent or "")
        words = self.index.tokenizer.words(self.text)
        if turn_words().is_courtesy(self.text):
            label = label or ("greeting" if turn_words().greets(self.text) else "thanks")
        elif label is None and not words and _YES.search(self.text):
            label = "thanks"
        elif (label is None or self._has_topic()
              or (len(words) > 2 and self.intent_conf < self.settings.intent_confidence)):
            return False
        self.greeted = False
        self._say(say(label, self.language), "bot_answer", f"small_talk:{label}", [])
        return True

    def _has_topic(self) -> bool:
        """Some word of the message names something to help with (a lexicon concept beyond courtesy)."""
        return any(t.startswith("#") and t not in _COURTESY_CONCEPTS
                   for t in self.index.tokenizer.tokens(self.text))

    def _flow_of_intent(self) -> Flow | None:
        """The one flow serving a confident intent, when no trigger matched and no article answers: an
        action asked in words the triggers do not know ("how do I..." questions are left to articles)."""
        if self.intent_conf < self.settings.intent_confidence or self.out_of_scope or turn_words().asks_how(self.text):
            return None
        tokens = set(self.index.tokenizer.tokens(self.text))
        flows = [f for f in self.step.flow_provider(self.ctx.tenant)
                 if self.intent in f.intents and not f.excluded_by(tokens)]
        if len(flows) != 1 or self._decision().answer:
            return None
        return flows[0]

    def _explains(self, flow: Flow) -> bool:
        """A "how do I..." question that the knowledge base answers gets the explanation, not the flow
        (unless it already carries a number the flow needs: then the customer wants it done)."""
        if not turn_words().asks_how(self.text):
            return False
        if any(slot.type != "choice" and slot.find(self.raw, self.index.tokenizer) is not None for slot in flow.slots):
            return False
        return self._decision().answer

    def _triggered_flow(self) -> Flow | None:
        tokens = set(self.index.tokenizer.tokens(self.text))
        wish = turn_words().wishes(self.text)
        for flow in self.step.flow_provider(self.ctx.tenant):
            if flow.triggered_by(tokens, wish):
                return flow
        return None

    # -- answers --------------------------------------------------------------------------------------
    def _decision(self) -> Decision:
        if self._decided is None:
            intent = self.ctx.analysis.intent
            if intent is not None and intent.label in _SMALL_TALK and self._has_topic():
                intent = None  # "Bonjour, ma facture...": the greeting says nothing of the question
            self._decided = decide(self.index, self._query(), Reading.of(intent, self.language), self.settings,
                                   topic=self.state.get("topic"))
        return self._decided

    def _query(self) -> str:
        """The message as the knowledge base reads it: without the identifiers in it ("email
        othmane.kettani@gmail.com", a phone, a card), which say who the customer is, not what they ask.
        Names and addresses stay: they come from a model that may mistake an ordinary word for one."""
        chars = list(self.raw)
        for e in self.ctx.analysis.pii:
            if e.type.upper() in _IDENTIFIERS and 0 <= e.start < e.end <= len(chars):
                chars[e.start:e.end] = " " * (e.end - e.start)
        return "".join(chars).strip() or self.text

    def _answer(self, aside_of: Flow | None = None) -> None:
        """Answer from the knowledge base; `aside_of`: a flow that waits, offered again after the answer."""
        decision = self._decision()
        hits, best = decision.hits, decision.best
        if not decision.answer or best is None:
            return self._miss(hits, decision=decision)
        article, exact = self.index.variant(best.article_key, self.language)
        text = self._compose(article, exact, aside_of)
        if text is None:  # the LLM judged the passages do not answer the question
            return self._miss(hits, reason="llm_refused")
        self.state["misses"] = 0
        self.state["topic"] = best.article_key
        if aside_of is None:
            self.state["feedback"] = {"article_key": best.article_key}
        source = {"article_key": article.article_key, "title": article.title, "language": article.language,
                  "url": article.url}
        self._say(text, "bot_answer", "answered", _reasons(hits, decision), sources=[source],
                  confidence=decision.probability, choices=self._choices_after(aside_of))

    def _choices_after(self, aside_of: Flow | None) -> list[Choice]:
        """The buttons under an answer: yes/no to the feedback question, or the waiting flow's choices."""
        if aside_of is None:
            return yes_no(self.language)
        slot = next((s for s in aside_of.slots if s.name == self.state["flow"]["awaiting"]), aside_of.slots[0])
        return slot_choices(aside_of, slot, self.language, self.index.tokenizer)

    def _compose(self, article: Article, exact: bool, aside_of: Flow | None = None) -> str | None:
        answer = _first_paragraph(article.body, self.settings.answer_chars)
        cfg = self.settings.llm
        if cfg is not None and self.state["llm_calls"] < cfg.max_calls_per_conversation:
            self.state["llm_calls"] += 1
            # What leaves the process is the redaction, never what the customer typed.
            result = self.step.llm_factory(cfg).answer(self.ctx.text.strip(), [article], self.language)
            if result.refused:
                return None
            if result.text:
                answer = result.text
        parts = [answer]
        if not exact:
            parts.insert(0, say("other_language", self.language))
        parts.append(say("source", self.language, title=article.title) + (f" — {article.url}" if article.url else ""))
        if aside_of is None:
            parts.append(say("ask_feedback", self.language))
            return "\n\n".join(parts)
        parts.insert(0, say("answer_first", self.language))
        parts.append(self._resume_offer(aside_of))
        return "\n\n".join(parts)

    def _resume_offer(self, flow: Flow) -> str:
        slot = next((s for s in flow.slots if s.name == self.state["flow"]["awaiting"]), flow.slots[0])
        prompt, topic = pick(slot.prompt, self.language), pick(flow.topic, self.language) if flow.topic else ""
        return say("resume_flow", self.language, topic=topic, prompt=prompt) if topic else prompt

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
             sources: list[dict[str, Any]] | None = None, confidence: float | None = None,
             choices: list[Choice] | None = None) -> None:
        if self.greeted:  # greeted and asked in one message: greet back once, then answer
            self.greeted = False
            text = say("greeting_short", self.language) + " " + text
        extra = {"bot_state": self.state, "kind": kind, "outcome": outcome, "language": self.language}
        if confidence is not None:
            extra["confidence"] = confidence
        if choices:
            extra["choices"] = choices
        self.ctx.replies.append(Reply(text=text, sources=sources or [], extra=extra))
        self.ctx.decisions.append(DecisionRecord(
            tenant_id=self.ctx.tenant.id, kind=kind, outcome=outcome, model="tawasol.bot",
            model_version=f"{VERSION}/{self.index.version}" if self.index.version else VERSION,
            conversation_id=self.ctx.conversation.id, message_id=self.ctx.message.id,
            inputs={"text": self.ctx.text, "language": self.language, "intent": self.intent,
                    "intent_confidence": self.intent_conf},
            reasons=reasons,
        ))


def _reasons(hits: list[Hit], decision: Decision | None = None) -> list[dict[str, Any]]:
    reasons: list[dict[str, Any]] = [{"article_key": h.article_key, "score": round(h.score, 3),
                                      "confidence": h.confidence}
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
