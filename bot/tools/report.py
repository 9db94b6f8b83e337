"""`python -m bot report --out report.html`: a one-page report of the counters, for follow-up.

For staff and the municipality's quality work, without Prometheus: the totals since the service
started (bot/tools/stats.py), drawn with matplotlib as inline SVG, so that the page opens offline
and sends no request. Counts from 1 to 4 are shown as "< 5" and drawn as no bar. The page names the
topics the bot most often did not understand or asked about, so that staff know which content to
improve; it holds no message text, because the counters hold none.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

from bot.tools.stats import SMALL, Totals, collect_or_explain, shown  # noqa: E402
from bot.understanding import roles  # noqa: E402

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TOP = 12  # bars in a chart of topics

# Swedish names of the labels staff read in the charts
ROLE_NAMES = {**roles.ROLE_NAMES, "unknown": "okänt"}
TRIAGE_NAMES = {"acute": "akut fara", "uncertain": "oklart: boten frågade", "none": "ingen fara"}
ENDED_NAMES = {
    "quick_exit": "snabb utgång",
    "close": "stängde chatten",
    "leave": "lämnade sidan",
    "other": "annat",
}


def bar_chart(title: str, counts: dict[str, float], names: dict[str, str] | None = None) -> str:
    """A horizontal bar chart as inline SVG; a count from 1 to 4 gets no bar, only "< 5"."""
    items = list(counts.items())[:TOP]
    height = 0.9 + 0.32 * max(1, len(items))
    fig, ax = plt.subplots(figsize=(6.4, height))
    labels = [(names or {}).get(key, key) for key, _ in items][::-1]
    values = [value if value >= SMALL else 0 for _, value in items][::-1]
    bars = ax.barh(labels, values, color="#2f5d8a")
    for bar, (_, value) in zip(bars, items[::-1], strict=True):
        ax.annotate(
            shown(value),
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    ax.set_title(title, loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlim(0, max([SMALL, *values]) * 1.15)
    if not items:
        ax.text(0.5, 0.5, "inga ännu", ha="center", va="center", transform=ax.transAxes)
        ax.set_yticks([])
    fig.tight_layout()
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = out.getvalue()
    return svg[svg.index("<svg") :]  # without the XML prologue: inline in HTML


def table(rows: dict[str, float], heading: str) -> str:
    """A two-column table of counts ("< 5" from 1 to 4)."""
    if not rows:
        return f"<p>{html.escape(heading)}: inga ännu.</p>"
    body = "".join(
        f"<tr><td>{html.escape(key)}</td><td>{html.escape(shown(value))}</td></tr>"
        for key, value in list(rows.items())[:TOP]
    )
    return (
        f"<table><caption>{html.escape(heading)}</caption>"
        f"<tr><th>Ämne</th><th>Antal</th></tr>{body}</table>"
    )


def key_figures(totals: Totals) -> list[tuple[str, str]]:
    """The few numbers at the top of the page."""
    answers = totals.total("stod_answers_by_topic")
    fallbacks = totals.total("stod_fallbacks")
    # a rate of small counts would tell them: only from 5 of each
    rate = f"{100 * fallbacks / answers:.0f} %" if fallbacks >= SMALL else "färre än 5 svar"
    return [
        ("Samtal startade", shown(totals.total("stod_conversations_started"))),
        ("Meddelanden", shown(totals.total("stod_messages"))),
        ("Andel svar där boten inte förstod", rate),
        ("Frågor i stället för gissningar", shown(totals.total("stod_clarifying_questions"))),
        ("Reservsvar när Rasa inte svarade", shown(totals.total("stod_degraded_answers"))),
        ("Raderade med 'radera'", shown(totals.total("stod_conversations_deleted"))),
    ]


def hour(timestamp: float | None) -> str:
    """The date and hour of a timestamp in Swedish time (no finer)."""
    if not timestamp:
        return "okänt"
    return dt.datetime.fromtimestamp(timestamp, STOCKHOLM).strftime("%Y-%m-%d kl. %H")


def render(totals: Totals) -> str:
    """The whole report page."""
    since = hour(totals.started)
    if totals.restarted and totals.started and totals.restarted - totals.started > 3600:
        since += f"; en process startades om {hour(totals.restarted)} och räknar sedan dess"
    figures = "".join(
        f"<div class='figure'><span>{html.escape(name)}</span>"
        f"<strong>{html.escape(value)}</strong></div>"
        for name, value in key_figures(totals)
    )
    checkin = totals.by("stod_clarifying_answers", "question", "answer")
    checkin = {
        {"danger_check=yes": "ja, i fara nu", "danger_check=no": "nej, inte nu"}[key]: value
        for key, value in checkin.items()
        if key.startswith("danger_check=")
    }
    charts = [
        bar_chart("Ämnen som boten svarade på", totals.by("stod_answers_by_topic", "topic")),
        bar_chart("Vem som skriver", totals.by("stod_answers_by_role", "role"), ROLE_NAMES),
        bar_chart("Farobedömning", totals.by("stod_danger_triage", "outcome"), TRIAGE_NAMES),
        bar_chart("Svar på 'Är du i fara just nu?'", checkin),
        bar_chart("Språk i svaren", totals.by("stod_messages", "language")),
        bar_chart("Avslutade från chatten", totals.by("stod_conversations_ended", "how"),
                  ENDED_NAMES),
        bar_chart("Sökningar i Hitta stöd", totals.by("stod_finder_searches", "filter", "value")),
    ]  # fmt: skip
    missing = "".join(
        f"<p class='warn'>{html.escape(url)} svarade inte: den processens siffror saknas.</p>"
        for url in totals.missing
    )
    return PAGE.format(
        since=since,
        figures=figures,
        missing=missing,
        charts="".join(f"<figure>{svg}</figure>" for svg in charts),
        fallbacks=table(totals.by("stod_fallbacks", "about"), "Inte förstått, per bästa gissning"),
        questions=table(
            totals.by("stod_clarifying_questions", "about"), "Frågade vem som skriver eller om fara"
        ),
    )


PAGE = """<!doctype html>
<html lang="sv"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stödchatten i siffror</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
  color: #1b1b1b; line-height: 1.45; }}
