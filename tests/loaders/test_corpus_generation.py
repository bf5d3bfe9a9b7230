"""Whole Magic Modules corpora through the pipeline: what loads, what generates, and whether
the generated providers import and their docs pages are well-formed; `mmgen convert` round
trips; the CLI on the corpora.

Each target is run on its own: a target leaves out what it cannot generate (spec errors,
and features it lacks: `unsupported-feature`), so what generates differs by target. One
tree is one provider (`google` for mmv1, `azurerm` for Azure MM) per target.

Needs `../shared/corpus` beside the clone; skipped without it. Formatter cache: a fresh
temporary folder (`MMGEN_CACHE_DIR`), so runs are hermetic (and cold).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from generator.cli import cli
from generator.convert import convert_specs
from generator.model.nodes import Product, Resource
from generator.pipeline import generate
from generator.product_cache import ProductCache
from generator.provider_tree import FOREIGN_DEFAULTS
from generator.results import GenerationResult
from generator.spec_check import RELAXED_FOR_FOREIGN, validate_paths
from generator.targets.docs_files import RESOURCE_PAGE_TEMPLATES
from generator.targets.features import Feature, features_used
from generator.targets.go_layout import layout
from generator.validate import walk

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
MMV1 = SHARED / "corpus" / "magic-modules" / "products"
AZURE = SHARED / "corpus" / "azure-specs"

pytestmark = pytest.mark.skipif(
    not (MMV1.is_dir() and AZURE.is_dir()),
    reason=f"Magic Modules corpora not found under {SHARED} (../shared sits beside the clone)",
)

# Small mmv1 products for the convert round trip: `filestore` has output Enums without
# values (Strings, as upstream has them); `accessapproval` has fields the mmgen format cannot
# hold (`update_mask`).
ROUND_TRIP_PRODUCTS = ("accessapproval", "cloudscheduler", "filestore")
# A product whose conversion keeps findings that only Magic Modules specs may have.
RELAXED_PRODUCT = "documentaiwarehouse"
# Errors `mmgen validate` may report on converted specs: rules of mmgen's own format that
# `validate_paths` relaxes to warnings for Magic Modules input (`api.RELAXED_FOR_FOREIGN`).
# A converted spec keeps the finding (upstream's `allow_empty_object` blocks without
# fields; server-assigned `name` in the self link) and `convert` lists the resource in
# `ConvertOutcome.relaxed`; fixing it needs a human, not the converter.
ALLOWED_CONVERTED_ERRORS = frozenset(RELAXED_FOR_FOREIGN)

# Where an ignored key sits, by the diagnostic's wording: property-level keys only.
MMV1_PROPERTY_CONTEXTS = ("property.", "virtual_field.", "item_type.", "value_type.", "validation.")
AZURE_PROPERTY_PLACES = re.compile(
    r"` in (SDK type definition|property|property override|array item_type|validation)\b"
)
SOURCE_LINE = re.compile(r"^(# |// )?Source spec: .*$", re.M)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("mmgen-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MMGEN_CACHE_DIR", str(path))
        yield path


# --- helpers ------------------------------------------------------------------------------


@dataclass
class Counts:
    loaded: int
    generated: int
    dropped: int
    properties_mapped: int
    properties_in_dropped: int
    property_keys_ignored: int

    def line(self, corpus: str) -> str:
        return (
            f"{corpus}: resources loaded {self.loaded}, generated {self.generated}, "
            f"dropped {self.dropped}; properties mapped {self.properties_mapped}, "
            f"left out with dropped resources {self.properties_in_dropped}; "
            f"property-level keys ignored {self.property_keys_ignored}"
        )


def count(result: GenerationResult, fmt: str) -> Counts:
    """Counts of a foreign corpus run. Properties left out alone are not counted: the loaders
    leave whole properties out only for errors (which drop their resource) or `min_version`
    (no property of the corpus at the newest version). Ignored keys: the loaders'
    unsupported-key warnings at property level."""
    generated = sum(len(p.resources) for p in result.products)
    mapped = sum(len(list(walk(r.properties))) for p in result.products for r in p.resources)
    if fmt == "mmv1":
        keys = [
            d
            for d in result.diagnostics
            if d.code == "mmv1-unsupported-key" and d.message.startswith(MMV1_PROPERTY_CONTEXTS, 1)
        ]
    else:
        keys = [
            d
            for d in result.diagnostics
            if d.code == "azure-mm-unsupported-key" and AZURE_PROPERTY_PLACES.search(d.message)
        ]
    # Left out: for spec errors (every target), or by the one target of the run for a
    # feature it lacks (`dropped_by_target`).
    dropped = len(result.dropped) + sum(len(v) for v in result.dropped_by_target.values())
    return Counts(
        loaded=generated + dropped,
        generated=generated,
        dropped=dropped,
        properties_mapped=mapped,
        properties_in_dropped=_properties_in_dropped(result, fmt),
        property_keys_ignored=len(keys),
    )


def _properties_in_dropped(result: GenerationResult, fmt: str) -> int:
    """Properties of the dropped resources, loading just their spec files again."""
    from generator.loaders.formats import load_any

    files = sorted({d.location.file for d in result.diagnostics if d.is_error})
    files = [f for f in files if Path(f).suffix in (".yaml", ".yml") and Path(f).exists()]
    if fmt == "azure-mm":  # property errors sit in api.yaml or terraform.yaml: load the folder
        files = sorted({str(Path(f).parent) for f in files})
    if not files:
        return 0
    loaded, _ = load_any(files, fmt)
    dropped = set(result.dropped).union(*result.dropped_by_target.values())
    return sum(
        len(list(walk(r.properties)))
        for p in loaded.products
        for r in p.resources
        if f"{p.name}/{r.name}" in dropped
    )


def write_tree(result: GenerationResult, out: Path) -> None:
    for path, f in result.files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f.text, encoding="utf-8")


# Upstream description text can link to upstream's own docs anchors
# (`[monitored_resource](#nested_monitored_resource)`), while mmgen's are `block-...`: such
# links come from the spec text verbatim and are allowed; every link mmgen makes must resolve.

IMPORT_ALL = """
import importlib, json, os, sys
from tf.iface import Diagnostics

