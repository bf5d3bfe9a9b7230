"""The page's YAML front matter: found, parsed (with the spec loader's YAML reader, so bad
YAML is a located diagnostic), and its keys with their lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Location
from ..loaders.yaml_source import YMap, YScalar, parse_yaml
from .codes import finding


@dataclass
class FrontMatter:
    present: bool = False
    end: int = 0  # 0-based index of the closing `---` line; 0 when there is none
    values: dict[str, str] = field(default_factory=dict)  # string-valued keys
    keys: dict[str, Location] = field(default_factory=dict)  # every key, where it is
    broken: bool = False  # the YAML did not parse into a mapping (already reported)


def read_front_matter(lines: list[str], display: str) -> tuple[FrontMatter, list[Diagnostic]]:
    fm = FrontMatter()
    top = Location(display, 1, 1)
    if not lines or lines[0].rstrip() != "---":
        return fm, [
            finding(
                "lint-front-matter-missing",
                "the page has no front matter",
                top,
                "start the page with a `---` line, the keys subcategory, layout, page_title and "
                "description, and a closing `---` line",
            )
        ]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)
    if not end:
        return fm, [
            finding(
                "lint-front-matter-unclosed",
                "the front matter has no closing `---` line",
                top,
                "end the front matter with a `---` line before the `# title`",
            )
        ]
    fm.present, fm.end = True, end
    text = "\n".join(lines[1:end])
    if not text.strip():
        return fm, []
    tree, diags = parse_yaml(text, display)
    fm.broken = not isinstance(tree, YMap)
    if tree is None:
        first = diags[0] if diags else None
        loc = top
        message = "the front matter is not valid YAML"
        if first is not None:
            # parse_yaml counts from the first YAML line, which is the page's second.
            loc = Location(display, first.location.line + 1, first.location.col)
            message = f"the front matter is not valid YAML: {first.message.removeprefix('invalid YAML: ')}"
        return fm, [finding("lint-front-matter-yaml", message, loc, "fix the YAML here")]
    if not isinstance(tree, YMap):
        return fm, [
            finding(
                "lint-front-matter-yaml",
                "the front matter is not a mapping of keys",
                Location(display, tree.loc.line + 1, tree.loc.col),
                "write `key: value` lines between the `---` lines",
            )
        ]
    for key, value in tree.entries:
        name = str(key.value)
        fm.keys.setdefault(name, Location(display, key.loc.line + 1, key.loc.col))
        if isinstance(value, YScalar) and value.value is not None and name not in fm.values:
            fm.values[name] = str(value.value).strip()
    return fm, []


def check_keys(fm: FrontMatter, required: tuple[str, ...], display: str) -> list[Diagnostic]:
    """Each required key present with a non-empty string."""
    if not fm.present or fm.broken:
        return []  # already reported: nothing to say about keys
    out: list[Diagnostic] = []
    missing = [k for k in required if k not in fm.keys]
    if missing:
        names = ", ".join(f"`{k}`" for k in missing)
        out.append(
            finding(
                "lint-front-matter-key",
                f"the front matter has no {names}",
                Location(display, 1, 1),
                "add " + ", ".join(f'`{k}: "..."`' for k in missing) + " to the front matter",
            )
        )
    for k in required:
        if k in fm.keys and not fm.values.get(k):
            out.append(
                finding(
                    "lint-front-matter-key",
                    f"front matter key `{k}` is empty or not a string",
                    fm.keys[k],
                    f'give `{k}` a value, e.g. `{k}: "..."`',
                )
            )
    return out
