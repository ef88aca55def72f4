"""The first, immediate try at a reply, over a kept-alive connection to Slack's Web API.

slack_sdk's ``WebClient`` opens a new connection (for slack.com, a new TLS handshake) for every call.
A reply is the one call a user waits for, so its first try goes over a pooled connection instead; a
failure is handed back to the outbox, whose ``WebClient`` retries with slack_sdk's retry handlers.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

import urllib3

logger = logging.getLogger(__name__)
SLACK_API = "https://slack.com/api/"


@dataclass(frozen=True)
class Attempt:
    """What became of one try: ``sent``; or Slack ``refused`` it (with ``retry_after`` seconds on a 429);
    or there was no answer, and Slack may have the message already."""

    outcome: str  # sent | refused | unknown
    retry_after: float = 0.0
    detail: str = ""


class ReplyPoster:
    """One short try per message (no retries) on a small pool of kept-alive connections."""

    def __init__(
        self,
        token: str,
        base_url: str | None = None,
        *,
        proxy: str | None = None,
        timeout: float = 1.0,
        connections: int = 4,
    ):
        self.base_url = (base_url or SLACK_API).rstrip("/") + "/"
        self.proxy = proxy
        self._headers = {"Content-Type": "application/json; charset=utf-8", "Authorization": f"Bearer {token}"}
        limit = urllib3.Timeout(connect=timeout, read=timeout)
        self._pool: urllib3.PoolManager = (
            urllib3.ProxyManager(proxy, maxsize=connections, block=False, retries=False, timeout=limit)
            if proxy
            else urllib3.PoolManager(maxsize=connections, block=False, retries=False, timeout=limit)
        )

    def post(self, method: str, args: dict) -> Attempt:
        """Call a Web API method (``chat.postMessage``, ``chat.postEphemeral``) with a JSON body."""
        body = json.dumps(args).encode()
        try:
            response = self._pool.request("POST", self.base_url + method, body=body, headers=self._headers)
        except urllib3.exceptions.HTTPError as exc:  # no answer: timed out, refused, dropped
            return Attempt("unknown", detail=str(exc))
        if response.status >= 500:  # Slack may or may not have taken it
            return Attempt("unknown", detail=f"HTTP {response.status}")
        if response.status == 429:
            wait = response.headers.get("Retry-After", "")
            return Attempt("refused", float(wait) if wait.isdigit() else 1.0, "ratelimited")
        try:
            data = json.loads(response.data)
        except ValueError:
            return Attempt("refused", detail=f"HTTP {response.status}, not JSON")
        if response.status != 200 or not data.get("ok"):
            return Attempt("refused", detail=str(data.get("error") or f"HTTP {response.status}"))
        return Attempt("sent")

    def close(self) -> None:
        self._pool.clear()
