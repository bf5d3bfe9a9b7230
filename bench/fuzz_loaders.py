"""Fuzz every loader for a fixed time: no input may crash mmgen, hang it, or get an
"internal" diagnostic (a caught bug).

Seeds are the committed fixtures of each input format: mmgen YAML (the kitchen specs and
specs/), Magic Modules mmv1, Azure Magic Modules, and registry docs pages. Each round picks
a format and a seed file, mutates it (byte flips, cut or repeated spans, YAML and Markdown
tokens spliced in, deep nesting, long lines, shuffled lines), writes it into a copy of its
tree and loads the tree with `validate_paths` (docs pages with `load_docs_text`). For mmgen
specs that still validate, one round in `--generate-every` also generates both targets in
memory, so the renderers and formatters see the survivors.

A finding is any exception that escapes, a `*-internal` diagnostic, a round slower than
`--hang` seconds (SIGALRM), or a worker process that dies (a segfault: the supervisor keeps
the input it died on and starts a new worker). Workers run with Python's default recursion
limit, as the CLI does. Each finding's input is kept in `--out/findings/`; the summary
(rounds per format, findings, slowest round, rounds per second) is printed as JSON.

    .venv/bin/python bench/fuzz_loaders.py [--seconds 600] [--seed 1] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.loaders.docs import load_docs_text  # noqa: E402
from generator.pipeline import generate  # noqa: E402
from generator.spec_check import validate_paths  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures"
TREES = {
    # format: (tree to copy, spec files to mutate inside it, spec_format)
    "mmgen": (FIXTURES / "gen-specs", "**/*.yaml", "mmgen"),
    "mmgen-batchai": (REPO / "specs", "**/*.yaml", "auto"),
    "mmv1": (FIXTURES / "loaders" / "mmv1", "**/*.yaml", "mmv1"),
    "azure-mm": (FIXTURES / "loaders" / "azure-mm", "**/*.yaml", "azure-mm"),
}
DOCS = sorted((FIXTURES / "loaders" / "docs").glob("*.markdown"))

TOKENS = [
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\t",
    b"\r",
    b"\n  - ",
    b": ",
    b"{",
    b"}",
    b"[",
    b"]",
    b"&a ",
    b"*a",
    b"<<: *a\n",
    b"!!python/object:os.system ",
    b"!ruby/object:Api::Resource\n",
    b"%YAML 1.1\n",
    b"---\n",
    b"...\n",
    b"? ",
    b"|\n",
    b">-\n",
    b"1e999",
    b".nan",
    b"-0",
    b"0x1F",
    b"~",
    b"null",
    b'"\\U0001F600\\ud800"',
    b"'",
    b'"',
    b"\xe2\x80\xa8",
    b"{{ x }}",
    b"{{$.PrimaryResourceId}}",
    b"${var.x}",
    b"../../../etc/passwd",
    b"/etc/passwd",
    b"\n# heading\n",
    b"\n## Argument Reference\n",
    b"\n* `x` - (Required) y\n",
    b"\n```hcl\n",
    b"\n<!--\n",
    b"\n---\n",
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.choice((1, 1, 2, 3, 8))):
        n = len(data)
        kind = rng.randrange(9)
        at = rng.randrange(n + 1)
        if kind == 0 and n:  # flip bits
            i = rng.randrange(n)
            data = data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1 :]
        elif kind == 1:  # cut a span
            data = data[:at] + data[at + rng.randrange(1, 200) :]
        elif kind == 2:  # repeat a span
            span = data[at : at + rng.randrange(1, 300)]
            data = data[:at] + span * rng.randrange(2, 20) + data[at:]
        elif kind in (3, 4, 5):  # splice in a token
            data = data[:at] + rng.choice(TOKENS) + data[at:]
        elif kind == 6:  # deep nesting
            depth = rng.choice((50, 300, 3000, 30000))
            opener, closer = rng.choice(((b"[", b"]"), (b"{", b"}"), (b"- ", b""), (b"> ", b"")))
            data = data[:at] + opener * depth + b"x" + closer * depth + data[at:]
        elif kind == 7:  # a long line
            data = data[:at] + rng.choice(TOKENS) * rng.randrange(1000, 100000) + data[at:]
        else:  # shuffle lines
            lines = data.split(b"\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
    return data


class Hang(BaseException):  # not Exception: loaders catch those and report them
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise Hang()


@dataclass
class Summary:
    seconds: float = 0.0
    rounds: dict[str, int] = field(default_factory=dict)
    generated: int = 0
    findings: list[dict[str, str]] = field(default_factory=list)
    slowest: dict[str, Any] = field(default_factory=lambda: {"seconds": 0.0})


def internal(diags: list[Any]) -> list[str]:
    return [d.to_text() for d in diags if d.code.endswith("-internal")]


def one_round(
    rng: random.Random, work: Path, generate_every: int, summary: Summary
) -> tuple[str, str, bytes, Callable[[], list[str]]]:
    """(format, seed name, input, the check to run) for one round."""
    fmt = rng.choice([*TREES, "docs"])
    if fmt == "docs":
        seed = rng.choice(DOCS)
        data = mutate(seed.read_bytes(), rng)
        return fmt, seed.name, data, lambda: internal(load_docs_text(data, seed.name).diagnostics)
    tree, pattern, spec_format = TREES[fmt]
    copy = work / fmt
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(tree, copy)
    seeds = sorted(copy.glob(pattern))
    target = rng.choice(seeds)
    data = mutate(target.read_bytes(), rng)
    target.write_bytes(data)

    def check() -> list[str]:
        report = validate_paths([str(copy)], spec_format)
        found = internal(report.diagnostics)
        if fmt == "mmgen" and not report.errors and rng.randrange(generate_every) == 0:
            summary.generated += 1
            result = generate(copy)
            found += internal(result.diagnostics)
        return found

    return fmt, str(target.relative_to(copy)), data, check


def worker(args: argparse.Namespace) -> int:
    """Fuzz until the deadline; before each round the input goes to `current`, so that the
    supervisor can keep it if this process dies (a segfault leaves no traceback)."""
    rng = random.Random(args.seed)
    findings_dir = args.out / "findings"
    findings_dir.mkdir(parents=True, exist_ok=True)
    current = args.out / "current"
    summary = Summary()
    signal.signal(signal.SIGALRM, _alarm)
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mmgen-fuzz-") as tmp:
        work = Path(tmp)
        while time.monotonic() - start < args.seconds:
            fmt, name, data, check = one_round(rng, work, args.generate_every, summary)
            current.write_bytes(data)
            (args.out / "current.json").write_text(json.dumps({"format": fmt, "seed": name}))
            summary.rounds[fmt] = summary.rounds.get(fmt, 0) + 1
            t0 = time.monotonic()
            signal.alarm(args.hang)
            try:
                problems = check()
            except Hang:
                problems = [f"no answer within {args.hang} s"]
            except Exception as exc:  # a crash is what we are looking for
                problems = ["".join(traceback.format_exception(exc))[-3000:]]
            finally:
                signal.alarm(0)
            took = time.monotonic() - t0
            if took > summary.slowest["seconds"]:
                summary.slowest = {"seconds": round(took, 3), "format": fmt, "seed": name}
            if problems:
                kept = (
                    findings_dir
                    / f"{args.seed}-{len(summary.findings):04d}-{fmt}-{Path(name).name}"
                )
                kept.write_bytes(data)
                summary.findings.append(
                    {"format": fmt, "seed": name, "input": str(kept), "problem": problems[0][:2000]}
                )
            # Done so far, for the supervisor should this worker die in a later round.
            (args.out / f"worker-{args.seed}.json").write_text(json.dumps(summary.__dict__))
    summary.seconds = time.monotonic() - start
    print(json.dumps(summary.__dict__))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=600.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hang", type=int, default=30, help="a round slower than this is a finding")
    ap.add_argument("--generate-every", type=int, default=10)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "mmgen-fuzz")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args)
    # The supervisor: runs workers (the CLI's own recursion limit and stack) until the time
    # is up, and restarts one that dies, keeping the input it died on as a finding.
    args.out.mkdir(parents=True, exist_ok=True)
    total = Summary()
    start = time.monotonic()
    seed = args.seed
    while (left := args.seconds - (time.monotonic() - start)) > 1:
        cmd = [
            sys.executable,
            __file__,
            "--worker",
            "--seconds",
            str(left),
            "--seed",
            str(seed),
            "--hang",
            str(args.hang),
            "--generate-every",
            str(args.generate_every),
            "--out",
            str(args.out),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        progress = args.out / f"worker-{seed}.json"
        if proc.returncode == 0:
            part = json.loads(proc.stdout.strip().splitlines()[-1])
        else:
            meta = json.loads((args.out / "current.json").read_text())
            kept = args.out / "findings" / f"{seed}-died-{meta['format']}-{Path(meta['seed']).name}"
            shutil.copyfile(args.out / "current", kept)
            # What the worker did before the round that killed it, and that round.
            part = (
                json.loads(progress.read_text())
                if progress.exists()
                else {"rounds": {}, "generated": 0, "slowest": {"seconds": 0.0}, "findings": []}
            )
            part["rounds"][meta["format"]] = part["rounds"].get(meta["format"], 0) + 1
            part["findings"].append(
                dict(
                    meta,
                    input=str(kept),
                    problem=f"the process died (exit {proc.returncode}): " + proc.stderr[-1500:],
                )
            )
        progress.unlink(missing_ok=True)
        for fmt, n in part["rounds"].items():
            total.rounds[fmt] = total.rounds.get(fmt, 0) + n
        total.generated += part["generated"]
        total.findings += part["findings"]
        if part["slowest"]["seconds"] > total.slowest["seconds"]:
            total.slowest = part["slowest"]
        seed += 1000
    total.seconds = round(time.monotonic() - start, 1)
    rounds = sum(total.rounds.values())
    print(
        json.dumps(
            {
                "seconds": total.seconds,
                "seed": args.seed,
                "workers": (seed - args.seed) // 1000,
                "rounds": rounds,
                "rounds_per_format": dict(sorted(total.rounds.items())),
                "rounds_per_second": round(rounds / total.seconds, 1) if total.seconds else 0,
                "generated_both_targets": total.generated,
                "findings": total.findings,
                "slowest_round": total.slowest,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    return 1 if total.findings else 0


if __name__ == "__main__":
    sys.exit(main())
