"""Handlers of the automatic quality review: review a wrapped-up conversation, read its scorecard, correct it,
an agent's trends, the supervisors' review queue, a tenant's scorecards.

A review is stored in the QA tables (qa_reviews, qa_answers: `uow.qa`) and, for the audit trail, as
DecisionRecords (kind qa_answer per question with its evidence, qa_review with the score); a reviewer's correction
updates the answer (the automatic answer is kept beside it, for recalibration), is a qa_correction record and an
audit entry. A tenant's scorecard is stored versioned; until one is, the seed's default applies."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from tawasol import qa
from tawasol.domain.errors import Forbidden, InvalidInput, NotFound
from tawasol.domain.model import DecisionRecord, Role, utcnow
from tawasol.service import audit
from tawasol.service.principals import UserPrincipal
from tawasol.store.repositories.qa import QaAnswerRow, QaReviewRow
from tawasol.store.uow import UnitOfWork

if TYPE_CHECKING:
    import procrastinate

log = logging.getLogger(__name__)
STAFF = (Role.AGENT, Role.SUPERVISOR, Role.ADMIN)
REVIEWERS = (Role.SUPERVISOR, Role.ADMIN)
LOW_SCORE = 60.0  # the review queue: a score at or under this
LOW_CONFIDENCE = 0.7  # ... or an answer less sure than this
LOW_CSAT = 2  # ... or a survey answer at or under this (1..5), or a negative customer turn: a complaint
BOT_IDLE_MINUTES = 30  # a conversation the bot kept is reviewed once quiet this long
BATCH = 200  # conversations reviewed per run of the qa-review job
JOB = "qa-review"
_IDENTIFY: list[qa.reviewers.Identify] = []


def _identify() -> qa.reviewers.Identify:
    if not _IDENTIFY:
        _IDENTIFY.append(qa.builtin_identify())
    return _IDENTIFY[0]


def tenant_scorecard(uow: UnitOfWork, tenant_id: str, key: str = "default") -> qa.Scorecard:
    """Inside the caller's unit of work: the tenant's latest stored scorecard, or the seed's default."""
    stored = uow.qa.latest_scorecard(tenant_id, key)
    return qa.scorecard_from_dict(stored.definition) if stored is not None else qa.default_scorecard()


def _scorecard_of(uow: UnitOfWork, review: QaReviewRow) -> qa.Scorecard:
    stored = uow.qa.scorecard_version(review.tenant_id, review.scorecard_key, review.scorecard_version)
    if stored is not None:
        return qa.scorecard_from_dict(stored.definition)
    seed = qa.default_scorecard()
    if (seed.key, seed.version) == (review.scorecard_key, review.scorecard_version):
        return seed
    return tenant_scorecard(uow, review.tenant_id, review.scorecard_key)  # a version no longer known: the latest


def review_conversation(uow: UnitOfWork, conversation_id: str,
                        identify: qa.reviewers.Identify | None = None) -> dict[str, Any]:
    """Review one conversation with its tenant's scorecard and store the result (run after wrap-up commits, from
    the job queue or in process, never inside a customer's message request)."""
    with uow:
        conv = uow.conversations.get(conversation_id)
        if conv is None:
            raise NotFound(f"no conversation {conversation_id}")
        scorecard = tenant_scorecard(uow, conv.tenant_id)
        messages = list(uow.messages.for_conversation(conv.id))
        rows = [{"author": m.author, "text": m.text, "created_at": m.created_at, "analysis": m.analysis}
                for m in messages if (m.analysis or {}).get("kind") != "csat"]
        transcript = qa.transcript_from_rows(rows, language=conv.language, agent_id=conv.assigned_agent_id)
        result = qa.review(transcript, scorecard, identify or _identify())
        csat = [m.analysis.get("score") for m in messages if (m.analysis or {}).get("kind") == "csat"]
        complaint = bool(qa.reviewers.negative_turns(transcript, qa.phrases.seed_phrases())) or any(
            isinstance(s, int) and s <= LOW_CSAT for s in csat)
        records = qa.decision_records(result, conv.tenant_id, conv.id)
        for record in records:
            uow.decisions.add(record)
        uow.decisions.add(DecisionRecord(
            tenant_id=conv.tenant_id, kind="qa_review", outcome=str(result.score), model=qa.review_module.MODEL,
            model_version=qa.review_module.VERSION, conversation_id=conv.id,
            inputs={"scorecard": scorecard.key, "version": scorecard.version, "agent_id": conv.assigned_agent_id},
            reasons=[{"lowest_confidence": result.lowest_confidence, "complaint": complaint}]))
        review = uow.qa.add_review(
            QaReviewRow(tenant_id=conv.tenant_id, conversation_id=conv.id, agent_id=conv.assigned_agent_id,
                        scorecard_key=scorecard.key, scorecard_version=scorecard.version, score=result.score,
                        automatic_score=result.score, lowest_confidence=result.lowest_confidence,
                        language=conv.language, complaint=complaint),
            [QaAnswerRow(question=a.question, choice=a.choice, automatic_choice=a.choice, rule=a.rule,
                         confidence=a.confidence, evidence={"turns": list(a.turns), "detail": a.detail},
                         decision_id=r.id) for a, r in zip(result.answers, records, strict=True)])
        uow.commit()
        return {"review_id": review.id, "conversation_id": conv.id, "score": result.score,
                "lowest_confidence": result.lowest_confidence, "complaint": complaint,
                "answers": [_answer_view(a) for a in result.answers]}


