"""Optional side-by-side run of Microsoft Presidio (presidio-analyzer), for evaluation and benchmarks only.

Presidio is not a dependency: install it into the environment to compare. No spaCy model can be
downloaded here, so it runs with its pattern recognizers only (NoOp NLP engine: no PERSON or
LOCATION), and tldextract is pinned to its bundled suffix-list snapshot so nothing goes online.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from tawasol.privacy.evaluation import Span

# Presidio's entity names -> the canonical types scored by tawasol.privacy.evaluation.
PRESIDIO_TYPES = {
    "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL", "CREDIT_CARD": "CARD", "IBAN_CODE": "IBAN",
    "IP_ADDRESS": "IP", "US_SSN": "NATIONAL_ID", "PERSON": "PERSON", "LOCATION": "ADDRESS",
}
SETUP_NOTE = "Presidio regex recognizers only (NoOp NLP engine, no spaCy model), tldextract offline snapshot"


class PresidioMissing(RuntimeError):
    """presidio-analyzer is not installed."""


def presidio_predictor(language: str = "en") -> Callable[[str], list[Span]]:
    """A function text -> [(type, start, end)] running Presidio's analyzer offline."""
    try:
        import tldextract.tldextract as tld
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NoOpNlpEngine
    except ImportError:
        raise PresidioMissing("presidio-analyzer is not installed: pip install presidio-analyzer") from None

    # The default extractor fetches the public suffix list on first use; use the bundled snapshot.
    tld.TLD_EXTRACTOR = tld.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    engine = NoOpNlpEngine(models=[{"lang_code": language, "model_name": "noop"}])
    registry = RecognizerRegistry(supported_languages=[language])
    registry.load_predefined_recognizers(languages=[language], nlp_engine=engine)
    analyzer = AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=[language])

    def predict(text: str) -> list[Span]:
        return [(r.entity_type, r.start, r.end) for r in analyzer.analyze(text=text, language=language)]

    return predict
