/* Embeddable chat: <script src="https://tawasol.example/static/widget.js" data-tenant="atlas-telecom" data-language="es" defer></script>
   adds a launcher button that opens the chat in an iframe served by Tawasol. */
(() => {
  const me = document.currentScript;
  const origin = new URL(me.src).origin;
  const tenant = me.dataset.tenant || "atlas-telecom";
  const language = me.dataset.language || "";  // fr, ar, ary, ary_Latn, en, es; empty: the browser's
  const LAUNCHER = {fr: "💬 Discuter", ar: "💬 محادثة", ary: "💬 هضر معانا", ary_Latn: "💬 Hder m3ana", en: "💬 Chat", es: "💬 Chat"};
  const base = (language || navigator.language || "fr").replace("-", "_").split("_")[0];
  const box = document.createElement("div");
  box.style.cssText = "position:fixed;bottom:16px;right:16px;z-index:2147483000;font-family:system-ui,sans-serif";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = me.dataset.label || LAUNCHER[language] || LAUNCHER[base] || LAUNCHER.fr;
  button.setAttribute("aria-expanded", "false");
  button.style.cssText = "background:#0b6e4f;color:#fff;border:0;border-radius:999px;padding:12px 18px;font-size:15px;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)";
  let frame = null;
  button.addEventListener("click", () => {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.title = "Chat";
      frame.src = `${origin}/static/widget.html?tenant=${encodeURIComponent(tenant)}${language ? "&lang=" + encodeURIComponent(language) : ""}`;
      frame.style.cssText = "display:block;width:380px;height:600px;max-height:80vh;border:1px solid #dde2ea;border-radius:12px;margin-bottom:8px;background:#fff;box-shadow:0 8px 30px rgba(0,0,0,.2)";
      box.insertBefore(frame, button);
    } else {
      frame.hidden = !frame.hidden;
    }
    button.setAttribute("aria-expanded", String(!frame.hidden));
  });
  box.append(button);
  document.body.append(box);
})();
