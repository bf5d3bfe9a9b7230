"""Run the sample provider through the runtime's entry point (handshake tests)."""

from __future__ import annotations

import sys

import runtime_loader

if __name__ == "__main__":
    sample = runtime_loader.load_sample()
    from mmgen_runtime.main import run

    run(sample.SampleProvider(), sys.argv[1:])
