"""`mmgen import-docs`: a docs page becomes a draft spec; golden test on the seed page."""

from __future__ import annotations

import os
import re
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


# --- issue 13: -o never overwrites silently, and stays in its folder -----------------------

ACCOUNT = REPO / "tests" / "fixtures" / "loaders" / "docs" / "batch_account.html.markdown"


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_an_existing_spec_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "batch" / "account.yaml"
    assert run("import-docs", str(ACCOUNT), "-o", str(out)).exit_code == 0
    out.write_text(out.read_text() + "# my edit\n")
    (out.parent / "product.yaml").unlink()
    result = CliRunner().invoke(cli, ["import-docs", str(ACCOUNT), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{out}:1:1: error[import-output-exists]" in result.stderr
    assert "--force" in result.stderr
    assert out.read_text().endswith("# my edit\n")
    assert _files(tmp_path) == ["batch", "batch/account.yaml"]  # product.yaml not written either
    forced = run("import-docs", str(ACCOUNT), "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert "# my edit" not in out.read_text()
    assert _files(tmp_path) == ["batch", "batch/account.yaml", "batch/product.yaml"]


def test_refusal_in_json_format(tmp_path: Path) -> None:
    out = tmp_path / "account.yaml"
    out.write_text("name: mine\n")
    result = CliRunner().invoke(
        cli, ["import-docs", str(ACCOUNT), "-o", str(out), "--format", "json"]
    )
    assert result.exit_code == 1 and '"code": "import-output-exists"' in result.stderr


def test_a_link_is_never_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.yaml"
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "account.yaml").symlink_to(elsewhere)
    result = CliRunner().invoke(
        cli, ["import-docs", str(ACCOUNT), "-o", str(folder / "account.yaml"), "--force"]
    )
    assert result.exit_code == 1 and "error[import-output-link]" in result.stderr
    assert not elsewhere.exists() and _files(folder) == ["account.yaml"]


def test_product_yaml_is_not_a_spec_name(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["import-docs", str(ACCOUNT), "-o", str(tmp_path / "product.yaml")]
    )
    assert result.exit_code == 1 and "error[import-output-name]" in result.stderr
    assert _files(tmp_path) == []


def test_no_temp_files_are_left_and_output_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "account.yaml", tmp_path / "b" / "account.yaml"
    for out in (a, b):
        assert run("import-docs", str(ACCOUNT), "-o", str(out)).exit_code == 0
    assert a.read_text() == b.read_text()
    assert not [p for p in tmp_path.rglob("*.tmp")]


# --- issue 13: a page round-trips: import, validate, render its docs page ------------------


def _callouts(page: str) -> list[tuple[str | None, str]]:
    """Each callout with the argument bullet it follows (None: after a heading or rule)."""
    out, last = [], None
    for line in page.split("\n"):
        bullet = re.match(r"\* `(\w+)`", line)
        if bullet:
            last = bullet.group(1)
        elif re.match(r"(?:~>|->|!>) ", line):
            out.append((last, line.strip()))
        elif line.startswith(("#", "---")):
            last = None
    return out


def _round_trip(page: Path, tmp_path: Path) -> tuple[str, list[str], list[str]]:
    from generator.model.nodes import DocsFamily
    from generator.render.docs_conventions import conventions
    from generator.render.docs_view import docs_page
    from generator.render.environment import make_environment

    folder = tmp_path / "widgets"
    result = run("import-docs", str(page), "-o", str(folder / "spec.yaml"))
    assert result.exit_code == 0, result.output
    report = validate_paths([str(folder)])
    loaded = load_specs([str(folder)])
    product = loaded.products[0]
    env = make_environment("python")
    template = env.get_template(conventions(DocsFamily.AZURERM).template)
    view = docs_page(product, product.resources[0], DocsFamily.AZURERM)
    text = template.render(banner="", page=view)
    return text, [d.to_text() for d in report.errors], [d.code for d in report.warnings]


def test_fixture_page_round_trips(tmp_path: Path) -> None:
    text, errors, warnings = _round_trip(ACCOUNT, tmp_path)
    assert errors == [] and warnings == []
    original = ACCOUNT.read_text()
    assert sorted(_callouts(text)) == sorted(_callouts(original))  # arguments are re-sorted
    assert "Batch Accounts can be imported" in text
    # Every timeout the page lists comes back, `update` too (the resource updates in place).
    timeouts = re.findall(r"^\* `(\w+)` - \(Defaults to", text, re.M)
    assert timeouts == re.findall(r"^\* `(\w+)` - \(Defaults to", original, re.M)
    assert timeouts == ["create", "read", "update", "delete"]


@needs_shared
@pytest.mark.parametrize("name", ["batch_account", "container_group", "resource_group"])
def test_real_pages_keep_every_callout_after_its_bullet(name: str, tmp_path: Path) -> None:
    page = CORPUS / f"{name}.html.markdown"
    text, errors, _ = _round_trip(page, tmp_path)
    assert errors == []
    ours = _callouts(text)
    assert [c for c in _callouts(page.read_text()) if c not in ours] == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {SHARED}")
def test_every_corpus_page_imports_into_specs_that_validate_and_generate(tmp_path: Path) -> None:
    """Each real azurerm page, imported as it is, is a spec tree with no error: its own
    example checks against the schema it was read into (frontdoor's lists, batch_job's
    parent id), and both targets generate from it."""
    from generator.api import run_generate

    folder = tmp_path / "specs" / "batch"
    pages = sorted(CORPUS.glob("*.html.markdown"))
    assert len(pages) >= 5
    for page in pages:
        result = run(
            "import-docs", str(page), "-o", str(folder / (page.name.split(".")[0] + ".yaml"))
        )
        assert result.exit_code == 0, (page.name, result.output)
    report = validate_paths([str(tmp_path / "specs")])
    assert [d.to_text() for d in report.errors] == []
    outcome = run_generate(str(tmp_path / "specs"), str(tmp_path / "out"), target="all")
    assert outcome.exit_code == 0, [d.to_text() for d in outcome.diagnostics if d.is_error]
