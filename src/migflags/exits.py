"""Exit statuses, decided in one place (black's Report.return_code habit)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from migflags.model import Result

OK = 0
PROBLEMS = 1  # error-level problems where strictness was asked for, or unknown bits
BAD_INPUT = 2  # usage errors and input that cannot be parsed


def exit_status(results: Iterable[Result], *, strict: bool) -> int:
    for result in results:
        if result.unknown_bits or (strict and result.has_errors):
            return PROBLEMS
    return OK
