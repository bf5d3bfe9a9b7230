"""The go target's whole-resource mmv1 keys on the wire: the life cycles of
test_mmv1_keys.py (python target) against the same recording server (keys_api), run by
the Go tests of tests/fixtures/go-wire/keys_wire_test.go.tmpl in the generated package.
Both targets must send exactly the same requests.

Needs the Go toolchain; Go modules come from the module cache or the Go module proxy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import keys_api
import pytest
from fn_helpers import go_module_with_test, run_go_test

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "python-rest" / "mmv1-keys"
WIRE_TEST = REPO / "tests" / "fixtures" / "go-wire" / "keys_wire_test.go.tmpl"
PACKAGE = "./internal/services/keys/"

pytestmark = pytest.mark.skipif(
    shutil.which("go") is None, reason="the Go toolchain (go) is not on PATH"
)


@pytest.fixture(scope="module")
def module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen-mmv1-keys-go") / "out"
    return go_module_with_test(SPECS, out, WIRE_TEST, "internal/services/keys/keys_wire_test.go")


def _run(module: Path, test: str, endpoint: str) -> None:
    run_go_test(module, test, PACKAGE, endpoint)


def test_go_badge_labels_change_in_state(module: Path) -> None:
    with keys_api.serve() as (api, endpoint):
        _run(module, "TestKeysBadge", endpoint)
        # The create and the read after it; the state-only update sends nothing.
        body = {"name": "b1", "color": "red", "labels": {"a": "1", "team": "x"}}
        assert [(c[0], c[1], c[3]) for c in api.calls] == [
            ("POST", keys_api.PREFIX + "/badges", body),
            ("GET", keys_api.BADGE, None),
        ]


def test_go_token_is_neither_read_nor_deleted(module: Path) -> None:
    with keys_api.serve() as (api, endpoint):
        _run(module, "TestKeysToken", endpoint)
        assert api.calls == keys_api.TOKEN_CREATE


def test_go_update_mask_fields_name_the_mask(module: Path) -> None:
    with keys_api.serve() as (api, endpoint):
        _run(module, "TestKeysMeter", endpoint)
        assert api.calls == keys_api.METER_CREATE + keys_api.METER_UPDATE
