"""Keep message text inside the process: out of its logs, out of core dumps, away from debuggers.

`install()` is called first thing in each process of the service (the supervisor, the gateway,
Rasa, the action server) and in the tools that load the model:

- No core dumps (RLIMIT_CORE 0) and not dumpable (PR_SET_DUMPABLE 0): another process of the
  same user cannot attach a debugger and read conversations from memory, and a crash leaves no
  memory image on disk. (Being dumpable is reset by every exec, so each process sets it itself.)
- A traceback can quote a message or a whole request body in its exception's text (aiohttp on a
  broken request, Rasa on a failing custom action, whose error carries the action server's reply).
  Every log record's traceback is replaced by the exception types and where they were raised.
- Rasa 3.6 logs some structlog events with the user's text (`user_text`, `parse_data_text`, ...)
  and passes them through its own `_anonymizer`, which does nothing without Rasa Pro. Ours
  replaces the values of the same keys.
- A warning can quote a message (Rasa's "Failed to parse arguments in line …" for a text starting
  with "/"): warnings print their category and where they came from, not their text.
"""

from __future__ import annotations

import ctypes
import logging
import resource
import sys
import warnings
from types import TracebackType
from typing import Any

REDACTED = "[redacted]"
# Rasa's list of structlog keys that may carry the user's text (rasa/utils/log_utils.py)
TEXT_KEYS = frozenset(
    {
        "text", "response_text", "user_text", "slot_values", "parse_data_text",
        "parse_data_entities", "prediction_events", "tracker_latest_message", "prefilled_slots",
        "message", "response", "slot_candidates", "rasa_event", "rasa_events", "tracker_states",
        "current_states", "old_states", "successes", "current_entity", "next_entity", "states",
        "entity", "token_text", "user_message", "json_message", "request_body", "body",
    }
)  # fmt: skip


def describe_exception(error: BaseException | None) -> str:
    """The exception chain as types and places only: 'ClientResponseError at action.py:123'."""
    parts, seen = [], set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        place = _innermost(error.__traceback__)
        parts.append(f"{type(error).__name__}{f' at {place}' if place else ''}")
        error = error.__cause__ or error.__context__
    return " <- ".join(parts)


def _innermost(traceback: TracebackType | None) -> str:
    while traceback is not None and traceback.tb_next is not None:
        traceback = traceback.tb_next
    if traceback is None:
        return ""
    code = traceback.tb_frame.f_code
    return f"{code.co_filename.rsplit('/', 1)[-1]}:{traceback.tb_lineno}"


_make_record = logging.getLogRecordFactory()


def _record_without_traceback(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _make_record(*args, **kwargs)
    if record.exc_info:
        error = record.exc_info[1]
        record.msg = f"{record.getMessage()} ({describe_exception(error)})"
        record.args = None
        record.exc_info = None
    record.exc_text = None
    record.stack_info = None
    return record


def redact_event(_logger: Any, _name: str, event: dict[str, Any]) -> dict[str, Any]:
    """A structlog processor: the values of text-carrying keys are replaced."""
    for key in TEXT_KEYS & event.keys():
        event[key] = REDACTED
    return event


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    where = f"{filename.rsplit('/', 1)[-1]}:{lineno}"
    logging.getLogger("py.warnings").warning("%s at %s", category.__name__, where)


PR_SET_DUMPABLE = 4


def forbid_dumps() -> None:
    """No core dumps, and no debugger of the same user may attach (Linux)."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def install(rasa: bool = False) -> None:
    """Put all of it in place for this process (`rasa`: in a process that runs Rasa, whose
    structlog configuration then uses `redact_event`)."""
    forbid_dumps()
    logging.setLogRecordFactory(_record_without_traceback)
    warnings.showwarning = _show_warning
    if rasa:
        import rasa.utils.log_utils

        rasa.utils.log_utils._anonymizer = redact_event
