"""The counters (bot/core/metrics.py): what a turn adds, how they are added up and shown, and that a
real conversation leaves no text, session id or address in /metrics, `bot stats` or the report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rasa.shared.core.events import ActionExecuted, Restarted, SessionStarted, UserUttered

from bot import PROJECT_ROOT
from bot.core import metrics
from bot.processes.supervisor import ServeOptions
from bot.rasa_plugins.turn_metrics import read_turn
from bot.tools.report import render
from bot.tools.stats import add_up, format_totals, shown
from tests.conftest import new_session, post_json

INTENTS = frozenset(
    {"victim", "concerned", "role_unclear", "danger_unsure", "danger_now", "menu", "greet"}
    | {"nlu_fallback", "delete_conversation", "professional"}
)


def user(intent: str, text: str = "…", **parse: object) -> UserUttered:
    return UserUttered(text, intent={"name": intent, "confidence": 1.0}, parse_data={
        "intent": {"name": intent, "confidence": 1.0}, "text": text, **parse,
    })  # fmt: skip


def answered(*events):
    return [ActionExecuted("action_listen"), *events, ActionExecuted("action_listen")]


def test_a_turn_is_read_as_topic_role_and_danger_verdict():
    turn = read_turn(
        answered(user("victim", danger={"level": "none"}), ActionExecuted("utter_victim")),
        "subjected",
        INTENTS,
    )
    assert (turn.topic, turn.role, turn.triage) == ("victim", "subjected", "none")
    assert turn.question is turn.answer is turn.fallback_about is None
    assert turn.first  # the conversation's first message


def test_a_conversation_starts_with_its_first_message_of_a_session():
    greeting = answered(user("greet"))
    assert not read_turn(greeting + answered(user("victim")), None, INTENTS).first
    for boundary in (SessionStarted(), Restarted()):
        later = greeting + [boundary] + answered(user("victim"))
        assert read_turn(later, None, INTENTS).first


def test_a_button_says_who_is_writing_when_the_conversation_has_not():
    turn = read_turn(answered(user("victim", text='/victim{"language": "sv"}')), None, INTENTS)
    assert turn.role == "subjected"
    typed = read_turn(answered(user("victim", text="min man slår mig")), None, INTENTS)
    assert typed.role == "unknown"  # typed: the role model decides, not the topic


def test_labels_come_only_from_closed_lists():
    turn = read_turn(answered(user("made_up_intent")), "a role nobody knows", INTENTS)
    assert (turn.topic, turn.role, turn.triage) == ("other", "unknown", None)
    assert metrics.bounded("sv", ("sv", "en")) == "sv"
    assert metrics.bounded("hej jag heter Anna", ("sv", "en")) == "other"
    assert metrics.bounded(None, ("sv",)) == "other"


def test_the_role_question_counts_what_it_was_unsure_about_and_the_answer():
    asked = user("role_unclear", role={"topic": "concerned"}, danger={"level": "none"})
    turn = read_turn(answered(asked), None, INTENTS)
    assert turn.question == ("who_is_writing", "concerned")
    reply = read_turn(answered(asked) + answered(user("victim")), "subjected", INTENTS)
    assert reply.answer == ("who_is_writing", "victim")
    assert reply.question is None


@pytest.mark.parametrize(("reply", "answer"), [("danger_now", "yes"), ("victim", "no")])
def test_the_danger_check_counts_yes_and_no(reply, answer):
    asked = user("danger_unsure", danger={"level": "uncertain", "topic": "victim"})
    turn = read_turn(answered(asked), None, INTENTS)
    assert (turn.question, turn.triage) == (("danger_check", "victim"), "uncertain")
    assert read_turn(answered(asked) + answered(user(reply)), None, INTENTS).answer == (
        "danger_check",
        answer,
    )


def test_a_fallback_counts_the_best_guess_and_only_the_previous_message_is_read():
    ranking = [{"name": "nlu_fallback"}, {"name": "professional"}, {"name": "victim"}]
    old = answered(user("role_unclear", role={"topic": "victim"}), user("greet"))
    turn = read_turn(old + answered(user("nlu_fallback", intent_ranking=ranking)), None, INTENTS)
    assert turn.fallback_about == "professional"
    assert turn.answer is None  # the question was two messages ago


def test_restarts_and_empty_conversations_are_not_counted():
    assert read_turn(answered(user("restart")), None, INTENTS) is None
    assert read_turn([ActionExecuted("action_listen")], None, INTENTS) is None


EXPOSITION_A = """# TYPE stod_messages_total counter
stod_messages_total{language="sv"} 7.0
stod_messages_total{language="ar"} 1.0
# TYPE process_start_time_seconds gauge
process_start_time_seconds 200.0
"""
EXPOSITION_B = """# TYPE stod_messages_total counter
stod_messages_total{language="sv"} 3.0
# TYPE stod_answers_by_topic_total counter
stod_answers_by_topic_total{topic="victim"} 4.0
# TYPE process_start_time_seconds gauge
process_start_time_seconds 100.0
"""


def test_processes_are_added_up_and_small_counts_hidden():
    totals = add_up([EXPOSITION_A, EXPOSITION_B])
    assert totals.by("stod_messages", "language") == {"sv": 10.0, "ar": 1.0}
    assert totals.total("stod_messages") == 11.0
    assert totals.started == 100.0
    assert [shown(n) for n in (0, 1, 4, 5, 12)] == ["0", "< 5", "< 5", "5", "12"]
    text = format_totals(totals)
    assert "sv" in text and "10" in text
    assert "ar                                   < 5" in text
    assert "victim                               < 5" in text


def test_the_report_draws_every_chart_and_hides_small_counts():
    page = render(add_up([EXPOSITION_A, EXPOSITION_B]))
    assert page.count("<svg") == 7
    assert "&lt; 5" in page and ">1<" not in page
    assert "<script" not in page and 'src="http' not in page and 'href="http' not in page


def test_counters_carry_no_timestamps_of_their_own():
    from prometheus_client import generate_latest

    metrics.TOPICS.labels("victim").inc()
    exposition = generate_latest().decode()
    assert "stod_answers_by_topic_total" in exposition
    assert "_created" not in exposition


GRAFANA = PROJECT_ROOT / "deploy" / "grafana"


def test_the_grafana_dashboard_is_the_generated_one_and_names_real_counters():
    generated = subprocess.run(
        [sys.executable, str(GRAFANA / "dashboard.py")], capture_output=True, text=True, check=True
    ).stdout
    committed = (GRAFANA / "stod-dashboard.json").read_text(encoding="utf-8")
    assert json.loads(generated) == json.loads(committed), "run deploy/grafana/dashboard.py"
    dashboard = json.loads(committed)
    assert dashboard["uid"] and dashboard["title"] and dashboard["schemaVersion"] >= 12
    assert [i["pluginId"] for i in dashboard["__inputs"]] == ["prometheus"]
    from prometheus_client import REGISTRY

    known = {m.name for m in REGISTRY.collect() if m.name.startswith("stod_")}
    cells = set()
    for panel in dashboard["panels"]:
        box = panel["gridPos"]
        assert box["x"] + box["w"] <= 24, panel["title"]
        taken = {(x, y) for x in range(box["x"], box["x"] + box["w"])
                 for y in range(box["y"], box["y"] + box["h"])}  # fmt: skip
        assert not taken & cells, f"{panel['title']} overlaps another panel"
        cells |= taken
        for target in panel["targets"]:
            names = {word.split("[")[0] for word in target["expr"].replace("(", " ").split()}
            used = {n.removesuffix("_total").removesuffix("_bucket") for n in names}
            assert used & known, (panel["title"], target["expr"])
            assert used & {n for n in used if n.startswith("stod_")} <= known, target["expr"]


def _listening_address(port: int) -> str:
    """The local address a TCP port listens on, from /proc/net/tcp (IPv4)."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if int(hex_port, 16) == port and state == "0A":  # LISTEN
            return ".".join(str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0))
    raise AssertionError(f"nothing listens on {port}")