def review_pending(uow_factory: Callable[[], UnitOfWork], limit: int = BATCH,
                   max_batches: int = 50) -> dict[str, int]:
    """The qa-review job: review every conversation waiting for it (wrapped up and not reviewed since, or kept by
    the bot and quiet), in batches of `limit`, each conversation in its own unit of work; one failing is logged and
    the others go on (a batch where every review fails ends the run: the next run tries again)."""
    reviewed = failed = seen = 0
    for _ in range(max_batches):
        with uow_factory() as uow:
            pending = uow.qa.pending_conversations(utcnow() - timedelta(minutes=BOT_IDLE_MINUTES), limit)
        seen += len(pending)
        done = 0
        for conversation_id in pending:
            try:
                review_conversation(uow_factory(), conversation_id)
                done += 1
            except Exception:  # noqa: BLE001 - one conversation's failure must not stop the others' reviews
                failed += 1
                log.exception("automatic QA review of conversation %s failed", conversation_id)
        reviewed += done
        if len(pending) < limit or done == 0:
            break
    return {"reviewed": reviewed, "failed": failed, "pending": seen}


_QUEUES: dict[str, procrastinate.App] = {}


def after_wrap_up(uow_factory: Callable[[], UnitOfWork], conversation_id: str) -> str:
    """After a wrap-up has committed. On PostgreSQL, where `tawasol worker` runs the jobs: queue a run of the
    qa-review job (one waiting run covers every conversation wrapped up meanwhile). On SQLite (the embedded
    deployment, no worker): review it here at once. Returns "queued", "waiting" (a run was already queued) or
    "reviewed"; the periodic qa-review job catches a wrap-up missed either way (also with TAWASOL_JOBS=in-process
    on PostgreSQL, where the servers run it)."""
    engine = uow_factory().session_factory.kw["bind"]
    if engine.dialect.name != "postgresql":
        review_conversation(uow_factory(), conversation_id)
        return "reviewed"
    from tawasol.service import job_queue
    from tawasol.service.jobs import PeriodicJob

    url = engine.url.render_as_string(hide_password=False)
    if url not in _QUEUES:  # only the task's name is needed to queue it; the worker holds the real one
        _QUEUES[url] = job_queue.build_queue(url, [PeriodicJob(JOB, 0, lambda: None)])
    return "queued" if job_queue.enqueue(_QUEUES[url], JOB) is not None else "waiting"


def _answer_view(a: qa.Answer) -> dict[str, Any]:
    return {"question": a.question, "choice": a.choice, "rule": a.rule, "confidence": a.confidence,
            "turns": list(a.turns), "detail": a.detail}


def _stored_answer_view(a: QaAnswerRow, scorecard: qa.Scorecard) -> dict[str, Any]:
    text = next((q.text for q in scorecard.questions if q.key == a.question), a.question)
    return {"question": a.question, "text": text, "choice": a.choice, "automatic_choice": a.automatic_choice,
            "rule": a.rule, "confidence": a.confidence, "turns": list(a.evidence.get("turns", [])),
            "detail": a.evidence.get("detail", {}), "decision_id": a.decision_id, "corrected_by": a.corrected_by,
            "corrected_at": a.corrected_at, "note": a.note}


def _review_view(review: QaReviewRow) -> dict[str, Any]:
    return {"review_id": review.id, "conversation_id": review.conversation_id, "agent_id": review.agent_id,
            "scorecard": review.scorecard_key, "scorecard_version": review.scorecard_version, "score": review.score,
            "automatic_score": review.automatic_score, "lowest_confidence": review.lowest_confidence,
            "language": review.language, "complaint": review.complaint, "reviewed_by": review.reviewed_by,
            "reviewed_at": review.created_at}


