"""Map domain errors to HTTP statuses; everything else becomes a logged 500 with no details."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from tawasol.domain import errors
from tawasol.privacy import RedactionFailed

log = logging.getLogger(__name__)

STATUS = {
    errors.NotFound: 404,
    errors.Unauthorized: 401,
    errors.Forbidden: 403,
    errors.InvalidInput: 422,
    errors.PayloadTooLarge: 413,
    errors.Conflict: 409,
}


def status_for(exc: errors.DomainError) -> int:
    for cls, status in STATUS.items():
        if isinstance(exc, cls):
            return status
    return 400


def install(app: FastAPI) -> None:
    @app.exception_handler(errors.DomainError)
    async def _domain_error(_: Request, exc: errors.DomainError) -> JSONResponse:
        status = status_for(exc)
        body: dict[str, Any]
        if isinstance(exc, errors.InvalidInput):
            body = {"detail": [{"loc": ["body", exc.field], "msg": exc.message, "type": "value_error"}]}
        else:
            body = {"detail": str(exc)}
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(body, status_code=status, headers=headers)

    @app.exception_handler(RedactionFailed)
    async def _redaction_failed(_: Request, exc: RedactionFailed) -> JSONResponse:
        # Fail closed: nothing was stored; the client may retry with the same client_message_id.
        log.error("redaction failed; message refused: %s", exc)
        return JSONResponse({"detail": "the message could not be processed safely; nothing was stored, retry"},
                            status_code=503)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        # Never echo the input back: it may hold personal data or text that is not valid UTF-8.
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        return JSONResponse({"detail": detail}, status_code=422)
