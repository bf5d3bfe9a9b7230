"""`mmgen emulate` in a subprocess, and the pytest plugin in a pytest subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from emu_helpers import JOB, JOB_V, call, job_body

from generator.cli import cli

REPO = Path(__file__).resolve().parents[2]
MMGEN = [sys.executable, "-c", "from generator.cli import main; main()"]


def test_emulate_serves_until_sigterm() -> None:
    proc = subprocess.Popen(
        [*MMGEN, "emulate", "--specs", "specs", "--lro-polls", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        prefix = "mmgen emulator listening on http://127.0.0.1:"
        assert line.startswith(prefix), line
        url = line.split(" on ", 1)[1]
        resp = call("PUT", url + JOB.format("j1") + JOB_V, job_body())
        assert resp.status == 201
        op = call("GET", resp.headers["Azure-AsyncOperation"]).body
        assert op["status"] == "Succeeded"  # --lro-polls 0
        assert [r["id"] for r in call("GET", url + "/_emulator/resources").body["resources"]] == [
            JOB.format("j1")
        ]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        assert proc.stderr is not None and "azurerm_batch_ai_job" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_emulate_refuses_remote_hosts_and_bad_paths() -> None:
    runner = CliRunner()
    remote = runner.invoke(cli, ["emulate", "--specs", str(REPO / "specs"), "--host", "0.0.0.0"])
    assert remote.exit_code == 2 and "--allow-remote" in remote.output
    missing = runner.invoke(cli, ["emulate", "--specs", "/no/such/specs"])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    helptext = runner.invoke(cli, ["emulate", "--help"]).output
    assert "no authentication" in helptext


def test_emulate_reports_spec_errors(tmp_path: Path) -> None:
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "product.yaml").write_text("name: Broken Name\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["emulate", "--specs", str(tmp_path)])
    assert result.exit_code == 1


PLUGIN_TEST = """
from generator.emulator import Emulator

def test_one(api_emulator: Emulator) -> None:
    assert api_emulator.resources() == []
    api_emulator.add_fault({"status": 503})
    assert any(r.terraform_name == "azurerm_batch_ai_job" for r in api_emulator.routes)

def test_two(api_emulator: Emulator, api_emulator_session: Emulator) -> None:
    assert api_emulator is api_emulator_session
    assert api_emulator.faults.snapshot() == []  # reset between tests
"""


def test_pytest_plugin(tmp_path: Path) -> None:
    (tmp_path / "test_uses_plugin.py").write_text(PLUGIN_TEST, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("MMGEN_SPECS", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "generator.emulator.pytest_plugin",
            "-p",
            "no:cacheprovider",
            f"--mmgen-specs={REPO / 'specs'}",
            "--rootdir",
            str(tmp_path),
            "-c",
            os.devnull,
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
