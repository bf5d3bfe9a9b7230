# ----------------------------------------------------------------------------
#
#     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
#
# DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
# hand edits are overwritten. Change the spec (or its custom code) instead.
#
# Source spec: templates/python/runtime/main.py
# Template:    python/runtime/main.py
# Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
#
# ----------------------------------------------------------------------------
"""Process entry point: serve the runtime servicer over go-plugin's protocol.

tf's ``run_provider`` hard-codes its own servicer class, so this module starts the gRPC
server itself.  Two modes:

* normal: Terraform launched us; write the go-plugin handshake line
  (``1|6|unix|<socket>|grpc|<server cert>``) to stdout and serve until Shutdown.
* ``--dev``: serve without TLS and print ``export TF_REATTACH_PROVIDERS='<json>'`` so a
  test harness can start the provider once and let Terraform reattach to it.

Nothing else may reach stdout (Terraform parses it), so ``sys.stdout`` is pointed at
stderr for the life of the process.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import sys
import tempfile
import threading
from concurrent import futures
from typing import Any, TextIO

import grpc
from tf.gen import grpc_controller_pb2 as controller_pb
from tf.gen import grpc_controller_pb2_grpc as controller_rpc
from tf.gen import grpc_stdio_pb2_grpc as stdio_rpc
from tf.gen import tfplugin_pb2_grpc as rpc

from .servicer import RuntimeServicer

MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE"
_STOP_METHODS = ("/tfplugin6.Provider/StopProvider", "/plugin.GRPCController/Shutdown")
_MAX_MESSAGE = 256 * 1024 * 1024


class _StopWatcher(grpc.ServerInterceptor):
    """Sets ``event`` once Terraform asks the plugin to stop (normal mode only)."""

    def __init__(self, event: threading.Event, enabled: bool) -> None:
        self.event = event
        self.enabled = enabled

    def intercept_service(self, continuation: Any, handler_call_details: Any) -> Any:
        if self.enabled and handler_call_details.method in _STOP_METHODS:
            self.event.set()
        return continuation(handler_call_details)


class _Controller(controller_rpc.GRPCControllerServicer):
    def __init__(self, event: threading.Event) -> None:
        self.event = event

    def Shutdown(self, request: Any, context: Any) -> Any:
        self.event.set()
        return controller_pb.Empty()


class _Stdio(stdio_rpc.GRPCStdioServicer):
    def StreamStdio(self, request: Any, context: Any) -> Any:
        # go-plugin asks for this stream; we never forward stdio over it.
        return iter([])


def build_server(provider: Any, stop: threading.Event, dev: bool) -> Any:
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=10),
        interceptors=[_StopWatcher(stop, enabled=not dev)],
        options=[
            ("grpc.max_receive_message_length", _MAX_MESSAGE),
            ("grpc.max_send_message_length", _MAX_MESSAGE),
        ],
    )
    rpc.add_ProviderServicer_to_server(RuntimeServicer(provider), server)
    controller_rpc.add_GRPCControllerServicer_to_server(_Controller(stop), server)
    stdio_rpc.add_GRPCStdioServicer_to_server(_Stdio(), server)
    return server


def reattach_config(provider: Any, socket_path: str) -> str:
    return json.dumps(
        {
            provider.full_name(): {
                "Protocol": "grpc",
                "ProtocolVersion": 6,
                "Pid": os.getpid(),
                "Test": True,
                "Addr": {"Network": "unix", "String": socket_path},
            }
        }
    )


def _serve_until(server: Any, stop: threading.Event) -> None:
    while not stop.wait(0.05):
        pass
    server.stop(grace=0.5).wait(2.0)


def run(provider: Any, argv: list[str] | None = None, out: TextIO | None = None) -> None:
    """Serve ``provider`` until Terraform (or a signal in ``--dev`` mode) stops it."""
    args = list(sys.argv[1:] if argv is None else argv)
    dev = "--dev" in args
    real_stdout = out or sys.stdout
    sys.stdout = sys.stderr  # stray prints must not corrupt the handshake channel

    if not dev and MAGIC_COOKIE_KEY not in os.environ:
        sys.stderr.write(
            "This binary is a Terraform provider plugin. It is started by Terraform, "
            "not run directly. Use --dev to run it for reattach (TF_REATTACH_PROVIDERS).\n"
        )
        raise SystemExit(1)

    stop = threading.Event()
    with tempfile.TemporaryDirectory(prefix="mmgen-provider-") as tmp:
        socket_path = os.path.join(tmp, "provider.sock")
        server = build_server(provider, stop, dev)
        if dev:
            server.add_insecure_port(f"unix://{socket_path}")
            server.start()
            for sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sig, lambda *_: stop.set())
            real_stdout.write(
                f"export TF_REATTACH_PROVIDERS='{reattach_config(provider, socket_path)}'\n"
            )
            real_stdout.flush()
            _serve_until(server, stop)
            return

        from tf.runner import _self_signed_cert

        cert_der, credentials = _self_signed_cert()
        server.add_secure_port(f"unix://{socket_path}", credentials)
        server.start()
        # Terraform interrupts the whole process group on Ctrl-C and then asks us to
        # stop over gRPC; dying on SIGINT first would lose in-flight operations.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        cert = base64.b64encode(cert_der).decode().rstrip("=")
        real_stdout.write(f"1|6|unix|{socket_path}|grpc|{cert}\n")
        real_stdout.flush()
        _serve_until(server, stop)
