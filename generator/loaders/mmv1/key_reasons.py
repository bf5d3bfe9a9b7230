"""Why each mmv1 key the loader reports is not carried (part of `generator.loaders.mmv1`).

Every `mmv1-unsupported-key` warning names its reason: keys holding upstream's Go code
get theirs from `reader.GO_CODE_REASONS` (by pattern), the others from `KEY_REASONS`
below (by dotted name). docs/spec-format.md lists every key with its reason, and
tests/loaders/test_mmv1_key_reasons.py holds the list to what the shared corpus reports.
"""

from __future__ import annotations

_IDENTITY = "resource identity (Terraform 1.12 `identity` blocks): mmgen's providers have none"
_POLL = "PollAsync polling, which is read as a plain synchronous API (`async.type=PollAsync`)"
_ELEMENT = "a key of an element type; the field's own key decides, as upstream's pages show"
_UPGRADE = (
    "upstream's state migrations are Go code; mmgen's providers carry state over by "
    "attribute name"
)
_NOT_GENERATED = "data sources and list resources, which mmgen does not generate"
_TEST_SETUP = "test-environment setup of upstream's generated tests, outside the provider"

KEY_REASONS: dict[str, str] = {
    "resource.api_resource_type_kind": (
        "the API's resource kind for upstream's listing and asset tooling; no call or page "
        "uses it"
    ),
    "resource.api_variant_patterns": (
        "the API's URL patterns for a resource's other parents, for upstream's metadata "
        "tooling; no call uses them"
    ),
    "resource.api_resource_field": (
        "the parent's field a fine-grained resource lives in, for upstream's asset "
        "tooling; no call uses it"
    ),
    "resource.kind": "the API's `kind` string, for upstream's other generators; no call uses it",
    "resource.collection_url_key": (
        "the key of the list in a collection's answer: only listing uses it (data sources, "
        "sweepers), which mmgen does not generate"
    ),
    "resource.mutex": (
        "a lock upstream's provider holds around each call of resources that share it; "
        "mmgen's providers do not serialize calls"
    ),
    "resource.iam_policy": (
        "the IAM resources upstream generates beside the resource (`_iam_policy`, "
        "`_iam_binding`, `_iam_member`); mmgen generates no IAM resources"
    ),
    "resource.deletion_policy_custom_docs(no field)": (
        "the spec declares no `deletion_policy` field whose text would document it; the "
        "standard text is used"
    ),
    "resource.exclude_identity_generation": _IDENTITY,
    "resource.identity_schema_version": _IDENTITY,
    "resource.identity_upgraders": _IDENTITY,
    "resource.state_upgraders": _UPGRADE,
    "resource.state_upgrade_base_schema_version": _UPGRADE,
    "resource.migrate_state": _UPGRADE,
    "resource.error_retry_predicates": (
        "names Go functions of upstream's provider that decide which errors to retry"
    ),
    "resource.error_abort_predicates": (
        "names Go functions of upstream's provider that decide which errors not to retry"
    ),
    "resource.read_error_transform": "names a Go function of upstream's provider",
    "resource.supports_indirect_user_project_override": (
        "a billing project (user project override) taken from a URL; mmgen's providers "
        "send no billing project"
    ),
    "resource.legacy_long_form_project": (
        "accepts `projects/<id>` where a project id is expected, for old configurations; "
        "mmgen's providers take the project id as written"
    ),
    "resource.taint_resource_on_failed_create": (
        "mmgen's providers always keep a create the API accepted in state, tainted"
    ),
    "resource.datasource_experimental": _NOT_GENERATED,
    "resource.generate_list_resource": _NOT_GENERATED,
    "resource.list_filter": _NOT_GENERATED,
    "resource.exclude_attribution_label": (
        "opts out of upstream's provisioned-by-Terraform label; mmgen's providers add none"
    ),
    "resource.read_query_params": (
        "query parameters upstream appends to reads (`?view=FULL`); mmgen's reads ask for "
        "the API's default view"
    ),
    "resource.bypass_clientside_update_check": "turns off a check of upstream's Go update code",
    "resource.filename_override": (
        "the name of upstream's generated Go file; mmgen names files after the resource"
    ),
    "async.include_project": (
        "hands the project to upstream's operation poller for its billing project; "
        "mmgen's providers send no billing project"
    ),
    "async.suppress_error": _POLL,
    "async.target_occurrences": _POLL,
    "property.client_side": (
        "a Terraform-only field that upstream's custom Go code reads; without that code it "
        "means nothing to the API"
    ),
    "virtual_field.client_side": "a virtual field is client-side already",
    "property.item_validation": (
        "checks each element of an Array (a regex or a Go function); the model validates "
        "whole values"
    ),
    "property.exclude_docs_values": (
        "leaves an Enum's values off upstream's page; mmgen's page lists what is accepted"
    ),
    "item_type.description": _ELEMENT,
    "item_type.name": _ELEMENT,
    "item_type.output": _ELEMENT,
    "item_type.validation": _ELEMENT,
    "item_type.exactly_one_of": _ELEMENT,
    "item_type.immutable": _ELEMENT,
    "value_type.description": _ELEMENT,
    "value_type.output": _ELEMENT,
    "docs.optional_properties": (
        "Markdown upstream appends to its page, about fields its custom Go code adds; "
        "those fields are not in the model"
    ),
    "step.exclude_import_test": (
        "skips the import step of upstream's test; mmgen's acceptance tests verify every "
        "import (a field that does not read back goes in `ignore_read_fields`)"
    ),
    "sample.external_providers": (
        "other providers upstream's test installs (random, time); mmgen's acceptance tests "
        "run the generated provider alone"
    ),
    "example.external_providers": (
        "other providers upstream's test installs (random, time); mmgen's acceptance tests "
        "run the generated provider alone"
    ),
    "sample.bootstrap_iam": _TEST_SETUP,
    "sample.region_override": (
        "the region upstream's test runs in; mmgen's tests take the provider's region "
        "(`GOOGLE_REGION`)"
    ),
    "sample.skip_func": "names a Go function that skips upstream's test",
    "version.rep_url": (
        "a regional endpoint of the API version; mmgen's providers call the version's " "`base_url`"
    ),
    "product.packagepath": "ignored by upstream's generator too",
}


def key_reason(name: str) -> str | None:
    """Why the dotted key `name` is not carried, when the table says."""
    return KEY_REASONS.get(name)