def results(uow: UnitOfWork, who: UserPrincipal, conversation_id: str) -> dict[str, Any]:
    """The latest review of a conversation with the corrections applied; an agent sees only their own."""
    who.require(*STAFF)
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, conversation_id)
        if who.role == Role.AGENT and conv.assigned_agent_id != who.user.id:
            raise Forbidden("an agent sees the scorecards of their own conversations only")
        review = uow.qa.latest_review(who.tenant_ids, conv.id)
        if review is None:
            return {"conversation_id": conv.id, "reviewed": False, "answers": []}
        scorecard = _scorecard_of(uow, review)
        return {**_review_view(review), "reviewed": True,
                "answers": [_stored_answer_view(a, scorecard) for a in uow.qa.answers(review.id)]}


def correct(uow: UnitOfWork, who: UserPrincipal, conversation_id: str, question: str, choice: str,
            note: str | None = None) -> dict[str, Any]:
    """A supervisor's answer to one question of the latest review: it replaces the automatic one in the score
    (which is kept beside it for recalibration), recorded as a decision and in the audit log."""
    who.require(*REVIEWERS)
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, conversation_id)
        review = uow.qa.latest_review(who.tenant_ids, conv.id)
        if review is None:
            raise NotFound("this conversation has not been reviewed yet")
        scorecard = _scorecard_of(uow, review)
        q = next((x for x in scorecard.questions if x.key == question), None)
        if q is None:
            raise InvalidInput("question", f"expected one of {[x.key for x in scorecard.questions]}")
        if choice not in q.choices:
            raise InvalidInput("choice", f"expected one of {list(q.choices)}")
        if not uow.qa.correct(review.id, question, choice, who.user.id, note):
            raise InvalidInput("question", f"the review of this conversation has no answer to {question!r}")
        score = qa.weighted_score(scorecard, {a.question: a.choice for a in uow.qa.answers(review.id)})
        uow.qa.set_score(review.id, score)
        record = uow.decisions.add(DecisionRecord(
            tenant_id=conv.tenant_id, kind="qa_correction", outcome=f"{question}={choice}", model="human",
            model_version="1", conversation_id=conv.id,
            inputs={"question": question, "choice": choice, "reviewer": who.user.id, "review_id": review.id},
            reasons=[{"note": note}] if note else []))
        audit.append(uow, who.user.email, "qa.correct", conv.id, {"question": question, "choice": choice},
                     tenant_id=conv.tenant_id)
        uow.commit()
        return {"decision_id": record.id if record is not None else None, "review_id": review.id,
                "question": question, "choice": choice, "score": score}


def _period(at: datetime) -> str:
    year, week, _ = at.isocalendar()
    return f"{year}-W{week:02d}"


def agent_summary(uow: UnitOfWork, who: UserPrincipal, agent_id: str, days: int = 90,
                  examples: int = 5) -> dict[str, Any]:
    """An agent's reviewed conversations of the last `days` (dated by when they ended): per question and ISO week
    the answers and the share of "yes"
    among those that apply, the mean score per week, and per question the latest conversations answered "no"
    (the conversations behind each low score). An agent sees only their own."""
    who.require(*STAFF)
    if who.role == Role.AGENT and agent_id != who.user.id:
        raise Forbidden("an agent sees their own quality summary only")
    if not 1 <= days <= 366:
        raise InvalidInput("days", "expected 1 to 366")
    with uow:
        answers = uow.qa.agent_answers(who.tenant_ids, agent_id, since=utcnow() - timedelta(days=days))
        counts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: {"yes": 0, "no": 0}))
        scores: dict[str, dict[str, float]] = {}
        low: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for a in answers:
            period = _period(a.at)
            scores.setdefault(period, {})[a.review_id] = a.score if a.score is not None else -1.0
            if a.choice in ("yes", "no"):
                counts[a.question][period][a.choice] += 1
            if a.choice == "no":
                low[a.question].append({"conversation_id": a.conversation_id, "conversation_at": a.at,
                                        "score": a.score})
        questions = {}
        for question, by_period in sorted(counts.items()):
            yes = sum(c["yes"] for c in by_period.values())
            total = yes + sum(c["no"] for c in by_period.values())
            questions[question] = {
                "rate": round(yes / total, 3) if total else None, "answers": total,
                "trend": [{"period": p, "yes": c["yes"], "no": c["no"],
                           "rate": round(c["yes"] / (c["yes"] + c["no"]), 3)} for p, c in sorted(by_period.items())],
                "low": list(reversed(low[question]))[:examples]}
        trend = [{"period": p, "reviews": len(s), "mean_score": round(sum(v) / len(v), 1) if (
            v := [x for x in s.values() if x >= 0]) else None} for p, s in sorted(scores.items())]
        return {"agent_id": agent_id, "days": days, "reviews": sum(len(s) for s in scores.values()),
                "score_trend": trend, "questions": questions}


