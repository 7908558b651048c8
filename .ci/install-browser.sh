#!/usr/bin/env bash
# Debian's Chromium for the web page's end-to-end tests (tests/web). Playwright for Python
# drives /usr/bin/chromium; no browser is ever downloaded by Playwright (no `playwright install`).
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium
fi
/usr/bin/chromium --version
