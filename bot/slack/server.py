"""HTTP mode: Bolt's WSGI adapter on /slack/events, a health check on /healthz, served by waitress."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from slack_bolt import App, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_sdk.signature import SignatureVerifier

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

logger = logging.getLogger(__name__)
MAX_BODY = 1_000_000


def _reply(
    start_response: StartResponse, status: str, body: bytes = b"", content_type: str = "text/plain"
) -> list[bytes]:
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]


_TEXTS = ("type", "text", "user", "channel", "ts", "thread_ts", "channel_type", "subtype", "bot_id", "tab")
_OBJECTS = ("user", "view", "container", "channel", "message", "team", "state")


def well_formed(body: object) -> bool:
    """Whether a request body has the shapes Bolt and the listeners read (an object, whose event is an object
    with text fields, whose actions are a list of objects…): signed JSON of another shape is refused."""
    if not isinstance(body, dict):
        return False
    event = body.get("event")
    if event is not None and not (isinstance(event, dict) and all(_text_or_absent(event, k) for k in _TEXTS)):
        return False
    if any(not isinstance(body[k], dict | str) for k in _OBJECTS if k in body and body[k] is not None):
        return False
    view = body.get("view")
    if isinstance(view, dict) and not isinstance(view.get("state", {}), dict):
        return False
    actions = body.get("actions")
    return actions is None or (isinstance(actions, list) and all(isinstance(a, dict) for a in actions))


def _text_or_absent(data: dict, key: str) -> bool:
    return data.get(key) is None or isinstance(data[key], str)


class _Handler(SlackRequestHandler):
    verifier: SignatureVerifier

    """Bolt's WSGI adapter, reading a slash command whose text contains the word "payload" as a command.

    Bolt takes any form body containing "payload" for an interaction and, finding no ``payload=``
    field, reads it as empty; the signature is still checked on the raw body.
    """

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        from urllib.parse import parse_qsl

        from slack_bolt.request import BoltRequest
        from slack_bolt.request.internals import build_normalized_headers, extract_content_type, parse_body

        raw, headers = request.get_body(), request.get_headers()
        body: object = parse_body(raw, extract_content_type(build_normalized_headers(headers)))
        if not body and raw and not raw.startswith(("{", "payload=")) and "payload" in raw:
            body = dict(parse_qsl(raw, keep_blank_values=True))  # a slash command that says "payload"
        if not well_formed(body):  # refused before Bolt reads it: forged or not, a 4xx
            signed = self.verifier.is_valid_request(raw, headers)  # type: ignore[arg-type]
            return BoltResponse(status=400 if signed else 401, body="bad request")
        bolt_request = BoltRequest(body=raw, query=request.query_string, headers=headers)
        if body != bolt_request.body:
            from slack_bolt.context import BoltContext
            from slack_bolt.request.internals import build_context

            bolt_request.body = body  # type: ignore[assignment]
            bolt_request.context = build_context(BoltContext({}), bolt_request.body)
        return self.app.dispatch(bolt_request)


def make_wsgi(app: App, ready: threading.Event, signing_secret: str, path: str = "/slack/events") -> WSGIApplication:
    """The WSGI application: a garbage or forged request gets a 4xx and never takes the app down."""
    bolt = _Handler(app, path=path)
    bolt.verifier = SignatureVerifier(signing_secret)

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


def serve(app: App, host: str, port: int, ready: threading.Event, signing_secret: str) -> Server:
    """The app's HTTP server (call ``.run()`` to serve, ``.close()`` to stop)."""
    server = Server(make_wsgi(app, ready, signing_secret), host, port)
    logger.info("listening on http://%s:%s/slack/events", host, server.effective_port)
    return server
