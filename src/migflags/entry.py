"""The console script (`migflags`): the CLI, with start-up and shutdown tuned for a process that
usually lives a few milliseconds (a TAB, a `decode`).

Two things cost much and buy nothing in such a process, as callgrind shows:

* Collections of the cyclic garbage collector while modules are imported. Importing builds
  tens of thousands of objects that live until the end, so every collection scans them and
  frees nothing. A larger first-generation threshold makes the short runs collect never and a
  long run (`annotate` of a big log) still collect, in passes of `GC_THRESHOLD` new objects.
* Python's own teardown: a last full collection and the clean-up of every module, about a
  tenth of a `decode`. The process ends instead with `os._exit` once its output is flushed;
  the operating system frees the memory, and no migflags command leaves a file open or an
  `atexit` job behind (files are closed by their `with` blocks before the command returns).

`python -m migflags` goes through here too. The Click group itself (`migflags.cli.main`) is
unchanged: the tests that call it in-process get Python's ordinary behaviour.
"""

from __future__ import annotations

import gc
import os
import sys

GC_THRESHOLD = 20_000  # new objects between two first-generation passes (Python's default: 700)


def _status(code: object) -> int:
    """The exit status `sys.exit(code)` would give (a text is printed, status 1)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    if sys.stderr is not None and not sys.stderr.closed:
        print(code, file=sys.stderr)
    return 1


def _flush(status: int) -> int:
    """Flush both streams; the status to exit with. A stream may be missing (`2>&-` leaves
    `sys.stderr` None) or closed already: nothing is left to flush there."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or stream.closed:
            continue
        try:
            stream.flush()
        except BrokenPipeError:
            pass  # the reader went away (`| head`), as the group treats it: nothing to report
        except (OSError, ValueError) as error:  # a full disk: the output is incomplete
            if stream is sys.stdout and sys.stderr is not None and not sys.stderr.closed:
                try:
                    reason = getattr(error, "strerror", None) or error
                    sys.stderr.write(f"migflags: error: cannot write the output: {reason}\n")
                    sys.stderr.flush()
                except (OSError, ValueError):
                    pass
            return 2
    return status


def run(prog_name: str | None = None) -> None:
    gc.set_threshold(GC_THRESHOLD)
    from migflags.cli import main

    try:
        returned = main(prog_name=prog_name)  # Click's non-standalone mode returns ctx.exit(n)
        status = returned & 0xFF if isinstance(returned, int) else 0
    except SystemExit as done:
        status = _status(done.code)
    except OSError:  # reporting an output error failed too (stderr on a full disk as well)
        status = 2
    os._exit(_flush(status))
