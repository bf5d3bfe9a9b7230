"""The format registry: every format behind `SpecFormat`, detection, dispatch, lazy imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.diagnostics import Location
from generator.loaders import formats
from generator.loaders.base import LoadResult
from generator.loaders.formats import FOREIGN, FORMATS, detect_format, drop_failing, load_any

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
MMGEN = FIXTURES / "good-specs"
MMV1 = FIXTURES / "loaders" / "mmv1" / "products"
AZURE = FIXTURES / "loaders" / "azure-mm"


def test_registry_lists_every_format_once() -> None:
    assert FORMATS == ("auto", "mmgen", "mmv1", "azure-mm")
    assert FOREIGN == frozenset({"mmv1", "azure-mm"})
    for name, fmt in formats.SPEC_FORMATS.items():
        assert fmt.name == name and isinstance(fmt.foreign, bool)
        assert callable(fmt.detect) and callable(fmt.load)
    assert {f.name for f in formats.DETECTION_ORDER} == set(formats.SPEC_FORMATS)
    assert formats.DETECTION_ORDER[0] is formats.DEFAULT
    # Re-exported for callers that only know the registry.
    assert formats.LoadResult is LoadResult and formats.PRODUCT_FILE == "product.yaml"


def test_detect_format(tmp_path: Path) -> None:
    assert detect_format([str(MMGEN)]) == "mmgen"
    assert detect_format([str(MMGEN / "batchai" / "product.yaml")]) == "mmgen"
    assert detect_format([str(MMV1)]) == "mmv1"
    assert detect_format([str(AZURE)]) == "azure-mm"
    assert detect_format([str(AZURE), str(AZURE / "batchaccount")]) == "azure-mm"
    # Anything unclear is mmgen's, whose loader then says what is wrong.
    assert detect_format([str(MMV1), str(AZURE)]) == "mmgen"
    assert detect_format([str(MMV1), str(tmp_path / "missing")]) == "mmgen"
    assert detect_format([str(tmp_path)]) == "mmgen"
    assert detect_format([]) == "mmgen"


def test_load_any_dispatches_by_name() -> None:
    auto, fmt = load_any([str(MMGEN)])
    assert fmt == "mmgen" and [p.name for p in auto.products] == ["batchai"]
    assert not auto.has_errors
    # A forced format is not second-guessed: mmv1 files read as mmgen specs are errors.
    forced, fmt = load_any([str(MMV1)], "mmgen")
    assert fmt == "mmgen" and forced.has_errors and not forced.products
    azure, fmt = load_any([str(AZURE)], "azure-mm")
    assert fmt == "azure-mm" and [p.name for p in azure.products] == ["batchaccount"]


def test_drop_failing_leaves_out_only_the_resources_with_errors() -> None:
    result, _ = load_any([str(MMV1)])
    schema = result.sources[("documentai", "schema")]
    kept, dropped = drop_failing(result, [Location(schema, 1, 1)])
    assert dropped == ["documentai/schema"]
    assert [r.name for r in kept[0].resources] == ["processor", "processor_default_version"]


def test_registry_imports_no_loader_until_one_is_needed() -> None:
    """Start-up: detecting mmgen specs (every `make generate`) loads no loader module."""
    code = (
        "import json, sys\n"
        "from generator.loaders.formats import detect_format\n"
        f"assert detect_format([{str(MMGEN)!r}]) == 'mmgen'\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('generator.loaders'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout
    loaded = json.loads(out)
    assert not [m for m in loaded if m.endswith((".loader", ".yaml_source"))], loaded
    assert "generator.loaders.mmv1.format" in loaded
