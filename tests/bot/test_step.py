"""The bot in a conversation: answers with sources, asks whether it helped, hands off honestly."""

from __future__ import annotations

from tawasol.domain.pipeline import PipelineStep


def test_bot_step_is_a_pipeline_step(chat):
    assert isinstance(chat().step, PipelineStep) and chat().step.name == "bot"


def test_a_darija_question_gets_the_darija_answer_with_its_source(chat):
    ctx = chat().say("علاش الفاكتورة ديالي غالية بزاف هاد الشهر؟")
    reply = ctx.replies[0]
    assert reply.sources[0]["article_key"] == "bill-high" and reply.sources[0]["language"] == "ary"
    assert "الفاكتورة" in reply.text and "واش هادشي حل ليك المشكل" in reply.text
    assert ctx.escalation is None
    assert ctx.decisions[0].kind == "bot_answer" and ctx.decisions[0].reasons[0]["article_key"] == "bill-high"


def test_an_arabizi_question_is_answered_in_arabizi(chat):
    ctx = chat().say("lfatoura dyali ghalya bzaf")
    assert ctx.replies[0].sources[0]["language"] == "ary_Latn"
    assert "Had lmaqal" not in ctx.replies[0].text
    assert not any("\u0600" <= ch <= "\u06ff" for ch in ctx.replies[0].text)  # one script, one language


def test_an_arabizi_question_without_an_arabizi_article_says_so_in_arabizi(demo_index):
    from tests.bot.conftest import DEMO_KB, Chat

    from tawasol.bot import BotStep, KnowledgeIndex, load_articles, load_flows

    index = KnowledgeIndex.build([a for a in load_articles(DEMO_KB) if a.language != "ary_Latn"], version="t")
    ctx = Chat(BotStep(lambda tenant_id: index, flow_provider=lambda tenant: load_flows())).say("lfatoura dyali ghalya "
                                                                                                "bzaf")
    assert ctx.replies[0].sources[0]["language"] == "ary"
    assert ctx.replies[0].text.startswith("(Had lmaqal")


def test_answers_are_short(chat):
    ctx = chat().say("How do I pay my bill?")
    answer = ctx.replies[0].text.split("\n\n")[0]
    assert len(answer) <= 330


def test_yes_after_an_answer_counts_a_confirmed_resolution(chat):
    c = chat()
    c.say("Comment payer ma facture ?")
    ctx = c.say("oui merci")
    assert ctx.replies[0].extra["bot_state"]["resolutions"] == {"confirmed": 1, "assumed": 0, "failed": 0}


def test_no_after_an_answer_counts_a_failure_and_hands_off(chat):
    c = chat()
    c.say("Comment payer ma facture ?")
    ctx = c.say("non")
    assert ctx.escalation is not None and ctx.escalation.reasons[0]["code"] == "answer_did_not_help"
    assert ctx.replies[0].extra["bot_state"]["resolutions"]["failed"] == 1


def test_a_new_question_after_an_answer_counts_an_assumed_resolution(chat):
    c = chat()
    c.say("Comment payer ma facture ?")
    ctx = c.say("Et comment recharger mon crédit ?")
    assert ctx.replies[0].extra["bot_state"]["resolutions"]["assumed"] == 1


def test_an_unanswerable_question_offers_a_human_then_hands_off_the_second_time(chat):
    c = chat()
    first = c.say("Quel temps fera-t-il à Paris demain ?")
    assert first.escalation is None and "conseiller" in first.replies[0].text
    second = c.say("Et qui a gagné le match de foot hier soir ?")
    assert second.escalation is not None and second.replies[0].extra["kind"] == "bot_handoff"
    assert second.decisions[0].kind == "bot_handoff"


def test_out_of_scope_from_the_nlu_is_never_answered(chat):
    ctx = chat().say("Comment payer ma facture ?", intent="out_of_scope", out_of_scope=True)
    assert ctx.replies[0].sources == [] and ctx.replies[0].extra["outcome"] == "not_confident"


def test_asking_for_a_person_hands_off_at_once(chat):
    ctx = chat().say("bghit nhder m3a chi wa7ed", intent="human_agent", confidence=0.95)
    assert ctx.escalation.reasons[0]["code"] == "customer_asked_for_human"
    assert "n7welek" in ctx.replies[0].text


def test_greeting_gets_a_greeting(chat):
    ctx = chat().say("Salam")
    assert ctx.replies[0].extra["outcome"] == "small_talk:greeting" and not ctx.replies[0].sources


def test_confident_intent_agreeing_with_the_article_lets_a_short_arabizi_question_through(chat) -> None:  # type: ignore[no-untyped-def]
    c = chat()
    without = c.say("wach kayn roaming l spania?")
    assert not without.replies[0].sources  # word coverage alone is too thin to answer
    c = chat()
    ctx = c.say("wach kayn roaming l spania?", intent="roaming", confidence=0.99)
    assert ctx.replies[0].sources and ctx.replies[0].sources[0]["article_key"].startswith("roaming")


def test_arabizi_mixing_french_is_answered_in_arabizi_when_the_identifier_hesitates(chat):
    from tawasol.bot.language import darija_marked

    text = "bghit ndouz l eSIM f telephone jdid, comment ça marche le QR code?"
    ctx = chat().say(text, intent="sim_swap", language="fr", language_confidence=0.5)
    assert ctx.replies and ctx.replies[0].extra["language"] == "ary_Latn"
    # courtesy words sprinkled over French mark nothing; a confident French reading is kept
    assert not darija_marked("Salam, je voudrais savoir comment transferer du credit a ma mere, merci bzaf")
    assert not darija_marked("ma 3g ne marche pas")
    ctx = chat().say(text, intent="sim_swap", language="fr", language_confidence=0.9)
    assert ctx.replies[0].extra["language"] == "fr"
