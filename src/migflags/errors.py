"""The one exception type for bad user input; the CLI turns it into exit status 2."""

from __future__ import annotations

from collections.abc import Iterable


class InputError(ValueError):
    """Input that cannot be understood. The message is one line and names the bad token."""


def closest(token: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to `token` (case-insensitive), or None when none is close."""
    import difflib  # only on the error path: keeps it off every command's startup
    lowered: dict[str, str] = {}
    for candidate in dict.fromkeys(candidates):
        lowered.setdefault(candidate.lower(), candidate)
    match = difflib.get_close_matches(token.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def did_you_mean(token: str, candidates: Iterable[str]) -> str:
    """Return ``": did you mean 'x'?"`` for the closest candidate, or an empty string."""
    match = closest(token, candidates)
    return f": did you mean {match!r}?" if match else ""
