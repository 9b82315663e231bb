/* The customer chat: opens a conversation, streams it over WebSocket, reconnects without losing or
   doubling messages (after_seq + de-dup by seq), wait estimate, typing, CSAT, RTL for Arabic. */
"use strict";
(() => {
  const params = new URLSearchParams(location.search);
  const tenant = params.get("tenant") || "atlas-telecom";
  const STORE = "tawasol.widget." + tenant;
  const $ = (id) => document.getElementById(id);
  const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
  const UI = {
    fr: {human: "Parler à un conseiller", send: "Envoyer", placeholder: "Écrivez votre message…", typing: "écrit…",
         reconnecting: "Connexion perdue, reconnexion…", thanks: "Merci pour votre avis !", agent: "Le conseiller",
         csat: "Comment évaluez-vous cet échange ?", title: "Service client"},
    ar: {human: "التحدث إلى موظف", send: "إرسال", placeholder: "اكتب رسالتك…", typing: "يكتب…",
         reconnecting: "انقطع الاتصال، جارٍ إعادة الاتصال…", thanks: "شكراً على تقييمك!", agent: "الموظف",
         csat: "كيف تقيّم هذه المحادثة؟", title: "خدمة العملاء"},
  };
  let state = JSON.parse(sessionStorage.getItem(STORE) || "null");
  const seen = new Set();
  let lastSeq = 0, ws = null, retry = 0, pollTimer = null, typingSent = 0, rtl = false, status = "bot";

  function save() { sessionStorage.setItem(STORE, JSON.stringify(state)); }

  function setRtl(on) {
    if (on === rtl) return;
    rtl = on;
    const t = UI[on ? "ar" : "fr"];
    $("widget").setAttribute("dir", on ? "rtl" : "ltr");
    document.documentElement.lang = on ? "ar" : "fr";
    $("human").textContent = t.human; $("send").textContent = t.send; $("text").placeholder = t.placeholder;
    $("csat-q").textContent = t.csat; $("widget-title").textContent = t.title;
  }

  function render(m) {
    if (!m || seen.has(m.seq)) return;
    seen.add(m.seq);
    lastSeq = Math.max(lastSeq, m.seq);
    const kind = state && (state.disclosure || []).includes(m.seq) ? "disclosure" : m.author;
    const who = {customer: "", bot: "Assistant", agent: UI[rtl ? "ar" : "fr"].agent, system: ""}[m.author] || "";
    const node = document.createElement("div");
    node.className = "msg " + kind;
    node.dataset.seq = m.seq;
    node.setAttribute("dir", "auto");
    if (who) { const w = document.createElement("span"); w.className = "who"; w.textContent = who; node.append(w); }
    let text = m.text;
    (m.sources || []).forEach((src) => { if (src.url) text = text.replace(" — " + src.url, ""); });
    node.append(document.createTextNode(text));
    (m.sources || []).forEach((src) => {  // the article the answer comes from, as a real link
      if (!src.url) return;
      const a = document.createElement("a");
      a.className = "source"; a.href = src.url; a.target = "_blank"; a.rel = "noopener noreferrer";
      a.dataset.article = src.article_key || ""; a.textContent = "📄 " + (src.title || src.url);
      node.append(a);
    });
    const list = $("messages");
    const after = [...list.children].find((c) => Number(c.dataset.seq) > m.seq);
    list.insertBefore(node, after || null);
    list.scrollTop = list.scrollHeight;
    // Direction follows what the customer writes; a short Latin command ("agent") does not flip it back.
    if (m.author === "customer" && (ARABIC.test(m.text) || m.text.trim().split(/\s+/).length >= 3)) setRtl(ARABIC.test(m.text));
  }

  function banner(text) { $("banner").textContent = text || ""; $("banner").hidden = !text; }

  async function showWait() {
    clearTimeout(pollTimer);
    if (status !== "queued") return;
    try {
      const res = await fetch(`/api/v1/conversations/${state.id}/queue`, {headers: auth()});
      if (res.ok) { const q = await res.json(); if (q.status === "queued") banner(q.notice); }
    } catch (e) { /* offline: the reconnect loop will call us again */ }
    pollTimer = setTimeout(showWait, 15000);
  }

  function onStatus(s, ev) {
    status = s;
    if (s === "queued") showWait();
    else if (s === "assigned") banner(ev && ev.agent ? `${ev.agent} ✓` : "");
    else if (s === "resolved" || s === "closed") { banner(""); $("csat").hidden = false; }
    else banner("");
  }

  const auth = () => ({Authorization: "Bearer " + state.token});

  function connect() {
    ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/v1/conversations/${state.id}/ws?token=${encodeURIComponent(state.token)}&after_seq=${lastSeq}`);
    ws.onopen = () => { retry = 0; document.body.dataset.connected = "1"; if (status !== "queued") banner(""); };
    ws.onmessage = (e) => {
      const ev = JSON.parse(e.data);
      if (ev.type === "backlog") { ev.messages.forEach(render); onStatus(ev.conversation.status); }
      else if (ev.type === "message") render(ev.message);
      else if (ev.type === "status") onStatus(ev.status, ev);
      else if (ev.type === "typing" && ev.author !== "customer") {
        $("typing").textContent = ev.typing ? `${UI[rtl ? "ar" : "fr"].agent} ${UI[rtl ? "ar" : "fr"].typing}` : "";
        clearTimeout(connect.t); connect.t = setTimeout(() => { $("typing").textContent = ""; }, 6000);
      }
    };
    ws.onclose = (e) => {
      document.body.dataset.connected = "0";
      if (e.code === 4401 || e.code === 4404) { sessionStorage.removeItem(STORE); return; }
      banner(UI[rtl ? "ar" : "fr"].reconnecting);
      setTimeout(connect, Math.min(5000, 300 * 2 ** retry++));
    };
  }

  async function send(text) {
    const body = {text, client_message_id: crypto.randomUUID ? crypto.randomUUID() : String(Date.now() + Math.random())};
    for (let attempt = 0; attempt < 5; attempt++) {  // same client_message_id: retries never double a message
      try {
        const res = await fetch(`/api/v1/conversations/${state.id}/messages`, {method: "POST",
          headers: Object.assign({"Content-Type": "application/json"}, auth()), body: JSON.stringify(body)});
        if (res.ok) { const r = await res.json(); render(r.message); r.replies.forEach(render); onStatus(r.status); return; }
        if (res.status < 500 && res.status !== 429) return;
      } catch (e) { /* network down: retry */ }
      await new Promise((ok) => setTimeout(ok, 500 * 2 ** attempt));
    }
  }

  async function start() {
    if (!state) {
      const lang = params.get("lang");
      const res = await fetch("/api/v1/conversations", {method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify(Object.assign({tenant, channel: "web"}, lang ? {language: lang} : {}))});
      const body = await res.json();
      state = {id: body.id, token: body.customer_token, disclosure: (body.messages || []).map((m) => m.seq)};
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
    if (ARABIC.test($("text").value)) setRtl(true);
    if (ws && ws.readyState === 1 && Date.now() - typingSent > 2000) {
      typingSent = Date.now(); ws.send(JSON.stringify({type: "typing", typing: true}));
    }
  });
  $("human").addEventListener("click", () => send("agent"));
  for (let score = 1; score <= 5; score++) {
    const b = document.createElement("button");
    b.type = "button"; b.textContent = "★".repeat(score); b.setAttribute("aria-label", `${score} / 5`); b.dataset.score = score;
    b.addEventListener("click", async () => {
      await fetch(`/api/v1/conversations/${state.id}/csat`, {method: "POST",
        headers: Object.assign({"Content-Type": "application/json"}, auth()), body: JSON.stringify({score})});
      $("csat").replaceChildren(Object.assign(document.createElement("p"), {textContent: UI[rtl ? "ar" : "fr"].thanks}));
    });
    $("csat").append(b);
  }
  start();
})();
