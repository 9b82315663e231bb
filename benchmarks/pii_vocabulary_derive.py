"""Write the derived common-vocabulary files of the name/address evidence from installed, well-kept packages.

Usage: .venv/bin/python benchmarks/pii_vocabulary_derive.py
Sources (installed with the project, nothing downloaded): the part-of-speech lexicons of TextBlob (MIT; en-lexicon
from Pattern/Brill) and textblob-fr (MIT; fr-lexicon from Lefff). Only lower-case entries with a tag other than a
proper noun are kept, at least three letters, and never a first name of the project's own lists (lexicon.py,
seed/first_names.txt): those stay names. The output goes to src/tawasol/privacy/seed/vocabulary/derived_*.txt.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "src" / "tawasol" / "privacy" / "seed" / "vocabulary"
WORD = re.compile(r"[a-zà-ÿœæ][a-zà-ÿœæ'-]{2,}")


def derive(lexicon: Path, names: set[str]) -> list[str]:
    words = set()
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        if line.startswith(";") or not line.strip():
            continue
        word, *tags = line.split()
        if WORD.fullmatch(word) and tags and not all(t.startswith("NNP") for t in tags) and word not in names:
            words.add(word)
    return sorted(words)


def main() -> None:
    import textblob
    import textblob_fr

    from tawasol.privacy import lexicon as lx
    from tawasol.privacy import synth

    names = {w.lower() for w in lx.FIRST_NAMES} | {w.lower() for w in synth.seed().first}
    sources = {
        "en": (Path(textblob.__file__).parent / "en" / "en-lexicon.txt", "textblob"),
        "fr": (Path(textblob_fr.__file__).parent / "fr-lexicon.txt", "textblob-fr"),
    }
    for lang, (path, origin) in sources.items():
        words = derive(path, names)
        header = (f"# Derived by benchmarks/pii_vocabulary_derive.py from {origin} ({path.name}): lower-case, "
                  f"non-proper-noun entries, project first names left out. {len(words)} words.\n")
        (OUT / f"derived_{lang}.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
        print(lang, len(words))


if __name__ == "__main__":
    main()
