"""`mmgen import-docs`: a docs page becomes a draft spec; golden test on the seed page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.api import validate_paths
from generator.cli import cli
from generator.loaders.mmgen.loader import load_specs

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_42d8fc5112adecf5.txt"
CORPUS = SHARED / "corpus" / "azurerm-docs"
GOLDEN = REPO / "tests" / "golden" / "import-docs" / "seed_azurerm_job.yaml"

needs_shared = pytest.mark.skipif(
    not SEED.is_file(), reason=f"shared corpus not found at {SHARED} (it sits beside the clone)"
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@needs_shared
def test_golden_import_docs_on_the_seed(tmp_path: Path) -> None:
    out = tmp_path / "specs" / "batchai" / "job.yaml"
    result = run("import-docs", str(SEED), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text)
    assert (
        GOLDEN.is_file()
    ), "no golden yet: run UPDATE_GOLDEN=1 pytest tests/test_import_docs_cli.py"
    assert text == GOLDEN.read_text(), "import-docs output changed; review, then UPDATE_GOLDEN=1"
    product = (out.parent / "product.yaml").read_text()
    assert "name: batchai" in product and "subscription_id" in product
    assert "# guess:" in text


@needs_shared
def test_golden_loads_and_validates_without_errors(tmp_path: Path) -> None:
    folder = tmp_path / "batchai"
    folder.mkdir()
    (folder / "job.yaml").write_text(GOLDEN.read_text())
    run("import-docs", str(SEED), "-o", str(tmp_path / "other" / "job.yaml"))
    (folder / "product.yaml").write_text((tmp_path / "other" / "product.yaml").read_text())
    loaded = load_specs([str(folder)])
    assert [d.to_text() for d in loaded.diagnostics if d.is_error] == []
    report = validate_paths([str(folder)])
    assert [d.to_text() for d in report.errors] == []
    assert {d.code for d in report.warnings} == {"empty-description"}
    assert [r.terraform_name for r in loaded.products[0].resources] == ["azurerm_job"]


@needs_shared
def test_stdout_without_output_and_diagnostics_on_stderr() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["import-docs", str(SEED)])
    assert result.exit_code == 0
    assert result.stdout.startswith("# guess:")
    assert "name: job\n" in result.stdout
    assert "warning[docs-no-import]" in result.stderr
    assert "docs-no-import" not in result.stdout


@needs_shared
def test_existing_product_yaml_is_left_alone(tmp_path: Path) -> None:
    product = tmp_path / "product.yaml"
    product.write_text("name: mine\n")
    result = run(
        "import-docs", str(CORPUS / "batch_job.html.markdown"), "-o", str(tmp_path / "job.yaml")
    )
    assert result.exit_code == 0
    assert product.read_text() == "name: mine\n"
    assert (tmp_path / "job.yaml").read_text().count("name: task_retry_maximum") == 1


def test_page_with_errors_writes_nothing(tmp_path: Path) -> None:
    page = tmp_path / "bad.html.markdown"
    page.write_text(
        "# azurerm_thing\n\n## Arguments Reference\n\n* `s` - (Optional) A `setting` block as defined below.\n"
    )
    out = tmp_path / "specs" / "p" / "thing.yaml"
    runner = CliRunner()
    result = runner.invoke(cli, ["import-docs", str(page), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{page}:5:3: error[docs-unresolved-block]" in result.stderr
    assert not out.parent.exists()


def test_binary_page_exits_1(tmp_path: Path) -> None:
    page = tmp_path / "x.md"
    page.write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(cli, ["import-docs", str(page)])
    assert result.exit_code == 1 and "docs-binary" in result.stderr and result.stdout == ""
