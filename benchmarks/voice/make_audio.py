"""Synthesise the demo's routine questions with espeak-ng into small 16 kHz WAVs and a transcript file.

    python benchmarks/voice/make_audio.py [--out tests/voice/audio]

The recordings are robotic (no noise, no telephone line, no Darija voice: Darija is read by the Arabic voice),
so they test the plumbing and give a floor, not a measure of real callers.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from tawasol.voice.audio import MODEL_RATE, resample, write_wav
from tawasol.voice.tts import Synthesizer

# (file stem, product language, text): routine questions of the demo tenant (bills, top-ups, internet, a person)
QUESTIONS = [
    ("fr-facture", "fr", "Bonjour, je voudrais payer ma facture."),
    ("fr-recharge", "fr", "Je veux recharger mon forfait."),
    ("fr-internet", "fr", "Internet ne marche plus chez moi."),
    ("fr-conseiller", "fr", "Je veux parler à un conseiller."),
    ("en-bill", "en", "Hello, I would like to pay my bill."),
    ("en-topup", "en", "I want to top up my phone credit."),
    ("en-internet", "en", "My internet connection is very slow."),
    ("en-agent", "en", "Can I speak to a person please?"),
    ("es-factura", "es", "Hola, quiero pagar mi factura."),
    ("es-recarga", "es", "Quiero recargar mi saldo."),
    ("es-internet", "es", "Mi conexión a internet es muy lenta."),
    ("es-agente", "es", "Quiero hablar con una persona."),
    ("ar-fatura", "ar", "أريد دفع فاتورتي."),
    ("ar-shahn", "ar", "أريد شحن رصيدي."),
    ("ary-fatura", "ary", "بغيت نخلص الفاتورة ديالي."),
    ("ary-agent", "ary", "بغيت نهضر مع شي واحد."),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "tests" / "voice" / "audio")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    synthesizer = Synthesizer()
    rows = []
    for stem, language, text in QUESTIONS:
        speech = synthesizer.synthesize(text, language)
        write_wav(args.out / f"{stem}.wav", resample(speech.samples, speech.rate, MODEL_RATE), MODEL_RATE)
        rows.append({"file": f"{stem}.wav", "language": language, "text": text})
    with (args.out / "transcripts.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["file", "language", "text"])
        writer.writeheader()
        writer.writerows(rows)
    total = sum((args.out / r["file"]).stat().st_size for r in rows)
    print(f"{len(rows)} files, {total / 1e6:.2f} MB in {args.out}")


if __name__ == "__main__":
    main()
