#!/usr/bin/env python3
"""Checks an OpenAPI 3.1 document and that recorded responses match it.

usage: check_openapi.py OPENAPI.json RESPONSES.jsonl
Each line of RESPONSES.jsonl is {"path": template, "method": "get", "status": 200, "body": "..."}. The document
must pass openapi-spec-validator; each body must parse as JSON and validate (jsonschema, Draft 2020-12, the
document's $refs resolved) against the schema the document gives for that path, method and status.
Exit 0 when all match, 1 otherwise, 3 when the Python packages are missing.
"""
import json
import sys

try:
    import jsonschema
    from openapi_spec_validator import validate
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError as error:  # pragma: no cover
    print(f"missing Python package: {error.name}")
    sys.exit(3)


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as handle:
        document = json.load(handle)
    validate(document)
    registry = Registry().with_resource("urn:openapi", Resource.from_contents(document, default_specification=DRAFT202012))
    failures = 0
    count = 0
    with open(sys.argv[2], encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            sample = json.loads(line)
            count += 1
            operation = document["paths"][sample["path"]][sample["method"]]
            response = operation["responses"].get(str(sample["status"]))
            if response is None:
                print(f"{sample['method']} {sample['path']}: status {sample['status']} is not documented")
                failures += 1
                continue
            if "$ref" in response:
                response = document["components"]["responses"][response["$ref"].split("/")[-1]]
            schema = response["content"]["application/json"]["schema"]
            body = json.loads(sample["body"])
            resolved = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:sample",
                        **_rebase(schema)}
            validator = jsonschema.Draft202012Validator(resolved, registry=registry)
            errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
            for error in errors[:3]:
                print(f"{sample['method']} {sample['path']} {sample['status']}: {error.message} at {list(error.path)}")
            failures += bool(errors)
    if failures:
        print(f"{failures} of {count} responses do not match")
        return 1
    print(f"{count} responses match the OpenAPI document")
    return 0


def _rebase(schema):
    """The schema with its local references (#/components/...) pointed at the whole document."""
    if isinstance(schema, dict):
        return {key: ("urn:openapi" + value if key == "$ref" and value.startswith("#") else _rebase(value))
                for key, value in schema.items()}
    if isinstance(schema, list):
        return [_rebase(item) for item in schema]
    return schema


if __name__ == "__main__":
    sys.exit(main())
