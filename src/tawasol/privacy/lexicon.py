"""Context cues and small name/place lists, written for this project, in fr, en, es, ar and Darija (both scripts).

A cue found shortly before a candidate raises a weak pattern (a bare 8-digit number, a code like
'ab12345') to an identifier. Lists stay short on purpose: they are read at import and kept in memory.
"""

from __future__ import annotations

PHONE_CUES = (
    "phone", "tel", "tél", "telephone", "téléphone", "mobile", "portable", "gsm", "cell", "call", "whatsapp",
    "wa", "fax", "numéro", "numero", "number", "num", "n°", "no.", "joindre", "appel", "appelez", "rappeler",
    "contact", "teléfono", "telefono", "móvil", "movil", "llamar", "llámame", "llamame", "desk", "office",
    "رقم", "الرقم", "هاتف", "الهاتف", "تلفون", "التلفون", "التيليفون", "نمرة", "النمرة", "واتساب", "الواتساب",
    "nmra", "nemra", "nimra", "noumero", "ra9m", "raqm", "r9m", "tilifon", "tilifoun", "tlfn", "tele",
    "3ayet", "3iyet", "3ayto", "3eyt", "sonni", "appeli", "call me", "dial",
)
CARD_CUES = (
    "card", "carte", "cb", "visa", "mastercard", "amex", "tarjeta", "cc", "credit", "crédit", "débit", "debit",
    "بطاقة", "البطاقة", "الكارط", "lcarte", "lkarta", "karta", "carta", "lcart",
)
ACCOUNT_CUES = (
    "rib", "compte", "account", "cuenta", "iban", "virement", "transfer", "transferencia",
    "حساب", "الحساب", "الريب", "l7sab", "lhsab", "hsab", "7sab", "lcompte",
)
CIN_CUES = (
    "cin", "cnie", "carte nationale", "carte d'identité", "carte d identite", "identité", "identite",
    "national id", "id card", "identity card", "id number", "id", "dni", "cédula", "cedula", "nie",
    "البطاقة الوطنية", "بطاقة التعريف", "التعريف", "الهوية", "لاكارط", "btaqa", "bitaqa", "bita9a",
    "lbta9a", "lbita9a", "lbitaqa", "la carte", "lacarte", "lakart", "carte", "l'carte",
)
PASSPORT_CUES = (
    "passport", "passeport", "pasaporte", "جواز", "جواز السفر", "الباسبور", "باسبور", "paspor",
    "passpor", "bassbor", "lpassport", "lpasspor",
)
NATIONAL_ID_CUES = ("ssn", "social security", "sécurité sociale", "securite sociale", "nir", "seguridad social", "nss")
DOB_CUES = (
    "born", "birth", "dob", "d.o.b", "birthday", "né le", "née le", "né", "née", "naissance", "nacido",
    "nacida", "nacimiento", "nací", "naci", "nació", "nacio", "cumpleaños",
    "الازدياد", "الميلاد", "مزداد", "مزدادة", "ولدت", "تاريخ",
    "tzadt", "tzedt", "mzyad", "mzyada", "zdt", "ziyada", "date de naissance",
)
CURRENCY_CUES = ("dh", "dhs", "mad", "dirham", "dirhams", "€", "eur", "euro", "euros", "$", "usd", "درهم", "dollars")

# Strong cues are followed by the name itself, in any case: "smiti karim", "je m'appelle nadia".
NAME_STRONG_CUES = (
    "my name is", "name is", "name:", "name :", "nom:", "nom :", "je m'appelle", "je m appelle",
    "mon nom est", "mon nom c'est", "me llamo", "mi nombre es", "nombre:", "smiti", "smiyti", "smity",
    "ismi", "esmi", "اسمي", "إسمي", "سميتي", "الاسم", "الإسم", "under the name", "au nom de", "a nombre de",
    "signed", "signé", "cordialement", "regards", "saludos",
)
# Titles: the next one to three capitalised words are a name.
NAME_TITLES = (
    "mr", "mrs", "ms", "miss", "dr", "prof", "m.", "mme", "mlle", "monsieur", "madame", "mademoiselle",
    "sr", "sra", "srta", "señor", "señora", "señorita", "don", "doña", "si", "sidi", "lalla", "moulay",
    "السيد", "السيدة", "الآنسة", "سي", "للا", "مولاي", "الدكتور", "الدكتورة",
)