.figures {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  gap: .75rem; margin: 1rem 0 2rem; }}
.figure {{ border: 1px solid #c8d3de; border-radius: .4rem; padding: .6rem .8rem; }}
.figure span {{ display: block; font-size: .9rem; }}
.figure strong {{ font-size: 1.6rem; }}
.charts {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 1rem; }}
figure {{ margin: 0; }} figure svg {{ width: 100%; height: auto; }}
table {{ border-collapse: collapse; margin: 1rem 0; min-width: 20rem; }}
caption {{ text-align: left; font-weight: bold; padding-bottom: .3rem; }}
td, th {{ border-bottom: 1px solid #dde3ea; padding: .25rem .8rem .25rem 0; text-align: left; }}
.warn {{ color: #8a1c1c; font-weight: bold; }}
</style></head><body>
<h1>Stödchatten i siffror</h1>
<p>Summor sedan tjänsten startade ({since}). Siffrorna är räknare, inga samtal: ingen text,
inga sessioner och inga adresser sparas. Antal från 1 till 4 visas som "&lt; 5" och ritas utan
stapel, så att ett ovanligt svar inte kan peka ut någon. Ämnena heter som i
<code>python -m bot review</code>.</p>
{missing}
<div class="figures">{figures}</div>
<div class="charts">{charts}</div>
<h2>Där boten behöver bli bättre</h2>
<p>De ämnen boten oftast trodde på men inte var säker nog på, och de ämnen där den frågade vem
som skriver eller om någon är i fara. Här lönar det sig att lägga till fler exempel eller
tydligare svar (se docs/redaktorer.md).</p>
{fallbacks}
{questions}
</body></html>
"""


def main(out: Path, host: str, port: int) -> int:
    totals = collect_or_explain(host, port)
    if totals is None:
        return 1
    out.write_text(render(totals), encoding="utf-8")
    print(f"Wrote {out}")
    return 0
