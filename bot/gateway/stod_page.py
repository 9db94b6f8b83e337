"""The /stod page: every resource grouped by need, as plain HTML (works without JavaScript)."""

from __future__ import annotations

import datetime as dt
from html import escape

from bot.core import texts
from bot.core.languages import CHAT_LANGUAGES
from bot.core.render import fill
from bot.core.resources import Catalogue, Resource

# The groups in the order shown; "emergency" is a topic, the others audiences. Their headings and
# the page's labels are in the texts files (bot/core/texts/<lang>.yml: `stod`, and `card` for the
# labels on a service's card, which the widget shows too).
GROUPS = ("emergency", "subjected", "uses_violence", "honour", "young", "concerned", "professional")


def _card(resource: Resource, lang: str, t: dict[str, str], at: dt.datetime | None) -> str:
    r = resource.public(lang, at)
    facts = [t[k] for k in ("anonymous", "free", "interpreter") if getattr(resource, k)]
    if r["verified"] is False:
        facts.append(t["unverified"])
    parts = [f"<h3>{escape(r['name'])}</h3>", f"<p>{escape(r['description'])}</p>"]
    if "hours" in r:
        parts.append(f"<p>{escape(r['hours'])}</p>")
    links = []
    if "phone" in r:
        tel = "".join(ch for ch in r["phone"] if ch.isdigit() or ch == "+")
        links.append(f'<a href="tel:{tel}">{t["call"]} {escape(r["phone"])}</a>')
    if "chat_url" in r:
        links.append(f'<a href="{escape(r["chat_url"])}" rel="noreferrer">{t["chat"]}</a>')
    if "url" in r:
        links.append(
            f'<a href="{escape(r["url"])}" rel="noreferrer">{t["website"]}: {escape(r["url"])}</a>'
        )
    if links:
        parts.append('<p class="stod-links">' + " ".join(links) + "</p>")
    if facts:
        parts.append(
            '<p class="stod-badges">'
            + "".join(f'<span class="stod-badge">{escape(f)}</span>' for f in facts)
            + "</p>"
        )
    return '<li class="stod-card">' + "".join(parts) + "</li>"


def render_page(catalogue: Catalogue, lang: str, at: dt.datetime | None = None) -> str:
    """The whole /stod page in `lang` (sv or en)."""
    lang = lang if lang in CHAT_LANGUAGES else "sv"
    t = texts.value("stod", lang) | texts.value("card", lang)
    other = "en" if lang == "sv" else "sv"
    sections = []
    for key in GROUPS:
        found = (
            catalogue.find(topic=key)
            if key == "emergency"
            else [r for r in catalogue.find(audience=key) if key in r.audiences]
        )
        if not found:
            continue
        heading = t["groups"][key]
        cards = "".join(_card(r, lang, t, at) for r in found)
        sections.append(f'<section><h2>{heading}</h2><ul class="stod-cards">{cards}</ul></section>')
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{t['title']}</title>"
        '<link rel="stylesheet" href="/widget/widget.css"></head>'
        f'<body class="demo stod-page-list"><main><p><a href="/stod?lang={other}" lang="{other}">{t["other"]}</a> · '
        f'<a href="/">{t["chat_link"]}</a></p><h1>{t["title"]}</h1><p class="stod-intro">{escape(fill(t["intro"], catalogue, lang))}</p>'
        + "".join(sections)
        + "</main></body></html>"
    )
