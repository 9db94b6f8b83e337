"""The action server (`python -m bot.processes.action_server --port 5055`): rasa_sdk's, made quiet.

rasa_sdk answers a failing action with the request it got (the whole conversation: every message
and the conversation id) and logs that request; Rasa then logs the answer. Here a failing action
is answered with a fixed error, and the log names only the exception types and where they were
raised. It listens on 127.0.0.1 only, without CORS: only Rasa calls it.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from bot.core import privacy

log = logging.getLogger(__name__)
ACTIONS_PACKAGE = "actions"


async def quiet_error(request: Any, exception: Exception) -> Any:
    """The answer to a failing request: no request body, no exception text."""
    from sanic import response

    log.error("A request to the action server failed: %s", privacy.describe_exception(exception))
    return response.json({"error": "the action failed"}, status=500)


def create_app(package: str = ACTIONS_PACKAGE) -> Any:
    """rasa_sdk's application for `package`, with `quiet_error` for every exception."""
    from rasa_sdk.endpoint import create_app as create_sdk_app

    app = create_sdk_app(package, cors_origins=None)
    app.error_handler.add(Exception, quiet_error)
    return app


def main(argv: list[str] | None = None) -> int:
    privacy.install()
    parser = argparse.ArgumentParser(prog="python -m bot.processes.action_server", description=__doc__)
    parser.add_argument("--port", type=int, default=5055)
    parser.add_argument("--actions", default=ACTIONS_PACKAGE, help="the package of actions")
    parser.add_argument("--verbose", action="store_true", help="log at INFO (never any text)")
    parser.add_argument("--quiet", action="store_true", help="log warnings and errors only")
    args = parser.parse_args(argv)
    level = logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="actions %(levelname)s %(name)s %(message)s")
    for name in ("sanic.root", "sanic.error", "sanic.access", "rasa_sdk"):
        logging.getLogger(name).setLevel(level)
    create_app(args.actions).run(host="127.0.0.1", port=args.port, workers=1, access_log=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
