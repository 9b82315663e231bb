"""AI assist for agents: the handoff packet, summaries, suggested replies and knowledge-base search.

Public surface: `handoff_packet`, `handoff_summary`, `wrap_up_summary`, `suggest_replies`,
`search_knowledge`, `PastReply`, `Suggestion`.
"""

from tawasol.assist.suggestions import PastReply, Suggestion, search_knowledge, similarity, suggest_replies
from tawasol.assist.summary import handoff_packet, handoff_summary, reasons_in_words, wrap_up_summary

__all__ = ["PastReply", "Suggestion", "handoff_packet", "handoff_summary", "reasons_in_words",
           "search_knowledge", "similarity", "suggest_replies", "wrap_up_summary"]
