#!/usr/bin/env bash
# Installs the Node packages from the lock file when they are missing or older than it, so
# `npm start` and `npm test` work from a fresh clone and cost nothing when already installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  # `npm install` keeps to the lock, which lists every platform's optional binaries (swc,
  # msgpackr) as npm 11 writes them, so it leaves the lock as it is; unlike `npm ci` it keeps
  # what node_modules already holds.
  printf 'deps: installing Node packages…\n'
  # @asyncapi/parser depends on Scarf's install-time analytics: off.
  export SCARF_ANALYTICS=false
  npm install --no-audit --no-fund --loglevel=error
fi
