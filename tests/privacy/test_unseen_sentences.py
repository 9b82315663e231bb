"""Names and addresses in customer messages nobody tuned on, and the traps around them, in every product language.

Written by hand for issue 4 after the CRF tagger was built (none of them is a training template). Each case:
(language, text, [(type, exact value)]); the PERSON and ADDRESS entities found must be exactly the listed ones
(an empty list: none at all, the sentence is a trap), and every other listed entity must be found too.
"""

from __future__ import annotations

import pytest

from tawasol.privacy import detect

UNSEEN = [
    ("ary_Latn", "rani f 23 derb sidi bouloukat, marrakech, nmra dyali 07 12 34 56 78",
     [("ADDRESS", "23 derb sidi bouloukat, marrakech"), ("PHONE", "07 12 34 56 78")]),
    ("ary_Latn", "ana f tanger daba, lcolis ma wslnich", []),
    ("ary_Latn", "rah lcompte b smiyt youssef benali, ma9drtch ndkhol", [("PERSON", "youssef benali")]),
    ("ary_Latn", "wach momkin tbedlo l'adresse l 45 hay salam, agadir?", [("ADDRESS", "45 hay salam, agadir")]),
    ("ary_Latn", "hna f casa kolchi m9to3 had sba7", []),
    ("ary_Latn", "sahbi 3tani numero dyalkom, bghit n3ref 3lach lfacture tl3at", []),
    ("ary_Latn", "khouya Hamid howa li hder m3akom lbareh", [("PERSON", "Hamid")]),
    ("ary_Latn", "salam, smiti fatima zahra el idrissi w ma wslatni la facture",
     [("PERSON", "fatima zahra el idrissi")]),
    ("ary_Latn", "Rani ghadi nmchi l l'agence ghedda", []),
    ("ary_Latn", "Wach kayn chi promo f Inwi had chhar?", []),
    ("ary_Latn", "Hna f Fes lcoupure kayna mn lbareh", []),
    ("ary_Latn", "Dyali ana l'abonnement, machi dyal khouya", []),
    ("ary_Latn", "Sahbi, lconnexion t9ila bzaf", []),
    ("ary_Latn", "Khouya, wach kayn chi wa7ed f l'agence?", []),
    ("ary_Latn", "Ana sakn f 9 zanqa tarik ibn ziad, tetouan", [("ADDRESS", "9 zanqa tarik ibn ziad, tetouan")]),
    ("ary", "عافاك بدل ليا العنوان: 12 زنقة الحرية، حي المعاريف، الدار البيضاء",
     [("ADDRESS", "12 زنقة الحرية، حي المعاريف، الدار البيضاء")]),
    ("ary", "صيفطو ليا الكارطة ل حي الرياض، زنقة 14 رقم 9، الرباط", [("ADDRESS", "حي الرياض، زنقة 14 رقم 9، الرباط")]),
    ("ary", "السلام عليكم، بغيت نعرف علاش الفاتورة غالية", []),
    ("ary", "أنا ساكن ف 30 درب الفقيه، مراكش", [("ADDRESS", "30 درب الفقيه، مراكش")]),
    ("ar", "أسكن في 7 شارع عبد الكريم الخطابي، الرباط", [("ADDRESS", "7 شارع عبد الكريم الخطابي، الرباط")]),
    ("ar", "عنواني: درب السلطان رقم 45، فاس", [("ADDRESS", "درب السلطان رقم 45، فاس")]),
    ("ar", "سافرت إلى مراكش يوم الجمعة ولم يعمل الهاتف", []),
    ("ar", "اتصلت باتصالات المغرب ثلاث مرات دون جواب", []),
    ("ar", "اسمي خديجة بنسودة وأريد إلغاء الاشتراك", [("PERSON", "خديجة بنسودة")]),
    ("ar", "متى تفتح الوكالة يوم الإثنين في شهر رمضان؟", []),
    ("fr", "Bonjour, je m'appelle Amélie Duchêne et j'habite 8 allée des Tilleuls, 69003 Lyon",
     [("PERSON", "Amélie Duchêne"), ("ADDRESS", "8 allée des Tilleuls, 69003 Lyon")]),
    ("fr", "Merci de livrer au 14 bis avenue Mohammed VI, Tanger", [("ADDRESS", "14 bis avenue Mohammed VI, Tanger")]),
    ("fr", "Je suis à Casablanca jusqu'à lundi", []),
    ("fr", "Mon forfait Maroc Telecom ne marche plus depuis mardi", []),
    ("fr", "Bonsoir, la Freebox Pop redémarre sans arrêt", []),
    ("fr", "Voilà, Jean-Baptiste Moreau a résilié le contrat en février", [("PERSON", "Jean-Baptiste Moreau")]),
    ("fr", "Janvier, février, mars : toujours la même panne", []),
    ("fr", "Bref, personne ne répond au service client", []),
    ("fr", "Sinon, Orange Maroc propose mieux pour moins cher", []),
    ("en", "Hi, this is Priya Raman, please send the SIM to 221B Baker Street, London NW1 6XE",
     [("PERSON", "Priya Raman"), ("ADDRESS", "221B Baker Street, London NW1 6XE")]),
    ("en", "My iPhone 15 Pro stopped charging on Monday", []),
    ("en", "I moved to Paris in March and the bill still goes to Madrid", []),
    ("en", "Please ask Tom Okafor to call me back", [("PERSON", "Tom Okafor")]),
    ("en", "Good morning, Samsung Galaxy support please", []),
    ("en", "Ship it to 1450 Lakeview Drive, Apt 3, Denver, CO 80203",
     [("ADDRESS", "1450 Lakeview Drive, Apt 3, Denver, CO 80203")]),
    ("en", "Sunday is the only day I am home", []),
    ("en", "Agent: could I have your name?\nCustomer: Olumide Adeyemi", [("PERSON", "Olumide Adeyemi")]),
    ("en", "Well, Maroc Telecom says it is your fault", []),
    ("es", "Hola, soy Lucía Fernández y vivo en Calle de Alcalá 120, 28009 Madrid",
     [("PERSON", "Lucía Fernández"), ("ADDRESS", "Calle de Alcalá 120, 28009 Madrid")]),
    ("es", "Buenas tardes, el router Livebox no funciona desde el viernes", []),
    ("es", "Vivo en Sevilla pero trabajo en Málaga", []),
    ("es", "Mi hermano Álvaro pagó la factura de octubre", [("PERSON", "Álvaro")]),
    ("es", "Enviadlo a Avenida de la Constitución 7, 3º B, Granada",
     [("ADDRESS", "Avenida de la Constitución 7, 3º B, Granada")]),
    ("es", "Oye, ¿por qué me cobraron dos veces?", []),
    ("es", "Vale, espero la llamada de Marta Ruiz", [("PERSON", "Marta Ruiz")]),
    ("es", "Mayo fue el peor mes, Movistar no arregló nada", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), UNSEEN, ids=[f"{c[0]}-{i}" for i, c in enumerate(UNSEEN)])
def test_names_and_addresses_in_unseen_messages(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    found = [(e.type, e.text) for e in detect(text)]
    people_and_places = {f for f in found if f[0] in ("PERSON", "ADDRESS")}
    assert people_and_places == {x for x in expected if x[0] in ("PERSON", "ADDRESS")}, found
    assert all(x in found for x in expected), found


def test_the_cases_cover_every_language_and_enough_traps() -> None:
    assert {c[0] for c in UNSEEN} == {"fr", "ar", "ary", "ary_Latn", "en", "es"}
    assert len(UNSEEN) >= 40 and sum(not c[2] for c in UNSEEN) >= 20
