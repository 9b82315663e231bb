"""Hand-written word lists: Darija markers in both scripts, function words, and escalation cues.

All entries are in normalised form (see `normalize`): Arabic letter variants unified, Latin lower-case
without accents. Written for Tawasol; no list is taken from a data set.
"""

from __future__ import annotations

import re

# Words that are frequent in Moroccan Darija written in Latin script and rare in fr/en/es.
DARIJA_LATIN = frozenset(
    """
    wach wash wax ach ash ax chno xno shno chnou achno chnahowa kifach kifax kifash kifch fen fayn
    3lach 3lax 3lash 3lah lach imta imta2 mnin mnayn chhal xhal shhal ch7al sh7al x7al bch7al bchhal
    dyal dial dyali diali dyalek dialek dyalk dyalo dyalna dyalkom dyal9 d3wa
    bghit bghina bgha bghat nbghi kanbghi kanbghiw kanbgha bghiti tbghi
    kayn kain kayna kaina kaynin makaynch makaynach makainch ma3ndich ma3ndnach
    3ndi 3endi 3ndk 3ndek 3ndna 3ndo 3andi 3and
    daba dba daba daba hna temma tma lhih ghadi ghad gha ghanmchi ghan ghadin ghatdir
    bzaf bezaf bzzaf bzf chwiya chwia xwiya shwiya chwya
    mzyan mezyan mzian mzyana zwin zwina khayb 5ayb khayba 5ayba
    machi maxi mashi mchit mcha mchat nmchi kanmchi
    rah raha rahi rani rahom raho
    hada hadi hadchi hadxi hadak hadik dak dik dakchi dakxi
    kolchi kulchi koulchi kolxi walo walou wlou
    m3a m3ak m3aya m3ah m3ahom 3la 3lik 3liya 3lih 3lina liya lia lik lih lina likom
    ila ilakan wlla wella wla walakin walakine walaken welakin 7it 7ta hta
    nta nti ntoma ntouma howa huwa hiya hia 7na hna7na ana
    khoya 5oya khouya sahbi sa7bi lalla sidi khti 5ti
    safi yallah yalah wakha wakhkha waxxa waxa iwa iyeh ewa
    3afak afak 3fak llah lah nchallah inchallah insha2allah hamdullah lhamdulilah l7amdolilah hamdolah
    choukran chokran chkran shukran chokrn barak lah yr7am ysalam bslama beslama bsslama
    salam slm salamo salamu labas lbas mrhba mer7ba marhba
    flous flouss flos drari bnadem nas
    dir dirt dirti dert derti dert ndir kandir kaydir kaydiro dertlek glt galt gali goul goli
    chof chouf xof chofli choufli kanchof 3tini 3tina 3taw 3ta nkhles kankhles khlst khllst khelst
    nhder nhdar nhadar ntkelem hder tkellem nsowel sowel swel
    wahed wa7ed wahd chi xi shi chy chwia bach bax bash
    mazal mazala mazl ba9i baqi ba9a ma3raftch ma3reftch mafhmtch mafhemtch ma9dertch
    sme7 smeh sm7li smehli smahli 3awni 3awnoni
    lyoum lyouma lbare7 lbareh ghda ghedda
    tlefon tilifon portabl lportable lcarte lkarta l9erd lflexy flexy rcharge
    tsali tsaliw saliti salina salit wa3er wa3ra wa3rin yarbi atay simana dazt dazet khlini khalini wayak twhacht
    twhcht twhxt tri9 akhoya akhouya khedamin khdamin khdama jiti jina 4adi sghir sghira mchina nmchiw mchaw tla3 hbet
    chrit chrina gles glsi noud bnina mskin meskin mskina hadak hadik fhemti fhamt hchouma l3iyalat jibi 3titek
    bghiti bghaw kanbghik kanbghiha tanbghi tanbghik tay3jbni kay3jbni 3jbni 3jbatni ma3jbnich sme3ti sma3ti chefti
    chfti
    chafti golt gotlek golti 9oulili 9olt 9al 9alt 9alo tfaker fakar n3ess n3ass na3s fay9 fa9 faye9 3yit 3yat m3yi
    tbarkallah tbarklah hamdolah lhamdolah bslama mrhba bezzaf kolha kolhom koulhom fayn dial tal3a nazla ghalya rkhisa
    hwayj hwayji hwayjk hwayjek bhal bhalk bhali bhalo darori darouri daroori khas khass khassni khassek ghir ghi
    aji ajiw homa huma hado hadou mol mola mzn bsahtkom bsa7tek bsa7a abnadm bnadm sbitar awla olla ghada
    lkhatt lkhat l5at lconnexion lreseau rezo riizo lfactura lfatura lfactora factora fatora
    """.split()
)

