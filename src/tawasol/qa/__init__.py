"""Automatic quality review of conversations with scorecards (issue 17).

Public surface:
- `default_scorecard()`, `scorecard_from_dict(data)`, `Scorecard`, `Question`: versioned questions.
- `transcript_from_rows(rows, ...)`, `Transcript`, `Turn`: the redacted transcript a review reads.
- `review(transcript, scorecard, identify) -> Review`, `decision_records(review, tenant, conversation)`.
- `builtin_identify()`: the product's language identifier as the `language` rule's reader.
"""

from tawasol.qa import review as review_module
from tawasol.qa import reviewers, scorecard
from tawasol.qa.review import Review, builtin_identify, decision_records, review, weighted_score
from tawasol.qa.reviewers import RULES, Answer
from tawasol.qa.scorecard import Question, Scorecard, default_scorecard, scorecard_from_dict
from tawasol.qa.transcript import Transcript, Turn, transcript_from_rows

__all__ = ["RULES", "Answer", "Question", "Review", "Scorecard", "Transcript", "Turn", "builtin_identify",
           "decision_records", "default_scorecard", "review", "review_module", "reviewers", "scorecard",
           "scorecard_from_dict", "transcript_from_rows",
           "weighted_score"]
