"""HTTP mode: Bolt's WSGI adapter on /slack/events, a health check on /healthz, served by waitress."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from slack_bolt import App, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

logger = logging.getLogger(__name__)
MAX_BODY = 1_000_000


def _reply(
    start_response: StartResponse, status: str, body: bytes = b"", content_type: str = "text/plain"
) -> list[bytes]:
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]


class _Handler(SlackRequestHandler):
    """Bolt's WSGI adapter, reading a slash command whose text contains the word "payload" as a command.

    Bolt takes any form body containing "payload" for an interaction and, finding no ``payload=``
    field, reads it as empty; the signature is still checked on the raw body.
    """

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        from urllib.parse import parse_qsl

        from slack_bolt.context import BoltContext
        from slack_bolt.request import BoltRequest
        from slack_bolt.request.internals import build_context

        bolt_request = BoltRequest(body=request.get_body(), query=request.query_string, headers=request.get_headers())
        raw = bolt_request.raw_body
        if not bolt_request.body and raw and not raw.startswith(("{", "payload=")) and "payload" in raw:
            bolt_request.body = dict(parse_qsl(raw, keep_blank_values=True))
            bolt_request.context = build_context(BoltContext({}), bolt_request.body)
        return self.app.dispatch(bolt_request)


def make_wsgi(app: App, ready: threading.Event, path: str = "/slack/events") -> WSGIApplication:
    """The WSGI application: a garbage or forged request gets a 4xx and never takes the app down."""
    bolt = _Handler(app, path=path)

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        route = environ.get("PATH_INFO", "")
        if route == "/healthz":
            return _reply(
                start_response,
                "200 OK" if ready.is_set() else "503 Service Unavailable",
                b"ok" if ready.is_set() else b"starting",
            )
        if route != path:
            return _reply(start_response, "404 Not Found", b"not found")
        if environ.get("REQUEST_METHOD") != "POST":
            return _reply(start_response, "405 Method Not Allowed", b"")
        timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        if not timestamp.isdigit() or not environ.get("HTTP_X_SLACK_SIGNATURE"):
            return _reply(start_response, "401 Unauthorized", b'{"error": "invalid request"}', "application/json")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            return _reply(start_response, "413 Payload Too Large" if length > MAX_BODY else "400 Bad Request", b"")
        try:
            return bolt(environ, start_response)
        except ValueError:  # a body Bolt cannot decode (e.g. broken JSON)
            return _reply(start_response, "400 Bad Request", b"bad request")

    return wsgi


class Server:
    """A waitress server that can be stopped from another thread."""

    def __init__(self, wsgi: WSGIApplication, host: str, port: int, threads: int = 8):
        from waitress.server import create_server

        self._server = create_server(wsgi, host=host, port=port, threads=threads, ident="commission-bot")
        self._stopping = False
        self.effective_port = int(getattr(self._server, "effective_port", port))

    def run(self) -> None:
        try:
            self._server.run()
        except (OSError, ValueError):
            if not self._stopping:  # the loop notices its sockets closing under it
                raise

    def close(self) -> None:
        self._stopping = True
        self._server.close()
        self._server.task_dispatcher.shutdown()


def serve(app: App, host: str, port: int, ready: threading.Event) -> Server:
    """The app's HTTP server (call ``.run()`` to serve, ``.close()`` to stop)."""
    server = Server(make_wsgi(app, ready), host, port)
    logger.info("listening on http://%s:%s/slack/events", host, server.effective_port)
    return server
