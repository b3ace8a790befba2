#!/usr/bin/env bash
# Installs the chart's validation tools into the git-ignored .local/ (once; later runs check the
# versions and return): helm, built from source with Go (~5 min of CPU and 1 GB of RAM the first
# time), and kubernetes-validate (PyPI, with the Kubernetes API schemas 1.25-1.37) in a venv.
#   bash infra/helm/tools.sh [helm|kubernetes-validate]...   (no argument: both)
# Sourced by validate.sh, which then uses $HELM and $KV_PYTHON.
set -euo pipefail

HELM_VERSION=v3.22.0
KUBERNETES_VALIDATE_VERSION=1.37.0
TOOLS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HELM="$TOOLS_ROOT/.local/bin/helm"
KV_VENV="$TOOLS_ROOT/.local/kubernetes-validate"
KV_PYTHON="$KV_VENV/bin/python"

helm_installed() {
  [[ -x $HELM ]] && [[ "$("$HELM" version --template '{{.Version}}' 2>/dev/null)" == "$HELM_VERSION" ]]
}

# GOFLAGS=-mod=mod lets `go install pkg@version` resolve helm's module graph as go.mod has it.
# Stamped as helm's release Makefile does: without it helm reports v3.22 and assumes Kubernetes
# 1.20 (the release's default is its client-go's, 1.37).
HELM_LDFLAGS="-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
for pkg in pkg/lint/rules pkg/chartutil; do
  HELM_LDFLAGS+=" -X helm.sh/helm/v3/$pkg.k8sVersionMajor=1 -X helm.sh/helm/v3/$pkg.k8sVersionMinor=37"
done

install_helm() {
  helm_installed && return
  local minor
  minor="$(go env GOVERSION 2>/dev/null | sed -nE 's/^go1\.([0-9]+).*/\1/p')"
  # helm v3.22.0's go.mod says `go 1.26.0`; GOTOOLCHAIN=local never downloads a newer Go.
  ((${minor:-0} >= 26)) || {
    printf 'error: helm %s is built with Go >= 1.26, found %s\n' "$HELM_VERSION" "$(go env GOVERSION 2>/dev/null || echo none)" >&2
    exit 1
  }
  printf 'helm: building %s with Go into .local/bin (several minutes, once)…\n' "$HELM_VERSION"
  mkdir -p "$(dirname "$HELM")" "$TOOLS_ROOT/.local/logs"
  GOTOOLCHAIN=local GOFLAGS="-mod=mod -buildvcs=false" GOBIN="$(dirname "$HELM")" \
    go install -ldflags "$HELM_LDFLAGS" \
    "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >"$TOOLS_ROOT/.local/logs/helm-install.log" 2>&1 ||
    { tail -n 20 "$TOOLS_ROOT/.local/logs/helm-install.log" >&2; exit 1; }
  helm_installed || { printf 'error: helm built, but it does not report %s\n' "$HELM_VERSION" >&2; exit 1; }
}

kubernetes_validate_installed() {
  [[ -x $KV_PYTHON ]] &&
    [[ "$("$KV_VENV/bin/kubernetes-validate" --version 2>/dev/null)" == "$KUBERNETES_VALIDATE_VERSION" ]]
}

install_kubernetes_validate() {
  kubernetes_validate_installed && return
  printf 'kubernetes-validate: installing %s into .local/kubernetes-validate…\n' "$KUBERNETES_VALIDATE_VERSION"
  # Debian ships venv apart from python3.
  python3 -m venv "$KV_VENV" 2>/dev/null || {
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    rm -rf "$KV_VENV"
    python3 -m venv "$KV_VENV"
  }
  "$KV_VENV/bin/pip" install --quiet --disable-pip-version-check "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  (($# > 0)) || set -- helm kubernetes-validate
  for name in "$@"; do
    case $name in
      helm) install_helm ;;
      kubernetes-validate) install_kubernetes_validate ;;
      *)
        printf 'usage: %s [helm|kubernetes-validate]...\n' "$0" >&2
        exit 2
        ;;
    esac
  done
fi
