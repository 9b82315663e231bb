"""The opt-in dialect model: Darija vs other Arabic, trained from labelled rows, read by the identifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from tawasol.nlu import seed
from tawasol.nlu.dialect import DialectModel, is_dev, training_rows
from tawasol.nlu.language import builtin_identifier
from tawasol.nlu.linear import ArtifactError
from tawasol.nlu.normalize import normalize

DARIJA = "واش ممكن تعاوني فهاد المشكل ديال الفاتورة"  # written for these tests
MSA = "هل يمكنك مساعدتي في مشكلة الفاتورة من فضلك"


def _seed_model() -> DialectModel:
    rows = [(t, lang) for t, lang in seed.language_examples() if lang in ("ar", "ary")]
    return DialectModel().fit([t for t, _ in rows], [lang for _, lang in rows])


class _Fixed(DialectModel):
    def __init__(self, p: float) -> None:
        super().__init__()
        self.p = p

    def p_ary(self, normalized: str) -> float:
        return self.p


def test_a_model_fit_on_the_seed_tells_darija_from_msa(tmp_path: Path) -> None:
    model = _seed_model()
    assert model.p_ary(normalize(DARIJA)) > 0.5 > model.p_ary(normalize(MSA))
    model.save(tmp_path / "d")
    loaded = DialectModel.load(tmp_path / "d")
    assert loaded.p_ary(normalize(DARIJA)) == pytest.approx(model.p_ary(normalize(DARIJA)))


def test_bad_rows_and_wrong_artifacts_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="ar or ary"):
        DialectModel().fit(["x", "y"], ["ar", "fr"])
    with pytest.raises(ValueError, match="both"):
        DialectModel().fit(["x", "y"], ["ar", "ar"])
    builtin_identifier().arabic_.save(tmp_path / "a", extra={"kind": "language.arabic"})  # type: ignore[union-attr]
    with pytest.raises(ArtifactError, match="dialect"):
        DialectModel.load(tmp_path / "a")


def test_the_identifier_reads_p_ary_from_the_dialect_model() -> None:
    base = builtin_identifier()
    long_msa = "كانت المباراة جميلة جدا واللاعبون قدموا أداء رائعا في الشوط الثاني"
    assert base.identify(long_msa).label == "ar"
    assert base.with_dialect(_Fixed(1.0)).identify(long_msa).label == "ary"  # no marker: the model decides
    assert base.with_dialect(_Fixed(0.0)).identify(MSA).label == "ar"
    assert base.dialect_ is None  # a copy: the shared built-in identifier is unchanged
    assert base.with_dialect(_Fixed(0.0)).identify("I would like to pay my bill").label == "en"


def test_dev_part_is_a_stable_fifth() -> None:
    texts = [f"message {i}" for i in range(2000)]
    share = sum(is_dev(t) for t in texts) / len(texts)
    assert 0.17 < share < 0.23
    assert [is_dev(t) for t in texts[:50]] == [is_dev(t) for t in texts[:50]]


@pytest.mark.dataset
def test_training_rows_keep_the_dev_fifth_out(data_dir: Path) -> None:
    train, train_y = training_rows(data_dir)
    dev, dev_y = training_rows(data_dir, part="dev")
    assert set(train_y) == set(dev_y) == {"ar", "ary"}
    seed_texts = {t for t, _ in seed.language_examples()}
    assert not {t for t in train if t not in seed_texts} & set(dev)
    assert all(is_dev(t) for t in dev)


def _write(path: Path, header: str, rows: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")


def test_train_dialect_command_builds_the_model_the_analyser_then_uses(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A small data directory in the shared layout (rows written for this test), then `nlu train-dialect`."""
    from typer.testing import CliRunner

    from tawasol.cli import app
    from tawasol.config import get_settings
    from tawasol.nlu import Analyzer

    data = tmp_path / "data"
    darija = ["واش كاين شي حل لهاد المشكل", "بغيت نعرف فين وصلات الكوموند ديالي", "دابا غادي نمشي للدار",
              "هادشي زوين بزاف", "كنتسنى الجواب ديالكم", "علاش ماكيخدمش الانترنيت"] * 3
    msa = ["أريد أن أعرف موعد وصول الطلب", "هل يمكنكم حل هذه المشكلة", "سأذهب إلى المنزل الآن",
           "هذا جميل جدا", "أنتظر ردكم الكريم", "لماذا لا يعمل الإنترنت"] * 3
    _write(data / "darija_sentiment_mac" / "MAC_corpus.csv", "tweets,type,class",
           [f"{t} {i},neutral,dialectal" for i, t in enumerate(darija)] +
           [f"{t} {i},neutral,standard" for i, t in enumerate(msa)])
    _write(data / "darija_doda" / "sentences_arabizi_arabic_parallel.csv", "darija_latin,darija_arabic",
           [f"x{i},{t} {i}" for i, t in enumerate(darija)])
    _write(data / "arsarcasm_v2" / "training_data.csv", "tweet,sarcasm,sentiment,dialect",
           [f"{t} {i},FALSE,NEU,{'egypt' if i % 2 else 'msa'}" for i, t in enumerate(msa)])
    monkeypatch.setenv("TAWASOL_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["nlu", "train-dialect", "--data-dir", str(data)])
        assert result.exit_code == 0, result.output
        assert "trained the dialect model" in result.output
        analyzer = Analyzer.default(get_settings().effective_model_dir)
        assert analyzer.language.dialect_ is not None
        missing = CliRunner().invoke(app, ["nlu", "train-dialect", "--data-dir", str(tmp_path / "nowhere")])
        assert missing.exit_code != 0 and "missing" in missing.output
    finally:
        get_settings.cache_clear()
