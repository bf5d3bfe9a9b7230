from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import grpc
from tf.gen import tfplugin_pb2 as pb
from tf.gen import tfplugin_pb2_grpc as rpc

SCRIPT = Path(__file__).with_name("serve_sample.py")


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(SCRIPT), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=str(SCRIPT.parent),
    )


def _stop(proc: subprocess.Popen[str]) -> tuple[str, str]:
    proc.terminate()
    out, err = proc.communicate(timeout=10)
    return out, err


def test_dev_mode_prints_reattach_config_and_serves() -> None:
    env = {k: v for k, v in os.environ.items() if k != "TF_PLUGIN_MAGIC_COOKIE"}
    proc = _start(["--dev"], env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        prefix = "export TF_REATTACH_PROVIDERS='"
        assert line.startswith(prefix) and line.rstrip().endswith("'")
        config: dict[str, Any] = json.loads(line.rstrip()[len(prefix) : -1])
        entry = config["registry.terraform.io/mmgen/mmtest"]
        assert entry["ProtocolVersion"] == 6 and entry["Pid"] == proc.pid
        with grpc.insecure_channel(f"unix://{entry['Addr']['String']}") as channel:
            stub = rpc.ProviderStub(channel)
            schema = stub.GetProviderSchema(pb.GetProviderSchema.Request(), timeout=10)
            assert "mmtest_widget" in schema.resource_schemas
    finally:
        out, _ = _stop(proc)
    assert out == ""  # nothing else ever reaches stdout


def test_plugin_handshake_line() -> None:
    env = dict(os.environ, TF_PLUGIN_MAGIC_COOKIE="cookie")
    proc = _start([], env)
    try:
        assert proc.stdout is not None
        fields = proc.stdout.readline().rstrip("\n").split("|")
    finally:
        out, _ = _stop(proc)
    assert fields[:3] == ["1", "6", "unix"] and fields[4] == "grpc"
    assert fields[3].endswith(".sock") and len(fields[5]) > 100
    assert out == ""


def test_refuses_to_run_without_terraform() -> None:
    env = {k: v for k, v in os.environ.items() if k != "TF_PLUGIN_MAGIC_COOKIE"}
    proc = subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, env=env, timeout=30
    )
    assert proc.returncode == 1 and proc.stdout == ""
    assert "Terraform provider plugin" in proc.stderr
