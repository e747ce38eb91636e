"""What `migflags check` predicts for one real-QEMU case, in the terms the real run answers in:
"migrated" when check accepts, else the message of its first error.

check is given what the real run had: the release of libvirt and of QEMU, the options, the
guest's state and its `virsh dumpxml`, and the real destination URI. For an API case (no virsh
in the way) the virsh layer's problems are left out, since nothing ran virsh's option checks.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from typing import NamedTuple

from click.testing import CliRunner

from migflags.cli import main

MIGRATED = "migrated"
# Refusals that come from this sandbox, not from libvirt or QEMU: root here may not raise
# RLIMIT_MEMLOCK, which --zerocopy needs. libvirt would go on, so check must accept.
SANDBOX_REFUSALS = ("cannot limit locked memory of process ",)


class Prediction(NamedTuple):
    verdict: str  # "migrated" or the first error's message
    rule: str | None  # the rule id of that error
    rules: tuple[str, ...]  # every problem's rule id, in order
    stderr: str


def expected_from_real(result: str) -> str:
    """What check must say for a real result (a sandbox refusal counts as migrated)."""
    return MIGRATED if result.startswith(SANDBOX_REFUSALS) else result


def predict(version: str, options: Sequence[str], guest: str, state: str, domain_xml: str,
            desturi: str, api: bool = False, qemu: str | None = None,
            source: str | None = None) -> Prediction:
    """check's verdict; `qemu` is the QEMU release the daemons run (`virsh version`), `source`
    the URI virsh connects to (`virsh -c SOURCE migrate ...`)."""
    with tempfile.TemporaryDirectory(prefix="migflags-realqemu-") as tmp:
        xml_path = os.path.join(tmp, f"{guest}.xml")
        with open(xml_path, "w", encoding="utf-8") as handle:
            handle.write(domain_xml)
        args = ["check", "--libvirt", version, "--json", "--state", state,
                "--domain-xml", xml_path]
        if qemu:
            args += ["--qemu", qemu]
        connect = ["-c", source] if source else []
        args += ["--", "virsh", *connect, "migrate", *options, guest, desturi]
        env = {"LC_ALL": "C", "LANG": "C", "NO_COLOR": "1", "COLUMNS": "200"}
        result = CliRunner().invoke(main, args, env=env)
    if result.exit_code not in (0, 1):
        raise AssertionError(f"check exited {result.exit_code}: {result.output}"
                             f"{result.stderr if result.stderr_bytes else ''}")
    doc = json.loads(result.stdout)
    problems = [p for p in doc["problems"] if p["level"] == "error"]
    if api:
        problems = [p for p in problems if p["layer"] != "virsh"]
    rules = tuple(str(p["rule"]) for p in doc["problems"])
    if not problems:
        return Prediction(MIGRATED, None, rules, result.stderr)
    return Prediction(str(problems[0]["message"]), str(problems[0]["rule"]), rules,
                      result.stderr)
