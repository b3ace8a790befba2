#!/usr/bin/env bash
# Regenerates the JSON Schemas of the custom resources the chart renders (committed here;
# infra/helm/validate.sh only reads them). Needs network, Java 21+ and Maven; run it when a
# version below changes:
#   KafkaTopic                     generated from io.strimzi:api with Strimzi's own crd-generator
#                                  (Maven Central, pom.xml), as the Strimzi operator does
#   ServiceMonitor, PrometheusRule prometheus-operator/prometheus-operator, example/prometheus-operator-crd
#   ScaledObject                   kedacore/keda, config/crd/bases
#   HTTPRoute                      kubernetes-sigs/gateway-api, config/crd/standard
# The upstream CRDs are read at their release tags from git clones: UPSTREAM_DIR/<owner>+<name>/repo
# when present (a local mirror), else a shallow clone from GitHub into .local/crd-sources.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../../.." && pwd)"
WORK="$REPO_ROOT/.local/crd-sources"
PYTHON="$REPO_ROOT/.local/kubernetes-validate/bin/python" # has PyYAML (infra/helm/tools.sh)

# The generator's classes need Java 21+: JAVA, else the first such JDK under /usr/lib/jvm or on PATH.
find_java() {
  local java major
  for java in ${JAVA:-} /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    [[ -x $java ]] || continue
    major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    ((${major:-0} >= 21)) && { printf '%s\n' "$java"; return; }
  done
  printf 'error: needs Java 21 or newer (set JAVA)\n' >&2
  exit 1
}
JAVA="$(find_java)"

STRIMZI_VERSION=1.2.0 # keep in step with pom.xml
UPSTREAM=(
  "prometheus-operator/prometheus-operator v0.93.0 example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml"
  "prometheus-operator/prometheus-operator v0.93.0 example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml"
  "kedacore/keda v2.20.2 config/crd/bases/keda.sh_scaledobjects.yaml"
  "kubernetes-sigs/gateway-api v1.6.1 config/crd/standard/gateway.networking.k8s.io_httproutes.yaml"
)

mkdir -p "$WORK"
bash "$HERE/../tools.sh" kubernetes-validate

# Strimzi: the generator needs the API classes on its class path and writes the CRD YAML.
mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/strimzi-$STRIMZI_VERSION"
"$JAVA" -cp "$WORK/strimzi-$STRIMZI_VERSION/*" io.strimzi.crdgenerator.CrdGenerator --yaml --crd-api-version v1 \
  io.strimzi.api.kafka.model.topic.KafkaTopic="$WORK/kafkatopic.crd.yaml"
crds=("$WORK/kafkatopic.crd.yaml")

for entry in "${UPSTREAM[@]}"; do
  read -r repo tag path <<<"$entry"
  clone="${UPSTREAM_DIR:-/nonexistent}/${repo/\//+}/repo"
  if [[ ! -d $clone ]]; then
    clone="$WORK/${repo/\//+}"
    [[ -d $clone ]] || git clone -q --bare --depth 1 --branch "$tag" "https://github.com/$repo.git" "$clone"
  fi
  target="$WORK/$(basename "$path")"
  git -C "$clone" show "$tag:$path" >"$target"
  crds+=("$target")
done

"$PYTHON" "$HERE/crd-to-json-schema.py" "$HERE" "${crds[@]}"
