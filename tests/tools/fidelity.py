"""Docs-page fidelity: mmgen's pages of the shared mmv1 corpus against upstream's.

    python tests/tools/fidelity.py [--out docs/fidelity.md] [--pages DIR]

Generates the corpus's docs pages in memory (python target; both targets write the same
pages), reads each one and upstream's page of the same resource type
(`../shared/corpus/google-docs/r/`) with `page_structure.read_structure`, and compares
per category: the argument tree, import formats, import commands, timeouts, examples and
their `resource` headers. Writes the report (deterministic: sorted, no timestamps).
`make fidelity` runs it; tests/loaders/test_mmv1_fidelity.py computes the same figures.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "tests") not in sys.path:  # run as a script: `tools.` as the tests see it
    sys.path.insert(0, str(REPO / "tests"))

from tools.page_structure import PageStructure, read_structure  # noqa: E402

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
from generator.targets.docs_files import RESOURCE_PAGE_TEMPLATES  # noqa: E402

SHARED = REPO.parent / "shared"
MMV1 = SHARED / "corpus" / "magic-modules" / "products"
UPSTREAM = SHARED / "corpus" / "google-docs" / "r"
UPSTREAM_GENERATED = "Type: MMv1"
GOAL = 0.99

CATEGORIES = (
    "arguments",
    "import formats",
    "import commands",
    "timeouts",
    "examples",
    "example headers",
    "release marks",
)
# Timeouts mmgen's providers take that upstream's mmv1 resources do not: not counted
# against precision (a page documents what its provider does).
OURS_ONLY_TIMEOUTS = frozenset({"read"})


@dataclass
class Tally:
    ours: int = 0
    upstream: int = 0
    common: int = 0
    missing: Counter[str] = field(default_factory=Counter)  # upstream has, ours lacks
    extra: Counter[str] = field(default_factory=Counter)  # ours has, upstream lacks

    def add(self, ours: set[tuple[str, ...]], upstream: set[tuple[str, ...]], label: Label) -> None:
        self.ours += len(ours)
        self.upstream += len(upstream)
        self.common += len(ours & upstream)
        self.missing.update(label(x) for x in upstream - ours)
        self.extra.update(label(x) for x in ours - upstream)

    @property
    def precision(self) -> float:
        return self.common / self.ours if self.ours else 1.0

    @property
    def recall(self) -> float:
        return self.common / self.upstream if self.upstream else 1.0


Label = Callable[[tuple[str, ...]], str]


@dataclass
class Fidelity:
    upstream_pages: int = 0
    upstream_handwritten: list[str] = field(default_factory=list)
    ours_pages: int = 0
    shared: list[str] = field(default_factory=list)
    ours_only: list[str] = field(default_factory=list)
    upstream_only: list[str] = field(default_factory=list)
    tallies: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CATEGORIES})
    names: Tally = field(default_factory=Tally)  # arguments by (path, name), kind aside
    kind_mismatches: Counter[str] = field(default_factory=Counter)  # "upstream -> ours"
    orphans: dict[str, int] = field(default_factory=lambda: {"ours": 0, "upstream": 0})
    exact_pages: int = 0

    @property
    def overall(self) -> Tally:
        t = Tally()
        for x in self.tallies.values():
            t.ours, t.upstream, t.common = (
                t.ours + x.ours,
                t.upstream + x.upstream,
                t.common + x.common,
            )
        return t


def _args(s: PageStructure) -> set[tuple[str, ...]]:
    return {(".".join(path), name, kind) for (path, name), kind in s.arguments.items()}


def _arg_label(x: tuple[str, ...]) -> str:
    """`labels` (top level) or `block.sub` by the last name only, with its kind."""
    return f"{x[1]} ({x[2]})"


def _plain(x: tuple[str, ...]) -> str:
    return " ".join(x)


def compare(ours: PageStructure, upstream: PageStructure, fid: Fidelity) -> None:
    t = fid.tallies
    a, b = _args(ours), _args(upstream)
    t["arguments"].add(a, b, _arg_label)
    fid.names.add({x[:2] for x in a}, {x[:2] for x in b}, lambda x: x[1])
    kinds_b = {(p, n): k for p, n, k in b}
    for p, n, k in a:
        if (p, n) in kinds_b and kinds_b[(p, n)] != k:
            fid.kind_mismatches[f"{kinds_b[(p, n)]} -> {k}"] += 1
    t["import formats"].add(
        {(f,) for f in ours.import_formats}, {(f,) for f in upstream.import_formats}, _plain
    )
    t["import commands"].add(
        set(ours.import_commands), set(upstream.import_commands), lambda x: x[0]
    )
    up_ops = set(upstream.timeouts)
    t["timeouts"].add(
        {
            (op, str(m))
            for op, m in ours.timeouts.items()
            if op in up_ops or op not in OURS_ONLY_TIMEOUTS
        },
        {(op, str(m)) for op, m in upstream.timeouts.items()},
        _plain,
    )
    t["examples"].add(_example_names(ours), _example_names(upstream), _plain)
    t["example headers"].add(_headers(ours), _headers(upstream), lambda x: x[1])
    t["release marks"].add(
        ours.release_marks, upstream.release_marks, lambda x: ".".join(x) or "(resource)"
    )
    fid.orphans["ours"] += len(ours.orphan_sections)
    fid.orphans["upstream"] += len(upstream.orphan_sections)


def _example_key(name: str) -> str:
    """A digit joins the word before it: upstream heads `snapshot_basic_2` "Snapshot
    Basic2"."""
    return re.sub(r"_(?=\d)", "", name)


