"""Words that steer a turn (a cancel, a greeting, courtesy, "how do I"), from seed/turn_words.yaml.

All languages are read together: customers switch ("ok merci, stop") and a cancel in one language
is a cancel in all. Texts and phrases are compared as runs of normalised words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from tawasol.bot.text import _plain_normalize, nlu_normalize

TURN_WORDS_FILE = Path(__file__).with_name("seed") / "turn_words.yaml"
_WORD = re.compile(r"[a-z0-9\u00e0-\u024f]+|[\u0621-\u064a]+")
_QUESTION = re.compile(r"[?؟¿]")


def words(text: str) -> tuple[str, ...]:
    """The normalised words of `text` (the same folding as retrieval, before stemming)."""
    return tuple(_WORD.findall(_plain_normalize(nlu_normalize(text))))


@dataclass(frozen=True)
class TurnWords:
    """Phrase sets by kind (cancel, politeness, greeting, how_to, not_how_to), each a tuple of words."""

    phrases: dict[str, frozenset[tuple[str, ...]]]

    @classmethod
    def load(cls, path: Path = TURN_WORDS_FILE) -> TurnWords:
        data = yaml.safe_load(path.read_text("utf-8"))
        return cls({kind: frozenset(w for lang in by_lang.values() for p in lang if (w := words(str(p))))
                    for kind, by_lang in data.items()})

    def _cover(self, ws: tuple[str, ...], kinds: Iterable[str]) -> tuple[set[str], list[str]]:
        """Greedy longest-phrase cover of `ws`: the kinds met, and the words no phrase covered."""
        kinds = list(kinds)
        longest = max((len(p) for k in kinds for p in self.phrases.get(k, ())), default=1)
        met: set[str] = set()
        rest: list[str] = []
        i = 0
        while i < len(ws):
            for n in range(min(longest, len(ws) - i), 0, -1):
                kind = next((k for k in kinds if ws[i:i + n] in self.phrases.get(k, ())), None)
                if kind is not None:
                    met.add(kind)
                    i += n
                    break
            else:
                rest.append(ws[i])
                i += 1
        return met, rest

    def is_cancel(self, text: str) -> bool:
        """Only a refusal or a cancel ("non", "stop", "no thanks", "بلاش", "safi"), nothing to act on."""
        met, rest = self._cover(words(text), ("cancel", "politeness", "greeting"))
        # a number is something to act on; the digits of Arabizi words ("ma b9itch") are letters
        return "cancel" in met and not rest and not re.search(r"(?<![^\W\d_])\d+(?![^\W\d_])", text)

    def is_courtesy(self, text: str) -> bool:
        """Only greetings and courtesy ("Bonjour madame", "salam, labas?", "merci beaucoup")."""
        met, rest = self._cover(words(text), ("greeting", "politeness"))
        return bool(met) and not rest

    def greets(self, text: str) -> bool:
        """The message opens with a greeting."""
        ws = words(text)
        return any(ws[:len(p)] == p for p in self.phrases.get("greeting", ()))

    def wishes(self, text: str) -> bool:
        """The customer asks for something to be done ("je veux...", "bghit...", "I'd like to..."), and not
        how to do it."""
        ws = words(text)
        return not self.asks_how(text) and any(ws[i:i + len(p)] == p for i in range(len(ws))
                                               for p in self.phrases.get("wish", ()))

    def asks_how(self, text: str) -> bool:
        """A "how do I..." question: the customer wants the explanation."""
        ws = words(text)

        def at(kind: str, i: int) -> bool:
            return any(ws[i:i + len(p)] == p for p in self.phrases.get(kind, ()))

        return any(at("how_to", i) and not at("not_how_to", i) for i in range(len(ws)))


def reads_as_question(text: str) -> bool:
    return bool(_QUESTION.search(text))


@functools.lru_cache(maxsize=1)
def turn_words() -> TurnWords:
    return TurnWords.load()
