"""Entities that matter in customer service: amounts, dates, durations, phones, e-mails, reference numbers."""

from __future__ import annotations

import re
from typing import Any

from tawasol.domain.analysis import Entity

_NUMBER = r"\d+(?:[.,]\d+)?"
_CURRENCIES = {
    "MAD": r"mad|dh|dhs|dhm|dirhams?|dirham|درهم|دراهم|د\.م|dr",
    "EUR": r"eur|euros?|€",
    "USD": r"usd|dollars?|\$",
}
_CURRENCY_OF = [(code, re.compile(rf"^(?:{pattern})$", re.IGNORECASE)) for code, pattern in _CURRENCIES.items()]
_ANY_CURRENCY = "|".join(_CURRENCIES.values())
_AMOUNT = re.compile(rf"(?<![\w.])(?:({_NUMBER})\s?({_ANY_CURRENCY})(?![\w])|(€|\$)\s?({_NUMBER}))", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)(?:\+|00)?(?:212[\s.-]?|0)[5-7](?:[\s.-]?\d){8}(?!\d)")
_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?(?!\d)")
_RELATIVE_DAY = re.compile(
    r"\b(aujourd'?hui|demain|hier|apres-demain|today|tomorrow|yesterday|hoy|manana|ayer|lyoum|ghda|ghedda|lbare7|lbareh)\b"
    r"|(اليوم|ليوم|غدا|امس|البارح|لبارح)",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"(?<!\w)({_NUMBER}|un|une|one|two|three|deux|trois|dos|tres|jouj|tlata|tlt)\s?"
    r"(minutes?|min|heures?|hours?|horas?|jours?|days?|dias?|semaines?|weeks?|semanas?|mois|months?|meses|"
    r"iyam|ayam|yam|sa3a|sa3at|chhar|chhour|dqayq|ساعات?|ساعه|ايام|يوم|اسابيع|اسبوع|شهور|شهر|دقائق|دقايق)(?!\w)",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"(?i)\b(commande|order|pedido|contrat|contract|contrato|facture|invoice|factura|ticket|dossier|ref(?:erence)?|n°|no\.?|num(?:ero)?|raqm|رقم)"
    r"\s*(?:de|du|number|num(?:ber)?|n°|#|:|dyal|ديال)?\s*([A-Z]{0,4}-?\d[\dA-Z-]{3,})"
)
_REFERENCE_KIND = {
    "commande": "order_number", "order": "order_number", "pedido": "order_number",
    "contrat": "contract_number", "contract": "contract_number", "contrato": "contract_number",
    "facture": "invoice_number", "invoice": "invoice_number", "factura": "invoice_number",
}


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _currency(symbol: str) -> str:
    return next((code for code, pattern in _CURRENCY_OF if pattern.match(symbol)), symbol.upper())


def extract_entities(text: str) -> list[Entity]:
    """Entities found in `text`, with character offsets into it; amounts carry {amount, currency}."""
    found: list[Entity] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, m: re.Match[str], value: Any, group: int = 0) -> None:
        start, end = m.span(group)
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(Entity(type=kind, text=text[start:end], start=start, end=end, value=value))

    for m in _EMAIL.finditer(text):
        add("email", m, m.group(0).lower())
    for m in _PHONE.finditer(text):
        add("phone", m, re.sub(r"[\s.-]", "", m.group(0)))
    for m in _REFERENCE.finditer(text):
        add(_REFERENCE_KIND.get(m.group(1).lower(), "reference_number"), m, m.group(2), group=2)
    for m in _AMOUNT.finditer(text):
        number, symbol = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        add("amount", m, {"amount": _number(number), "currency": _currency(symbol)})
    for m in _DURATION.finditer(text):
        add("duration", m, {"quantity": m.group(1).lower(), "unit": m.group(2).lower()})
    for m in _DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            add("date", m, {"day": day, "month": month, "year": int(m.group(3)) if m.group(3) else None})
    for m in _RELATIVE_DAY.finditer(text):
        add("date", m, {"relative": m.group(0).lower()})
    found.sort(key=lambda e: e.start)
    return found