def _example_names(s: PageStructure) -> set[tuple[str, ...]]:
    return {(_example_key(e),) for e in s.examples}


def _headers(s: PageStructure) -> set[tuple[str, ...]]:
    return {(_example_key(e), *h) for e, hs in s.examples.items() for h in hs}


def upstream_pages(folder: Path = UPSTREAM) -> tuple[dict[str, str], list[str]]:
    """Upstream's generated pages by resource type, and the handwritten ones left out."""
    pages: dict[str, str] = {}
    handwritten = []
    for path in sorted(folder.glob("*.html.markdown")):
        text = path.read_text("utf-8")
        name = "google_" + path.name.removesuffix(".html.markdown")
        if UPSTREAM_GENERATED in text[:600]:
            pages[name] = text
        else:
            handwritten.append(name)
    return pages, handwritten


def our_pages_from_files(files: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(template, text) of generated files -> docs pages by resource type (their H1)."""
    pages = {}
    for template, text in files:
        if template in RESOURCE_PAGE_TEMPLATES:
            m = re.search(r"^# ([a-z0-9_\\]+)$", text, re.M)
            if m is not None:
                pages[m.group(1).replace("\\_", "_")] = text
    return pages


def generate_pages(specs: Path = MMV1) -> dict[str, str]:
    from generator.pipeline import generate

    result = generate(specs, "python", fmt="mmv1")
    return our_pages_from_files((f.template, f.text) for f in result.files.values())


def measure(ours: dict[str, str], upstream_dir: Path = UPSTREAM) -> Fidelity:
    up, handwritten = upstream_pages(upstream_dir)
    fid = Fidelity(upstream_pages=len(up) + len(handwritten), upstream_handwritten=handwritten)
    fid.ours_pages = len(ours)
    fid.shared = sorted(set(ours) & set(up))
    fid.ours_only = sorted(set(ours) - set(up))
    fid.upstream_only = sorted(set(up) - set(ours))
    for name in fid.shared:
        a, b = read_structure(ours[name]), read_structure(up[name])
        before = {c: (t.common, t.ours, t.upstream) for c, t in fid.tallies.items()}
        compare(a, b, fid)
        after = {c: (t.common, t.ours, t.upstream) for c, t in fid.tallies.items()}
        if all(_exact(before[c], after[c]) for c in CATEGORIES):
            fid.exact_pages += 1
    return fid


def _exact(before: tuple[int, int, int], after: tuple[int, int, int]) -> bool:
    common, ours, upstream = (x - y for x, y in zip(after, before, strict=True))
    return common == ours == upstream


# --- the report ---------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{x:.4f}"


def _top(counter: Counter[str], n: int = 15) -> str:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return ", ".join(f"`{k}` {v}" for k, v in items) or "none"


# What the differences above come from, as found when they were measured (2026-12-01).
CAUSES = """\
None of these is the page's doing: the page prints what the model holds.

- arguments, missing: the fields upstream's templates add on their own (`deletion_policy`,
  `project`, the labels trio, `self_link`, the write-only companions `X_wo` /
  `X_wo_version` of `write_only: true`) are added by the mmv1 loader now; what is left
  is the key field of a `Map` of blocks (`key_name`: `key`, `name`, `id`, ...) and
  virtual fields (`name_prefix`): loader-side too.
