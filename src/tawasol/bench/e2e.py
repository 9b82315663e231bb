"""End-to-end rows for the understanding benchmarks: every text goes through the privacy step as the product does.

In the product, a customer's message first goes through `PrivacyStep`; the NLU and the bot then read
`ctx.understood_text` (the raw text, in memory) while `ctx.text`, the redaction, is what is stored and shown.
A benchmark row "component" scores a model on the texts as written; beside it:
- "e2e (as served)": the same model on `ctx.understood_text` after the privacy step (what it reads when served);
- "on redacted text": the model on `ctx.text`, so that redaction rewriting ordinary words shows up as an
  understanding regression even while the served path reads the raw text;
- the share of texts the redaction changed.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tawasol.domain.model import Author, Conversation, Customer, Message, Tenant
from tawasol.domain.pipeline import MessageContext

COMPONENT, SERVED, REDACTED = "component", "e2e (as served)", "on redacted text"
VIEWS = (COMPONENT, SERVED, REDACTED)


@dataclass(frozen=True)
class PrivacyView:
    """One text as typed, as the served components read it, and as stored (redacted)."""

    raw: str
    served: str  # ctx.understood_text after the privacy step
    redacted: str  # ctx.text after the privacy step

    @property
    def changed(self) -> bool:
        return self.redacted != self.raw

    def text(self, view: str) -> str:
        """The text a component reads in `view` (one of `VIEWS`)."""
        if view == COMPONENT:
            return self.raw
        if view == SERVED:
            return self.served
        if view == REDACTED:
            return self.redacted
        raise ValueError(f"view must be one of {list(VIEWS)}, got {view!r}")


PrivacyPass = Callable[[str], PrivacyView]


def _context(text: str) -> MessageContext:
    tenant = Tenant(slug="bench", name="bench")
    customer = Customer(tenant_id=tenant.id)
    conversation = Conversation(tenant_id=tenant.id, customer_id=customer.id)
    message = Message(tenant_id=tenant.id, conversation_id=conversation.id, author=Author.CUSTOMER.value,
                      text=text, seq=1)
    return MessageContext(tenant=tenant, conversation=conversation, customer=customer, message=message,
                          history=[], text=text)


def served_privacy(model_dir: Path | None = None) -> PrivacyPass:
    """The privacy step as the server runs it: the PII name/address model of the server's model directory is
    built (or loaded) first, as at warm-up; each text is a new conversation's first message."""
    from tawasol.privacy import PrivacyStep, ner, tagger

    if model_dir is None:
        from tawasol.config import get_settings

        model_dir = get_settings().effective_model_dir
    tagger.set_model_dir(Path(model_dir) / "pii")
    ner.ensure_ready()
    step = PrivacyStep()

    def through(text: str) -> PrivacyView:
        ctx = step.process(_context(text))
        return PrivacyView(raw=text, served=ctx.understood_text, redacted=ctx.text)

    return through


def privacy_views(texts: Iterable[str], through: PrivacyPass) -> list[PrivacyView]:
    return [through(t) for t in texts]


def changed_share(views: Sequence[PrivacyView]) -> float:
    return round(sum(v.changed for v in views) / len(views), 4) if views else 0.0


def texts_for(views: Sequence[PrivacyView], view: str) -> list[str]:
    """What a component reads, text by text, in `view`."""
    return [v.text(view) for v in views]


def view_rows(base: dict[str, Any], views: Sequence[PrivacyView],
              score: Callable[[list[str]], float | None]) -> list[dict[str, Any]]:
    """The component row, the as-served row and the redacted-input row of one benchmark (`base` holds its
    task/dataset/metric fields); `score` scores a list of texts aligned with `views`."""
    share = changed_share(views)
    rows = []
    for view in VIEWS:
        row = dict(base)
        row.update(view=view, value=score(texts_for(views, view)), changed_by_redaction=share)
        if view != COMPONENT:
            row["dataset"] = f"{base['dataset']} [{view}]"
            row["target"] = "= component"
        rows.append(row)
    return rows


def changed_examples(views: Sequence[PrivacyView], limit: int = 5) -> list[dict[str, str]]:
    return [{"raw": v.raw, "redacted": v.redacted} for v in views if v.changed][:limit]


# --- KB evaluation: the question files as each view reads them ----------------------------------------------


def question_files_for(files: Sequence[Path], through: PrivacyPass, folder: Path
                       ) -> tuple[dict[str, list[Path]], list[PrivacyView]]:
    """Copies of `question,article_id[,language]` files whose questions are replaced by what each view reads
    (written in `folder`), and every question's view. The language column is kept as given: an empty one is
    guessed from the text the view reads, as the product would."""
    out: dict[str, list[Path]] = {SERVED: [], REDACTED: []}
    seen: list[PrivacyView] = []
    for i, path in enumerate(files):
        with Path(path).open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = list(reader.fieldnames or [])
            rows = [r for r in reader]
        views = [through(r["question"]) if r.get("question") else None for r in rows]
        seen += [v for v in views if v is not None]
        for view in (SERVED, REDACTED):
            target = folder / f"{i}-{view.split()[0]}-{Path(path).name}"
            with target.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
                writer.writeheader()
                for r, v in zip(rows, views, strict=True):
                    writer.writerow({**r, "question": v.text(view)} if v is not None else r)
            out[view].append(target)
    return out, seen


