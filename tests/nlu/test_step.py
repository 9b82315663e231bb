from tawasol.domain.pipeline import PipelineStep
from tawasol.nlu import Analyzer, NluStep


class _Ctx:
    """Only what the NLU step reads and writes; the full MessageContext needs tenants and conversations."""

    def __init__(self, text: str) -> None:
        from tawasol.domain.analysis import MessageAnalysis

        self.text = self.understood_text = text  # no privacy step here: the raw text is the text
        self.analysis = MessageAnalysis()


def test_step_implements_the_pipeline_protocol(analyzer: Analyzer) -> None:
    step = NluStep(analyzer)
    assert isinstance(step, PipelineStep) and step.name == "nlu"


def test_step_fills_the_analysis_from_redacted_text(analyzer: Analyzer) -> None:
    ctx = _Ctx("bghit nhder m3a chi wahed, numéro <PHONE>")
    NluStep(analyzer).process(ctx)  # type: ignore[arg-type]
    assert ctx.analysis.normalized.startswith("bghit nhder")
    assert ctx.analysis.language is not None and ctx.analysis.language.label == "ary_Latn"
    assert ctx.analysis.intent is not None and ctx.analysis.intent.label == "human_agent"
    assert ctx.analysis.sentiment is not None and ctx.analysis.sentiment.signals["human_request"] > 0.5
