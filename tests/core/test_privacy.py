"""Text stays inside each process: no traceback, warning or log event may print it, no core dump
or debugger may read it (bot/core/privacy.py), and a failing custom action echoes nothing
(bot/processes/action_server.py). Each check runs in a fresh process, as the service's processes do."""

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request

from bot import PROJECT_ROOT
from bot.tools.local_agent import free_port


def run_python(code: str) -> str:
    """Run `code` in a new interpreter of this venv, with warnings shown (make test hides them);
    return what it printed (stdout + stderr)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return done.stdout + done.stderr


def test_a_logged_traceback_keeps_the_types_and_drops_the_text():
    marker = secrets.token_hex(8)
    printed = run_python(
        f"""
import logging
from bot.core import privacy
privacy.install()
logging.basicConfig()
try:
    try:
        raise ValueError("the body was {marker}")
    except ValueError as e:
        raise RuntimeError("failed for {marker}") from e
except RuntimeError:
    logging.getLogger("rasa.core.processor").exception("Encountered an exception")
"""
    )
    assert "Encountered an exception" in printed and "RuntimeError" in printed
    assert "ValueError" in printed and marker not in printed


def test_rasa_structlog_events_and_warnings_print_no_text():
    marker = secrets.token_hex(8)
    printed = run_python(
        f"""
import logging, warnings
from bot.core import privacy
privacy.install(rasa=True)
from rasa.utils.log_utils import configure_structlog
import structlog
configure_structlog(logging.INFO)
structlog.get_logger().warning("message.parsing.failed", user_text="{marker}", text="{marker}")
from rasa.shared.utils.io import raise_warning
raise_warning("Failed to parse arguments in line '/{marker}'")
"""
    )
    assert "message.parsing.failed" in printed and "UserWarning" in printed
    assert marker not in printed


def test_no_core_dumps_and_no_debugger_of_the_same_user():
    printed = run_python(
        """
import ctypes, resource
from bot.core import privacy
privacy.install()
print(resource.getrlimit(resource.RLIMIT_CORE), ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))
"""
    )
    assert printed.strip() == "(0, 0) 0"  # PR_GET_DUMPABLE answers 0


def test_a_failing_action_answers_and_logs_no_part_of_the_conversation():
    marker, session = secrets.token_hex(8), secrets.token_hex(24)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "bot.processes.action_server", "--port", str(port),
         "--actions", "tests.fixtures.failing_actions"],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
        call = {
            "next_action": "action_open_now",
            "sender_id": session,
            "version": "3.6.2",
            "domain": {},
            "tracker": {
                "sender_id": session,
                "slots": {},
                "events": [{"event": "user", "text": f"jag heter {marker}"}],
                "latest_message": {"text": f"jag heter {marker}", "intent": {}},
            },
        }
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/webhook",
            data=json.dumps(call).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            urllib.request.urlopen(request, timeout=10)
            answer = ""
        except urllib.error.HTTPError as e:
            assert e.code == 500
            answer = e.read().decode()
    finally:
        server.terminate()
        printed = server.communicate(timeout=10)[0]
    assert "RuntimeError" in printed
    assert marker not in answer + printed and session not in answer + printed