def kb_view_reports(files: Sequence[Path], through: PrivacyPass,
                    evaluate: Callable[[list[Path]], dict[str, Any]]) -> dict[str, Any]:
    """`evaluate` (the kb eval of a list of question files, as a dict) on the as-served and the redacted
    questions, with the share of questions the redaction changed and a few of them."""
    with tempfile.TemporaryDirectory(prefix="tawasol-e2e-") as tmp:
        copies, views = question_files_for(files, through, Path(tmp))
        reports = {view: evaluate(paths) for view, paths in copies.items()}
    return {"views": reports, "changed_by_redaction": changed_share(views),
            "n_changed": sum(v.changed for v in views), "n": len(views), "changed_examples": changed_examples(views)}


# --- NLU benchmark: intents and sentiment through the privacy step --------------------------------------------

_REPO_DATA = Path(__file__).resolve().parents[3] / "benchmarks" / "data"


def _labelled(path: Path, text: str, label: str) -> tuple[list[str], list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = [{k.strip(): v for k, v in r.items() if k} for r in csv.DictReader(f)]
    rows = [r for r in rows if r.get(text) and r.get(label)]
    return [r[text] for r in rows], [r[label].strip() for r in rows]


def _intent_rows(dataset: str, model: Any, texts: list[str], gold: list[str],
                 through: PrivacyPass) -> list[dict[str, Any]]:
    from tawasol.nlu.evaluate import evaluate_intent

    views = privacy_views(texts, through)
    base = {"task": "intent", "dataset": dataset, "metric": "accuracy", "target": "", "n_test": len(texts)}
    return view_rows(base, views, lambda ts: evaluate_intent(model, 0, ts, gold)["accuracy"])


def nlu_rows(data: Path, through: PrivacyPass,
             progress: Callable[[str], None] = lambda _: None) -> list[dict[str, Any]]:
    """The e2e rows of `tawasol bench nlu`: the intent models and the built-in sentiment model of the suite,
    each scored on the texts as written, as served after the privacy step, and on the redaction."""
    import numpy as np
    from sklearn.metrics import f1_score

    from tawasol.nlu.analyzer import Analyzer
    from tawasol.nlu.intent import IntentClassifier

    rows: list[dict[str, Any]] = []
    progress("e2e: banking77 through the privacy step")
    tr, yl = _labelled(data / "banking77" / "train.csv", "text", "category")
    te, yt = _labelled(data / "banking77" / "test.csv", "text", "category")
    rows += _intent_rows("banking77", IntentClassifier(oos_label="__none__").fit(tr, yl), te, yt, through)
    progress("e2e: arbanking77 and the Darija banking questions through the privacy step")
    folder = data / "arbanking77"
    tr, yl = _labelled(folder / "Banking77_Arabized_MSA_PAL_train.csv", "text", "label")
    model = IntentClassifier(oos_label="__none__").fit(tr, yl)
    te, yt = _labelled(folder / "Banking77_Arabized_MSA_test.csv", "text", "label")
    rows += _intent_rows("arbanking77 MSA", model, te, yt, through)
    for split in ("heldout", "heldout2", "dev"):
        if (path := _REPO_DATA / f"darija_banking_{split}.csv").exists():
            te, yt = _labelled(path, "text", "label")
            rows += _intent_rows(f"darija banking questions ({split})", model, te, yt, through)
    progress("e2e: built-in sentiment through the privacy step")
    sentiment = Analyzer.default().sentiment
    texts, labels = _labelled(data / "darija_sentiment_myc" / "myc_cleaned.csv", "sentence", "polarity")
    unique = dict(zip(texts, labels, strict=True))  # the suite's sample: duplicates dropped, seed 0
    texts, labels = list(unique), ["positive" if lab == "1" else "negative" for lab in unique.values()]
    sample = np.random.default_rng(0).choice(len(texts), min(2000, len(texts)), replace=False)
    views = privacy_views([texts[i] for i in sample], through)
    gold = [labels[i] for i in sample]

    def polarity(ts: list[str]) -> float:
        pred = []
        for t in ts:
            s = sentiment.predict(t).scores
            pred.append("positive" if s["positive"] >= s["negative"] else "negative")
        return round(100 * sum(p == g for p, g in zip(pred, gold, strict=True)) / len(gold), 2)

    base = {"task": "sentiment", "dataset": "myc built-in (no training, pos vs neg)", "metric": "accuracy",
            "target": "", "n_test": len(gold)}
    rows += view_rows(base, views, polarity)
    for code, name in (("fr", "french"), ("en", "english")):
        te_t, te_y = _labelled(data / "umsab_sentiment" / f"{name}_test.csv", "text", "label")
        views = privacy_views(te_t, through)
        base = {"task": "sentiment", "dataset": f"umsab {code} built-in (no training)", "metric": "macro F1",
                "target": "", "n_test": len(te_t)}
        rows += view_rows(base, views, lambda ts, y=te_y: round(float(
            f1_score(y, [sentiment.predict(t).label for t in ts], average="macro")), 4))
    return rows


def beside_components(suite: list[dict[str, Any]], e2e: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The suite's rows with each e2e row placed right after the suite's row of the same task, dataset and
    metric (the e2e "component" row, a recomputation of it, is left out when the suite has that row)."""
    out = list(suite)
    for row in e2e:
        key = (row["task"], row["dataset"].split(" [")[0], row["metric"])
        at = max((i for i, r in enumerate(out) if (r["task"], r["dataset"].split(" [")[0], r["metric"]) == key),
                 default=None)
        if row.get("view") == COMPONENT and at is not None and "view" not in out[at]:
            out[at] = {**out[at], "changed_by_redaction": row["changed_by_redaction"]}
            continue
        out.insert(len(out) if at is None else at + 1, row)
    return out
