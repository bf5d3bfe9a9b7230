"""The mmv1 acceptance selection (tests/acceptance/mmv1_selection.txt) and its runner's
filters: the issue's bar is at least 20 real resources from at least 8 products, and every
line must name a resource file and an example that exist in the corpus.

The corpus checks need `../shared/corpus/magic-modules` beside the clone and skip without it.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


def _runner() -> ModuleType:
    path = REPO / "tests" / "tools" / "mmv1_acceptance.py"
    spec = importlib.util.spec_from_file_location("mmv1_acceptance", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


runner = _runner()
SELECTION = runner.read_selection(runner.SELECTION)
needs_corpus = pytest.mark.skipif(
    not (runner.CORPUS / "products").is_dir(),
    reason=f"the Magic Modules corpus is not at {runner.CORPUS} (../shared beside the clone)",
)


def test_the_selection_meets_the_issues_bar() -> None:
    entries = [entry for entry, _ in SELECTION]
    assert len(set(entries)) == len(entries) >= 20
    assert len({entry.split("/")[0] for entry in entries}) >= 8


def test_filters_name_each_example_once() -> None:
    examples = ["pubsub_topic_basic", "eventarc_channel"]
    assert runner.python_filter(examples) == (
        "test_lifecycle and (pubsub_topic_basic or eventarc_channel)"
    )
    regex = re.compile(runner.go_filter(examples))
    assert regex.match("TestAccTopic_PubsubTopicBasic")
    assert regex.match("TestAccChannel_EventarcChannel")
    assert not regex.match("TestAccChannel_EventarcChannel_disappears")
    assert not regex.match("TestAccChannel_EventarcChannelWithCmek")


def test_bad_selection_lines_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "selection.txt"
    bad.write_text("# a comment\n\npubsub/Topic\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"selection.txt:3: expected"):
        runner.read_selection(bad)


@needs_corpus
def test_every_line_names_a_resource_and_example_of_the_corpus(tmp_path: Path) -> None:
    from generator.spec_check import validate_paths

    products = runner.build_tree([entry for entry, _ in SELECTION], tmp_path)
    report = validate_paths([str(products)])
    found = {
        (res.terraform_name, ex.name): ex
        for product in report.usable
        for res in product.resources
        for ex in res.examples
    }
    examples = {name for _, name in found}
    assert len(report.usable) == len({e.split("/")[0] for e, _ in SELECTION})
    assert sum(len(p.resources) for p in report.usable) == len(SELECTION)
    for entry, example in SELECTION:
        assert example in examples, f"{entry}: no example {example!r}"
    for (_, name), ex in found.items():
        if name in {example for _, example in SELECTION}:
            assert ex.skip_test is None and ex.config, name
