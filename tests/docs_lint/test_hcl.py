"""Example HCL is parsed by python-hcl2, and its errors land on the page's line and column,
also inside list items; other code blocks are not HCL."""

from __future__ import annotations

from .conftest import found, lint_string


def hcl_findings(body: str) -> list[tuple[str, int, int]]:
    return [f for f in found(lint_string(body)) if f[0] == "lint-hcl-syntax"]


def test_fence_in_a_list_item_keeps_its_column() -> None:
    page = "# x\n\n* `a` - (Optional) For example:\n\n  ```hcl\n  a = {\n    b = = 1\n  }\n  ```\n"
    assert hcl_findings(page) == [("lint-hcl-syntax", 7, 9)]


def test_placeholder_directive_points_at_its_percent() -> None:
    page = '# x\n\n```terraform\nname = "tf-test-%{random_suffix}"\n```\n'
    diags = [d for d in lint_string(page) if d.code == "lint-hcl-syntax"]
    assert found(diags) == [("lint-hcl-syntax", 4, 17)]
    assert "placeholder" in diags[0].message and "%%{" in diags[0].hint


def test_unclosed_block_is_reported_on_its_last_line() -> None:
    page = '# x\n\n```tf\nresource "a" "b" {\n  c = 1\n```\n'
    diags = [d for d in lint_string(page) if d.code == "lint-hcl-syntax"]
    assert found(diags) == [("lint-hcl-syntax", 5, 1)]
    assert "ends inside" in diags[0].message


def test_only_hcl_blocks_are_parsed() -> None:
    page = (
        "# x\n\n```shell\n$ terraform import a.b {{name}}\n```\n\n```\nnot = = hcl\n```\n\n"
        '```hcl\nimport {\n  id = "{{project}}/{{name}}"\n  to = a.b\n}\n```\n'
    )
    assert hcl_findings(page) == []


def test_fence_starting_with_a_blank_line_keeps_its_column() -> None:
    page = "# x\n\n* `a` - (Optional) For example:\n\n  ```hcl\n\n  a = = 1\n  ```\n"
    assert hcl_findings(page) == [("lint-hcl-syntax", 7, 7)]


def test_two_arguments_on_one_line_are_a_syntax_error() -> None:
    """Terraform ends every argument with a newline; both parsers here would accept it."""
    page = '# x\n\n```hcl\nresource "a" "b" {\n  name = "n" size = 1\n}\n```\n'
    diags = [d for d in lint_string(page) if d.code == "lint-hcl-syntax"]
    assert found(diags) == [("lint-hcl-syntax", 5, 14)]
    assert "a second argument (`size`)" in diags[0].message