report = {}

for root in sys.argv[1:]:
    sys.path.insert(0, root)
    for pkg in sorted(p for p in os.listdir(root) if p.startswith("terraform_provider_")):
        entry = report[pkg] = {"resources": {}, "errors": []}
        try:
            mod = importlib.import_module(pkg + ".provider")
            provider = mod.Provider()
            schema = provider.get_provider_schema(Diagnostics())
            entry["provider_attributes"] = len(schema.attributes or [])
            for cls in provider.get_resources():
                s = cls.get_schema()
                entry["resources"][cls.get_name()] = len(s.attributes or []) + len(
                    s.block_types or []
                )
        except Exception as exc:  # every package is reported, not just the first failure
            entry["errors"].append(f"{type(exc).__name__}: {exc}")
    sys.path.remove(root)
print(json.dumps(report))
"""


def check_providers(out: Path, provider: str, products: list[Product]) -> None:
    """Import the generated provider package (in a subprocess) and build every schema."""
    proc = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, str(out / "python")],
        capture_output=True,
        text=True,
        cwd=out,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report: dict[str, dict[str, Any]] = json.loads(proc.stdout)
    errors = {pkg: e["errors"] for pkg, e in report.items() if e["errors"]}
    assert not errors, errors
    # One provider for the whole tree.
    assert set(report) == {f"terraform_provider_{provider}"}
    entry = report[f"terraform_provider_{provider}"]
    assert entry["provider_attributes"] >= 2
    expected = sorted(r.terraform_name for p in products for r in p.resources)
    assert sorted(entry["resources"]) == expected
    assert all(n > 0 for n in entry["resources"].values()), entry


_MD = MarkdownIt("commonmark").enable("table")
_YAML = YAML(typ="safe", pure=True)
_ANCHOR = re.compile(r'<a (?:id|name)="([^"]+)"')
_TEXT_LINK = re.compile(r"\]\(#([^)\s]+)\)")
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
# Google's pages say `Argument Reference`, azurerm's `Arguments Reference`.
REQUIRED_SECTIONS = (
    ("Argument Reference", "Arguments Reference"),
    ("Attributes Reference",),
    ("Import",),
)


def docs_page_problems(
    text: str, type_name: str, allowed: frozenset[str] = frozenset()
) -> list[str]:
    """What is wrong with a docs page; links to `allowed` anchors are not checked."""
    problems: list[str] = []
    if not text.startswith("---\n"):
        return ["no front matter"]
    end = text.find("\n---\n", 4)
    if end < 0:
        return ["front matter not closed"]
    front = _YAML.load(text[4:end])
    if not isinstance(front, dict) or not front.get("page_title"):
        problems.append(f"front matter is not a mapping with page_title: {front!r}")
    body = text[end + 5 :]
    tokens = _MD.parse(body)
    headings: list[tuple[str, str]] = []
    links: set[str] = set()
    fences = 0
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            headings.append((tok.tag, tokens[i + 1].content))
        elif tok.type == "fence":
            fences += 1
        elif tok.type == "inline":
            for child in tok.children or []:
                href = child.attrGet("href") if child.type == "link_open" else None
                if isinstance(href, str) and href.startswith("#"):
                    links.add(href[1:])
    h1 = [content for tag, content in headings if tag == "h1"]
    if h1 != [type_name]:
        problems.append(f"H1s {h1}, expected exactly [{type_name!r}]")
    h2 = {content for tag, content in headings if tag == "h2"}
    problems += [f"no `## {s[0]}` section" for s in REQUIRED_SECTIONS if not h2.intersection(s)]
    missing = links - set(_ANCHOR.findall(body)) - allowed
    if missing:
        problems.append(f"links without anchors: {sorted(missing)}")
    fence_lines = len(_FENCE_LINE.findall(body))
    if fence_lines % 2 or fence_lines != 2 * fences:
        problems.append(f"unbalanced code fences ({fence_lines} fence lines, {fences} blocks)")
    return problems


def spec_text_anchors(res: Resource) -> frozenset[str]:
    """Anchors that the spec's own description texts link to (upstream's anchors)."""
    texts = [res.description] + [p.description for _, p in walk(res.properties)]
    return frozenset(a for t in texts for a in _TEXT_LINK.findall(t))


def check_docs(result: GenerationResult) -> int:
    """Check every docs page of the resources; returns how many there are (per target)."""
    resources = {(p.name, r.name): r for p in result.products for r in p.resources}
    targets = {path.split("/", 1)[0] for path in result.files}
    assert len(targets) == 1, targets
    pages = 0
    bad: dict[str, list[str]] = {}
    for path, f in result.files.items():
        if f.template not in RESOURCE_PAGE_TEMPLATES:
            continue
        assert re.fullmatch(r"[a-z]+/docs/resources/[a-z0-9_]+\.md", path), path
        pages += 1
        res = resources[(f.owner.product, f.owner.resource or "")]
        problems = docs_page_problems(f.text, res.terraform_name, spec_text_anchors(res))
        if problems:
            bad[path] = problems
    assert not bad, dict(list(bad.items())[:10])
    assert pages == len(resources)
    return pages


RESOURCE_TEMPLATE = {"go": "resource.go.j2", "python": "resource.py.j2"}
TARGETS = tuple(RESOURCE_TEMPLATE)


def resource_files(result: GenerationResult) -> set[str]:
    """Each resource's implementation and docs page, for every target in the result."""
    return {
        path
        for path, f in result.files.items()
        if f.template in RESOURCE_PAGE_TEMPLATES
        or f.template == RESOURCE_TEMPLATE[path.split("/", 1)[0]]
    }


