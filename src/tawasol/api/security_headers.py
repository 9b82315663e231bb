"""Security headers on every HTTP response: a Content-Security-Policy that allows only what the pages load,
no framing by other sites (except the chat widget, which tenants embed in an iframe), nosniff and a strict
referrer policy."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The pages load their scripts, styles and sockets from this origin only; one page (insights) has an
# inline <style>, none has inline script. Charts are inline SVG.
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")
# The interactive docs (Swagger UI, ReDoc) load their assets from this origin (see app._docs) and start them
# with an inline script.
DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
               "font-src 'self'; img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
               "object-src 'none'; base-uri 'self'")
DOCS_PATHS = ("/docs", "/redoc")
# The widget page is what a tenant's site frames (see static/widget.js); everything else, the console first, is not.
FRAMABLE_PATHS = ("/static/widget.html", "/widget")


def headers_for(path: str) -> dict[str, str]:
    framable = path in FRAMABLE_PATHS
    policy = DOCS_POLICY if path.startswith(DOCS_PATHS) else PAGE_POLICY
    ancestors = "*" if framable else "'none'"
    headers = {
        "Content-Security-Policy": f"{policy}; frame-ancestors {ancestors}",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }
    if not framable:
        headers["X-Frame-Options"] = "DENY"  # for browsers that predate frame-ancestors
    return headers


class SecurityHeaders:
    """ASGI middleware adding `headers_for(path)` to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = headers_for(scope.get("path", ""))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)
