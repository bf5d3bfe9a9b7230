"""The embedded Batch AI job spec (specs/batchai/) checked against the REST API it describes.

The oracle is the swagger the spec was written from (BatchAI.json 2018-03-01, job subset) and its
PutJob example, read at test time from the shared reference folder. Every fact is derived from the
swagger where the swagger states it; the few places where the spec knowingly departs from the swagger
are listed in `DEPARTURES` with the reason, and the tests check that list too (so a departure cannot
be added silently).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.api import validate_paths
from generator.model.nodes import Presence, Product, Property, Resource, TypeKind
from generator.validate import walk

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MMGEN_SHARED", REPO.parent / "shared"))
REFERENCE = SHARED / "reference" / "batchai-2018-03-01"
SWAGGER_FILE = REFERENCE / "BatchAI.job-subset.json"
PUTJOB_FILE = REFERENCE / "examples" / "PutJob.json"

ITEMS = "[]"  # path segment standing for "each element of an array"
ApiPath = tuple[str, ...]

# Where the spec departs from the swagger on purpose (the spec's comments say why).
DEPARTURES = {
    # ToolType's enum forgets `pytorch`; its own description lists it and the API has pyTorchSettings.
    "tool_type_extra_values": {"pytorch"},
    # The swagger default "7.00:00:00" is not how the service returns it ("P7D"): optional_computed.
    "default_not_copied": {("properties", "constraints", "maxWallClockTime")},
}


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def swagger() -> dict[str, Any]:
    if not SWAGGER_FILE.is_file():
        pytest.skip(f"swagger reference not available: {SWAGGER_FILE} is missing")
    return json.loads(SWAGGER_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def putjob() -> dict[str, Any]:
    if not PUTJOB_FILE.is_file():
        pytest.skip(f"PutJob example not available: {PUTJOB_FILE} is missing")
    return json.loads(PUTJOB_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> Any:
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        return validate_paths(["specs"])
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def product(report: Any) -> Product:
    by_name = {p.name: p for p in report.products}
    assert "batchai" in by_name, f"no batchai product under specs/: {sorted(by_name)}"
    return by_name["batchai"]


@pytest.fixture(scope="module")
def job(product: Product) -> Resource:
    by_name = {r.name: r for r in product.resources}
    assert "batch_ai_job" in by_name
    return by_name["batch_ai_job"]


# ---------------------------------------------------------------- swagger helpers


class Swagger:
    """Resolves `$ref`/`allOf` of the job subset and walks property paths."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.defs = doc["definitions"]

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        """A schema with `$ref` followed (keeping the referrer's title/description) and allOf merged."""
        out = dict(schema)
        while "$ref" in out:
            ref = out.pop("$ref")
            target = self.defs[ref.rsplit("/", 1)[-1]]
            merged = dict(target)
            merged.update({k: v for k, v in out.items() if k not in ("properties", "required")})
            out = merged
        props = dict(out.get("properties", {}))
        required = list(out.get("required", []))
        for part in out.get("allOf", []):
            base = self.resolve(part)
            for k, v in base.get("properties", {}).items():
                props.setdefault(k, v)
            required += base.get("required", [])
        if props:
            out["properties"] = props
        out["required"] = required
        return out

    def definition(self, name: str) -> dict[str, Any]:
        return self.resolve(self.defs[name])

    def step(self, schema: dict[str, Any], segment: str) -> dict[str, Any] | None:
        if segment == ITEMS:
            return self.resolve(schema["items"]) if schema.get("type") == "array" else None
        raw = schema.get("properties", {}).get(segment)
        return None if raw is None else self.resolve(raw)

    def at(self, root: dict[str, Any], path: ApiPath) -> dict[str, Any] | None:
        schema: dict[str, Any] | None = root
        for seg in path:
            if schema is None:
                return None
            schema = self.step(schema, seg)
        return schema

    def leaves(
        self, root: dict[str, Any], prefix: ApiPath = ()
    ) -> Iterator[tuple[ApiPath, dict[str, Any]]]:
        """Every scalar/map property below `root`, with its path (arrays of objects add `[]`)."""
        for name, raw in root.get("properties", {}).items():
            schema = self.resolve(raw)
            path = prefix + (name,)
            if schema.get("type") == "array":
                items = self.resolve(schema["items"])
                if items.get("properties"):
                    yield from self.leaves(items, path + (ITEMS,))
                else:
                    yield path, schema
            elif schema.get("properties"):
                yield from self.leaves(schema, path)
            else:
                yield path, schema

    def is_required(self, root: dict[str, Any], path: ApiPath) -> bool:
        """Required at every level; the `x-ms-client-flatten` envelope `properties` is transparent."""
        schema = root
        for seg in path:
            raw = schema.get("properties", {}).get(seg, {})
            if seg not in schema.get("required", []) and not raw.get("x-ms-client-flatten"):
                return False
            nxt = self.step(schema, seg)
            assert nxt is not None, path
            schema = nxt
        return True


