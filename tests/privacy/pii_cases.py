"""Project-written sentences with Moroccan identifiers, phones and payment data in every product language.

Each case: (language, text, [(type, exact value)]). Every listed value must be detected with that type.
RIBs, IBANs and cards carry valid check digits (computed for these tests, not real accounts).
"""

RIB_1 = "011780000012345678901296"
RIB_2 = "225780000112233445566748"
IBAN_MA = "MA89011780000012345678901234"
IBAN_FR = "FR7630006000011234567890189"
IBAN_ES = "ES9121000418450200051332"
VISA = "4990695848304011"
MC = "5342079604349886"
AMEX = "374356128061920"

CASES = [
    # French
    ("fr", "Bonjour, mon numéro est 06 12 34 56 78, rappelez-moi svp", [("PHONE", "06 12 34 56 78")]),
    ("fr", "Vous pouvez me joindre au +212 6 61 23 45 67 après 18h", [("PHONE", "+212 6 61 23 45 67")]),
    ("fr", "Mon fixe : 05.22.48.12.34 (Casablanca)", [("PHONE", "05.22.48.12.34")]),
    ("fr", "appelez le 0033 6 12 34 56 78 c'est mon portable français", [("PHONE", "0033 6 12 34 56 78")]),
    ("fr", "Mon numéro WhatsApp: 00212-661-234-567", [("PHONE", "00212-661-234-567")]),
    ("fr", "Ma CIN est BE123456 et j'habite à Rabat", [("CIN", "BE123456")]),
    ("fr", "numéro de carte nationale : AB 234567", [("CIN", "AB 234567")]),
    ("fr", "Voici mon RIB : 011 780 0000123456789012 96 pour le remboursement",
     [("RIB", "011 780 0000123456789012 96")]),
    ("fr", f"Mon RIB {RIB_2}, merci", [("RIB", RIB_2)]),
    ("fr", "IBAN MA89 0117 8000 0012 3456 7890 1234 pour le virement",
     [("IBAN", "MA89 0117 8000 0012 3456 7890 1234")]),
    ("fr", f"Le prélèvement sur {IBAN_FR} a échoué", [("IBAN", IBAN_FR)]),
    ("fr", "ma carte 4990 6958 4830 4011 a été débitée deux fois", [("CARD", "4990 6958 4830 4011")]),
    ("fr", "J'ai payé avec la carte 5342-0796-0434-9886 hier", [("CARD", "5342-0796-0434-9886")]),
    ("fr", "Mon passeport UZ1234567 expire bientôt", [("PASSPORT", "UZ1234567")]),
    ("fr", "Je suis né le 12/05/1988 à Fès", [("DOB", "12/05/1988")]),
    ("fr", "date de naissance : 3 mars 1990", [("DOB", "3 mars 1990")]),
    ("fr", "écrivez-moi à nadia.elamrani@gmail.com", [("EMAIL", "nadia.elamrani@gmail.com")]),
    ("fr", "Je m'appelle Youssef Benali et ma commande est en retard", [("PERSON", "Youssef Benali")]),
    ("fr", "J'habite au 12 rue Ibn Battouta, Casablanca", [("ADDRESS", "12 rue Ibn Battouta, Casablanca")]),
    ("fr", "Mme Alaoui a appelé ce matin", [("PERSON", "Alaoui")]),
    # Arabic (MSA)
    ("ar", "رقم هاتفي هو 0612345678 من فضلك اتصل بي", [("PHONE", "0612345678")]),
    ("ar", "اتصل بي على ٠٦٦١٢٣٤٥٦٧", [("PHONE", "٠٦٦١٢٣٤٥٦٧")]),
    ("ar", "رقمي +212 7 00 11 22 33 شكرا", [("PHONE", "+212 7 00 11 22 33")]),
    ("ar", "رقم البطاقة الوطنية ديالي هو BK765432", [("CIN", "BK765432")]),
    ("ar", "البطاقة الوطنية: J456789", [("CIN", "J456789")]),
    ("ar", f"الحساب البنكي {RIB_1} من فضلكم", [("RIB", RIB_1)]),
    ("ar", f"رقم البطاقة البنكية {VISA} تم سرقتها", [("CARD", VISA)]),
    ("ar", "جواز السفر رقم AZ7654321", [("PASSPORT", "AZ7654321")]),
    ("ar", "تاريخ الازدياد 15/08/1992", [("DOB", "15/08/1992")]),
    ("ar", "البريد الإلكتروني ديالي karim.b@outlook.fr", [("EMAIL", "karim.b@outlook.fr")]),
    ("ar", "اسمي محمد العلوي وعندي مشكل", [("PERSON", "محمد العلوي")]),
    ("ar", "أسكن في شارع محمد الخامس رقم 45", [("ADDRESS", "شارع محمد الخامس رقم 45")]),
    ("ar", "الرقم ديالي هو ٠٧٠٠١١٢٢٣٣ وشكرا", [("PHONE", "٠٧٠٠١١٢٢٣٣")]),
    # Darija, Arabic script
    ("ary", "عافاك عيط ليا ف 06 61 23 45 67", [("PHONE", "06 61 23 45 67")]),
    ("ary", "النمرة ديالي 0522-45-67-89 الخدمة", [("PHONE", "0522-45-67-89")]),
    ("ary", "لاكارط ناسيونال ديالي CD123456 ضاعت ليا", [("CIN", "CD123456")]),
    ("ary", f"بغيت نبدل الريب ديالي {RIB_2}", [("RIB", RIB_2)]),
    ("ary", f"الكارط ديالي {MC} تبلوكات", [("CARD", MC)]),
    ("ary", "سيفط ليا على الواتساب +212661234567", [("PHONE", "+212661234567")]),
    ("ary", "الباسبور ديالي GH9876543 غادي يسالي", [("PASSPORT", "GH9876543")]),
    ("ary", "سميتي فاطمة الزهراء وبغيت نشكي", [("PERSON", "فاطمة الزهراء")]),
    ("ary", "مزداد ف 1990-02-14 وباقي ما وصلني والو", [("DOB", "1990-02-14")]),
    ("ary", "الرقم ديالي ٠٦ ١٢ ٣٤ ٥٦ ٧٨", [("PHONE", "٠٦ ١٢ ٣٤ ٥٦ ٧٨")]),
    # Darija, Latin script (Arabizi)
    ("ary_Latn", "salam, nmra dyali 06 12 34 56 78 3afak 3ayet liya", [("PHONE", "06 12 34 56 78")]),
    ("ary_Latn", "3tini lcarte dyalek? hahiya BE654321", [("CIN", "BE654321")]),
    ("ary_Latn", "lbita9a dyali ra9mha ab123456", [("CIN", "ab123456")]),
    ("ary_Latn", "sifet liya f whatsapp 0661234567 wla f email salma99@yahoo.fr",
     [("PHONE", "0661234567"), ("EMAIL", "salma99@yahoo.fr")]),
    ("ary_Latn", f"lcarte bancaire dyali {VISA} tblokat", [("CARD", VISA)]),
    ("ary_Latn", f"rib dyali howa {RIB_1} bghit nrecupere flousi", [("RIB", RIB_1)]),
    ("ary_Latn", "smiti karim bennani w 3andi mochkil f facture", [("PERSON", "karim bennani")]),
    ("ary_Latn", "tel dyali +212 6 00 11 22 33 ila bghiti", [("PHONE", "+212 6 00 11 22 33")]),
    ("ary_Latn", "ana mzyad f 05/11/1995", [("DOB", "05/11/1995")]),
    ("ary_Latn", "passport dyali UZ7654321 wach khasni nbedlo", [("PASSPORT", "UZ7654321")]),
    ("ary_Latn", "3ayet liya 0700 11 22 33 daba", [("PHONE", "0700 11 22 33")]),
    ("ary_Latn", "ghir 3ayet l 212 661 23 45 67", [("PHONE", "212 661 23 45 67")]),
    # English
    ("en", "my phone is +44 20 7946 0958 and my card 4990-6958-4830-4011",
     [("PHONE", "+44 20 7946 0958"), ("CARD", "4990-6958-4830-4011")]),
    ("en", f"Please refund to {IBAN_ES}", [("IBAN", IBAN_ES)]),
    ("en", "My name is Sarah Johnson, DOB 04/07/1985", [("PERSON", "Sarah Johnson"), ("DOB", "04/07/1985")]),
    ("en", f"amex {AMEX} was declined", [("CARD", AMEX)]),
    ("en", "the server at 192.168.10.24 blocks me, also 2001:db8::8a2e:370:7334",
     [("IP", "192.168.10.24"), ("IP", "2001:db8::8a2e:370:7334")]),
    ("en", "My SSN is 123-45-6789", [("NATIONAL_ID", "123-45-6789")]),
    ("en", "call me on (555) 123-4567 tomorrow", [("PHONE", "(555) 123-4567")]),
    # Spanish
    ("es", "Mi teléfono es 612 34 56 78, llámame por la tarde", [("PHONE", "612 34 56 78")]),
    ("es", "Mi número: +34 912 345 678", [("PHONE", "+34 912 345 678")]),
    ("es", "Mi DNI es 12345678Z", [("NATIONAL_ID", "12345678Z")]),
    ("es", "NIE X1234567L, pasaporte PAA123456", [("NATIONAL_ID", "X1234567L"), ("PASSPORT", "PAA123456")]),
    ("es", f"la tarjeta {MC} no funciona", [("CARD", MC)]),
    ("es", "Me llamo María García y vivo en Calle Mayor 12",
     [("PERSON", "María García"), ("ADDRESS", "Calle Mayor 12")]),
    ("es", "nací el 21 de julio de 1979", [("DOB", "21 de julio de 1979")]),
    # code-switching
    ("mixed", "bonjour, smiti Hamza, CIN BJ445566, tel 0661-22-33-44 merci",
     [("PERSON", "Hamza"), ("CIN", "BJ445566"), ("PHONE", "0661-22-33-44")]),
    ("mixed", f"3afak check l'IBAN {IBAN_MA} w l'email hamza@menara.ma",
     [("IBAN", IBAN_MA), ("EMAIL", "hamza@menara.ma")]),
]

# Messages without personal data: nothing may be flagged in them.
CLEAN = [
    "Bonjour, je voudrais connaître le solde de mon compte",
    "wach kayn chi promotion had chhar?",
    "شحال كيسوا الاشتراك ديال 200 درهم؟",
    "I paid 1 500 000 dh last year",
    "Ma commande de 3 articles est arrivée le 12/05",
    "Hola, ¿a qué hora abren mañana?",
    "the meeting is at 10:30 in room 4",
]
