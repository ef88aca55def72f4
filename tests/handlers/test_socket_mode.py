"""Socket Mode: the real SocketModeHandler connects to a loopback WebSocket, gets an event and acks it."""

from __future__ import annotations

import json
import threading
import time

from websockets.sync.server import serve


def test_socket_mode_connects_receives_and_acks(slack_env, seeded, now, standin):
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.app import build_app
    from bot.settings import Settings

    acks: list[dict] = []
    envelope = {
        "envelope_id": "env-1",
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "payload": {
            "type": "event_callback",
            "team_id": "T1",
            "api_app_id": "A1",
            "event_id": "EvSock1",
            "event_time": 1,
            "event": {
                "type": "app_mention",
                "user": "U1",
                "channel": "C1",
                "text": "<@UBOT> ¿cómo va el 08/2023?",
                "ts": "1700000000.000100",
            },
        },
    }

    def session(ws):
        ws.send(json.dumps(envelope))
        for message in ws:
            acks.append(json.loads(message))

    with serve(session, "127.0.0.1", 0) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        standin.ws_url = f"ws://127.0.0.1:{server.socket.getsockname()[1]}/link/?ticket=t"
        settings = Settings.from_env({**slack_env, "SLACK_APP_TOKEN": "xapp-1-A1-test"})
        app, _service = build_app(settings, seeded, clock=lambda: now)
        handler = SocketModeHandler(app, app_token=settings.slack_app_token)
        handler.connect()
        try:
            deadline = time.monotonic() + 10
            while not acks and time.monotonic() < deadline:
                time.sleep(0.02)
            assert handler.client.is_connected()
            assert acks and acks[0]["envelope_id"] == "env-1"
            (post,) = standin.wait_for("chat.postMessage")
            assert post["thread_ts"] == "1700000000.000100" and "08/2023" in post["text"]
            connect = [c for c in standin.calls if c["method"] == "apps.connections.open"]
            assert connect and connect[0]["headers"]["Authorization"] == "Bearer xapp-1-A1-test"
        finally:
            server.shutdown()  # first: the client's receiving thread holds its lock until the socket closes
            handler.close()
