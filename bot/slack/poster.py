"""The first, immediate try at a reply, over a kept-alive connection to Slack's Web API.

slack_sdk's ``WebClient`` opens a new connection (for slack.com, a new TLS handshake) for every call.
A reply is the one call a user waits for, so its first try goes over a pooled connection instead; a
failure is handed back to the outbox, whose ``WebClient`` retries with slack_sdk's retry handlers.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass

import urllib3

logger = logging.getLogger(__name__)
SLACK_API = "https://slack.com/api/"
IDLE_SECONDS = 30.0  # a kept-alive connection idle longer than this is not trusted


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
        self._pool: urllib3.PoolManager
        if proxy:
            auth = urllib3.util.parse_url(proxy).auth  # user:password in the URL, as slack_sdk accepts it
            headers = urllib3.make_headers(proxy_basic_auth=auth) if auth else None
            self._pool = urllib3.ProxyManager(
                proxy, proxy_headers=headers, maxsize=connections, block=False, retries=False, timeout=limit
            )
        else:
            self._pool = urllib3.PoolManager(maxsize=connections, block=False, retries=False, timeout=limit)
        self._used = time.monotonic()

    def post(self, method: str, args: dict) -> Attempt:
        """Call a Web API method (``chat.postMessage``, ``chat.postEphemeral``) with a JSON body."""
        body = json.dumps(args).encode()
        if time.monotonic() - self._used > IDLE_SECONDS:
            self._pool.clear()  # a middlebox may have dropped an idle connection without a word
        self._used = time.monotonic()
        try:
            response = self._pool.request("POST", self.base_url + method, body=body, headers=self._headers)
        except (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError) as exc:
            return Attempt("refused", detail=str(exc))  # never sent: a retry needs no check
        except urllib3.exceptions.HTTPError as exc:  # no answer: timed out, dropped
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
