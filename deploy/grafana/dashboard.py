"""The Grafana dashboard for the service's counters (bot/core/metrics.py), built with grafanalib.

    .venv/bin/python deploy/grafana/dashboard.py > deploy/grafana/stod-dashboard.json

Import the JSON in Grafana (Dashboards > New > Import) and choose the Prometheus data source
that scrapes the service (docs/deploy.md, "Counters"). Every panel shows totals over the chosen
time range; counts from 1 to 4 read "< 5", as in `python -m bot report`.
"""

from __future__ import annotations

import json

from grafanalib._gen import DashboardEncoder
from grafanalib.core import (
    BarGauge,
    Dashboard,
    DataSourceInput,
    GridPos,
    Stat,
    Target,
    Threshold,
    Time,
    TimeSeries,
)

DATASOURCE = "${DS_PROMETHEUS}"
WIDTH = 24  # Grafana's grid is 24 columns wide
BLUE = "#2f5d8a"  # counts, not alarms: one colour whatever the value
# counts from 1 to 4 read "< 5", so that a rare answer cannot point at a person (whole numbers:
# increase() extrapolates to fractions)
SMALL_COUNTS = {
    "fieldConfig": {
        "defaults": {
            "decimals": 0,
            "mappings": [
                {"type": "range", "options": {"from": 0.5, "to": 4.5, "result": {"text": "< 5"}}}
            ],
            "color": {"mode": "fixed", "fixedColor": BLUE},
            "thresholds": {"mode": "absolute", "steps": [{"color": BLUE, "value": None}]},
        },
        "overrides": [],
    }
}


def total(metric: str, by: str | None = None, top: int | None = None) -> str:
    """PromQL: the counter's increase over the dashboard's time range, summed over processes."""
    grouped = f" by ({by})" if by else ""
    query = f"sum{grouped} (increase({metric}_total[$__range]))"
    return f"topk({top}, {query})" if top else query


def bars(title: str, expr: str, legend: str, x: int, y: int, w: int = 12, h: int = 9) -> BarGauge:
    return BarGauge(
        title=title,
        dataSource=DATASOURCE,
        targets=[Target(expr=expr, legendFormat=legend, refId="A", instant=True)],
        gridPos=GridPos(h=h, w=w, x=x, y=y),
        displayMode="basic",
        calc="lastNotNull",
        max=None,
        thresholds=[Threshold(BLUE, 0, 0.0)],
        extraJson=SMALL_COUNTS,
    )


def figure(title: str, expr: str, x: int, unit: str = "none") -> Stat:
    """A single number; a rate (unit percentunit) is no count and gets no "< 5"."""
    return Stat(
        title=title,
        dataSource=DATASOURCE,
        targets=[Target(expr=expr, refId="A", instant=True)],
        gridPos=GridPos(h=4, w=WIDTH // 4, x=x, y=0),
        format=unit,
        reduceCalc="lastNotNull",
        extraJson=SMALL_COUNTS if unit == "none" else None,
    )


def dashboard() -> Dashboard:
    answers = total("stod_answers_by_topic")
    return Dashboard(
        title="Stödchatten",
        uid="orebro-stod",
        description="Counts of what the support chat does; no text, sessions or addresses.",
        tags=["orebro-stod"],
        time=Time("now-30d", "now"),
        timezone="Europe/Stockholm",
        inputs=[
            DataSourceInput(
                name="DS_PROMETHEUS",
                label="Prometheus",
                pluginId="prometheus",
                pluginName="Prometheus",
            )
        ],
        panels=[
            figure("Samtal startade", total("stod_conversations_started"), 0),
            figure("Meddelanden", total("stod_messages"), 6),
            figure(
                "Andel inte förstått", f"{total('stod_fallbacks')} / {answers}", 12, "percentunit"
            ),
            figure("Reservsvar (Rasa svarade inte)", total("stod_degraded_answers"), 18),
            bars("Ämnen", total("stod_answers_by_topic", "topic", 15), "{{topic}}", 0, 4, h=12),
            bars("Vem som skriver", total("stod_answers_by_role", "role"), "{{role}}", 12, 4),
            bars(
                "Farobedömning", total("stod_danger_triage", "outcome"), "{{outcome}}", 12, 13, h=5
            ),
            bars(
                "Inte förstått, per bästa gissning",
                total("stod_fallbacks", "about", 10),
                "{{about}}",
                0,
                16,
            ),
            bars(
                "Frågor i stället för gissningar",
                total("stod_clarifying_questions", "question, about", 10),
                "{{question}}: {{about}}",
                12,
                18,
            ),
            bars(
                "Svar på botens frågor",
                total("stod_clarifying_answers", "question, answer"),
                "{{question}}: {{answer}}",
                0,
                25,
            ),
            bars("Språk", total("stod_messages", "language"), "{{language}}", 12, 27),
            bars(
                "Avslutade från chatten",
                total("stod_conversations_ended", "how"),
                "{{how}}",
                0,
                34,
                h=6,
            ),
            TimeSeries(
                title="Svarstid, 95:e percentilen",
                dataSource=DATASOURCE,
                targets=[
                    Target(
                        expr="histogram_quantile(0.95, sum by (le) "
                        "(rate(stod_answer_seconds_bucket[5m])))",
                        legendFormat="p95",
                        refId="A",
                    )
                ],
                gridPos=GridPos(h=6, w=12, x=12, y=36),
                unit="s",
            ),
        ],
    ).auto_panel_ids()


if __name__ == "__main__":
    print(json.dumps(dashboard().to_json_data(), cls=DashboardEncoder, indent=2, sort_keys=True))
