"""The CRF name/address model: training, versioned artifact, fallback, and the synthetic corpus behind it."""

from __future__ import annotations

import json
import logging

import pytest

from tawasol.privacy import corpus, detect, detectors, ner


@pytest.fixture(scope="module")
def small_artifact() -> dict:
    pytest.importorskip("pycrfsuite")
    return ner.train(samples=corpus.corpus(400, 7), max_iterations=30)


def test_artifact_round_trip_gives_identical_tags(small_artifact: dict) -> None:
    model = ner.from_artifact(small_artifact)
    reloaded = ner.from_artifact(json.loads(json.dumps(small_artifact)))
    for text, _ in corpus.corpus(40, 11):
        assert list(ner.tag(text, model)) == list(ner.tag(text, reloaded))


def test_artifact_of_another_format_is_refused(small_artifact: dict) -> None:
    with pytest.raises(ValueError, match="format"):
        ner.from_artifact({**small_artifact, "format": "0"})


def test_corpus_is_deterministic_and_dev_templates_are_held_out() -> None:
    assert corpus.corpus(30, 3) == corpus.corpus(30, 3)
    train, dev = corpus.split(300, 100)
    templates = corpus._templates()
    held_out = {t for _, t in templates if corpus._is_dev(t)}
    assert held_out and len(held_out) < len({t for _, t in templates})
    assert dev and train


def test_labels_are_bio_over_tokens() -> None:
    text = "Ship to Nadia Tazi, 12 rue Ibn Battouta\nCasablanca"
    spans = [("PERSON", 8, 18), ("ADDRESS", 20, len(text))]
    labels = ner.bio_labels(ner.tokenize(text), spans)
    assert labels[:4] == ["O", "O", "B-PERSON", "I-PERSON"]
    assert labels[5] == "B-ADDRESS" and set(labels[6:]) == {"I-ADDRESS"}


def test_version_is_short_and_stable() -> None:
    assert ner.version() == ner.version() and len(ner.version()) == 16


def test_names_and_addresses_of_unseen_shapes() -> None:
    found = {(e.type, e.text) for e in detect("Please change the account name to Manuela Gottschalk")}
    assert ("PERSON", "Manuela Gottschalk") in found
    found = {(e.type, e.text) for e in detect("Send it to 48 Kiannonkatu 12, 00100 Helsinki please")}
    assert any(kind == "ADDRESS" and "Kiannonkatu 12" in value for kind, value in found)


def test_lower_case_words_in_a_cased_message_are_no_names() -> None:
    assert [e for e in detect("God gave rock and roll to you, I don't like this tone") if e.type == "PERSON"] == []


def test_quoted_address_lines_keep_their_marks() -> None:
    text = "> Ship to:\n> 24 Clarke Avenue\n> Apt. 805\n> Pines Beach 34694"
    redacted = [e for e in detect(text) if e.type == "ADDRESS"]
    assert redacted and all(">" not in e.text for e in redacted)


def test_without_crfsuite_the_linear_tagger_takes_over_with_a_notice(monkeypatch: pytest.MonkeyPatch,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    def unavailable(text: str) -> None:
        raise ner.ModelUnavailable("python-crfsuite is not installed: pip install python-crfsuite")

    from tawasol.privacy import tagger

    tagger.weights()  # built by `ensure_ready` when crfsuite is missing
    monkeypatch.setattr(ner, "tag", unavailable)
    monkeypatch.setattr(detectors, "_warned", [])
    with caplog.at_level(logging.WARNING):
        found = detect("Hello, my name is Nadia Tazi, card 4111 1111 1111 1111")
    assert {e.type for e in found} >= {"PERSON", "CARD"}
    assert "python-crfsuite" in caplog.text


@pytest.fixture
def empty_model_dir(tmp_path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A fresh installation: no model in memory nor on disk; training is watched."""
    from tawasol.privacy import tagger

    monkeypatch.setenv("TAWASOL_PII_MODEL_DIR", str(tmp_path))
    monkeypatch.setattr(ner, "_LOADED", [])
    monkeypatch.setattr(tagger, "_WEIGHTS", [])
    monkeypatch.setattr(detectors, "_warned", [])
    return tmp_path


def test_detection_never_trains_inside_a_message(empty_model_dir, monkeypatch: pytest.MonkeyPatch,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    def no_training(*args: object, **kwargs: object) -> None:
        raise AssertionError("trained inside a message")

    from tawasol.privacy import tagger

    monkeypatch.setattr(ner, "train", no_training)
    monkeypatch.setattr(tagger, "train", no_training)
    with pytest.raises(ner.ModelNotReady, match="tawasol pii train"):
        ner.model()
    with caplog.at_level(logging.WARNING):
        found = {(e.type, e.text) for e in detect("Bonjour, je m'appelle Nadia Tazi, tel 0612345678")}
    assert ("PERSON", "Nadia Tazi") in found and ("PHONE", "0612345678") in found  # cue and pattern rules
    assert "tawasol pii train" in caplog.text


def test_prepare_trains_once_then_loads_the_stored_artifact(empty_model_dir, small_artifact: dict,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def small_training() -> dict:
        calls.append(1)
        return small_artifact

    monkeypatch.setattr(ner, "train", small_training)
    first, trained = ner.prepare()
    assert trained and ner.artifact_path().is_file() and ner.artifact_path().parent == empty_model_dir
    assert ner.prepare() == (first, False)
    ner.forget()  # another process: reads the stored artifact
    again = ner.model()
    assert calls == [1] and again.index == first.index and again.transitions == first.transitions


def test_platform_warm_up_builds_the_model_before_any_message(empty_model_dir, small_artifact: dict, platform,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "train", lambda: small_artifact)
    platform.warm_up()
    assert ner.artifact_path().is_file()
    ner.forget()
    assert ner.model().version == ner.version()


def test_cli_pii_train_builds_the_model_ahead(empty_model_dir, small_artifact: dict,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from tawasol.cli.pii import app

    monkeypatch.setattr(ner, "train", lambda: small_artifact)
    result = CliRunner().invoke(app, ["train"])
    assert result.exit_code == 0 and "CRF" in result.output and "trained now" in result.output
    assert ner.artifact_path().is_file()
    assert "loaded" in CliRunner().invoke(app, ["train"]).output


def test_seed_only_gazetteer_is_a_model_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    from tawasol.privacy import gazetteer

    monkeypatch.setenv("TAWASOL_PII_GAZETTEER", "seed")
    assert gazetteer.source() == "seed" and gazetteer._faker_locales("person") == []
    monkeypatch.delenv("TAWASOL_PII_GAZETTEER")
    assert gazetteer.faker_wanted()
