"""What the customer is told while waiting: their place and an estimated wait, in their language."""

from __future__ import annotations

import math

DEFAULT_HANDLE_SECONDS = 240


def estimate_wait(position: int, free_slots: int, agents: int, handle_seconds: int = DEFAULT_HANDLE_SECONDS) -> int:
    """Seconds until an agent takes the conversation at `position` (1 = next)."""
    if position <= free_slots:
        return 0
    ahead = position - free_slots
    servers = max(1, agents)
    return int(math.ceil(ahead / servers) * handle_seconds)


def _minutes(seconds: int) -> int:
    return max(1, int(math.ceil(seconds / 60)))


_TEXTS = {
    "fr": ("Vous êtes {n}{suffix} dans la file d'attente. Attente estimée : environ {m} min.", "er", "e"),
    "en": ("You are number {n} in the queue. Estimated wait: about {m} min.", "", ""),
    "es": ("Usted es el número {n} en la cola. Espera estimada: unos {m} min.", "", ""),
    "ar": ("ترتيبك في قائمة الانتظار هو {n}. مدة الانتظار المتوقعة حوالي {m} دقيقة.", "", ""),
    "ary": ("نتا رقم {n} ف الصف. غادي تسنا تقريبا {m} دقايق.", "", ""),
    "ary_Latn": ("nta raqm {n} f la file. ghadi tsna ta9riban {m} d9ay9.", "", ""),
}
_SOON = {
    "fr": "Un conseiller va vous répondre dans un instant.",
    "en": "An agent will be with you in a moment.",
    "es": "Un agente le atenderá en un momento.",
    "ar": "سيرد عليك أحد موظفينا بعد لحظات.",
    "ary": "واحد من المستشارين غادي يجاوبك دابا.",
    "ary_Latn": "wa7ed mn les conseillers ghadi yjawbek daba.",
}
_NOBODY = {
    "fr": "Aucun conseiller n'est disponible pour le moment ; vous restez dans la file et nous vous répondrons dès que possible.",
    "en": "No agent is available right now; you keep your place and we will answer as soon as we can.",
    "es": "No hay agentes disponibles en este momento; conserva su lugar y le responderemos lo antes posible.",
    "ar": "لا يوجد موظف متاح حالياً؛ ستحتفظ بمكانك وسنرد عليك في أقرب وقت.",
    "ary": "حتى مستشار ماكاينش دابا؛ غادي تبقى ف بلاصتك ونجاوبوك فأقرب وقت.",
    "ary_Latn": "7ta conseiller makaynch daba; ghadi tb9a f blastek w njawbouk f a9rab wa9t.",
}


def wait_notice(language: str | None, position: int, seconds: int, agents_online: int = 1) -> str:
    """The sentence the widget shows, e.g. "You are number 3 in the queue. Estimated wait: about 4 min."."""
    lang = language if language in _TEXTS else "fr"
    if agents_online <= 0:
        return _NOBODY[lang]
    if seconds <= 0:
        return _SOON[lang]
    template, first, other = _TEXTS[lang]
    suffix = (first if position == 1 else other) if lang == "fr" else ""
    return template.format(n=position, suffix=suffix, m=_minutes(seconds))
