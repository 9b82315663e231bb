"""Multilingual understanding (fr, en, es, MSA, Darija in both scripts): language, intent, sentiment, entities.

Public surface:
- `normalize(text)`, `to_matching_form(text)`: script-aware normalisation and a cross-script matching key.
- `Analyzer.default(model_dir)`, `Analyzer.for_tenant(slug, model_dir)`, `Analyzer.train_tenant(...)`,
  `Analyzer.analyze(text) -> MessageAnalysis`.
- `NluStep(analyzer)`: the pipeline step "nlu".
- `DEFAULT_INTENTS`: the built-in intents of the demo tenant atlas-telecom.
"""

from tawasol.nlu.analyzer import DEFAULT_INTENTS, DEFAULT_TENANT, Analyzer, read_labelled_csv
from tawasol.nlu.intent import OUT_OF_SCOPE, IntentClassifier
from tawasol.nlu.linear import ArtifactError
from tawasol.nlu.normalize import normalize, to_matching_form
from tawasol.nlu.step import NluStep

__all__ = [
    "DEFAULT_INTENTS",
    "DEFAULT_TENANT",
    "OUT_OF_SCOPE",
    "Analyzer",
    "ArtifactError",
    "IntentClassifier",
    "NluStep",
    "normalize",
    "read_labelled_csv",
    "to_matching_form",
]
