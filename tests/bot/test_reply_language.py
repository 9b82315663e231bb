"""One reply, one language: every text the bot and the demo flows say reads, to the product's own language
identifier, as the language it is filed under (a Darija text that reads as MSA fails the customer too)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tawasol.bench.dialogues import LANGUAGES, product_language_identifier
from tawasol.bot.flows import DEMO_FLOWS_DIR
from tawasol.bot.messages import MESSAGES_FILE

FILES = sorted(DEMO_FLOWS_DIR.glob("*.yaml")) + [MESSAGES_FILE]


def _texts(node, where=""):  # type: ignore[no-untyped-def]
    """(where, language, text) of every per-language text in a YAML tree."""
    if isinstance(node, dict):
        if set(node) & set(LANGUAGES) and all(isinstance(v, str) for k, v in node.items() if k in LANGUAGES):
            for lang in LANGUAGES:
                if lang in node:
                    yield where, lang, node[lang]
        else:
            for k, v in node.items():
                yield from _texts(v, f"{where}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _texts(v, f"{where}[{i}]")


@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name)
def test_every_text_reads_as_its_language(path: Path) -> None:
    identify = product_language_identifier()
    wrong = []
    for where, lang, text in _texts(yaml.safe_load(path.read_text("utf-8"))):
        bare = re.sub(r"\{[a-z_]+\}", "", text)
        if len(re.findall(r"\w+", bare)) >= 4 and identify(bare) != lang:  # shorter texts say little
            wrong.append((where, lang, identify(bare), text))
    assert not wrong, wrong
