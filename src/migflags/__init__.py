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

from migflags.core import NEWEST, analyse, decode
from migflags.errors import InputError
from migflags.model import Problem, Request, Result
from migflags.parse import encode, parse_value
from migflags.tables.flags import FLAGS, MigrateFlag
from migflags.versions import LibvirtVersion

Decoded = Result  # the name the API was announced with

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
