"""`mmgen emulate`: serve the REST API the specs describe (generator/emulator), until
Ctrl-C or SIGTERM. Loaded only when named (cli.py's lazy commands)."""

from __future__ import annotations

import sys

import click


@click.command()
@click.option(
    "--specs",
    "specs_dirs",
    multiple=True,
    default=("specs",),
    show_default=True,
    help="Folder of product specs (repeatable).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=0, type=int, help="Port to listen on; 0 (default): any free port.")
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a --host that is not loopback. Off by default because the emulator has no "
    "authentication: it accepts any token, and anyone who can reach it can read, change and "
    "delete its resources and inject faults through /_emulator/.",
)
@click.option(
    "--lro-polls",
    default=1,
    type=click.IntRange(min=0),
    show_default=True,
    help="Polls a long-running operation answers InProgress before it ends.",
)
@click.option(
    "--allow-field",
    "extra_fields",
    multiple=True,
    help="An API path accepted although no spec describes it, e.g. properties.createdBy or "
    "kitchen_sink:properties.createdBy (repeatable).",
)
def emulate(
    specs_dirs: tuple[str, ...],
    host: str,
    port: int,
    allow_remote: bool,
    lro_polls: int,
    extra_fields: tuple[str, ...],
) -> None:
    """Serve the REST API the specs describe, on HTTP, until Ctrl-C or SIGTERM.

    Point a generated provider at it with MMGEN_ENDPOINT=<url> (or the provider's `endpoint`);
    inspect and inject faults through <url>/_emulator/ (see docs/emulator.md).
    """
    import signal
    import threading
    from os.path import lexists

    from .emulator import EmulatorConfig, SpecError, load_emulator
    from .emulator.server import is_loopback

    if not allow_remote and not is_loopback(host):
        raise click.UsageError(
            f"--host {host} is not a loopback address; the emulator has no authentication. "
            "Pass --allow-remote to listen there anyway."
        )
    missing = [p for p in specs_dirs if not lexists(p)]
    if missing:
        raise click.UsageError(f"path does not exist: {', '.join(missing)}")
    config = EmulatorConfig(lro_polls=lro_polls, extra_fields=extra_fields)
    try:
        emulator = load_emulator(list(specs_dirs), host, port, config, allow_remote=allow_remote)
        emulator.start()
    except SpecError as exc:
        click.echo(str(exc), err=True, nl=False)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"error: cannot listen on {host}:{port}: {exc}", err=True)
        sys.exit(2)
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    click.echo(f"mmgen emulator listening on {emulator.url}")
    for route in emulator.routes:
        version = route.api_version or "-"
        click.echo(
            f"  {route.terraform_name}: {route.resource.rest.id_template} ({version})", err=True
        )
    try:
        while not stop.wait(0.2):
            pass
    finally:
        emulator.stop()
    click.echo("mmgen emulator stopped", err=True)
