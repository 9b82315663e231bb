/* Shared helpers of the staff pages: API calls with the bearer token, login form, WebSocket URL, and the
   staff screens' language: a catalogue per language (/static/i18n/staff.<lang>.json, flat keys, {name}
   placeholders: plain JSON that translators edit and a test checks key by key), chosen per user (kept with the
   user on the server, so it follows them to any desk; the browser's language until they choose), RTL for Arabic. */
"use strict";
const Tawasol = (() => {
  const KEY = "tawasol.staff";
  const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
  let session = JSON.parse(sessionStorage.getItem(KEY) || "null");

  const LANGUAGES = {fr: "Français", ar: "العربية", en: "English"};
  const LOCALES = {fr: "fr-MA", ar: "ar-MA", en: "en-GB"};
  let lang = "en", strings = {}, fallback = {};
  const langKey = (userId) => "tawasol.staff.lang" + (userId ? "." + userId : "");
  function pickLanguage(tag) {
    const base = String(tag || "").toLowerCase().split(/[-_]/)[0];
    return base in LANGUAGES ? base : null;
  }
  function chosenLanguage() {
    const user = session && session.user;
    return pickLanguage(user && user.ui_language) || pickLanguage(user && localStorage.getItem(langKey(user.id))) ||
      pickLanguage(localStorage.getItem(langKey())) ||
      (navigator.languages || [navigator.language]).map(pickLanguage).find(Boolean) || "en";
  }
  async function catalogue(l) {
    const res = await fetch(`/static/i18n/staff.${l}.json`);
    return res.ok ? res.json() : {};
  }
  /* Load the chosen language's catalogue (English under it for a key not yet translated); call before drawing. */
  async function loadLanguage() {
    lang = chosenLanguage();
    [strings, fallback] = await Promise.all([catalogue(lang), lang === "en" ? Promise.resolve({}) : catalogue("en")]);
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
    document.body.dataset.uiLanguage = lang;
    return lang;
  }
  function t(key, vars) {
    const s = strings[key] ?? fallback[key] ?? key;
    return s.replace(/\{(\w+)\}/g, (_, k) => (vars && vars[k] !== undefined ? String(vars[k]) : ""));
  }
  /* A status, presence, wrap-up code... in the staff language; the code itself when the catalogue has none. */
  const term = (group, code) => (strings[`${group}.${code}`] ?? fallback[`${group}.${code}`] ?? String(code ?? "").replaceAll("_", " "));
  async function setLanguage(l) {
    const user = session && session.user;
    localStorage.setItem(langKey(), l);
    if (user) {
      localStorage.setItem(langKey(user.id), l);
      try {  // the user's own setting: the same language on any desk they log in at
        session.user = await api("/api/v1/agent/language", {method: "PUT", body: JSON.stringify({language: l})});
        sessionStorage.setItem(KEY, JSON.stringify(session));
      } catch (e) { /* kept in this browser; the server learns it at the next choice */ }
    }
    location.reload();  // every screen is drawn again in the new language
  }
  function languagePicker() {
    return el("span", {class: "lang-pick"},
      el("label", {for: "ui-language", class: "sr-only", text: t("common.language")}),
      el("select", {id: "ui-language", onchange: (e) => setLanguage(e.target.value)},
        Object.entries(LANGUAGES).map(([code, name]) => el("option", {value: code, lang: code, selected: code === lang, text: name}))));
  }
  const number = (n, opts) => new Intl.NumberFormat(LOCALES[lang], opts).format(n);
  const time = (d) => new Intl.DateTimeFormat(LOCALES[lang], {hour: "2-digit", minute: "2-digit", second: "2-digit"}).format(d || new Date());
  const date = (iso) => { const d = new Date(iso); return isNaN(d) ? String(iso || "") : new Intl.DateTimeFormat(LOCALES[lang], {dateStyle: "medium"}).format(d); };

  /* An API error in the staff language: what the status means, and the fields a 422 names. */
  function errorText(status, detail) {
    if (status === 422 && Array.isArray(detail)) {
      const fields = detail.map((d) => (d.loc || []).filter((x) => x !== "body").join(".")).filter(Boolean);
      return t("error.invalid", {fields: fields.join(", ") || "?"});
    }
    const key = {400: "error.bad", 401: "error.unauthorized", 403: "error.forbidden", 404: "error.notFound",
                 409: "error.conflict", 413: "error.tooLarge", 429: "error.tooMany"}[status];
    return t(key || (status >= 500 ? "error.server" : "error.bad"));
  }

  async function api(path, options = {}) {
    const headers = Object.assign({"Content-Type": "application/json"}, options.headers || {});
    if (session && session.token) headers.Authorization = "Bearer " + session.token;
    const res = await fetch(path, Object.assign({}, options, {headers}));
    if (res.status === 401 && session) { logout(); throw new Error("session expired"); }
    const body = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) {
      const detail = body && body.detail;
      const err = new Error(errorText(res.status, detail));
      err.status = res.status; err.detail = detail;  // the server's own words, for the logs
      throw err;
    }
    return body;
  }

  function wsUrl(path) {
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    return `${proto}//${location.host}${path}`;
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c.nodeType ? c : String(c));
    return node;
  }

  function loginForm(root, title, onDone) {
    const error = el("p", {class: "error", role: "alert"});
    const email = el("input", {type: "email", id: "login-email", autocomplete: "username", required: true});
    const password = el("input", {type: "password", id: "login-password", autocomplete: "current-password", required: true});
    const form = el("form", {class: "login card", "aria-label": t("login.title")},
      el("div", {class: "row"}, el("h1", {text: title, style: "flex:1"}), languagePicker()),
      el("label", {for: "login-email", text: t("login.email")}), email,
      el("label", {for: "login-password", text: t("login.password")}), password,
      el("button", {class: "primary", type: "submit", id: "login-submit", text: t("login.submit")}), error);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      error.textContent = "";
      try {
        const res = await fetch("/api/v1/auth/login", {method: "POST", headers: {"Content-Type": "application/json"},
          body: JSON.stringify({email: email.value, password: password.value})});
        const body = await res.json().catch(() => null);
        if (!res.ok) throw new Error(res.status === 401 ? t("login.failed") : errorText(res.status, body && body.detail));
        session = {token: body.access_token, user: body.user};
        sessionStorage.setItem(KEY, JSON.stringify(session));
        if (chosenLanguage() !== lang) { location.reload(); return; }  // this user chose another language
        onDone(session);
      } catch (e) { error.textContent = e.message; }
    });
    root.replaceChildren(el("main", {}, form));
    email.focus();
  }

  function logout() {
    const token = session && session.token;
    session = null;
    sessionStorage.removeItem(KEY);
    if (token) fetch("/api/v1/auth/logout", {method: "POST", headers: {Authorization: "Bearer " + token}});
    location.reload();
  }

  const isArabic = (text) => ARABIC.test(text || "");
  const isRtlLanguage = (lang) => lang === "ar" || lang === "ary";
  const fmtWait = (s) => s >= 60 ? t("common.minSec", {min: number(Math.floor(s / 60)), sec: number(Math.round(s % 60))})
    : t("common.sec", {sec: number(Math.round(s))});

  return {api, wsUrl, el, loginForm, logout, isArabic, isRtlLanguage, fmtWait, t, term, loadLanguage, languagePicker,
          number, time, date, errorText, LANGUAGES, get language() { return lang; }, get session() { return session; }};
})();
