"""`migflags why` on what real virsh 9.0.0 and 12.9.0 print when they refuse a migration.

Each command line runs through real virsh against libvirt's test driver (tests/virsh_oracle.py).
virsh's whole stderr goes to `migflags why -`, and, where the library raised the error, the
daemon-log record of it (`<ts>: <tid>: error : function:line : message`) as well. The rule
that produced the refusal is written here by hand, per release (from the runs' own output).
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from virsh_oracle import DOMAIN, desturi_for, run_migrate

from migflags.cli import main

pytestmark = pytest.mark.realvirsh

# (arguments, rule id with virsh 9.0.0, rule id with virsh 12.9.0)
CASES: list[tuple[list[str], str, str]] = [
    (["--live", "--offline"], "virsh-live-offline", "virsh-live-offline"),
    (["--tunnelled"], "api-migrate3-tunnelled", "api-migrate3-tunnelled"),
    (["--timeout", "5"], "virsh-timeout-needs-live", "virsh-timeout-needs-live"),
    (["--tls-destination", "x"], "virsh-tls-destination", "virsh-tls-destination"),
    (["--copy-storage-all", "--copy-storage-inc"], "api-disk-inc-exclusive",
     "virsh-copy-storage-exclusive"),
    (["--p2p", "--tunnelled", "--parallel"], "api-tunnelled-parallel", "api-tunnelled-parallel"),
    (["--direct"], "api-direct-unsupported", "api-direct-unsupported"),
    # the test driver has no peer-to-peer and no offline migration
    (["--p2p"], "libvirt-p2p-unsupported", "libvirt-p2p-unsupported"),
    (["--offline", "--persistent"], "libvirt-offline-unsupported",
     "libvirt-offline-unsupported"),
    (["--postcopy-after-precopy"], "virsh-postcopy-after-precopy",
     "virsh-postcopy-after-precopy"),
    (["--copy-storage-synchronous-writes"], "virsh-sync-writes-needs-storage",
     "virsh-sync-writes-needs-storage"),
    (["--live", "--timeout-suspend"], "virsh-timeout-action-needs-timeout",
     "virsh-timeout-action-needs-timeout"),
    # virsh's option parser (tables/errors.py entries over tables/options.py's messages)
    (["--live", "--live"], "virsh-duplicate-option", "virsh-duplicate-option"),
    (["--live=yes"], "virsh-switch-with-value", "virsh-switch-with-value"),
    (["--bandwidth", "1M"], "virsh-bad-number", "virsh-bad-number"),
    (["--dname", ""], "virsh-empty-value", "virsh-empty-value"),
    (["--xml", "/nonexistent/migflags.xml"], "virsh-xml-file", "virsh-xml-file"),
    ([*"abcdefghijklmnopqrstuvwx"], "virsh-extra-word", "virsh-extra-word"),
    # 9.0.0 does not know the option; the test driver takes no typed parameters
    (["--comp-zlib-level", "1"], "too-new", "libvirt-params-unsupported"),
    (["--migrate-disks", "vda"], "libvirt-params-unsupported",
     "virsh-migrate-disks-needs-storage"),
]

_LOG_ERROR = re.compile(r"^\S+ \S+: \d+: error : \w+:\d+ : .*$", re.M)


def _why(text: str) -> list[str]:
    result = CliRunner().invoke(main, ["why", "--json", "-"], input=text)
    assert result.exit_code == 0, (text, result.output)
    doc = json.loads(result.stdout)
    docs = doc if isinstance(doc, list) else [doc]
    return [d["matches"][0]["id"] for d in docs]


@pytest.mark.parametrize("version", ["9.0.0", "12.9.0"])
@pytest.mark.parametrize(("args", "id9", "id12"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_virsh_refusal_is_explained_by_its_rule(
    args: list[str], id9: str, id12: str, version: str, virsh9: str, virsh12: str
) -> None:
    virsh = virsh9 if version == "9.0.0" else virsh12
    expected = id9 if version == "9.0.0" else id12
    outcome = run_migrate(virsh, [*args, DOMAIN, desturi_for(args)])
    assert outcome.errors, outcome.stderr
    printed = "error: " in outcome.stderr  # a killed virsh may not have printed it yet
    if printed:
        assert _why(outcome.stderr)[0] == expected
    if outcome.log_errors:
        records = [line for line in _LOG_ERROR.findall(outcome.log)
                   if line.endswith(" : " + outcome.log_errors[-1])]
        assert records, outcome.log
        assert _why(records[-1]) == [expected]
    else:
        assert printed, outcome.stderr
