"""The console script's own start and end (`migflags.entry`): it leaves through `os._exit`, so
these run the real process and look at what reaches the pipes and the exit status."""

import json
import os
import subprocess
import sys

import pytest

MIGFLAGS = [sys.executable, "-m", "migflags"]


@pytest.fixture(autouse=True, params=["buffered", "unbuffered"])
def _buffering(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs with Python's standard output buffered (as for any user) and
    unbuffered (PYTHONUNBUFFERED=1, as some CI runners set it): the errors differ."""
    if request.param == "unbuffered":
        monkeypatch.setenv("PYTHONUNBUFFERED", "1")
    else:
        monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([*MIGFLAGS, *args], input=stdin, capture_output=True, text=True,
                          check=False, timeout=60)


def test_output_is_flushed_before_the_process_ends() -> None:
    done = run("decode", "1035", "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["names"] == "LIVE|PEER2PEER|PERSIST_DEST|OFFLINE"
    assert done.stderr == ""


def test_a_large_output_arrives_whole() -> None:
    values = "\n".join(str(n) for n in range(0, 4000, 3)) + "\n"
    done = run("decode", "-", "--json", stdin=values)
    assert done.returncode == 0
    docs = json.loads(done.stdout)
    assert len(docs) == len(range(0, 4000, 3))
    assert docs[-1]["value"] == 3999


@pytest.mark.parametrize(("args", "status"), [
    (("decode", "0x3"), 0),
    (("decode", "1035", "--strict"), 1),  # --live with --offline: an error-level problem
    (("decode", "0x80000000"), 1),  # unknown bits
    (("decode", "LIVE|PEERTOPEER"), 2),
    (("decode", "--no-such-option", "1"), 2),
])
def test_exit_status_comes_through(args: tuple[str, ...], status: int) -> None:
    done = run(*args)
    assert done.returncode == status, done.stderr
    if status == 2:
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize("mode", ["--json", "--color=always", "--color=never"])
def test_a_reader_that_goes_away_is_no_error(mode: str) -> None:
    values = "\n".join(str(n) for n in range(20000)) + "\n"
    proc = subprocess.Popen([*MIGFLAGS, "decode", "-", mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(values)
    proc.stdin.close()
    assert proc.stdout.readline()  # the first line came
    proc.stdout.close()  # as `| head -1` does
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in proc.stderr.read()


@pytest.mark.parametrize(("redirect", "status"), [
    ("decode 1 2>&- >/dev/null", 0),  # no stderr at all: sys.stderr is None
    ("decode bogus 2>&-", 2),
    ("--version >&-", 0),  # no stdout at all
    ("decode 1035 --strict 2>&- >/dev/null", 1),
    ("decode 1035 >&-", 0),  # the table's look is chosen without a standard output
    ("list >&-", 0),
    ("decode 1035 >/dev/full 2>/dev/full", 2),  # nowhere to say it: the status says it
])
def test_closed_streams_keep_the_status(redirect: str, status: int) -> None:
    command = " ".join(f"'{word}'" for word in MIGFLAGS)
    done = subprocess.run(["sh", "-c", f"{command} {redirect}"], capture_output=True,
                          text=True, check=False, timeout=60)
    assert done.returncode == status, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [("decode", "1035"), ("decode", "1035", "--json"),
                                  ("list",), ("annotate", "-")])
def test_a_full_disk_is_one_line(args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([*MIGFLAGS, *args], input="x flags=0x3\n" * 5000, stdout=full,
                              stderr=subprocess.PIPE, text=True, check=False, timeout=60)
    assert done.returncode == 2
    assert done.stderr == ("migflags: error: cannot write the output: "
                           "No space left on device\n")
