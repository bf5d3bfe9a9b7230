"""`hcl_parse`: the tree read from tree-sitter-hcl, errors placed by python-hcl2, and the
two parsers' verdicts compared, by example and by property."""

from __future__ import annotations

import pickle
from pathlib import Path

import hcl2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import hcl_parse
from generator.hcl_parse import Attribute, Block, HclSyntaxError, parse_hcl

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_blocks_labels_and_attributes_with_their_positions() -> None:
    body = parse_hcl('resource "google_x" "a" {\n  name = "n"\n  inner {\n  }\n}\nlocals {}\n')
    res, loc = body.items
    assert isinstance(res, Block) and isinstance(loc, Block)
    assert (res.name, res.labels, res.line, res.col) == ("resource", ("google_x", "a"), 1, 1)
    name, inner = res.body.items
    assert isinstance(name, Attribute) and (name.name, name.line, name.col) == ("name", 2, 3)
    assert isinstance(inner, Block) and inner.body.items == ()
    # An empty body sits at its block's `{`.
    assert (inner.body.line, inner.body.col) == (3, 9)
    assert (loc.name, loc.labels, loc.body.line, loc.body.col) == ("locals", (), 6, 8)


@pytest.mark.parametrize(
    ("value", "kind", "content"),
    [
        ('"text"', "string", "text"),
        ('""', "string", ""),
        (r'"a\"b"', "string", r"a\"b"),
        ("3", "number", "3"),
        ("-2.5", "number", "-2.5"),
        ("(4)", "number", "4"),
        ("true", "bool", "true"),
        ("null", "null", None),
        ('"${var.x}-y"', "expr", None),
        ("var.x", "expr", None),
        ("f(1)", "expr", None),
        ("-var.x", "expr", None),
        ("!true", "expr", None),
        ("x[*].id", "expr", None),
        ("<<EOT\nhi\nEOT", "expr", None),
    ],
)
def test_literal_kinds(value: str, kind: str, content: object) -> None:
    (attr,) = parse_hcl(f"a = {value}\n").items
    assert isinstance(attr, Attribute)
    assert (attr.expr.kind, attr.expr.value) == (kind, content)


def test_lists_and_maps_hold_their_elements() -> None:
    lst, obj = parse_hcl('l = [1, "s", [true]]\nm = { a = 1, "b" = "c", d: x }\n').items
    assert isinstance(lst, Attribute) and isinstance(obj, Attribute)
    assert [e.kind for e in lst.expr.value] == ["number", "string", "list"]
    assert [(k, v.kind) for k, v in obj.expr.value] == [
        ("a", "number"),
        ("b", "string"),
        ("d", "expr"),
    ]
    assert (obj.expr.value[1][1].line, obj.expr.value[1][1].col) == (2, 20)


def test_columns_count_characters_not_bytes() -> None:
    (attr,) = parse_hcl('a = { "été" = 1, z = "ü" }\n').items
    assert isinstance(attr, Attribute)
    (_, first), (_, second) = attr.expr.value
    assert (first.col, second.col) == (15, 22)


def test_an_error_is_placed_at_the_token_python_hcl2_stops_at() -> None:
    with pytest.raises(HclSyntaxError) as err:
        parse_hcl("a = {\n  b = = 1\n}\n")
    assert (err.value.line, err.value.col, err.value.message) == (2, 7, "unexpected `=`")


def test_an_unrendered_placeholder_is_named_at_its_percent() -> None:
    with pytest.raises(HclSyntaxError) as err:
        parse_hcl('name = "tf-test-%{random_suffix}"\n')
    assert (err.value.line, err.value.col) == (1, 17)
    assert "placeholder" in err.value.message and "%%{" in err.value.hint


def test_an_unclosed_block_says_so() -> None:
    with pytest.raises(HclSyntaxError) as err:
        parse_hcl('resource "a" "b" {\n  c = 1\n')
    assert "ends inside" in err.value.message


def test_where_only_python_hcl2_accepts_the_configuration_is_hcl_unchecked() -> None:
    # `1e5` is an HCL number; tree-sitter-hcl wants a fraction before the exponent.
    assert parse_hcl("a = 1e5\n").items == ()


