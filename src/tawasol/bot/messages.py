"""What the virtual agent says around answers, in every language it serves (short on purpose)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "source": {
        "fr": "Source : {title}", "en": "Source: {title}", "es": "Fuente: {title}",
        "ar": "المصدر: {title}", "ary": "المصدر: {title}", "ary_Latn": "Source: {title}",
    },
    "other_language": {
        "fr": "(Cet article n'existe pas encore en français ; voici la version disponible.)",
        "en": "(This article is not available in English yet; here is the closest version.)",
        "es": "(Este artículo aún no está en español; aquí está la versión disponible.)",
        "ar": "(هذا المقال غير متوفر بالعربية بعد؛ هذه أقرب نسخة.)",
        "ary": "(هاد المقال ما كاينش بالدارجة دابا؛ هاهي أقرب نسخة.)",
        "ary_Latn": "(Had lmaqal ma kaynch b l7orouf latiniya; hahowa b darija.)",
    },
    "ask_feedback": {
        "fr": "Est-ce que cela a résolu votre problème ? (oui / non)",
        "en": "Did this solve your problem? (yes / no)",
        "es": "¿Esto resolvió su problema? (sí / no)",
        "ar": "هل حلّ هذا مشكلتك؟ (نعم / لا)",
        "ary": "واش هادشي حل ليك المشكل؟ (إيه / لا)",
        "ary_Latn": "Wach hadchi 7al lik lmochkil? (ih / la)",
    },
    "resolved": {
        "fr": "Parfait, merci ! Je reste disponible si besoin.", "en": "Great, thank you! I'm here if you need anything else.",
        "es": "¡Perfecto, gracias! Sigo aquí si necesita algo más.", "ar": "ممتاز، شكرا لك! أنا هنا إذا احتجت أي شيء آخر.",
        "ary": "مزيان، شكرا! أنا هنا إلا احتاجيتي شي حاجة أخرى.", "ary_Latn": "Mzyan, chokran! Ana hna ila e7tajiti chi 7aja okhra.",
    },
    "not_sure": {
        "fr": "Je ne suis pas sûr d'avoir bien compris. Pouvez-vous reformuler ? Si vous préférez, je peux vous mettre en relation avec un conseiller (répondez « conseiller »).",
        "en": "I'm not sure I understood. Could you rephrase? If you prefer, I can connect you with an advisor (reply \"advisor\").",
        "es": "No estoy seguro de haber entendido. ¿Puede reformularlo? Si lo prefiere, le paso con un asesor (responda «asesor»).",
        "ar": "لست متأكدا من أنني فهمت. هل يمكنك إعادة الصياغة؟ وإن شئت، أحولك إلى مستشار (اكتب «مستشار»).",
        "ary": "ما متأكدش واش فهمتك مزيان. واش تقدر تعاود تشرح؟ وإلا بغيتي، نحولك لشي مستشار (كتب «مستشار»).",
        "ary_Latn": "Ma mt2akedch wach fhemtek mzyan. T9der t3awed tchre7? Ila bghiti, n7welek l chi mostachar (kteb \"mostachar\").",
    },
    "handoff": {
        "fr": "Je vous mets en relation avec un conseiller, qui reprend la conversation dans un instant.",
        "en": "I'm connecting you with an advisor, who will take over the conversation shortly.",
        "es": "Le paso con un asesor, que continuará la conversación en un momento.",
        "ar": "سأحولك إلى مستشار، سيتابع معك المحادثة بعد لحظات.",
        "ary": "غادي نحولك لمستشار، غادي يكمل معاك دابا.",
        "ary_Latn": "Ghadi n7welek l mostachar, ghadi ykammel m3ak daba.",
    },
    "greeting": {
        "fr": "Bonjour ! Je suis l'assistant virtuel. Comment puis-je vous aider ?",
        "en": "Hello! I'm the virtual assistant. How can I help you?",
        "es": "¡Hola! Soy el asistente virtual. ¿En qué puedo ayudarle?",
        "ar": "مرحبا! أنا المساعد الافتراضي. كيف يمكنني مساعدتك؟",
        "ary": "السلام! أنا المساعد الافتراضي. كيفاش نقدر نعاونك؟",
        "ary_Latn": "Salam! Ana l'assistant virtuel. Kifach n9der n3awnek?",
    },
    "thanks": {
        "fr": "Avec plaisir !", "en": "You're welcome!", "es": "¡Con gusto!", "ar": "على الرحب والسعة!",
        "ary": "بلا جميل!", "ary_Latn": "Bla jmil!",
    },
    "flow_cancelled": {
        "fr": "D'accord, j'annule. Que puis-je faire d'autre pour vous ?", "en": "OK, cancelled. What else can I do for you?",
        "es": "De acuerdo, cancelado. ¿Qué más puedo hacer por usted?", "ar": "حسنا، تم الإلغاء. بماذا يمكنني مساعدتك أيضا؟",
        "ary": "واخا، لغيناها. شنو نقدر نعاونك بيه؟", "ary_Latn": "Wakha, lghinaha. Chno n9der n3awnek bih?",
    },
    "action_failed": {
        "fr": "Désolé, notre système ne répond pas pour le moment. Je vous mets en relation avec un conseiller.",
        "en": "Sorry, our system is not responding right now. I'm connecting you with an advisor.",
        "es": "Lo siento, nuestro sistema no responde ahora. Le paso con un asesor.",
        "ar": "عذرا، نظامنا لا يستجيب حاليا. سأحولك إلى مستشار.",
        "ary": "سمح لينا، السيستيم ما كيجاوبش دابا. غادي نحولك لمستشار.",
        "ary_Latn": "Sme7 lina, systeme ma kayjawebch daba. Ghadi n7welek l mostachar.",
    },
}


def say(key: str, language: str, **values: object) -> str:
    """The message in the customer's language (French when that language has no text)."""
    texts = MESSAGES[key]
    text = texts.get(language) or texts.get("ary" if language == "ary_Latn" else "fr") or texts["fr"]
    return text.format(**values) if values else text


def pick(texts: dict[str, str], language: str) -> str:
    """A flow's per-language text, with the same fallback as the articles."""
    from tawasol.bot.retrieval import FALLBACK_LANGUAGES

    for lang in FALLBACK_LANGUAGES.get(language, FALLBACK_LANGUAGES["fr"]):
        if texts.get(lang):
            return texts[lang]
    return next(iter(texts.values()), "")