def test_a_real_conversation_leaves_no_text_session_or_address_in_the_counts(service, tmp_path):
    marker = "markör" + new_session()[:12]
    session = new_session()
    address = "203.0.113.77"  # forwarded by a trusted proxy (the service trusts loopback)
    before = service.count("stod_messages", language="sv")
    deleted = service.count("stod_conversations_deleted", rasa_process=0)
    for text in ("/greet", f"min sambo slog mig igår, jag heter {marker}", "radera"):
        body = {"session": session, "text": text}
        status, _, _ = post_json(service.url + "/api/chat", body, {"X-Forwarded-For": address})
        assert status == 200
    assert service.count("stod_messages", language="sv") == before + 3
    assert service.count("stod_conversations_deleted", rasa_process=0) == deleted + 1
    out = tmp_path / "report.html"
    cli = [sys.executable, "-m", "bot"]
    port = ["--metrics-port", str(service.metrics_port)]
    stats = subprocess.run([*cli, "stats", *port], capture_output=True, text=True, check=True)
    subprocess.run([*cli, "report", "--out", str(out), *port], capture_output=True, check=True)
    seen = {
        "gateway /metrics": service.metrics(),
        "Rasa /metrics": service.metrics(rasa_process=0),
        "bot stats": stats.stdout + stats.stderr,
        "bot report": out.read_text(encoding="utf-8"),
    }
    for where, text in seen.items():
        for secret in (marker, session, session[:16], address):
            assert secret not in text, f"{secret} in {where}"
        assert "_created" not in text
    assert "Samtal startade" in stats.stdout
    for port_number in (service.metrics_port, service.metrics_port + 1):
        assert _listening_address(port_number) == "127.0.0.1"


def test_ends_are_counted_by_reason_and_any_other_reason_is_other(service):
    closes = service.count("stod_conversations_ended", how="close")
    others = service.count("stod_conversations_ended", how="other")
    for reason in ("close", "jag heter Anna"):
        post_json(service.url + "/api/end", {"session": new_session(), "reason": reason})
    assert service.count("stod_conversations_ended", how="close") == closes + 1
    assert service.count("stod_conversations_ended", how="other") == others + 1
    assert "Anna" not in service.metrics()


def test_ports_that_would_clash_are_refused_before_anything_starts():
    assert ServeOptions().port_problem() is None
    assert "5005" in ServeOptions(metrics_port=5004).port_problem()
    assert "above 65535" in ServeOptions(metrics_port=65535).port_problem()
    assert ServeOptions(metrics_port=0, rasa_workers=4).port_problem() is None
