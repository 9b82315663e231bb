/* Every word the widget's customer reads, in the six languages of Tawasol (one catalogue), and the locale
   of dates, times and durations (Intl). ar and ary are written right to left. */
"use strict";
const WidgetI18n = (() => {
  const CATALOGUE = {
    fr: {title: "Service client", human: "Parler à un conseiller", humanHint: "Être mis en relation avec une personne",
         send: "Envoyer", label: "Votre message", placeholder: "Écrivez votre message…", log: "Conversation",
         assistant: "Assistant", agent: "Le conseiller", you: "Vous", typing: "{who} écrit…",
         reconnecting: "Connexion perdue, reconnexion…", offline: "Vous êtes hors ligne ; le message partira au retour de la connexion.",
         sendFailed: "Le message n'a pas pu être envoyé. Réessayez.", startFailed: "Le chat est indisponible pour le moment. Réessayez plus tard.",
         queued: "Vous êtes n° {position} dans la file ; attente estimée : {wait}.", queuedNoEstimate: "Vous êtes n° {position} dans la file.",
         noAgent: "Aucun conseiller n'est disponible pour le moment ; votre demande reste dans la file et nous vous répondrons dès que possible.",
         assigned: "{agent} a rejoint la conversation.", assignedAnon: "Un conseiller a rejoint la conversation.",
         resolved: "La conversation est terminée.", csat: "Comment évaluez-vous cet échange ?",
         star: "{score} sur 5", thanks: "Merci pour votre avis !", csatFailed: "Votre avis n'a pas pu être enregistré.",
         lessThanMinute: "moins d'une minute", launcher: "💬 Discuter",
         notSent: "Non envoyé", retry: "Réessayer",
         quickReplies: "Réponses rapides", comment: "Un commentaire ? (facultatif)", sendComment: "Envoyer le commentaire", commentThanks: "Merci, votre commentaire est enregistré."},
    ar: {title: "خدمة العملاء", human: "التحدث إلى موظف", humanHint: "التواصل مع شخص من فريقنا",
         send: "إرسال", label: "رسالتك", placeholder: "اكتب رسالتك…", log: "المحادثة",
         assistant: "المساعد", agent: "الموظف", you: "أنت", typing: "{who} يكتب…",
         reconnecting: "انقطع الاتصال، جارٍ إعادة الاتصال…", offline: "أنت غير متصل؛ ستُرسل الرسالة عند عودة الاتصال.",
         sendFailed: "تعذّر إرسال الرسالة. حاول مرة أخرى.", startFailed: "المحادثة غير متاحة حالياً. حاول لاحقاً.",
         queued: "ترتيبك في قائمة الانتظار: {position}؛ مدة الانتظار المتوقعة: {wait}.", queuedNoEstimate: "ترتيبك في قائمة الانتظار: {position}.",
         noAgent: "لا يوجد موظف متاح حالياً؛ يبقى طلبك في قائمة الانتظار وسنرد عليك في أقرب وقت.",
         assigned: "انضم {agent} إلى المحادثة.", assignedAnon: "انضم موظف إلى المحادثة.",
         resolved: "انتهت المحادثة.", csat: "كيف تقيّم هذه المحادثة؟",
         star: "{score} من 5", thanks: "شكراً على تقييمك!", csatFailed: "تعذّر تسجيل تقييمك.",
         lessThanMinute: "أقل من دقيقة", launcher: "💬 محادثة",
         notSent: "لم تُرسل", retry: "أعد المحاولة",
         quickReplies: "ردود سريعة", comment: "هل لديك تعليق؟ (اختياري)", sendComment: "إرسال التعليق", commentThanks: "شكراً، تم تسجيل تعليقك."},
    ary: {title: "خدمة الزبناء", human: "بغيت نهضر مع شي واحد", humanHint: "نوصلوك مع شي واحد من الفريق",
          send: "صيفط", label: "الميساج ديالك", placeholder: "كتب الميساج ديالك…", log: "المحادثة",
          assistant: "المساعد", agent: "المستشار", you: "نتا", typing: "{who} كيكتب…",
          reconnecting: "تقطع الكونيكسيون، كنعاودو نتاصلو…", offline: "ما كاينش الكونيكسيون؛ الميساج غادي يمشي ملي ترجع.",
          sendFailed: "ما تصيفطش الميساج. عاود جرب.", startFailed: "الشات ما خدامش دابا. عاود من بعد.",
          queued: "نتا رقم {position} فالصف؛ غادي تسنى تقريباً {wait}.", queuedNoEstimate: "نتا رقم {position} فالصف.",
          noAgent: "حتى مستشار ما فاضي دابا؛ الطلب ديالك باقي فالصف وغادي نجاوبوك فأقرب وقت.",
          assigned: "{agent} دخل للمحادثة.", assignedAnon: "دخل مستشار للمحادثة.",
          resolved: "سالات المحادثة.", csat: "شنو رأيك فهاد المحادثة؟",
          star: "{score} من 5", thanks: "شكراً على الرأي ديالك!", csatFailed: "ما تسجلش الرأي ديالك.",
          lessThanMinute: "أقل من دقيقة", launcher: "💬 هضر معانا",
         notSent: "ما تصيفطش", retry: "عاود",
         quickReplies: "أجوبة سريعة", comment: "عندك شي تعليق؟ (إلا بغيتي)", sendComment: "صيفط التعليق", commentThanks: "شكراً، التعليق ديالك تسجل."},
    ary_Latn: {title: "Service client", human: "Bghit nhder m3a chi wa7ed", humanHint: "Nwasslouk m3a chi wa7ed mn l'équipe",
               send: "Sifet", label: "Lmessage dyalek", placeholder: "Kteb lmessage dyalek…", log: "Lmou7adata",
               assistant: "L'assistant", agent: "Lconseiller", you: "Nta", typing: "{who} kaykteb…",
               reconnecting: "Tqte3 l'connexion, kan3awdo ntasslo…", offline: "Makaynach connexion; lmessage ghadi yamchi mlli traje3.",
               sendFailed: "Matsifetch lmessage. 3awed jarreb.", startFailed: "Chat makhdamch daba. 3awed men b3d.",
               queued: "Nta raqm {position} f la file; ghadi tsenna ta9riban {wait}.", queuedNoEstimate: "Nta raqm {position} f la file.",
               noAgent: "7ta conseiller mafadi daba; la demande dyalek ba9a f la file w ghadi njawbok f a9rab wa9t.",
               assigned: "{agent} dkhel l lmou7adata.", assignedAnon: "Dkhel conseiller l lmou7adata.",
               resolved: "Salat lmou7adata.", csat: "Chnou ra2yek f had lmou7adata?",
               star: "{score} mn 5", thanks: "Choukran 3la ra2yek!", csatFailed: "Matsejjelch ra2yek.",
               lessThanMinute: "a9al mn d9i9a", launcher: "💬 Hder m3ana",
         notSent: "Ma tsiftch", retry: "3awed",
         quickReplies: "Ajwiba sari3a", comment: "3andek chi ta3li9? (ila bghiti)", sendComment: "Sifet ta3li9", commentThanks: "Choukran, ta3li9 dyalek tsejjel."},
    en: {title: "Customer service", human: "Talk to an agent", humanHint: "Get in touch with a person",
         send: "Send", label: "Your message", placeholder: "Type your message…", log: "Conversation",
         assistant: "Assistant", agent: "The agent", you: "You", typing: "{who} is typing…",
         reconnecting: "Connection lost, reconnecting…", offline: "You are offline; the message will go once you are back online.",
         sendFailed: "The message could not be sent. Please try again.", startFailed: "The chat is unavailable right now. Please try again later.",
         queued: "You are number {position} in the queue; estimated wait: {wait}.", queuedNoEstimate: "You are number {position} in the queue.",
         noAgent: "No agent is available right now; your request stays in the queue and we will answer as soon as we can.",
         assigned: "{agent} joined the conversation.", assignedAnon: "An agent joined the conversation.",
         resolved: "The conversation has ended.", csat: "How would you rate this conversation?",
         star: "{score} out of 5", thanks: "Thank you for your feedback!", csatFailed: "Your rating could not be saved.",
         lessThanMinute: "less than a minute", launcher: "💬 Chat",
         notSent: "Not sent", retry: "Retry",
         quickReplies: "Quick replies", comment: "Any comment? (optional)", sendComment: "Send comment", commentThanks: "Thank you, your comment is saved."},
    es: {title: "Atención al cliente", human: "Hablar con un agente", humanHint: "Ponerse en contacto con una persona",
         send: "Enviar", label: "Su mensaje", placeholder: "Escriba su mensaje…", log: "Conversación",
         assistant: "Asistente", agent: "El agente", you: "Usted", typing: "{who} está escribiendo…",
         reconnecting: "Conexión perdida, reconectando…", offline: "No tiene conexión; el mensaje se enviará cuando vuelva.",
         sendFailed: "No se pudo enviar el mensaje. Inténtelo de nuevo.", startFailed: "El chat no está disponible en este momento. Inténtelo más tarde.",
         queued: "Es el número {position} en la cola; espera estimada: {wait}.", queuedNoEstimate: "Es el número {position} en la cola.",
         noAgent: "No hay ningún agente disponible en este momento; su solicitud sigue en la cola y le responderemos lo antes posible.",
         assigned: "{agent} se ha unido a la conversación.", assignedAnon: "Un agente se ha unido a la conversación.",
         resolved: "La conversación ha terminado.", csat: "¿Cómo valora esta conversación?",
         star: "{score} de 5", thanks: "¡Gracias por su opinión!", csatFailed: "No se pudo guardar su valoración.",
         lessThanMinute: "menos de un minuto", launcher: "💬 Chat",
         notSent: "No enviado", retry: "Reintentar",
         quickReplies: "Respuestas rápidas", comment: "¿Algún comentario? (opcional)", sendComment: "Enviar comentario", commentThanks: "Gracias, su comentario se ha guardado."},
  };
  const LANGUAGES = Object.keys(CATALOGUE);
  // Intl locales: Moroccan Arabic and French formats; Arabizi is read in Latin script, so French digits and names.
  const LOCALES = {fr: "fr-MA", ar: "ar-MA", ary: "ar-MA", ary_Latn: "fr-MA", en: "en-GB", es: "es-ES"};
  const RTL = new Set(["ar", "ary"]);

  /* A supported language from a tag such as "es-ES", "ar_MA", "ary-Latn", or null. */
  function pick(tag) {
    if (!tag) return null;
    const t = String(tag).trim().replace("-", "_");
    const lower = t.toLowerCase();
    if (lower === "ary_latn" || lower === "ary_latn_ma") return "ary_Latn";
    if (lower.startsWith("ary")) return "ary";
    const base = lower.split("_")[0];
    return LANGUAGES.includes(base) ? base : null;
  }
  /* The first supported language of the browser's list. */
  function fromBrowser(list) {
    for (const tag of list || []) { const l = pick(tag); if (l) return l; }
    return null;
  }
  function t(lang, key, vars) {
    const s = (CATALOGUE[lang] || CATALOGUE.fr)[key] ?? CATALOGUE.fr[key] ?? key;
    return s.replace(/\{(\w+)\}/g, (_, k) => (vars && vars[k] !== undefined ? String(vars[k]) : ""));
  }
  function time(lang, iso) {
    const d = new Date(iso);
    if (isNaN(d)) return "";
    const sameDay = new Date().toDateString() === d.toDateString();
    const opts = sameDay ? {hour: "2-digit", minute: "2-digit"} : {day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"};
    return new Intl.DateTimeFormat(LOCALES[lang] || "fr-MA", opts).format(d);
  }
  function duration(lang, seconds) {
    if (seconds < 60) return t(lang, "lessThanMinute");
    const minutes = Math.round(seconds / 60);
    return new Intl.NumberFormat(LOCALES[lang] || "fr-MA", {style: "unit", unit: "minute", unitDisplay: "long"}).format(minutes);
  }
  const number = (lang, n) => new Intl.NumberFormat(LOCALES[lang] || "fr-MA").format(n);
  /* Write the catalogue into the markup: data-i18n (text), data-i18n-placeholder, -title, -aria-label. */
  function apply(root, lang) {
    root.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(lang, n.dataset.i18n); });
    root.querySelectorAll("[data-i18n-placeholder]").forEach((n) => { n.placeholder = t(lang, n.dataset.i18nPlaceholder); });
    root.querySelectorAll("[data-i18n-title]").forEach((n) => { n.title = t(lang, n.dataset.i18nTitle); });
    root.querySelectorAll("[data-i18n-aria-label]").forEach((n) => { n.setAttribute("aria-label", t(lang, n.dataset.i18nAriaLabel)); });
  }
  const htmlLang = (lang) => ({ary: "ary-Arab-MA", ary_Latn: "ary-Latn-MA"}[lang] || lang);
  return {CATALOGUE, LANGUAGES, LOCALES, pick, fromBrowser, t, time, duration, number, apply, htmlLang,
          isRtl: (lang) => RTL.has(lang)};
})();
