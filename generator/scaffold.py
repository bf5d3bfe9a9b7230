"""`mmgen init`: a provider.yaml, a product.yaml and one resource spec to start from.

The three files validate clean, generate for every target, and pass their generated
acceptance tests against the emulator as written (tests/cli/test_init.py runs all of
it), so a new team starts from something that works and edits it towards their API.
Nothing is overwritten: when any of the files exists, nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .confine import Escape, output_path
from .writer import write_text_atomic

FAMILIES = ("azurerm", "google", "generic")
SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")
PROVIDER_NAME = re.compile(r"[a-z][a-z0-9]*")  # Terraform provider names have no `_`


@dataclass(frozen=True)
class Scaffold:
    files: dict[str, str]  # relative path -> text, in writing order


class InitError(ValueError):
    """A name or a folder `init` cannot use; the message says what to do."""


def _title(name: str) -> str:
    return " ".join(w.capitalize() for w in name.split("_"))


def _pascal(name: str) -> str:
    return "".join(w.capitalize() for w in name.split("_"))


def check_names(provider: str, product: str, resource: str) -> None:
    if not PROVIDER_NAME.fullmatch(provider):
        raise InitError(
            f"--provider `{provider}`: a provider name is lower-case letters and digits, "
            "starting with a letter (e.g. `acme`)"
        )
    for flag, value in (("--product", product), ("--resource", resource)):
        if not SNAKE.fullmatch(value):
            raise InitError(
                f"{flag} `{value}`: use snake_case (lower-case letters, digits and single "
                "`_`, starting with a letter; e.g. `storage_account`)"
            )


def scaffold(provider: str, product: str, resource: str, family: str) -> Scaffold:
    """The files, by path relative to the spec folder; names must pass `check_names`."""
    check_names(provider, product, resource)
    if family not in FAMILIES:
        raise InitError(f"--family `{family}`: choose one of {', '.join(FAMILIES)}")
    shape = {"azurerm": _azurerm, "google": _google, "generic": _generic}[family]
    product_yaml, api, url_props, example_scope, example_vars = shape(provider, product, resource)
    provider_yaml = f"""\
# The provider: its name prefixes every resource type (`{provider}_...`). See
# docs/spec-format.md#the-provider-spec for every key.
name: {provider}
display_name: {_title(provider)}
docs_family: {family}
products: [{product}]
"""
    typename = f"{provider}_{resource}"
    resource_yaml = f"""\
# A resource spec scaffolded by `mmgen init`: edit it towards your API, then run
# `mmgen validate` and `mmgen generate`. Every key: docs/spec-format.md#resource-specs.
name: {resource}
description: |
  Manages a {_title(resource)} of {_title(product)}.
{api}
timeouts: {{create: 10, read: 5, update: 10, delete: 10}}
properties:
{url_props}
  - name: display_name
    type: String
    presence: optional
    api_name: properties.displayName
    description: A human-readable name shown in the console.
  - name: capacity
    type: Integer
    presence: optional
    api_name: properties.capacity
    validation: {{min: 1, max: 100}}
    description: How many units to provision, from 1 to 100.
  - name: enabled
    type: Boolean
    presence: optional
    api_name: properties.enabled
    description: Whether the {_title(resource).lower()} serves requests.
examples:
  - name: basic
    vars:
      {resource}_name: {{docs: example-{resource.replace("_", "-")}, test: "tf-test-{{random}}"}}
{example_vars}    config: |
      resource "{typename}" "example" {{
        name = "{{{{{resource}_name}}}}"
{example_scope}        display_name = "Example"
        capacity = 2
        enabled = true
      }}
"""
    return Scaffold(
        {
            "provider.yaml": provider_yaml,
            f"{product}/product.yaml": product_yaml,
            f"{product}/{resource}.yaml": resource_yaml,
        }
    )


def _url_prop(name: str, description: str) -> str:
    return f"""\
  - name: {name}
    type: String
    presence: required
    forces_new: true
    url_param_only: true
    description: {description}"""


def _azurerm(provider: str, product: str, resource: str) -> tuple[str, str, str, str, str]:
    product_yaml = f"""\
