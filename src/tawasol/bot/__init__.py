"""Virtual agent: multilingual knowledge base, cross-lingual retrieval, flows and actions, optional grounded LLM."""

from tawasol.bot.decision import BotSettings, Decision, Reading, decide
from tawasol.bot.evaluation import EvaluationReport, evaluate, read_questions
from tawasol.bot.flows import DEMO_FLOWS_DIR, Flow, load_flows
from tawasol.bot.knowledge import LANGUAGES, load_articles
from tawasol.bot.llm import GroundedLLM, LLMConfig
from tawasol.bot.retrieval import Hit, KnowledgeIndex
from tawasol.bot.state import load_state, resolution_counts
from tawasol.bot.step import BotStep
from tawasol.bot.text import Tokenizer

__all__ = [
    "DEMO_FLOWS_DIR", "BotSettings", "BotStep", "Decision", "EvaluationReport", "Flow", "GroundedLLM", "Hit",
    "KnowledgeIndex", "LANGUAGES", "LLMConfig", "Reading", "Tokenizer", "decide", "evaluate", "load_articles",
    "load_flows", "load_state", "read_questions", "resolution_counts",
]