@pytest.fixture(scope="module")
def sw(swagger: dict[str, Any]) -> Swagger:
    return Swagger(swagger)


# ---------------------------------------------------------------- model helpers


def api_segments(prop: Property) -> ApiPath:
    return tuple(prop.api_name.split(".")) if prop.api_name else ()


def modeled(
    props: tuple[Property, ...], prefix: ApiPath = (), tf_prefix: str = ""
) -> Iterator[tuple[str, ApiPath, Property]]:
    """(Terraform path, API path, property) for every property; arrays of blocks add `[]`."""
    for p in props:
        tf_path = tf_prefix + p.name
        path = prefix + api_segments(p)
        yield tf_path, path, p
        children = p.type.nested_properties
        if children:
            child_prefix = path + ((ITEMS,) if p.type.kind is TypeKind.ARRAY else ())
            yield from modeled(children, child_prefix, tf_path + ".")


def by_api_path(job: Resource) -> dict[ApiPath, tuple[str, Property]]:
    out: dict[ApiPath, tuple[str, Property]] = {}
    for tf_path, path, prop in modeled(job.properties):
        if path:
            assert path not in out, f"two properties map to {'.'.join(path)}"
            out[path] = (tf_path, prop)
    return out


def find(job: Resource, tf_path: str) -> Property:
    for path, prop in walk(job.properties):
        if path == tf_path:
            return prop
    raise AssertionError(f"no property `{tf_path}`")


def is_computed_subtree(job: Resource, tf_path: str) -> bool:
    """The property or one of its ancestors is computed only."""
    parts = tf_path.split(".")
    return any(
        find(job, ".".join(parts[: i + 1])).presence is Presence.COMPUTED for i in range(len(parts))
    )


def is_ignore_read_subtree(job: Resource, tf_path: str) -> bool:
    parts = tf_path.split(".")
    return any(find(job, ".".join(parts[: i + 1])).ignore_read for i in range(len(parts)))


def dotted(path: ApiPath) -> str:
    return ".".join(path)


# ---------------------------------------------------------------- the spec loads cleanly


def test_specs_validate_without_any_diagnostic(report: Any) -> None:
    assert [d for d in report.diagnostics] == []


def test_product(product: Product) -> None:
    assert product.name == "batchai"
    assert product.display_name == "Batch AI"
    assert product.prefix == "azurerm"
    assert [(v.name, v.base_url) for v in product.versions] == [
        ("2018-03-01", "https://management.azure.com/")
    ]
    (param,) = product.params
    assert (param.name, param.env, param.required) == (
        "subscription_id",
        "ARM_SUBSCRIPTION_ID",
        True,
    )
    assert param.description.strip()


def test_resource_name_avoids_the_automation_job_collision(job: Resource) -> None:
    assert job.name == "batch_ai_job"
    assert job.terraform_name == "azurerm_batch_ai_job"
    assert job.description.strip()


# ---------------------------------------------------------------- REST mapping


