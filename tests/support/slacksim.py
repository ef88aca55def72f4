"""Slack's side of the wire: signed events, slash commands and interactions, as Slack sends them."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

SECRET = "test-signing-secret"


@dataclass
class Response:
    status: int
    body: bytes
    seconds: float = 0.0  # until Slack had its answer

    def json(self):
        return json.loads(self.body)


class SlackClientSim:
    """Sends what Slack sends: signed JSON events, form-encoded commands and ``payload=`` interactions."""

    def __init__(self, url: str, service, drain: Callable[[], None], secret: str = SECRET):
        self.url, self.service, self.drain, self.secret = url, service, drain, secret
        self._events = iter(range(1, 10**9))

    def sign(self, body: str, timestamp: int | None = None) -> dict:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        digest = hmac.new(self.secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
        return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}

    def send(
        self,
        body: str,
        content_type: str,
        headers: dict | None = None,
        signed: bool = True,
        path: str = "/slack/events",
        drain: bool = True,
    ) -> Response:
        all_headers = {"Content-Type": content_type, **(self.sign(body) if signed else {}), **(headers or {})}
        request = urllib.request.Request(self.url + path, data=body.encode(), headers=all_headers, method="POST")
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                result = Response(response.status, response.read())
        except urllib.error.HTTPError as err:
            result = Response(err.code, err.read())
        result.seconds = time.monotonic() - started
        if drain:
            self.drain()  # what the app does after its acknowledgement (Bolt's lazy listeners)
        return result

    def event(
        self, event: dict, event_id: str | None = None, headers: dict | None = None, drain: bool = True
    ) -> Response:
        payload = {
            "token": "vt",
            "team_id": "T1",
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(self._events):06d}",
            "event_time": int(time.time()),
            "event": event,
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        }
        return self.send(json.dumps(payload), "application/json", headers, drain=drain)

    def mention(self, text: str, user: str = "U1", channel: str = "C1", ts: str = "1700000000.000100", **kw):
        event = {
            "type": "app_mention",
            "user": user,
            "text": f"<@UBOT> {text}",
            "ts": ts,
            "channel": channel,
            "event_ts": ts,
        }
        return self.event(event, **kw)

    def dm(self, text: str, user: str = "U1", channel: str = "D1", **kw):
        event = {
            "type": "message",
            "channel_type": "im",
            "user": user,
            "text": text,
            "ts": "1700000001.000200",
            "channel": channel,
            "event_ts": "1700000001.000200",
        }
        return self.event(event, **kw)

    def command(self, text: str, user: str = "U1", channel: str = "C1", response_url: str = "") -> Response:
        form = {
            "token": "vt",
            "team_id": "T1",
            "channel_id": channel,
            "user_id": user,
            "command": "/compromisos",
            "text": text,
            "api_app_id": "A1",
            "response_url": response_url,
            "trigger_id": f"tr{next(self._events)}",
        }
        return self.send(urlencode(form), "application/x-www-form-urlencoded")

    def interact(self, payload: dict) -> Response:
        return self.send(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")


def button(action_id: str, value: str, user: str = "U1", response_url: str = "", container: dict | None = None):
    return {
        "type": "block_actions",
        "api_app_id": "A1",
        "token": "vt",
        "trigger_id": "1.2.tr",
        "response_url": response_url,
        "team": {"id": "T1"},
        "user": {"id": user, "team_id": "T1"},
        "container": container or {"type": "message", "message_ts": "1700000000.000100", "channel_id": "C1"},
        "channel": {"id": "C1"},
        "message": {"type": "message", "ts": "1700000000.000100", "text": ""},
        "actions": [
            {"type": "button", "action_id": action_id, "block_id": "b", "value": value, "action_ts": str(time.time())}
        ],
    }


def submission(callback_id: str, values: dict, metadata: dict, user: str = "U1") -> dict:
    return {
        "type": "view_submission",
        "api_app_id": "A1",
        "team": {"id": "T1"},
        "user": {"id": user},
        "trigger_id": "1.2.tr",
        "view": {
            "id": "V1",
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": json.dumps(metadata),
            "state": {"values": values},
        },
    }
