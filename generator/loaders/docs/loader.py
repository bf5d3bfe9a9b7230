"""Assembly of a Terraform Registry docs page (Markdown) into the model, so a page can seed
a spec: the resource, its product, the guesses to mark and the diagnostics."""

from __future__ import annotations

import re

from ...confine import read_regular
from ...diagnostics import DiagnosticBag, Location
from ...model.nodes import ApiVersion, Product, ProductParam, Resource, RestMapping
from ..ids import id_params
from ..naming import snake
from .blocks import BlockLinks
from .example_blocks import block_counts, lists_from_examples
from .import_id import guess_id_template, mark_url_params
from .markdown import decode, read_page
from .other_sections import read_examples, read_providers, read_timeouts
from .properties import PropertyBuilder
from .report import DocsImport, Report
from .sections import read_sections

MAX_BYTES = 4 * 1024 * 1024
ARM_BASE_URL = "https://management.azure.com/"


def load_docs_page(path: str) -> DocsImport:
    """Load a Terraform Registry docs page into the model; never raises for bad input."""
    where = Location(path, 1, 1)
    try:
        data = read_regular(path, MAX_BYTES)  # a FIFO is refused, never waited on
    except OSError as exc:
        bag = DiagnosticBag()
        bag.error("io", f"cannot read the page: {exc.strerror or exc}", where, "check the path")
        return DocsImport(diagnostics=bag.items)
    if len(data) > MAX_BYTES:
        bag = DiagnosticBag()
        bag.error("io", f"page is larger than {MAX_BYTES // (1024 * 1024)} MiB", where)
        return DocsImport(diagnostics=bag.items)
    return load_docs_text(data, path)


def load_docs_text(data: bytes, display: str) -> DocsImport:
    """Load a page from bytes; `display` names it in diagnostics. Never raises."""
    report = Report(display)
    try:
        return _load(data, report)
    except RecursionError:
        report.bag.error("docs-too-deep", "the page nests too deeply", Location(display, 1, 1))
    except Exception as exc:  # the contract is diagnostics, never a traceback
        report.bag.error(
            "docs-internal",
            f"could not load the page: {type(exc).__name__}: {exc}",
            Location(display, 1, 1),
        )
    return report.result()


def _load(data: bytes, report: Report) -> DocsImport:
    text = decode(data, report)
    if text is None:
        return report.result()
    page = read_page(text, report)
    title, meta = page.title, page.meta
    title_loc = report.loc(title.start if title else 0)
    tf_name = re.sub(r"[`\s]", "", title.text) if title else ""
    if not re.fullmatch(r"[a-z0-9]+_[a-z0-9_]+", tf_name):
        m = re.search(r"\b([a-z0-9]+_[a-z0-9_]+)\s*$", meta.get("page_title", ""))
        if m is None:
            report.bag.error(
                "docs-no-title", "no `# <prefix>_<name>` title names the resource", title_loc
            )
            return report.result()
        tf_name = m.group(1)
        report.guess(
            "terraform_name", "Terraform type name taken from the front matter's page_title"
        )
    prefix, name = tf_name.split("_", 1)
    if not page.parts.get("argument"):
        report.bag.error(
            "docs-no-arguments",
            "the page has no `## Arguments Reference` section",
            title_loc,
            "a docs page must list the resource's arguments",
        )
        return report.result()
    blocks = BlockLinks(read_sections(page, report), report)
    properties = PropertyBuilder(blocks, report).properties(blocks.top_level_fields(), "", 0)
    description = "\n\n".join(page.source(el) for el in page.intro).strip() or meta.get(
        "description", ""
    )
    timeouts = read_timeouts(page.parts.get("timeout", []), page, report)
    examples = read_examples(page.parts.get("example", []), report)
    properties = lists_from_examples(properties, block_counts(examples, tf_name, report), report)
    api_version, namespaces = read_providers(page.parts.get("api provider", []))
    id_template, parents = guess_id_template(page.parts.get("import", []), properties, name, report)
    properties = mark_url_params(properties, id_template, parents, report)
    rest = RestMapping(
        base_url=id_template.rsplit("/", 1)[0] if "/" in id_template else "",
        id_template=id_template,
        id_params=id_params(id_template, properties, Location(report.display)),
        api_version=api_version,
        # A page that lists an `update` timeout says the resource updates in place; ARM's
        # update is the create-or-update PUT of the whole resource (PATCH: check the API).
        update_verb="PUT" if "update" in report.timeouts_listed else None,
    )
    if rest.update_verb:
        report.guess(
            "api.update_verb",
            "the Timeouts section lists `update`: updated in place by PUT (or PATCH?)",
        )
    if api_version:
        report.guess("api.api_version", "api_version from the page's API Providers section")
    report.guess(
        "", "api_name of every property is the camelCase of its Terraform name; check the API"
    )
    report.guess("", "types the page does not state are String")
    resource = Resource(
        name=name,
        terraform_name=tf_name,
        description=description,
        rest=rest,
        properties=properties,
        import_formats=(id_template,) if id_template else (),
        timeouts=timeouts,
        examples=examples,
        loc=title_loc,
    )
    return report.result(_product(meta, prefix, resource, namespaces, report), resource)


def _product(
    meta: dict[str, str], prefix: str, res: Resource, namespaces: list[str], report: Report
) -> Product:
    """The product around the resource, named from the subcategory or the ARM namespace."""
    sub = meta.get("subcategory", "")
    ns = re.search(r"providers/([\w.]+)/", res.rest.id_template)
    namespace = (
        ns.group(1) if ns and "TODO" not in ns.group(1) else (namespaces[0] if namespaces else "")
    )
    name = snake(sub) or snake(namespace.split(".")[-1]) or res.name
    origin = "subcategory" if snake(sub) else "provider namespace" if namespace else "resource name"
    report.guess("product.name", f"product name `{name}` from the page's {origin}")
    params: tuple[ProductParam, ...] = ()
    if "{subscription_id}" in res.rest.id_template:
        params = (
            ProductParam("subscription_id", "ARM_SUBSCRIPTION_ID", "The Azure subscription."),
        )
    base = ARM_BASE_URL if prefix == "azurerm" else ""
    version = ApiVersion(res.rest.api_version or "ga", base)
    return Product(name, sub or name, prefix, (version,), params, (res,))