def test_rest_mapping(job: Resource, swagger: dict[str, Any]) -> None:
    rest = job.rest
    assert (
        rest.base_url
        == "subscriptions/{subscription_id}/resourceGroups/{resource_group}/providers/Microsoft.BatchAI/jobs"
    )
    assert rest.id_template == (
        "/subscriptions/{subscription_id}/resourceGroups/{resource_group}/providers/Microsoft.BatchAI/jobs/{name}"
    )
    assert rest.api_version == "2018-03-01" == swagger["info"]["version"]
    assert (rest.create_verb, rest.read_verb, rest.update_verb, rest.delete_verb) == (
        "PUT",
        "GET",
        None,
        "DELETE",
    )
    assert rest.async_style.value == "arm"
    assert rest.immutable is True
    assert [(p.name, p.source.value) for p in rest.id_params] == [
        ("subscription_id", "provider"),
        ("resource_group", "property"),
        ("name", "property"),
    ]


def test_rest_mapping_matches_the_swagger_operations(
    job: Resource, swagger: dict[str, Any]
) -> None:
    item_path = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.BatchAI/jobs/{jobName}"
    ops = swagger["paths"][item_path]
    assert set(ops) == {"put", "get", "delete"}, "no PATCH: the job has no in-place update"
    assert ops["put"]["x-ms-long-running-operation"] is True
    assert ops["delete"]["x-ms-long-running-operation"] is True
    assert "202" in ops["put"]["responses"]
    # the id template is the swagger's path with our placeholder names
    swagger_template = (
        item_path.replace("{subscriptionId}", "{subscription_id}")
        .replace("{resourceGroupName}", "{resource_group}")
        .replace("{jobName}", "{name}")
    )
    assert job.rest.id_template == swagger_template
    collection = swagger_template.rsplit("/", 1)[0].lstrip("/")
    assert job.rest.base_url == collection


def test_timeouts_in_minutes(job: Resource) -> None:
    assert job.timeouts.create >= 10
    assert job.timeouts.delete >= 10
    assert job.timeouts.read >= 1


def test_references(job: Resource) -> None:
    urls = [r.url for r in job.references]
    assert "https://learn.microsoft.com/en-us/rest/api/batchai/jobs/create" in urls
    assert all(r.title.strip() for r in job.references)


# ---------------------------------------------------------------- URL parameters


def test_url_params(job: Resource, swagger: dict[str, Any]) -> None:
    name = find(job, "name")
    rg = find(job, "resource_group")
    for p in (name, rg):
        assert p.url_param_only and p.presence is Presence.REQUIRED and p.forces_new
        assert p.api_name == ""
    job_param = swagger["parameters"]["JobNameParameter"]
    assert name.validation.min_length == job_param["minLength"] == 1
    assert name.validation.max_length == job_param["maxLength"] == 64
    rx = re.compile(name.validation.regex or "")
    assert rx.fullmatch("demo_job") and rx.fullmatch("a-b_C9")
    assert not rx.fullmatch("a b") and not rx.fullmatch("a/b") and not rx.fullmatch("")
    assert rg.validation.regex == swagger["parameters"]["ResourceGroupNameParameter"]["pattern"]


# ---------------------------------------------------------------- api_name paths


def test_every_modeled_field_resolves_in_the_swagger(job: Resource, sw: Swagger) -> None:
    create = sw.definition("JobCreateParameters")
    read = sw.definition("Job")
    for tf_path, path, prop in modeled(job.properties):
        if prop.url_param_only:
            continue
        assert path, f"`{tf_path}` has no api_name"
        if prop.presence is Presence.COMPUTED or is_computed_subtree(job, tf_path):
            assert (
                sw.at(read, path) is not None
            ), f"computed `{tf_path}`: `{dotted(path)}` is not in Job"
            assert (
                sw.at(create, path) is None
            ), f"computed `{tf_path}` is settable in the create body (`{dotted(path)}`)"
        else:
            assert (
                sw.at(create, path) is not None
            ), f"`{tf_path}`: `{dotted(path)}` is not in JobCreateParameters"
            if not is_ignore_read_subtree(job, tf_path):
                assert (
                    sw.at(read, path) is not None
                ), f"`{tf_path}` is read back but `{dotted(path)}` is not in the Job response model"


