"""Run Rasa's command line (`python -m bot.rasa_plugins.rasa_cli run|train|test ...`) with a start-up fix.

Rasa loads its LogisticRegression classifier with skops. On first import, skops looks up the
module of every numpy/scipy ufunc by scanning all loaded modules; once TensorFlow is loaded that
scan takes about 10 s (measured here: 14.8 s with TensorFlow loaded, 2.5 s without). Importing
skops before Rasa (and so before TensorFlow) makes `rasa run` ready and `rasa train` finish
that much sooner.

It also makes Rasa run its prediction graph without dask (bot/rasa_plugins/rasa_speedups.py), and,
when it serves messages (`run`), keeps their text out of its logs and memory dumps
(bot/core/privacy.py) and serves the process's counters (bot/core/metrics.py) when given
`--metrics-port N [--metrics-host H]` (options of ours, taken out before Rasa reads the command
line).
"""

import sys

import skops.io  # noqa: F401  (must be imported before rasa, see above)
from rasa.__main__ import main

from bot.core import privacy
from bot.rasa_plugins.rasa_speedups import install


def take_option(argv: list[str], name: str) -> str | None:
    """Remove `name value` from argv and return the value (None when absent)."""
    if name not in argv:
        return None
    at = argv.index(name)
    value = argv[at + 1]
    del argv[at : at + 2]
    return value


if __name__ == "__main__":
    metrics_port = take_option(sys.argv, "--metrics-port")
    metrics_host = take_option(sys.argv, "--metrics-host") or "127.0.0.1"
    if sys.argv[1:2] == ["run"]:  # serving messages (training and tests read no one's text)
        privacy.install(rasa=True)
        if metrics_port:
            from bot.core import metrics

            metrics.serve(int(metrics_port), metrics_host)
    install()
    main()
