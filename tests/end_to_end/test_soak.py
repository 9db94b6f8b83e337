"""Soak: 60 messages/s for 60 s over two Rasa processes sharing Redis, one killed halfway.

Loopback only and bounded (3,600 messages). Every request must get an answer (HTTP 200). Crisis
cards (the gateway's answer when no Rasa process answers within 3 s) are counted and printed per
5 s: on this 2-core machine, while the killed process reloads its model (about 15 s of a whole
core) the survivor cannot keep up, so cards are expected in that window. None may come before
the kill (a message in flight on the killed process may). How long they go on after it is
printed, not asserted: the backlog drains slowly. The rate was 100 messages/s until two
fresh-clone runs on 2026-12-03 had cards from the first seconds, before any kill (p50 1.1 and
2.2 s), with an in-process parse of p50 8.2-8.5 ms for the code before and after that day's
changes on one model: this machine no longer has the headroom for 100; at 60 it had none before
the kill (p50 30 ms).
"""

from __future__ import annotations

import asyncio
import os
import signal
import time

import pytest

from bench.run import line, open_loop
from tests.conftest import running_service

pytestmark = pytest.mark.soak

RATE, SECONDS, KILL_AT = 60, 60, 20


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

        started = time.perf_counter()
        sample = asyncio.run(load_with_a_kill())
        per_5s = sample.degraded_per(started, 5)
        with capsys.disabled():
            print("\n" + line(f"soak {RATE} msg/s, 2 Rasa, 1 killed", sample))
            print(f"crisis cards per 5 s: {per_5s}")
        assert sample.errors == 0
        assert len(sample.latencies_ms) == RATE * SECONDS
        # a message in flight on the killed process may get a card (its conversation's lock
        # dies with it); none earlier
        assert all(at - started >= KILL_AT - 1 for at in sample.degraded_at)
        service.wait_ready(120)
        assert "rasa-0 exited" in service.printed()
        assert service.child(f"--port {service.rasa_port} ") != victim
