"""The central store's HTTP service (anchors-sync §7.10): ``POST /enrol``, ``/hello``, ``/push``,
``/pull``, ``GET /heads`` and the attachments' files (``/blobs``, blobs.py) under
``protocol.PREFIX``.

Every request but ``/enrol`` carries the device's bearer credential and the protocol header
(too old: 426, too new: 400). Bodies are read by hand: over ``MAX_BODY_BYTES`` is 413 before
any parsing, malformed JSON or shape is 422 naming the field only. Errors are
``{"error": {"code", "message"}}`` and never carry internals; every response is
``Cache-Control: no-store``; every request is written to the audit log (who, which device,
what, the status, and the scopes it read or wrote).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from officer_app.central import blobs, routes, tenancy
from officer_app.central.access import Caller
from officer_app.central.db import Database
from officer_app.central.enrolment import RateLimiter
from officer_app.central.gates import (
    ApiError,
    Audit,
    Service,
    error_response,
    read_body,
    read_raw,
)
from officer_app.clock import Clock, SystemClock
from officer_app.sync import protocol as p

log = logging.getLogger(__name__)
ENROL_LIMIT = 10  # attempts per client address per minute


def create_app(
    database: Database,
    *,
    clock: Clock | None = None,
    allow_insecure: bool = False,
    enrol_limit: int = ENROL_LIMIT,
) -> FastAPI:
    """The service over ``database``. ``allow_insecure``: answer plain HTTP from any address
    (otherwise only from loopback, e.g. behind a TLS-terminating proxy on the same host)."""
    service = Service(
        database,
        clock or SystemClock(),
        allow_insecure,
        RateLimiter(enrol_limit, dt.timedelta(minutes=1)),
    )
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.service = service

    @app.middleware("http")
    async def no_store(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = "not_found" if exc.status_code == 404 else "http_error"
        return error_response(exc.status_code, code, "no such endpoint or method")

    @app.exception_handler(RequestValidationError)
    async def shape_error(_request: Request, _exc: RequestValidationError) -> JSONResponse:
        return error_response(422, p.INVALID, "the request is not valid")

    @app.exception_handler(Exception)
    async def internal(_request: Request, exc: Exception) -> JSONResponse:
        log.error("request failed: %s", type(exc).__name__)
        return error_response(500, "internal", "the server could not answer; try again later")

    async def handle(
        request: Request,
        work: Callable[[Caller | None, Any, Audit], Any],
        *,
        authed: bool = True,
        body: bool | Literal["raw"] = True,
    ) -> Response:
        audit = Audit()
        acting = tenancy.act_for(None)
        try:
            service.check_transport(request)
            service.check_protocol(request, required=authed)
            data = (
                await (read_raw(request) if body == "raw" else read_body(request)) if body else None
            )
            tenancy.act_for(await run_in_threadpool(la_of_request, request, data, authed))
            if authed:
                audit.caller = await run_in_threadpool(service.authenticate, request)
            result = await run_in_threadpool(work, audit.caller, data, audit)
            response: Response = (
                result if isinstance(result, Response) else JSONResponse(p.to_json(result))
            )
        except ApiError as exc:
            response = error_response(exc.status, exc.code, exc.message)
        try:
            await run_in_threadpool(service.write_audit, request, response.status_code, audit)
        finally:
            tenancy.stop_acting(acting)
        return response

    def la_of_request(request: Request, data: Any, authed: bool) -> str | None:
        """The LA whose rows this request may touch: its credential's, or (enrolment) its
        code's; None (no rows at all) when neither is known. Everything after runs under it."""
        engine = service.database.engine
        if authed:
            credential = tenancy.bearer(request.headers.get("authorization", ""))
            return tenancy.la_of_credential(engine, credential) if credential else None
        code = data.get("code") if isinstance(data, dict) else None
        return tenancy.la_of_code(engine, code) if isinstance(code, str) else None

    routes.add_routes(app, service, handle)
    blobs.add_routes(app, service, handle)
    return app
