#!/usr/bin/env bash
# The chart's offline proof, run by `npm test` before jest: helm lint --strict, helm template for
# each value set in admissions/ci/, and every rendered object validated strictly against the
# Kubernetes API schemas of each version in KUBE_VERSIONS (kubernetes-validate) or, for custom
# resources, against the CRD schemas in schemas/. Installs helm and kubernetes-validate into
# .local/ first (tools.sh). Renders into .local/helm/rendered/<value set>.yaml.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra/helm/tools.sh
source "$HERE/tools.sh"

CHART="$HERE/admissions"
KUBE_VERSIONS="${KUBE_VERSIONS:-1.31,1.34}"
OUT="$TOOLS_ROOT/.local/helm/rendered"
# Objects are rendered for this namespace; the oldest version checked is the one helm renders for.
NAMESPACE=admissions

install_helm
install_kubernetes_validate
mkdir -p "$OUT"

status=0
for values in "$CHART"/ci/*.yaml; do
  set_name="$(basename "$values" .yaml)"
  "$HELM" lint --strict --quiet --kube-version "${KUBE_VERSIONS%%,*}" --namespace "$NAMESPACE" -f "$values" "$CHART" \
    >"$OUT/$set_name.lint" 2>&1 || {
    cat "$OUT/$set_name.lint" >&2
    status=1
    continue
  }
  "$HELM" template admissions "$CHART" --namespace "$NAMESPACE" --kube-version "${KUBE_VERSIONS%%,*}" -f "$values" \
    >"$OUT/$set_name.yaml" || {
    status=1
    continue
  }
  "$KV_PYTHON" "$HERE/validate-manifests.py" "$set_name" "$HERE/schemas" "$KUBE_VERSIONS" "$OUT/$set_name.yaml" ||
    status=1
done
exit "$status"
