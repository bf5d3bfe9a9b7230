"""The output options every diagnostics-printing command shares (generator/cli_output.py).

Progress and colour depend on whether stderr/stdout is a terminal: those tests run the CLI
in a subprocess whose streams are a pseudo-terminal (pty), and again piped.
"""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.cli_output import OutputOptions, by_code, colorize, left_out_lines, wrap
from generator.diagnostics import Diagnostic, Location, Severity

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad-specs"
GOOD = ROOT / "tests" / "fixtures" / "gen-specs"


def _diag(code: str, error: bool = False, line: int = 1) -> Diagnostic:
    sev = Severity.ERROR if error else Severity.WARNING
    return Diagnostic(sev, code, f"{code} here", Location("a.yaml", line, 1), "fix it")


def test_by_code_counts_errors_first_then_most_frequent() -> None:
    diags = [_diag("b"), _diag("a"), _diag("b"), _diag("z", error=True)]
    assert by_code(diags) == "by code: errors: z\xa01; warnings: b\xa02, a\xa01"
    assert "  " not in wrap(by_code(diags))


def test_wrap_never_splits_a_code_from_its_count() -> None:
    diags = [_diag(f"code-number-{i:02d}") for i in range(40)]
    for line in wrap(by_code(diags), indent="  ").splitlines():
        assert len(line) <= 100
        assert not re.match(r"^\s*\d", line), line  # a count never starts a line


def test_left_out_lists_every_name_or_counts_under_quiet() -> None:
    names = [f"product/resource_{i:02d}" for i in range(29)]
    full = left_out_lines([("resource(s) left out", names)], OutputOptions())
    text = "\n".join(full)
    assert all(n in text for n in names) and "…" not in text and "more" not in text
    assert all(len(line) <= 100 for line in text.splitlines())
    quiet = left_out_lines([("resource(s) left out", names)], OutputOptions(quiet=True))
    assert quiet == ["29 resource(s) left out (run without -q for the list)"]


def test_colorize_marks_only_severity_words() -> None:
    text = "a.yaml:1:1: error[x]: an error in message\n    hint: not a warning[y]\n"
    out = colorize(text)
    assert out.count("\x1b[0m") == 1  # one styled word: the hint line is untouched
    assert re.sub(r"\x1b\[[0-9;]*m", "", out) == text


