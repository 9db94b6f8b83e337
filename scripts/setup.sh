#!/bin/sh
# Build .venv with Python 3.10 and install the project with its development tools.
set -eu
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  py=$(scripts/find-python310.sh)
  echo "Creating .venv with $py"
  "$py" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
RASA_TELEMETRY_ENABLED=false .venv/bin/rasa telemetry disable >/dev/null