# Darija in Arabic script (normalised: ة -> ه, أ/إ/آ -> ا, ى -> ي).
DARIJA_ARABIC = frozenset(
    """
    ديال ديالي ديالك ديالو ديالها ديالنا ديالكم ديالهم واش اش شنو شنا شنوا علاش فين فاين كيفاش امتا
    شحال بشحال منين بغيت بغينا بغا بغات كنبغي نبغي بغيتي تبغي كاين كاينه كاينين ماكاينش ماكينش
    دابا غادي غاد غانمشي بزاف مزيان مزيانه زوين زوينه خايب خايبه مشيت
    راه راها راني راكم راهم هادشي داكشي والو باش
    عافاك يخليك واخا صافي ايوا خويا بسلامه
    كنقول كيقول كندير كيدير ديرت كنشوف عطاوني نخلص كنخلص
    نهضر نهدر هضر نسول سولت مازالا معرفتش مافهمتش ماقدرتش
    سمحلي عاونوني عاوني البارح لبارح التيليفون البورطابل الكارطه الروشارج فليكسي
    شكون شكونه بحال بحالا بحالي ديما زعما جوج خاص خاصني خاصك خاصو خاسني خاسك خاسو خصني خصك خصو
    دبا سير سيري سيرو عاود مومكين واهد هتا كولشي مزال علاه كيداير كيدايرا كيفداير بزااف دغيا
    الريزو الكونيكسيون الفاكتوره كيبان كيخلي كيتقطع ماخدامش ماخدماش
    جيبلي ديرلي ديرني كنديرو كيديرو كنشوفو غانشوف غاتشوف غانديرو غانجي غاتجي غايجي كايجي كاتجي كانجي جاتني ملي فاش
    فوقاش اشمن شمن ياك ياكما عاوتاني عوتاني كاع بوحدي بوحدو عيالات راجلي هدرا لهدرا هضرا كنهضر كنهدر ماعلابالي علابالي
    كنعرف كتعرف كيعرف عرفتي بغيتو كيبغيو كنبغيو تبغيو كنشري كيشري كنقدر ماقدرش مانقدرش مكاينش بلاصه بلاصتي لبلاصه مزل
    زربه مزروب بزربه هادوك هاكا هكاكا بحالو بحالها ديالهوم كنخدم كيخدم
    شارجيت شارجا شارجيتها خصموها خصمولي خصمو وصلش ليا ليك تقاداو تقادا
    """.split()
)

# Arabic-script words frequent in Darija but also in MSA or other dialects (Levantine, Egyptian, Gulf):
# weak evidence only, never enough on their own.
DARIJA_ARABIC_WEAK = frozenset(
    """
    مرحبا هنا واحد غدا باقي مازال شويه شويا صاحبي شفت شوف كلشي سيدي لالا تكلم ليوم خلصت سمح هاد هادا هادي شي تما حيت
    لاباس راك خدام خدامه داك ديك عطيني درت ماشي تقطع مقطوع
    """.split()
)

# Arabizi markers spelled by ear in Arabic script (see `language._to_arabic_script`) that are also common
# MSA or Mashreqi words, so not Darija evidence.
PHONETIC_COLLISIONS = frozenset(
    """
    حنا فن معايا هادي عندو معاك هيا اولا شوفلي عندنا ليوم معا معاه وا يلا باقي غدا ولو علينا ماشي اجي مازال
    هادا ناس عليك فلوس عندك باراك شي ليه هنا واحد عليه ولا مرحبا غير عندي انا خليني ياربي شريت قولت قالت قال فاق
    الا ايه سلم
    """.split()
)

# Frequent function words per language, to spot code-switching within Latin script.
FUNCTION_WORDS = {
    "fr": frozenset("je tu il elle nous vous ils le la les un une des du de et est pas pour avec mon ma mes ce cette "
                    "que qui sur dans mais ou veux voudrais suis".split()),
    "en": frozenset("i you he she we they the a an of and is are not for with my your this that what which on in but "
                    "or want would am please".split()),
    "es": frozenset("yo tu el ella nosotros los las un una unos del y es no por para con mi mis este esta que cual en "
                    "pero quiero quisiera estoy".split()),
}

