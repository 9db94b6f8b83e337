"""End to end: the real gateway, Rasa and action server started by `python -m bot serve`."""

import json
import os
import secrets
import signal
import time
import urllib.request
from pathlib import Path

from tests.conftest import new_session, post_json


def chat(service, text, session=None, lang="sv"):
    return post_json(
        f"{service.url}/api/chat", {"session": session or new_session(), "text": text, "lang": lang}
    )


def test_ready_when_all_three_processes_answer(service):
    with urllib.request.urlopen(f"{service.url}/readyz") as resp:
        assert json.loads(resp.read()) == {"rasa": "up", "actions": "up"}


def test_hej_gets_a_greeting_with_buttons(service):
    status, body, headers = chat(service, "Hej")
    assert status == 200 and body["degraded"] is False
    assert body["messages"][0]["text"].startswith("Hej!")
    assert len(body["messages"][0]["buttons"]) >= 2
    assert headers["Cache-Control"] == "no-store" and "Set-Cookie" not in headers


def test_danger_gets_112_in_the_first_message(service):
    status, body, _ = chat(service, "Han slår mig nu")
    assert status == 200
    assert "112" in body["messages"][0]["text"]
    assert body["messages"][0]["emergency"] is True


def test_custom_action_lists_lines_open_now(service):
    # Kvinnofridslinjen and BRIS are open around the clock, so the answer always has them.
    _, body, _ = chat(service, "/open_now")
    ids = {r["id"] for m in body["messages"] for r in m.get("resources", [])}
    assert {"kvinnofridslinjen", "bris"} <= ids
    assert all(r["open_now"] for m in body["messages"] for r in m.get("resources", []))


def test_end_answers_204_and_the_next_message_starts_afresh(service):
    session = new_session()
    chat(service, "hello", session=session, lang="en")
    status, _, _ = post_json(f"{service.url}/api/end", {"session": session})
    assert status == 204
    status, body, _ = chat(service, "Hej", session=session)
    assert status == 200 and body["messages"][0]["text"].startswith("Hej!")


def test_message_text_never_appears_in_the_logs(service):
    marker = "markör" + secrets.token_hex(8)
    session = new_session()
    for text in [f"Hej {marker}", f"han slår mig nu {marker}", f"/{marker}", f"{marker} " * 40]:
        status, _, _ = chat(service, text.strip(), session=session)
        assert status == 200
    post_json(f"{service.url}/api/end", {"session": session})
    printed = service.printed()
    assert "Ready in" in printed  # the output is really captured
    assert marker not in printed
    assert session not in printed


def _children(pid: int) -> dict[int, str]:
    """Child pids of `pid` with their command lines (from /proc)."""
    children = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
            children[int(child)] = cmdline.decode(errors="replace")
    return children


def test_supervisor_restarts_a_child_that_dies(service):
    # Runs last in this file: the action server is killed and must come back.
    actions = [pid for pid, cmd in _children(service.process.pid).items() if "rasa_sdk" in cmd]
    assert len(actions) == 1
    os.kill(actions[0], signal.SIGKILL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.5)
        try:
            with urllib.request.urlopen(f"{service.url}/readyz") as resp:
                if resp.status == 200:
                    break
        except OSError:
            continue
    else:
        raise AssertionError("the action server did not come back")
    assert "actions exited" in service.printed()
    new = [pid for pid, cmd in _children(service.process.pid).items() if "rasa_sdk" in cmd]
    assert new and new != actions
