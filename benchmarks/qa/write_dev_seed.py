"""The first 12 hand-written conversations of benchmarks/qa/dev.jsonl with a QA reviewer's answers (labels written
before the reviewer ran on them). write_labelled_set.py writes them into dev.jsonl with the generated set."""

from __future__ import annotations

import sys
from pathlib import Path

A, C, B, S = "agent", "customer", "bot", "system"
NA = "na"


def conv(id_, lang, agent_lang, turns, labels, disposition=None):  # type: ignore[no-untyped-def]
    return {"id": id_, "language": lang, "agent_language": agent_lang, "disposition": disposition,
            "turns": [{"author": a, "text": t, **({"event": "handoff"} if a == S else {})} for a, t in turns],
            "labels": labels}


def L(**kw):  # type: ignore[no-untyped-def]
    base = {q: NA for q in ("greeting", "closing", "identification", "language", "empathy", "response_time",
                            "resolution_time", "personal_data", "disposition", "bot_article",
                            "bot_handoff_justified", "bot_no_missed_handoff")}
    return {**base, **kw}


ROWS = [
    conv("fr-1", "fr", "fr", [(C, "Bonjour, je voudrais résilier mon abonnement internet"),
                              (A, "Bonjour Monsieur, je peux m'en occuper. Quel est votre numéro client ?"),
                              (C, "C'est le [ID]"), (A, "Merci. J'ai résilié l'abonnement, fin au 30 du mois."),
                              (A, "Y a-t-il autre chose ? Bonne journée.")],
         L(greeting="yes", closing="yes", identification="yes", language="yes", personal_data="yes",
           disposition="yes"), "cancellation"),
    conv("fr-2", "fr", "fr", [(C, "C'est inadmissible, trois jours sans internet !"),
                              (A, "Donnez-moi le mot de passe de votre box."),
                              (A, "J'ai relancé la ligne, ça devrait revenir.")],
         L(greeting="no", closing="no", language="yes", empathy="no", personal_data="no", disposition="no")),
    conv("en-1", "en", "en", [(C, "Hi, I'm really fed up, my refund still hasn't arrived"),
                              (A, "Hello, I'm sorry for the wait. Could you confirm your date of birth?"),
                              (C, "12 May"), (A, "Thank you. I have processed the refund, it will arrive in 3 days."),
                              (A, "Anything else I can do? Have a nice day.")],
         L(greeting="yes", closing="yes", identification="yes", language="yes", empathy="yes", personal_data="yes",
           disposition="yes"), "refund"),
    conv("en-2", "en", "fr", [(C, "Hello, how do I top up my prepaid line from abroad?"),
                              (A, "Bonjour, vous pouvez recharger depuis l'application ou par carte."),
                              (A, "Bonne journée")],
         L(greeting="yes", closing="yes", language="no", personal_data="yes", disposition="no")),
    conv("es-1", "es", "es", [(C, "Hola, quiero cambiar mi plan de datos"),
                              (A, "Hola, con gusto. He cambiado su plan al de 20 GB."),
                              (A, "¿Algo más? Que tenga un buen día.")],
         L(greeting="yes", closing="yes", identification="no", language="yes", personal_data="yes",
           disposition="yes"), "plan_change"),
    conv("es-2", "es", "es", [(C, "¿Cómo pago mi factura?"),
                              (B, "Puede pagar su factura en la aplicación o en tienda."), (C, "Gracias")],
         L(bot_article="yes", bot_no_missed_handoff="yes")),
    conv("ar-1", "ar", "ar", [(C, "السلام عليكم، الإنترنت مقطوع منذ يومين وهذا غير مقبول"),
                              (A, "وعليكم السلام، نعتذر عن الإزعاج، سأتحقق من الخط الآن."),
                              (A, "تمت إعادة تشغيل الخط. هل هناك شيء آخر؟ يوم سعيد")],
         L(greeting="yes", closing="yes", language="yes", empathy="yes", personal_data="yes", disposition="yes"),
         "outage"),
    conv("ar-2", "ar", "en", [(C, "أريد معرفة رصيد حسابي من فضلك"),
                              (A, "Hello, your balance is 35 dirhams, you can check it in the app too.")],
         L(greeting="yes", closing="no", language="no", personal_data="yes", disposition="no")),
    conv("ary-1", "ary", "ary", [(C, "سلام، بغيت نبدل العرض ديالي"),
                                 (A, "مرحبا بيك، عطيني تاريخ الزيادة ديالك باش نتأكد من الهوية"),
                                 (C, "[DATE]"), (A, "شكرا، بدلت ليك العرض. شي حاجة خرا؟ نهارك مبروك")],
         L(greeting="yes", closing="yes", identification="yes", language="yes", personal_data="yes",
           disposition="yes"), "plan_change"),
    conv("ary-2", "ary", "ary", [(C, "عييت، مازال ما وصلني الريزو"),
                                 (A, "عطيني الكود السري ديال الكارط باش نشوف"),
                                 (A, "صافي")],
         L(greeting="no", closing="no", language="yes", empathy="no", personal_data="no", disposition="no")),
    conv("ary_Latn-1", "ary_Latn", "ary_Latn",
         [(C, "salam, bghit n3ref ch7al ba9i liya f rased"), (B, "Tqder tchouf rased dyalek f l'application."),
          (C, "machi hadchi li swlt, bghit nhder m3a chi wa7ed"), (B, "Tqder tchouf rased dyalek f l'application."),
          (B, "Wach kayn chi haja khra?")],
         L(bot_article="no", bot_no_missed_handoff="no")),
    conv("ary_Latn-2", "ary_Latn", "ary_Latn",
         [(C, "salam, bghit nlghi l abonnement dyali"), (S, "Un conseiller va vous répondre."),
          (A, "salam, mrhba bik. 3tini numero client 3afak"), (C, "[ID]"),
          (A, "safi lghit lik l abonnement. bslama, nharek mbrouk")],
         L(greeting="yes", closing="yes", identification="yes", language="yes", personal_data="yes",
           disposition="yes", bot_handoff_justified="yes", bot_no_missed_handoff="yes"), "cancellation"),
]

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from write_labelled_set import main

    main()
