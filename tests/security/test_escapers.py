"""Each output language's escaper, over all of Unicode: what a spec string becomes in YAML
front matter, TOML, HCL and Markdown reads back as the string, through real parsers where
the language has one in the standard library or our dependencies."""

from __future__ import annotations

import re
import tomllib

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from generator.render.literals import hcl_string, md_inline_code, toml_string, yaml_scalar

ANY = st.text(st.characters(codec=None), max_size=60)
NO_SURROGATES = st.text(st.characters(codec="utf-8"), max_size=60)
LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _fixed(value: str) -> str:
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in value)


@given(ANY)
def test_yaml_front_matter_round_trips(value: str) -> None:
    loaded = YAML(typ="safe").load("page_title: " + yaml_scalar(value) + "\n")
    assert loaded == {"page_title": _fixed(value)}


@given(ANY)
def test_toml_round_trips(value: str) -> None:
    assert tomllib.loads("x = " + toml_string(value)) == {"x": _fixed(value)}


HCL_ESCAPE = re.compile(r'\\(?:[nrt"\\]|u[0-9A-F]{4}|U[0-9A-F]{8})')


def _hcl_decode(literal: str) -> str:
    assert literal[0] == literal[-1] == '"'
    body = literal[1:-1]

    def one(m: re.Match[str]) -> str:
        s = m.group(0)
        simple = {"\\n": "\n", "\\r": "\r", "\\t": "\t", '\\"': '"', "\\\\": "\\"}
        return simple.get(s) or chr(int(s[2:], 16))

    # Each escape stands in for one character: `%\u001F{` is not HCL's `%{` (the escape
    # sits between them), so an escape becomes a neutral character, not nothing.
    rest = HCL_ESCAPE.sub("_", body)
    assert "\\" not in rest, f"an escape HCL does not have in {literal!r}"
    assert '"' not in rest and not LINE_BREAKS.search(rest)
    assert "${" not in rest.replace("$${", "") and "%{" not in rest.replace("%%{", "")
    return HCL_ESCAPE.sub(one, body).replace("$${", "${").replace("%%{", "%{")


@given(ANY)
def test_hcl_strings_use_hcl_escapes_only_and_decode_back(value: str) -> None:
    assert _hcl_decode(hcl_string(value)) == _fixed(value)


@given(NO_SURROGATES)
def test_inline_code_stays_one_code_span_in_one_bullet(value: str) -> None:
    code = md_inline_code(value)
    assert not LINE_BREAKS.search(code)
    tokens = MarkdownIt("commonmark").parse(f"* x - {code}\n\n## Next\n")
    kinds = [t.type for t in tokens]
    assert kinds.count("bullet_list_open") == 1 and kinds.count("heading_open") == 1
    inline = next(t for t in tokens if t.type == "inline" and t.content.startswith("x - "))
    spans = [c for c in inline.children or [] if c.type == "code_inline"]
    assert len(spans) == 1
