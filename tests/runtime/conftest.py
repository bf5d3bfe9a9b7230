from __future__ import annotations

import runtime_loader

runtime_loader.load_runtime()
runtime_loader.load_sample()
