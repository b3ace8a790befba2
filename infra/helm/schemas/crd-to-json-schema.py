"""Turns CustomResourceDefinitions into strict JSON Schemas, one per served version.

    python3 crd-to-json-schema.py <out-dir> <crd.yaml>...

Writes <kind>-<group>-<version>.json (lower case). Strict as kubernetes-validate --strict is for
the built-in kinds: an object that declares its properties accepts no other (unless the CRD
says x-kubernetes-preserve-unknown-fields), so a misspelt field fails. Descriptions are dropped.
"""

import json
import os
import sys

import yaml

# The CRDs' own schemas only say `metadata: {type: object}`: what a chart may set there.
OBJECT_META = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "pattern": r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", "maxLength": 253},
        "namespace": {"type": "string", "pattern": r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 63},
        "labels": {"type": "object", "additionalProperties": {"type": "string", "maxLength": 63}},
        "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}

DROPPED = {"description", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
           "x-kubernetes-validations", "x-kubernetes-embedded-resource"}


def strict(node):
    if isinstance(node, list):
        return [strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: strict(value) for key, value in node.items() if key not in DROPPED}
    if out.pop("x-kubernetes-int-or-string", False):
        out.pop("type", None)
        out["anyOf"] = out.get("anyOf") or [{"type": "integer"}, {"type": "string"}]
    if out.pop("nullable", False) and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    preserve = out.pop("x-kubernetes-preserve-unknown-fields", False)
    if "properties" in out and "additionalProperties" not in out and not preserve:
        out["additionalProperties"] = False
    return out


def main(out_dir, paths):
    for path in paths:
        with open(path) as source:
            for crd in yaml.safe_load_all(source):
                if not crd or crd.get("kind") != "CustomResourceDefinition":
                    continue
                group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
                for version in crd["spec"]["versions"]:
                    if not version.get("served", True):
                        continue
                    schema = strict(version["schema"]["openAPIV3Schema"])
                    schema["properties"]["apiVersion"] = {"const": f"{group}/{version['name']}"}
                    schema["properties"]["kind"] = {"const": kind}
                    schema["properties"]["metadata"] = OBJECT_META
                    schema["required"] = sorted(set(schema.get("required", [])) | {"apiVersion", "kind", "metadata"})
                    schema["additionalProperties"] = False
                    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
                    target = os.path.join(out_dir, f"{kind}-{group}-{version['name']}.json".lower())
                    with open(target, "w") as out:
                        json.dump(schema, out, indent=1, sort_keys=True)
                        out.write("\n")
                    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