def test_every_swagger_job_property_is_modeled(job: Resource, sw: Swagger) -> None:
    """Coverage both ways: every leaf of the create and read models has a property, at the right path."""
    paths = by_api_path(job)
    create = sw.definition("JobCreateParameters")
    read = sw.definition("Job")
    missing = []
    for root in (create, read):
        for path, _ in sw.leaves(root):
            if path == ("name",):
                # Resource.name is the job name: the `name` argument, which lives in the URL.
                assert find(job, "name").url_param_only
                continue
            if path not in paths:
                missing.append(dotted(path))
    assert sorted(set(missing)) == []


def test_top_level_job_properties_have_the_right_api_names(job: Resource, sw: Swagger) -> None:
    """Each JobBaseProperties / JobProperties key is modeled under `properties.<key>` with its camelCase name."""
    paths = by_api_path(job)
    keys = set(sw.definition("JobBaseProperties")["properties"]) | set(
        sw.definition("JobProperties")["properties"]
    )
    for key in sorted(keys):
        hits = [(tf, p) for path, (tf, p) in paths.items() if path[:2] == ("properties", key)]
        assert hits, f"swagger job property `{key}` is not modeled"
        top = [tf for tf, _ in hits if "." not in tf]
        assert top, f"`properties.{key}` is modeled only inside a block: {[tf for tf, _ in hits]}"
        snake = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key).lower()
        assert any(t == snake or t.startswith(snake) for t in top), (key, top)


def test_cluster_file_server_and_vault_references_are_resource_ids(
    job: Resource, sw: Swagger
) -> None:
    expected = {
        "cluster_id": "properties.cluster.id",
        "mount_volumes.file_servers.file_server_id": "fileServer.id",
        "secrets.value_secret_reference.source_vault_id": "sourceVault.id",
        "container_settings.image_source_registry.credentials.password_secret_reference.source_vault_id": "sourceVault.id",
        "mount_volumes.azure_file_shares.credentials.account_key_secret_reference.source_vault_id": "sourceVault.id",
        "mount_volumes.azure_blob_file_systems.credentials.account_key_secret_reference.source_vault_id": "sourceVault.id",
    }
    for tf_path, api in expected.items():
        prop = find(job, tf_path)
        assert prop.type.kind is TypeKind.RESOURCE_REF, tf_path
        assert prop.api_name == api, tf_path
        assert prop.type.imports == "id"
        assert prop.presence is Presence.REQUIRED
    resource_id = sw.definition("ResourceId")
    assert list(resource_id["properties"]) == ["id"] and resource_id["required"] == ["id"]
    # no toolkit/job setting is modeled inside a `cluster` block (the seed page's defect)
    assert not any(path.startswith("cluster.") for path, _ in walk(job.properties))


# ---------------------------------------------------------------- presence


def test_swagger_read_only_fields_are_computed(job: Resource, sw: Swagger) -> None:
    paths = by_api_path(job)
    read = sw.definition("Job")
    create = sw.definition("JobCreateParameters")
    for path, schema in sw.leaves(read):
        readonly_here = schema.get("readOnly")
        # anything below a read-only ancestor, too
        for i in range(1, len(path)):
            parent = sw.at(read, path[:i])
            if parent is not None and parent.get("readOnly"):
                readonly_here = True
        if not readonly_here:
            continue
        if path == ("name",):
            continue  # the URL's job name: the `name` argument
        if sw.at(create, path) is not None:
            # location and tags: read-only on the Resource envelope, settable through JobCreateParameters
            assert path in (("location",), ("tags",)), path
            continue
        tf_path, prop = paths[path]
        assert is_computed_subtree(
            job, tf_path
        ), f"read-only `{dotted(path)}` (`{tf_path}`) is not computed"


