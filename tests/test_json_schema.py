"""schema/mmgen-spec.schema.json: current, and in agreement with the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.loaders.mmgen.json_schema import spec_json_schema
from generator.loaders.yaml_source import YMap, YNode, YScalar, YSeq, parse_yaml, read_spec_text

REPO = Path(__file__).resolve().parents[1]
SCHEMA_FILE = REPO / "schema" / "mmgen-spec.schema.json"
REGENERATE = "mmgen schema json-schema -o schema/mmgen-spec.schema.json"
GOOD = REPO / "tests" / "fixtures" / "good-specs"
BAD = REPO / "tests" / "fixtures" / "bad-specs"

# Codes the shape checker reports: what a JSON Schema can express too.
STRUCTURAL = {"unknown-key", "wrong-type", "missing-key", "invalid-value", "invalid-name"}


def plain(node: YNode) -> Any:
    """The located tree as plain JSON data, exactly as the loader sees the document."""
    if isinstance(node, YMap):
        return {str(k.value): plain(v) for k, v in node.entries}
    if isinstance(node, YSeq):
        return [plain(x) for x in node.items]
    assert isinstance(node, YScalar)
    return node.value


def load_plain(path: Path) -> Any:
    text, diags = read_spec_text(str(path), str(path))
    assert text is not None, diags
    tree, diags = parse_yaml(text, str(path))
    assert tree is not None, diags
    return plain(tree)


def validator_for(kind: str) -> jsonschema.protocols.Validator:
    """The published schema, narrowed to one file kind (Product or Resource)."""
    schema = dict(json.loads(SCHEMA_FILE.read_text()))
    schema["anyOf"] = [{"$ref": f"#/$defs/{kind}"}]
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def kind_of(path: Path) -> str:
    return "Product" if path.name == "product.yaml" else "Resource"


def test_committed_schema_is_current() -> None:
    result = CliRunner().invoke(cli, ["schema", "json-schema"])
    assert result.exit_code == 0, result.output
    assert SCHEMA_FILE.exists(), f"schema file missing; regenerate it with: {REGENERATE}"
    assert (
        SCHEMA_FILE.read_text(encoding="utf-8") == result.stdout
    ), f"{SCHEMA_FILE.relative_to(REPO)} is stale; regenerate it with: {REGENERATE}"


def test_output_option_writes_the_same_text(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    result = CliRunner().invoke(cli, ["schema", "json-schema", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == SCHEMA_FILE.read_text(encoding="utf-8")


def test_schema_is_valid_and_every_ref_resolves() -> None:
    schema = spec_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    text = json.dumps(schema)
    for name in schema["$defs"]:
        assert f'"#/$defs/{name}"' in text or name in ("Product", "Resource")
    import re

    for ref in set(re.findall(r'"\$ref": "#/\$defs/(\w+)"', text)):
        assert ref in schema["$defs"], f"dangling $ref to {ref}"


GOOD_FILES = sorted(GOOD.rglob("*.yaml"))


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: str(p.relative_to(GOOD)))
def test_good_specs_validate(path: Path) -> None:
    errors = list(validator_for(kind_of(path)).iter_errors(load_plain(path)))
    assert errors == [], [e.message for e in errors]


def _bad_cases() -> list[tuple[str, Path, bool]]:
    """(case, file, loader reported a structural error in it) for every parseable file."""
    out = []
    for expected in sorted(BAD.glob("*/expected.txt")):
        case = expected.parent
        structural_files = set()
        for line in expected.read_text().splitlines():
            for code in STRUCTURAL:
                if f"error[{code}]" in line:
                    structural_files.add(line.split(":", 1)[0])
        for f in sorted(case.glob("*.yaml")):
            if not f.is_file():
                continue
            text, _ = read_spec_text(str(f), "x")
            if text is None or parse_yaml(text, "x")[0] is None:
                continue  # not YAML at all: nothing for a schema to say
            rel = f.relative_to(REPO).as_posix()
            out.append((case.name, f, rel in structural_files))
    return out


BAD_FILES = _bad_cases()


@pytest.mark.parametrize(
    "case, path, structural",
    BAD_FILES,
    ids=[f"{c}/{p.name}" for c, p, _ in BAD_FILES],
)
def test_schema_and_loader_agree_on_bad_specs(case: str, path: Path, structural: bool) -> None:
    """Structural errors (unknown key, wrong type, missing key, bad enum or name) are
    rejected by the JSON Schema too; files with only semantic errors pass it."""
    data = load_plain(path)
    errors = list(validator_for(kind_of(path)).iter_errors(data))
    if structural:
        assert errors, f"{case}: the loader reports a structural error the JSON Schema accepts"
    else:
        assert (
            errors == []
        ), f"{case}: the JSON Schema rejects what the loader accepts: " + "; ".join(
            e.message for e in errors
        )


def test_bad_cases_include_structural_ones() -> None:
    assert sum(1 for _, _, s in BAD_FILES if s) >= 6