# Common first names met in Moroccan contact centres (Moroccan, French, Spanish, English), project-written.
FIRST_NAMES = frozenset("""
mohamed mohammed mohammad muhammad ahmed ahmad youssef yousef youssouf yassine yasine hamza omar othmane
ayoub anas amine mehdi mahdi karim abdelkarim abdellah abdallah abdelali abdelaziz abderrahim abderrahmane
abdelhak abdelilah abdeslam rachid rachida said saida hassan hussein houssine hicham hakim khalid khaled
mustapha mostafa driss idriss brahim ibrahim ismail smail jamal jalal adil aziz nabil nourdine noureddine
redouane ridouane reda soufiane sofiane tarik tariq zakaria zakariae ilyas ilias badr bilal walid younes
yunus marouane marwane hatim imad hamid najib lahcen larbi mounir mouad mourad taha zineb zaineb fatima
fatimazahra fatiha khadija aicha aisha meryem maryam mariam salma sanaa sana siham souad hanane hanan hafsa
imane iman ikram asmae asmaa amal amina aya hajar houda hind ilham kawtar kaoutar laila leila latifa loubna
malika nadia naima najat nora nour nouhaila oumaima rajae rania samira sara sarah soukaina wafae widad
yasmine yasmina zahra zohra ghizlane ghita chaimae chaima hiba nisrine btissam bouchra dounia fadwa
jean pierre paul jacques michel philippe nicolas julien thomas antoine louis lucas hugo arthur mathieu
olivier laurent stephane stéphane sebastien sébastien christophe francois françois frederic frédéric
patrick alain bernard eric éric david daniel vincent guillaume maxime alexandre romain benjamin
marie anne sophie camille julie claire isabelle nathalie sandrine celine céline christine catherine
valerie valérie emilie émilie lea léa manon chloe chloé emma ines inès lucie pauline juliette charlotte
jose josé juan carlos luis javier miguel antonio manuel francisco pedro jesus jesús alejandro pablo sergio
jorge alberto fernando raul raúl diego andres andrés rafael enrique ramon ramón alvaro álvaro
maria maría carmen ana laura lucia lucía isabel pilar elena rosa marta cristina paula teresa dolores
beatriz raquel silvia patricia mercedes rocio rocío alba nuria sofia sofía
john james robert michael william richard joseph charles christopher matthew anthony mark donald steven
andrew kenneth joshua kevin brian george edward ronald timothy jason jeffrey ryan jacob gary eric
stephen jonathan larry justin scott brandon frank gregory raymond samuel patrick jack dennis jerry
tyler aaron adam henry nathan douglas zachary peter kyle walter harold jeremy ethan carl keith roger
mary patricia jennifer linda elizabeth barbara susan jessica karen nancy lisa betty margaret sandra
ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon
cynthia kathleen amy shirley angela helen anna brenda pamela nicole samantha katherine christine
debra rachel carolyn janet catherine heather diane julie joyce victoria kelly christina lauren joan
evelyn olivia judith megan cheryl martha andrea frances hannah jacqueline ann gloria jean kathryn
alice teresa sara janice doris madison julia grace judy abigail marie denise beverly amber theresa
marilyn danielle diana brittany natalie sophia rose isabella alexis kayla charlotte tamara
""".split())

# Arabic-script first names: accepted after a cue or a title only (Arabic has no capitals to lean on).
FIRST_NAMES_AR = frozenset("""
محمد أحمد احمد يوسف ياسين حمزة عمر عثمان أيوب ايوب أنس انس أمين امين مهدي كريم عبد عبدالله عبد الله
رشيد رشيدة سعيد سعيدة حسن حسين هشام حكيم خالد مصطفى إدريس ادريس إبراهيم ابراهيم إسماعيل اسماعيل
جمال جلال عادل عزيز نبيل رضوان رضى سفيان طارق زكرياء إلياس الياس بدر بلال وليد يونس مروان حاتم عماد
حميد نجيب مراد منير طه زينب فاطمة فاطمة الزهراء خديجة عائشة مريم سلمى سناء سهام سعاد حنان حفصة إيمان
ايمان إكرام أسماء اسماء أمل امل أمينة امينة هاجر هدى هند إلهام كوثر ليلى لطيفة لبنى مليكة نادية نعيمة
نجاة نورة نور نهيلة أميمة رجاء رانية سميرة سارة سكينة وفاء وداد ياسمين زهرة غزلان غيثة شيماء هبة نسرين
ابتسام بشرى دنيا فدوى
""".split())

MOROCCAN_CITIES = (
    "casablanca", "casa", "rabat", "salé", "sale", "temara", "kenitra", "fès", "fes", "fez", "meknès", "meknes",
    "marrakech", "marrakesh", "agadir", "tanger", "tangier", "tétouan", "tetouan", "oujda", "nador",
    "el jadida", "safi", "essaouira", "beni mellal", "khouribga", "settat", "mohammedia", "laâyoune",
    "laayoune", "dakhla", "ouarzazate", "errachidia", "taza", "al hoceima", "berrechid", "larache",
    "الدار البيضاء", "البيضاء", "الرباط", "سلا", "تمارة", "القنيطرة", "فاس", "مكناس", "مراكش", "أكادير",
    "اكادير", "طنجة", "تطوان", "وجدة", "الناظور", "الجديدة", "آسفي", "الصويرة", "بني ملال", "المحمدية",
)

