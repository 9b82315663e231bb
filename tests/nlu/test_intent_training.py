"""The intent model's training objective (Crammer-Singer multi-class SVM) and its artifact."""

import json
from pathlib import Path

import numpy as np
import pytest

from tawasol.nlu.intent import INTENT_MULTI_CLASS, IntentClassifier
from tawasol.nlu.linear import LinearTextClassifier

EXAMPLES = [
    ("my card has not arrived yet", "card_arrival"),
    ("when will my new card be delivered", "card_arrival"),
    ("still waiting for the card you sent", "card_arrival"),
    ("لم تصلني البطاقة بعد", "card_arrival"),
    ("متى تصل بطاقتي الجديدة", "card_arrival"),
    ("I lost my card yesterday", "lost_card"),
    ("my card was stolen in the bus", "lost_card"),
    ("I cannot find my card anywhere", "lost_card"),
    ("فقدت بطاقتي امس", "lost_card"),
    ("سرقت بطاقتي في السوق", "lost_card"),
    ("how much is the fee for a transfer", "transfer_fee"),
    ("why was I charged for sending money", "transfer_fee"),
    ("is there a charge on bank transfers", "transfer_fee"),
    ("كم رسوم التحويل", "transfer_fee"),
    ("لماذا دفعت رسوما على التحويل", "transfer_fee"),
]
TEXTS = [t for t, _ in EXAMPLES]
LABELS = [lab for _, lab in EXAMPLES]
PROBES = ["the card did not arrive", "someone stole my card", "fee on my transfer", "وين البطاقة تاعي",
          "رسوم التحويل عالية"]


def test_default_intent_model_is_crammer_singer_and_round_trips(tmp_path: Path) -> None:
    clf = IntentClassifier().fit(TEXTS, LABELS)
    assert clf.multi_class == INTENT_MULTI_CLASS == "crammer_singer"
    assert [clf.predict(p).ranking[0][0] for p in PROBES[:3]] == ["card_arrival", "lost_card", "transfer_fee"]
    clf.save(tmp_path / "m")
    assert json.loads((tmp_path / "m" / "manifest.json").read_text(encoding="utf-8"))["multi_class"] == "crammer_singer"
    loaded = IntentClassifier.load(tmp_path / "m")
    assert loaded.multi_class == "crammer_singer"
    for probe in PROBES:
        assert np.array_equal(clf._proba(probe), loaded._proba(probe))


def test_objectives_give_different_models_and_older_artifacts_load_as_one_vs_rest(tmp_path: Path) -> None:
    ovr = IntentClassifier(multi_class="ovr").fit(TEXTS, LABELS)
    cs = IntentClassifier().fit(TEXTS, LABELS)
    assert not np.allclose(ovr._fitted().weights_, cs._fitted().weights_)
    ovr.save(tmp_path / "old")
    manifest_path = tmp_path / "old" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    del manifest["multi_class"]  # artifacts written before the option existed
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    loaded = IntentClassifier.load(tmp_path / "old")
    assert loaded.multi_class == "ovr"
    for probe in PROBES:
        assert np.array_equal(ovr._proba(probe), loaded._proba(probe))


def test_crammer_singer_handles_two_labels_and_unknown_objectives_are_refused() -> None:
    two = [(t, "card" if "card" in lab else "fee") for t, lab in EXAMPLES]
    model = LinearTextClassifier(multi_class="crammer_singer", folds=2).fit([t for t, _ in two],
                                                                           [lab for _, lab in two])
    assert model.weights_.shape[1] == 2
    assert model.labels_[int(np.argmax(model.predict_proba("what is the fee for a transfer")))] == "fee"
    assert model.labels_[int(np.argmax(model.predict_proba("my card is lost")))] == "card"
    with pytest.raises(ValueError, match="multi_class"):
        LinearTextClassifier(multi_class="softmax")
