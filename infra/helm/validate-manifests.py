"""Validates rendered manifests offline, every object against every Kubernetes version given.

    python validate-manifests.py <label> <schemas-dir> <versions,comma-separated> <manifests.yaml>

Built-in kinds: kubernetes-validate's strict schemas (its validate(), as `kubernetes-validate
--strict -k <version>` runs it). Custom resources: the strict JSON Schemas in <schemas-dir>
(schemas/generate.sh). An object of a kind neither knows is an error, not a warning.
Prints one summary line per version; exits 1 on any error.
"""

import collections
import json
import os
import sys

import jsonschema
import yaml
from kubernetes_validate.utils import SchemaNotFoundError, ValidationError, validate


class StrictLoader(yaml.SafeLoader):
    """A key given twice is an error: the API server's strict decoding refuses it too."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        duplicates = {key for key in keys if keys.count(key) > 1}
        if duplicates:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate keys {sorted(duplicates)}", node.start_mark)
        return super().construct_mapping(node, deep=deep)


def custom_schema(schemas_dir, obj):
    group, _, version = obj["apiVersion"].rpartition("/")
    path = os.path.join(schemas_dir, f"{obj['kind']}-{group}-{version}.json".lower())
    if not os.path.exists(path):
        return None
    with open(path) as source:
        return json.load(source)


def check(obj, version, schemas_dir):
    """Returns (family, error or None)."""
    try:
        validate(obj, version, strict=True)
        return "built-in", None
    except ValidationError as error:
        return "built-in", f"{'.'.join(map(str, error.path))}: {error.message}"
    except SchemaNotFoundError:
        pass
    schema = custom_schema(schemas_dir, obj)
    if schema is None:
        return "unknown", f"no schema for {obj['apiVersion']} {obj['kind']}"
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(obj), key=lambda e: list(e.path))
    if errors:
        return "custom", "; ".join(f"{'.'.join(map(str, e.path))}: {e.message}" for e in errors[:5])
    return "custom", None


def main(label, schemas_dir, versions, manifests):
    try:
        with open(manifests) as source:
            objects = [obj for obj in yaml.load_all(source, Loader=StrictLoader) if obj]
    except yaml.YAMLError as error:
        print(f"FAIL {label}: {manifests} is not valid YAML: {error}")
        return 1
    failed = False
    kinds = collections.Counter(obj["kind"] for obj in objects)
    for version in versions.split(","):
        families = collections.Counter()
        errors = 0
        for obj in objects:
            family, error = check(obj, version, schemas_dir)
            families[family] += 1
            if error:
                errors += 1
                print(f"ERROR {label} k8s {version} {obj['kind']}/{obj['metadata']['name']}: {error}")
        failed = failed or errors > 0
        print(
            f"{'PASS' if errors == 0 else 'FAIL'} {label}: k8s {version} strict: {len(objects) - errors}/{len(objects)} "
            f"objects valid ({families['built-in']} built-in, {families['custom']} custom resources)"
        )
    print(f"     {label} objects: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
