# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/servicer.py
# Template:    python/runtime/servicer.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""gRPC servicer: tf's ProviderServicer plus what tf 1.2 lacks.

* PlanResourceChange runs the resource's ``plan`` for creates too (tf skips it), passes the
  configuration, and reports replace paths for nested ``forces_new`` attributes (tf only
  diffs top-level attributes and ignores nested ``requires_replace``).
* Every RPC handler is wrapped so an uncaught exception becomes an error diagnostic
  instead of "Plugin error ... rpc error".
"""

from __future__ import annotations

import functools
import json
import re
import sys
import traceback
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from tf.gen import tfplugin_pb2 as pb
from tf.iface import PlanContext, UpgradeContext
from tf.provider import ProviderServicer, _decode_state, _encode_state
from tf.utils import Diagnostics, _to_attribute_path, read_dynamic_value, to_dynamic_value

from .resource import GeneratedResource

RPC_METHODS = (
    "GetMetadata",
    "GetProviderSchema",
    "ValidateProviderConfig",
    "ValidateResourceConfig",
    "ValidateDataResourceConfig",
    "UpgradeResourceState",
    "ConfigureProvider",
    "ReadResource",
    "PlanResourceChange",
    "ApplyResourceChange",
    "ImportResourceState",
    "MoveResourceState",
    "ReadDataSource",
    "GetFunctions",
    "CallFunction",
    "StopProvider",
)

_FIELD_IN_MESSAGE = re.compile(r"field '([^']+)'")


@dataclass
class ConfiguredPlanContext(PlanContext):
    """PlanContext that also carries the raw configuration (null vs. prior value)."""

    config: Any = None


def error_response(method: str, exc: BaseException) -> Any:
    """The method's response message carrying ``exc`` as an error."""
    message = f"{type(exc).__name__}: {exc}"
    response_cls = getattr(pb, method).Response
    fields = response_cls.DESCRIPTOR.fields_by_name
    if "diagnostics" in fields:
        match = _FIELD_IN_MESSAGE.search(str(exc))
        diag = pb.Diagnostic(
            severity=pb.Diagnostic.ERROR,
            summary=f"Provider internal error in {method}",
            detail=message,
        )
        if match:
            diag.attribute.CopyFrom(_to_attribute_path([match.group(1)]))
        return response_cls(diagnostics=[diag])
    if "error" in fields:
        return response_cls(error=pb.FunctionError(text=message))
    if "Error" in fields:
        return response_cls(Error=message)
    return response_cls()


def _guard(method: str, handler: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(handler)
    def wrapper(self: Any, request: Any, context: Any) -> Any:
        try:
            return handler(self, request, context)
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            return error_response(method, exc)

    return wrapper


class RuntimeServicer(ProviderServicer):
    def GetMetadata(self, request: Any, context: Any) -> Any:
        resources = [
            pb.GetMetadata.ResourceMetadata(type_name=name)
            for name in self._load_res_cls_map().keys()
        ]
        return pb.GetMetadata.Response(
            server_capabilities=pb.ServerCapabilities(
                plan_destroy=True, get_provider_schema_optional=True
            ),
            resources=resources,
        )

    def UpgradeResourceState(self, request: Any, context: Any) -> Any:
        klass = self._get_res_cls(request.type_name)
        if not issubclass(klass, GeneratedResource) or not request.raw_state.json:
            return super().UpgradeResourceState(request, context)
        diags = Diagnostics()
        inst = self.app.new_resource(klass)
        # Always conform the stored state to the current schema, not only on version bumps:
        # a state missing a key makes Terraform fail planning.
        upgraded = inst.upgrade(
            UpgradeContext(diags, request.type_name),
            request.version,
            json.loads(request.raw_state.json),
        )
        return pb.UpgradeResourceState.Response(
            upgraded_state=to_dynamic_value(upgraded), diagnostics=diags.to_pb()
        )

    def PlanResourceChange(self, request: Any, context: Any) -> Any:
        type_name = request.type_name
        klass = self._get_res_cls(type_name)
        if not issubclass(klass, GeneratedResource):
            return super().PlanResourceChange(request, context)
        response = pb.PlanResourceChange.Response
        diags = Diagnostics()
        attrs = self._get_res_attrs(type_name)
        blocks = self._get_res_blocks(type_name)
        _, prior = _decode_state(diags, attrs, blocks, request.prior_state)
        proposed_enc, proposed = _decode_state(diags, attrs, blocks, request.proposed_new_state)
        if diags.has_errors():
            return response(diagnostics=diags.to_pb())
        if proposed is None:
            # Destroy plan (plan_destroy capability): nothing to change.
            return response(planned_state=request.proposed_new_state, diagnostics=diags.to_pb())
        config = read_dynamic_value(request.config)
        inst = self.app.new_resource(klass)
        ctx = ConfiguredPlanContext(diags, type_name, changed_fields=set(), config=config)
        planned = inst.plan(ctx, deepcopy(prior), deepcopy(proposed))
        if planned is None or diags.has_errors():
            return response(diagnostics=diags.to_pb())
        paths = inst.requires_replace(prior, planned) if prior is not None else []
        return response(
            planned_state=_encode_state(attrs, blocks, planned, proposed_enc),
            requires_replace=[_to_attribute_path(p) for p in paths],
            planned_private=request.prior_private,
            diagnostics=diags.to_pb(),
        )


for _name in RPC_METHODS:
    setattr(RuntimeServicer, _name, _guard(_name, getattr(RuntimeServicer, _name)))