# Escalation cues, matched on normalised text. Each pattern adds evidence to its signal.
HUMAN_REQUEST = [
    r"\b(agent|agents|human|humain|humano|person(ne|a)?|real person|vraie personne|someone|quelqu'?un|alguien)\b",
    r"\b(conseill(er|ere)|operat(or|eur|rice)|operador(a)?|representative|asesor(a)?|service client|customer "
    r"service|atencion al cliente)\b",
    r"\b(parler|talk|speak|hablar|nhder|nhdar|nhadar|ntkelem|nhdr)\b.{0,30}\b(a|to|with|con|m3a|m3ak|avec)\b",
    r"\b(chi|xi|shi) (wahed|wa7ed|bnadem|insan)\b",
    r"\bm3a (chi|xi|shi|wahed|wa7ed|bnadem|l?agent|conseiller)\b",
    r"(موظف|موظفه|انسان|شخص|بشري|وكيل|مستشار|عميل خدمه|خدمه العملاء)",
    r"(نهضر|نهدر|نتكلم|اتحدث|التحدث|اكلم|نكلم|تكلم).{0,20}(مع|م)",
    r"(شي واحد|شي بنادم|شي حد|مع واحد)",
    r"\b(pas (un|a un|avec un) (robot|bot)|not a (robot|bot)|no (un )?(robot|bot)|machi robot|ماشي روبو)",
    r"\b(appelez[- ]moi|call me|llamenme|llamadme|3iyto liya|3ayto liya|عيطو ليا|اتصلوا بي)\b",
]
ANGER = [
    r"\b(inadmissible|inacceptable|scandale|scandaleux|honte|honteux|nul|nuls|arnaque|arnaqueurs|voleurs?|escrocs?)\b",
    r"\b(vous (me|nous) volez|vous volez|on se fait voler|du vol)\b",
    r"\b(unacceptable|ridiculous|outrageous|disgusting|scam|scammers?|thieves|useless|terrible|worst|furious|angry|"
    r"pathetic)\b",
    r"\b(inaceptable|vergonzoso|verguenza|estafa|ladrones|indignante|furioso|harto|fatal|pesimo)\b",
    r"\b(7chouma|hchouma|chfara|chfar|cheffara|nasabin|wa3r|khayb|5ayb|zbel|mkelkh|hmar|ghadab|m3asbin|tfou|t9awdat)\b",
    # whole words (a prefix و/ف/ب/ال/يا allowed): "عار" is shame, "المعاريف" a district of Casablanca
    r"(?<!\w)(و|ف|ب|ال|يا ?)?(حشومه|شفارين|شفاره|نصابين|نصب|سرقه|سرقتوني|لصوص|عار|فضيحه|غير مقبول|مهزله|زبل|"
    r"خايب|خايبه|تفو|غاضب|غاضبه|معصب|معصبه|سيئه جدا|اسوا|كتسرقونا|تسرقون)(?!\w)",
    r"\b(vous vous foutez|se fout(ent)? de|foutage de gueule|vous (vous )?moquez|se moquer de nous|incompetents?|"
    r"lamentable|degoutant|c'?est une blague)\b",
    r"\b(you don'?t care|don'?t give a|what a joke|this is a joke|incompetent|shameful|disgrace(ful)?|rip ?off)\b",
    r"\b(os burlais|se burlan|tomando el pelo|tomais el pelo|incompetentes?|una broma|un desastre|no os importa)\b",
    r"\b(ma ?kat7(e)?chmo(u)?ch|ma ?kat7chmo|bla 7ya|bla hchouma|tfo 3likom|tfou 3likom|ma ?kay7(e)?chmo(u)?ch|"
    r"kat9esro|t9ser)\b",
    r"(ماكتحشموش|ماكيحشموش|ما كتحشموش|بلا حيا|تفو عليكم|كتضحكو علينا|تستهزئون|استهتار|لا تحترمون|قله احترام|مهزله)",
    r"[😡🤬😠👎💢]",
]
FRUSTRATION = [
    r"\b(encore|toujours|depuis|deja|plusieurs fois|[0-9]+ fois|ca fait|personne ne|aucune reponse|j'?en ai "
    r"marre|marre|ras le bol)\b",
    r"\b(again|still|already|several times|[0-9]+ times|for days|for weeks|nobody|no one|no answer|fed up|sick "
    r"of|keep)\b",
    r"\b(otra vez|todavia|sigue|ya|varias veces|[0-9]+ veces|nadie|sin respuesta|harto|cansado)\b",
    r"\b(mazal|ma zal|ba9i|baqi|dima|kol mra|chhal men mra|bzaf dyal lmrat|3yit|3iyit|t3bt|t3ebt|wllah|walo|hta "
    r"wahed)\b",
    r"(مازال|باقي|ديما|كل مره|عييت|تعبت|شحال من مره|حتي واحد|والو|مجددا|مره اخري|لا احد|منذ|عده مرات)",
    r"\b(troisieme|quatrieme|deuxieme|enieme|ennieme) fois|\b(third|fourth|second|umpteenth) time|\b(tercera|cuarta|"
    r"segunda) vez",
    r"\b(talt|tani|tania|rab3|rab3a|tlata) (mra|mrat|merra)|\b(7ta|hta|hata) (wa7ed|wahed|7ad|had) ma\b|"
    r"\bma (jawebni|jawbni|jawbouni|jaweb|rddo|raddo)\b",
    r"(تالت مره|ثالث مره|ثالث مرة|المره الثالثه|حتي واحد ما|ما جاوبني|ما جاوبوني|لا احد يرد|لم يرد احد)",
    r"(للمره (الثانيه|الثالثه|الرابعه|الخامسه|العاشره)|لا احد يهتم|لا يهتم احد|ما كيهتم حد|حتي حد ما)",
    r"[😤😩😫😞😒🙄]",
]
URGENCY = [
    r"\b(urgent|urgence|urgente?|vite|rapidement|immediatement|tout de suite|maintenant|asap|right "
    r"now|immediately|emergency|quickly)\b",
    r"\b(urgencia|rapido|ahora mismo|inmediatamente|ya mismo)\b",
    r"\b(daba daba|dghya|dghiya|bzerba|zreb|3ajel|darori|daroori)\b",
    r"(عاجل|ضروري|فورا|حالا|بسرعه|دغيا|دابا دابا|بزربه|طوارئ)",
    r"[🚨⏰‼]",
]