@pytest.mark.parametrize(
    "text",
    ["{ a = 1 }\n", "a = 0x1F\n", 'a.b "l" {}\n'],
    ids=["top-level-object", "hex", "dotted-name"],
)
def test_what_only_tree_sitter_accepts_is_an_error(text: str) -> None:
    assert not _hcl2_accepts(text)
    with pytest.raises(HclSyntaxError):
        parse_hcl(text)


def test_a_multi_line_value_in_brackets_is_fine() -> None:
    (attr,) = parse_hcl("a = [\n  1,\n  2,\n]\n").items
    assert isinstance(attr, Attribute) and attr.expr.kind == "list"


@pytest.mark.parametrize(
    "deep", ["(" * 1000 + "1" + ")" * 1000, "!" * 2000 + "true", "[" * 3000 + "]" * 3000]
)
def test_deep_nesting_is_a_syntax_error_never_a_crash(deep: str) -> None:
    with pytest.raises(HclSyntaxError) as err:
        parse_hcl(f"a = {deep}\n")
    assert "deep" in err.value.message


def _hcl2_accepts(text: str) -> bool:
    try:
        hcl2.parses_to_tree(text)
    except Exception:
        return False
    return True


def _ts_accepts(text: str) -> bool:
    data = text.encode("utf-8", "surrogatepass")
    return not hcl_parse.tree_sitter_tree(data).root_node.has_error


ATOMS = st.sampled_from(
    [
        '"s"',
        "1",
        "-2",
        "true",
        "null",
        "var.x",
        '"${a.b}"',
        "[1, 2]",
        "{ k = 1 }",
        "f(x)",
        "=",
        '"a\x00b"',
        "\x00",
    ]
)
NAMES = st.sampled_from(["a", "name", "b_2", "for", "x-y"])


@st.composite
def configs(draw: st.DrawFn, depth: int = 0) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 2 and draw(st.booleans()):
            label = draw(st.sampled_from(["", ' "l"', ' "l" "m"']))
            lines.append(f"{draw(NAMES)}{label} {{\n{draw(configs(depth + 1))}}}")
        else:
            lines.append(f"{draw(NAMES)} = {draw(ATOMS)}")
    lines.append(draw(st.sampled_from(["", "}", "{", '"', "a ="])))
    return "\n".join(lines) + "\n"


@given(configs())
def test_the_two_parsers_agree_on_what_is_hcl(text: str) -> None:
    assert _ts_accepts(text) == _hcl2_accepts(text), text


@given(configs())
def test_parse_never_raises_anything_but_a_syntax_error(text: str) -> None:
    try:
        parse_hcl(text)
    except HclSyntaxError as err:
        assert err.line >= 1 and err.col >= 1


@pytest.mark.skipif(not (SHARED / "google-docs").is_dir(), reason="needs ../shared/corpus")
def test_the_parsers_agree_on_every_real_page_example() -> None:
    import re

    texts = []
    for page in sorted((SHARED / "google-docs").rglob("*.markdown")):
        text = page.read_text(encoding="utf-8")
        texts += [m.group(2) for m in re.finditer(r"```(hcl|terraform|tf)\n(.*?)```", text, re.S)]
    assert len(texts) > 2000
    disagree = [t for t in texts if _ts_accepts(t) != _hcl2_accepts(t)]
    assert disagree == []


def test_nul_inside_a_string_is_hcl_and_outside_is_not() -> None:
    # tree-sitter alone reads NUL as the end of input; HCL (and python-hcl2) allow it in a
    # string. Found by the spec-strings property.
    (attr,) = parse_hcl('a = "x\x00y"\n').items
    assert isinstance(attr, Attribute) and attr.expr.value == "x\x00y"
    with pytest.raises(HclSyntaxError):
        parse_hcl("a = \x00\n")


def test_parsed_trees_pickle() -> None:
    # Validation results cross process boundaries; a parsed body must survive that.
    body = parse_hcl('a = [1, { b = "c" }]\nblk "l" {}\n')
    assert pickle.loads(pickle.dumps(body)) == body
