"""The located YAML reader: positions, hostile input, and never an exception."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.loaders import yaml_source
from generator.loaders.yaml_source import YMap, YScalar, YSeq, parse_yaml, read_spec_text


def codes(diags) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.code for d in diags]


def test_every_node_keeps_line_and_column() -> None:
    tree, diags = parse_yaml(
        "name: widget\nproperties:\n  - name: size\n    type: Integer\n", "w.yaml"
    )
    assert diags == []
    assert isinstance(tree, YMap)
    props = tree.get("properties")
    assert isinstance(props, YSeq)
    item = props.items[0]
    assert isinstance(item, YMap)
    assert (item.loc.line, item.loc.col) == (3, 5)
    key = item.key_node("type")
    assert key is not None and (key.loc.line, key.loc.col) == (4, 5)
    value = item.get("type")
    assert isinstance(value, YScalar) and (value.loc.line, value.loc.col) == (4, 11)
    assert str(value.loc) == "w.yaml:4:11"


def test_scalars_are_typed_but_keep_their_text() -> None:
    tree, _ = parse_yaml("a: 010\nb: 1.50\nc: true\nd: ~\ne: 2018-05-01\nf: '7'\n", "x")
    assert isinstance(tree, YMap)
    values = {k.value: (v.value, v.raw) for k, v in tree.entries if isinstance(v, YScalar)}
    assert values["a"] == (10, "010")
    assert values["b"] == (1.5, "1.50")
    assert values["c"] == (True, "true")
    assert values["d"] == (None, "~")
    assert values["e"] == ("2018-05-01", "2018-05-01")  # dates stay strings
    assert values["f"] == ("7", "7")


@pytest.mark.parametrize(
    "text", ["a: !!bool maybe\n", "a: !!int abc\n", "a: !!float x\n", "a: !!null x\n"]
)
def test_explicit_tags_that_do_not_fit_keep_the_text(text: str) -> None:
    tree, diags = parse_yaml(text, "x")
    assert isinstance(tree, YMap) and diags == []


def test_custom_tags_survive_as_data() -> None:
    tree, diags = parse_yaml("a: !ruby/object:Api::Type::String\n  name: x\n", "x")
    assert diags == []
    assert isinstance(tree, YMap)
    node = tree.get("a")
    assert isinstance(node, YMap) and node.tag == "!ruby/object:Api::Type::String"


def test_duplicate_key_is_reported_with_both_lines() -> None:
    tree, diags = parse_yaml("a: 1\nb: 2\na: 3\n", "x")
    assert codes(diags) == ["yaml-duplicate-key"]
    assert diags[0].location.line == 3
    assert "first defined at line 1" in diags[0].message
    assert isinstance(tree, YMap) and tree.get("a") is not None


def test_merge_keys_are_refused() -> None:
    _, diags = parse_yaml("base: &b {x: 1}\nother:\n  <<: *b\n", "x")
    assert codes(diags) == ["yaml-merge"]
    assert diags[0].location.line == 3


def test_complex_keys_are_refused() -> None:
    _, diags = parse_yaml("? [a, b]\n: c\n", "x")
    assert codes(diags) == ["yaml-key"]


def test_billion_laughs_is_measured_not_expanded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    tree, diags = parse_yaml("\n".join(lines) + "\n", "bomb.yaml")
    assert tree is None
    assert codes(diags) == ["yaml-too-large"]


def test_recursive_alias_does_not_hang() -> None:
    tree, diags = parse_yaml("a: &x [1, *x]\n", "x")
    assert tree is None and codes(diags) == ["yaml-recursive-alias"]
    assert (diags[0].location.line, diags[0].location.col) == (1, 4)


def test_shared_aliases_below_the_budget_are_fine() -> None:
    tree, diags = parse_yaml("a: &a {x: 1}\nb: *a\nc: *a\n", "x")
    assert diags == [] and isinstance(tree, YMap)


@pytest.mark.parametrize(
    "text", ["[" * 3000 + "]" * 3000, "a:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(1500))]
)
def test_deep_nesting_is_an_error_not_a_crash(text: str) -> None:
    tree, diags = parse_yaml(text, "x")
    assert tree is None
    assert codes(diags) in (["yaml-depth"], ["yaml-syntax"])


@pytest.mark.parametrize("prefix", ["", "a: "])
def test_the_tree_depth_limit_holds_for_scalars_too(prefix: str) -> None:
    # Scalars skip convert()'s recursive call; they must not skip its depth limit (201 levels).
    depth = 200 - len(prefix) // 3  # the mapping is one level itself
    ok = prefix + "[" * depth + "1" + "]" * depth
    deeper = prefix + "[" * (depth + 1) + "1" + "]" * (depth + 1)
    assert parse_yaml(ok, "x")[1] == []
    tree, diags = parse_yaml(deeper, "x")
    assert tree is None and codes(diags) == ["yaml-depth"]


@pytest.mark.parametrize(
    "text, line, col, fragment",
    [
        ("a: [1, 2\n", 2, 1, "while parsing a flow sequence that starts at line 1"),
        ("a: 1\n b: 2\n", 2, 2, "bad indentation: `b:` is indented deeper than `a:`"),
        ("a: x: y\n", 1, 5, "mapping values are not allowed here"),
        ("a:\n\tb: 1\n", 2, 1, "found character '\\t'"),
        (
            "a: 1\n---\nb: 2\n",
            2,
            1,
            "expected a single document in the stream, but found another document",
        ),
        ('a: "x\n', 2, 1, "found unexpected end of stream"),
    ],
)
def test_syntax_errors_point_at_the_problem(text: str, line: int, col: int, fragment: str) -> None:
    tree, diags = parse_yaml(text, "x")
    assert tree is None
    (d,) = diags
    assert d.code == "yaml-syntax"
    assert (d.location.line, d.location.col) == (line, col)
    assert fragment in d.message
    assert d.hint


def test_control_character_position() -> None:
    _, diags = parse_yaml("a: 1\nb: x\x07y\n", "x")
    (d,) = diags
    assert d.code == "yaml-syntax"
    assert (d.location.line, d.location.col) == (2, 5)
    assert "U+0007" in d.message


@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n"])
def test_empty_documents(text: str) -> None:
    tree, diags = parse_yaml(text, "x")
    assert tree is None and codes(diags) == ["yaml-empty"]


def test_explicit_empty_document_is_a_null_scalar() -> None:
    # The loader then reports "must be a mapping of keys" for it.
    tree, diags = parse_yaml("%YAML 1.2\n---\n", "x")
    assert diags == [] and isinstance(tree, YScalar) and tree.value is None


def test_nul_bytes_in_text_are_binary() -> None:
    tree, diags = parse_yaml("a: 1\x00\n", "x")
    assert tree is None and codes(diags) == ["yaml-binary"]


# --- read_spec_text ---------------------------------------------------------------------


def test_read_utf8_with_bom(tmp_path: Path) -> None:
    f = tmp_path / "s.yaml"
    f.write_bytes(b"\xef\xbb\xbfname: x\n")
    assert read_spec_text(str(f), "s.yaml") == ("name: x\n", [])


def test_read_binary_and_latin1(tmp_path: Path) -> None:
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    text, diags = read_spec_text(str(binary), "b.yaml")
    assert text is None and codes(diags) == ["yaml-binary"]
    latin = tmp_path / "l.yaml"
    latin.write_bytes(b"a: 1\nb: Gr\xf6\xdfe\n")
    text, diags = read_spec_text(str(latin), "l.yaml")
    assert text is None and codes(diags) == ["encoding"]
    assert (diags[0].location.line, diags[0].location.col) == (2, 6)


def test_read_missing_directory_and_fifo(tmp_path: Path) -> None:
    assert (
        read_spec_text(str(tmp_path / "nope.yaml"), "nope.yaml")[1][0].message
        == "file does not exist"
    )
    _, diags = read_spec_text(str(tmp_path), "dir")
    assert "is a directory" in diags[0].message
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "p.yaml"
        os.mkfifo(fifo)
        _, diags = read_spec_text(str(fifo), "p.yaml")
        assert "not a regular file" in diags[0].message


def test_read_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Running as root, chmod cannot make a file unreadable: have `open` refuse instead.
    f = tmp_path / "s.yaml"
    f.write_text("a: 1\n")

    real_open = os.open

    def refuse(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(f):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    # Specs are read through confine.read_regular, which opens with os.open.
    monkeypatch.setattr(os, "open", refuse)
    text, diags = read_spec_text(str(f), "s.yaml")
    assert text is None
    assert diags[0].message == "file is not readable (permission denied)"


def test_read_other_os_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "s.yaml"
    f.write_text("a: 1\n")

    real_open = os.open

    def fail(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(f):
            raise OSError(5, "Input/output error")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", fail)
    _, diags = read_spec_text(str(f), "s.yaml")
    assert diags[0].message == "cannot read file: Input/output error"


def test_read_refuses_huge_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_source, "MAX_FILE_BYTES", 16)
    f = tmp_path / "s.yaml"
    f.write_text("a: " + "x" * 100 + "\n")
    text, diags = read_spec_text(str(f), "s.yaml")
    assert text is None and "larger than" in diags[0].message


def test_reused_anchor_names_are_silent() -> None:
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tree, diags = parse_yaml("a: &x 1\nb: &x 2\nc: *x\n", "x")
    assert caught == [] and diags == []
    assert isinstance(tree, YMap)
    c = tree.get("c")
    assert isinstance(c, YScalar) and c.value == 2


@pytest.mark.parametrize(
    "text, line, col, fragment, hint",
    [
        (
            "name: x\napi:\n  base_url: a\n   id_template: b\n",
            4,
            4,
            "`id_template:` is indented deeper than `base_url:`",
            "column 3",
        ),
        (
            "p:\n  - name: a\n    type: String\n   description: d\n",
            4,
            4,
            "`description:` at column 4 lines up with no key",
            "column 5, like `type:`",
        ),
        (
            "p:\n  - name: a\n   - name: b\n",
            3,
            4,
            "`- name:` entry starts at column 4",
            "column 3",
        ),
    ],
)
def test_bad_indentation_is_said_plainly(
    text: str, line: int, col: int, fragment: str, hint: str
) -> None:
    """ruamel's parser-state wording becomes what is off, at the key, with the column."""
    _, diags = parse_yaml(text, "x")
    (d,) = diags
    assert d.code == "yaml-syntax" and (d.location.line, d.location.col) == (line, col)
    assert fragment in d.message and "<block" not in d.message
    assert hint in d.hint