# A customer who says they are leaving for a competitor or cancelling because of the service: a person
# (retention) should take it, whatever the bot could answer.
CHURN_THREAT = [
    r"\b(je vais (tout )?resilier|i'?ll cancel|i will cancel|i'?m going to cancel|voy a (darme de baja|cancelar))\b",
    r"\b(chez (la|un) concurren(ce|t)|(changer|change) d'?operateur|je (vais|veux) partir|je resilie et|je me casse|"
    r"aller voir ailleurs)\b",
    r"\b(switch(ing)? (to )?(another|a different) (provider|operator|network|company)|go(ing)? to (a|the|"
    r"your) competitors?|i'?m leaving (you|atlas)|cancel(l?ing)? (and|then) (leave|switch))\b",
    r"\b(me (voy|paso|cambio) (a|de) (otra|la competencia|compania|operador)|a la competencia|darme de baja y|"
    r"me doy de baja)\b",
    r"\b(nbe?d(d)?el (l'? ?)?(operateur|operator|charika|reseau)|ghadi nmchi (l|ل) ?(chi )?(operateur|"
    r"charika) (okhra|khra|akhor)|nsed (l'?)?abonnement w nmchi)\b",
    r"(سالغي (اشتراكي|الاشتراك|العقد)|سافسخ (العقد|اشتراكي)|غادي نحيد الاشتراك|"
    r"نبدل (ال)?(شركه|اوبيراتور)|غادي نمشي ل ?(شي )?شركه (اخري|خرا)|سانتقل الي (شركه|مشغل) (اخر|اخري)|ساغير المشغل|"
    r"الي المنافس)",
]

SIGNAL_PATTERNS = {
    name: [re.compile(p) for p in patterns]
    for name, patterns in {
        "human_request": HUMAN_REQUEST,
        "anger": ANGER,
        "frustration": FRUSTRATION,
        "urgency": URGENCY,
        "churn_threat": CHURN_THREAT,
    }.items()
}