# Words that name a street or a place in an address; a number near one of them makes an address.
STREET_WORDS = (
    "rue", "avenue", "av", "ave", "boulevard", "bd", "blvd", "bld", "place", "impasse", "allée", "allee",
    "chemin", "route", "quartier", "résidence", "residence", "lotissement", "lot", "immeuble", "imm",
    "appartement", "appt", "apt", "etage", "étage", "calle", "avenida", "plaza", "paseo", "carrera",
    "camino", "piso", "street", "st", "road", "rd", "lane", "ln", "drive", "dr", "way", "court", "ct",
    "terrace", "square", "sq", "highway", "hwy", "parkway", "pkwy", "circle", "crescent", "close",
    "suite", "unit", "floor", "building", "derb", "zanqa", "znqa", "zenqa", "hay", "douar", "riad",
    "شارع", "زنقة", "درب", "حي", "إقامة", "اقامة", "عمارة", "شقة", "تجزئة", "دوار", "زقاق", "ساحة",
)

# Capitalised words that are not names: a run of capitals containing one is no person.
NOT_NAMES = frozenset("""
the a an my your our his her their its this that these those i we you he she it they me us him them hello hi hey
dear bonjour bonsoir salut salam merci thanks thank please hola gracias buenos buenas yes no ok okay and or but if
is are was were be been am do does did have has had can could will would should may might must not what when where
who why how which there here then than so also just only very all any some each every one two three four five
monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche
lunes martes miércoles jueves viernes sábado domingo january february march april may june july august september
october november december janvier février mars avril mai juin juillet août septembre octobre novembre décembre
inc ltd llc plc co corp corporation company companies group bank banque banco club university université school
hospital hotel restaurant church airport station state states united kingdom republic city county island islands
north south east west new saint st san santa mount lake river park center centre orchestra festival weekly times
news service services client customer support team department office american english french spanish arabic
moroccan european african act rights civil title chapter section visa mastercard iban rib cin email e-mail phone
whatsapp app internet wifi box apt suite unit po fpo apo dpo usns uss street road avenue lane drive way court
place square rue calle avenida boulevard music song songs album film movie book novel show tv radio love god
christmas easter ramadan eid aid project manager director president ceo cto chief senior junior account card
credit debit transfer order payment invoice delivery date time name address number mobile desk fax website
personal info information subject re fw fwd note notes question answer user bot agent assistant admin www http
https com org net de la le les el los las del di da du des van von y et und www internal external online
hey sir madam monsieur madame mr mrs ms miss dr prof welcome good morning evening night afternoon best regards
kind sincerely cordialement saludos regards ps nb via per vs etc
i'm i'll i've i'd it's that's there's what's who's let's don't can't c'est j'ai l'ai qu'il d'accord
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
alors bref sinon donc voilà voila enfin ensuite puis bon euh oui non aussi mais car comme quand pourquoi comment
depuis hier demain aujourd'hui franchement malheureusement svp stp allô allo coucou excusez pardon désolé desole
cependant pourtant toujours encore déjà deja vraiment bueno oye vale pues entonces mira sí claro hoy ayer
mañana también tambien porque cuando como perdón perdon disculpe oiga venga vaya aún todavía siempre nunca
well yeah yep now anyway actually honestly today tomorrow yesterday sorry excuse oh listen look again still
already never always sure
ana nta nti ntoma howa hiya homa huma hna tma rani rah raha rahom rak raki rana wach wash chno chnou achno ach
fin fen imta kifach kifash 3lach 3lash dyali dyalek dyalk dyalna dyalkom dyal dial diali khouya khoya khay khti
sahbi sa7bi sahbti m3a 3and 3endi 3ndi bghit bghina labas lbas salam slm afak 3afak 3fak chokran choukran
shokran baraka smhli smeh smehli mzyan mezyan walakin walo walou bzaf bezzaf daba ghedda ghda lbareh iwa ewa
hadi hada hadchi had kolchi chi machi mashi yak yallah safi wakha kayn kayna mazal baqi wla ola mrhba marhba
alo ghir bach lli tnin tlat larb3 lkhmis jem3a sebt l7ed lhad soy estoy
في من على إلى الى عن مع هو هي هذا هذه ذلك التي الذي قال قالت لي له لها إن أن كان كانت يوم غدا اليوم أمس شكرا مرحبا
السلام عليكم فضلك المرجو عافاك بغيت ديالي ليا راه واش دابا حتى ثم أو لا لم لن ما ماشي أنا انا نتا نتي حنا
رمضان شعبان شوال محرم رجب صفر يناير فبراير مارس أبريل ابريل ماي يونيو يوليوز غشت شتنبر أكتوبر نونبر دجنبر
الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد
""".split())
