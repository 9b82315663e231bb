/* Supervisor planning page: staffing plan chart (with and without the virtual agent), proactive outreach
   list with a send button, model cards with fairness figures. Plain JS, inline SVG, no network beyond the API. */
"use strict";
(() => {
  const {api, el, loginForm, logout, t} = Tawasol;
  const root = document.getElementById("app");
  const SVG = "http://www.w3.org/2000/svg";
  const pct = (x) => Tawasol.number(x, {style: "percent"});

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  }

  function chart(rows) {
    const W = 1000, H = 260, L = 40, B = 30, T = 10;
    const maxV = Math.max(1, ...rows.map((r) => r.volume));
    const maxA = Math.max(1, ...rows.map((r) => r.scheduled_without_bot));
    const x = (i) => L + (i * (W - L - 10)) / rows.length;
    const bw = Math.max(1, (W - L - 10) / rows.length - 1);
    const yV = (v) => H - B - (v / maxV) * (H - B - T);
    const yA = (a) => H - B - (a / maxA) * (H - B - T);
    const s = svg("svg", {class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img",
      "aria-label": t("insights.chartLabel")});
    rows.forEach((r, i) => {
      const bar = svg("rect", {x: x(i), y: yV(r.volume), width: bw, height: H - B - yV(r.volume), fill: "#c7d7f0"});
      bar.append(svg("title", {}));
      bar.firstChild.textContent = t("insights.bar", {time: r.timestamp, contacts: Tawasol.number(r.volume, {maximumFractionDigits: 1}),
        agents: Tawasol.number(r.scheduled_agents), without: Tawasol.number(r.scheduled_without_bot)});
      s.append(bar);
    });
    const step = (key, color, dash) => {
      let d = "";
      rows.forEach((r, i) => { d += `${i ? "L" : "M"}${x(i)},${yA(r[key])} L${x(i) + bw + 1},${yA(r[key])} `; });
      s.append(svg("path", {d, fill: "none", stroke: color, "stroke-width": 2, "stroke-dasharray": dash || ""}));
    };
    step("scheduled_without_bot", "#b42318", "5 3");
    step("scheduled_agents", "#0b6e4f");
    s.append(svg("line", {x1: L, y1: H - B, x2: W - 10, y2: H - B, stroke: "#5b6476"}));
    const label = (text, xx, yy, anchor) => {
      const t = svg("text", {x: xx, y: yy, "font-size": 11, fill: "#5b6476", "text-anchor": anchor || "start"});
      t.textContent = text; s.append(t);
    };
    label(t("insights.agentsAxis", {n: Tawasol.number(maxA)}), L - 4, T + 10, "end");
    label("0", L - 4, H - B, "end");
    const days = rows.length > 48 ? Math.ceil(rows.length / 12) : Math.ceil(rows.length / 8);
    rows.forEach((r, i) => { if (i % days === 0) label(r.timestamp.slice(5, 16), x(i), H - 10); });
    return s;
  }

  async function loadPlan(box, form) {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) p.set(k, v);
    box.replaceChildren(el("p", {class: "muted", text: t("insights.computing")}));
    try {
      const plan = await api(`/api/v1/insights/staffing?${p}`);
      const s = plan.summary, c = plan.containment;
      box.replaceChildren(
        el("div", {class: "figures"},
          el("div", {}, el("b", {id: "containment", text: pct(c.rate)}), el("span", {class: "muted", text: t("insights.contained", {contained: Tawasol.number(c.contained), ended: Tawasol.number(c.ended)})})),
          el("div", {}, el("b", {text: t("insights.hours", {h: Tawasol.number(Math.round(s.agent_hours))})}), el("span", {class: "muted", text: t("insights.hoursWith")})),
          el("div", {}, el("b", {text: t("insights.hours", {h: Tawasol.number(Math.round(s.agent_hours_without_bot))})}), el("span", {class: "muted", text: t("insights.withoutBot")})),
          el("div", {}, el("b", {text: `${Tawasol.number(s.peak_scheduled_agents)} / ${Tawasol.number(s.peak_scheduled_without_bot)}`}), el("span", {class: "muted", text: t("insights.peak")})),
          el("div", {}, el("b", {text: t("common.sec", {sec: Tawasol.number(plan.aht_seconds)})}), el("span", {class: "muted", text: t("insights.aht", {source: plan.aht_source})})),
          plan.backtest ? el("div", {}, el("b", {text: Tawasol.number(plan.backtest.mase, {maximumFractionDigits: 2})}),
            el("span", {class: "muted", text: t("insights.mase", {naive: Tawasol.number(plan.backtest.mase_seasonal_naive, {maximumFractionDigits: 2})})})) : null),
        el("p", {class: "legend"},
          el("span", {}, el("i", {class: "swatch", style: "background:#c7d7f0"}), t("insights.legendContacts")),
          el("span", {}, el("i", {class: "swatch", style: "background:#0b6e4f"}), t("insights.legendWith")),
          el("span", {}, el("i", {class: "swatch", style: "background:#b42318"}), t("insights.withoutBot"))),
        chart(plan.rows),
        el("p", {class: "muted", text: t("insights.footnote", {definition: c.definition, note: c.note || "", timezone: plan.timezone,
          from: Tawasol.date(plan.history.from), to: Tawasol.date(plan.history.to), n: Tawasol.number(plan.history.conversations)})}));
    } catch (e) { box.replaceChildren(el("p", {class: "error", text: e.message})); }
  }

  async function loadOutreach(box, tenant) {
    box.replaceChildren(el("p", {class: "muted", text: t("common.loading")}));
    try {
      const q = tenant ? `?tenant=${encodeURIComponent(tenant)}&limit=30` : "?limit=30";
      const res = await api(`/api/v1/insights/outreach${q}`);
      const note = res.churn_method === "heuristic"
        ? el("p", {class: "heuristic", text: t("insights.heuristic")})
        : res.churn_method ? null : el("p", {class: "muted", text: t("insights.noScores")});
      const rows = res.data.map((item) => {
        const status = el("span", {class: "muted"});
        const button = el("button", {class: "primary", text: t("insights.send"), "data-customer": item.customer_id, onclick: async () => {
          button.disabled = true;
          try {
            const sent = await api(`/api/v1/insights/outreach/${item.customer_id}/send`, {method: "POST", body: "{}"});
            status.textContent = t("insights.sent", {language: sent.language, text: sent.text});
          } catch (e) { status.textContent = e.message; button.disabled = false; }
        }});
        return el("tr", {},
          el("td", {text: String(item.rank)}), el("td", {text: item.name || item.customer_id.slice(0, 8)}),
          el("td", {text: pct(item.priority)}), el("td", {text: item.language || "?"}),
          el("td", {}, el("ul", {}, item.reasons.map((r) => el("li", {text: r})))), el("td", {}, button, status));
      });
      box.replaceChildren(note || "", el("table", {id: "outreach"},
        el("thead", {}, el("tr", {}, ["#", t("insights.customer"), t("insights.priority"), t("insights.language"), t("insights.reasons"), t("common.actions")].map((h) => el("th", {text: h})))),
        el("tbody", {}, rows)));
    } catch (e) { box.replaceChildren(el("p", {class: "error", text: e.message})); }
  }

  function fairness(card) {
    const attrs = (card.fairness && card.fairness.attributes) || {};
    return Object.values(attrs).map((a) => el("details", {},
      el("summary", {text: t("insights.parity", {attribute: a.attribute, dp: a.demographic_parity_difference.toFixed(3),
        eo: a.equalized_odds_difference.toFixed(3)}) + (a.warning ? " ⚠" : "")}),
      el("table", {}, el("tr", {}, [t("insights.group"), "n", t("insights.selection"), "TPR", "FPR"].map((h) => el("th", {text: h}))),
        a.groups.map((g) => el("tr", {}, [g.group, g.count, pct(g.selection_rate), pct(g.true_positive_rate), pct(g.false_positive_rate)]
          .map((v) => el("td", {text: String(v)})))))));
  }

  async function loadCards(box, tenant) {
    try {
      const res = await api(`/api/v1/insights/model-cards${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ""}`);
      if (!res.count) { box.replaceChildren(el("p", {class: "muted", text: t("insights.noCards")})); return; }
      box.replaceChildren(...res.data.map(({kind, version, card}) => {
        const m = card.metrics || {};
        const figures = Object.entries(m).filter(([k, v]) => typeof v === "number" && !/_std$/.test(k))
          .map(([k, v]) => `${k} ${v.toFixed(3)}`).join(" · ");
        return el("div", {class: `card${card.method === "heuristic" ? " heuristic" : ""}`},
          el("h3", {text: `${kind}: ${card.label || ""}`}),
          el("p", {class: "muted", text: `${version} · ${card.trained_at || ""} · ${card.task || ""}`}),
          card.reason ? el("p", {text: card.reason}) : null,
          figures ? el("p", {text: figures}) : null,
          card.data && card.data.rows ? el("p", {class: "muted", text: t("insights.trainedOn", {rows: Tawasol.number(card.data.rows), inputs: (card.data.inputs || []).join(", ")})}) : null,
          (card.fairness_warnings || []).map((w) => el("p", {class: "pill warn", text: w})),
          fairness(card));
      }));
    } catch (e) { box.replaceChildren(el("p", {class: "error", text: e.message})); }
  }

  function page(session) {
    const tenant = el("input", {name: "tenant", id: "tenant", placeholder: t("insights.yourTenant")});
    const field = (name, label, value, type = "number") => el("label", {}, label, el("input", {name, value, type, step: "any"}));
    const form = el("form", {class: "controls", id: "plan-form"}, el("label", {}, t("insights.tenant"), tenant),
      el("label", {}, t("insights.interval"), el("select", {name: "interval_minutes"}, ["30", "60", "15"].map((v) => el("option", {value: v, text: t("insights.minutes", {n: Tawasol.number(Number(v))})})))),
      field("aht", t("insights.ahtField"), ""), field("target_sl", t("insights.serviceLevel"), "0.8"),
      field("answer_within", t("insights.answerWithin"), "20"), field("shrinkage", t("insights.shrinkage"), "0.3"),
      field("horizon_days", t("insights.daysAhead"), "7"), field("queue", t("insights.queueField"), "", "text"),
      el("button", {class: "primary", type: "submit", text: t("insights.plan")}));
    const plan = el("section", {class: "card", id: "plan"});
    const outreach = el("section", {class: "card", id: "outreach-box"});
    const cards = el("section", {id: "cards", class: "insights"});
    const refresh = session.user.role === "admin" ? el("button", {id: "refresh", text: t("insights.refresh"), onclick: async () => {
      refresh.disabled = true;
      try { await api(`/api/v1/insights/refresh${tenant.value ? `?tenant=${encodeURIComponent(tenant.value)}` : ""}`, {method: "POST"}); all(); }
      catch (e) { alert(e.message); } finally { refresh.disabled = false; }
    }}) : null;
    const all = () => { loadPlan(plan, form); loadOutreach(outreach, tenant.value.trim()); loadCards(cards, tenant.value.trim()); };
    form.addEventListener("submit", (ev) => { ev.preventDefault(); all(); });
    root.replaceChildren(
      el("header", {class: "bar"}, el("h1", {text: t("insights.title")}), refresh,
        el("span", {text: session.user.display_name || session.user.email}), Tawasol.languagePicker(),
        el("button", {text: t("common.logout"), onclick: logout})),
      el("main", {class: "insights"}, form, el("h2", {text: t("insights.staffing")}), plan,
        el("h2", {text: t("insights.outreach")}), outreach, el("h2", {text: t("insights.cards")}), cards));
    all();
  }

  Tawasol.loadLanguage().then(() => {
    document.title = t("insights.title");
    if (Tawasol.session) page(Tawasol.session); else loginForm(root, t("insights.title"), page);
  });
})();
