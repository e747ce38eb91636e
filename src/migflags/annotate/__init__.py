"""Explain every migration flags value inside a log, in place, like `c++filt` for libvirt logs.

Bytes in, bytes out: the input is never decoded as text, so invalid UTF-8, NUL bytes and CRLF
line ends pass through untouched. Which lines carry a value is decided by
`migflags.tables.log_sources`; what a value means by `migflags.core.decode`.

The annotation format (what `strip_annotations` removes)
---------------------------------------------------------
Only a line that carries a migration flags value changes, and only at its end: between the
line's content and its line end (``\\r\\n``, ``\\n``, or nothing on a last line without one)
comes ::

    "  " [ESC "[" <digits and ;> "m"] "[" BODY "]" [ESC "[0m"]

two spaces, an optional colour, the body in brackets, the colour reset. BODY never holds
``[``, ``]``, CR, LF or ESC. It is the flag names joined by ``|`` (``0`` for no flag, an
unknown remainder as hex), then ``" (bare hex)"`` or ``" (bare dec)"`` when the log wrote the
value without ``0x`` and that base was assumed, then ``" !"`` and the ids of the error-level
problems (``unknown-bits`` among them) when there are any. A value that cannot be read in the
assumed base gets ``"? <reason>"`` as its body.

Which lines carry a value depends only on the bytes of the log, never on the options, and an
annotation can never make a line carry a value (it has no ``=``, no ``Migrat`` and no
``level : function:line :``), so running the same scanner over annotated output finds exactly
the annotated lines: that is how `strip_annotations` gives back the input byte for byte.

How it stays fast and small
---------------------------
The input is read in blocks of `BLOCK` bytes. Every line that carries a value contains
``flags``, and every record that carries one names a migration function (`ANCHOR`, in the
name or, for CloudStack, in the message), so each block is searched with `bytes.find` and one
regex with a literal prefix (C speed) by turns: the next anchor, then the next ``flags`` from
it. Only the ``flags`` lines found so are looked at, and one of them without the anchor costs a
regex search (does it start a record?) and the search for the next anchor; everything between
them is written through as it is. The lines in between are looked at again only when a
``flags`` line continues a record (found by going back from one `` : `` to the one before).
A line longer than `MAX_LINE` is not held in memory: its first `MAX_LINE` bytes decide, the
rest streams through with the last `HOLD` bytes kept back for the annotation. Decodings are
cached per value, and a new value's annotation needs only the ids of its error-level problems
(the whole `Result` is built only for ``--json``).

The parts: `scanner` finds the lines (and is the only part that knows the log formats, from
`migflags.tables.log_sources`), `decoder` turns a value into its annotation and caches it,
`writers` holds one writer per output mode, and `stream` reads blocks and drives them.
"""

from __future__ import annotations

from migflags.annotate.decoder import (
    BARE_BASES,
    COLOR_ERROR,
    COLOR_OK,
    COLOR_RESET,
    MAX_BODY,
    Decoded,
    Decoder,
    annotation,
)
from migflags.annotate.scanner import Hit, find_hits, scan, source_of
from migflags.annotate.stream import (
    BLOCK,
    MAX_LINE,
    Input,
    annotate_bytes,
    annotate_stream,
    strip_annotations,
)
from migflags.annotate.writers import HOLD, Options, Output, Summary

__all__ = [
    "BARE_BASES", "BLOCK", "COLOR_ERROR", "COLOR_OK", "COLOR_RESET", "HOLD", "MAX_BODY",
    "MAX_LINE", "Decoded", "Decoder", "Hit", "Input", "Options", "Output", "Summary",
    "annotate_bytes", "annotate_stream", "annotation", "find_hits", "scan", "source_of",
    "strip_annotations",
]
