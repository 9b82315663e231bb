"""Quality review: a conversation's scorecard, an agent's trends, the review queue, a correction, scorecards."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from tawasol.api.schemas.common import Public, Strict

Choice = Literal["yes", "no", "na"]


class QaAnswerPublic(Public):
    """One question's answer with its evidence: the turns (indexes in the transcript), the rule and its confidence;
    `automatic_choice` is the review's own answer when a person corrected it."""

    question: str
    text: str
    choice: Choice
    automatic_choice: Choice
    rule: str
    confidence: float
    turns: list[int]
    detail: dict[str, Any]
    decision_id: str | None
    corrected_by: str | None
    corrected_at: datetime | None
    note: str | None


class QaResultPublic(Public):
    conversation_id: str
    reviewed: bool
    answers: list[QaAnswerPublic]
    review_id: str | None = None
    agent_id: str | None = None
    scorecard: str | None = None
    scorecard_version: int | None = None
    score: float | None = None
    automatic_score: float | None = None
    lowest_confidence: float | None = None
    language: str | None = None
    complaint: bool | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None


class QaCorrectionIn(Strict):
    question: str = Field(min_length=1, max_length=64)
    choice: Choice
    note: str | None = Field(None, max_length=2000)


class QaCorrectionPublic(Public):
    decision_id: str | None
    review_id: str
    question: str
    choice: Choice
    score: float | None


class QaTrendPoint(Public):
    period: str  # ISO week, e.g. 2026-W49
    yes: int
    no: int
    rate: float


class QaLowExample(Public):
    conversation_id: str
    conversation_at: datetime  # when it ended
    score: float | None


class QaQuestionSummary(Public):
    rate: float | None
    answers: int
    trend: list[QaTrendPoint]
    low: list[QaLowExample]


class QaScorePoint(Public):
    period: str
    reviews: int
    mean_score: float | None


class QaAgentSummaryPublic(Public):
    agent_id: str
    days: int
    reviews: int
    score_trend: list[QaScorePoint]
    questions: dict[str, QaQuestionSummary]


class QaQueueItem(Public):
    review_id: str
    conversation_id: str
    agent_id: str | None
    agent_name: str | None  # none when the bot kept the conversation
    scorecard: str
    scorecard_version: int
    score: float | None
    automatic_score: float | None
    lowest_confidence: float
    language: str | None
    complaint: bool
    reviewed_by: str | None
    reviewed_at: datetime
    why: list[Literal["complaint", "low score", "low confidence"]]


class QaQueuePublic(Public):
    items: list[QaQueueItem]
    max_score: float
    max_confidence: float


class QaQuestionIn(Strict):
    key: str = Field(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_]*$")
    text: str | None = Field(None, max_length=500)
    rule: str | None = Field(None, max_length=64)
    weight: float = Field(1.0, ge=0, le=100)
    choices: list[Choice] | None = None
    params: dict[str, Any] | None = None


class QaScorecardIn(Strict):
    name: str | None = Field(None, max_length=200)
    questions: list[QaQuestionIn] = Field(min_length=1, max_length=50)


class QaQuestionPublic(Public):
    key: str
    text: str
    rule: str
    weight: float
    choices: list[Choice]
    params: dict[str, Any]


class QaScorecardPublic(Public):
    key: str
    version: int
    name: str
    questions: list[QaQuestionPublic]
    stored: bool
    versions: list[int] | None = None


class QaAgreement(Public):
    kappa: float | None
    accuracy: float
    answers: int


class QaQuestionAgreement(QaAgreement):
    corrections: dict[str, int]  # "automatic->human": how many


class QaCalibrationPublic(Public):
    """The automatic review against the supervisors' answers on the conversations they reviewed."""

    days: int
    conversations: int
    overall: QaAgreement
    questions: dict[str, QaQuestionAgreement]
