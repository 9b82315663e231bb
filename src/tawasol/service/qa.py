"""Handlers of the automatic quality review: review a wrapped-up conversation, read its scorecard, correct it.

Answers are stored as DecisionRecords (kind qa_answer, one per question, plus qa_review with the score); a
reviewer's correction is a qa_correction record and an audit entry, and wins over the automatic answer."""

from __future__ import annotations

from typing import Any

from tawasol import qa
from tawasol.domain.errors import InvalidInput, NotFound
from tawasol.domain.model import DecisionRecord, Role
from tawasol.service import audit
from tawasol.service.principals import UserPrincipal
from tawasol.store.uow import UnitOfWork

STAFF = (Role.AGENT, Role.SUPERVISOR, Role.ADMIN)
REVIEWERS = (Role.SUPERVISOR, Role.ADMIN)
_IDENTIFY: list[qa.reviewers.Identify] = []


def _identify() -> qa.reviewers.Identify:
    if not _IDENTIFY:
        _IDENTIFY.append(qa.builtin_identify())
    return _IDENTIFY[0]


def review_conversation(uow: UnitOfWork, conversation_id: str,
                        identify: qa.reviewers.Identify | None = None) -> dict[str, Any]:
    """Review one conversation with the default scorecard and store the answers (run after wrap-up commits,
    never inside a customer's message request)."""
    scorecard = qa.default_scorecard()
    with uow:
        conv = uow.conversations.get(conversation_id)
        if conv is None:
            raise NotFound(f"no conversation {conversation_id}")
        rows = [{"author": m.author, "text": m.text, "created_at": m.created_at, "analysis": m.analysis}
                for m in uow.messages.for_conversation(conv.id)]
        transcript = qa.transcript_from_rows(rows, language=conv.language, agent_id=conv.assigned_agent_id)
        result = qa.review(transcript, scorecard, identify or _identify())
        for record in qa.decision_records(result, conv.tenant_id, conv.id):
            uow.decisions.add(record)
        uow.decisions.add(DecisionRecord(
            tenant_id=conv.tenant_id, kind="qa_review", outcome=str(result.score), model=qa.review_module.MODEL,
            model_version=qa.review_module.VERSION, conversation_id=conv.id,
            inputs={"scorecard": scorecard.key, "version": scorecard.version, "agent_id": conv.assigned_agent_id},
            reasons=[{"lowest_confidence": result.lowest_confidence}]))
        uow.commit()
        return {"conversation_id": conv.id, "score": result.score, "lowest_confidence": result.lowest_confidence,
                "answers": [_answer_view(a) for a in result.answers]}


def _answer_view(a: qa.Answer) -> dict[str, Any]:
    return {"question": a.question, "choice": a.choice, "rule": a.rule, "confidence": a.confidence,
            "turns": list(a.turns), "detail": a.detail}


def results(uow: UnitOfWork, who: UserPrincipal, conversation_id: str) -> dict[str, Any]:
    """The latest review of a conversation with the corrections applied; an agent sees only their own."""
    who.require(*STAFF)
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, conversation_id)
        if who.role == Role.AGENT and conv.assigned_agent_id != who.user.id:
            from tawasol.domain.errors import Forbidden

            raise Forbidden("an agent sees the scorecards of their own conversations only")
        records = list(uow.decisions.for_conversation(conv.id))
        reviews = [r for r in records if r.kind == "qa_review"]
        if not reviews:
            return {"conversation_id": conv.id, "reviewed": False, "answers": []}
        latest = reviews[-1]
        answers: dict[str, dict[str, Any]] = {}
        for r in records:
            if r.kind == "qa_answer" and r.created_at <= latest.created_at:
                question, choice = r.outcome.split("=", 1)
                answers[question] = {"question": question, "choice": choice, "decision_id": r.id, **r.reasons[0]}
        for r in records:
            if r.kind == "qa_correction" and r.inputs.get("question") in answers:
                answers[r.inputs["question"]].update(choice=r.inputs["choice"], corrected_by=r.inputs["reviewer"])
        scorecard = qa.default_scorecard()
        score = qa.weighted_score(scorecard, {k: v["choice"] for k, v in answers.items()})
        return {"conversation_id": conv.id, "reviewed": True, "score": score,
                "automatic_score": float(latest.outcome) if latest.outcome != "None" else None,
                "answers": list(answers.values())}


def correct(uow: UnitOfWork, who: UserPrincipal, conversation_id: str, question: str, choice: str,
            note: str | None = None) -> dict[str, Any]:
    """A supervisor's correction of one answer: recorded (decision + audit), used for recalibration."""
    who.require(*REVIEWERS)
    scorecard = qa.default_scorecard()
    q = scorecard.question(question) if question in {x.key for x in scorecard.questions} else None
    if q is None or choice not in q.choices:
        raise InvalidInput("question", f"expected a question among {[x.key for x in scorecard.questions]} and a choice "
                           f"among {list(q.choices) if q else list(qa.scorecard.CHOICES)}")
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, conversation_id)
        record = uow.decisions.add(DecisionRecord(
            tenant_id=conv.tenant_id, kind="qa_correction", outcome=f"{question}={choice}", model="human",
            model_version="1", conversation_id=conv.id,
            inputs={"question": question, "choice": choice, "reviewer": who.user.id},
            reasons=[{"note": note}] if note else []))
        audit.append(uow, who.user.email, "qa.correct", conv.id, {"question": question, "choice": choice},
                     tenant_id=conv.tenant_id)
        uow.commit()
        return {"decision_id": record.id if record is not None else None, "question": question, "choice": choice}
