"""`mmgen diff`: the breaking changes between two versions of the specs, at the spec line.

- `sides.py`: load one side, a specs folder or a git revision (`REV`, `REV:PATH`)
- `rules.py`: the rule registry (ids, explanations; docs/diff.md documents each)
- `compare.py`, `validation_rules.py`: what changed between the two loaded models
- `allowances.py`: breaking changes accepted by a flag or in the head spec
- `run.py`: the whole diff as one call; `report.py`: text, markdown, json, github
"""

from .findings import Finding
from .rules import RULES, Kind, Rule
from .run import DiffReport, run_diff

__all__ = ["RULES", "DiffReport", "Finding", "Kind", "Rule", "run_diff"]
