"""Checks only the python target needs."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..model.nodes import Product
from .regex_dialects import check_regexes, python_error
from .reserved import check_reserved


def check_python_regexes(product: Product) -> list[Diagnostic]:
    return [
        *check_regexes(product, "python", "Python `re`", python_error),
        *check_reserved(product, "python"),
    ]
