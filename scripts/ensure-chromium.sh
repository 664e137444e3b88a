#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the Playwright tests.
# Playwright cannot download its own browser on an offline machine, so we use /usr/bin/chromium.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium not found: installing Debian's chromium and fonts-liberation (about a minute)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-liberation >/dev/null
  exit 0
fi
cat >&2 <<MSG
The end-to-end tests need Chromium at $browser, and it is not installed.
Install it, then run the tests again:
  sudo apt-get update && sudo apt-get install -y chromium fonts-liberation
Or point CHROMIUM_PATH at another Chromium or Chrome binary.
MSG
exit 1
