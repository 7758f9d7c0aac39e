"""Checks outline folders against the JSON Schemas in outline/schema/ with the jsonschema
package, independently of tongket's own reader: each file of each folder against the schema of
its kind. Prints one line per problem (file, place in the document, message); exit status 1 when
there is any.

    python3 kiem_tra_schema.py SCHEMA_DIR OUTLINE_DIR...

YAML is read as an editor's language server reads it (YAML 1.2 core schema): only true/false
are booleans and dates stay text, so that a check here means what the editor shows.
"""
import json
import os
import re
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    pass


# YAML 1.1's yes/no/on/off booleans and its timestamps are not in YAML 1.2's core schema.
Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

KINDS = ["chuong-trinh", "de-cuong", "don-vi", "chuyen-de", "muc-tieu"]


def files(folder):
    for kind in KINDS:
        yield kind, os.path.join(folder, kind + ".yaml")
    appendices = os.path.join(folder, "phu-luc")
    for name in sorted(os.listdir(appendices)):
        if name.endswith(".yaml"):
            yield "phu-luc", os.path.join(appendices, name)


def main(schema_dir, folders):
    schemas = {}
    for kind in KINDS + ["phu-luc"]:
        with open(os.path.join(schema_dir, kind + ".schema.json"), encoding="utf-8") as handle:
            schema = json.load(handle)
        jsonschema.Draft7Validator.check_schema(schema)
        schemas[kind] = jsonschema.Draft7Validator(schema)
    problems = 0
    checked = 0
    for folder in folders:
        for kind, path in files(folder):
            with open(path, encoding="utf-8") as handle:
                document = yaml.load(handle, Loader=Yaml12Loader)
            checked += 1
            for error in sorted(schemas[kind].iter_errors(document), key=lambda e: list(e.absolute_path)):
                where = "/".join(str(part) for part in error.absolute_path)
                print(f"{path}: /{where}: {error.message}")
                problems += 1
    print(f"đã kiểm tra {checked} tệp, {problems} lỗi")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
