"""The running service's answers to the final sets, written out for judging with the rubric in
docs/answer-rubric.md.

`python -m bot transcripts --url http://127.0.0.1:8080 --out FILE` sends every first message of
the role final sets (tests/eval/roles/, each in a new conversation) and every conversation of
tests/eval/conversations/ to the service's public /api/chat, as the Swedish widget does (the
service picks the answer language), and writes one JSON line per message: the message, the
author's label and the answer as the person would see it (bubbles, cards, buttons). The file holds
test messages only; nothing is logged.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import aiohttp
import yaml

from bot import PROJECT_ROOT
from bot.tools.danger_evaluation import ROUND, final_rounds
from bot.tools.role_evaluation import FINAL_DIR
from bot.understanding.role_model import load_examples

CONVERSATIONS_DIR = PROJECT_ROOT / "tests" / "eval" / "conversations"
PAGE_LANGUAGE = "sv"  # the Swedish widget; the service detects English and the card languages


def as_seen(messages: Iterable[dict[str, Any]]) -> str:
    """An answer as plain text: each bubble, its cards and its buttons."""
    lines = []
    for message in messages:
        mark = "[112 CARD] " if message.get("emergency") else ""
        lines.append(f"{mark}{message.get('text', '')}".strip())
        for card in message.get("resources") or []:
            details = ", ".join(str(card[k]) for k in ("phone", "url") if card.get(k))
            lines.append(f"  [card: {card.get('name')} {details}]")
        titles = [b["title"] for b in message.get("buttons") or []]
        if titles:
            lines.append(f"  [buttons: {' | '.join(titles)}]")
    return "\n".join(lines)


def load_conversations(
    directory: Path = CONVERSATIONS_DIR, only_round: str | None = None
) -> list[dict[str, Any]]:
    """The final conversations (of one round, `final-<round>-<author>.yml`, if given)."""
    conversations = []
    for path in sorted(directory.glob("final-*.yml")):
        match = ROUND.match(path.name)
        if only_round and not (match and match.group(1) == only_round):
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        conversations += [c | {"set": path.stem} for c in doc.get("conversations") or []]
    return conversations


async def _ask(
    http: aiohttp.ClientSession, url: str, session: str, text: str, lang: str = PAGE_LANGUAGE
) -> tuple[str, str]:
    """The answer as the user saw it, and the conversation's language to send next (as the
    widget does)."""
    body = {"session": session, "text": text, "lang": lang}
    async with http.post(f"{url}/api/chat", json=body) as response:
        answer = await response.json()
    if response.status != 200:
        return f"[HTTP {response.status}: {answer.get('error')}]", lang
    return as_seen(answer.get("messages") or []), answer.get("lang") or lang


async def collect(url: str, pause: float, only_round: str | None = None) -> list[dict[str, Any]]:
    """Every final message and conversation turn (of one round, if given) with the answer."""
    rows = []
    async with aiohttp.ClientSession() as http:
        for day, paths in final_rounds(FINAL_DIR).items():
            if only_round and day != only_round:
                continue
            for e in load_examples(paths):
                answer, _ = await _ask(http, url, secrets.token_hex(24), e.text)
                rows.append({"set": f"final {day}", "role": e.role, "young": e.young,
                             "lang": e.lang, "need": e.need, "turns": [[e.text, answer]]})  # fmt: skip
                await asyncio.sleep(pause)
        for c in load_conversations(only_round=only_round):
            session, turns, lang = secrets.token_hex(24), [], PAGE_LANGUAGE
            for text in c["messages"]:
                answer, lang = await _ask(http, url, session, text, lang)
                turns.append([text, answer])
                await asyncio.sleep(pause)
            rows.append({key: c[key] for key in ("set", "id", "role", "young", "lang", "situation")}
                        | {"turns": turns})  # fmt: skip
    return rows


def main(url: str, out: Path, only_round: str | None = None, pause: float = 0.4) -> int:
    """Write the transcripts of the final sets (or of one round) to `out`, one JSON line each."""
    rows = asyncio.run(collect(url.rstrip("/"), pause, only_round))
    with out.open("w", encoding="utf-8") as file:
        for row in rows:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} transcripts written to {out}")
    return 0
