"""`parent_id` is checked at validate time: where it may be, and what it implies."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.loaders.formats import load_any

KITCHEN = Path(__file__).resolve().parents[1] / "fixtures" / "gen-specs" / "kitchen"
TAP = (KITCHEN / "tap.yaml").read_text(encoding="utf-8")
PARENT = "parent_id: /subscriptions/{subscription_id}/sinks/{sink_name}"


def _tree(tmp_path: Path, tap: str) -> Path:
    folder = tmp_path / "kitchen"
    folder.mkdir()
    (folder / "product.yaml").write_text(
        (KITCHEN / "product.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    # The example names the sink type: keep the sink beside the tap.
    for name in ("sink.yaml", "custom"):
        src = KITCHEN / name
        if src.is_dir():
            (folder / name).mkdir()
            for f in src.iterdir():
                (folder / name / f.name).write_bytes(f.read_bytes())
        else:
            (folder / name).write_bytes(src.read_bytes())
    (folder / "tap.yaml").write_text(tap, encoding="utf-8")
    return folder / "tap.yaml"


def _validate(tmp_path: Path, tap: str) -> tuple[int, str]:
    spec = _tree(tmp_path, tap)
    result = CliRunner().invoke(cli, ["validate", str(spec.parent.parent)])
    return result.exit_code, result.stdout + result.stderr


def test_the_fixture_validates_and_implies_url_param_only_and_forces_new() -> None:
    loaded, _ = load_any([str(KITCHEN.parent)])
    tap = next(r for p in loaded.products for r in p.resources if r.name == "tap")
    sink_id = next(p for p in tap.properties if p.name == "sink_id")
    assert sink_id.parent_id == "/subscriptions/{subscription_id}/sinks/{sink_name}"
    assert sink_id.url_param_only and sink_id.forces_new and sink_id.api_name == ""
    assert sink_id.validation.regex is not None
    assert sink_id.validation.regex.startswith("(?i)^/subscriptions/")


@pytest.mark.parametrize(
    ("tap", "said"),
    [
        (
            TAP.replace(
                'id_template: "{sink_id}/taps/{name}"', 'id_template: "/taps/{sink_id}/{name}"'
            ),
            "does not start with `{sink_id}`",
        ),
        (
            TAP.replace(
                "    presence: required\n    " + PARENT, "    presence: computed\n    " + PARENT
            ),
            "must be a String the user sets",
        ),
        (
            TAP.replace(
                "  - name: flow\n    type: Integer\n",
                "  - name: flow\n    type: Integer\n    " + PARENT.replace("sinks", "x") + "\n",
            ),
            "must be a String the user sets",
        ),
    ],
    ids=["not-first", "computed", "integer"],
)
def test_misplaced_parent_ids_are_errors_at_the_key(tmp_path: Path, tap: str, said: str) -> None:
    assert tap != TAP
    code, out = _validate(tmp_path, tap)
    assert code == 1
    assert "error[parent-id]" in out and said in out
    # At the (last) `parent_id:` line of the spec, the one at fault, and nothing else.
    line = max(i for i, text in enumerate(tap.splitlines(), 1) if "parent_id:" in text)
    assert f"tap.yaml:{line}:" in out.split("error[parent-id]")[0].splitlines()[-1]


def test_the_docs_pages_import_example_is_a_real_id() -> None:
    """The import command fills the parent's id from its own template (the example's
    values), and `{name}` from the var this resource's own `name` is set from."""
    from generator.render.docs_view import docs_page

    loaded, _ = load_any([str(KITCHEN.parent)])
    product = loaded.products[0]
    tap = next(r for r in product.resources if r.name == "tap")
    (example,) = docs_page(product, tap).import_examples
    assert example.code == (
        "terraform import kitchen_tap.example "
        "/subscriptions/00000000-0000-0000-0000-000000000000/sinks/example-sink/taps/example-tap\n"
    )
