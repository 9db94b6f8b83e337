"""Soak: 100 messages/s for 60 s over two Rasa processes sharing Redis, one killed halfway.

Loopback only and bounded (6,000 messages). Every request must get an answer (HTTP 200); crisis
cards (the gateway's answer when no Rasa process answers in time) are counted and reported.
"""

from __future__ import annotations

import asyncio
import os
import signal

from bench.run import line, open_loop
from tests.conftest import running_service

RATE, SECONDS, KILL_AT = 100, 60, 30
MAX_CRISIS_CARD_SHARE = 0.02


def test_soak_with_one_rasa_process_killed_halfway(redis_url, capsys):
    with running_service(
        "--rasa-workers", "2", "--redis-url", redis_url, "--address-rate", "100000"
    ) as service:  # fmt: skip
        victim = service.child(f"--port {service.rasa_port} ")

        async def load_with_a_kill():
            load = asyncio.create_task(open_loop(service.url, RATE, SECONDS))
            await asyncio.sleep(KILL_AT)
            os.kill(victim, signal.SIGKILL)
            return await load

        sample = asyncio.run(load_with_a_kill())
        with capsys.disabled():
            print("\n" + line(f"soak {RATE} msg/s, 2 Rasa, 1 killed", sample))
        assert sample.errors == 0
        assert len(sample.latencies_ms) == RATE * SECONDS
        assert sample.degraded <= MAX_CRISIS_CARD_SHARE * RATE * SECONDS
        service.wait_ready(120)
        assert "rasa-0 exited" in service.printed()
        assert service.child(f"--port {service.rasa_port} ") != victim