def test_response_only_job_properties_are_computed(job: Resource, sw: Swagger) -> None:
    """Keys of JobProperties (GET) that JobBaseProperties (PUT) lacks are set by the service only."""
    paths = by_api_path(job)
    base = set(sw.definition("JobBaseProperties")["properties"])
    read_only = set(sw.definition("JobProperties")["properties"]) - base
    assert read_only == {
        "jobOutputDirectoryPathSegment",
        "toolType",
        "creationTime",
        "provisioningState",
        "provisioningStateTransitionTime",
        "executionState",
        "executionStateTransitionTime",
        "executionInfo",
    }
    for key in read_only:
        tf_path, prop = paths[("properties", key)]
        assert prop.presence is Presence.COMPUTED, tf_path
        assert not prop.forces_new and prop.validation.is_empty
        for sub_path, sub in walk(prop.type.nested_properties, tf_path + "."):
            assert sub.presence is Presence.COMPUTED, sub_path
    for attr in ("id", "type"):
        assert find(job, attr).presence is Presence.COMPUTED
        assert find(job, attr).api_name == attr


def test_create_only_job_properties_are_not_read_back(job: Resource, sw: Swagger) -> None:
    """Keys of JobBaseProperties the GET model lacks (caffe2Settings, mountVolumes) keep the configured value."""
    paths = by_api_path(job)
    create_only = set(sw.definition("JobBaseProperties")["properties"]) - set(
        sw.definition("JobProperties")["properties"]
    )
    assert create_only, "the swagger now reads back everything: drop `ignore_read` from the spec"
    for key in create_only:
        tf_path, prop = paths[("properties", key)]
        assert prop.ignore_read, f"`{tf_path}` is not in the Job response model but is read back"
    ignored = {tf for tf, p in walk(job.properties) if p.ignore_read}
    assert ignored == {paths[("properties", k)][0] for k in create_only}


def test_required_matches_the_swagger(job: Resource, sw: Swagger) -> None:
    create = sw.definition("JobCreateParameters")
    for tf_path, path, prop in modeled(job.properties):
        if prop.url_param_only or is_computed_subtree(job, tf_path):
            continue
        # required inside a block: relative to the block (the parent path)
        parent_tf = tf_path.rsplit(".", 1)[0] if "." in tf_path else None
        if parent_tf is None:
            required = sw.is_required(create, path)
        else:
            parent_api = [p for t, p, _ in modeled(job.properties) if t == parent_tf][0]
            if find(job, parent_tf).type.kind is TypeKind.ARRAY:
                parent_api = parent_api + (ITEMS,)
            parent_schema = sw.at(create, parent_api)
            assert parent_schema is not None, tf_path
            required = sw.is_required(parent_schema, path[len(parent_api) :])
        assert (
            prop.presence is Presence.REQUIRED
        ) == required, f"`{tf_path}`: presence {prop.presence.value}, swagger required={required}"


def test_every_settable_top_level_argument_forces_new(job: Resource) -> None:
    for p in job.properties:
        if p.presence.settable:
            assert p.forces_new, p.name
        else:
            assert not p.forces_new, p.name


# ---------------------------------------------------------------- types, enums, defaults


def _expected_kinds(schema: dict[str, Any]) -> set[TypeKind]:
    if "enum" in schema:
        return {TypeKind.ENUM}
    t = schema.get("type")
    if t == "integer":
        return {TypeKind.INTEGER}
    if t == "boolean":
        return {TypeKind.BOOLEAN}
    if t == "number":
        return {TypeKind.DOUBLE}
    if t == "object" and "additionalProperties" in schema:
        return {TypeKind.KEY_VALUE_PAIRS, TypeKind.MAP}
    if schema.get("format") == "date-time":
        return {TypeKind.TIME}
    return {TypeKind.STRING, TypeKind.RESOURCE_REF}


