"""The endpoints' work, each given the authenticated caller, the parsed JSON body and the
request's audit note (:func:`officer_app.central.app.create_app` wraps them in the gates)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response

from officer_app.central import feed, merge
from officer_app.central.access import Caller
from officer_app.central.db import iso
from officer_app.central.enrolment import EnrolmentRefused, enrol
from officer_app.central.gates import ApiError, Audit, Service, parse
from officer_app.sync import protocol as p

Handle = Callable[..., Awaitable[Response]]


def _known(caller: Caller | None) -> Caller:
    assert caller is not None  # the gate authenticated every route but /enrol
    return caller


def add_routes(app: FastAPI, service: Service, handle: Handle) -> None:
    def do_enrol(_caller: Caller | None, data: Any, audit: Audit) -> p.EnrolResponse:
        request = parse(p.EnrolRequest, data)
        if len(request.device_name) > 200 or len(request.app_version) > 40:
            raise ApiError(422, p.INVALID, "device_name or app_version: too long")
        try:
            return enrol(service.database, request, service.clock.now())
        except EnrolmentRefused:
            raise ApiError(
                400, p.ENROLMENT_REFUSED, "the code is unknown, already used or expired"
            ) from None

    def do_hello(caller: Caller | None, data: Any, audit: Audit) -> p.HelloResponse:
        request = parse(p.HelloRequest, data)
        with service.database.engine.begin() as conn:
            answer = feed.hello(conn, _known(caller), request, service.clock.now())
        audit.scopes.update(answer.scopes)
        return answer

    def do_push(caller: Caller | None, data: Any, audit: Audit) -> p.PushResponse:
        request = parse(p.PushRequest, data)
        if len(request.mutations) > p.MAX_PUSH_MUTATIONS:
            raise ApiError(422, p.INVALID, "mutations: too many in one push")
        audit.scopes.update(m.scope_id for m in request.mutations)
        now = service.clock.now()
        results = merge.push(service.database, _known(caller), request.mutations, now)
        return p.PushResponse(server_time=iso(now), results=results)

    def do_pull(caller: Caller | None, data: Any, audit: Audit) -> p.PullResponse:
        request = parse(p.PullRequest, data)
        with service.database.engine.begin() as conn:
            try:
                answer = feed.pull(conn, _known(caller), request, service.clock.now())
            except feed.ForbiddenScope:
                raise ApiError(
                    403, p.FORBIDDEN_SCOPE, "a scope this user may not hold was asked for"
                ) from None
        audit.scopes.update(answer.cursors)
        return answer

    def do_heads(caller: Caller | None, _data: Any, audit: Audit) -> p.HeadsResponse:
        with service.database.engine.begin() as conn:
            answer = feed.heads(conn, _known(caller), service.clock.now())
        audit.scopes.update(p.scope_of_case(head.case_id) for head in answer.heads)
        return answer

    async def enrol_route(request: Request) -> Response:
        host = request.client.host if request.client else ""
        if not service.limiter.allow(host, service.clock.now()):
            raise_limited = ApiError(429, p.RATE_LIMITED, "too many attempts; wait a minute")
            return await handle(request, _raise(raise_limited), authed=False, body=False)
        return await handle(request, do_enrol, authed=False)

    async def hello_route(request: Request) -> Response:
        return await handle(request, do_hello)

    async def push_route(request: Request) -> Response:
        return await handle(request, do_push)

    async def pull_route(request: Request) -> Response:
        return await handle(request, do_pull)

    async def heads_route(request: Request) -> Response:
        return await handle(request, do_heads, body=False)

    app.add_api_route(f"{p.PREFIX}/enrol", enrol_route, methods=["POST"])
    app.add_api_route(f"{p.PREFIX}/hello", hello_route, methods=["POST"])
    app.add_api_route(f"{p.PREFIX}/push", push_route, methods=["POST"])
    app.add_api_route(f"{p.PREFIX}/pull", pull_route, methods=["POST"])
    app.add_api_route(f"{p.PREFIX}/heads", heads_route, methods=["GET"])


def _raise(error: Exception) -> Callable[..., Any]:
    def work(*_args: Any) -> Any:
        raise error

    return work
