"""Magic Modules samples/examples -> `Example` entries (part of `generator.loaders.mmv1`).

The HCL of an mmv1 sample lives in an upstream template beside the products folder
(`templates/terraform/samples/services/<product>/<step>.tf.tmpl`); it is rendered by
`templates.render` into `config`, and `config_path` still names it. A template that is
missing or uses more than the supported subset is reported and leaves `config` empty with
a skip reason. A sample's first step becomes the example; its later steps (upstream's
update tests) become `Example.updates`, applied in order by the acceptance tests.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...diagnostics import Location
from ...model.nodes import Example, ExampleVar, TextAt
from ..spec_files import display_path
from ..yaml_source import YMap
from .reader import Mmv1Reader, strip_indexes, version_rank
from .templates import TemplateError, TemplateMissing, read_template, render, var_name

TEMPLATE_UNSUPPORTED = "mmv1-template-unsupported"
TEMPLATE_MISSING = "mmv1-template-missing"
UPDATE_STEP_DROPPED = "mmv1-update-step-dropped"

# What upstream's docs pages print for each test environment variable (its docs
# defaults); the corpus's google-docs pages show these values.
ENV_DOCS_VALUES = {
    "PROJECT_NAME": "my-project-name",
    "PROJECT": "my-project-name",
    "PROJECT_NUMBER": "1111111111111",
    "CREDENTIALS": "my/credentials/filename.json",
    "REGION": "us-west1",
    "ZONE": "us-west1-a",
    "ORG_ID": "123456789",
    "ORG_DOMAIN": "example.com",
    "ORG_TARGET": "123456789",
    "BILLING_ACCT": "000000-0000000-0000000-000000",
    "BILLING_ACCOUNT": "000000-0000000-0000000-000000",
    "MASTER_BILLING_ACCT": "000000-0000000-0000000-000000",
    "SERVICE_ACCT": "my@service-account.com",
    "CUST_ID": "A01b123xz",
    "IDENTITY_USER": "cloud_identity_user",
    "CHRONICLE_ID": "00000000-0000-0000-0000-000000000000",
    "PAP_DESCRIPTION": "description",
}

# The environment variable an acceptance test reads for each test env var: the names the
# Google provider's own test environment uses; any other `X` is read from `GOOGLE_X`.
ENV_VARIABLES = {
    "PROJECT_NAME": "GOOGLE_PROJECT",
    "PROJECT": "GOOGLE_PROJECT",
    "PROJECT_NUMBER": "GOOGLE_PROJECT_NUMBER",
    "CREDENTIALS": "GOOGLE_CREDENTIALS",
    "REGION": "GOOGLE_REGION",
    "ZONE": "GOOGLE_ZONE",
    "ORG_ID": "GOOGLE_ORG",
    "ORG_DOMAIN": "GOOGLE_ORG_DOMAIN",
    "ORG_TARGET": "GOOGLE_ORG_2",
    "BILLING_ACCT": "GOOGLE_BILLING_ACCOUNT",
    "BILLING_ACCOUNT": "GOOGLE_BILLING_ACCOUNT",
    "MASTER_BILLING_ACCT": "GOOGLE_MASTER_BILLING_ACCOUNT",
    "SERVICE_ACCT": "GOOGLE_SERVICE_ACCOUNT",
    "CUST_ID": "GOOGLE_CUST_ID",
    "IDENTITY_USER": "GOOGLE_IDENTITY_USER",
    "CHRONICLE_ID": "GOOGLE_CHRONICLE_INSTANCE_ID",
}

SAMPLE_KEYS = frozenset(
    {
        "name",
        "primary_resource_id",
        "steps",
        "min_version",
        "skip_test",
        "exclude_test",
        "exclude_basic_doc",
    }
)
STEP_KEYS = frozenset(
    {
        "name",
        "resource_id_vars",
        "vars",
        "test_env_vars",
        "test_vars_overrides",
        "ignore_read_extra",
        "config_path",
        "min_version",
    }
)
EXAMPLE_KEYS = frozenset(
    {
        "name",
        "primary_resource_id",
        "vars",
        "min_version",
        "skip_test",
        "exclude_test",
        "exclude_docs",
        "ignore_read_extra",
        "test_env_vars",
    }
)


class ExampleBuilder:
    def __init__(
        self, reader: Mmv1Reader, version: str, folder_name: str, templates_root: Path
    ) -> None:
        self.r = reader
        self.version = version
        self.folder_name = folder_name
        # `<products>/../templates`: the only folder a spec's `config_path` may read from.
        self.templates_root = templates_root
        self.last_at: TextAt | None = None  # where the last rendered template's HCL sits

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

    def _vars(
        self, m: YMap, ctx: str, ids: str
    ) -> tuple[list[ExampleVar], dict[str, dict[str, str]]]:
        """The vars, and the maps a template indexes (by their Go names) plus `overrides`.

        Resource-id vars (`ids`) get a per-run random test value; plain `vars` stay as
        written. Each mapping is read once, so a bad entry is reported once.
        """
        out = []
        maps: dict[str, dict[str, str]] = {}
        for key, go_name in (
            ("resource_id_vars", "ResourceIdVars"),
            ("vars", "Vars"),
            ("test_env_vars", "TestEnvVars"),
            ("test_vars_overrides", "overrides"),
        ):
            maps.setdefault(go_name, {})
            for k, value in self.r.str_pairs(m, key, ctx):
                maps[go_name][str(k.value)] = value
                if go_name in ("ResourceIdVars", "Vars"):
                    test = f"tf-test-{value}{{random}}" if key == ids else value
                    out.append(ExampleVar(var_name(str(k.value)), value, test, loc=k.loc))
        return out, maps

    def _render(
        self,
        m: YMap,
        ctx: str,
        config_path: str,
        primary_id: str | None,
        ex_vars: list[ExampleVar],
        maps: dict[str, dict[str, str]],
        old: bool = False,
    ) -> tuple[str, str | None]:
        """The rendered HCL (`{{var}}` placeholders) and a skip reason, or "" and why not.

        Env vars the template uses are appended to `ex_vars`: docs get upstream's docs
        value, tests read the variable (ENV_VARIABLES), or take the docs value on the
        emulator.
        """
        r = self.r
        try:
            text = read_template(self.templates_root, config_path)
        except TemplateMissing as exc:
            r.bag.warning(
                TEMPLATE_MISSING,
                f"example template not rendered: {exc}",
                m.loc,
                "the example keeps an empty `config` and its acceptance test is skipped",
            )
            return "", f"example template `{config_path}` not found"
        shown = display_path(self.templates_root / config_path.split("/", 1)[-1])
        try:
            rendered = render(text, primary_id, maps, literal_vars=not old)
        except TemplateError as exc:
            r.bag.warning(
                TEMPLATE_UNSUPPORTED,
                f"`{exc.construct}` in the example template: {exc.why}",
                Location(shown, exc.line, exc.col),
                "the example keeps an empty `config`; supported: $.PrimaryResourceId and "
                '`index $.ResourceIdVars|Vars|TestEnvVars "x"`',
            )
            return "", f"example template uses `{exc.construct}`, which mmgen cannot render"
        # Findings in the HCL point into the template when rendering kept its lines.
        same_lines = text.count("\n") == rendered.config.count("\n")
        self.last_at = TextAt(Location(shown, 1, 1), exact=True) if same_lines else None
        # A var written into the HCL as is (see templates.render) is no placeholder.
        placeholders = set(rendered.placeholders)
        ex_vars[:] = [
            v for v in ex_vars if v.name in placeholders or v.name not in rendered.inlined
        ]
        names = {v.name for v in ex_vars}
        if len(names) < len(ex_vars):
            r.bag.warning(
                TEMPLATE_UNSUPPORTED,
                "two vars of the step share the placeholder name "
                + ", ".join(sorted(n for n in names if [v.name for v in ex_vars].count(n) > 1)),
                m.loc,
                "the example keeps an empty `config`; rename one of them",
            )
            return "", "two vars share a placeholder name"
        overridden: list[str] = []
        for kind, key in rendered.used:
            if kind == "TestEnvVars":
                name = var_name(key)
                if name in names:
                    r.bag.warning(
                        TEMPLATE_UNSUPPORTED,
                        f"`{key}` is both a test env var and a var of the step",
                        m.loc,
                        "the example keeps an empty `config`; rename one of them",
                    )
                    return "", f"`{key}` is both a test env var and a var"
                env = maps[kind][key]
                docs = ENV_DOCS_VALUES.get(env, f"<{env}>")
                variable = ENV_VARIABLES.get(env, f"GOOGLE_{env}")
                ex_vars.append(ExampleVar(name, docs, docs, variable, m.loc))
                names.add(name)
            elif key in maps["overrides"]:
                overridden.append(key)
        if overridden:
            why = (
                "upstream's test values of "
                + ", ".join(f"`{k}`" for k in overridden)
                + " are Go code (`test_vars_overrides`)"
            )
            return rendered.config, why
        return rendered.config, None

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
        config = ""
        updates: tuple[str, ...] = ()
        title = ""
        config_at = None
        if steps:
            first = steps[0]
            r.unsupported_keys(first, STEP_KEYS, "step")
            ex_vars, maps = self._vars(first, "step", "resource_id_vars")
            ignore = tuple(strip_indexes(x) for x in r.strs(first, "ignore_read_extra", "step"))
            step_name = r.str_(first, "name", "step") or name
            # Upstream's docs page heads the example with its first step's name.
            title = step_name if step_name != name else ""
            config_path = r.str_(first, "config_path", "step") or (
                f"templates/terraform/samples/services/{self.folder_name}/{step_name}.tf.tmpl"
            )
            config, why = self._render(
                first,
                "step",
                config_path,
                r.str_(s, "primary_resource_id", "sample"),
                ex_vars,
                maps,
            )
            skip = skip or why
            config_at = self.last_at if config else None
            updates = self._later_steps(s, steps[1:], ex_vars, quiet=skip is not None)
        return Example(
            name=name,
            config=config,
            vars=tuple(ex_vars),
            primary_resource=primary,
            skip_test=skip,
            in_docs=not r.bool_(s, "exclude_basic_doc", "sample"),
            title=title,
            ignore_read_fields=ignore,
            config_path=config_path,
            updates=updates,
            config_at=config_at,
            loc=s.loc,
        )

    def _later_steps(
        self, s: YMap, steps: list[YMap], ex_vars: list[ExampleVar], quiet: bool
    ) -> tuple[str, ...]:
        """Later steps of a sample: upstream's update tests, applied in order after the first.

        A step's vars join the example's. A var of the same name and value is the same
        placeholder, so a resource id stays the same object across steps; one the step
        gives another value gets a placeholder of its own (`<var>_step<n>`). A step that cannot be
        rendered ends the list there (later ones build on it), with the reason reported.
        """
        r = self.r
        out: list[str] = []
        for index, step in enumerate(steps, 2):
            r.unsupported_keys(step, STEP_KEYS, "step")
            step_vars, maps = self._vars(step, "step", "resource_id_vars")
            step_name = r.str_(step, "name", "step") or ""
            config_path = r.str_(step, "config_path", "step") or (
                f"templates/terraform/samples/services/{self.folder_name}/{step_name}.tf.tmpl"
            )
            config, why = self._render(
                step,
                "step",
                config_path,
                r.str_(s, "primary_resource_id", "sample"),
                step_vars,
                maps,
            )
            if not config or why:
                if quiet:  # the example's test is skipped already, for a stated reason
                    break
                r.bag.warning(
                    UPDATE_STEP_DROPPED,
                    f"step `{step_name}` and the steps after it are not update tests: "
                    + (why or "its template did not render"),
                    step.loc,
                    "the example's acceptance test derives its change step instead",
                )
                break
            # A var the step gives another value (the update itself, as in a display name
            # changed from "first" to "second") gets its own placeholder in this step.
            first = {v.name: v for v in ex_vars}
            for v in step_vars:
                if v.name not in first:
                    ex_vars.append(v)
                elif (first[v.name].docs, first[v.name].test) != (v.docs, v.test):
                    new_name = f"{v.name}_step{index}"
                    config = config.replace("{{" + v.name + "}}", "{{" + new_name + "}}")
                    ex_vars.append(replace(v, name=new_name))
            out.append(config)
        return tuple(out)

    def _old_example(self, e: YMap, terraform_name: str) -> Example | None:
        r = self.r
        if not self._in_version(e, "example"):
            return None
        r.unsupported_keys(e, EXAMPLE_KEYS, "example")
        name, primary, skip = self._common(e, "example", terraform_name)
        # Before `resource_id_vars` existed, `vars` held the resource ids.
        ex_vars, maps = self._vars(e, "example", "vars")
        config_path = f"templates/terraform/examples/{name}.tf.tmpl"
        config, why = self._render(
            e,
            "example",
            config_path,
            r.str_(e, "primary_resource_id", "example"),
            ex_vars,
            maps,
            old=True,
        )
        config_at = self.last_at if config else None
        return Example(
            name=name,
            config=config,
            vars=tuple(ex_vars),
            primary_resource=primary,
            skip_test=skip or why,
            in_docs=not r.bool_(e, "exclude_docs", "example"),
            ignore_read_fields=tuple(
                strip_indexes(x) for x in r.strs(e, "ignore_read_extra", "example")
            ),
            config_path=config_path,
            config_at=config_at,
            loc=e.loc,
        )
