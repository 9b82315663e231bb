"""The flow half of a bot turn: start a flow, fill its slots, let go when the customer moves on.

While a flow waits for a slot, the message may be the answer (the flow goes on), a cancel ("non",
"stop", "بلاش": the flow is left, and nothing is claimed done in the account), another flow's trigger
(the flow switches), a question the knowledge base answers or a confident other intent (answered
first, the flow kept paused with an offer to go back), or none of these (asked again, then helped
with an example and the way to a person, then handed off).

Personal values (a slot declared `personal`, or a value the privacy step tagged) are used in memory
for this turn's action only; the state keeps their placeholder, and replies show them masked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tawasol.bot.choices import slot_choices
from tawasol.bot.flows import ActionFailed, Flow, Slot, run_action
from tawasol.bot.messages import pick, say
from tawasol.bot.personal import is_stored_form, masked, overlapping, stored_form
from tawasol.bot.turn_words import reads_as_question, turn_words

if TYPE_CHECKING:
    from tawasol.bot.step import _Turn

IDLE_INTENTS = frozenset({"greeting", "thanks", "goodbye", "human_agent", "out_of_scope"})
SHORT_ANSWER_WORDS = 5  # a message of at most this many content words that holds a slot value answers it


class FlowTurn:
    """Mixed into the bot's turn (`_Turn`): every method reads the turn's state and text."""

    personal_values: dict[str, str]

    def _flows_by_id(self: _Turn) -> dict[str, Flow]:
        return {f.id: f for f in self.step.flow_provider(self.ctx.tenant)}

    def _start_flow(self: _Turn, flow: Flow) -> None:
        self.state["flow"] = {"id": flow.id, "slots": {}, "awaiting": None, "attempts": 0}
        for slot in flow.slots:  # the first message may already carry some values
            self._fill(slot)
        self._advance(flow, started=True)

    def _fill(self: _Turn, slot: Slot) -> bool:
        """Store the slot's value from this message, if it has one (a personal one only as a placeholder)."""
        found = slot.find(self.raw, self.index.tokenizer, self.language)
        if found is None:
            return False
        entity = overlapping(self.ctx.analysis.pii, found.start, found.end)
        slots = self.state["flow"]["slots"]
        if entity is not None or slot.personal:
            self.personal_values[slot.name] = found.value
            slots[slot.name] = stored_form(found.value, entity, self.ctx.message.id)
        else:
            slots[slot.name] = found.value
        return True

    def _continue_flow(self: _Turn) -> None:
        fs = self.state["flow"]
        flow = self._flows_by_id().get(fs["id"])
        if flow is None:
            return self._let_go(fs["id"])
        other = self._triggered_flow()
        if other is not None and other.id != flow.id:  # another request: switch, or explain it first
            return self._answer(aside_of=flow) if self._explains(other) else self._start_flow(other)
        slot = next((s for s in flow.slots if s.name == fs["awaiting"]), None)
        if slot is None:
            return self._advance(flow)
        found = slot.find(self.raw, self.index.tokenizer, self.language)
        short = len(self.index.tokenizer.words(self.text)) <= SHORT_ANSWER_WORDS
        if found is not None and (short or other is not None or self._aside(flow) is None):
            for s in flow.slots:  # a correction or an extra value may come with the answer
                if s.name == slot.name or s.name not in fs["slots"]:
                    self._fill(s)
            fs["attempts"] = 0
            return self._advance(flow)
        if turn_words().is_cancel(self.text):
            return self._let_go(flow.id)
        # "0612345678" while the amount is awaited: the value of another slot still to fill is taken, and
        # the awaited one asked again (an amount never from digits: they may be part of a number).
        if any(s is not slot and s.type != "integer" and s.name not in fs["slots"] and self._fill(s)
               for s in flow.slots):
            return self._advance(flow)
        # "non, pas l'Espagne, l'Italie": a new value for a choice already given corrects it. Numbers
        # are left alone: a digit of a phone number is no amount.
        if any(s.type == "choice" and s.name in fs["slots"] and self._fill(s) for s in flow.slots if s is not slot):
            return self._advance(flow)
        # "رقم العقد 6603921" (a digit short): a try at the number, answered with its rule, not an article
        tried_number = slot.type in ("pattern", "integer") and any(c.isdigit() for c in self.text) \
            and not reads_as_question(self.text)
        # "Oujda" where the flow has no agency: a try at the city, answered with the choices
        words = self.index.tokenizer.words(self.text)
        tried_place = slot.type == "choice" and len(words) <= 3 and any(w.place for w in words)
        if other is None and not turn_words().is_courtesy(self.text) and not tried_number and not tried_place:
            aside = self._aside(flow)
            if aside == "answer":
                return self._answer(aside_of=flow)
            if aside == "leave":  # a confident other topic the knowledge base cannot answer: leave the flow
                self.state["flow"] = None
                return self._open()
        if other is not None or turn_words().is_courtesy(self.text):
            return self._ask(flow, slot, "slot_requested")
        return self._slot_missed(flow, slot)

    def _aside(self: _Turn, flow: Flow) -> str | None:
        """"answer" when the knowledge base answers this message confidently, "leave" for a confident
        intent that is neither the flow's nor small talk, None when the message may be the flow's."""
        if self.intent in flow.intents:
            # "how much is a call abroad?" in the roaming flow: a question on the flow's own topic that
            # the knowledge base answers is answered (the flow waits); anything else may be its answer.
            return "answer" if reads_as_question(self.text) and self._decision().answer else None
        if self._decision().answer:
            return "answer"
        confident = self.intent_conf >= self.settings.intent_confidence and not self.out_of_scope
        return "leave" if confident and self.intent not in IDLE_INTENTS else None

    def _let_go(self: _Turn, flow_id: str) -> None:
        self.state["flow"] = None
        self._say(say("flow_cancelled", self.language), "bot_flow", "flow_cancelled", [{"flow": flow_id}])

    def _slot_missed(self: _Turn, flow: Flow, slot: Slot) -> None:
        fs = self.state["flow"]
        fs["attempts"] += 1
        if fs["attempts"] >= 3:
            self.state["flow"] = None
            return self._handoff("flow_slot_invalid", f"{flow.id}: no valid {slot.name} after 3 tries")
        # Only a message that tries to answer hears the rule ("8 digits..."); a question or a sentence
        # without the digits the slot needs is asked again, with the prompt's example.
        typed_digits = any(c.isdigit() for c in self.text)
        tried = typed_digits if slot.type in ("pattern", "integer") else (
            not reads_as_question(self.text) and len(self.index.tokenizer.words(self.text)) <= 3)
        if tried or (slot.type == "choice" and fs["attempts"] >= 2):
            text = pick(slot.invalid, self.language)
        else:
            text = say("slot_reask", self.language) + " " + pick(slot.prompt, self.language)
        if fs["attempts"] >= 2:
            text += "\n\n" + say("slot_help", self.language)
        self._say(text, "bot_flow", "slot_invalid", [{"flow": flow.id, "slot": slot.name}],
                  choices=slot_choices(flow, slot, self.language, self.index.tokenizer))

    def _ask(self: _Turn, flow: Flow, slot: Slot, outcome: str, before: str = "") -> None:
        self.state["flow"]["awaiting"] = slot.name
        text = pick(slot.prompt, self.language)
        self._say(f"{before} {text}" if before else text, "bot_flow", outcome, [{"flow": flow.id, "slot": slot.name}],
                  choices=slot_choices(flow, slot, self.language, self.index.tokenizer))

    def _advance(self: _Turn, flow: Flow, started: bool = False) -> None:
        fs = self.state["flow"]
        # Personal slots last: their value then arrives in the turn that runs the action.
        ordered = [s for s in flow.slots if not s.personal] + [s for s in flow.slots if s.personal]
        missing = next((s for s in ordered if s.name not in fs["slots"]), None)
        if missing is not None:
            return self._ask(flow, missing, "flow_started" if started else "slot_requested")
        for slot in ordered:
            if is_stored_form(fs["slots"][slot.name]) and slot.name not in self.personal_values:
                del fs["slots"][slot.name]  # only its placeholder is left: ask for it again
                fs["attempts"] = 0
                return self._ask(flow, slot, "slot_requested_again", before=say("slot_again_personal", self.language))
        values = {name: self.personal_values.get(name, v) for name, v in fs["slots"].items()}
        self.state["flow"] = None
        try:
            result = run_action(flow.action, self.settings.backend_url, values)
        except ActionFailed as exc:
            return self._handoff("action_failed", f"{flow.id}: {exc}", message=say("action_failed", self.language))
        reply = flow.reply_for(result)
        if reply is None:  # the back end refused: never read a success reply
            return self._handoff("action_failed", f"{flow.id}: error {result.get('error')}",
                                 message=say("action_not_done", self.language))
        text = pick(reply, self.language).format_map(_Missing(self._shown(flow, values, result)))
        self._say(text, "bot_flow", "flow_completed", [{"flow": flow.id, "result_keys": sorted(result)}])

    def _shown(self: _Turn, flow: Flow, values: dict[str, str], result: dict[str, Any]) -> dict[str, Any]:
        """The values a reply may show: personal ones masked (also where the back end echoes them),
        codes the flow labels ("paid", "europe") in the customer's language."""
        secret = {v: masked(v) for v in self.personal_values.values()}
        shown: dict[str, Any] = {k: secret.get(v, v) for k, v in values.items()}
        for k, v in result.items():
            if isinstance(v, (str, int, float, bool)):
                shown[k] = secret.get(str(v), v)
        for k, by_value in flow.labels.items():
            label = by_value.get(str(shown.get(k, "")))
            if label:
                shown[k] = pick(label, self.language)
        return shown


class _Missing(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"
