"""`mmgen docs lint`: exit codes as `mmgen validate`, every output format, the summary."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli

from .conftest import BAD, GOOD


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["docs", "lint", *args], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback is a bug
    return result.exit_code, result.stdout, result.stderr


def test_clean_tree_exits_0_with_a_summary() -> None:
    code, out, err = run(str(GOOD), "--strict")
    assert (code, out) == (0, "")
    assert err == "3 page(s): 0 error(s), 0 warning(s)\n"


def test_errors_exit_1() -> None:
    code, out, err = run(str(BAD / "hcl-syntax.md"))
    assert code == 1
    assert out.startswith(f"{BAD / 'hcl-syntax.md'}:21:12: error[lint-hcl-syntax]: ")
    assert "\n    hint: " in out
    assert err == "by code: errors: lint-hcl-syntax 1\n1 page(s): 1 error(s), 0 warning(s)\n"


def test_warnings_pass_unless_strict() -> None:
    page = str(BAD / "heading-old.md")
    assert run(page)[0] == 0
    assert run(page, "--strict")[0] == 1


def test_json_format() -> None:
    code, out, err = run(str(BAD / "block-name.md"), "--format", "json")
    assert code == 1 and err == ""
    (item,) = json.loads(out)
    assert item["code"] == "lint-block-name"
    assert (item["line"], item["col"], item["severity"]) == (36, 3, "error")
    assert item["file"] == str(BAD / "block-name.md") and item["hint"]


def test_github_format() -> None:
    code, out, err = run(str(BAD / "link-malformed.md"), "--format", "github")
    assert code == 1 and err == ""
    assert out.startswith("::error file=")
    assert ",line=55,col=55,title=lint-link-malformed::" in out


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run(str(GOOD), str(tmp_path / "nope"))
    assert code == 2 and out == ""
    assert "path does not exist" in err


def test_no_pages_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a page\n", encoding="utf-8")
    code, _, err = run(str(tmp_path))
    assert code == 2
    assert "no docs page to lint" in err


def test_no_argument_is_a_usage_error() -> None:
    assert run()[0] == 2


def test_family_option() -> None:
    page = str(GOOD / "r" / "gadget.html.markdown")
    assert run(page, "--family", "google", "--strict")[0] == 0
    code, out, _ = run(page, "--family", "azurerm")
    assert code == 1 and "lint-front-matter-key" in out
    assert run(page, "--family", "nope")[0] == 2


def test_jobs_give_the_same_report() -> None:
    one = run(str(BAD), "--format", "json", "--jobs", "1")
    two = run(str(BAD), "--format", "json", "--jobs", "2")
    assert one == two and one[0] == 1
