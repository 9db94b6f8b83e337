"""How `bot serve` starts its children: loopback only, API and telemetry off, never text logs."""

from pathlib import Path

import pytest

from bot.processes.supervisor import STABLE_AFTER, ServeOptions, child_env, commands, restart_delay


@pytest.mark.parametrize("debug", [False, True])
def test_rasa_listens_on_loopback_with_api_off_and_never_at_debug(debug):
    rasa = commands(ServeOptions(debug=debug), Path("/tmp/endpoints.yml"))["rasa"]
    assert rasa[rasa.index("--interface") + 1] == "127.0.0.1"
    assert "--enable-api" not in rasa and "--cors" not in rasa
    assert "--debug" not in rasa and "-vv" not in rasa
    assert ("--verbose" if debug else "--quiet") in rasa


@pytest.mark.parametrize("debug", [False, True])
def test_children_have_telemetry_off_and_bind_loopback(debug):
    env = child_env(ServeOptions(debug=debug))
    assert env["RASA_TELEMETRY_ENABLED"] == "false"
    assert env["SANIC_HOST"] == "127.0.0.1"  # the action server's bind address
    assert env["LOG_LEVEL"] in ("WARNING", "INFO")
    assert env["BOT_STAFF"] == "0"  # staff mode is off unless asked for


def test_idle_timeout_and_cap_reach_the_tracker_store():
    env = child_env(ServeOptions(idle_timeout=60, max_conversations=5))
    assert (env["BOT_IDLE_TIMEOUT"], env["BOT_MAX_CONVERSATIONS"]) == ("60", "5")


def test_back_off_grows_with_quick_crashes_and_starts_again_after_a_good_run():
    restarts, delays = 0, []
    for _ in range(8):  # crashing at once, again and again
        restarts, delay = restart_delay(restarts, ran_for=1.0)
        delays.append(delay)
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
    # a child that ran for a while and then crashed is restarted soon again
    assert restart_delay(restarts, ran_for=STABLE_AFTER) == (1, 0.5)
