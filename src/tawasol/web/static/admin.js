/* Admin console, per tenant: the people (list, invite with a temporary password shown once, role, languages,
   capacity, disable, reset password) and the knowledge base (list, edit with a preview, import, and "test this
   question": the ranked articles and the bot's decision). Every change goes through the admin API, which
   checks the role and audits it. */
"use strict";
(() => {
  const {api, el, t, term} = Tawasol;
  const app = document.getElementById("app");
  const LANGS = ["fr", "ar", "ary", "ary_Latn", "en", "es"];
  const ROLES = ["agent", "supervisor", "admin"];
  let me = null, tenant = null;

  const notice = (text, kind) => {
    const n = document.getElementById("notice");
    n.textContent = text || ""; n.className = kind === "error" ? "error" : "muted";
  };
  async function act(fn, done) {
    try { const r = await fn(); if (done) notice(done, "ok"); return r; }
    catch (e) { notice(e.message, "error"); return null; }
  }
  const base = () => `/api/v1/admin/tenants/${encodeURIComponent(tenant)}`;

  function layout() {
    const tenants = me.tenants || [];
    tenant = tenant || (tenants[0] && tenants[0].slug);
    app.replaceChildren(
      el("header", {class: "bar"},
        el("h1", {text: t("admin.title")}),
        el("label", {for: "tenant", class: "sr-only", text: t("admin.tenant")}),
        el("select", {id: "tenant", onchange: (e) => { tenant = e.target.value; show(current); }},
          tenants.map((x) => el("option", {value: x.slug, selected: x.slug === tenant, text: x.name}))),
        Tawasol.languagePicker(),
        el("button", {type: "button", onclick: Tawasol.logout, text: t("common.logout")})),
      el("nav", {class: "tabs", "aria-label": t("admin.sections")},
        el("button", {type: "button", id: "tab-users", onclick: () => show("users"), text: t("admin.users")}),
        el("button", {type: "button", id: "tab-kb", onclick: () => show("kb"), text: t("admin.kb")}),
        el("button", {type: "button", id: "tab-settings", onclick: () => show("settings"), text: t("admin.settings")})),
      el("p", {id: "notice", role: "status", "aria-live": "polite"}),
      el("main", {id: "screen", class: "admin"}));
  }

  let current = "users";
  function show(which) {
    current = which;
    for (const w of ["users", "kb", "settings"]) document.getElementById("tab-" + w).setAttribute("aria-pressed", String(w === which));
    notice("");
    ({users: usersScreen, kb: kbScreen, settings: settingsScreen})[which]();
  }

  // -- people ---------------------------------------------------------------------------------------------
  async function usersScreen() {
    const screen = document.getElementById("screen");
    const secret = el("div", {id: "secret", class: "card secret", hidden: true, role: "status"});
    screen.replaceChildren(el("h2", {text: t("admin.users")}), secret,
      el("div", {class: "card", id: "users"}, el("p", {class: "muted", text: t("common.loading")})), inviteForm(secret));
    const res = await act(() => api(`${base()}/users`));
    if (!res) return;
    document.getElementById("users").replaceChildren(el("table", {id: "users-table"},
      el("thead", {}, el("tr", {}, [t("admin.name"), t("login.email"), t("admin.role"), t("admin.languages"),
        t("admin.capacity"), t("admin.state"), t("common.actions")].map((h) => el("th", {text: h})))),
      el("tbody", {}, res.data.map((u) => userRow(u, secret)))));
  }

  function userRow(u, secret) {
    const self = u.id === me.id;
    const role = el("select", {"aria-label": t("admin.roleOf", {name: u.display_name}), disabled: self,
      onchange: (e) => act(() => api(`${base()}/users/${u.id}`, {method: "PATCH", body: JSON.stringify({role: e.target.value})}),
        t("admin.saved"))}, ROLES.map((r) => el("option", {value: r, selected: r === u.role, text: term("role", r)})));
    const toggle = el("button", {type: "button", class: "toggle", disabled: self, text: u.active ? t("admin.disable") : t("admin.enable"),
      onclick: async () => {
        const done = await act(() => api(`${base()}/users/${u.id}`, {method: "PATCH", body: JSON.stringify({active: !u.active})}),
          u.active ? t("admin.disabled", {name: u.display_name}) : t("admin.enabled", {name: u.display_name}));
        if (done) usersScreen();
      }});
    const reset = el("button", {type: "button", class: "reset", text: t("admin.reset"), onclick: async () => {
      const r = await act(() => api(`${base()}/users/${u.id}/reset-password`, {method: "POST"}));
      if (r) oneTime(secret, t("admin.resetDone", {email: u.email}), r.temporary_password);
    }});
    return el("tr", {"data-email": u.email, class: u.active ? "" : "inactive"},
      el("td", {dir: "auto", text: u.display_name}), el("td", {text: u.email}), el("td", {}, role),
      el("td", {text: u.languages.join(", ")}), el("td", {text: Tawasol.number(u.capacity)}),
      el("td", {}, el("span", {class: "pill " + (u.active ? "ok" : "bad"), text: u.active ? t("admin.active") : t("admin.inactive")})),
      el("td", {}, toggle, " ", reset));
  }

  /* A temporary password: shown once, to be handed over; it is stored only as a hash. */
  function oneTime(box, what, password) {
    box.hidden = false;
    box.replaceChildren(el("p", {text: what}), el("p", {}, el("code", {id: "temporary-password", text: password})),
      el("p", {class: "muted", text: t("admin.shownOnce")}));
  }

  function inviteForm(secret) {
    const field = (id, label, input) => el("label", {for: id}, label, input);
    const form = el("form", {class: "card controls", id: "invite", "aria-labelledby": "invite-h"},
      el("h3", {id: "invite-h", text: t("admin.invite")}),
      field("invite-email", t("login.email"), el("input", {id: "invite-email", type: "email", required: true})),
      field("invite-name", t("admin.name"), el("input", {id: "invite-name", dir: "auto"})),
      field("invite-role", t("admin.role"), el("select", {id: "invite-role"}, ROLES.map((r) => el("option", {value: r, text: term("role", r)})))),
      el("fieldset", {}, el("legend", {text: t("admin.languages")}),
        LANGS.map((l) => el("label", {class: "check"}, el("input", {type: "checkbox", name: "lang", value: l}), " " + term("lang", l)))),
      field("invite-capacity", t("admin.capacity"), el("input", {id: "invite-capacity", type: "number", min: "0", max: "50", value: "3"})),
      el("button", {type: "submit", class: "primary", text: t("admin.inviteButton")}));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const body = {email: form.querySelector("#invite-email").value.trim(), display_name: form.querySelector("#invite-name").value.trim(),
        role: form.querySelector("#invite-role").value, capacity: Number(form.querySelector("#invite-capacity").value || 0),
        languages: [...form.querySelectorAll("input[name=lang]:checked")].map((c) => c.value)};
      const r = await act(() => api(`${base()}/users`, {method: "POST", body: JSON.stringify(body)}));
      if (!r) return;
      await usersScreen();
      oneTime(document.getElementById("secret"), t("admin.invited", {email: r.user.email}), r.temporary_password);
    });
    return form;
  }

  // -- knowledge base ---------------------------------------------------------------------------------------
  async function kbScreen() {
    const screen = document.getElementById("screen");
    screen.replaceChildren(el("h2", {text: t("admin.kb")}),
      el("div", {class: "kb-grid"},
        el("section", {class: "card", "aria-labelledby": "articles-h"}, el("h3", {id: "articles-h", text: t("admin.articles")}),
          el("button", {type: "button", id: "new-article", onclick: () => editor(null), text: t("admin.newArticle")}),
          el("div", {id: "articles"}, el("p", {class: "muted", text: t("common.loading")}))),
        el("section", {class: "card", id: "editor", "aria-labelledby": "editor-h"})),
      testBox(), importBox());
    editor(null);
    const res = await act(() => api(`${base()}/articles`));
    if (!res) return;
    document.getElementById("articles").replaceChildren(el("table", {id: "articles-table"},
      el("thead", {}, el("tr", {}, [t("admin.key"), t("admin.language"), t("admin.articleTitle"), t("admin.updated")].map((h) => el("th", {text: h})))),
      el("tbody", {}, res.data.map((a) => el("tr", {},
        el("td", {}, el("button", {type: "button", class: "link", "data-key": `${a.article_key}/${a.language}`,
          onclick: () => editor(a), text: a.article_key})),
        el("td", {text: term("lang", a.language)}), el("td", {dir: "auto", text: a.title}), el("td", {text: Tawasol.date(a.updated_at)}))))));
  }

  async function editor(summary) {
    const box = document.getElementById("editor");
    const a = summary ? await act(() => api(`${base()}/articles/${encodeURIComponent(summary.article_key)}/${summary.language}`)) : null;
    if (summary && !a) return;
    const input = (id, label, value, attrs = {}) => el("label", {for: id}, label, el("input", Object.assign({id, value: value || "", dir: "auto"}, attrs)));
    const body = el("textarea", {id: "article-body", dir: "auto", rows: "10", required: true});
    body.value = a ? a.body : "";
    const preview = el("div", {id: "article-preview", class: "preview", dir: "auto", "aria-live": "polite"});
    const draw = () => {
      const lang = document.getElementById("article-language").value;
      preview.setAttribute("lang", lang); preview.setAttribute("dir", lang === "ar" || lang === "ary" ? "rtl" : "ltr");
      const title = document.getElementById("article-title").value.trim();
      preview.replaceChildren(title ? el("h4", {text: title}) : "",
        ...body.value.split(/\n{2,}/).filter(Boolean).map((p) => el("p", {text: p})));
    };
    const form = el("form", {id: "article-form", class: "controls"},
      el("h3", {id: "editor-h", text: a ? t("admin.editArticle", {key: a.article_key}) : t("admin.newArticle")}),
      input("article-key", t("admin.key"), a && a.article_key, {required: true, readonly: !!a, pattern: "[A-Za-z0-9_.\\-]+", dir: "ltr"}),
      el("label", {for: "article-language"}, t("admin.language"), el("select", {id: "article-language", disabled: !!a, onchange: draw},
        LANGS.map((l) => el("option", {value: l, selected: a ? a.language === l : l === Tawasol.language, text: term("lang", l)})))),
      input("article-title", t("admin.articleTitle"), a && a.title, {required: true, oninput: draw}),
      input("article-url", t("admin.url"), a && a.url, {type: "url", dir: "ltr"}),
      input("article-tags", t("admin.tags"), a && a.tags.join(", ")),
      el("label", {for: "article-body"}, t("admin.body"), body),
      el("div", {class: "row"}, el("button", {type: "submit", class: "primary", id: "article-save", text: t("admin.save")}),
        a ? el("button", {type: "button", id: "article-delete", text: t("admin.delete"), onclick: async () => {
          if (!confirm(t("admin.confirmDelete", {key: a.article_key}))) return;
          if (await act(() => api(`${base()}/articles/${encodeURIComponent(a.article_key)}/${a.language}`, {method: "DELETE"}), t("admin.deleted"))) kbScreen();
        }}) : null));
    body.addEventListener("input", draw);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const key = document.getElementById("article-key").value.trim(), lang = document.getElementById("article-language").value;
      const url = document.getElementById("article-url").value.trim();
      const payload = {title: document.getElementById("article-title").value.trim(), body: body.value,
        tags: document.getElementById("article-tags").value.split(",").map((x) => x.trim()).filter(Boolean), url: url || null};
      const r = await act(() => api(`${base()}/articles/${encodeURIComponent(key)}/${lang}`, {method: "PUT", body: JSON.stringify(payload)}));
      if (r) { await kbScreen(); notice(t("admin.articleSaved", {key, created: r.created, updated: r.updated})); }
    });
    box.replaceChildren(form, el("h4", {text: t("admin.preview")}), preview);
    draw();
  }

  function testBox() {
    const out = el("div", {id: "test-result", "aria-live": "polite"});
    const q = el("input", {id: "test-q", dir: "auto", required: true, style: "flex:1"});
    const lang = el("select", {id: "test-language"}, [el("option", {value: "", text: t("admin.guess")})]
      .concat(LANGS.map((l) => el("option", {value: l, text: term("lang", l)}))));
    const form = el("form", {class: "card", id: "test"},
      el("h3", {text: t("admin.test")}),
      el("div", {class: "row"}, el("label", {for: "test-q", class: "sr-only", text: t("admin.question")}), q,
        el("label", {for: "test-language", class: "sr-only", text: t("admin.language")}), lang,
        el("button", {type: "submit", class: "primary", text: t("admin.testButton")})), out);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const r = await act(() => api(`${base()}/kb/test`, {method: "POST", body: JSON.stringify({question: q.value, language: lang.value || null})}));
      if (!r) return;
      out.replaceChildren(
        el("p", {id: "test-decision", class: "pill " + (r.answer ? "ok" : "warn"),
          text: r.answer ? t("admin.wouldAnswer", {pct: Tawasol.number(r.probability, {style: "percent"})})
            : t("admin.wouldNotAnswer", {reason: term("reason", r.reason), pct: Tawasol.number(r.probability, {style: "percent"})})}),
        el("ol", {id: "test-articles"}, r.articles.map((a) => el("li", {},
          el("span", {dir: "auto", text: a.title}), " ",
          el("span", {class: "muted", text: `${a.article_key} · ${term("lang", a.language)}${a.exact_language ? "" : " · " + t("admin.otherLanguage")} · ${Tawasol.number(a.score)}`})))));
    });
    return form;
  }

  function importBox() {
    const file = el("input", {id: "import-file", type: "file", accept: ".json,application/json"});
    const text = el("textarea", {id: "import-json", rows: "4", dir: "ltr", placeholder: '[{"article_key": "...", "language": "fr", "title": "...", "body": "..."}]'});
    const form = el("form", {class: "card", id: "import"},
      el("h3", {text: t("admin.import")}), el("p", {class: "muted", text: t("admin.importHint")}),
      el("label", {for: "import-file", text: t("admin.importFile")}), file,
      el("label", {for: "import-json", text: t("admin.importText")}), text,
      el("button", {type: "submit", class: "primary", text: t("admin.importButton")}));
    file.addEventListener("change", async () => { if (file.files[0]) text.value = await file.files[0].text(); });
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      let articles;
      try { articles = JSON.parse(text.value); } catch (err) { notice(t("admin.importBad"), "error"); return; }
      if (!Array.isArray(articles)) articles = articles && articles.articles;
      if (!Array.isArray(articles) || !articles.length) { notice(t("admin.importBad"), "error"); return; }
      const r = await act(() => api(`${base()}/articles/import`, {method: "POST", body: JSON.stringify({articles})}));
      if (r) { await kbScreen(); notice(t("admin.imported", {created: r.created, updated: r.updated, unchanged: r.unchanged})); }
    });
    return form;
  }

  // -- thresholds and retention --------------------------------------------------------------------------
  /* Every value in force, one number field each; only the values changed are sent. Retention left empty
     keeps forever. The server declares the ranges and refuses anything outside them. */
  async function settingsScreen() {
    const screen = document.getElementById("screen");
    screen.replaceChildren(el("h2", {text: t("admin.settings")}), el("p", {class: "muted", text: t("common.loading")}));
    const current = await act(() => api(`${base()}/settings`));
    if (!current) return;
    const fieldsets = Object.entries(current).map(([section, values]) => el("fieldset", {class: "settings"},
      el("legend", {text: t(`setting.${section}`)}),
      Object.entries(values).map(([key, value]) => {
        const id = `setting-${section}-${key}`;
        const whole = section === "retention" || Number.isInteger(value) && !/confidence|intensity|anger|threat|request|frustration|threshold/.test(key);
        return el("label", {for: id}, t(`setting.${section}.${key}`),
          el("input", {id, type: "number", "data-section": section, "data-key": key, value: value === null ? "" : String(value),
            step: whole ? "1" : "0.05", min: "0", max: section === "retention" ? "3650" : whole ? "10" : "1",
            placeholder: section === "retention" ? t("admin.forever") : ""}));
      })));
    const form = el("form", {class: "card controls", id: "settings-form"}, ...fieldsets,
      el("button", {type: "submit", class: "primary", id: "settings-save", text: t("admin.save")}));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const changes = {};
      form.querySelectorAll("input[data-key]").forEach((input) => {
        const {section, key} = input.dataset;
        const value = input.value.trim() === "" ? null : Number(input.value);
        if (value !== current[section][key]) (changes[section] = changes[section] || {})[key] = value;
      });
      if (!Object.keys(changes).length) { notice(t("admin.nothingChanged")); return; }
      if (await act(() => api(`${base()}/settings`, {method: "PATCH", body: JSON.stringify(changes)}))) {
        await settingsScreen(); notice(t("admin.saved"));
      }
    });
    screen.replaceChildren(el("h2", {text: t("admin.settings")}), el("p", {class: "muted", text: t("admin.settingsHint")}), form);
  }

  async function start() {
    await Tawasol.loadLanguage();
    document.title = t("admin.title");
    me = await api("/api/v1/agent/me");
    if (me.role !== "admin") {
      app.replaceChildren(el("p", {id: "not-admin", class: "error card", role: "alert", text: t("error.forbidden")}),
        el("button", {type: "button", onclick: Tawasol.logout, text: t("common.logout")}));
      return;
    }
    layout();
    show("users");
  }
  const login = async () => { await Tawasol.loadLanguage(); document.title = t("admin.title"); Tawasol.loginForm(app, t("admin.title"), start); };
  if (Tawasol.session) start().catch(login); else login();
})();
