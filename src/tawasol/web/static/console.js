/* Agent console: presence, live inbox, conversation with handoff packet and history, AI assist with
   one-click insert, knowledge-base search, notes, transfer, wrap-up. Keyboard: Alt+I inbox, Alt+R reply,
   Alt+S suggestions, Ctrl+Enter send; every action is a real button. */
"use strict";
(() => {
  const {api, el, wsUrl, t, term} = Tawasol;
  const app = document.getElementById("app");
  let me = null, current = null, detail = null, colleagues = null, socket = null, refreshTimer = null;
  const fresh = new Set();

  function announce(text) { document.getElementById("announce").textContent = text; }

  function layout() {
    app.replaceChildren(
      el("header", {class: "bar"},
        el("h1", {text: "Tawasol — " + (me.display_name || me.email)}),
        el("label", {for: "presence", class: "sr-only", text: t("console.presence")}),
        el("select", {id: "presence", onchange: (e) => setPresence(e.target.value)},
          ["online", "away", "offline"].map((p) => el("option", {value: p, selected: me.presence === p, text: term("presence", p)}))),
        el("span", {id: "live", class: "pill", text: "…"}),
        Tawasol.languagePicker(),
        el("button", {type: "button", onclick: Tawasol.logout, text: t("common.logout")})),
      el("main", {class: "console"},
        el("section", {class: "inbox", id: "inbox", "aria-label": t("console.inbox")},
          el("h2", {id: "mine-h", text: t("console.mine")}), el("ul", {id: "mine", "aria-labelledby": "mine-h"}),
          el("h2", {id: "queue-h", text: t("console.queued")}), el("ul", {id: "queued", "aria-labelledby": "queue-h"})),
        el("section", {class: "conv", id: "conv", "aria-label": t("console.conversation")},
          el("p", {class: "empty", text: t("console.select")})),
        el("section", {class: "side", id: "side", "aria-label": t("console.side")})));
  }

  async function setPresence(value) {
    me = await api("/api/v1/agent/presence", {method: "PUT", body: JSON.stringify({presence: value})});
    announce(t("console.presenceNow", {presence: term("presence", value)}));
    refreshInbox();
  }

  function item(c) {
    const mineNow = c.assigned_agent_id === me.id;
    const last = c.last_message ? c.last_message.text : "";
    return el("li", {},
      el("button", {type: "button", class: fresh.has(c.id) ? "new" : "", "data-id": c.id,
                    "aria-current": current === c.id ? "true" : "false", onclick: () => open(c.id)},
        el("strong", {text: c.customer_name || t("console.customer")}), " ",
        el("span", {class: "pill", text: c.language || "?"}),
        c.priority ? el("span", {class: "pill warn", text: "P" + c.priority}) : null,
        mineNow ? null : el("span", {class: "pill", text: term("status", c.status)}),
        el("div", {class: "muted", dir: "auto", text: last.slice(0, 70)})));
  }

  async function refreshInbox() {
    const [mine, queued] = await Promise.all([
      api("/api/v1/agent/conversations?status=assigned&mine=true"),
      api("/api/v1/agent/conversations?status=queued")]);
    document.getElementById("mine").replaceChildren(...mine.data.map(item));
    document.getElementById("queued").replaceChildren(...queued.data.map(item));
    if (!current && mine.data.length) open(mine.data[0].id);
  }

  function scheduleRefresh() { clearTimeout(refreshTimer); refreshTimer = setTimeout(refreshInbox, 150); }

  function msgNode(m) {
    const internal = m.internal || (m.analysis && m.analysis.internal);
    const who = {customer: t("console.customer"), bot: t("console.bot"), agent: internal ? t("console.note") : t("console.agent"), system: ""}[m.author];
    return el("div", {class: `msg ${internal ? "internal" : m.author}`, dir: "auto", "data-seq": m.seq},
      who ? el("span", {class: "who", text: who}) : null, m.text);
  }

  function append(m) {
    const list = document.getElementById("messages");
    if (!list || list.querySelector(`[data-seq="${m.seq}"]`)) return;
    list.append(msgNode(m));
    list.scrollTop = list.scrollHeight;
  }

  async function open(id) {
    current = id;
    if (!document.hidden) fresh.delete(id);  // seen only when the tab is looked at
    badge();
    detail = await api(`/api/v1/agent/conversations/${id}`);
    colleagues = await api("/api/v1/agent/colleagues");  // fresh each time: who is online now
    renderConversation();
    renderSide();
    document.getElementById("reply").focus();  // opening a conversation puts the agent in its reply box
    loadAssist();
    loadChurn();
    refreshInbox();
  }

  async function loadChurn() {
    const box = document.getElementById("churn");
    const customerId = detail && detail.conversation && detail.conversation.customer_id;
    if (!box || !customerId) return;
    let risk;
    try {
      risk = await api(`/api/v1/insights/customers/${customerId}/churn`);
    } catch (err) {
      box.replaceChildren(el("p", {class: "muted", text: t("console.churnUnavailable")}));
      return;
    }
    if (risk.score === null || risk.score === undefined) {
      box.replaceChildren(el("p", {class: "muted", text: t("console.notScored")}));
      return;
    }
    const band = risk.band === "high" ? "bad" : risk.band === "low" ? "ok" : "warn";
    box.replaceChildren(
      el("p", {}, el("span", {class: "pill " + band, id: "churn-score", text: `${Tawasol.number(risk.score, {style: "percent"})} · ${term("band", risk.band)}`}),
        risk.method === "heuristic" ? el("span", {class: "muted", text: " " + (risk.label || t("console.heuristic"))}) : null),
      el("ul", {id: "churn-reasons"}, (risk.reasons || []).slice(0, 3).map((r) => el("li", {dir: "auto", text: r}))));
  }

  function renderConversation() {
    const c = detail.conversation;
    const mine = c.assigned_agent_id === me.id && c.status === "assigned";
    const rtl = Tawasol.isRtlLanguage(c.language);
    const reply = el("textarea", {id: "reply", dir: "auto", "aria-label": t("console.replyLabel"),
      placeholder: mine ? t("console.replyPlaceholder") : t("console.claimToReply"),
      onkeydown: (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); sendReply(); } },
      oninput: typing});
    document.getElementById("conv").replaceChildren(
      el("div", {class: "head"},
        el("h2", {text: (detail.customer && detail.customer.name) || t("console.customer")}),
        el("span", {class: "pill", id: "conv-status", "data-status": c.status, text: term("status", c.status)}),
        el("span", {class: "pill", text: c.language || "?"}),
        c.status === "queued" || c.status === "bot" ? el("button", {type: "button", class: "primary", id: "claim", onclick: claim, text: t("console.claim")}) : null,
        mine ? el("button", {type: "button", id: "decline", onclick: decline, text: t("console.decline")}) : null),
      el("div", {class: "messages", id: "messages", role: "log", "aria-live": "polite", dir: rtl ? "rtl" : "ltr"},
        detail.messages.map(msgNode)),
      el("div", {class: "typing", id: "typing"}),
      el("div", {class: "composer"},
        el("label", {for: "reply", class: "sr-only", text: t("console.reply")}), reply,
        el("div", {class: "row"},
          el("button", {type: "button", class: "primary", id: "send", onclick: sendReply, text: t("console.send")}),
          el("label", {}, el("input", {type: "checkbox", id: "internal"}), " " + t("console.internal")),
          el("span", {style: "flex:1"}),
          transferControls()),
        wrapUpControls()));
    const list = document.getElementById("messages");
    list.scrollTop = list.scrollHeight;
  }

  function transferControls() {
    const options = [el("option", {value: "", text: t("console.transferTo")})]
      .concat((colleagues.queues || []).map((q) => el("option", {value: "queue:" + q.name, text: t("console.queueNamed", {name: q.name})})))
      .concat((colleagues.agents || []).filter((a) => a.id !== me.id && a.presence === "online")  // online colleagues only
        .map((a) => el("option", {value: "agent:" + a.id, text: `${a.display_name} (${a.languages.join("/")})`})));
    return el("span", {class: "row"},
      el("label", {for: "transfer-to", class: "sr-only", text: t("console.transferTo")}),
      el("select", {id: "transfer-to"}, options),
      el("label", {for: "transfer-note", class: "sr-only", text: t("console.transferNote")}),
      el("input", {id: "transfer-note", type: "text", maxlength: "500", placeholder: t("console.transferNoteHint")}),
      el("button", {type: "button", id: "transfer", onclick: transfer, text: t("console.transfer")}));
  }

  function wrapUpControls() {
    const codes = ["resolved_first_contact", "information_given", "billing_adjusted", "technical_ticket", "escalated_back_office", "no_response"];
    return el("details", {},
      el("summary", {text: t("console.wrapUp")}),
      el("div", {class: "row"},
        el("label", {for: "disposition", text: t("console.disposition")}),
        el("select", {id: "disposition"}, codes.map((d) => el("option", {value: d, text: term("wrapup", d)})))),
      el("label", {for: "wrap-summary", text: t("console.summary")}),
      el("textarea", {id: "wrap-summary", dir: "auto", placeholder: detail.handoff ? detail.handoff.summary : ""}),
      el("button", {type: "button", class: "primary", id: "resolve", onclick: resolve, text: t("console.resolve")}));
  }

  function renderSide() {
    const h = detail.handoff || {};
    const sentimentClass = h.sentiment === "negative" ? "bad" : h.sentiment === "positive" ? "ok" : "";
    const history = (h.previous_contacts || []).map((p) => el("li", {},
      el("span", {class: "muted", text: Tawasol.date(p.date) + " · " + term("status", p.status) + " "}),
      el("span", {dir: "auto", text: p.first_message || ""}),
      p.disposition ? el("span", {class: "pill", text: term("wrapup", p.disposition)}) : null));
    document.getElementById("side").replaceChildren(
      el("h2", {text: t("console.packet")}),
      el("div", {class: "card packet", id: "packet"},
        el("dl", {},
          el("dt", {text: t("console.why")}), el("dd", {id: "packet-why"}, (h.reasons_in_words || []).map((r) => el("span", {class: "pill warn", text: r}))),
          el("dt", {text: t("console.language")}), el("dd", {id: "packet-language", text: (h.language || "?") + (h.code_switching ? " " + t("console.codeSwitching") : "")}),
          el("dt", {text: t("console.intent")}), el("dd", {text: h.intent ? `${h.intent} (${Math.round((h.intent_confidence || 0) * 100)}%)` : "—"}),
          el("dt", {text: t("console.sentiment")}), el("dd", {}, el("span", {class: "pill " + sentimentClass, id: "packet-sentiment",
            text: h.sentiment ? `${term("sentiment", h.sentiment)} ${Math.round((h.sentiment_intensity || 0) * 100)}%` : "—"})),
          el("dt", {text: t("console.segment")}), el("dd", {text: h.segment || "—"}),
          el("dt", {text: t("console.botTried")}), el("dd", {text: (h.actions_tried || []).join(", ") || "—"})),
        el("p", {class: "summary", dir: "auto", id: "packet-summary", text: h.summary || ""})),
      el("h2", {text: t("console.churn")}),
      el("div", {class: "card", id: "churn"}, el("p", {class: "muted", text: t("common.loading")})),
      el("h2", {text: t("console.assist")}),
      el("div", {class: "card", id: "assist", "aria-live": "polite"}, el("p", {class: "muted", text: t("console.loadingSuggestions")})),
      el("h2", {text: t("console.kb")}),
      el("form", {class: "card", onsubmit: kbSearch},
        el("label", {for: "kb-q", class: "sr-only", text: t("console.kbSearch")}),
        el("div", {class: "row"}, el("input", {id: "kb-q", type: "search", dir: "auto", placeholder: t("console.kbPlaceholder"), style: "flex:1"}),
          el("button", {type: "submit", text: t("console.search")})),
        el("div", {id: "kb-results"})),
      el("h2", {text: t("console.history")}),
      el("div", {class: "card"}, history.length ? el("ul", {id: "history"}, history) : el("p", {class: "muted", text: t("console.noHistory")})));
  }

  function suggestionNode(s, i) {
    return el("div", {class: "suggestion"},
      el("span", {class: "pill", text: s.source === "kb" ? t("console.kbShort") : t("console.pastReply")}),
      s.title ? el("span", {class: "muted", dir: "auto", text: s.title}) : null,
      el("p", {dir: "auto", text: s.text}),
      el("button", {type: "button", class: "insert", "data-index": i, onclick: () => insert(s.text), text: t("console.insert")}));
  }

  async function loadAssist() {
    const id = current;
    const res = await api(`/api/v1/agent/conversations/${id}/assist`);
    if (id !== current) return;
    const box = document.getElementById("assist");
    box.replaceChildren(...(res.suggestions.length ? res.suggestions.map(suggestionNode)
      : [el("p", {class: "muted", text: t("console.noSuggestion")})]));
  }

  function insert(text) {
    const reply = document.getElementById("reply");
    reply.value = reply.value ? reply.value + "\n" + text : text;
    reply.focus();
    announce(t("console.inserted"));
  }

  async function kbSearch(e) {
    e.preventDefault();
    const q = document.getElementById("kb-q").value.trim();
    if (!q) return;
    const lang = detail.conversation.language ? `&language=${encodeURIComponent(detail.conversation.language)}` : "";
    const res = await api(`/api/v1/agent/kb?q=${encodeURIComponent(q)}${lang}&tenant_id=${detail.conversation.tenant_id}`);
    document.getElementById("kb-results").replaceChildren(...res.data.map(suggestionNode));
  }

  async function act(fn, message) {
    try { await fn(); announce(message); } catch (e) { announce(e.message); alert(e.message); }
  }
  const claim = () => act(async () => { await api(`/api/v1/agent/conversations/${current}/claim`, {method: "POST"}); await open(current); }, t("console.claimed"));
  const decline = () => act(async () => { await api(`/api/v1/agent/conversations/${current}/decline`, {method: "POST"}); current = null; await refreshInbox(); }, t("console.declined"));
  const transfer = () => act(async () => {
    const value = document.getElementById("transfer-to").value;
    if (!value) return;
    const [kind, target] = value.split(/:(.*)/s);
    const note = document.getElementById("transfer-note").value.trim() || null;
    await api(`/api/v1/agent/conversations/${current}/transfer`, {method: "POST",
      body: JSON.stringify(Object.assign(kind === "queue" ? {queue: target} : {agent_id: target}, {note}))});
    await open(current);
  }, t("console.transferred"));
  const resolve = () => act(async () => {
    const summary = document.getElementById("wrap-summary").value.trim();
    await api(`/api/v1/agent/conversations/${current}/resolve`, {method: "POST",
      body: JSON.stringify({disposition: document.getElementById("disposition").value, summary: summary || null})});
    await open(current);
  }, t("console.resolved"));

  async function sendReply() {
    const reply = document.getElementById("reply");
    const text = reply.value.trim();
    if (!text) return;
    const internal = document.getElementById("internal").checked;
    try {
      const m = await api(`/api/v1/agent/conversations/${current}/messages`, {method: "POST",
        body: JSON.stringify({text, internal, client_message_id: crypto.randomUUID ? crypto.randomUUID() : String(Math.random())})});
      append(m);
      reply.value = "";
    } catch (e) { announce(e.message); alert(e.message); }
  }

  let lastTyping = 0;
  function typing() {
    if (socket && socket.readyState === 1 && Date.now() - lastTyping > 2000) {
      lastTyping = Date.now();
      socket.send(JSON.stringify({type: "typing", conversation_id: current, typing: true}));
    }
  }

  function connect() {
    socket = new WebSocket(wsUrl(`/api/v1/agent/ws?token=${encodeURIComponent(Tawasol.session.token)}`));
    const live = () => document.getElementById("live");
    socket.onopen = () => { live().textContent = t("console.live"); live().className = "pill ok"; document.body.dataset.live = "1"; };
    socket.onclose = () => { if (live()) { live().textContent = t("console.disconnected"); live().className = "pill bad"; } setTimeout(connect, 1000); };
    socket.onmessage = (e) => {
      const ev = JSON.parse(e.data);
      if (ev.type === "message" && ev.conversation_id === current) append(ev.message);
      if (ev.type === "message" && ev.conversation_id === current && ev.message.author === "customer") loadAssist();
      if (ev.type === "typing" && ev.conversation_id === current && ev.author === "customer") {
        const t = document.getElementById("typing");
        if (t) { t.textContent = ev.typing ? Tawasol.t("console.customerTyping") : ""; setTimeout(() => { t.textContent = ""; }, 5000); }
      }
      if (ev.type && ev.type.startsWith("conversation.")) {
        if (ev.type === "conversation.assigned" && ev.agent_id === me.id) {
          fresh.add(ev.conversation_id);
          announce(t("console.newAssigned"));
          notifyNew(ev.conversation_id);
          if (!current) { open(ev.conversation_id); return; }
        }
        if (ev.conversation_id === current && ev.type !== "conversation.opened") open(current);
        else scheduleRefresh();
      }
    };
  }

  /* A new conversation: a count in the tab title until opened in view, and a silent desktop notification
     when the agent allowed them (asked once, on going online: a user gesture). */
  let TITLE = document.title;
  function badge() { document.title = (fresh.size ? `(${fresh.size}) ` : "") + TITLE; }
  function notifyNew(id) {
    badge();
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    const note = new Notification(t("console.notifyTitle"), {body: t("console.notifyBody"), tag: id, silent: true});
    note.onclick = () => { window.focus(); open(id); };
  }
  document.addEventListener("visibilitychange", () => { if (!document.hidden && current) { fresh.delete(current); badge(); } });
  document.addEventListener("change", (e) => {
    if (e.target.id === "presence" && e.target.value === "online" && "Notification" in window &&
        Notification.permission === "default") Notification.requestPermission();
  });

  const SHORTCUTS = [["Alt+I", "inbox"], ["Alt+R", "reply"], ["Ctrl+Enter", "send"],
    ["Alt+S", "suggestion"], ["Alt+K", "kb"], ["?", "help"], ["Esc", "close"]];
  function shortcutHelp() {  // `?` outside a text field: every shortcut, in a modal dialog (Esc closes it)
    let dialog = document.getElementById("shortcuts");
    if (!dialog) {
      dialog = el("dialog", {id: "shortcuts", "aria-labelledby": "shortcuts-title"},
        el("h2", {id: "shortcuts-title", text: t("console.shortcuts")}),
        el("dl", {}, SHORTCUTS.flatMap(([k, what]) => [el("dt", {}, el("kbd", {text: k})), el("dd", {text: t("shortcut." + what)})])),
        el("button", {type: "button", id: "shortcuts-close", onclick: () => dialog.close(), text: t("common.close")}));
      document.body.append(dialog);
    }
    if (!dialog.open) dialog.showModal();
  }

  document.addEventListener("keydown", (e) => {
    const typingHere = e.target.closest && e.target.closest("input, textarea, select, [contenteditable]");
    if (e.key === "?" && !typingHere && !e.altKey && !e.ctrlKey && !e.metaKey) { e.preventDefault(); shortcutHelp(); return; }
    if (!e.altKey) return;
    const focus = {i: "#inbox button", r: "#reply", s: "#assist button.insert", k: "#kb-q"}[e.key.toLowerCase()];
    const node = focus && document.querySelector(focus);
    if (node) { e.preventDefault(); node.focus(); }
  });

  async function start() {
    await Tawasol.loadLanguage();
    document.title = TITLE = t("console.title");
    me = (await api("/api/v1/agent/me"));
    layout();
    connect();
    refreshInbox();
  }

  const login = async () => { await Tawasol.loadLanguage(); document.title = t("console.title"); Tawasol.loginForm(app, t("console.title"), start); };
  if (Tawasol.session) start().catch(login); else login();
})();
