"""One provider per spec tree: which provider, and the checks across its products.

The fixtures are under tests/fixtures/provider-specs/ (see its README.md).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.pipeline import generate
from generator.targets.docs_files import INDEX_PAGE_TEMPLATE, RESOURCE_PAGE_TEMPLATES

from .helpers import KITCHEN_SPECS, REPO, SPECS, render, tree

PROVIDER_SPECS = REPO / "tests" / "fixtures" / "provider-specs"


def mmgen(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    """`mmgen ARGS...` from the repo root: diagnostics show repo-relative paths."""
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout + result.stderr


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def both_commands(
    monkeypatch: pytest.MonkeyPatch, tree_dir: Path, out_dir: Path, *extra: str
) -> dict[str, tuple[int, str]]:
    """`mmgen generate` and `mmgen validate` (which runs the provider checks too)."""
    return {
        "generate": mmgen(
            monkeypatch, "generate", "--specs", rel(tree_dir), "--out", str(out_dir), *extra
        ),
        "validate": mmgen(monkeypatch, "validate", rel(tree_dir), *extra),
    }


# ------------------------------------------------------------------ docs pages


@pytest.mark.parametrize("case", ["batchai", "kitchen"])
def test_docs_pages_are_byte_identical_across_targets(case: str) -> None:
    """One code path writes the docs for every target: go/docs and python/docs agree."""
    result = render(SPECS if case == "batchai" else KITCHEN_SPECS)
    pages = {
        target: {
            path.removeprefix(f"{target}/"): f.text.encode("utf-8")
            for path, f in result.files.items()
            if path.startswith(target + "/")
            and (f.template in RESOURCE_PAGE_TEMPLATES or f.template == INDEX_PAGE_TEMPLATE)
        }
        for target in ("go", "python")
    }
    assert pages["go"] == pages["python"]
    # One page per resource, named without the provider prefix, in the provider's layout:
    # specs/ publishes azurerm's legacy website layout, the kitchen the registry's.
    if case == "batchai":
        assert set(pages["go"]) == {
            "website/docs/index.html.markdown",
            "website/docs/r/batch_ai_job.html.markdown",
        }
    else:
        assert set(pages["go"]) == {
            "docs/index.md",
            "docs/resources/oven.md",
            "docs/resources/sink.md",
            "docs/resources/tap.md",
        }


def test_committed_docs_pages_are_byte_identical_across_targets() -> None:
    docs = {t: tree(REPO / "generated" / t / "website") for t in ("go", "python")}
    assert docs["go"] and docs["go"] == docs["python"]


def test_docs_index_shows_provider_settings_and_endpoints() -> None:
    index = render(SPECS).files["python/website/docs/index.html.markdown"].text
    # specs/provider.yaml's settings and the product's API endpoint.
    assert "`token`" in index and "`ARM_ACCESS_TOKEN`" in index
    assert "`subscription_id`" in index
    assert "`https://management.azure.com`" in index
    assert "`MMGEN_ENDPOINT`" in index
    assert "[azurerm_batch_ai_job](r/batch_ai_job.html)" in index


# ------------------------------------------------------------------ provider checks


def test_resource_collision_names_both_locations(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    tree_dir = PROVIDER_SPECS / "collision"
    result = generate(tree_dir)
    assert result.has_errors and result.files == {}
    (collision,) = [d for d in result.diagnostics if d.code == "resource-collision"]
    assert "`acme_widget`" in collision.message
    assert "product `alpha`" in collision.message and "product `beta`" in collision.message
    here = f"{rel(tree_dir)}/beta/widget.yaml:1:1"
    there = f"{rel(tree_dir)}/alpha/widget.yaml:1:1"
    for command, (code, out) in both_commands(monkeypatch, tree_dir, tmp_path / "out").items():
        assert code == 1, command
        lines = [line for line in out.splitlines() if "error[resource-collision]" in line]
        # Once, though both targets run the check: naming this location and the other one.
        assert len(lines) == 1, (command, out)
        assert lines[0].startswith(f"{here}: error[resource-collision]: "), command
        assert lines[0].endswith(f"by product `alpha` at {there}"), command
    assert not (tmp_path / "out").exists()


def test_provider_yaml_shape_errors_point_at_file_line_col(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    tree_dir = PROVIDER_SPECS / "bad-provider"
    provider_yaml = f"{rel(tree_dir)}/provider.yaml"
    out_dir = tmp_path / "out"
    for command, (code, out) in both_commands(monkeypatch, tree_dir, out_dir).items():
        assert code == 1, command
        assert f"{provider_yaml}:2:7: error[invalid-name]: provider.name `Acme-Cloud`" in out
        assert f"{provider_yaml}:4:1: error[unknown-key]: unknown key `regsitry` in provider" in out
        assert "    hint: did you mean `registry`?" in out
    for command, (code, out) in both_commands(
        monkeypatch, tree_dir, out_dir, "--format", "json"
    ).items():
        assert code == 1, command
        found = {(d["file"], d["line"], d["col"], d["code"]) for d in json.loads(out)}
        assert found == {
            (provider_yaml, 2, 7, "invalid-name"),
            (provider_yaml, 4, 1, "unknown-key"),
        }, command
    assert not out_dir.exists()


def test_provider_name_error_describes_the_provider_name_rule(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    shutil.copytree(PROVIDER_SPECS / "bad-provider", specs)
    (specs / "provider.yaml").write_text("name: acme_cloud\n", encoding="utf-8")
    result = generate(specs)
    (bad,) = [d for d in result.diagnostics if d.code == "invalid-name"]
    # `acme_cloud` is snake_case; what is wrong is the underscore.
    assert "snake_case" not in bad.message
    # ... and the hint says so, instead of suggesting a snake_case spelling.
    assert "no underscore" in bad.hint and "e.g. `acme_cloud`" not in bad.hint


def test_different_prefixes_without_provider_yaml_are_ambiguous(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    tree_dir = PROVIDER_SPECS / "ambiguous"
    assert not (tree_dir / "provider.yaml").exists()
    result = generate(tree_dir)
    assert result.has_errors and result.files == {}
    (ambiguous,) = [d for d in result.diagnostics if d.code == "provider-ambiguous"]
    assert "`alpha`" in ambiguous.message and "`zeta`" in ambiguous.message
    for command, (code, out) in both_commands(monkeypatch, tree_dir, tmp_path / "out").items():
        assert code == 1, command
        assert "error[provider-ambiguous]" in out, command
        assert f"{rel(tree_dir)}/alpha/product.yaml:2:9" in out, command
        assert f"{rel(tree_dir)}/zeta/product.yaml:2:9" in out, command
        assert "hint: add provider.yaml naming the provider" in out, command
    assert not (tmp_path / "out").exists()


def test_provider_yaml_resolves_the_ambiguity_and_picks_its_products(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    shutil.copytree(PROVIDER_SPECS / "ambiguous", specs)
    (specs / "provider.yaml").write_text("name: zeta\nproducts: [zeta]\n", encoding="utf-8")
    result = generate(specs)
    assert not result.has_errors, [d.to_text() for d in result.diagnostics]
    assert [p.name for p in result.products] == ["zeta"]
    assert "python/terraform_provider_zeta/zeta/widget.py" in result.files
    assert "go/internal/services/zeta/widget_resource.go" in result.files
    assert not any("alpha" in path for path in result.files)


def test_kitchen_provider_defaults_from_the_common_prefix() -> None:
    result = render(KITCHEN_SPECS)
    assert result.provider is not None and result.provider.name == "kitchen"
    assert "python/terraform_provider_kitchen/kitchen/oven.py" in result.files
    assert "module github.com/mmgen/terraform-provider-kitchen" in result.files["go/go.mod"].text
    provider = result.files["python/terraform_provider_kitchen/provider.py"].text
    assert 'FULL_NAME = "registry.terraform.io/mmgen/kitchen"' in provider
    assert "from .kitchen import oven as kitchen_oven" in provider


def test_specs_provider_comes_from_provider_yaml() -> None:
    result = render(SPECS)
    assert result.provider is not None and result.provider.name == "azurerm"
    provider = result.files["python/terraform_provider_azurerm/provider.py"].text
    assert 'FULL_NAME = "registry.terraform.io/mmgen/azurerm"' in provider
    assert "from .batchai import batch_ai_job as batchai_batch_ai_job" in provider
    assert "batchai_batch_ai_job.BatchAiJob," in provider
    assert 'TOKEN_ENV = ("ARM_ACCESS_TOKEN",)' in provider
    assert "module github.com/mmgen/terraform-provider-azurerm" in result.files["go/go.mod"].text