def _invoke(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_validate_max_diagnostics_keeps_exit_code_and_counts_the_rest() -> None:
    code_all, out_all, _ = _invoke("validate", str(BAD))
    code, out, err = _invoke("validate", str(BAD), "--max-diagnostics", "2")
    assert code == code_all == 1
    total = len(re.findall(r"^\S.*: (?:error|warning)\[", out_all, re.MULTILINE))
    assert len(re.findall(r"^\S.*: (?:error|warning)\[", out, re.MULTILINE)) == 2
    assert f"... and {total - 2} more (by code: errors: " in err
    assert err.rstrip().splitlines()[-1].endswith("warning(s)")  # the counts line stays last


def test_validate_quiet_prints_errors_only_and_says_what_it_hid() -> None:
    code, out, err = _invoke("validate", str(BAD), "-q")
    assert code == 1
    assert "error[" in out and "warning[" not in out
    assert re.search(r"\(\d+ warning\(s\) not shown: run without -q to see them\)", err)
    assert "by code: errors: " in err and "; warnings: " in err  # the summary counts all


def test_validate_verbose_prints_stage_timings() -> None:
    code, _, err = _invoke("validate", str(GOOD), "-v")
    assert code == 0
    assert re.search(r"^loading products: 1/1 in \d+\.\d s$", err, re.MULTILINE), err


def test_quiet_and_verbose_together_is_a_usage_error() -> None:
    code, _, err = _invoke("validate", str(GOOD), "-q", "-v")
    assert code == 2 and "contradict" in err


def test_same_options_on_every_diagnostics_command() -> None:
    for cmd in (["validate"], ["generate"], ["diff"], ["docs", "lint"]):
        help_text = CliRunner().invoke(cli, [*cmd, "--help"]).output
        for opt in ("--quiet", "--verbose", "--max-diagnostics", "--color / --no-color"):
            assert opt in help_text, (cmd, opt)


def test_color_flags_and_no_color() -> None:
    _, out, _ = _invoke("validate", str(BAD), "--max-diagnostics", "1", "--color")
    assert "\x1b[31m" in out
    # CliRunner's streams are not terminals: no colour by default.
    _, out, _ = _invoke("validate", str(BAD), "--max-diagnostics", "1")
    assert "\x1b[" not in out


def _run_on_pty(args: list[str], env_extra: dict[str, str]) -> tuple[int, bytes]:
    """Run the CLI with stdout and stderr on a pseudo-terminal; returns (rc, all output)."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "TERM")}
    env.update({"PYTHONPATH": str(ROOT), "TERM": "xterm", **env_extra})
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", *args],
        stdout=slave,
        stderr=slave,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            proc.kill()
            raise AssertionError("no output for 60 s")
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.wait(timeout=60), b"".join(chunks)


def test_progress_bar_and_colour_on_a_terminal() -> None:
    rc, out = _run_on_pty(["validate", str(BAD)], {})
    assert rc == 1
    assert re.search(rb"\rloading products \[[#.]{30}\] \d+/\d+", out), out[:400]
    assert b"\r\x1b[K" in out  # the bar's line is cleared when the stage ends
    assert b"\x1b[31m\x1b[1merror\x1b[0m[" in out


@pytest.mark.parametrize("env", [{"CI": "true"}, {"TERM": "dumb"}])
def test_no_progress_bar_in_ci_or_on_a_dumb_terminal(env: dict[str, str]) -> None:
    rc, out = _run_on_pty(["validate", str(BAD)], env)
    assert rc == 1 and b"error[" in out or b"error\x1b" in out
    assert b"loading products [" not in out


def test_no_colour_with_no_color_even_on_a_terminal() -> None:
    rc, out = _run_on_pty(["validate", str(BAD)], {"NO_COLOR": "1"})
    assert rc == 1 and b"error[" in out
    assert b"\x1b[31m" not in out


def test_nothing_but_text_when_piped() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        [sys.executable, "-m", "generator.cli", "validate", str(BAD)],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 1
    assert b"\r" not in proc.stderr and b"\x1b[" not in proc.stderr + proc.stdout


def test_generate_on_a_terminal_shows_the_generate_stage(tmp_path: Path) -> None:
    args = ["generate", "--specs", str(GOOD), "--out", str(tmp_path / "out")]
    rc, out = _run_on_pty(args, {})
    assert rc == 0, out
    assert re.search(rb"\rgenerating products \[[#.]{30}\] \d+/2", out), out[:400]
    assert b"wrote " in out
    written = re.search(rb"^(\d+) file\(s\) changed, 0 unchanged", out, re.MULTILINE)
    assert written is not None and int(written.group(1)) > 40, out[-400:]
    # -q: no bar and no line per file, the counts line only.
    rc, out = _run_on_pty([*args, "-q"], {})
    assert rc == 0, out
    assert b"generating products [" not in out and b"wrote " not in out
    unchanged = rb"^0 file\(s\) changed, " + written.group(1) + rb" unchanged"
    assert re.search(unchanged, out, re.MULTILINE), out


def test_shell_completion_script_is_produced() -> None:
    env = {k: v for k, v in os.environ.items()}
    env.update({"PYTHONPATH": str(ROOT)})
    for shell, marker in (
        ("bash", "complete -o"),
        ("zsh", "compdef"),
        ("fish", "complete --no-files --command mmgen"),
    ):
        env["_MMGEN_COMPLETE"] = f"{shell}_source"
        proc = subprocess.run(
            [sys.executable, "-c", "from generator.cli import main; main()"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        assert marker in proc.stdout and "_MMGEN_COMPLETE" in proc.stdout, (shell, proc.stdout)


def test_a_derived_api_name_is_an_info_note_shown_with_verbose_only(tmp_path: Path) -> None:
    """A property without `api_name` goes to the API under camelCase: `-v` says so, at the
    property's `name:`, and it never fails a run, not even with --strict."""
    specs = tmp_path / "specs"
    import shutil

    shutil.copytree(GOOD, specs)
    oven = specs / "kitchen" / "oven.yaml"
    text = oven.read_text()
    assert "    api_name: properties.temperature\n" in text
    oven.write_text(text.replace("    api_name: properties.temperature\n", "", 1))
    line = next(i for i, ln in enumerate(oven.read_text().split("\n"), 1) if "temperature" in ln)
    code, out, err = _invoke("validate", str(specs), "--strict")
    assert code == 0 and "api-name-derived" not in out + err
    code, out, err = _invoke("validate", str(specs), "--strict", "-v")
    assert code == 0, out + err
    assert f"oven.yaml:{line}:5: info[api-name-derived]: `temperature` is sent" in out
    assert "as `temperature`" in out
    assert "notes: api-name-derived 1" in err
    code, out, _ = _invoke("validate", str(specs), "-v", "--format", "json")
    assert '"severity": "info"' in out


def test_by_code_lists_notes_after_warnings() -> None:
    info = Diagnostic(Severity.INFO, "api-name-derived", "x", Location("a.yaml", 1, 1))
    assert by_code([_diag("w"), info, _diag("e", error=True)]) == (
        "by code: errors: e\xa01; warnings: w\xa01; notes: api-name-derived\xa01"
    )
