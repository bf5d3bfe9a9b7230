"""`mmgen docs build` without a browser: golden site, determinism, footers, links, errors.

Regenerate the golden site with `UPDATE_GOLDEN=1 pytest tests -k golden` and review it.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.docs_site.build import render_site
from generator.docs_site.pages import select_pages
from generator.docs_site.provenance import DIRTY_NOTE, NOT_IN_GIT, specs_commit
from generator.manifest import MANIFEST_NAME
from generator.pipeline import generate
from generator.product_cache import ProductCache
from generator.render.environment import builtin_templates_dir

from .site_helpers import (
    COMMIT,
    GOLDEN,
    MMV1_SPECS,
    REPO,
    SPECS,
    build,
    check_links,
    parse_html,
    site_files,
)

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# Copies of committed files: compared with their source, not kept twice in the golden.
ASSET_COPIES = {"assets/favicon.svg", "assets/site.css", "assets/site.js"}


@pytest.fixture(scope="module")
def specs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("specs-site") / "site"
    build(SPECS, out)
    return out


@pytest.fixture(scope="module")
def mmv1_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mmv1-site") / "site"
    build(MMV1_SPECS, out)
    return out


def test_golden_site(specs_site: Path) -> None:
    got = {p: b for p, b in site_files(specs_site).items() if p not in ASSET_COPIES}
    if UPDATE:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, data in got.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(data)
    want = site_files(GOLDEN)
    assert sorted(got) == sorted(want), "file lists differ: UPDATE_GOLDEN=1 and review"
    for path in sorted(got):
        assert got[path] == want[path], f"{path} differs from tests/golden/docs-site/"
    assets = builtin_templates_dir() / "docs-site" / "assets"
    for path in sorted(ASSET_COPIES):
        assert (specs_site / path).read_bytes() == (assets / Path(path).name).read_bytes()


def test_site_layout(specs_site: Path, mmv1_site: Path) -> None:
    assert sorted(site_files(specs_site)) == [
        MANIFEST_NAME,
        "assets/favicon.svg",
        "assets/search-index.js",
        "assets/site.css",
        "assets/site.js",
        "index.html",
        "provider.html",
        "r/batch_ai_job.html",
    ]
    assert "r/library_bookcase.html" in site_files(mmv1_site)
    index = (specs_site / "index.html").read_text()
    assert '<h2 id="batch-ai">Batch AI' in index
    assert '<a href="r/batch_ai_job.html"><code>azurerm_batch_ai_job</code></a>' in index


def _footer(page: str) -> tuple[str, str]:
    spec = re.search(r'<code class="footer-spec">([^<]*)</code>', page)
    commit = re.search(r'<code class="footer-commit">([^<]*)</code>', page)
    assert spec and commit, "no footer"
    return spec.group(1), commit.group(1)


def test_footers_name_the_spec_and_the_commit(specs_site: Path, mmv1_site: Path) -> None:
    assert _footer((specs_site / "r/batch_ai_job.html").read_text()) == (
        "specs/batchai/batch_ai_job.yaml",
        COMMIT,
    )
    assert _footer((specs_site / "provider.html").read_text()) == ("specs/provider.yaml", COMMIT)
    assert _footer((specs_site / "index.html").read_text()) == ("specs/provider.yaml", COMMIT)
    assert _footer((mmv1_site / "r/library_bookcase.html").read_text()) == (
        "products/library/Bookcase.yaml",
        COMMIT,
    )


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=folder, check=True, capture_output=True, text=True
    ).stdout.strip()


def test_default_commit_is_the_specs_repository_head(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not on PATH: the default --commit reads `git rev-parse HEAD`")
    repo = tmp_path / "repo"
    shutil.copytree(SPECS, repo / "specs")
    assert specs_commit(repo / "specs") == NOT_IN_GIT
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    env = ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    _git(repo, *env, "commit", "-qm", "specs")
    head = _git(repo, "rev-parse", "HEAD")
    assert specs_commit(repo / "specs") == head
    out = tmp_path / "site"
    build(repo / "specs", out, commit=None)
    assert _footer((out / "r/batch_ai_job.html").read_text())[1] == head
    (repo / "specs" / "batchai" / "product.yaml").write_text(
        (repo / "specs" / "batchai" / "product.yaml").read_text() + "\n"
    )
    assert specs_commit(repo / "specs") == head + DIRTY_NOTE


def test_not_in_git(tmp_path: Path) -> None:
    specs = shutil.copytree(SPECS, tmp_path / "specs")
    out = tmp_path / "site"
    build(specs, out, commit=None)
    assert _footer((out / "index.html").read_text())[1] == NOT_IN_GIT


def _check_links(site: Path) -> int:
    return check_links({p: b.decode() for p, b in site_files(site).items()})


def test_every_link_resolves(specs_site: Path, mmv1_site: Path) -> None:
    assert _check_links(specs_site) > 100
    assert _check_links(mmv1_site) > 20
    page = (mmv1_site / "r/library_bookcase.html").read_text()
    assert 'href="#nested_shelf_layout_shelf"' in page
    assert '<p id="nested_shelf_layout_shelf" class="block-intro">' in page


def _index(site: Path) -> dict[str, Any]:
    text = (site / "assets/search-index.js").read_text()
    prefix = "window.MMGEN_SEARCH_INDEX = "
    assert text.startswith(prefix) and text.endswith(";\n")
    data: dict[str, Any] = json.loads(text[len(prefix) : -2])
    return data


def test_search_index_of_a_google_tree(mmv1_site: Path) -> None:
    """Google pages say "Argument Reference": their fields are arguments all the same."""
    kinds = {(e[0], e[1], e[2]) for e in _index(mmv1_site)["entries"]}
    assert ("a", "display_name", "Argument Reference") in kinds
    assert ("a", "label", "block shelf") in kinds
    assert ("t", "create_time", "Attributes Reference") in kinds
    assert ("b", "shelf", "Argument Reference") in kinds
    assert ("f", "create", "Timeouts") in kinds


def test_search_index_lists_resources_arguments_and_blocks(specs_site: Path) -> None:
    data = _index(specs_site)
    titles = [p[0] for p in data["pages"]]
    assert "azurerm_batch_ai_job" in titles
    kinds = {(e[0], e[1]) for e in data["entries"]}
    assert ("a", "node_count") in kinds
    assert ("t", "execution_state") in kinds
    assert ("b", "container_settings") in kinds
    page = (specs_site / "r/batch_ai_job.html").read_text()
    ids = set(parse_html(page).ids)
    for e in data["entries"]:
        if data["pages"][e[3]][2] == "r/batch_ai_job.html":
            assert e[4] in ids


def test_same_bytes_under_any_hash_seed(tmp_path: Path) -> None:
    """Fresh interpreters, other hash seeds, no product cache, the specs elsewhere."""
    digests = []
    for run, seed in enumerate(("0", "1", "random")):
        specs = shutil.copytree(SPECS, tmp_path / f"run-{run}" / "specs")
        env = dict(os.environ, PYTHONHASHSEED=seed, MMGEN_CACHE_DIR="off", PYTHONPATH=str(REPO))
        proc = subprocess.run(
            [sys.executable, "-m", "generator.cli", "docs", "build", "--specs", str(specs)]
            + ["--out", str(tmp_path / f"run-{run}" / "site"), "--commit", COMMIT],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        digests.append(site_files(tmp_path / f"run-{run}" / "site"))
    assert digests[0] == digests[1] == digests[2]
    assert len(digests[0]) == 8


def test_same_bytes_whatever_the_file_order(monkeypatch: pytest.MonkeyPatch) -> None:
    uncached = ProductCache(None)
    files = generate(MMV1_SPECS, "python", product_cache=uncached).files
    first = render_site(files, "Google", COMMIT, "products")
    real_iterdir, real_rglob = Path.iterdir, Path.rglob
    rng = random.Random(3)

    def shuffled_iterdir(self: Path):  # type: ignore[no-untyped-def]
        items = list(real_iterdir(self))
        rng.shuffle(items)
        return iter(items)

    def shuffled_rglob(self: Path, pattern: str):  # type: ignore[no-untyped-def]
        items = list(real_rglob(self, pattern))
        rng.shuffle(items)
        return iter(items)

    monkeypatch.setattr(Path, "iterdir", shuffled_iterdir)
    monkeypatch.setattr(Path, "rglob", shuffled_rglob)
    again = generate(MMV1_SPECS, "python", product_cache=uncached).files
    reordered = dict(reversed(list(again.items())))
    assert render_site(reordered, "Google", COMMIT, "products") == first


def test_pages_are_picked_by_template_one_per_owner() -> None:
    """Two targets, or two docs layouts, hold copies of each page: one page each."""
    files = generate(SPECS, "all").files
    pages = select_pages(files)
    assert [p.site_path for p in pages] == ["provider.html", "r/batch_ai_job.html"]
    assert all(p.source.startswith("go/") for p in pages)
    one = render_site(generate(SPECS, "go").files, "t", COMMIT, "specs")
    both = render_site(files, "t", COMMIT, "specs")
    assert one == both


def test_spec_errors_exit_1_and_write_nothing(tmp_path: Path) -> None:
    out = tmp_path / "site"
    bad = REPO / "tests" / "fixtures" / "bad-specs" / "missing-key"
    result = CliRunner().invoke(cli, ["docs", "build", "--specs", str(bad), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "error[" in result.output and "missing-key" in result.output
    assert not out.exists()
    as_json = CliRunner().invoke(
        cli, ["docs", "build", "--specs", str(bad), "--out", str(out), "--format", "json"]
    )
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout)[0]["severity"] == "error"
    assert not out.exists()


def test_no_resource_no_site(tmp_path: Path) -> None:
    """Specs read in the wrong format give no resource: exit 1, nothing written."""
    out = tmp_path / "site"
    args = ["docs", "build", "--specs", str(MMV1_SPECS), "--out", str(out)]
    result = CliRunner().invoke(cli, args + ["--spec-format", "azure-mm"])
    assert result.exit_code == 1, result.output
    assert "error[no-specs]" in result.output
    assert "has a docs page; nothing was written" in result.output
    assert not out.exists()


def test_missing_specs_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["docs", "build", "--specs", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "specs folder does not exist" in result.output


def test_rebuild_keeps_unchanged_files_and_refuses_foreign_ones(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(SPECS, out)
    page = out / "r" / "batch_ai_job.html"
    mtime = page.stat().st_mtime_ns
    second = build(SPECS, out)
    assert page.stat().st_mtime_ns == mtime
    assert "0 file(s) changed" in second.messages[-1]
    # A file the site does not own, where a page would go: nothing is written.
    other = tmp_path / "other"
    (other / "r").mkdir(parents=True)
    (other / "r" / "batch_ai_job.html").write_text("mine")
    result = CliRunner().invoke(
        cli, ["docs", "build", "--specs", str(SPECS), "--out", str(other), "--commit", COMMIT]
    )
    assert result.exit_code == 1
    assert "not in .mmgen-manifest.json" in result.output
    assert sorted(p.name for p in other.rglob("*")) == ["batch_ai_job.html", "r"]


def test_stale_pages_are_deleted(tmp_path: Path) -> None:
    specs = shutil.copytree(MMV1_SPECS.parent, tmp_path / "mmv1") / "products"
    out = tmp_path / "site"
    build(specs, out)
    assert (out / "r/library_bookcase.html").is_file()
    shutil.copytree(
        REPO / "tests" / "fixtures" / "nested" / "mmv1" / "products" / "shelves",
        specs / "shelves",
    )
    build(specs, out)
    assert (out / "r/shelves_shelf.html").is_file()
    shutil.rmtree(specs / "shelves")
    outcome = build(specs, out)
    assert not (out / "r/shelves_shelf.html").exists()
    assert "deleted stale r/shelves_shelf.html" in outcome.messages
