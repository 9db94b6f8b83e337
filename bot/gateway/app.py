"""The public face of the service: an aiohttp app in front of Rasa.

It validates input, passes the text to Rasa's REST channel on 127.0.0.1, turns Rasa's output into
the messages of the HTTP contract (see DESIGN.md), and answers with a crisis card from
resources.yml when Rasa fails or is slow. It never logs message text, session ids or addresses.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvloop
from aiohttp import web

from bot import PROJECT_ROOT
from bot.core import metrics, texts
from bot.core.dialogue_files import declared_intents
from bot.core.languages import (
    ALL_LANGUAGES,
    CARD_LANGUAGES,
    CHAT_LANGUAGES,
    UNSERVED,
    LanguageIdentifier,
    answer_language,
    card_answer,
    service_text_language,
)
from bot.core.redis_check import redis_problem
from bot.core.render import crisis_card, fill, render
from bot.core.resource_check import ALLOWED as FINDER_VALUES
from bot.core.resources import Catalogue, LiveCatalogue
from bot.gateway import http_timeouts
from bot.gateway.forwarded import TrustedProxies
from bot.gateway.rasa_client import RasaPool, answers
from bot.gateway.rate_limit import AddressKey, RateLimiter, TurnCap
from bot.gateway.redaction import Redactor
from bot.gateway.stod_page import render_page
from bot.gateway.widget import built_script, ui_texts
from bot.understanding.danger_model import SUICIDAL
from bot.understanding.triage import Triager, Verdict, danger_summary, is_alarm

log = logging.getLogger(__name__)

SESSION_RE = re.compile(r"[A-Za-z0-9_-]{16,64}")
LANG_RE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
PAYLOAD_RE = re.compile(r"/([a-z_]+)")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_TEXT = 1000
MAX_BODY = 16 * 1024
LANGUAGES = (*ALL_LANGUAGES, UNSERVED)  # for the counters
# why the widget ended a conversation (/api/end's "reason"), for the counters
END_REASONS = ("quick_exit", "close", "leave")
FINDER_FILTERS = {"audience": "audiences", "topic": "topics", "area": "area"}

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; "
    "frame-ancestors {frame_ancestors}"
)


@dataclass
class Settings:
    """Where the gateway listens and what it talks to."""

    host: str = "127.0.0.1"
    port: int = 8080
    rasa_urls: list[str] = field(default_factory=lambda: ["http://127.0.0.1:5005"])
    actions_url: str = "http://127.0.0.1:5055"
    rasa_timeout: float = 3.0
    embed_origins: list[str] = field(default_factory=list)
    staff: bool = False  # show intent, confidence and rule on each answer (testing only)
    session_rate: tuple[float, int] = (0.5, 10)  # per second, burst: 30 a minute
    address_rate: tuple[float, int] = (3.0, 60)  # many people may share one address
    # proxies whose X-Forwarded-For counts (uvicorn's default: a proxy on this host)
    forwarded_allow_ips: tuple[str, ...] = ("127.0.0.1", "::1")
    max_turns: int = 200  # messages in one conversation before it starts afresh
    end_rate: tuple[float, int] = (2.0, 20)  # conversations ended per second per address, burst
    probe_rate: tuple[float, int] = (10.0, 50)  # /readyz per second per address, burst
    header_timeout: float = 10.0  # seconds for a connection's first request headers
    redis_url: str | None = None  # /readyz checks that it answers and keeps nothing on disk
    body_timeout: float = 10.0  # seconds for a request's body
    resources_path: Path = PROJECT_ROOT / "resources.yml"
    widget_dir: Path = PROJECT_ROOT / "widget"
    dialogue_root: Path = PROJECT_ROOT  # where domain/ is: the intents a /payload may name
    metrics_port: int = 0  # serve the counters at /metrics on this port (0: not served)
    metrics_host: str = "127.0.0.1"


class Refused(Exception):
    """A request the gateway answers with a JSON error: `code` and the user-facing text key say
    why, `status` is the HTTP status."""

    def __init__(self, code: str, text_key: str, status: int):
        super().__init__(code)
        self.code, self.text_key, self.status = code, text_key, status


class BadRequest(Refused):
    """Input that breaks the contract (400; 408 for a body too slow, 415 for a compressed one)."""

    def __init__(self, code: str, text_key: str, status: int = 400):
        super().__init__(code, text_key, status)


class RateLimited(Refused):
    """Too many requests from one conversation or address (429)."""

    def __init__(self) -> None:
        super().__init__("rate_limited", "rate_limited", 429)


def known_intents(root: Path = PROJECT_ROOT) -> frozenset[str]:
    """Intent names declared in the split domain: the only `/payloads` passed to Rasa."""
    return frozenset({"restart", *declared_intents(root)})


_LEADING_SLASHES = re.compile(r"^[\s/]+")


def message_for_rasa(text: str, lang: str, intents: frozenset[str]) -> str:
    """The text Rasa gets: an exact allow-listed button payload carries the language; any other
    text loses its leading slashes and spaces.

    Rasa reads a text that starts with "/" as an intent with entities and a confidence
    ("/greet{…}@0.1"), skips the NLU pipeline for it (and so danger triage), and warns with the
    whole text when it cannot parse it. Only the exact payloads of our own buttons may do that.
    """
    match = PAYLOAD_RE.fullmatch(text)
    if match and match.group(1) in intents:
        return f'/{match.group(1)}{{"language": "{lang}"}}'
    return _LEADING_SLASHES.sub("", text) or "?"


def parse_chat_request(body: Any) -> tuple[str, str, str]:
    """Validate a /api/chat body; return (session, text, lang) or raise BadRequest."""
    if not isinstance(body, dict):
        raise BadRequest("bad_json", "bad_request")
    session, text, lang = body.get("session"), body.get("text"), body.get("lang", "sv")
    if not isinstance(session, str) or not SESSION_RE.fullmatch(session):
        raise BadRequest("bad_session", "bad_session")
    if not isinstance(lang, str) or not LANG_RE.fullmatch(lang):
        raise BadRequest("bad_lang", "bad_request")
    if not isinstance(text, str) or _SURROGATE.search(text):  # a lone half of a UTF-16 pair
        raise BadRequest("bad_text", "bad_request")
    text = text.strip()
    if not text:
        raise BadRequest("empty_text", "empty")
    if len(text) > MAX_TEXT:
        raise BadRequest("text_too_long", "too_long")
    return session, text, lang


def error_response(
    error: Refused,
    lang: str = "sv",
    catalogue: Catalogue | None = None,
    messages: list[dict[str, Any]] | None = None,
) -> web.Response:
    """The error as JSON; `messages` (the crisis card) go with it when there is danger."""
    message = texts.text(error.text_key, lang)
    if catalogue is not None:
        message = fill(message, catalogue, lang)
    body: dict[str, Any] = {"error": {"code": error.code, "message": message}}
    if messages:
        body["messages"] = messages
    return web.json_response(body, status=error.status)


def danger_card(catalogue: Catalogue, lang: str, verdict: Verdict) -> list[dict[str, Any]]:
    """The crisis card, 112 first, with Mind when the message speaks of suicide."""
    extra = ["mind_sjalvmordslinjen"] if verdict.kind == SUICIDAL else []
    return crisis_card(catalogue, lang, extra)


async def read_json(request: web.Request, timeout: float) -> Any:
    """The request's JSON body, or BadRequest for a body that is not JSON (UTF-8, RFC 8259).

    A compressed body is refused before it is read: aiohttp would inflate it without a limit.
    The bytes go straight to json.loads: asking aiohttp for text first parses the Content-Type
    charset with the e-mail parser on every request, a measurable share of the gateway's time.
    Too deep nesting and numbers too long to convert are bad JSON too.
    """
    if request.headers.get("Content-Encoding", "identity").lower() != "identity":
        raise BadRequest("compressed_body", "bad_request", status=415)
    try:
        body = await asyncio.wait_for(request.read(), timeout)
    except asyncio.TimeoutError:
        raise BadRequest("slow_body", "bad_request", status=408) from None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise BadRequest("bad_json", "bad_request") from None


class Gateway:
    """The request handlers, sharing one HTTP client session and one live resource catalogue."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.resources = LiveCatalogue(settings.resources_path)
        self.intents = known_intents(settings.dialogue_root)
        self.rasa = RasaPool(settings.rasa_urls, settings.rasa_timeout)
        self.session_limit = RateLimiter(*settings.session_rate)
        self.address_limit = RateLimiter(*settings.address_rate)
        self.address_key = AddressKey()
        self.turn_cap = TurnCap(settings.max_turns)
        # /api/end is a Rasa turn on one or two processes: a flood of them slows everyone
        self.end_limit = RateLimiter(*settings.end_rate)
        self.probe_limit = RateLimiter(*settings.probe_rate)
        self._probing: asyncio.Future[tuple[dict[str, Any], int]] | None = None
        self.proxies = TrustedProxies(settings.forwarded_allow_ips)
        self.identifier = LanguageIdentifier()
        self.triager = Triager.load()
        self._redactor: tuple[Catalogue, Redactor] | None = None
        self._widget_script: tuple[Catalogue, str] | None = None
        metrics.RASA_PROCESSES.set(len(settings.rasa_urls))

    def redactor(self, catalogue: Catalogue) -> Redactor:
        """A redactor that keeps this catalogue's service numbers (rebuilt after a reload)."""
        if self._redactor is None or self._redactor[0] is not catalogue:
            numbers = [n for r in catalogue.all() for n in (r.phone, r.sms) if n]
            self._redactor = (catalogue, Redactor(numbers))
        return self._redactor[1]

    def client_key(self, request: web.Request) -> str:
        """The rate-limit key of the client (behind trusted proxies, the one they forwarded)."""
        return self.address_key(self.proxies.client_address(request.remote, request.headers))

    def rate_limited(self, request: web.Request, session: str) -> bool:
        address_ok = self.address_limit.allow(self.client_key(request))
        return not (self.session_limit.allow(session) and address_ok)

    def rate_limited_response(self, text: str, lang: str, catalogue: Catalogue) -> web.Response:
        """429; a message that speaks of danger also gets 112 and the crisis card (in the
        chosen language, or Swedish: no language identification for refused messages)."""
        lang = lang if lang in CHAT_LANGUAGES else "sv"
        verdict = self.triager.triage(text)
        messages = danger_card(catalogue, lang, verdict) if is_alarm(verdict) else None
        return error_response(RateLimited(), lang, catalogue, messages)

    async def start(self, _app: web.Application) -> None:
        self.identifier.warm_up()
        # lingua's models (about 300 MB of objects) live as long as the process: keep them out of
        # the garbage collector's full collections, which would pause answers
        # (bot/rasa_plugins/rasa_speedups.py)
        gc.collect()
        gc.freeze()
        await self.rasa.open()

    async def stop(self, _app: web.Application) -> None:
        await self.rasa.close()

    async def chat(self, request: web.Request) -> web.Response:
        started = time.perf_counter()
        try:
            session, text, lang = parse_chat_request(
                await read_json(request, self.settings.body_timeout)
            )
        except BadRequest as e:
            metrics.REFUSED.labels(e.code).inc()
            return error_response(e)
        catalogue = self.resources.current()
        if self.rate_limited(request, session):  # before the dearer work: triage only
            metrics.REFUSED.labels("rate_limited").inc()
            return self.rate_limited_response(text, lang, catalogue)
        reply_lang = answer_language(lang, text, self.identifier)
        response = await self.answer(session, text, reply_lang, catalogue)
        seconds = time.perf_counter() - started
        metrics.count_answer(metrics.bounded(reply_lang, LANGUAGES), seconds)
        return response

    async def answer(
        self, session: str, text: str, reply_lang: str, catalogue: Catalogue
    ) -> web.Response:
        """The answer to a message that passed the checks, in `reply_lang`."""
        text = self.redactor(catalogue).redact(text)
        if reply_lang in (*CARD_LANGUAGES, UNSERVED):  # no conversation: 112 first, then menu
            verdict = self.triager.triage(text)
            return self.own_answer(card_answer(reply_lang, catalogue), verdict, degraded=False)
        restarted = self.turn_cap.over(session)
        if restarted:
            await self.rasa.end(session)
        answer = await self.rasa.ask(
            session, message_for_rasa(text, reply_lang, self.intents), reply_lang
        )
        if answer is None:  # Rasa failed or is slow: the crisis card, 112 first
            verdict = self.triager.triage(text)
            return self.own_answer(danger_card(catalogue, reply_lang, verdict), verdict, True)
        messages = render(answer, catalogue, reply_lang)
        if restarted:  # said last: a danger answer keeps 112 in the first bubble
            messages.append(
                {"text": fill(texts.text("long_conversation", reply_lang), catalogue, reply_lang)}
            )
        if self.settings.staff:
            explained = [m["custom"]["staff"] for m in answer if "staff" in (m.get("custom") or {})]
            if explained and messages:
                messages[0]["staff"] = explained[-1]
        # the conversation's language: the widget sends it with the next message, so that a short
        # "ok" or "yes" after English messages on a Swedish page is answered in English too
        return web.json_response({"messages": messages, "degraded": False, "lang": reply_lang})

    def own_answer(self, messages: list[dict], verdict: Verdict, degraded: bool) -> web.Response:
        """An answer the gateway makes itself (card languages, degraded), triaged all the same."""
        if degraded:  # Rasa may still answer late and count the triage itself
            metrics.DEGRADED.inc()
        else:
            metrics.TRIAGE.labels(verdict.level).inc()
        if self.settings.staff and messages:
            messages[0]["staff"] = {"danger": danger_summary(verdict.as_dict())}
        return web.json_response({"messages": messages, "degraded": degraded})

    async def end(self, request: web.Request) -> web.Response:
        try:
            body = await read_json(request, self.settings.body_timeout)
            session = body.get("session") if isinstance(body, dict) else None
            if not isinstance(session, str) or not SESSION_RE.fullmatch(session):
                raise BadRequest("bad_session", "bad_session")
        except BadRequest as e:
            return error_response(e)
        if not self.end_limit.allow(self.client_key(request)):
            return error_response(RateLimited())
        self.turn_cap.forget(session)
        metrics.ENDED.labels(metrics.bounded(body.get("reason"), END_REASONS)).inc()
        # Rasa's action_restart makes the tracker store delete the conversation.
        await self.rasa.end(session)
        return web.Response(status=204)

    async def list_resources(self, request: web.Request) -> web.Response:
        q = request.query
        requested = q.get("lang", "sv")
        lang = service_text_language(requested) if LANG_RE.fullmatch(requested) else "sv"
        for name, listed in FINDER_FILTERS.items():
            value = metrics.bounded(q[name], FINDER_VALUES[listed]) if q.get(name) else "any"
            metrics.FINDER.labels(name, value).inc()
        metrics.FINDER.labels(
            "open_now", "yes" if q.get("open_now") in ("1", "true") else "any"
        ).inc()
        found = self.resources.current().find(
            audience=q.get("audience") or None,
            topic=q.get("topic") or None,
            area=q.get("area") or None,
            open_now=q.get("open_now") in ("1", "true"),
        )
        return web.json_response({"resources": [r.public(lang) for r in found]})

    async def healthz(self, _request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def readyz(self, request: web.Request) -> web.Response:
        """Ready when the action server and at least one Rasa process answer. Requests that come
        while a probe is under way share its answer, and each address has a rate limit: probes
        (from load balancers, or anyone) cannot flood Rasa with status requests."""
        if not self.probe_limit.allow(self.client_key(request)):
            return error_response(RateLimited())
        if self._probing is None or self._probing.done():
            self._probing = asyncio.ensure_future(self._probe())
        status, code = await asyncio.shield(self._probing)
        return web.json_response(status, status=code)

    async def _probe(self) -> tuple[dict[str, Any], int]:
        assert self.rasa.client is not None
        rasa, actions = await asyncio.gather(
            self.rasa.up(), answers(self.rasa.client, f"{self.settings.actions_url}/health")
        )
        status: dict[str, Any] = {"rasa": ["up" if up else "down" for up in rasa]}
        status["actions"] = "up" if actions else "down"
        ready = any(rasa) and actions
        if self.settings.redis_url:
            problem = await asyncio.to_thread(redis_problem, self.settings.redis_url)
            status["redis"] = {"problem": problem} if problem else "ok"
            ready = ready and problem is None
        self.resources.current()  # notices a saved resources.yml
        # a rejected save: the last good file is live, and staff see why the new one is not
        status["resources"] = (
            {"rejected": self.resources.rejected} if self.resources.rejected else "ok"
        )
        return status, 200 if ready else 503

    async def stod(self, request: web.Request) -> web.Response:
        lang = service_text_language(request.query.get("lang", "sv"))
        html = render_page(self.resources.current(), lang)
        return web.Response(text=html, content_type="text/html")

    async def index(self, _request: web.Request) -> web.FileResponse:
        return web.FileResponse(self.settings.widget_dir / "index.html")

    async def widget_script(self, _request: web.Request) -> web.Response:
        """widget.js with the Swedish and English texts and the crisis cards of the current
        resources.yml built in, so that the widget can show them even when the service cannot be
        reached afterwards. Every page view of an embedding site asks for it: it is built once per
        catalogue (and read from disk then, so an edited widget.js shows after a restart or a
        saved resources.yml; an edited texts file after a restart)."""
        catalogue = self.resources.current()
        if self._widget_script is None or self._widget_script[0] is not catalogue:
            source = (self.settings.widget_dir / "widget.js").read_text(encoding="utf-8")
            self._widget_script = (catalogue, built_script(source, catalogue))
        script = self._widget_script[1]
        return web.Response(text=script, content_type="application/javascript")

    async def widget_language(self, request: web.Request) -> web.Response:
        """The widget's texts in a language chosen in it (/widget/i18n/<code>.json)."""
        lang = request.match_info["code"]
        if lang not in texts.languages():
            raise web.HTTPNotFound()
        return web.json_response(ui_texts(lang))


HTTP_ERROR_TEXTS = {404: "not_found", 405: "bad_request", 413: "too_long"}


def json_errors(gateway: Gateway):
    """Middleware: every error as the contract's JSON, never a stack trace, never text logged."""

    def error(status: int, code: str, text_key: str) -> web.Response:
        message = fill(texts.text(text_key, "sv"), gateway.resources.current(), "sv")
        return web.json_response({"error": {"code": code, "message": message}}, status=status)

    @web.middleware
    async def middleware(request: web.Request, handler):
        try:
            return await handler(request)
        except web.HTTPException as e:
            code = e.reason.lower().replace(" ", "_")
            return error(e.status, code, HTTP_ERROR_TEXTS.get(e.status, "bad_request"))
        except Exception as e:
            log.error("Unhandled %s in %s", type(e).__name__, request.path)
            return error(500, "server_error", "server_error")

    return middleware


def cors(settings: Settings):
    """Middleware: the embedding sites (`--embed-origin`) may call the API from their pages."""

    @web.middleware
    async def middleware(request: web.Request, handler):
        origin = request.headers.get("Origin")
        allowed_origin = origin if origin and origin in settings.embed_origins else None
        if request.method == "OPTIONS" and request.path.startswith("/api/"):
            response = web.Response(status=204 if allowed_origin else 403)
        else:
            response = await handler(request)
        if allowed_origin:
            response.headers["Access-Control-Allow-Origin"] = allowed_origin
            response.headers["Access-Control-Allow-Methods"] = "GET, POST"
            response.headers["Access-Control-Allow-Headers"] = "Content-Type"
            response.headers["Vary"] = "Origin"
        return response

    return middleware


def privacy_headers(settings: Settings):
    """Middleware: DESIGN.md's headers on every response, errors included."""
    # the service's own pages (the embedding example) and the configured sites may frame the chat
    frame_ancestors = " ".join(["'self'", *settings.embed_origins])
    csp = CONTENT_SECURITY_POLICY.format(frame_ancestors=frame_ancestors)

    @web.middleware
    async def middleware(request: web.Request, handler):
        response = await handler(request)
        response.headers["Content-Security-Policy"] = csp
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        # nothing of the chat in the browser's cache: not the page, not the chosen language's texts
        response.headers["Cache-Control"] = "no-store"
        response.headers["Server"] = "stod"  # no versions to give away
        return response

    return middleware


def create_app(settings: Settings | None = None) -> web.Application:
    """The gateway application (also used in-process by the tests)."""
    settings = settings or Settings()
    http_timeouts.install(settings.header_timeout)
    gateway = Gateway(settings)
    # outermost first: the headers go on every response, errors included
    middlewares = [privacy_headers(settings), cors(settings), json_errors(gateway)]
    app = web.Application(middlewares=middlewares, client_max_size=MAX_BODY)
    app["gateway"] = gateway
    app.on_startup.append(gateway.start)
    app.on_cleanup.append(gateway.stop)
    app.router.add_post("/api/chat", gateway.chat)
    app.router.add_post("/api/end", gateway.end)
    app.router.add_get("/api/resources", gateway.list_resources)
    app.router.add_get("/healthz", gateway.healthz)
    app.router.add_get("/readyz", gateway.readyz)
    app.router.add_get("/", gateway.index)
    app.router.add_get("/stod", gateway.stod)
    app.router.add_get("/widget/widget.js", gateway.widget_script)
    app.router.add_get("/widget/i18n/{code}.json", gateway.widget_language)
    app.router.add_static("/widget/", settings.widget_dir, show_index=False)
    return app


# The access log carries method, path, status, size and time: never the client address.
ACCESS_LOG_FORMAT = '"%r" %s %b %Tf'


# On SIGTERM the gateway stops accepting connections and waits this long for answers in progress
# (longer than the Rasa timeout, shorter than the supervisor's 10 s before it kills).
SHUTDOWN_SECONDS = 8.0


def serve(settings: Settings) -> None:
    """Run the gateway until stopped; on SIGTERM, finish the requests in progress first.

    It runs on uvloop (as Rasa's Sanic does): the same asyncio, with less CPU per request.
    """
    uvloop.install()
    if settings.metrics_port:
        metrics.serve(settings.metrics_port, settings.metrics_host)
    web.run_app(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        access_log_format=ACCESS_LOG_FORMAT,
        print=None,
        shutdown_timeout=SHUTDOWN_SECONDS,
    )
