#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (e2e/portal.e2e-spec.ts drives it with
# playwright-core): a distribution package, never a downloaded browser build. Costs nothing when
# /usr/bin/chromium (or CHROMIUM_PATH) is already there.
set -euo pipefail

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
[[ -x $CHROMIUM_PATH ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  printf 'browser: %s is missing; install Debian'"'"'s chromium (apt-get install chromium) as root\n' "$CHROMIUM_PATH" >&2
  exit 1
fi
printf 'browser: installing chromium (apt)…\n'
# Another apt run (the servers' install, a neighbour's) may hold dpkg's lock for a while.
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium >/dev/null