def test_leaf_types_match_the_swagger(job: Resource, sw: Swagger) -> None:
    paths = by_api_path(job)
    for root in (sw.definition("JobCreateParameters"), sw.definition("Job")):
        for path, schema in sw.leaves(root):
            if path not in paths:
                continue
            tf_path, prop = paths[path]
            assert prop.type.kind in _expected_kinds(schema), (tf_path, prop.type.kind, schema)


def test_enums_match_the_swagger(job: Resource, sw: Swagger) -> None:
    paths = by_api_path(job)
    seen = set()
    for root in (sw.definition("JobCreateParameters"), sw.definition("Job")):
        for path, schema in sw.leaves(root):
            if "enum" not in schema or path in seen:
                continue
            seen.add(path)
            assert "x-ms-enum" in schema, path
            tf_path, prop = paths[path]
            assert prop.type.kind is TypeKind.ENUM, tf_path
            modeled_values = set(prop.type.enum_values)
            swagger_values = set(schema["enum"])
            if path == ("properties", "toolType"):
                extra = DEPARTURES["tool_type_extra_values"]
                assert modeled_values == swagger_values | extra
                assert schema["x-ms-enum"]["modelAsString"] is True
                for value in extra:
                    assert (
                        value in schema["description"]
                    ), "the extra value must come from the swagger's prose"
            else:
                assert modeled_values == swagger_values, tf_path
                assert list(prop.type.enum_values) == list(
                    schema["enum"]
                ), f"{tf_path}: keep the swagger's order"
    assert {p[-1] for p in seen} == {"type", "toolType", "provisioningState", "executionState"}
    # no Enum the swagger does not have
    enum_props = {tf for tf, p in walk(job.properties) if p.type.kind is TypeKind.ENUM}
    assert enum_props == {paths[p][0] for p in seen}


def test_defaults_match_the_swagger(job: Resource, sw: Swagger, putjob: dict[str, Any]) -> None:
    paths = by_api_path(job)
    for path, schema in sw.leaves(sw.definition("JobCreateParameters")):
        if "default" not in schema:
            continue
        tf_path, prop = paths[path]
        if path in DEPARTURES["default_not_copied"]:
            assert prop.default is None and prop.presence is Presence.OPTIONAL_COMPUTED, tf_path
            continue
        assert prop.default == schema["default"], tf_path
        assert type(prop.default) is type(schema["default"]), tf_path
    # the service's own form of the wall clock default, which the spec must not fight
    returned = putjob["responses"]["200"]["body"]["properties"]["constraints"]["maxWallClockTime"]
    assert returned == "P7D"
    assert find(job, "constraints").presence is Presence.OPTIONAL_COMPUTED


def test_priority_range(job: Resource, sw: Swagger) -> None:
    prop = find(job, "priority")
    described = sw.definition("JobBaseProperties")["properties"]["priority"]["description"]
    m = re.search(r"range from (-?\d+) to (-?\d+)", described)
    assert m is not None
    assert (
        (prop.validation.minimum, prop.validation.maximum)
        == (int(m.group(1)), int(m.group(2)))
        == (-1000, 1000)
    )
    assert prop.default == 0


# ---------------------------------------------------------------- secrets and relations


def test_secrets_are_sensitive_and_write_only(job: Resource) -> None:
    expected = {
        "container_settings.image_source_registry.credentials.password",
        "mount_volumes.azure_file_shares.credentials.account_key",
        "mount_volumes.azure_blob_file_systems.credentials.account_key",
        "secrets.value",
    }
    sensitive = {tf for tf, p in walk(job.properties) if p.sensitive}
    write_only = {tf for tf, p in walk(job.properties) if p.write_only}
    assert sensitive == expected
    assert write_only == expected