# Very frequent words per European language (normalised: lower case, no accents), written for Tawasol.
# On two-word messages lingua often hesitates between en/fr/es; these words tip the balance.
FREQUENT_WORDS = {
    "fr": frozenset(
        """
        je j' tu il elle on nous vous ils elles le la les l' un une des du de d' au aux et est sont etait
        c'est ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs que qu' qui
        quoi dont ou où pas ne n' plus tres trop bien tout tous toute toutes avec pour par sur sous dans
        chez sans mais donc car si oui non merci bonjour bonsoir salut avoir ai as avons avez ont fait faire
        etre suis sommes etes va vais vas allons allez vont peut peux pouvez veux veut voulez aussi
        encore deja toujours jamais rien quand comme alors apres avant depuis pendant entre vers ici la-bas
        moi toi lui eux meme autre autres quel quelle quels quelles cest jai ca ça en a aujourd'hui demain
        hier soir matin jour ans fois petit grand nouveau nouvelle vie monde gens homme femme enfant
        chose temps vraiment peu beaucoup faut dit voir vous-meme sera serait ete avait aurait enfin
        mdr ptdr bah ben oh ouais trop cette pourquoi comment parce ici fois rien depuis ville pays
        nouveau premier annee semaine soiree journee article suite coucou svp stp desole
        n' s' c' m' t' jusqu' lorsqu' puisqu' ai avait avaient etaient serons fais font dois doit devons fallait
        viens vient voila voici selon contre lors ainsi celui celle ceux cela ceci chaque plusieurs quelque
        quelqu'un c'etait aucun aucune personne mieux pire vraie vrai faux deux trois dernier derniere grave
        ouf bref putain merde genre trucs truc mec meuf pote boulot taf cool super tant autant
        """.split()
    ),
    "en": frozenset(
        """
        i i'm i've i'll me my mine you your yours he him his she her it its we us our they them their the a
        an of and or but to in on at by for with from about into over up down out off is are was were be
        been being am do does did done have has had will would can could should may might must not no yes
        this that these those what which who whom whose when where why how all any some every each more
        most very so too just only also now then than there here again still ever never always get got go
        going gone went come came make made know think see say said want like love good great new old day
        time people man woman world life thing way today tomorrow yesterday night thanks thank please it's
        don't can't won't didn't isn't doesn't im dont cant after before because if while well really
        gonna wanna gotta u ur lol omg bad best better one two first last next year week game watch looks happy
        tonight morning let's let us back need feel right sure got much many every big little free help
        home work show live news says should vote fans win won beat team season hello hi hey hiya sorry okay
        as plus era
        's you're we're they're that's there's what's he's she's i'd you'll we'll isn't aren't wasn't weren't
        haven't hasn't wouldn't couldn't shouldn't being getting into through during until though although
        since such own same other another even few less least someone something nothing everything anyone
        everyone nobody anything around against without should've gonna y'all yeah yep nope guys guy girl
        friends friend family stuff amazing awesome cute funny lmao lmfao smh tbh idk btw wtf
        """.split()
    ),
    "es": frozenset(
        """
        yo tu te ti el ella ello nosotros vosotros ellos ellas usted ustedes mi mis su sus nuestro nuestra
        tus lo los la las le les un una unos unas del al y e o u ni a de en con por para sin sobre entre hasta
        desde que quien cual cuando donde como porque pero si no ya muy mas menos tan tambien todo toda
        todos todas nada algo alguien nadie siempre nunca hoy manana ayer aqui alli ahora despues antes
        bien mal es son era fue ser estar esta estoy estas estan este esto eso ese esa hay ha he han hemos
        tengo tiene tienen tenemos hace hacer puedo puede quiero quiere voy vas va vamos van dia dias vida
        gente hombre mujer cosa vez veces gracias hola buenos buenas me se nos os asi pues bueno mejor
        jaja jajaja xd pero porque cuanto nunca tambien otra otro mucho mucha muchos poco quiero quieres puedes
        tengo tienes estas estamos fueron sea sido ver hoy noche tarde semana ano anos amigo amiga mama papa
        soy eres somos sois has hemos habia hubo estaba estaban estuvo tuvo tuve hizo hice dijo digo dice dan doy
        da dar decir ir ninguno ninguna algun alguna algunos algunas gusta gustan encanta peor nuevo nueva gran
        grande grandes primero primera cada solo hacia contra segun durante mientras aunque sino tras cosas
        mundo casa trabajo partido equipo gobierno luego entonces claro vale venga oye mira verdad igual chicos
        chica chico amor feliz bonito lindo genial jeje jejeje jajajaja q xq pq porq tb tmb tqm dios hijo hija
        """.split()
    ),
}
