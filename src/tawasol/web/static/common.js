/* Shared helpers of the staff pages: API calls with the bearer token, login form, WebSocket URL. */
"use strict";
const Tawasol = (() => {
  const KEY = "tawasol.staff";
  const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
  let session = JSON.parse(sessionStorage.getItem(KEY) || "null");

  async function api(path, options = {}) {
    const headers = Object.assign({"Content-Type": "application/json"}, options.headers || {});
    if (session && session.token) headers.Authorization = "Bearer " + session.token;
    const res = await fetch(path, Object.assign({}, options, {headers}));
    if (res.status === 401 && session) { logout(); throw new Error("session expired"); }
    const body = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) {
      const detail = body && body.detail;
      throw new Error(typeof detail === "string" ? detail : JSON.stringify(detail || res.status));
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
    const form = el("form", {class: "login card", "aria-label": "Log in"},
      el("h1", {text: title}),
      el("label", {for: "login-email", text: "E-mail"}), email,
      el("label", {for: "login-password", text: "Password"}), password,
      el("button", {class: "primary", type: "submit", id: "login-submit", text: "Log in"}), error);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      error.textContent = "";
      try {
        const res = await fetch("/api/v1/auth/login", {method: "POST", headers: {"Content-Type": "application/json"},
          body: JSON.stringify({email: email.value, password: password.value})});
        const body = await res.json();
        if (!res.ok) throw new Error(body.detail || "login failed");
        session = {token: body.access_token, user: body.user};
        sessionStorage.setItem(KEY, JSON.stringify(session));
        onDone(session);
      } catch (e) { error.textContent = e.message; }
    });
    root.replaceChildren(form);
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
  const fmtWait = (s) => s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${Math.round(s)} s`;

  return {api, wsUrl, el, loginForm, logout, isArabic, isRtlLanguage, fmtWait, get session() { return session; }};
})();
