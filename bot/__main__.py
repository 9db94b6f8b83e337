"""Command line: `python -m bot serve | gateway | train | check | chat | review | evaluate |
transcripts | stats | report`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from bot.core import settings


def _serve(args: argparse.Namespace) -> int:
    from bot.core import privacy
    from bot.processes.supervisor import ServeOptions, Supervisor

    privacy.install()
    options = ServeOptions(
        host=args.host,
        port=args.port,
        rasa_port=args.rasa_port,
        actions_port=args.actions_port,
        idle_timeout=args.idle_timeout,
        max_conversations=args.max_conversations,
        model=Path(args.model),
        embed_origins=args.embed_origin,
        debug=args.debug,
        staff=args.staff,
        address_rate=args.address_rate,
        forwarded_allow_ips=args.forwarded_allow_ips,
        rasa_workers=args.rasa_workers,
        redis_url=args.redis_url,
        metrics_port=args.metrics_port,
        metrics_host=args.metrics_host,
    )
    problem = options.port_problem()
    if problem:
        print(f"bot serve: {problem}", file=sys.stderr)
        return 2
    return Supervisor(options).run()


def _gateway(args: argparse.Namespace) -> int:
    from bot.core import privacy
    from bot.gateway.app import Settings, serve

    privacy.install()
    level = logging.DEBUG if args.debug else logging.WARNING
    logging.basicConfig(level=level, format="gateway %(levelname)s %(name)s %(message)s")
    serve(
        Settings(
            host=args.host,
            port=args.port,
            rasa_urls=args.rasa_url or ["http://127.0.0.1:5005"],
            actions_url=args.actions_url,
            rasa_timeout=args.timeout,
            embed_origins=args.embed_origin,
            staff=args.staff,
            address_rate=(args.address_rate, max(60, int(args.address_rate * 20))),
            forwarded_allow_ips=tuple(args.forwarded_allow_ips.split(",")),
            redis_url=settings.redis_url(),  # set by `bot serve --redis-url`
            metrics_port=args.metrics_port,
            metrics_host=args.metrics_host,
        )
    )
    return 0


def add_forwarded_allow_ips(command: argparse.ArgumentParser) -> None:
    """gunicorn's and uvicorn's flag: the proxies whose X-Forwarded-For tells the client."""
    command.add_argument(
        "--forwarded-allow-ips",
        type=trusted_proxies,
        default=settings.forwarded_allow_ips(),
        help="comma-separated proxy addresses or networks, or * (default $FORWARDED_ALLOW_IPS "
        "or 127.0.0.1,::1)",
    )


def add_metrics_options(command: argparse.ArgumentParser) -> None:
    """Where the counters are served (bot/core/metrics.py)."""
    from bot.core.metrics import DEFAULT_PORT

    command.add_argument(
        "--metrics-port",
        type=port_number,
        default=DEFAULT_PORT,
        help="the gateway's Prometheus /metrics port; Rasa process i serves on the i+1-th next "
        "port (default 9464; 0: no metrics endpoint)",
    )
    command.add_argument(
        "--metrics-host", default="127.0.0.1", help="address for /metrics (default loopback)"
    )


def port_number(value: str) -> int:
    """argparse type: 0 (off) or a TCP port."""
    number = int(value)
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError("must be a port number, or 0 for none")
    return number


def trusted_proxies(value: str) -> str:
    """The flag's value, checked: addresses or networks ("10.0.0.0/8"), or "*"."""
    from bot.gateway.forwarded import TrustedProxies

    try:
        TrustedProxies.parse(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not an address or network: {e}") from None
    return value


def _train(args: argparse.Namespace) -> int:
    from bot.tools.training import train

    return train(force=args.force)


def _check(args: argparse.Namespace) -> int:
    from bot.tools.check import main as check

    return check(Path(args.resources) if args.resources else None, args.quick)


def _chat(args: argparse.Namespace) -> int:
    from bot.tools.terminal_chat import main as chat

    return chat(args.explain, args.lang)


def _review(args: argparse.Namespace) -> int:
    from bot.tools.review import main as review

    return review(Path(args.out))


def _evaluate(args: argparse.Namespace) -> int:
    from bot.tools.danger_evaluation import main as evaluate_danger
    from bot.tools.evaluation import main as evaluate

    if args.danger_features:
        return evaluate_danger(features=True)
    if args.roles:
        from bot.tools.role_evaluation import main as evaluate_roles

        return evaluate_roles(args.misses, args.tune, args.final)
    if not args.danger:
        evaluate(Path(args.model), [Path(c) for c in args.config], args.misses)
    return evaluate_danger(show_misses=args.misses)


def _stats(args: argparse.Namespace) -> int:
    from bot.tools.stats import main as stats

    return stats(args.metrics_host, args.metrics_port)


def _report(args: argparse.Namespace) -> int:
    from bot.tools.report import main as report

    return report(Path(args.out), args.metrics_host, args.metrics_port)


def _transcripts(args: argparse.Namespace) -> int:
    from bot.tools.transcripts import main as transcripts

    return transcripts(args.url, Path(args.out), args.round)


def at_least_one(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def main(argv: list[str] | None = None) -> int:
    """The CLI; a setting from the environment that cannot be used is an error message."""
    try:
        return run_command(argv)
    except settings.SettingError as e:
        print(f"python -m bot: {e}", file=sys.stderr)
        return 2


def run_command(argv: list[str] | None) -> int:
    from bot.processes.supervisor import MODEL_PATH

    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser(
        "serve", help="start action server, Rasa and gateway, and supervise them"
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument(
        "--rasa-port", type=int, default=5005, help="first Rasa port (one per worker)"
    )
    serve.add_argument(
        "--rasa-workers", type=at_least_one, default=1, help="Rasa processes behind the gateway"
    )
    serve.add_argument(
        "--redis-url",
        default=settings.redis_url(),
        help="keep conversations in this Redis (persistence off!), default $BOT_REDIS_URL",
    )
    serve.add_argument("--actions-port", type=int, default=5055)
    serve.add_argument(
        "--idle-timeout", type=at_least_one, default=30 * 60, help="seconds (default 1800)"
    )
    serve.add_argument("--max-conversations", type=at_least_one, default=10_000)
    serve.add_argument("--model", default=str(MODEL_PATH))
    serve.add_argument(
        "--embed-origin", action="append", default=[], help="allowed embedding origin"
    )
    serve.add_argument(
        "--debug", action="store_true", help="more logging for developers (still never any text)"
    )
    serve.add_argument(
        "--staff", action="store_true", help="testing only: show intent and rule on each answer"
    )
    serve.add_argument(
        "--address-rate", type=float, default=3.0, help="messages/s allowed per client address"
    )
    add_forwarded_allow_ips(serve)
    add_metrics_options(serve)
    serve.set_defaults(func=_serve)

    gateway = sub.add_parser("gateway", help="run only the gateway")
    gateway.add_argument("--host", default="127.0.0.1")
    gateway.add_argument("--port", type=int, default=8080)
    gateway.add_argument(
        "--rasa-url", action="append", default=[], help="a Rasa process (repeat for several)"
    )
    gateway.add_argument("--actions-url", default="http://127.0.0.1:5055")
    gateway.add_argument("--timeout", type=float, default=3.0, help="seconds to wait for Rasa")
    gateway.add_argument("--embed-origin", action="append", default=[])
    gateway.add_argument("--debug", action="store_true")
    gateway.add_argument("--staff", action="store_true")
    gateway.add_argument("--address-rate", type=float, default=3.0)
    add_forwarded_allow_ips(gateway)
    add_metrics_options(gateway)
    gateway.set_defaults(func=_gateway)

    train = sub.add_parser("train", help="train the model if its inputs changed")
    train.add_argument("--force", action="store_true")
    train.set_defaults(func=_train)

    check = sub.add_parser("check", help="check resources.yml and the resource ids responses use")
    check.add_argument("resources", nargs="?", help="another resources file to check")
    check.add_argument("--quick", action="store_true", help="skip rasa data validate (slow)")
    check.set_defaults(func=_check)

    chat = sub.add_parser("chat", help="chat with the local model in the terminal")
    chat.add_argument(
        "--explain", action="store_true", help="show intent, confidence, danger, rule"
    )
    chat.add_argument("--lang", default="sv", choices=["sv", "en"])
    chat.set_defaults(func=_chat)

    review = sub.add_parser("review", help="write review.html: every topic, answer and button")
    review.add_argument("--out", default="review.html")
    review.set_defaults(func=_review)

    evaluate = sub.add_parser(
        "evaluate", help="score the NLU (tests/eval/messages.yml) and danger triage (dev, final)"
    )
    evaluate.add_argument("--model", default=str(MODEL_PATH))
    evaluate.add_argument("--config", action="append", default=[], help="also train and score")
    evaluate.add_argument("--misses", action="store_true", help="list the wrong predictions")
    evaluate.add_argument("--danger", action="store_true", help="danger triage only")
    evaluate.add_argument(
        "--danger-features", action="store_true", help="compare danger features on dev"
    )
    evaluate.add_argument("--roles", action="store_true", help="whose answer: dev and final sets")
    evaluate.add_argument("--tune", action="store_true", help="with --roles: search the cut-offs")
    evaluate.add_argument("--final", action="store_true", help="with --roles: the final sets too")
    evaluate.set_defaults(func=_evaluate)

    transcripts = sub.add_parser(
        "transcripts", help="the running service's answers to the final sets, for judging"
    )
    transcripts.add_argument("--url", default="http://127.0.0.1:8080")
    transcripts.add_argument("--out", default="transcripts.jsonl")
    transcripts.add_argument("--round", help="only this round, e.g. 2026-12-02-r3")
    transcripts.set_defaults(func=_transcripts)

    stats = sub.add_parser("stats", help="staff: the running service's counters, added up")
    add_metrics_options(stats)
    stats.set_defaults(func=_stats)

    report = sub.add_parser("report", help="staff: a one-page HTML report of the counters")
    report.add_argument("--out", default="report.html")
    add_metrics_options(report)
    report.set_defaults(func=_report)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