def without_source_line(text: str) -> str:
    return SOURCE_LINE.sub("Source spec: -", text)


# --- the mmv1 corpus ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def mmv1_runs(
    cache_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    mmv1_python_run: tuple[GenerationResult, Path],
) -> dict[str, tuple[GenerationResult, Path]]:
    """Both targets; python's run is the session's (conftest.py), shared with the
    docs-fidelity test."""
    runs = {"python": mmv1_python_run}
    for target in TARGETS:
        if target in runs:
            continue
        # No product cache: these checks read the models (properties, examples), which a
        # run with a cache does not return (it keeps names and summaries only).
        result = generate(MMV1, target, fmt="mmv1", product_cache=ProductCache(None))
        out = tmp_path_factory.mktemp(f"mmv1-{target}")
        write_tree(result, out)
        runs[target] = (result, out)
    return runs


@pytest.mark.parametrize("target", TARGETS)
def test_mmv1_corpus_generates(
    mmv1_runs: dict[str, tuple[GenerationResult, Path]], target: str
) -> None:
    result, _ = mmv1_runs[target]
    assert not result.fatal, [d.to_text() for d in result.fatal[:10]]
    assert result.provider is not None and result.provider.name == "google"
    counts = count(result, "mmv1")
    print(counts.line(f"mmv1 ({target})"))
    files = len(list(MMV1.glob("*/*.yaml"))) - len(list(MMV1.glob("*/product.yaml")))
    excluded = sum(1 for d in result.diagnostics if d.code in ("mmv1-excluded", "mmv1-version"))
    assert counts.loaded + excluded == files  # every resource file is accounted for
    # Every generated resource has its implementation and its docs page.
    assert len(resource_files(result)) == 2 * counts.generated
    # The one resource Magic Modules misgenerates (an Array in its create URL), left out of
    # both targets; every other spec is read with upstream's meaning. Before that: 29.
    assert result.dropped == ["gkeonprem/vmware_cluster"]
    if target == "go":  # every feature the model has
        assert not [d for d in result.diagnostics if d.code == "unsupported-feature"]
        assert counts.generated == 589
        assert counts.dropped == 1
        assert counts.properties_mapped >= 18000
        assert counts.properties_in_dropped <= 200
    else:
        # Spec errors leave the same resources out of both; python leaves out no more
        # for a feature it lacks (it has every feature go has).
        assert set(result.dropped) == set(mmv1_runs["go"][0].dropped)
        assert not [d for d in result.diagnostics if d.code == "unsupported-feature"]
        assert counts.generated == 589


