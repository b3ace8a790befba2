#!/usr/bin/env bash
# Installs the Node packages from the lock file when they are missing or older than it, so
# `npm start` and `npm test` work from a fresh clone and cost nothing when already installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  # `npm install`, not `npm ci`: npm 11 leaves other platforms' optional binaries (swc,
  # msgpackr) out of the lock file and `npm ci` then refuses it; install keeps to the lock.
  printf 'deps: installing Node packages…\n'
  npm install --no-audit --no-fund --loglevel=error
fi
