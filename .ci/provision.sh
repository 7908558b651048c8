#!/usr/bin/env bash
# What the tests need on this machine kind, made ready by `make test` itself (idempotent):
#  - Debian's Chromium for the web page's end-to-end tests (no browser download by Playwright);
#  - the local PostgreSQL server at 127.0.0.1:5432, started when it is installed but stopped.
# A component that cannot be provided fails here, loudly (the tests never skip without it).
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; }
fi
/usr/bin/chromium --version

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432