def test_mmv1_go_output_is_gofmt_clean_and_mostly_laid_out_in_process(
    mmv1_runs: dict[str, tuple[GenerationResult, Path]],
) -> None:
    """go_layout (not gofmt) formats most of the corpus's Go: what it wrote is exactly what
    gofmt prints (`gofmt -l` lists no file), and it knew the shapes of nearly every
    resource file (gofmt formatted the rest; the static runtime copies are not laid out)."""
    gofmt = shutil.which("gofmt") or "/usr/local/go/bin/gofmt"
    if not Path(gofmt).exists():
        pytest.skip("gofmt is not on PATH")
    result, out = mmv1_runs["go"]
    listed = subprocess.run([gofmt, "-l", str(out / "go")], capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == ""
    own = [
        f.text
        for path, f in result.files.items()
        if path.endswith(".go")
        and f.template not in ("custom-code",)
        and "/internal/mmgen/" not in path
    ]
    laid_out = sum(1 for text in own if layout(text) == text)
    print(f"go_layout knows {laid_out} of {len(own)} templated Go files of the corpus")
    assert len(own) > 1500 and laid_out >= 0.99 * len(own)


# The python target's Magic Modules REST mappings (issue 10): what it implements now.
REST_FEATURES = frozenset(
    {
        Feature.CREATE_URL,
        Feature.UPDATE_URL,
        Feature.DELETE_URL,
        Feature.UPDATE_MASK,
        Feature.ID_FORMAT,
    }
)
# Before them, python left this many mmv1 resources of the corpus out (measured at the
# commit before issue 10's: every one with an `unsupported-feature` diagnostic).
PYTHON_DROPPED_BEFORE_REST = 492
# Resources that were left out for spec errors then, and load since the loader reads those
# specs with upstream's meaning (tests/loaders/test_mmv1_quirks.py): not in that count.
ADMITTED_SINCE = frozenset("""
    backupdr/service_config bigqueryanalyticshub/data_exchange_subscription
    bigquerydatatransfer/config cloudbilling/project_info cloudbuild/trigger
    compute/backend_service compute/future_reservation compute/project_cloud_armor_tier
    compute/region_backend_service compute/reservation compute/route compute/snapshot_settings
    compute/subnetwork dialogflow/encryption_spec dialogflowcx/tool dialogflowcx/tool_version
    discoveryengine/recommendation_engine datalossprevention/discovery_config
    documentaiwarehouse/location filestore/instance gkeonprem/bare_metal_admin_cluster
    gkeonprem/bare_metal_cluster networkconnectivity/group networkconnectivity/hub
    networkconnectivity/spoke oslogin/ssh_public_key servicenetworking/vpc_service_controls
    workloadidentity/service_agent
    """.split())


def test_mmv1_python_leaves_out_fewer_resources_with_the_rest_mappings(
    mmv1_runs: dict[str, tuple[GenerationResult, Path]],
) -> None:
    """How many mmv1 resources python leaves out, now and without the REST mappings.

    "Before" is counted from this run too: python's own drops, plus every resource it
    generates that uses one of the REST mapping features (without them it would have
    left those out, the feature check coming first). It must agree with the measured
    number, and "now" must be smaller.
    """
    result, _ = mmv1_runs["python"]
    now = sorted(result.dropped_by_target.get("python", []))
    using = sorted(
        f"{p.name}/{r.name}"
        for p in result.products
        for r in p.resources
        if REST_FEATURES & set(features_used(r)) and f"{p.name}/{r.name}" not in ADMITTED_SINCE
    )
    before = len(now) + len(using)
    message = (
        f"mmv1 resources python leaves out: before {before} (measured "
        f"{PYTHON_DROPPED_BEFORE_REST}), after {len(now)}: {now[:10]}"
    )
    print(message)
    assert before == PYTHON_DROPPED_BEFORE_REST, message
    assert len(now) < before, message
    assert len(now) == 0, message


def test_mmv1_providers_import_and_build_schemas(
    mmv1_runs: dict[str, tuple[GenerationResult, Path]],
) -> None:
    result, out = mmv1_runs["python"]
    check_providers(out, "google", result.products)


@pytest.mark.parametrize("target", TARGETS)
def test_mmv1_docs_pages_are_well_formed(
    mmv1_runs: dict[str, tuple[GenerationResult, Path]], target: str
) -> None:
    result = mmv1_runs[target][0]
    assert check_docs(result) == sum(len(p.resources) for p in result.products)
    assert check_docs(mmv1_runs["go"][0]) >= 550


def test_mmv1_docs_pages_agree_across_targets(
    mmv1_runs: dict[str, tuple[GenerationResult, Path]],
) -> None:
    """One code path writes the docs: a resource both targets generate has the same page."""
    pages = {
        target: {
            path.removeprefix(f"{target}/"): f.text
            for path, f in mmv1_runs[target][0].files.items()
            if f.template in RESOURCE_PAGE_TEMPLATES
        }
        for target in TARGETS
    }
    common = set(pages["go"]) & set(pages["python"])
    assert len(common) >= 65
    assert [p for p in sorted(common) if pages["go"][p] != pages["python"][p]] == []


# --- the Azure MM corpus ------------------------------------------------------------------


@pytest.mark.parametrize("target", TARGETS)
def test_azure_mm_corpus_generates(cache_dir: Path, tmp_path: Path, target: str) -> None:
    result = generate(AZURE, target, fmt="azure-mm")
    assert not result.fatal, [d.to_text() for d in result.fatal]
    assert result.provider is not None and result.provider.name == "azurerm"
    counts = count(result, "azure-mm")
    print(counts.line(f"azure-mm ({target})"))
    # Three resources (resourcegroup/ and storageaccount/ hold example prerequisites only);
    # automationjob's `job` has spec errors upstream (unknown type, computed defaults).
    assert counts.loaded == 3
    assert result.dropped == ["automationjob/job"]
    assert counts.generated == 2
    assert counts.properties_mapped >= 40
    assert counts.properties_in_dropped > 0
    assert len(resource_files(result)) == 2 * counts.generated
    assert check_docs(result) == 2
    if target == "python":
        write_tree(result, tmp_path)
        check_providers(tmp_path, "azurerm", result.products)


# --- convert round trip -------------------------------------------------------------------


def _lost_types(outcome: Any) -> frozenset[str]:
    """Terraform types whose conversion lost a field (`convert-field-lost`)."""
    return frozenset(
        {
            m[1]
            for d in outcome.diagnostics
            if d.code == "convert-field-lost" and (m := re.match(r"`(\w+)`: ", d.message))
        }
    )


def _same_generation(
    source: GenerationResult,
    converted: GenerationResult,
    lost: frozenset[str] = frozenset(),
) -> None:
    """The converted specs generate what the source does, banners' source lines aside.

    Resources in `lost` lost a field in conversion (the mmgen format cannot hold it, and
    convert says so): their own files may differ. Every target supports every feature
    the model has, so both sides generate the same files.
    """
    assert not source.fatal and not converted.fatal, [
        d.to_text() for d in source.fatal + converted.fatal
    ]
    names = {
        (p.name, r.name): r.terraform_name
        for res in (source, converted)
        for p in res.products
        for r in p.resources
    }

    def is_lost(path: str, res: GenerationResult) -> bool:
        f = res.files[path]
        return names.get((f.owner.product, f.owner.resource or ""), "") in lost

    assert set(source.files) == set(converted.files)
    differ = []
    for p in sorted(source.files):
        if is_lost(p, source):
            continue
        if without_source_line(source.files[p].text) != without_source_line(
            converted.files[p].text
        ):
            differ.append(p)
    assert not differ, differ[:10]


def _same_provider(dst: Path, fmt: str) -> None:
    """The converted tree names the source's provider (its documented default)."""
    name, display = FOREIGN_DEFAULTS[fmt]
    (dst / "provider.yaml").write_text(f"name: {name}\ndisplay_name: {display}\n")


def test_convert_round_trip_mmv1(cache_dir: Path, tmp_path: Path) -> None:
    # Same folder name on both sides, so that banners' `Regenerate:` lines agree.
    src, dst = tmp_path / "a" / "specs", tmp_path / "b" / "specs"
    for name in ROUND_TRIP_PRODUCTS:
        shutil.copytree(MMV1 / name, src / name)
    outcome = convert_specs(src, dst, "mmv1")
    assert outcome.exit_code == 0, outcome.summary
    assert outcome.format == "mmv1"
    assert outcome.dropped == []
    assert sorted(outcome.products) == sorted(ROUND_TRIP_PRODUCTS)
    assert not outcome.relaxed
    lost = [d for d in outcome.diagnostics if d.code == "convert-field-lost"]
    assert {Path(d.location.file).parent.name for d in lost} >= {"accessapproval"}
    assert all("`rest.update_mask`" in d.message for d in lost)
    written = sorted(p.relative_to(dst).as_posix() for p in dst.rglob("*.yaml"))
    assert "cloudscheduler/job.yaml" in written and "cloudscheduler/product.yaml" in written
    assert "filestore/instance.yaml" in written

    report = validate_paths([str(dst)])
    assert report.format == "mmgen"
    unexpected = [d.to_text() for d in report.errors if d.code not in ALLOWED_CONVERTED_ERRORS]
    assert not unexpected, unexpected
    assert not report.errors  # none of these products needs the allow-list

    _same_provider(dst, "mmv1")
    lost_types = _lost_types(outcome)
    assert "google_cloud_scheduler_job" not in lost_types  # something is compared in full
    converted = generate(dst, fmt="mmgen")
    _same_generation(generate(src, fmt="mmv1"), converted, lost_types)


def test_convert_round_trip_azure_mm(cache_dir: Path, tmp_path: Path) -> None:
    src, dst = tmp_path / "a" / "specs", tmp_path / "b" / "specs"
    shutil.copytree(AZURE, src)
    outcome = convert_specs(src, dst, "auto")
    assert outcome.exit_code == 0, outcome.summary
    assert outcome.format == "azure-mm"
    assert outcome.dropped == ["automationjob/job"]
    assert len(outcome.resources) == 2
    report = validate_paths([str(dst)])
    assert not [d for d in report.errors if d.code not in ALLOWED_CONVERTED_ERRORS]
    assert not report.errors
    assert not _lost_types(outcome)
    _same_provider(dst, "azure-mm")
    _same_generation(generate(src, fmt="azure-mm"), generate(dst, fmt="mmgen"))


def test_convert_keeps_the_provider(cache_dir: Path, tmp_path: Path) -> None:
    src, dst = tmp_path / "a" / "specs", tmp_path / "b" / "specs"
    shutil.copytree(AZURE, src)
    assert convert_specs(src, dst, "auto").exit_code == 0
    source, converted = generate(src, fmt="azure-mm"), generate(dst, fmt="mmgen")
    assert converted.provider == source.provider or (
        converted.provider is not None
        and source.provider is not None
        and converted.provider.display_name == source.provider.display_name
    )


def test_convert_keeps_relaxed_findings_and_lists_them(cache_dir: Path, tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    shutil.copytree(MMV1 / RELAXED_PRODUCT, src / RELAXED_PRODUCT)
    outcome = convert_specs(src, dst, "mmv1")
    assert outcome.exit_code == 0
    # `location`, a singleton whose default self link's `{{name}}` upstream fills with the
    # empty string, converts without a relaxed finding since the loader does the same.
    assert outcome.relaxed == ["documentaiwarehouse/document_schema"]
    assert outcome.resources == [
        "documentaiwarehouse/document_schema",
        "documentaiwarehouse/location",
    ]
    assert "mmgen validate" in outcome.note
    codes = Counter(d.code for d in validate_paths([str(dst)]).errors)
    assert codes and set(codes) <= ALLOWED_CONVERTED_ERRORS, codes


# --- the CLI on the corpora ---------------------------------------------------------------


def test_cli_validate_mmv1_corpus_reports_errors(cache_dir: Path) -> None:
    res = CliRunner().invoke(cli, ["validate", "--spec-format", "mmv1", str(MMV1)])
    assert res.exit_code == 1, res.output
    summary = res.stderr.strip().splitlines()[-1]
    assert summary.startswith("mmv1: ") and "error(s)" in summary, summary


def test_cli_validate_detects_azure_mm(cache_dir: Path) -> None:
    res = CliRunner().invoke(cli, ["validate", str(AZURE)])
    summary = res.stderr.strip().splitlines()[-1]
    assert summary.startswith("azure-mm: 3 product(s), 3 resource(s)"), summary
    assert res.exit_code == 1  # automationjob has genuine spec errors


def test_cli_generate_azure_mm(cache_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["generate", "--specs", str(AZURE), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert (
        "resource(s) generated (go: 2, python: 2); "
        "1 resource(s) left out of every target because of spec errors\n"
    ) in res.stderr
    # Every name, on a line of its own paragraph (issue 13: the list was cut with "...").
    assert (
        "\n1 resource(s) left out of every target because of spec errors: automationjob/job\n"
    ) in res.stderr
    # Both targets, one provider: pages are named without the `azurerm_` prefix.
    for target in TARGETS:
        assert (out / target / "docs" / "resources" / "batch_account.md").is_file(), target
    assert (out / "python" / "terraform_provider_azurerm" / "batchaccount").is_dir()
    assert (out / "go" / "internal" / "services" / "batchaccount").is_dir()


def test_cli_convert(cache_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["convert", "--from", "azure-mm", str(AZURE), "-o", str(out)])
    assert res.exit_code == 0, res.output
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("azure-mm: converted 2 product(s), 2 resource(s); 1 resource(s) left")
    assert (out / "batchaccount" / "product.yaml").is_file()
    assert CliRunner().invoke(cli, ["validate", str(out)]).exit_code == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = CliRunner().invoke(cli, ["convert", "--from", "mmv1", str(empty), "-o", str(out)])
    assert nothing.exit_code == 1
    mine = CliRunner().invoke(cli, ["convert", str(REPO / "specs"), "-o", str(tmp_path / "x")])
    assert mine.exit_code == 2 and "convert-format" in mine.stderr
    assert not (tmp_path / "x").exists()
    missing = CliRunner().invoke(cli, ["convert", str(tmp_path / "nope"), "-o", str(out)])
    assert missing.exit_code == 2
