"""`python -m bot stats`: the counters of a running service, added up over its processes.

For a municipality without Prometheus. It reads the gateway's /metrics (bot/core/metrics.py), learns
from it how many Rasa processes there are, reads theirs on the next ports, and adds them up. A
count from 1 to 4 is shown as "< 5" (`shown`), so that a rare answer cannot point at a person.
"""

from __future__ import annotations

import sys
import urllib.request
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from prometheus_client.parser import text_string_to_metric_families

SMALL = 5  # counts below this (but above 0) are shown as "< 5"
Labels = tuple[tuple[str, str], ...]


@dataclass
class Totals:
    """Every stod_ counter summed over the processes, and when the oldest process started."""

    counts: dict[str, dict[Labels, float]] = field(default_factory=lambda: defaultdict(dict))
    started: float | None = None  # the oldest process's start
    restarted: float | None = None  # the newest process's start (it counts from then)
    missing: list[str] = field(default_factory=list)  # endpoints that did not answer

    def total(self, name: str) -> float:
        return sum(self.counts.get(name, {}).values())

    def by(self, name: str, *labels: str) -> dict[str, float]:
        """The counter `name` by some of its labels ("filter=value"), the others added up,
        largest first."""
        found: dict[str, float] = defaultdict(float)
        for series, value in self.counts.get(name, {}).items():
            values = dict(series)
            found["=".join(values.get(label, "") for label in labels)] += value
        return dict(sorted(found.items(), key=lambda item: (-item[1], item[0])))


def add_up(exposition_texts: Iterable[str]) -> Totals:
    """Sum the stod_ samples of several processes' /metrics texts (histograms: count and sum)."""
    totals = Totals()
    for text in exposition_texts:
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name == "process_start_time_seconds":
                    totals.started = min(sample.value, totals.started or sample.value)
                    totals.restarted = max(sample.value, totals.restarted or sample.value)
                if not sample.name.startswith("stod_") or sample.name.endswith("_bucket"):
                    continue
                name = sample.name.removesuffix("_total")
                labels = tuple(sorted(sample.labels.items()))
                series = totals.counts[name]
                series[labels] = series.get(labels, 0.0) + sample.value
    return totals


# the service's own ports: never through an http_proxy of the environment
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def read(url: str, timeout: float = 5.0) -> str:
    with _OPENER.open(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def collect(host: str = "127.0.0.1", port: int = 9464) -> Totals:
    """The running service's totals: the gateway's counters and each Rasa process's."""
    gateway = read(f"http://{host}:{port}/metrics")
    texts, missing = [gateway], []
    rasa = int(add_up([gateway]).total("stod_rasa_processes"))
    for i in range(rasa):
        url = f"http://{host}:{port + 1 + i}/metrics"
        try:
            texts.append(read(url))
        except OSError:
            missing.append(url)
    totals = add_up(texts)
    totals.missing = missing
    return totals


def shown(count: float) -> str:
    """A count as staff see it: "< 5" from 1 to 4."""
    return "< 5" if 0 < count < SMALL else f"{count:.0f}"


# What `bot stats` prints: (heading, counter, the labels to break it down by)
SECTIONS = (
    ("Samtal startade", "stod_conversations_started", ()),
    ("Meddelanden, per språk", "stod_messages", ("language",)),
    ("Svar per ämne", "stod_answers_by_topic", ("topic",)),
    ("Svar per vem som skriver", "stod_answers_by_role", ("role",)),
    ("Farobedömning", "stod_danger_triage", ("outcome",)),
    ("Frågor boten ställde i stället för att gissa", "stod_clarifying_questions", ("question",)),
    ("Svar på botens frågor", "stod_clarifying_answers", ("question", "answer")),
    ("Inte förstått, per bästa gissning", "stod_fallbacks", ("about",)),
    ("Reservsvar när Rasa inte svarade", "stod_degraded_answers", ()),
    ("Avslutade från chatten", "stod_conversations_ended", ("how",)),
    ("Raderade med 'radera'", "stod_conversations_deleted", ()),
    ("Sökningar i Hitta stöd", "stod_finder_searches", ("filter", "value")),
    ("Avvisade meddelanden", "stod_refused_requests", ("reason",)),
)


def format_totals(totals: Totals) -> str:
    """The totals as plain text, counts from 1 to 4 as "< 5"."""
    lines = []
    for heading, name, labels in SECTIONS:
        if not labels:
            lines.append(f"{heading}: {shown(totals.total(name))}")
            continue
        lines.append(f"{heading}:")
        parts = totals.by(name, *labels)
        lines.extend(f"  {key:<36} {shown(value)}" for key, value in parts.items())
        if not parts:
            lines.append("  (inga ännu)")
    for url in totals.missing:
        lines.append(f"OBS: {url} svarade inte; den processens siffror saknas.")
    return "\n".join(lines)


def collect_or_explain(host: str, port: int) -> Totals | None:
    """`collect`, or None after saying on stderr why the service could not be read."""
    try:
        return collect(host, port)
    except OSError as e:
        print(
            f"Kunde inte läsa http://{host}:{port}/metrics ({type(e).__name__}). Är tjänsten "
            "igång, och startad med samma --metrics-port?",
            file=sys.stderr,
        )
        return None


def main(host: str, port: int) -> int:
    totals = collect_or_explain(host, port)
    if totals is None:
        return 1
    print(format_totals(totals))
    return 0