def review_queue(uow: UnitOfWork, who: UserPrincipal, limit: int = 50, max_score: float = LOW_SCORE,
                 max_confidence: float = LOW_CONFIDENCE, agent_id: str | None = None) -> dict[str, Any]:
    """Conversations worth a person's review, not yet looked at: complaints first, then the lowest scores, then the
    least sure answers (one agent's with `agent_id`); each with why it is there."""
    who.require(*REVIEWERS)
    if not 1 <= limit <= 200:
        raise InvalidInput("limit", "expected 1 to 200")
    with uow:
        items = []
        reviews = uow.qa.queue(who.tenant_ids, max_score=max_score, max_confidence=max_confidence, limit=limit,
                               agent_id=agent_id)
        names = {u.id: u.display_name for u in uow.users.get_many([r.agent_id for r in reviews if r.agent_id]).values()}
        for review in reviews:
            why = (["complaint"] if review.complaint else []) + (
                ["low score"] if review.score is not None and review.score <= max_score else []) + (
                ["low confidence"] if review.lowest_confidence < max_confidence else [])
            items.append({**_review_view(review), "why": why, "agent_name": names.get(review.agent_id or "")})
        return {"items": items, "max_score": max_score, "max_confidence": max_confidence}


def calibration(uow: UnitOfWork, who: UserPrincipal, days: int = 90) -> dict[str, Any]:
    """How far the automatic review agrees with the supervisors, on the conversations they reviewed (an answer a
    supervisor left unchanged counts as confirmed): Cohen's kappa and accuracy per question and overall, the
    corrections to recalibrate the rules with. The sample is the queue's (complaints, low scores, unsure answers),
    not a random one: read it as agreement where the review is hardest."""
    from tawasol.qa.evaluation import agreement

    who.require(*REVIEWERS)
    if not 1 <= days <= 366:
        raise InvalidInput("days", "expected 1 to 366")
    with uow:
        rows = uow.qa.human_reviewed_answers(who.tenant_ids, since=utcnow() - timedelta(days=days))
    per: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for _, question, automatic, human in rows:
        per[question][0].append(human)
        per[question][1].append(automatic)
    corrections: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for _, question, automatic, human in rows:
        if automatic != human:
            corrections[question][f"{automatic}->{human}"] += 1
    return {"days": days, "conversations": len({r[0] for r in rows}),
            "overall": agreement([r[3] for r in rows], [r[2] for r in rows]),
            "questions": {q: {**agreement(h, a), "corrections": dict(corrections.get(q, {}))}
                          for q, (h, a) in sorted(per.items())}}


def _tenant_administered(uow: UnitOfWork, who: UserPrincipal, tenant_slug: str) -> str:
    tenant = uow.tenants.by_slug(tenant_slug)
    if tenant is None or tenant.id not in who.tenant_ids:
        raise NotFound("tenant not found")
    return tenant.id


def get_scorecard(uow: UnitOfWork, who: UserPrincipal, tenant_slug: str) -> dict[str, Any]:
    """The scorecard the tenant's reviews use now, and the stored versions."""
    who.require(*STAFF)
    with uow:
        tenant_id = _tenant_administered(uow, who, tenant_slug)
        card = tenant_scorecard(uow, tenant_id)
        versions = [v.version for v in uow.qa.scorecard_versions(tenant_id, card.key)]
        return {**card.to_dict(), "stored": card.version in versions, "versions": versions}


def save_scorecard(uow: UnitOfWork, who: UserPrincipal, tenant_slug: str, definition: dict[str, Any]) -> dict[str, Any]:
    """A new version of the tenant's scorecard (an admin's); the reviews from now on use it, older reviews keep
    theirs."""
    who.require(Role.ADMIN)
    key = str(definition.get("key") or "default")
    try:
        qa.scorecard_from_dict({**definition, "key": key})
    except (ValueError, KeyError, TypeError) as e:
        raise InvalidInput("questions", str(e)) from e
    with uow:
        tenant_id = _tenant_administered(uow, who, tenant_slug)
        seed = qa.default_scorecard()
        stored = uow.qa.add_scorecard(tenant_id, key, {k: v for k, v in definition.items() if k != "version"},
                                      who.user.id, after_version=seed.version if key == seed.key else 0)
        audit.append(uow, who.user.email, "qa.scorecard", f"{key}@{stored.version}", {"questions": len(
            definition.get("questions") or [])}, tenant_id=tenant_id)
        uow.commit()
        return {**qa.scorecard_from_dict(stored.definition).to_dict(), "stored": True}
