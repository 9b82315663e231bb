"""AI assist for agents: the handoff packet, summaries, suggested replies and knowledge-base search.

Public surface: `handoff_packet`, `handoff_summary`, `wrap_up_summary`, `suggest_replies`,
`search_knowledge`, `conversation_intent`, `offerable`, `PastReply`, `Suggestion`.
"""

from tawasol.assist.suggestions import (
    PastReply,
    Suggestion,
    conversation_intent,
    offerable,
    search_knowledge,
    similarity,
    suggest_replies,
)
from tawasol.assist.summary import handoff_packet, handoff_summary, reasons_in_words, wrap_up_summary

__all__ = ["PastReply", "Suggestion", "conversation_intent", "handoff_packet", "handoff_summary", "offerable",
           "reasons_in_words", "search_knowledge", "similarity", "suggest_replies", "wrap_up_summary"]
