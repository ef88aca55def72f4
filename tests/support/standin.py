"""A loopback stand-in for Slack's Web API that records every call (and can fail on request)."""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


class SlackStandIn:
    def __init__(self, lean: bool = False):
        # lean (benches): keep of each call only its method, thread, status and time, and no channel history, so
        # that what the recorder keeps does not weigh on the garbage collector of the process it measures.
        self.lean = lean
        self.calls: list[dict] = []
        self.failures: dict[str, list[tuple[int, dict, dict]]] = {}
        self.locales: dict[str, str] = {}
        self.groups: dict[str, list[str]] = {}
        self.history: dict[str, list[dict]] = {}
        self.down = False
        self.ws_url: str | None = None
        self.delay: dict[str, float] = {}  # seconds to wait before answering a method
        self._ts = itertools.count(1)
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fail(self, method: str, status: int, headers: dict | None = None, body: dict | None = None, times: int = 1):
        """Answer the next ``times`` calls of ``method`` with this status."""
        self.failures.setdefault(method, []).extend([(status, headers or {}, body or {"ok": False})] * times)

    def posts_by_key(self) -> dict[str, list[int]]:
        """Delivery key → the parts posted for it (from the messages' metadata)."""
        found: dict[str, list[int]] = {}
        with self._lock:
            accepted = [c["body"] for c in self.calls if c["method"] == "chat.postMessage" and c["status"] == 200]
        for body in accepted:
            payload = (body.get("metadata") or {}).get("event_payload") or {}
            if payload.get("key"):  # deliveries have parts; a reply is part 0
                found.setdefault(payload["key"], []).append(payload.get("part", 0))
        return found

    def called(self, method: str) -> list[dict]:
        with self._lock:
            return [c["body"] for c in self.calls if c["method"] == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.called(method)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        return self.called(method)

    def answer(self, method: str, body: dict) -> dict:
        ts = f"{1700000000 + next(self._ts)}.000100"
        if method == "auth.test":
            return {"ok": True, "team_id": "T1", "user_id": "UBOT", "bot_id": "B1", "user": "bot"}
        if method == "users.info":
            user = body.get("user", "")
            return {"ok": True, "user": {"id": user, "locale": self.locales.get(user, "es-LA")}}
        if method == "usergroups.users.list":
            return {"ok": True, "users": self.groups.get(body.get("usergroup", ""), [])}
        if method == "chat.postMessage":
            message = {
                "ts": ts,
                "text": body.get("text"),
                "bot_id": "B1",
                "metadata": body.get("metadata"),
                "thread_ts": body.get("thread_ts"),
            }
            if not self.lean:
                self.history.setdefault(body.get("channel", ""), []).append(message)
            return {"ok": True, "channel": body.get("channel"), "ts": ts, "message": message}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method == "chat.getPermalink":
            return {"ok": True, "permalink": f"https://example.slack.com/archives/{body.get('channel')}/p1"}
        if method == "conversations.replies":
            thread = body.get("ts")
            found = [m for m in self.history.get(body.get("channel", ""), []) if m.get("thread_ts") == thread]
            return {"ok": True, "messages": found, "has_more": False}
        if method == "conversations.history":
            return {
                "ok": True,
                "messages": list(reversed(self.history.get(body.get("channel", ""), []))),
                "has_more": False,
                "response_metadata": {"next_cursor": ""},
            }
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(body.get("users", "X"))[1:]}}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.ws_url}
        if method == "files.getUploadURLExternal":
            return {"ok": True, "upload_url": f"{self.url}upload/F1", "file_id": "F1"}
        if method == "files.completeUploadExternal":
            return {"ok": True, "files": [{"id": "F1", "title": "report"}]}
        return {"ok": True}

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # as Slack's Web API: connections may be kept alive
            disable_nagle_algorithm = True

            def log_message(self, *args):
                pass

            def do_POST(self):
                if standin.down:
                    self.close_connection = True
                    self.connection.close()
                    return
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                method = self.path.strip("/")
                if method.startswith("upload/"):
                    body = {"raw": raw, "size": len(raw)}
                else:
                    body = _decode(raw, self.headers.get("Content-Type", ""))
                with standin._lock:
                    failure = standin.failures.get(method, []).pop(0) if standin.failures.get(method) else None
                    status_code = failure[0] if failure else 200
                    if standin.lean:
                        thread = {"thread_ts": body.get("thread_ts")} if isinstance(body, dict) else {}
                        call = {"method": method, "body": thread, "status": status_code, "at": time.perf_counter()}
                    else:
                        call = {
                            "method": method,
                            "body": body,
                            "headers": dict(self.headers),
                            "status": status_code,
                            "at": time.perf_counter(),
                            "peer": self.client_address,
                        }
                    standin.calls.append(call)
                if failure:
                    status, headers, payload = failure
                else:
                    status, headers, payload = 200, {}, standin.answer(method, body if isinstance(body, dict) else {})
                if method in standin.delay:  # taken (see ``answer``), but answered late
                    time.sleep(standin.delay[method])
                data = json.dumps(payload).encode()
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _decode(raw: bytes, content_type: str):
    if not raw:
        return {}
    if "json" in content_type:
        return json.loads(raw)
    if "x-www-form-urlencoded" in content_type:
        parsed = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
        for key in ("files", "metadata"):
            if key in parsed:
                with contextlib.suppress(ValueError):
                    parsed[key] = json.loads(parsed[key])
        return parsed
    return {"raw": raw}
