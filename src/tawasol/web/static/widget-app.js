/* The customer chat: opens a conversation, streams it over WebSocket, reconnects without losing or
   doubling messages (after_seq + de-dup by seq), wait estimate, typing, CSAT; every word from the catalogue of widget-i18n.js
   in the conversation's language (RTL for ar and ary). */
"use strict";
(() => {
  const params = new URLSearchParams(location.search);
  const tenant = params.get("tenant") || "atlas-telecom";
  const STORE = "tawasol.widget." + tenant;
  const $ = (id) => document.getElementById(id);
  const I = WidgetI18n;
  let state = JSON.parse(sessionStorage.getItem(STORE) || "null");
  const seen = new Set();
  let lastSeq = 0, ws = null, retry = 0, pollTimer = null, typingSent = 0, status = "bot", lang = null, lastBanner = null;
  const T = (key, vars) => I.t(lang, key, vars);
  const typed = new Map();  // client_message_id -> what the customer typed: their bubble shows exactly that

  const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

  function save() { sessionStorage.setItem(STORE, JSON.stringify(state)); }

  /* The widget's language: the conversation's once the server knows it, else the page's (data-language,
     ?lang=), else the browser's, else French. Every string, the direction and the date formats follow it. */
  function setLanguage(next) {
    next = I.pick(next) || "fr";
    if (next === lang) return;
    lang = next;
    if (state) { state.language = lang; save(); }
    const rtl = I.isRtl(lang);
    $("widget").setAttribute("dir", rtl ? "rtl" : "ltr");
    document.documentElement.lang = I.htmlLang(lang);
    document.documentElement.dir = rtl ? "rtl" : "ltr";
    document.body.dataset.language = lang;
    document.title = T("title");
    I.apply(document, lang);
    document.querySelectorAll("#csat button[data-score]").forEach((b) => b.setAttribute("aria-label", T("star", {score: b.dataset.score})));
    document.querySelectorAll("#messages .msg").forEach((n) => {
      const w = n.querySelector(".who"); if (w && n.dataset.whoKey) w.textContent = T(n.dataset.whoKey);
      if (n.dataset.askedKey) { const t = [...n.childNodes].find((c) => c.nodeType === 3); if (t) t.textContent = T(n.dataset.askedKey); }
      if (n.dataset.createdAt) n.dataset.time = I.time(lang, n.dataset.createdAt);
    });
    if (lastBanner) banner(lastBanner.key, lastBanner.vars);
  }

  function followConversation(conv) { if (conv && conv.language) setLanguage(conv.language); }

  function render(m) {
    if (!m || seen.has(m.seq)) return;
    seen.add(m.seq);
    const mine = m.client_message_id && pending.get(m.client_message_id);  // stored: its "sending" bubble gives way
    if (mine) { mine.node.remove(); pending.delete(m.client_message_id); }
    lastSeq = Math.max(lastSeq, m.seq);
    const kind = state && (state.disclosure || []).includes(m.seq) ? "disclosure" : m.author;
    const whoKey = {bot: "assistant", agent: "agent", customer: "you"}[m.author] || "";  // a name on every bubble
    const node = document.createElement("div");
    node.className = "msg " + kind;
    node.dataset.seq = m.seq;
    node.setAttribute("dir", "auto");
    if (whoKey) {
      node.dataset.whoKey = whoKey;
      const w = document.createElement("span"); w.className = "who"; w.textContent = T(whoKey); node.append(w);
    }
    const asked = state && (state.asked || {})[m.client_message_id];  // a button's request: its label, not the keyword
    let text = asked ? T(asked) : m.author === "customer" && typed.has(m.client_message_id) ? typed.get(m.client_message_id) : m.text;
    if (asked) node.dataset.askedKey = asked;
    // The source is cited once: its "Source : title — url" line becomes the link below the text.
    const cited = {};
    (m.sources || []).forEach((src) => {
      if (!src.url) return;
      const lines = text.split("\n");
      const line = lines.find((l) => l.includes(" — " + src.url));
      if (!line) return;
      cited[src.url] = line.replace(" — " + src.url, "").trim();
      text = lines.filter((l) => l !== line).join("\n").replace(/\n{3,}/g, "\n\n").trim();
    });
    const choices = m.author === "bot" && Array.isArray(m.choices) ? m.choices : [];
    if (choices.length) {  // "(oui / non)" typed in the question: the buttons say it
      const hint = "(" + choices.map((c) => c.label).join(" / ") + ")";
      if (text.toLowerCase().endsWith(hint.toLowerCase())) text = text.slice(0, -hint.length).trimEnd();
      node.dataset.choices = JSON.stringify(choices);
    }
    node.append(document.createTextNode(text));
    (m.sources || []).forEach((src) => {  // the article the answer comes from, as a real link
      if (!src.url) return;
      const a = document.createElement("a");
      a.className = "source"; a.href = src.url; a.target = "_blank"; a.rel = "noopener noreferrer";
      a.dataset.article = src.article_key || ""; a.textContent = "📄 " + (cited[src.url] || src.title || src.url);
      node.append(a);
    });
    if (m.created_at) {  // the time of the message in the widget's locale, drawn by CSS (not part of the text)
      node.dataset.createdAt = m.created_at; node.dataset.time = I.time(lang, m.created_at);
    }
    const list = $("messages");
    const after = [...list.children].find((c) => Number(c.dataset.seq) > m.seq);
    list.insertBefore(node, after || null);
    quickReplies();
    list.scrollTop = list.scrollHeight;
  }

  /* The buttons of the bot's question, under the last message only: any later message (typed, clicked,
     or from the agent) takes them away. A click sends the choice's value as the customer's message. */
  function quickReplies() {
    document.querySelectorAll("#messages .quick-replies").forEach((n) => n.remove());
    const last = $("messages").lastElementChild;
    if (!last || !last.dataset.choices || last.classList.contains("pending")) return;
    const group = document.createElement("div");
    group.className = "quick-replies"; group.setAttribute("role", "group");
    group.setAttribute("aria-label", T("quickReplies"));
    JSON.parse(last.dataset.choices).forEach((c) => {
      const b = document.createElement("button");
      b.type = "button"; b.className = "quick-reply"; b.textContent = c.label; b.dataset.value = c.value;
      b.setAttribute("dir", "auto");
      b.addEventListener("click", () => { group.remove(); send(c.value); });
      group.append(b);
    });
    $("messages").append(group);
  }

  /* The line under the header, from the catalogue (kept as a key so that a language change rewrites it). */
  function banner(key, vars) {
    lastBanner = key ? {key, vars} : null;
    $("banner").textContent = key ? T(key, vars) : "";
    $("banner").hidden = !key;
    $("banner").dataset.kind = key || "";
  }

  async function showWait() {
    clearTimeout(pollTimer);
    if (status !== "queued") return;
    try {
      const res = await fetch(`/api/v1/conversations/${state.id}/queue`, {headers: auth()});
      if (res.ok) {
        const q = await res.json();
        if (q.status === "queued") {
          if (q.agents_online === 0) banner("noAgent");
          else if (q.estimated_wait_seconds > 0) banner("queued", {position: I.number(lang, q.position), wait: I.duration(lang, q.estimated_wait_seconds)});
          else banner("queuedNoEstimate", {position: I.number(lang, q.position)});
        }
      }
    } catch (e) { /* offline: the reconnect loop will call us again */ }
    pollTimer = setTimeout(showWait, 15000);
  }

  function onStatus(s, ev) {
    status = s;
    if (s === "queued") showWait();
    else if (s === "assigned") {  // a reply's bare status never hides the agent's name the live event gave
      if (ev && ev.agent) banner("assigned", {agent: ev.agent});
      else if (!lastBanner || lastBanner.key !== "assigned") banner("assignedAnon");
    }
    else if (s === "resolved" || s === "closed") { banner("resolved"); $("csat").hidden = false; }
    else banner(null);
    if (s !== "resolved" && s !== "closed") $("csat").hidden = true;  // reopened by a new request
  }

  const auth = () => ({Authorization: "Bearer " + state.token});

  function connect() {
    ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/v1/conversations/${state.id}/ws?token=${encodeURIComponent(state.token)}&after_seq=${lastSeq}`);
    ws.onopen = () => { retry = 0; document.body.dataset.connected = "1"; flush(); if (lastBanner && lastBanner.key === "reconnecting") onStatus(status); };
    ws.onmessage = (e) => {
      const ev = JSON.parse(e.data);
      if (ev.type === "backlog") { followConversation(ev.conversation); ev.messages.forEach(render); onStatus(ev.conversation.status); }
      else if (ev.type === "message") render(ev.message);
      else if (ev.type === "status") { followConversation(ev.conversation); onStatus(ev.status, ev); }
      else if (ev.type === "typing" && ev.author !== "customer") {
        $("typing").textContent = ev.typing ? T("typing", {who: T(ev.author === "bot" ? "assistant" : "agent")}) : "";
        clearTimeout(connect.t); connect.t = setTimeout(() => { $("typing").textContent = ""; }, 6000);
      }
    };
    ws.onclose = (e) => {
      document.body.dataset.connected = "0";
      if (e.code === 4401 || e.code === 4404) { sessionStorage.removeItem(STORE); return; }
      banner(navigator.onLine === false ? "offline" : "reconnecting");
      setTimeout(connect, Math.min(5000, 300 * 2 ** retry++));
    };
  }

  /* `asked`: the catalogue key of the button that sent `text` (the handoff keyword): the bubble shows the
     button's words in the customer's language, kept across reloads, never the keyword itself.
     The bubble shows at once; a message the server did not take (connection down) stays "not sent" with a
     retry button and goes out by itself when the connection returns (same client_message_id: never doubled). */
  const pending = new Map();  // client_message_id -> {body, node}
  async function send(text, asked) {
    const body = {text, client_message_id: crypto.randomUUID ? crypto.randomUUID() : String(Date.now() + Math.random())};
    typed.set(body.client_message_id, text);
    if (asked) { state.asked = Object.assign(state.asked || {}, {[body.client_message_id]: asked}); save(); }
    // Arabic script typed in a left-to-right widget: right to left at once; the server's language refines it.
    if (ARABIC_SCRIPT.test(text) && !I.isRtl(lang)) setLanguage("ar");
    const node = document.createElement("div");
    node.className = "msg customer pending"; node.setAttribute("dir", "auto"); node.dataset.whoKey = "you";
    const w = document.createElement("span"); w.className = "who"; w.textContent = T("you"); node.append(w);
    node.append(document.createTextNode(asked ? T(asked) : text));
    document.querySelectorAll("#messages .quick-replies").forEach((n) => n.remove());
    $("messages").append(node); $("messages").scrollTop = $("messages").scrollHeight;
    pending.set(body.client_message_id, {body, node});
    await deliver(body.client_message_id);
  }

  async function deliver(id) {
    const p = pending.get(id);
    if (!p || p.busy) return;
    p.busy = true;
    let ok = false;
    try {
      const res = await fetch(`/api/v1/conversations/${state.id}/messages`, {method: "POST",
        headers: Object.assign({"Content-Type": "application/json"}, auth()), body: JSON.stringify(p.body)});
      if (res.ok) {
        const r = await res.json();
        ok = true; pending.delete(id); p.node.remove();
        render(r.message); r.replies.forEach(render); onStatus(r.status);
        learnLanguage(r);
      } else if (res.status < 500 && res.status !== 429) banner("sendFailed");
    } catch (e) { /* network down: kept, retried when the connection returns */ }
    p.busy = false;
    if (!ok && pending.has(id)) failed(p, id);
  }

  function failed(p, id) {
    if (p.node.classList.contains("failed")) return;
    p.node.classList.add("failed"); p.node.classList.remove("pending");
    const mark = document.createElement("span"); mark.className = "not-sent"; mark.dataset.i18n = "notSent"; mark.textContent = T("notSent");
    const again = document.createElement("button"); again.type = "button"; again.className = "retry";
    again.dataset.i18n = "retry"; again.textContent = T("retry");
    again.addEventListener("click", () => deliver(id));
    p.node.append(mark, again);
  }

  function flush() { [...pending.keys()].forEach(deliver); }
  window.addEventListener("online", flush);

  /* After a message: the conversation's language as the server now knows it (the reply's own language
     when the API gives one, else the conversation view of the transcript). */
  async function learnLanguage(r) {
    const given = (r.conversation && r.conversation.language) || r.language ||
      ((r.replies || []).map((m) => m.language).filter(Boolean).pop());
    if (given) { setLanguage(given); return; }
    try {
      const res = await fetch(`/api/v1/conversations/${state.id}/messages?after_seq=${lastSeq}`, {headers: auth()});
      if (res.ok) followConversation((await res.json()).conversation);
    } catch (e) { /* keep the current language */ }
  }

  async function start() {
    const asked = I.pick(params.get("lang"));  // the page's data-language (widget.js) or ?lang=
    setLanguage((state && state.language) || asked || I.fromBrowser(navigator.languages || [navigator.language]) || "fr");
    if (!state) {
      let body;
      try {
        const res = await fetch("/api/v1/conversations", {method: "POST", headers: {"Content-Type": "application/json"},
          body: JSON.stringify(Object.assign({tenant, channel: "web"}, asked ? {language: asked} : {}))});
        if (!res.ok) throw new Error(String(res.status));
        body = await res.json();
      } catch (e) { banner("startFailed"); return; }
      state = {id: body.id, token: body.customer_token, disclosure: (body.messages || []).map((m) => m.seq), language: lang};
      save();
      (body.messages || []).forEach(render);  // the AI disclosure
    }
    document.body.dataset.conversation = state.id;
    connect();
  }

  $("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("text").value.trim();
    if (!text) return;
    $("text").value = "";
    send(text);
  });
  $("text").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("composer").requestSubmit(); }
  });
  $("text").addEventListener("input", () => {
    if (ws && ws.readyState === 1 && Date.now() - typingSent > 2000) {
      typingSent = Date.now(); ws.send(JSON.stringify({type: "typing", typing: true}));
    }
  });
  $("human").addEventListener("click", () => send("agent", "human"));
  /* The survey: a star records the score at once (nothing lost if the customer leaves); then an optional
     comment, sent with the same score (the last answer wins). */
  async function rate(score, comment) {
    try {
      const res = await fetch(`/api/v1/conversations/${state.id}/csat`, {method: "POST",
        headers: Object.assign({"Content-Type": "application/json"}, auth()),
        body: JSON.stringify(comment ? {score, comment} : {score})});
      if (res.ok) return true;
    } catch (e) { /* offline */ }
    banner("csatFailed");
    return false;
  }
  function commentBox(score) {
    const form = document.createElement("form"); form.id = "csat-comment"; form.className = "csat-comment";
    const label = document.createElement("label"); label.htmlFor = "csat-text"; label.dataset.i18n = "comment"; label.textContent = T("comment");
    const box = document.createElement("textarea"); box.id = "csat-text"; box.maxLength = 1000; box.setAttribute("dir", "auto");
    const go = document.createElement("button"); go.type = "submit"; go.className = "primary"; go.dataset.i18n = "sendComment"; go.textContent = T("sendComment");
    form.append(label, box, go);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const comment = box.value.trim();
      if (!comment || go.disabled) return;
      go.disabled = true;
      if (await rate(score, comment)) {
        form.replaceWith(Object.assign(document.createElement("p"), {className: "csat-q", textContent: T("commentThanks")}));
      } else go.disabled = false;
    });
    return form;
  }
  for (let score = 1; score <= 5; score++) {
    const b = document.createElement("button");
    b.type = "button"; b.textContent = "★".repeat(score); b.dataset.score = score;
    b.setAttribute("aria-label", T("star", {score}));
    b.addEventListener("click", async () => {
      if (!(await rate(score))) return;
      $("csat").replaceChildren(Object.assign(document.createElement("p"), {className: "csat-q", textContent: T("thanks")}),
                                commentBox(score));
    });
    $("csat").append(b);
  }
  start();
})();
