"""A customer waiting in the queue is not left in silence: the bot answers what the knowledge base answers
(saying so), starts no flow and offers no second hand-off; small talk and unclear messages wait for the agent.
And when the escalation policy hands over a message the bot had answered with a flow question, the question
is withdrawn (the customer is not asked for a city and told they are being transferred in one breath)."""

from __future__ import annotations

from tawasol.bot.messages import say
from tawasol.domain.analysis import SentimentResult
from tawasol.routing import EscalationPolicyStep


def _queued(chat):  # type: ignore[no-untyped-def]
    c = chat()
    c.conversation.status = "queued"
    return c


def test_a_kb_question_is_answered_while_waiting_in_the_customer_s_language(chat) -> None:  # type: ignore[no-untyped-def]
    ctx = _queued(chat).say("Comment payer ma facture en ligne ?", language="fr")
    assert ctx.replies and ctx.replies[0].text.startswith(say("while_waiting", "fr"))
    assert ctx.replies[0].sources and ctx.escalation is None


def test_no_flow_no_offer_and_no_reply_to_small_talk_while_waiting(chat) -> None:  # type: ignore[no-untyped-def]
    c = _queued(chat)
    outage = c.say("Internet est en panne chez moi", language="fr")
    assert all(r.extra.get("kind") != "bot_flow" for r in outage.replies) and outage.escalation is None
    recharge = c.say("Je veux recharger mon numero", language="fr")
    assert all(r.extra.get("kind") != "bot_flow" and not r.extra["bot_state"]["flow"] for r in recharge.replies)
    assert c.say("merci", language="fr").replies == []
    assert c.say("blablabla zzz", language="fr").replies == []  # nothing to say: the agent will


def test_the_policy_withdraws_a_flow_question_when_it_hands_over(chat) -> None:  # type: ignore[no-untyped-def]
    c = chat()
    ctx = c.say("Internet est en panne chez moi", language="fr")
    assert ctx.replies[0].extra["outcome"] == "flow_started"
    ctx.analysis.sentiment = SentimentResult(label="negative", intensity=0.95,
                                             signals={"frustration": 0.9, "anger": 0.9})
    ctx = EscalationPolicyStep().process(ctx)
    assert ctx.escalation is not None
    assert all(r.extra.get("outcome") != "flow_started" for r in ctx.replies)
