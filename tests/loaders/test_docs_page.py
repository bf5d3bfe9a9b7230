"""The docs-page loader: the seed's exact argument tree, today's corpus, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.loaders.docs import load_docs_page, load_docs_text
from generator.model.nodes import Presence, Property, TypeKind
from generator.validate import walk

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_42d8fc5112adecf5.txt"
CORPUS = SHARED / "corpus" / "azurerm-docs"

needs_shared = pytest.mark.skipif(
    not SEED.is_file(), reason=f"shared corpus not found at {SHARED} (it sits beside the clone)"
)

# --- the seed's tree, written by hand from reading the page ------------------------------
# A node is (name, presence, forces_new, block) where block is None for a plain value or
# ("one" | "many", [children]).
R, OPT, C = Presence.REQUIRED, Presence.OPTIONAL, Presence.COMPUTED
Node = tuple[str, Presence, bool, tuple[str, list["Node"]] | None]


def f(name: str, presence: Presence, forces_new: bool = False) -> Node:
    return (name, presence, forces_new, None)


def one(name: str, presence: Presence, children: list[Node]) -> Node:
    return (name, presence, False, ("one", children))


def many(name: str, presence: Presence, children: list[Node]) -> Node:
    return (name, presence, False, ("many", children))


def computed(*names: str) -> list[Node]:
    return [f(n, C) for n in names]


SEED_TREE: list[Node] = [
    f("name", R, True),
    f("resource_group", R, True),
    f("location", R, True),
    one(
        "cluster",
        R,
        [
            f("id", R),
            one(
                "caffe2settings",
                OPT,
                [
                    f("python_script_file_path", R),
                    f("python_interpreter_path", OPT),
                    f("command_line_args", OPT),
                ],
            ),
            one(
                "caffe_settings",
                OPT,
                [
                    f("config_file_path", OPT),
                    f("python_script_file_path", OPT),
                    f("python_interpreter_path", OPT),
                    f("command_line_args", OPT),
                    f("process_count", OPT),
                ],
            ),
            one(
                "chainer_settings",
                OPT,
                [
                    f("python_script_file_path", R),
                    f("python_interpreter_path", OPT),
                    f("command_line_args", OPT),
                    f("process_count", OPT),
                ],
            ),
            one(
                "cntk_settings",
                OPT,
                [
                    f("language_type", OPT),
                    f("config_file_path", OPT),
                    f("python_script_file_path", OPT),
                    f("python_interpreter_path", OPT),
                    f("command_line_args", OPT),
                    f("process_count", OPT),
                ],
            ),
            one("constraints", OPT, [f("max_wall_clock_time", OPT)]),
            one(
                "container_settings",
                OPT,
                [
                    one(
                        "image_source_registry",
                        R,
                        [
                            f("server_url", OPT),
                            f("image", R),
                            one("credentials", OPT, [f("username", R), f("password", OPT)]),
                        ],
                    )
                ],
            ),
            one("custom_toolkit_settings", OPT, [f("command_line", OPT)]),
            many("environment_variables", OPT, [f("name", R), f("value", R)]),
            f("experiment_name", OPT),
            many("input_directories", OPT, [f("id", R), f("path", R)]),
            one("job_preparation", OPT, [f("command_line", R)]),
            one(
                "mount_volumes",
                OPT,
                [
                    many(
                        "azure_file_shares",
                        OPT,
                        [
                            f("account_name", R),
                            f("azure_file_url", R),
                            one("credentials", R, [f("account_key", OPT)]),
                            f("relative_mount_path", R),
                            f("file_mode", OPT),
                            f("directory_mode", OPT),
                        ],
                    ),
                    many(
                        "azure_blob_file_systems",
                        OPT,
                        [
                            f("account_name", R),
                            f("container_name", R),
                            one("credentials", R, [f("account_key", OPT)]),
                            f("relative_mount_path", R),
                            f("mount_options", OPT),
                        ],
                    ),
                    many(
                        "file_servers",
                        OPT,
                        [
                            one("file_server", R, [f("id", R)]),
                            f("source_directory", OPT),
                            f("relative_mount_path", R),
                            f("mount_options", OPT),
                        ],
                    ),
                    many(
                        "unmanaged_file_systems",
                        OPT,
                        [f("mount_command", R), f("relative_mount_path", R)],
                    ),
                ],
            ),
            many(
                "output_directories",
                OPT,
                [
                    f("id", R),
                    f("path_prefix", R),
                    f("path_suffix", OPT),
                    f("type", OPT),
                    f("create_new", OPT),
                ],
            ),
            f("priority", OPT),
            one(
                "py_torch_settings",
                OPT,
                [
                    f("python_script_file_path", R),
                    f("python_interpreter_path", OPT),
                    f("command_line_args", OPT),
                    f("process_count", OPT),
                    f("communication_backend", OPT),
                ],
            ),
            many(
                "secrets",
                OPT,
                [
                    f("name", R),
                    f("value", OPT),
                    one(
                        "value_secret_reference",
                        OPT,
                        [one("source_vault", R, [f("id", R)]), f("secret_url", R)],
                    ),
                ],
            ),
            one(
                "tensor_flow_settings",
                OPT,
                [
                    f("python_script_file_path", R),
                    f("python_interpreter_path", OPT),
                    f("master_command_line_args", OPT),
                    f("worker_command_line_args", OPT),
                    f("parameter_server_command_line_args", OPT),
                    f("worker_count", OPT),
                    f("parameter_server_count", OPT),
                ],
            ),
            f("tags", OPT, True),
        ],
    ),
    f("node_count", R),
    f("std_out_err_path_prefix", R),
    # Attributes Reference: `id` is Terraform's own; `name` repeats the argument.
    *computed(
        "job_output_directory_path_segment",
        "tool_type",
        "creation_time",
        "provisioning_state",
        "provisioning_state_transition_time",
        "execution_state",
        "execution_state_transition_time",
    ),
    one(
        "execution_info",
        C,
        [
            *computed("start_time", "end_time", "exit_code"),
            many(
                "errors",
                C,
                [*computed("code", "message"), many("details", C, computed("name", "value"))],
            ),
        ],
    ),
    f("type", C),
]


def shape(props: tuple[Property, ...]) -> list[Node]:
    out: list[Node] = []
    for p in props:
        block: tuple[str, list[Node]] | None = None
        t = p.type
        if t.kind is TypeKind.NESTED_OBJECT:
            block = ("one", shape(t.properties))
        elif (
            t.kind is TypeKind.ARRAY
            and t.item is not None
            and t.item.kind is TypeKind.NESTED_OBJECT
        ):
            block = ("many", shape(t.item.properties))
        out.append((p.name, p.presence, p.forces_new, block))
    return out


def by_path(props: tuple[Property, ...]) -> dict[str, Property]:
    return dict(walk(props))


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    if not SEED.is_file():
        pytest.skip(f"shared corpus not found at {SHARED}")
    return load_docs_page(str(SEED))


@needs_shared
def test_seed_argument_tree_is_exact(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed.resource is not None
    assert shape(seed.resource.properties) == SEED_TREE


@needs_shared
def test_seed_reused_block_names_resolve_in_document_order(seed) -> None:  # type: ignore[no-untyped-def]
    props = by_path(seed.resource.properties)
    registry = props["cluster.container_settings.image_source_registry.credentials"]
    share = props["cluster.mount_volumes.azure_file_shares.credentials"]
    blob = props["cluster.mount_volumes.azure_blob_file_systems.credentials"]
    assert [p.name for p in registry.type.properties] == ["username", "password"]
    assert [p.name for p in share.type.properties] == ["account_key"]
    assert [p.name for p in blob.type.properties] == ["account_key"]
    inner = props["cluster.mount_volumes.file_servers.file_server"]
    assert [p.name for p in inner.type.properties] == ["id"]


@needs_shared
def test_seed_resource_level_facts(seed) -> None:  # type: ignore[no-untyped-def]
    res = seed.resource
    assert (res.name, res.terraform_name) == ("job", "azurerm_job")
    assert res.description == "Manage Azure Job instance."
    props = by_path(res.properties)
    assert props["cluster.caffe2settings.python_script_file_path"].description == ""
    assert props["node_count"].type.kind is TypeKind.INTEGER
    priority = props["cluster.priority"]
    assert (priority.type.kind, priority.default) == (TypeKind.INTEGER, 0)
    assert (priority.validation.minimum, priority.validation.maximum) == (-1000, 1000)
    lang = props["cluster.cntk_settings.language_type"]
    assert lang.type.enum_values == ("BrainScript", "Python")
    out_type = props["cluster.output_directories.type"]
    assert out_type.type.enum_values == ("Model", "Logs", "Summary", "Custom")
    assert out_type.default == "Custom"
    assert props["cluster.output_directories.create_new"].default is True
    assert props["cluster.mount_volumes.azure_file_shares.file_mode"].default == "0777"
    assert props["cluster.tags"].type.kind is TypeKind.KEY_VALUE_PAIRS
    assert props["cluster.caffe2settings"].api_name == "caffe2settings"
    assert props["std_out_err_path_prefix"].api_name == "stdOutErrPathPrefix"
    codes = {d.code for d in seed.diagnostics}
    assert not any(d.is_error for d in seed.diagnostics)
    assert {"docs-no-import", "docs-duplicate-attribute"} <= codes


@needs_shared
def test_seed_guesses_are_recorded(seed) -> None:  # type: ignore[no-untyped-def]
    guesses = {(g.path, g.message) for g in seed.guesses}
    paths = {g.path for g in seed.guesses}
    assert any("caffe2setting" in m for p, m in guesses if p == "properties.cluster.caffe2settings")
    assert any("line 229" in m for p, m in guesses if p.endswith("azure_file_shares.credentials"))
    assert any("Enum" in m for p, m in guesses if p == "properties.tool_type")
    assert any("computed" in m for p, m in guesses if p == "properties.execution_info.start_time")
    assert "api.id_template" in paths
    assert sum("api_name" in m for _, m in guesses) == 1


# --- today's corpus ----------------------------------------------------------------------

CORPUS_PAGES = sorted(CORPUS.glob("*.markdown")) if CORPUS.is_dir() else []
# Fields at every depth: exact for the small pages (counted by hand), a floor for the rest.
MIN_FIELDS = {
    "resource_group": 4,
    "batch_job": 6,
    "batch_account": 30,
    "container_group": 100,
    "frontdoor": 60,
}


@needs_shared
@pytest.mark.parametrize("page", CORPUS_PAGES, ids=lambda p: p.name.split(".")[0])
def test_corpus_page_loads_cleanly(page: Path) -> None:
    result = load_docs_page(str(page))
    errors = [d.to_text() for d in result.diagnostics if d.is_error]
    assert errors == []
    assert result.resource is not None and result.product is not None
    res = result.resource
    assert res.terraform_name == "azurerm_" + page.name.split(".")[0]
    assert len(res.properties) >= 4
    assert len(list(walk(res.properties))) >= MIN_FIELDS.get(page.name.split(".")[0], 4)
    # An ARM id, or (under a parent whose id an argument holds) that argument's, then its own.
    parents = {p.name: p.parent_id for p in res.properties if p.parent_id}
    arm = res.rest.id_template
    for name, parent in parents.items():
        arm = arm.replace("{" + name + "}", parent or "")
    assert arm.startswith("/subscriptions/{subscription_id}/resourceGroups/")
    assert res.examples and res.terraform_name in res.examples[0].config
    assert all(p.description for _, p in walk(res.properties))


def load_corpus(name: str) -> dict[str, Property]:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED}")
    result = load_docs_page(str(CORPUS / f"{name}.html.markdown"))
    assert result.resource is not None
    return by_path(result.resource.properties)


def test_batch_job_fields() -> None:
    props = load_corpus("batch_job")
    retry = props["task_retry_maximum"]
    assert (retry.presence, retry.type.kind, retry.forces_new) == (OPT, TypeKind.INTEGER, False)
    assert props["name"].forces_new and props["name"].presence is R
    assert props["batch_pool_id"].forces_new
    assert props["priority"].default == 0
    assert props["common_environment_properties"].type.kind is TypeKind.KEY_VALUE_PAIRS


def test_container_group_nested_blocks() -> None:
    props = load_corpus("container_group")
    ports = props["container.ports"]
    assert ports.type.kind is TypeKind.ARRAY and ports.type.item is not None
    assert [p.name for p in ports.type.item.properties] == ["port", "protocol"]
    assert props["container.ports.protocol"].type.enum_values == ("TCP", "UDP")
    assert props["container.volume.git_repo.url"].presence is R
    assert props["container.readiness_probe.http_get.scheme"].type.enum_values == ("Http", "Https")
    assert props["init_container.volume.read_only"].default is False
    assert props["identity.principal_id"].presence is C
    assert props["identity.type"].presence is R
    assert props["exposed_port"].type.kind is TypeKind.ARRAY
    assert props["zones"].type.kind is TypeKind.ARRAY
    assert props["sku"].default == "Standard"
    assert props["ip_address"].presence is C


def test_timeouts_import_and_api_version() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED}")
    cg = load_docs_page(str(CORPUS / "container_group.html.markdown")).resource
    assert cg is not None
    assert (cg.timeouts.create, cg.timeouts.read, cg.timeouts.update, cg.timeouts.delete) == (
        60,
        5,
        30,
        30,
    )
    assert cg.rest.api_version == "2025-09-01"
    assert cg.rest.id_template.endswith(
        "providers/Microsoft.ContainerInstance/containerGroups/{name}"
    )
    rg = load_docs_page(str(CORPUS / "resource_group.html.markdown")).resource
    assert (
        rg is not None
        and rg.rest.id_template == "/subscriptions/{subscription_id}/resourceGroups/{name}"
    )
    fd = load_docs_page(str(CORPUS / "frontdoor.html.markdown"))
    assert fd.resource is not None and fd.resource.timeouts.create == 360
    fd_props = by_path(fd.resource.properties)
    assert fd_props["backend_pool.backend.address"].presence is R
    assert fd_props["backend_pool.backend.id"].presence is C
    assert fd_props["backend_pool.backend.http_port"].validation.maximum == 65535
    assert "docs-block-above" in {d.code for d in fd.diagnostics}


# --- bad pages ---------------------------------------------------------------------------


def load(tmp_path: Path, data: str | bytes):  # type: ignore[no-untyped-def]
    page = tmp_path / "page.html.markdown"
    page.write_bytes(data.encode() if isinstance(data, str) else data)
    return load_docs_page(str(page))


def codes(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {d.code for d in result.diagnostics}


def test_empty_page(tmp_path: Path) -> None:
    result = load(tmp_path, "  \n")
    assert result.resource is None and "docs-empty" in codes(result)
    assert result.diagnostics[0].location.line == 1


def test_binary_page(tmp_path: Path) -> None:
    result = load(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00garbage")
    assert result.resource is None and "docs-binary" in codes(result)


def test_missing_file(tmp_path: Path) -> None:
    result = load_docs_page(str(tmp_path / "nope.md"))
    assert result.resource is None and codes(result) == {"io"}


def test_page_without_arguments(tmp_path: Path) -> None:
    result = load(tmp_path, "# azurerm_thing\n\nManages a thing.\n\n## Import\n\nNothing.\n")
    assert result.resource is None and "docs-no-arguments" in codes(result)
    diag = next(d for d in result.diagnostics if d.code == "docs-no-arguments")
    assert diag.location.line == 1 and diag.is_error


def test_unresolved_block_is_an_error_with_its_line(tmp_path: Path) -> None:
    page = (
        "# azurerm_thing\n\nManages a thing.\n\n## Arguments Reference\n\n"
        "* `name` - (Required) The name.\n\n"
        "* `settings` - (Optional) A `setting` block as defined below.\n\n"
        "---\n\nA `other` block supports the following:\n\n* `x` - (Optional) X.\n"
    )
    result = load(tmp_path, page)
    unresolved = [d for d in result.diagnostics if d.code == "docs-unresolved-block"]
    assert len(unresolved) == 1 and unresolved[0].is_error
    assert (unresolved[0].location.line, unresolved[0].location.col) == (9, 3)
    unused = [d for d in result.diagnostics if d.code == "docs-unused-block"]
    assert len(unused) == 1 and unused[0].location.line == 13


def test_block_cycle_is_reported_not_recursed(tmp_path: Path) -> None:
    page = (
        "# azurerm_loop\n\n## Arguments Reference\n\n* `a` - (Optional) An `a` block as defined below.\n\n"
        "---\n\nAn `a` block supports the following:\n\n* `b` - (Optional) A `b` block as defined below.\n\n"
        "---\n\nA `b` block supports the following:\n\n* `a` - (Optional) An `a` block as defined below.\n"
    )
    result = load(tmp_path, page)
    assert result.resource is not None
    assert "docs-block-above" in codes(result) or "docs-block-cycle" in codes(result)
    assert len(list(walk(result.resource.properties))) < 50


@needs_shared
@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mutated_seed_never_raises(data: st.DataObject) -> None:
    text = SEED.read_bytes()
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 400)))
        insert = data.draw(
            st.binary(max_size=20) | st.sampled_from([b"---\n", b"* `x` - ", b"`", b"\n\n"])
        )
        text = text[:start] + insert + text[end:]
    result = load_docs_text(text, "mutated.md")
    assert "docs-internal" not in codes(result)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "# azurerm_x\n",
                "## Arguments Reference\n",
                "## Attributes Reference\n",
                "## Import\n",
                "## Timeouts\n",
                "---\n",
                "* `a` - (Required) A `a` block as defined below.\n",
                "* `b` - (Optional) One or more `b` blocks as defined below. Defaults to `3`.\n",
                "The `a` block supports the following:\n",
                "A `b` block exports the following:\n",
                "* `create` - (Defaults to 2 hours) x\n",
                "```shell\nterraform import azurerm_x.e /subscriptions/1/resourceGroups/g/providers/M.N/xs/x1\n```\n",
                "\n",
            ]
        )
        | st.text(max_size=30),
        max_size=25,
    )
)
def test_random_pages_never_raise(parts: list[str]) -> None:
    result = load_docs_text("".join(parts).encode("utf-8", "surrogatepass"), "random.md")
    assert "docs-internal" not in codes(result)


def test_frontdoor_lists_its_example_writes_are_arrays() -> None:
    """frontdoor's text reads `accepted_protocols` as one value ("Possible values are `Http`
    and `Https`"); its example writes a list, and the imported spec's example must check."""
    props = load_corpus("frontdoor")
    protocols = props["routing_rule.accepted_protocols"]
    assert protocols.type.kind is TypeKind.ARRAY and protocols.type.item is not None
    assert protocols.type.item.kind is TypeKind.ENUM
    assert protocols.type.item.enum_values == ("Http", "Https")
    assert props["routing_rule.patterns_to_match"].type.kind is TypeKind.ARRAY
