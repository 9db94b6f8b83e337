#!/bin/sh
# The browser tests drive Debian's chromium with Playwright. Install it when missing (as root).
set -eu
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's chromium for the browser tests"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
else
  echo "chromium is missing: install Debian's 'chromium' package (as root: apt-get install chromium)" >&2
  exit 1
fi
