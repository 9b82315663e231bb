/* Quality and coaching: the supervisor's review queue (complaints, lowest scores, least sure answers), a
   conversation's scorecard with its evidence and a correction form, and an agent's trend per question by week with
   the conversations behind each low answer. An agent sees their own trends and scorecards only (the API says so).
   Plain JS over /api/v1/qa. */
"use strict";
(() => {
  const {api, el, loginForm, logout, t} = Tawasol;
  const root = document.getElementById("app");
  const pct = (x) => (x === null || x === undefined ? "—" : Tawasol.number(x, {style: "percent"}));
  const score = (x) => (x === null || x === undefined ? "—" : Tawasol.number(x, {maximumFractionDigits: 1}));
  const short = (id) => String(id || "").slice(0, 8);
  const WHY = {"complaint": () => t("coaching.complaint"), "low score": () => t("coaching.lowScore"),
               "low confidence": () => t("coaching.lowConfidence")};
  const CHOICE = {yes: () => t("coaching.yes"), no: () => t("coaching.no"), na: () => t("coaching.na")};
  const choiceText = (c) => (CHOICE[c] ? CHOICE[c]() : c);

  async function showConversation(box, id, reviewer, onChange) {
    box.replaceChildren(el("p", {class: "muted", text: "…"}));
    try {
      const r = await api(`/api/v1/qa/conversations/${encodeURIComponent(id)}`);
      if (!r.reviewed) { box.replaceChildren(el("p", {text: t("coaching.notReviewed")})); return; }
      const rows = r.answers.map((a) => {
        const evidence = [a.turns.length ? t("coaching.turns", {turns: a.turns.map((n) => n + 1).join(", ")}) : "",
          ...Object.entries(a.detail || {}).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map((n) => (/_turns$/.test(k) ? n + 1 : n)).join(", ") : v}`)]
          .filter(Boolean).join(" · ");
        let fix = null;
        if (reviewer && a.choice !== undefined) {
          const select = el("select", {"aria-label": t("coaching.choice") + " " + a.question},
            ["yes", "no", "na"].map((c) => el("option", {value: c, selected: c === a.choice, text: choiceText(c)})));
          const note = el("input", {type: "text", maxlength: 2000, "aria-label": t("coaching.note"), placeholder: t("coaching.note")});
          const status = el("span", {class: "muted", role: "status"});
          fix = el("form", {class: "fix", "data-question": a.question}, select, note,
            el("button", {type: "submit", text: t("coaching.save")}), status);
          fix.addEventListener("submit", async (ev) => {
            ev.preventDefault();
            try {
              const done = await api(`/api/v1/qa/conversations/${encodeURIComponent(id)}/corrections`, {method: "POST",
                body: JSON.stringify({question: a.question, choice: select.value, note: note.value.trim() || null})});
              status.textContent = t("coaching.saved", {score: score(done.score)});
              if (onChange) onChange();
            } catch (e) { status.textContent = e.message; }
          });
        }
        return el("tr", {"data-question": a.question},
          el("td", {}, el("b", {text: a.question}), el("div", {class: "muted", text: a.text})),
          el("td", {class: `choice-${a.choice}`, text: choiceText(a.choice)}),
          el("td", {text: a.corrected_by ? choiceText(a.automatic_choice) : ""}),
          el("td", {text: pct(a.confidence)}),
          el("td", {text: evidence}),
          reviewer ? el("td", {}, fix) : null);
      });
      box.replaceChildren(
        el("h3", {text: `${t("coaching.conversation")} ${short(id)} · ${t("coaching.score")} ${score(r.score)}`}),
        el("table", {id: "qa-answers"}, el("thead", {}, el("tr", {},
          el("th", {text: t("coaching.question")}), el("th", {text: t("coaching.choice")}),
          el("th", {text: t("coaching.automatic")}), el("th", {text: t("coaching.confidence")}),
          el("th", {text: t("coaching.evidence")}), reviewer ? el("th", {text: t("coaching.correct")}) : null)),
          el("tbody", {}, rows)));
    } catch (e) { box.replaceChildren(el("p", {class: "error", text: e.message})); }
  }

  async function showSummary(box, agentId, open) {
    box.replaceChildren(el("p", {class: "muted", text: "…"}));
    try {
      const s = await api(`/api/v1/qa/agents/${encodeURIComponent(agentId)}/summary?days=90`);
      if (!s.reviews) { box.replaceChildren(el("p", {text: t("coaching.none")})); return; }
      const rows = Object.entries(s.questions).map(([q, d]) => el("tr", {"data-question": q},
        el("td", {text: q}), el("td", {text: pct(d.rate)}),
        el("td", {}, el("div", {class: "weeks", role: "img", "aria-label": d.trend.map((w) => t("coaching.weekRate", w)).join("; ")},
          d.trend.map((w) => el("span", {class: w.rate < 0.5 ? "bad" : "", style: `height:${Math.max(6, Math.round(w.rate * 100))}%`,
            title: t("coaching.weekRate", w)})))),
        el("td", {}, el("ul", {class: "low"}, d.low.map((x) => el("li", {},
          el("button", {type: "button", class: "link", onclick: () => open(x.conversation_id),
            text: `${short(x.conversation_id)} · ${Tawasol.date(x.conversation_at)} · ${score(x.score)}`})))))));
      box.replaceChildren(
        el("p", {id: "qa-reviews", text: t("coaching.reviews", {n: Tawasol.number(s.reviews), days: Tawasol.number(s.days)})}),
        el("ul", {class: "muted"}, s.score_trend.map((p) => el("li", {text: t("coaching.meanScore",
          {period: p.period, score: score(p.mean_score), n: Tawasol.number(p.reviews)})}))),
        el("table", {id: "qa-summary-table"}, el("thead", {}, el("tr", {},
          el("th", {text: t("coaching.question")}), el("th", {text: t("coaching.rate")}),
          el("th", {text: t("coaching.trend")}), el("th", {text: t("coaching.low")}))), el("tbody", {}, rows)));
    } catch (e) { box.replaceChildren(el("p", {class: "error", text: e.message})); }
  }

  async function showQueue(box, open) {
    try {
      const q = await api("/api/v1/qa/queue?limit=50");
      if (!q.items.length) { box.replaceChildren(el("p", {text: t("coaching.queueEmpty")})); return; }
      box.replaceChildren(el("table", {id: "qa-queue"}, el("thead", {}, el("tr", {},
        el("th", {text: t("coaching.conversation")}), el("th", {text: t("coaching.agent")}),
        el("th", {text: t("coaching.score")}), el("th", {text: t("coaching.why")}), el("th", {}))),
        el("tbody", {}, q.items.map((i) => el("tr", {"data-conversation": i.conversation_id},
          el("td", {text: `${short(i.conversation_id)} · ${i.language || ""}`}), el("td", {text: i.agent_name || short(i.agent_id) || t("coaching.bot")}),
          el("td", {text: score(i.score)}), el("td", {text: i.why.map((w) => (WHY[w] ? WHY[w]() : w)).join(", ")}),
          el("td", {}, el("button", {type: "button", text: t("coaching.open"), onclick: () => open(i.conversation_id)})))))));
    } catch (e) { box.replaceChildren(el("p", {class: "error", text: e.message})); }
  }

  async function page(session) {
    const reviewer = ["supervisor", "admin"].includes(session.user.role);
    const conversation = el("section", {class: "card", id: "qa-conversation", "aria-live": "polite"});
    const summary = el("section", {class: "card", id: "qa-summary"});
    const queue = el("section", {class: "card", id: "qa-queue-box"});
    const refreshQueue = () => (reviewer ? showQueue(queue, open) : null);
    const open = (id) => { showConversation(conversation, id, reviewer, refreshQueue); conversation.scrollIntoView(); };
    let picker = null;
    if (reviewer) {
      const select = el("select", {id: "qa-agent", name: "agent"});
      try {
        const overview = await api("/api/v1/supervisor/overview");
        for (const a of overview.agents.filter((x) => x.role === "agent")) select.append(el("option", {value: a.id, text: a.display_name}));
      } catch (e) { select.append(el("option", {value: "", text: e.message})); }
      picker = el("form", {class: "controls", id: "qa-agent-form"},
        el("label", {for: "qa-agent", text: t("coaching.pickAgent")}), select,
        el("button", {class: "primary", type: "submit", text: t("coaching.show")}));
      picker.addEventListener("submit", (ev) => { ev.preventDefault(); if (select.value) showSummary(summary, select.value, open); });
    }
    root.replaceChildren(
      el("header", {class: "bar"}, el("h1", {text: t("coaching.title")}),
        el("span", {text: session.user.display_name || session.user.email}), Tawasol.languagePicker(),
        el("button", {text: t("common.logout"), onclick: logout})),
      el("main", {class: "coaching"},
        reviewer ? el("h2", {text: t("coaching.queue")}) : null, reviewer ? queue : null,
        el("h2", {text: t("coaching.summary")}), picker, summary,
        el("h2", {text: t("coaching.answers")}), conversation));
    if (reviewer) refreshQueue(); else showSummary(summary, session.user.id, open);
  }

  Tawasol.loadLanguage().then(() => {
    document.title = t("coaching.title");
    if (Tawasol.session) page(Tawasol.session); else loginForm(root, t("coaching.title"), page);
  });
})();