def test_secret_references_are_modeled(job: Resource, sw: Swagger) -> None:
    kv = sw.definition("KeyVaultSecretReference")
    paths = by_api_path(job)
    names = ("passwordSecretReference", "accountKeySecretReference", "valueSecretReference")
    refs = [tf for path, (tf, _) in paths.items() if path[-1] in names]
    assert len(refs) == 4
    for tf in refs:
        children = {c.api_name for c in find(job, tf).type.nested_properties}
        assert children == {f"{k}.id" if k == "sourceVault" else k for k in kv["properties"]}, tf


def test_one_of_relations_from_the_swagger_text(job: Resource, sw: Swagger) -> None:
    """Relations the swagger states in prose.

    "One of X or Y must be specified", "cannot be specified if X is specified", "can be specified only
    if X is specified".
    """
    paths = by_api_path(job)
    found = 0
    for root in (sw.definition("JobCreateParameters"),):
        for tf_path, path, prop in modeled(job.properties):
            if prop.url_param_only or not path:
                continue
            schema = sw.at(root, path[:-1] if path[-1] != "id" else path[:-2])
            raw = sw.at(root, path if path[-1] != "id" else path[:-1])
            if schema is None or raw is None:
                continue
            text = " ".join(str(raw.get(k, "")) for k in ("title", "description"))
            parent = path[:-1] if path[-1] != "id" else path[:-2]
            block = tf_path.rsplit(".", 1)[0] + "." if "." in tf_path else ""
            m = re.search(r"One of (\w+) or (\w+) must be (?:specified|provided)", text)
            if m:
                found += 1
                pair = sorted(block + paths[parent + (name,)][1].name for name in m.groups())
                # the relation is symmetric: both fields carry it, whichever one the swagger says it on
                for member in pair:
                    assert sorted(find(job, member).exactly_one_of) == pair, member
            m = re.search(r"cannot be specified if (\w+) is specified", text)
            if m:
                found += 1
                assert prop.conflicts_with == (
                    block + paths[parent + (m.group(1),)][1].name,
                ), tf_path
            m = re.search(r"can be specified only if (?:the )?(\w+) is specified", text)
            if m:
                found += 1
                assert prop.required_with == (
                    block + paths[parent + (m.group(1),)][1].name,
                ), tf_path
    # password + its reference, 2 x (account key + its reference), the secret value reference (the
    # swagger says it on `valueSecretReference` only), caffe x 3
    assert found == 10


# ---------------------------------------------------------------- descriptions


def test_no_empty_descriptions(job: Resource) -> None:
    for tf, p in walk(job.properties):
        assert p.description.strip(), tf
        assert p.description.strip().endswith(
            (".", ")", "`")
        ), f"`{tf}`: end the description with a full stop"


def test_settings_are_not_under_cluster_and_names_are_fixed(job: Resource) -> None:
    top = {p.name for p in job.properties}
    for name in (
        "caffe2_settings",
        "caffe_settings",
        "chainer_settings",
        "cntk_settings",
        "constraints",
        "container_settings",
        "custom_toolkit_settings",
        "environment_variables",
        "experiment_name",
        "input_directories",
        "job_preparation",
        "mount_volumes",
        "output_directories",
        "priority",
        "py_torch_settings",
        "secrets",
        "tensor_flow_settings",
        "tags",
    ):
        assert name in top, name
    assert "caffe2settings" not in top and "cluster" not in top


# ---------------------------------------------------------------- examples

ATTR = re.compile(r"^(?P<indent> *)(?P<key>[a-z_][a-z0-9_]*)(?P<pad> *)= (?P<value>.*)$")
BLOCK = re.compile(r"^(?P<indent> *)(?P<key>[a-z_][a-z0-9_]*) \{$")


