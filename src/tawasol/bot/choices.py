"""The answers a bot question offers as quick-reply buttons: {label, value} in the customer's language.

Nothing new is asked of the bot: the yes/no words are those its own question already names ("(oui /
non)" in messages.yaml), a flow's choices are its slot's values with the flow's labels. A button sends
`value` as the customer's message, and the bot reads it as it would read it typed.
"""

from __future__ import annotations

import re
import unicodedata

from tawasol.bot.flows import Flow, Slot
from tawasol.bot.messages import pick, say
from tawasol.bot.text import Tokenizer

Choice = dict[str, str]  # {"label": shown on the button, "value": sent as the customer's message}

_HINT = re.compile(r"\(([^()/]+)/([^()/]+)\)\s*$")  # "(oui / non)" at the end of the question
_ARABIC = re.compile(r"[\u0600-\u06ff]")
ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "ary"})


def yes_no(language: str) -> list[Choice]:
    """Yes and no as the feedback question writes them in `language`; empty if it names no pair."""
    m = _HINT.search(say("ask_feedback", language))
    if m is None:
        return []
    words = [m.group(1).strip(), m.group(2).strip()]
    return [{"label": w[:1].upper() + w[1:], "value": w} for w in words if w]


def slot_choices(flow: Flow, slot: Slot, language: str, tokenizer: Tokenizer) -> list[Choice]:
    """The values of a choice slot, labelled in `language`; each button sends a form the slot reads back."""
    if slot.type != "choice":
        return []
    labels = flow.labels.get(slot.name, {})
    out = []
    for value, aliases in slot.choices.items():
        label = _label(value, aliases, labels.get(value), language)
        found = slot.find(label, tokenizer, language)
        out.append({"label": label, "value": label if found is not None and found.value == value else value})
    return out


def _label(value: str, aliases: list[str], labelled: dict[str, str] | None, language: str) -> str:
    if labelled:
        return pick(labelled, language)
    if language in ARABIC_SCRIPT_LANGUAGES:  # a city in Arabic letters for an Arabic reader, if the flow has it
        arabic = next((a for a in aliases if _ARABIC.search(a)), None)
        if arabic:
            return arabic
    # the flow's own accented spelling when it has one ("fès" for fes), else the value
    accented = next((a for a in aliases if a.casefold() != value and _plain(a) == value), value)
    return accented[:1].upper() + accented[1:]


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if unicodedata.category(c) != "Mn")
