"""The whole-resource mmv1 keys on the wire, python target, against keys_api's recording
server (fixture tests/fixtures/python-rest/mmv1-keys):

- `deprecation_message` (Badge): validation warns "Deprecated" with the message.
- labels on an immutable resource (Badge): a labels change that keeps the merged labels
  is a state-only update that sends nothing; one that changes them replaces the badge.
- `exclude_read` / `exclude_delete` (Token): create keeps the plan and the create
  answer's `secret`; refresh and import send nothing; destroy sends nothing and warns.
- `update_mask_fields` (Meter): a change inside `limits` puts its listed names in the
  `updateMask`, a change elsewhere its own path.

The go target is held to the same requests in test_mmv1_keys_go.py.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import keys_api
import pytest
from fn_helpers import Driver, decode, errors, generate_provider, path_of
from tf.gen import tfplugin_pb2 as pb
from tf.utils import to_dynamic_value

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "tests" / "fixtures" / "python-rest" / "mmv1-keys"


@pytest.fixture(scope="module")
def modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    out = tmp_path_factory.mktemp("gen-mmv1-keys") / "generated"
    return generate_provider(SPECS, out, "google", spec_format="mmv1")


def _driver(modules: dict[str, ModuleType], kind: str, endpoint: str, **extra: Any) -> Driver:
    driver = Driver(modules, f"google_keys_{kind}")
    config = {"endpoint": endpoint, "token": "t", "project": "p1", "max_retries": 0, **extra}
    resp = driver.servicer.ConfigureProvider(
        pb.ConfigureProvider.Request(config=to_dynamic_value(config)), None
    )
    assert errors(resp.diagnostics) == []
    return driver


def _apply(d: Driver, prior: Any, config: Any, replaces: list[list[Any]] | None = None) -> Any:
    planned = d.plan(prior, config)
    assert errors(planned.diagnostics) == [], list(planned.diagnostics)
    assert [path_of(p) for p in planned.requires_replace] == (replaces or [])
    applied = d.apply(prior, planned.planned_state, config)
    assert errors(applied.diagnostics) == [], list(applied.diagnostics)
    return decode(applied.new_state)


def test_a_deprecated_resource_warns_with_its_message(modules: dict[str, ModuleType]) -> None:
    with keys_api.serve() as (_, endpoint):
        d = _driver(modules, "badge", endpoint)
        (warning,) = d.validate(d.config(name="b1"))
        assert warning.severity == pb.Diagnostic.WARNING
        assert (warning.summary, warning.detail) == (
            "Deprecated",
            "Badges are going away; use `google_keys_meter` instead.",
        )
        assert d.schema().block.deprecated


def test_labels_of_an_immutable_resource_change_in_state(modules: dict[str, ModuleType]) -> None:
    with keys_api.serve() as (api, endpoint):
        d = _driver(modules, "badge", endpoint, default_labels={"team": "x"})
        config = d.config(name="b1", color="red", labels={"a": "1", "team": "x"})
        state = _apply(d, None, config)
        assert state["terraform_labels"] == {"a": "1", "team": "x"}
        create = [(c[0], c[1], c[3]) for c in api.calls]
        assert create == [
            (
                "POST",
                keys_api.PREFIX + "/badges",
                {"name": "b1", "color": "red", "labels": {"a": "1", "team": "x"}},
            ),
            ("GET", keys_api.BADGE, None),
        ]
        # `team` now comes from the provider's default labels alone: the merged labels
        # stay, so nothing replaces the badge and nothing is sent.
        moved = d.config(name="b1", color="red", labels={"a": "1"})
        state = _apply(d, state, moved)
        assert state["labels"] == {"a": "1"}
        assert state["terraform_labels"] == {"a": "1", "team": "x"}
        assert len(api.calls) == 2
        # A new label changes what the API holds: the badge is replaced (through the
        # merged view, as upstream's effective_labels forces it), and `labels` itself is
        # not what forces it.
        added = d.config(name="b1", color="red", labels={"a": "2"})
        planned = d.plan(state, added)
        assert [path_of(p) for p in planned.requires_replace] == [["terraform_labels"]]
        # The color, like any other argument of the immutable badge, replaces it.
        recolored = d.config(name="b1", color="blue", labels={"a": "1"})
        planned = d.plan(state, recolored)
        assert [path_of(p) for p in planned.requires_replace] == [["color"]]
        assert len(api.calls) == 2


def test_a_token_is_neither_read_nor_deleted(modules: dict[str, ModuleType]) -> None:
    with keys_api.serve() as (api, endpoint):
        d = _driver(modules, "token", endpoint)
        state = _apply(d, None, d.config(name="t1"))
        assert (state["name"], state["secret"]) == ("t1", "s3cr3t")
        assert state["id"] == "projects/p1/tokens/t1"
        assert api.calls == keys_api.TOKEN_CREATE
        # Refresh: nothing to read it with; the state stays as it is.
        assert decode(d.read(state).new_state) == state
        # Import: the id's values, nothing read.
        imported = d.import_("projects/p1/tokens/t1")
        assert errors(imported.diagnostics) == []
        held = decode(imported.imported_resources[0].state)
        assert (held["name"], held["project"], held["secret"]) == ("t1", "p1", None)
        # Destroy: gone from state with a warning, nothing sent.
        destroyed = d.destroy(state)
        (warning,) = list(destroyed.diagnostics)
        assert warning.severity == pb.Diagnostic.WARNING
        assert warning.summary == "google_keys_token: removed from state, not deleted"
        assert "projects/p1/tokens/t1" in warning.detail
        assert decode(destroyed.new_state) is None
        assert api.calls == keys_api.TOKEN_CREATE


def test_update_mask_fields_name_the_mask(modules: dict[str, ModuleType]) -> None:
    with keys_api.serve() as (api, endpoint):
        d = _driver(modules, "meter", endpoint)
        limits = d.block("limits", low=1, high=9)
        state = _apply(d, None, d.config(name="m1", limits=limits))
        assert api.calls == keys_api.METER_CREATE
        changed = d.config(name="m1", limits=d.block("limits", low=2, high=9), note="n")
        state = _apply(d, state, changed)
        assert state["note"] == "n"
        assert api.calls == keys_api.METER_CREATE + keys_api.METER_UPDATE
