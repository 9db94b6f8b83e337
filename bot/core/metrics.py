"""Counters of what the service does, for quality work: counts, never events.

Each process keeps its own counters in memory (prometheus-client) and serves them in Prometheus's
text format on a port of its own, on loopback unless told otherwise: the gateway on
`--metrics-port` (default 9464), Rasa process i on `--metrics-port` + 1 + i. Prometheus (or
`python -m bot stats` / `bot report`) adds the processes up.

What keeps them free of personal data (docs/privacy.md, "Counters"):
- a label value comes from a closed list (the domain's intents, the roles, the languages, the
  finder's filters as resources.yml names them), never from what someone wrote: `bounded` turns
  anything else into "other";
- no counter is per conversation, and no series carries a time of its own: prometheus-client's
  `_created` samples (the second a label value was first counted, which could date one person's
  message) are switched off;
- nothing is written to disk, and the counts are gone when the process stops.

Every metric of the service is defined here, so this file is the list of what is counted.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from prometheus_client import Counter, Gauge, Histogram, disable_created_metrics, start_http_server

log = logging.getLogger(__name__)

disable_created_metrics()

DEFAULT_PORT = 9464  # OpenTelemetry's Prometheus exporter's port, the usual one for an app
OTHER = "other"

# --- counted in the gateway (bot/gateway/app.py) ---
MESSAGES = Counter(
    "stod_messages",
    "Messages answered, by the language of the answer ('other': a language without texts)",
    ["language"],
)
DEGRADED = Counter(
    "stod_degraded_answers",
    "Answers the gateway made itself because Rasa failed or was slow (the crisis card)",
)
REFUSED = Counter(
    "stod_refused_requests",
    "Chat requests refused, by reason (rate_limited, text_too_long, bad_json …)",
    ["reason"],
)
ENDED = Counter(
    "stod_conversations_ended",
    "Conversations ended from the widget: quick exit, closing the chat or leaving the page",
    ["how"],
)
FINDER = Counter(
    "stod_finder_searches",
    "Searches in 'Hitta stöd', by filter and value ('any' when the filter was not used)",
    ["filter", "value"],
)
ANSWER_SECONDS = Histogram(
    "stod_answer_seconds",
    "Time to answer a chat message in the gateway, Rasa included",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
RASA_PROCESSES = Gauge(
    "stod_rasa_processes",
    "Rasa processes behind this gateway (their metrics are on the next ports)",
)

# --- counted in each Rasa process (bot/rasa_plugins/turn_metrics.py) and, for the card-language
# answers the gateway makes itself, in the gateway ---
TRIAGE = Counter(
    "stod_danger_triage",
    "Danger triage of typed messages: acute, uncertain (the bot asks) or none",
    ["outcome"],
)

# --- counted in each Rasa process (bot/rasa_plugins/turn_metrics.py) ---
CONVERSATIONS = Counter(
    "stod_conversations_started",
    "Conversations started in Swedish or English: the first message (usually the greeting "
    "when the chat opens)",
)
TOPICS = Counter(
    "stod_answers_by_topic",
    "Answers by topic: the intent the bot answered (after the checks of who is writing)",
    ["topic"],
)
ROLES = Counter(
    "stod_answers_by_role",
    "Answers by the role the conversation showed: subjected, uses_violence, concerned, "
    "professional, or unknown",
    ["role"],
)
QUESTIONS = Counter(
    "stod_clarifying_questions",
    "Questions the bot asked instead of guessing (who_is_writing, danger_check), by the topic "
    "it was unsure about",
    ["question", "about"],
)
ANSWERS_TO_QUESTIONS = Counter(
    "stod_clarifying_answers",
    "How people answered the bot's questions: the chosen topic for who_is_writing, yes or no "
    "for danger_check",
    ["question", "answer"],
)
FALLBACKS = Counter(
    "stod_fallbacks",
    "Messages not understood, by the classifier's best guess of what they were about",
    ["about"],
)
DELETED = Counter(
    "stod_conversations_deleted",
    "Conversations the person deleted by writing 'radera' or pressing its button",
)


def count_answer(language: str, seconds: float) -> None:
    """The gateway's counts for each answered message: its language and how long it took."""
    MESSAGES.labels(language).inc()
    ANSWER_SECONDS.observe(seconds)


def bounded(value: object, allowed: Collection[str]) -> str:
    """`value` when it is one of `allowed`, else "other": a label never carries free text."""
    return value if isinstance(value, str) and value in allowed else OTHER


def serve(port: int, host: str = "127.0.0.1") -> None:
    """Serve this process's counters at http://host:port/metrics (a thread; never logs requests).

    A port that is taken is logged and left: the service runs on without its counters rather
    than not at all.
    """
    try:
        start_http_server(port, addr=host)
    except (OSError, OverflowError) as e:
        log.error("Metrics port %d could not be opened (%s); counters are not served", port, e)