- arguments, kind changes: `etag` and `label_fingerprint`, optional in our model, output
  only upstream.
- import formats and commands: one resource with an empty `base_url`
  (`google_backup_dr_restore_workload`), where upstream's page lists `/{{name}}` (its
  default format with the empty base URL's slash kept) and shows it as the import
  example; ours has `{{name}}` only (a leading `/` is a defect, not copied).
  `exclude_import: true` resources say "This resource does not support import." on both
  pages (our providers refuse import); default formats come from `identity`; formats are
  listed most specific first (loaders/mmv1/import_ids.py).
- timeouts: an update timeout where upstream lists one on an immutable resource with
  top-level `labels` (14): both providers change the labels in state alone there
  (`RestMapping.state_only`); a change of the merged labels, which nothing can send,
  replaces the resource. An operation a partial `timeouts:` block leaves out: upstream's
  page prints its zero value, "Default is 0 minutes"; ours too where the operation makes
  no API call (`delete` of an `exclude_delete` resource, a state-only update), and 20
  minutes where it does (`update` of the two SCIM resources: a 0-minute timeout would
  end the call at once, not copied). Left: one resource whose update upstream's custom
  code makes (`google_vertex_ai_endpoint_with_model_garden_deployment`).
- examples: samples whose template is outside the supported subset or that only the beta
  provider has (`min_version: beta`; upstream's page shows them, our GA model has not)."""

HISTORY = """\
| measured | precision | recall | import formats | import commands | examples (P / R) |
| --- | ---: | ---: | ---: | ---: | ---: |
| before: azurerm conventions on every page (1bc80ff) | 0.8739 | 0.7919 | 0 / 0 | 0 / 0 | 0.7690 / 0.8175 |
| Google conventions for `docs_family: google` | 0.9944 | 0.9436 | 0.9676 / 0.9844 | 0.9622 / 0.9805 | 1.0000 / 0.9937 |
| import formats by `identity`, most specific first; `exclude_import` | 0.9992 | 0.9768 | 1.0000 / 0.9994 | 0.9996 / 0.9991 | 1.0000 / 0.9942 |
| state-only labels on immutable resources; 0-minute timeouts of no-call operations | 0.9994 | 0.9954 | 1.0000 / 0.9994 | 0.9996 / 0.9991 | 1.0000 / 0.9942 |"""

NORMALISATION = """\
- Pages are matched by resource type: our page's H1, upstream's file name with `google_`.
  Upstream pages that say `Type: Handwritten` in their banner are left out (they are not
  generated from the specs).
- An argument is the tuple (block path, name, kind); kind is `required`, `optional` or
  `computed`. A field's kind comes from its "(Required)" / "(Optional)" / "(Output)" flag
  in the Argument(s) Reference; everything in the Attributes Reference, and every field of
  a block reached from there, is `computed`, whatever its flag says: upstream prints
  "(Optional)" on output-only sub-fields of exported blocks (a defect not copied, not
  counted against us). "(Output)" marks a computed field inside an argument block.
- A field listed at one path as an argument and again as an attribute counts once, as the
  argument (an optional argument that is also exported is optional).
- Block paths come from the links: a field whose text links to a block section's anchor
  (`#nested_x` upstream and on our `google` pages, `#block-x` on our azurerm-convention
  pages) owns that section's fields. A section no field links to is placed by its anchor
  (`nested_` + the path joined by `_`; `block-` + the path joined by `-`, and
  `block-<path>-attributes` for the computed fields of a settable block); one placed by
  neither is an orphan (counted under Pages).
- `id` is compared like any attribute (both pages list it).
- Import formats are compared as written (`{{project}}` is not `{project}`); import
  commands are the `id` of each `import {}` block and the id of each `terraform import`
  line. Upstream's `identity` import block is not compared: mmgen's providers do not
  implement resource identity.
- Timeouts are (operation, minutes). A `read` timeout only our page lists is not counted
  against precision: mmgen's providers honour a read timeout, upstream's mmv1 resources
  have none. Upstream's "Default is 0 minutes" is compared as written.
- Examples are compared by name (the heading without "Example Usage -", lower case, words
  joined by `_`, a digit joined to the word before it: upstream heads `snapshot_basic_2`
  "Snapshot Basic2"), and their HCL by the `resource "TYPE" "NAME"` headers per example.
- Upstream's HTML blocks (the "Open in Cloud Shell" buttons) end at the next line, as
  upstream means them to: in CommonMark the `## Example Usage - ...` heading right under
  one would be swallowed into it.
- A bullet whose name is not lower case (`ABANDON`) is not a field: some of upstream's
  descriptions list enum values as bullets at the top level.
- Precision = items ours and upstream both have / items ours has; recall = items both
  have / items upstream has; pooled over every shared resource ("overall" pools every
  category's items)."""


def render(fid: Fidelity) -> str:
    over = fid.overall
    lines = [
        "# Docs-page fidelity (mmv1)",
        "",
        "Written by `make fidelity` (`tests/tools/fidelity.py`); do not edit by hand.",
        "`tests/loaders/test_mmv1_fidelity.py` computes the same figures and holds floors at",
        "them. What it measures: mmgen's docs page of every shared Magic Modules resource",
        "(`../shared/corpus/magic-modules/products`, python target; both targets write the",
        "same pages) against the page upstream generated from the same specs",
        "(`../shared/corpus/google-docs/r/`).",
        "",
        f"Goal: precision and recall 1.0, at least {GOAL} in every category. Where we are:",
        "",
        "| category | ours | upstream | both | precision | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for c in CATEGORIES:
        t = fid.tallies[c]
        lines.append(
            f"| {c} | {t.ours} | {t.upstream} | {t.common} | {_pct(t.precision)} | {_pct(t.recall)} |"
        )
    lines.append(
        f"| **overall** | {over.ours} | {over.upstream} | {over.common} | "
        f"**{_pct(over.precision)}** | **{_pct(over.recall)}** |"
    )
    n = fid.names
    lines += [
        "",
        f"Arguments by (block path, name) alone, kind aside: precision {_pct(n.precision)}, "
        f"recall {_pct(n.recall)}.",
        "",
        "## Pages",
        "",
        f"- upstream: {fid.upstream_pages} pages, {len(fid.upstream_handwritten)} of them "
        "handwritten (left out)",
        f"- ours: {fid.ours_pages} pages; shared: **{len(fid.shared)}**; every category equal "
        f"on {fid.exact_pages} of them",
        f"- ours only: {len(fid.ours_only)} ({', '.join(f'`{x}`' for x in fid.ours_only) or 'none'})",
        f"- upstream only (left out of our run, for spec errors): {len(fid.upstream_only)} "
        f"({', '.join(f'`{x}`' for x in fid.upstream_only) or 'none'})",
        f"- block sections placed by no link or anchor rule: ours {fid.orphans['ours']}, "
        f"upstream {fid.orphans['upstream']}",
        "",
        "## What differs",
        "",
        "Most frequent items, with counts over the shared pages. Arguments by name and kind",
        "(at any block path); kind changes are `upstream -> ours` for the same path and name.",
        "",
    ]
    for c in CATEGORIES:
        t = fid.tallies[c]
        lines += [
            f"- {c}: missing ({sum(t.missing.values())}): {_top(t.missing)}",
            f"- {c}: extra ({sum(t.extra.values())}): {_top(t.extra)}",
        ]
    lines += [
        f"- argument kind changes: {_top(fid.kind_mismatches)}",
        "",
        "## Where the rest comes from",
        "",
        CAUSES,
        "",
        "## History",
        "",
        HISTORY,
        "",
        "## Normalisation rules",
        "",
        NORMALISATION,
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "fidelity.md")
    parser.add_argument("--pages", type=Path, help="a generated docs/resources folder to read")
    args = parser.parse_args(argv)
    if not (MMV1.is_dir() and UPSTREAM.is_dir()):
        print(f"fidelity: the shared corpus is not under {SHARED}", file=sys.stderr)
        return 2
    if args.pages:
        ours = our_pages_from_files(
            ("docs/resource_google.md.j2", p.read_text("utf-8"))
            for p in sorted(args.pages.glob("*.md"))
        )
    else:
        ours = generate_pages()
    fid = measure(ours)
    args.out.write_text(render(fid), "utf-8")
    over = fid.overall
    print(
        f"fidelity: {len(fid.shared)} shared pages; precision {_pct(over.precision)}, "
        f"recall {_pct(over.recall)}; wrote {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
