/* Supervisor view: queues with waiting conversations and their waits (SLA breaches in red), agents with
   presence and load, live sentiment alerts, and waiting time by language (routing fairness). */
"use strict";
(() => {
  const {api, el, wsUrl, fmtWait, t, term} = Tawasol;
  const app = document.getElementById("app");
  const liveAlerts = [];

  function layout() {
    app.replaceChildren(
      el("header", {class: "bar"}, el("h1", {text: t("supervisor.title")}),
        el("span", {id: "updated", class: "muted", style: "color:#fff"}),
        el("a", {href: "/static/insights.html", style: "color:#fff", text: t("supervisor.insights")}),
        el("a", {href: "/static/coaching.html", style: "color:#fff", text: t("supervisor.coaching")}),
        Tawasol.languagePicker(),
        el("button", {type: "button", onclick: Tawasol.logout, text: t("common.logout")})),
      el("section", {class: "card", style: "margin:1rem", "aria-labelledby": "m-h"},
        el("h2", {id: "m-h", text: t("supervisor.metrics")}),
        el("label", {for: "m-window", text: t("supervisor.window") + " "}),
        el("select", {id: "m-window", onchange: refreshMetrics},
          [1, 8, 24, 168].map((h) => el("option", {value: String(h), text: t("supervisor.hours", {n: Tawasol.number(h)}), selected: h === 24 ? "" : null}))),
        el("div", {id: "metrics", class: "tiles"}),
        el("div", {id: "m-chart", role: "img", "aria-label": t("supervisor.arrivalsChart")})),
      el("main", {class: "grid"},
        el("section", {class: "card", "aria-labelledby": "q-h"}, el("h2", {id: "q-h", text: t("supervisor.queues")}), el("div", {id: "queues"})),
        el("section", {class: "card", "aria-labelledby": "a-h"}, el("h2", {id: "a-h", text: t("supervisor.agents")}), el("div", {id: "agents"})),
        el("section", {class: "card", "aria-labelledby": "al-h"}, el("h2", {id: "al-h", text: t("supervisor.alerts")}),
          el("div", {id: "alerts", "aria-live": "polite"})),
        el("section", {class: "card", "aria-labelledby": "f-h"}, el("h2", {id: "f-h", text: t("supervisor.fairness")}),
          el("div", {id: "fairness"}))));
  }

  function table(headers, rows) {
    return el("table", {}, el("thead", {}, el("tr", {}, headers.map((h) => el("th", {text: h})))),
      el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => c && c.nodeType ? el("td", {}, c) : el("td", {text: c ?? "—"}))))));
  }

  function alertNode(a) {
    return el("div", {class: "alert"},
      el("strong", {text: `${a.language || "?"} · ${a.status ? term("status", a.status) : ""} `}),
      el("span", {class: "pill bad", text: `${term("sentiment", a.sentiment || "negative")} ${Math.round((a.intensity || 0) * 100)}%`}),
      a.anger ? el("span", {class: "pill bad", text: t("supervisor.anger", {pct: Math.round(a.anger * 100)})}) : null,
      el("div", {dir: "auto", text: a.text || ""}));
  }

  const pct = (x) => x == null ? "—" : Tawasol.number(x, {style: "percent", maximumFractionDigits: 0});
  const secs = (x) => x == null ? "—" : fmtWait(x);
  let chart = null;

  async function refreshMetrics() {
    const hours = Number(document.getElementById("m-window").value);
    const m = await api(`/api/v1/supervisor/metrics?hours=${hours}`);
    const label = (g) => `${g.queue || t("supervisor.bot")} · ${g.language}`;
    const figures = (g) => [["conversations", Tawasol.number(g.conversations)], ["serviceLevel", pct(g.service_level)],
      ["asa", secs(g.asa_seconds)], ["abandonment", pct(g.abandonment)], ["handleTime", secs(g.handle_seconds)],
      ["containment", pct(g.bot_containment)], ["backlog", Tawasol.number(g.backlog)]];
    document.getElementById("metrics").replaceChildren(...(m.groups.length ? m.groups.map((g) =>
      el("div", {class: "tile card", "data-queue": g.queue_id || "", "data-language": g.language},
        el("h3", {dir: "auto", text: label(g)}),
        el("dl", {}, figures(g).flatMap(([k, v]) => [el("dt", {text: t("supervisor.m." + k)}), el("dd", {"data-metric": k, text: v})]))))
      : [el("p", {class: "muted", text: t("supervisor.noMetrics")})]));
    const box = document.getElementById("m-chart");
    if (chart) { chart.destroy(); chart = null; }
    if (!m.groups.length || typeof uPlot === "undefined") return;
    const xs = m.buckets.map((b) => Date.parse(b) / 1000);
    const colours = ["#1f6feb", "#d92d20", "#12b76a", "#f79009", "#7a5af8", "#0e9384", "#c11574", "#667085"];
    chart = new uPlot({width: Math.max(320, box.clientWidth || 800), height: 220,
      series: [{}].concat(m.groups.map((g, i) => ({label: label(g), stroke: colours[i % colours.length], width: 2}))),
      axes: [{}, {label: t("supervisor.arrivals")}]}, [xs].concat(m.groups.map((g) => g.hourly)), box);
  }

  async function refresh() {
    const v = await api("/api/v1/supervisor/overview");
    document.getElementById("queues").replaceChildren(table([t("supervisor.queue"), t("supervisor.waiting"), t("supervisor.longest"), t("supervisor.sla"), t("supervisor.overSla")],
      v.queues.map((q) => [q.name, Tawasol.number(q.waiting), el("span", {class: q.longest_wait_seconds > q.sla_seconds ? "breach" : "", text: fmtWait(q.longest_wait_seconds)}),
                           fmtWait(q.sla_seconds), Tawasol.number(q.over_sla)])));
    document.getElementById("agents").replaceChildren(table([t("supervisor.agent"), t("supervisor.presence"), t("supervisor.load"), t("supervisor.languages")],
      v.agents.map((a) => [a.display_name, el("span", {class: "pill " + (a.presence === "online" ? "ok" : a.presence === "away" ? "warn" : ""), text: term("presence", a.presence)}),
                           `${a.load}/${a.capacity}`, a.languages.join(", ")])));
    const seen = new Set(liveAlerts.map((a) => a.conversation_id));
    const all = liveAlerts.concat(v.alerts.filter((a) => !seen.has(a.conversation_id)));
    document.getElementById("alerts").replaceChildren(...(all.length ? all.slice(0, 20).map(alertNode) : [el("p", {class: "muted", text: t("supervisor.noAlert")})]));
    const f = await api("/api/v1/supervisor/fairness");
    document.getElementById("fairness").replaceChildren(table([t("supervisor.language"), t("supervisor.count"), t("supervisor.median"), "p90", "× " + f.reference],
      f.groups.map((g) => [g.language, Tawasol.number(g.count), fmtWait(g.median_seconds), fmtWait(g.p90_seconds),
                           el("span", {class: g.flagged ? "breach" : "", text: g.ratio_to_reference ?? "—"})])));
    document.getElementById("updated").textContent = t("supervisor.updated", {time: Tawasol.time()});
  }

  function connect() {
    const ws = new WebSocket(wsUrl(`/api/v1/agent/ws?token=${encodeURIComponent(Tawasol.session.token)}`));
    ws.onmessage = (e) => {
      const ev = JSON.parse(e.data);
      if (ev.type === "message" && ev.message.author === "customer") {
        const s = (ev.message.analysis || {}).sentiment || {};
        const anger = (s.signals || {}).anger || 0;
        if ((s.label === "negative" && s.intensity >= 0.7) || anger >= 0.6) {
          liveAlerts.unshift({conversation_id: ev.conversation_id, text: ev.message.text, sentiment: s.label,
                              intensity: s.intensity, anger, language: ((ev.message.analysis || {}).language || {}).label});
          refresh();
        }
      } else if (ev.type && (ev.type.startsWith("conversation.") || ev.type === "presence")) refresh();
    };
    ws.onclose = () => setTimeout(connect, 1000);
  }

  async function start() {
    await Tawasol.loadLanguage();
    document.title = t("supervisor.title");
    await api("/api/v1/agent/me");
    layout();
    await refresh();
    await refreshMetrics();
    connect();
    setInterval(refreshMetrics, 30000);
    setInterval(refresh, 5000);
  }
  const login = async () => { await Tawasol.loadLanguage(); document.title = t("supervisor.title"); Tawasol.loginForm(app, t("supervisor.title"), start); };
  if (Tawasol.session) start().catch(login); else login();
})();
