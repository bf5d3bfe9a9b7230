"""Magic Modules samples/examples -> `Example` entries (part of `generator.loaders.mmv1`).

The HCL of an mmv1 sample lives in upstream templates that are not part of a specs tree,
so each Example carries its vars, primary resource and skip reason, an empty `config`, and
`config_path`: the template it would be rendered from. Only a sample's first step becomes
the example; later steps (update tests) are reported as unsupported.
"""

from __future__ import annotations

from ...model.nodes import Example, ExampleVar
from ..yaml_source import YMap
from .reader import Mmv1Reader, strip_indexes, version_rank

SAMPLE_KEYS = frozenset(
    {"name", "primary_resource_id", "steps", "min_version", "skip_test", "exclude_test"}
)
STEP_KEYS = frozenset(
    {"name", "resource_id_vars", "vars", "ignore_read_extra", "config_path", "min_version"}
)
EXAMPLE_KEYS = frozenset(
    {
        "name",
        "primary_resource_id",
        "vars",
        "min_version",
        "skip_test",
        "exclude_test",
        "ignore_read_extra",
    }
)


class ExampleBuilder:
    def __init__(self, reader: Mmv1Reader, version: str, folder_name: str) -> None:
        self.r = reader
        self.version = version
        self.folder_name = folder_name

    def examples(self, m: YMap, terraform_name: str) -> tuple[Example, ...]:
        out = []
        for s in self.r.maps(m, "samples", "resource"):
            ex = self._sample(s, terraform_name)
            if ex is not None:
                out.append(ex)
        for e in self.r.maps(m, "examples", "resource"):
            ex = self._old_example(e, terraform_name)
            if ex is not None:
                out.append(ex)
        return tuple(out)

    def _in_version(self, m: YMap, ctx: str) -> bool:
        mv = self.r.str_(m, "min_version", ctx)
        if mv is not None and version_rank(mv) > version_rank(self.version):
            self.r.version_filtered[ctx] += 1
            return False
        return True

    def _common(self, m: YMap, ctx: str, terraform_name: str) -> tuple[str, str | None, str | None]:
        r = self.r
        name = r.str_(m, "name", ctx) or ""
        primary = r.str_(m, "primary_resource_id", ctx)
        skip: str | None = None
        if r.bool_(m, "exclude_test", ctx):
            skip = "`exclude_test: true` in the mmv1 spec"
        node = m.get("skip_test")
        if node is not None and getattr(node, "value", None) not in (None, False):
            value = getattr(node, "value", True)
            skip = "`skip_test` in the mmv1 spec" + (f": {value}" if isinstance(value, str) else "")
        return name, f"{terraform_name}.{primary}" if primary else None, skip

    def _vars(self, m: YMap, ctx: str, ids: tuple[str, ...]) -> list[ExampleVar]:
        """Resource-id vars get a per-run random test value; plain `vars` stay as written."""
        out = []
        for key in ("resource_id_vars", "vars"):
            for k, value in self.r.str_pairs(m, key, ctx):
                test = f"tf-test-{value}{{random}}" if key in ids else value
                out.append(ExampleVar(str(k.value), value, test, k.loc))
        return out

    def _sample(self, s: YMap, terraform_name: str) -> Example | None:
        r = self.r
        if not self._in_version(s, "sample"):
            return None
        r.unsupported_keys(s, SAMPLE_KEYS, "sample")
        name, primary, skip = self._common(s, "sample", terraform_name)
        steps = [st for st in r.maps(s, "steps", "sample") if self._in_version(st, "step")]
        ex_vars: list[ExampleVar] = []
        ignore: tuple[str, ...] = ()
        config_path = None
        if steps:
            first = steps[0]
            r.unsupported_keys(first, STEP_KEYS, "step")
            ex_vars = self._vars(first, "step", ("resource_id_vars",))
            ignore = tuple(strip_indexes(x) for x in r.strs(first, "ignore_read_extra", "step"))
            step_name = r.str_(first, "name", "step") or name
            config_path = r.str_(first, "config_path", "step") or (
                f"templates/terraform/samples/services/{self.folder_name}/{step_name}.tf.tmpl"
            )
            for extra in steps[1:]:
                r.report_unsupported(
                    "sample.steps[1:]", extra.loc, "only the first step becomes the example"
                )
        return Example(
            name=name,
            config="",
            vars=tuple(ex_vars),
            primary_resource=primary,
            skip_test=skip,
            ignore_read_fields=ignore,
            config_path=config_path,
            loc=s.loc,
        )

    def _old_example(self, e: YMap, terraform_name: str) -> Example | None:
        r = self.r
        if not self._in_version(e, "example"):
            return None
        r.unsupported_keys(e, EXAMPLE_KEYS, "example")
        name, primary, skip = self._common(e, "example", terraform_name)
        return Example(
            name=name,
            config="",
            # Before `resource_id_vars` existed, `vars` held the resource ids.
            vars=tuple(self._vars(e, "example", ("vars",))),
            primary_resource=primary,
            skip_test=skip,
            ignore_read_fields=tuple(
                strip_indexes(x) for x in r.strs(e, "ignore_read_extra", "example")
            ),
            config_path=f"templates/terraform/examples/{name}.tf.tmpl",
            loc=e.loc,
        )