def _check_hcl(job: Resource, config: str) -> dict[str, str]:
    """Every argument/block is a settable property at that nesting; `=` aligned per group; 2-space indents."""
    lines = config.rstrip("\n").split("\n")
    assert lines[0] == f'resource "{job.terraform_name}" "example" {{', lines[0]
    assert lines[-1] == "}"
    stack: list[str] = []
    values: dict[str, str] = {}
    group: list[tuple[int, int]] = []  # (depth, column of '=')
    in_map = 0

    def flush() -> None:
        cols = {c for _, c in group}
        assert len(cols) <= 1, f"`=` not aligned in a group: {group}"
        group.clear()

    for line in lines[1:-1]:
        if not line.strip():
            flush()
            continue
        indent = len(line) - len(line.lstrip(" "))
        assert indent % 2 == 0, line
        if in_map:
            if line.strip() == "}":
                in_map -= 1
            continue
        if line.strip() == "}":
            flush()
            stack.pop()
            continue
        assert indent == 2 * (len(stack) + 1), f"bad indent: {line!r}"
        m = BLOCK.match(line)
        if m:
            flush()
            path = ".".join(stack + [m["key"]])
            prop = find(job, path)
            assert prop.type.is_block and prop.presence.settable, path
            stack.append(m["key"])
            continue
        m = ATTR.match(line)
        assert m, f"not HCL of this style: {line!r}"
        path = ".".join(stack + [m["key"]])
        prop = find(job, path)
        assert prop.presence.settable, path
        group.append((len(stack), line.index("=")))
        if m["value"] == "{":
            in_map += 1
        values.setdefault(path, m["value"])
    flush()
    return values


def test_basic_example_follows_putjob(job: Resource, putjob: dict[str, Any]) -> None:
    examples = {e.name: e for e in job.examples}
    assert "basic" in examples
    basic = examples["basic"]
    values = _check_hcl(job, basic.config)
    props = putjob["parameters"]["parameters"]["properties"]
    q = lambda s: json.dumps(s)  # noqa: E731 - HCL string literal == JSON string literal here
    assert values["location"] == q(putjob["parameters"]["parameters"]["location"])
    assert values["node_count"] == str(props["nodeCount"])
    assert values["std_out_err_path_prefix"] == q(props["stdOutErrPathPrefix"])
    assert values["custom_toolkit_settings.command_line"] == q(
        props["customToolkitSettings"]["commandLine"]
    )
    assert values["container_settings.image_source_registry.image"] == q(
        props["containerSettings"]["imageSourceRegistry"]["image"]
    )
    assert values["input_directories.id"] == q(props["inputDirectories"][0]["id"])
    assert values["input_directories.path"] == q(props["inputDirectories"][0]["path"])
    out = props["outputDirectories"][0]
    assert values["output_directories.id"] == q(out["id"])
    assert values["output_directories.path_prefix"] == q(out["pathPrefix"])
    assert values["output_directories.path_suffix"] == q(out["pathSuffix"])
    assert values["output_directories.type"] == q(out["type"])
    assert values["output_directories.create_new"] == json.dumps(out["createNew"])
    for var in ("job_name", "resource_group", "cluster_id"):
        assert "{{" + var + "}}" in basic.config
    ex_vars = {v.name: v for v in basic.vars}
    assert ex_vars["job_name"].docs == "example-job"
    for v in basic.vars:
        assert "{random}" in v.test, v.name
        assert "{random}" not in v.docs and v.docs.strip(), v.name


def test_every_example_is_well_formed_hcl(job: Resource) -> None:
    assert len(job.examples) >= 2
    for ex in job.examples:
        _check_hcl(job, ex.config)
        for v in ex.vars:
            assert "{random}" in v.test, (ex.name, v.name)
            assert "{random}" not in v.docs, (ex.name, v.name)


def test_full_example_exercises_nested_blocks(job: Resource) -> None:
    full = {e.name: e for e in job.examples}["full"]
    values = _check_hcl(job, full.config)
    for path in (
        "mount_volumes.azure_file_shares.credentials.account_key",
        "environment_variables.name",
        "secrets.value",
        "secrets.value_secret_reference.source_vault_id",
        "constraints.max_wall_clock_time",
        "tensor_flow_settings.python_script_file_path",
        "container_settings.image_source_registry.credentials.password_secret_reference.secret_url",
    ):
        assert path in values, path
