/* Supervisor planning page: staffing plan chart (with and without the virtual agent), proactive outreach
   list with a send button, model cards with fairness figures. Plain JS, inline SVG, no network beyond the API. */
"use strict";
(() => {
  const {api, el, loginForm, logout} = Tawasol;
  const root = document.getElementById("app");
  const SVG = "http://www.w3.org/2000/svg";
  const pct = (x) => `${Math.round(x * 100)}%`;

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
      "aria-label": "Forecast contacts per interval and agents to schedule, with and without the virtual agent"});
    rows.forEach((r, i) => {
      const bar = svg("rect", {x: x(i), y: yV(r.volume), width: bw, height: H - B - yV(r.volume), fill: "#c7d7f0"});
      bar.append(svg("title", {}));
      bar.firstChild.textContent = `${r.timestamp}: ${r.volume.toFixed(1)} contacts, ${r.scheduled_agents} agents (${r.scheduled_without_bot} without the bot)`;
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
    label(`${maxA} agents`, L - 4, T + 10, "end");
    label("0", L - 4, H - B, "end");
    const days = rows.length > 48 ? Math.ceil(rows.length / 12) : Math.ceil(rows.length / 8);
    rows.forEach((r, i) => { if (i % days === 0) label(r.timestamp.slice(5, 16), x(i), H - 10); });
    return s;
  }

  async function loadPlan(box, form) {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) p.set(k, v);
    box.replaceChildren(el("p", {class: "muted", text: "Computing the plan…"}));
    try {
      const plan = await api(`/api/v1/insights/staffing?${p}`);
      const s = plan.summary, c = plan.containment;
      box.replaceChildren(
        el("div", {class: "figures"},
          el("div", {}, el("b", {id: "containment", text: pct(c.rate)}), el("span", {class: "muted", text: `contained by the virtual agent (${c.contained} of ${c.ended})`})),
          el("div", {}, el("b", {text: `${s.agent_hours.toFixed(0)} h`}), el("span", {class: "muted", text: "agent-hours with the bot"})),
          el("div", {}, el("b", {text: `${s.agent_hours_without_bot.toFixed(0)} h`}), el("span", {class: "muted", text: "without the bot"})),
          el("div", {}, el("b", {text: `${s.peak_scheduled_agents} / ${s.peak_scheduled_without_bot}`}), el("span", {class: "muted", text: "peak agents with / without"})),
          el("div", {}, el("b", {text: `${plan.aht_seconds} s`}), el("span", {class: "muted", text: `handle time (${plan.aht_source})`})),
          plan.backtest ? el("div", {}, el("b", {text: plan.backtest.mase.toFixed(2)}),
            el("span", {class: "muted", text: `backtest MASE (seasonal naive ${plan.backtest.mase_seasonal_naive.toFixed(2)})`})) : null),
        el("p", {class: "legend"},
          el("span", {}, el("i", {class: "swatch", style: "background:#c7d7f0"}), "forecast contacts"),
          el("span", {}, el("i", {class: "swatch", style: "background:#0b6e4f"}), "agents to schedule with the bot"),
          el("span", {}, el("i", {class: "swatch", style: "background:#b42318"}), "without the bot")),
        chart(plan.rows),
        el("p", {class: "muted", text: `Containment: ${c.definition}. ${c.note || ""} Times in ${plan.timezone}; history ${plan.history.from} → ${plan.history.to} (${plan.history.conversations} conversations).`}));
    } catch (e) { box.replaceChildren(el("p", {class: "error", text: e.message})); }
  }

  async function loadOutreach(box, tenant) {
    box.replaceChildren(el("p", {class: "muted", text: "Loading…"}));
    try {
      const q = tenant ? `?tenant=${encodeURIComponent(tenant)}&limit=30` : "?limit=30";
      const res = await api(`/api/v1/insights/outreach${q}`);
      const note = res.churn_method === "heuristic"
        ? el("p", {class: "heuristic", text: "Churn risk here comes from fixed rules, not a trained model: too few customers with a known outcome."})
        : res.churn_method ? null : el("p", {class: "muted", text: "No churn scores yet: an admin can refresh them."});
      const rows = res.data.map((item) => {
        const status = el("span", {class: "muted"});
        const button = el("button", {class: "primary", text: "Send", "data-customer": item.customer_id, onclick: async () => {
          button.disabled = true;
          try {
            const sent = await api(`/api/v1/insights/outreach/${item.customer_id}/send`, {method: "POST", body: "{}"});
            status.textContent = `sent (${sent.language}): ${sent.text}`;
          } catch (e) { status.textContent = e.message; button.disabled = false; }
        }});
        return el("tr", {},
          el("td", {text: String(item.rank)}), el("td", {text: item.name || item.customer_id.slice(0, 8)}),
          el("td", {text: pct(item.priority)}), el("td", {text: item.language || "?"}),
          el("td", {}, el("ul", {}, item.reasons.map((r) => el("li", {text: r})))), el("td", {}, button, status));
      });
      box.replaceChildren(note || "", el("table", {id: "outreach"},
        el("thead", {}, el("tr", {}, ["#", "Customer", "Priority", "Language", "Reasons", ""].map((h) => el("th", {text: h})))),
        el("tbody", {}, rows)));
    } catch (e) { box.replaceChildren(el("p", {class: "error", text: e.message})); }
  }

  function fairness(card) {
    const attrs = (card.fairness && card.fairness.attributes) || {};
    return Object.values(attrs).map((a) => el("details", {},
      el("summary", {text: `${a.attribute}: demographic parity ${a.demographic_parity_difference.toFixed(3)}, equalized odds ${a.equalized_odds_difference.toFixed(3)}${a.warning ? " ⚠" : ""}`}),
      el("table", {}, el("tr", {}, ["group", "n", "selection", "TPR", "FPR"].map((h) => el("th", {text: h}))),
        a.groups.map((g) => el("tr", {}, [g.group, g.count, pct(g.selection_rate), pct(g.true_positive_rate), pct(g.false_positive_rate)]
          .map((v) => el("td", {text: String(v)})))))));
  }

  async function loadCards(box, tenant) {
    try {
      const res = await api(`/api/v1/insights/model-cards${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ""}`);
      if (!res.count) { box.replaceChildren(el("p", {class: "muted", text: "No model cards yet."})); return; }
      box.replaceChildren(...res.data.map(({kind, version, card}) => {
        const m = card.metrics || {};
        const figures = Object.entries(m).filter(([k, v]) => typeof v === "number" && !/_std$/.test(k))
          .map(([k, v]) => `${k} ${v.toFixed(3)}`).join(" · ");
        return el("div", {class: `card${card.method === "heuristic" ? " heuristic" : ""}`},
          el("h3", {text: `${kind}: ${card.label || ""}`}),
          el("p", {class: "muted", text: `${version} · ${card.trained_at || ""} · ${card.task || ""}`}),
          card.reason ? el("p", {text: card.reason}) : null,
          figures ? el("p", {text: figures}) : null,
          card.data && card.data.rows ? el("p", {class: "muted", text: `trained on ${card.data.rows} rows; inputs: ${(card.data.inputs || []).join(", ")}`}) : null,
          (card.fairness_warnings || []).map((w) => el("p", {class: "pill warn", text: w})),
          fairness(card));
      }));
    } catch (e) { box.replaceChildren(el("p", {class: "error", text: e.message})); }
  }

  function page(session) {
    const tenant = el("input", {name: "tenant", id: "tenant", placeholder: "your tenant"});
    const field = (name, label, value, type = "number") => el("label", {}, label, el("input", {name, value, type, step: "any"}));
    const form = el("form", {class: "controls", id: "plan-form"}, el("label", {}, "Tenant", tenant),
      el("label", {}, "Interval", el("select", {name: "interval_minutes"}, ["30", "60", "15"].map((v) => el("option", {value: v, text: `${v} min`})))),
      field("aht", "Handle time (s, blank: measured)", ""), field("target_sl", "Service level", "0.8"),
      field("answer_within", "Answer within (s)", "20"), field("shrinkage", "Shrinkage", "0.3"),
      field("horizon_days", "Days ahead", "7"), field("queue", "Queue (optional)", "", "text"),
      el("button", {class: "primary", type: "submit", text: "Plan"}));
    const plan = el("section", {class: "card", id: "plan"});
    const outreach = el("section", {class: "card", id: "outreach-box"});
    const cards = el("section", {id: "cards", class: "insights"});
    const refresh = session.user.role === "admin" ? el("button", {id: "refresh", text: "Refresh scores", onclick: async () => {
      refresh.disabled = true;
      try { await api(`/api/v1/insights/refresh${tenant.value ? `?tenant=${encodeURIComponent(tenant.value)}` : ""}`, {method: "POST"}); all(); }
      catch (e) { alert(e.message); } finally { refresh.disabled = false; }
    }}) : null;
    const all = () => { loadPlan(plan, form); loadOutreach(outreach, tenant.value.trim()); loadCards(cards, tenant.value.trim()); };
    form.addEventListener("submit", (ev) => { ev.preventDefault(); all(); });
    root.replaceChildren(
      el("header", {class: "bar"}, el("h1", {text: "Planning and insights"}), refresh,
        el("span", {text: session.user.display_name || session.user.email}), el("button", {text: "Log out", onclick: logout})),
      el("main", {class: "insights"}, form, el("h2", {text: "Staffing plan"}), plan,
        el("h2", {text: "Proactive outreach"}), outreach, el("h2", {text: "Model cards"}), cards));
    all();
  }

  if (Tawasol.session) page(Tawasol.session); else loginForm(root, "Tawasol planning", page);
})();
