#!/bin/sh
# Debian packages the tests drive for real: chromium (browser tests, with Playwright) and
# redis-server (the Redis tracker store and scale-out tests). Install what is missing (as root).
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "Installing Debian packages for the tests:$missing"
  apt-get update -q >/dev/null
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null
  # The tests start their own redis-server; the package's system service is not needed.
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now redis-server >/dev/null 2>&1 || true; fi
else
  echo "Missing:$missing. Install these Debian packages (as root: apt-get install$missing)" >&2
  exit 1
fi
