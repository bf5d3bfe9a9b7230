"""`mmgen fmt`: idempotent, model-preserving, confined, and `--check` writes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import cli
from generator.spec_fmt import format_text

ROOT = Path(__file__).resolve().parents[2]
MESSY = """\
# A comment that stays.
name: widget\r
description: |\r
  Text with   inner spaces.\r
api:
    base_url: widgets   \r
    id_template: /widgets/{name}
    update_verb: null
properties:
    -   name: name   # trailing comment
        type: String
        presence: required
    - {name: size, type: Integer}


"""


def _model(path: Path) -> str:
    res = CliRunner().invoke(cli, ["schema", "model", str(path)])
    assert res.exit_code == 0, res.output
    return res.stdout


def test_check_lists_files_and_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "widget.yaml"
    spec.write_bytes(MESSY.encode())
    res = CliRunner().invoke(cli, ["fmt", "--check", str(tmp_path)])
    assert res.exit_code == 1
    assert f"would reformat {spec}" in res.stderr
    assert spec.read_bytes() == MESSY.encode()
    res = CliRunner().invoke(cli, ["fmt", str(tmp_path)])
    assert res.exit_code == 0 and f"reformatted {spec}" in res.stderr
    text = spec.read_text(encoding="utf-8")
    assert "\r" not in text and "# A comment that stays." in text and "# trailing comment" in text
    assert "  - name: name" in text and "update_verb: null" in text and text.endswith("}\n")
    assert CliRunner().invoke(cli, ["fmt", "--check", str(tmp_path)]).exit_code == 0


def test_fmt_keeps_the_loaded_model(tmp_path: Path) -> None:
    for src in (ROOT / "specs", ROOT / "tests" / "fixtures" / "gen-specs"):
        copy = tmp_path / src.name
        shutil.copytree(src, copy)
        for spec in copy.rglob("*.yaml"):  # make each file need formatting
            text = spec.read_text(encoding="utf-8")
            spec.write_bytes((text.replace("\n", "\r\n") + "\r\n\n").encode())
        before = _model(copy)
        assert CliRunner().invoke(cli, ["fmt", str(copy)]).exit_code == 0
        assert json.loads(_model(copy)) == json.loads(before)
        assert _model(copy) == before


def test_specs_and_fixtures_are_already_formatted() -> None:
    res = CliRunner().invoke(
        cli, ["fmt", "--check", str(ROOT / "specs"), str(ROOT / "tests/fixtures/gen-specs")]
    )
    assert res.exit_code == 0, res.stderr


def test_symlink_leaving_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("a:    1\n", encoding="utf-8")
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "link.yaml").symlink_to(outside)
    res = CliRunner().invoke(cli, ["fmt", str(specs)])
    assert res.exit_code == 1 and "error[fmt-outside]" in res.stderr
    assert outside.read_text(encoding="utf-8") == "a:    1\n"


def test_unparsable_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [1\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["fmt", str(tmp_path)])
    assert res.exit_code == 1 and "error[fmt-unreadable]" in res.stderr
    assert bad.read_text(encoding="utf-8") == "a: [1\n"


NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
SCALARS = st.one_of(
    st.integers(-1000, 1000),
    st.booleans(),
    st.none(),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=20),
)
PROPS = st.lists(
    st.fixed_dictionaries(
        {"name": NAMES, "type": st.sampled_from(["String", "Integer", "Boolean"])},
        optional={"description": SCALARS, "default": SCALARS, "enum_values": st.lists(NAMES)},
    ),
    max_size=4,
)
SPECS = st.fixed_dictionaries(
    {"name": NAMES, "properties": PROPS},
    optional={"description": SCALARS, "api": st.dictionaries(NAMES, SCALARS, max_size=3)},
)


@settings(max_examples=60, deadline=None)
@given(SPECS, st.sampled_from([2, 3, 4]), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_fmt_is_idempotent_and_keeps_data(
    spec: dict[str, object], indent: int, newline: str, flow: bool
) -> None:
    from io import StringIO

    from ruamel.yaml import YAML

    writer = YAML(typ="rt", pure=True)
    writer.indent(mapping=indent, sequence=indent + 2, offset=indent)
    writer.default_flow_style = flow
    out = StringIO()
    writer.dump(spec, out)
    text = out.getvalue().replace("\n", newline)
    once = format_text(text)
    assert format_text(once) == once
    safe = YAML(typ="safe", pure=True)
    assert safe.load(once) == safe.load(text)
