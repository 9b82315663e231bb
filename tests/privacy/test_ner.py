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

    monkeypatch.setattr(ner, "tag", unavailable)
    monkeypatch.setattr(detectors, "_warned", [])
    with caplog.at_level(logging.WARNING):
        found = detect("Hello, my name is Nadia Tazi, card 4111 1111 1111 1111")
    assert {e.type for e in found} >= {"PERSON", "CARD"}
    assert "python-crfsuite" in caplog.text
