"""migflags: translate and check libvirt migration flags.

Python API (no Click or Rich needed)::

    >>> from migflags import MigrateFlag, decode, encode, parse_value
    >>> encode(["--live", "p2p"])
    3
    >>> [row.c_name for row in decode("flags=0x1b").flags][:2]
    ['VIR_MIGRATE_LIVE', 'VIR_MIGRATE_PEER2PEER']
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from migflags.core import analyse, decode
    from migflags.errors import InputError
    from migflags.model import Problem, Request, Result
    from migflags.parse import encode, parse_value
    from migflags.tables.flags import FLAGS, MigrateFlag
    from migflags.versions import NEWEST, LibvirtVersion

    Decoded = Result

# The API is imported on first use (PEP 562), so that `import migflags.cli` for a TAB
# completion does not pay for the rules engine.
_EXPORTS = {
    "NEWEST": "migflags.versions",
    "analyse": "migflags.core",
    "decode": "migflags.core",
    "InputError": "migflags.errors",
    "Problem": "migflags.model",
    "Request": "migflags.model",
    "Result": "migflags.model",
    "Decoded": "migflags.model",  # the name the API was announced with
    "encode": "migflags.parse",
    "parse_value": "migflags.parse",
    "FLAGS": "migflags.tables.flags",
    "MigrateFlag": "migflags.tables.flags",
    "LibvirtVersion": "migflags.versions",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'migflags' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), "Result" if name == "Decoded" else name)
    globals()[name] = value
    return value


__all__ = [
    "FLAGS",
    "NEWEST",
    "Decoded",
    "InputError",
    "LibvirtVersion",
    "MigrateFlag",
    "Problem",
    "Request",
    "Result",
    "__version__",
    "analyse",
    "decode",
    "encode",
    "parse_value",
]
