"""Graceful shutdown: a stopping gateway finishes the answers it is working on."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import aiohttp

from bot import PROJECT_ROOT
from tests.conftest import FakeRasa, _free_port, new_session, post_json, running_service


async def wait_for_health(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as client:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                async with client.get(f"{url}/healthz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise AssertionError("the gateway did not start")


async def test_sigterm_lets_the_answer_in_progress_finish(aiohttp_server):
    slow = FakeRasa([{"recipient_id": "x", "text": "Svar från Rasa"}], delay=1.5)
    rasa = await slow.start(aiohttp_server)
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "bot", "gateway", "--port", str(port),
            "--rasa-url", rasa.url, "--timeout", "5",
        ],
        cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        await wait_for_health(url, proc)
        async with aiohttp.ClientSession() as client:
            body = {"session": new_session(), "text": "hej"}
            in_flight = asyncio.create_task(client.post(f"{url}/api/chat", json=body))
            await asyncio.sleep(0.5)
            proc.send_signal(signal.SIGTERM)
            await asyncio.sleep(0.3)
            # no new work is taken while draining
            try:
                async with client.get(f"{url}/healthz", timeout=aiohttp.ClientTimeout(total=2)):
                    refused = False
            except (aiohttp.ClientError, asyncio.TimeoutError):
                refused = True
            resp = await in_flight
            answer = await resp.json()
        assert refused
        assert resp.status == 200 and answer["degraded"] is False
        assert answer["messages"][0]["text"] == "Svar från Rasa"
        assert await asyncio.get_running_loop().run_in_executor(None, proc.wait, 10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_bot_serve_finishes_answers_in_progress_when_stopped():
    """A message still in progress when `bot serve` is told to stop gets its real answer."""
    with running_service() as service:
        rasa = service.child("bot.rasa_plugins.rasa_cli")
        os.kill(rasa, signal.SIGSTOP)  # Rasa "busy": the answer is in progress
        with ThreadPoolExecutor(1) as pool:
            answer = pool.submit(
                post_json, f"{service.url}/api/chat", {"session": new_session(), "text": "hej"}
            )
            time.sleep(0.5)
            service.process.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            os.kill(rasa, signal.SIGCONT)
            status, body, _ = answer.result(timeout=20)
    assert status == 200 and body["degraded"] is False