# The product: one API (one version of it) and the provider settings its URLs use.
name: {product}
display_name: {_title(product)}
prefix: {provider}
api_style: arm
versions:
  - name: "2024-01-01"
    base_url: https://management.azure.com/
params:
  - name: subscription_id
    env: ARM_SUBSCRIPTION_ID
    description: The ID of the Azure subscription the resources are managed in.
"""
    collection = (
        "subscriptions/{subscription_id}/resourceGroups/{resource_group_name}/providers/"
        f"Microsoft.{_pascal(product)}/{_pascal(resource)[0].lower() + _pascal(resource)[1:]}s"
    )
    api = f"""\
api:
  base_url: {collection}
  id_template: /{collection}/{{name}}
  api_version: "2024-01-01"
  update_verb: PATCH"""
    props = "\n".join(
        [
            _url_prop("name", f"The name of the {_title(resource)}."),
            _url_prop("resource_group_name", "The resource group the resource is in."),
            """\
  - name: location
    type: String
    presence: required
    forces_new: true
    api_name: location
    description: The Azure region the resource is in.""",
        ]
    )
    scope = (
        '        resource_group_name = "{{resource_group_name}}"\n'
        '        location = "westeurope"\n'
    )
    example_vars = (
        '      resource_group_name: {docs: example-resources, test: "tf-test-rg-{random}"}\n'
    )
    return product_yaml, api, props, scope, example_vars


def _google(provider: str, product: str, resource: str) -> tuple[str, str, str, str, str]:
    product_yaml = f"""\
# The product: one API (one version of it) and the provider settings its URLs use.
name: {product}
display_name: {_title(product)}
prefix: {provider}
api_style: google
versions:
  - name: v1
    base_url: https://{product.replace("_", "")}.googleapis.com/v1/
params:
  - name: project
    env: GOOGLE_PROJECT
    description: The ID of the Google Cloud project the resources are managed in.
"""
    plural = _pascal(resource)[0].lower() + _pascal(resource)[1:] + "s"
    collection = f"projects/{{project}}/locations/{{location}}/{plural}"
    api = f"""\
api:
  base_url: {collection}?{_pascal(resource)[0].lower() + _pascal(resource)[1:]}Id={{name}}
  id_template: {collection}/{{name}}
  update_verb: PATCH"""
    props = "\n".join(
        [
            _url_prop("name", f"The name of the {_title(resource)}."),
            _url_prop("location", "The region the resource is in."),
        ]
    )
    return product_yaml, api, props, '        location = "europe-west1"\n', ""


def _generic(provider: str, product: str, resource: str) -> tuple[str, str, str, str, str]:
    product_yaml = f"""\
# The product: one API (one version of it). A REST API of your own: the collection is
# `base_url` below, a resource lives at `id_template`.
name: {product}
display_name: {_title(product)}
prefix: {provider}
versions:
  - name: v1
    base_url: https://{product.replace("_", "-")}.example.com/
"""
    plural = resource.replace("_", "-") + "s"
    api = f"""\
api:
  base_url: {plural}
  id_template: /{plural}/{{name}}
  update_verb: PATCH"""
    props = _url_prop("name", f"The name of the {_title(resource)}.")
    return product_yaml, api, props, "", ""


def write_scaffold(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write every file atomically, or none: refuses when one of them exists already."""
    targets = []
    for rel in files:
        try:
            targets.append(output_path(folder, rel))
        except Escape as exc:
            raise InitError(f"{folder}: {exc}") from exc
    existing = [t for t in targets if t.exists() or t.is_symlink()]
    if existing:
        names = ", ".join(str(t) for t in existing)
        raise InitError(f"{names}: already exists; nothing was written (init never overwrites)")
    for target, text in zip(targets, files.values(), strict=True):
        write_text_atomic(target, text)
    return targets
