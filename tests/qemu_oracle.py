"""Run a real `virsh migrate` between two libvirt daemons with the QEMU driver.

`scripts/realqemu/setup.sh` starts, per libvirt release, a source and a destination daemon on
this machine and a few guests without an OS on the source; it describes them in
`$MIGFLAGS_REALQEMU_DIR/realqemu.json` (default /var/tmp/migflags-realqemu). `migrate()` puts
one guest into the state a case asks for, runs `virsh migrate OPTIONS GUEST DEST` with the
release's own virsh, and reports "migrated" or virsh's first error message verbatim; then it
empties the destination and puts the source guest back, so every case starts from the same
place.

Guests (made by the set-up script; each has disk vda):
    mf-ro      read-only qcow2 (passes the shared-storage check without --unsafe)
    mf-rw      writable local qcow2, cache=none (the destination has its own image, so
               --copy-storage-* really copies)
    mf-wb      writable local qcow2, cache=writeback
    mf-cd      read-only vda and an empty SATA cdrom sda
    mf-off     like mf-ro, persistent, shut off
    mf-paused  like mf-ro, paused
    mf-tr      like mf-ro, transient (created, never defined)
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import os
import re
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

STATE_DIR = os.environ.get("MIGFLAGS_REALQEMU_DIR", "/var/tmp/migflags-realqemu")
MIGRATED = "migrated"
# Where each guest sits between cases (the state setup.sh leaves it in).
HOME_STATE = {
    "mf-ro": "running", "mf-rw": "running", "mf-wb": "running", "mf-cd": "running",
    "mf-off": "shutoff", "mf-paused": "paused", "mf-tr": "running",
    "mf-tdisk": "running", "mf-shm": "running", "mf-shm-peer": "running",
    "mf-shm-master": "running",
}
TRANSIENT = frozenset({"mf-tr"})
_DOMSTATE = {"running": "running", "paused": "paused", "shut off": "shutoff"}
SETUP = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scripts",
                     "realqemu", "setup.sh")
# Both releases share the machine's network: cases naming a fixed TCP port take turns.
_FIXED_PORT = re.compile(r"^--disks-port$|:\d{4,5}\b")
_PORT_LOCK = threading.Lock()
_STARTUP_FLAKE = "process exited while connecting to monitor"
# (first outcome, outcome of the second run) of every case run twice, for the session's report
RETRIED: list[tuple[RealOutcome, RealOutcome]] = []
# `virsh dumpxml` of a guest in a state, per release (it does not change between cases).
_XML_CACHE: dict[tuple[str, str, str], str] = {}
# The release's daemon went away (12.9.0's source daemon crashes on --tunnelled --tls).
_DAEMON_GONE = ("due to I/O error", "End of file while reading data",
                "Cannot recv data", "client socket is closed")


@dataclass(frozen=True)
class Release:
    version: str
    root: str  # "" for the host's own libvirt, else the chroot holding this release
    source: str
    destination: str
    source_log: str
    destination_log: str
    guests: tuple[str, ...]

    def virsh(self) -> list[str]:
        """argv prefix of this release's virsh."""
        return ["chroot", self.root, "/usr/bin/virsh"] if self.root else ["/usr/bin/virsh"]

    def inside(self, path: str) -> str:
        """A host path as the release's virsh sees it (it must lie inside the root)."""
        if not self.root:
            return path
        assert path.startswith(self.root + "/"), path
        return path[len(self.root):]

    def tmpdir(self) -> str:
        """A host directory that this release's virsh can read too."""
        path = os.path.join(self.root, "tmp", "migflags") if self.root else os.path.join(
            STATE_DIR, "tmp")
        os.makedirs(path, exist_ok=True)
        return path

    def guest_xml_file(self, guest: str) -> str:
        """The definition setup.sh made for `guest` (a host path)."""
        return os.path.join(STATE_DIR, self.version, "src", f"{guest}.xml")


_HELD: dict[str, tuple[int, int]] = {}  # release -> (lock file descriptor, depth)
_HELD_LOCK = threading.Lock()


@contextlib.contextmanager
def exclusive(version: str) -> Iterator[None]:
    """Hold the release's daemons for this process alone (another test run on the same
    machine, e.g. from a second checkout, waits): cases change and reset shared guests."""
    with _HELD_LOCK:
        fd, depth = _HELD.get(version, (-1, 0))
        if depth == 0:
            os.makedirs(STATE_DIR, exist_ok=True)
            fd = os.open(os.path.join(STATE_DIR, f".{version}.lock"), os.O_RDWR | os.O_CREAT)
    if depth == 0:
        fcntl.flock(fd, fcntl.LOCK_EX)
    with _HELD_LOCK:
        _HELD[version] = (fd, depth + 1)
    try:
        yield
    finally:
        with _HELD_LOCK:
            fd, depth = _HELD[version]
            if depth == 1:
                del _HELD[version]
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
            else:
                _HELD[version] = (fd, depth - 1)


def manifest_path() -> str:
    return os.path.join(STATE_DIR, "realqemu.json")


def releases() -> dict[str, Release]:
    """The releases whose daemon pair setup.sh left running (empty when it never ran)."""
    try:
        with open(manifest_path(), encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}
    found: dict[str, Release] = {}
    for version, row in data.get("releases", {}).items():
        found[version] = Release(
            version, row["root"], row["source"], row["destination"], row["source_log"],
            row["destination_log"], tuple(row["guests"]),
        )
    return found


def available(version: str) -> Release | None:
    """The release when its two daemons answer, else None."""
    release = releases().get(version)
    if release is None:
        return None
    for uri in (release.source, release.destination):
        if virsh(release, uri, "version", timeout=10).returncode != 0:
            return None
    if version not in _CLEANED:
        empty_destination(release)  # each case cleans up after itself; this is for the first
        _CLEANED.add(version)
    return release


_CLEANED: set[str] = set()


def virsh(release: Release, uri: str, *args: str, timeout: float = 30,
          ) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LC_ALL="C", LANG="C")
    for name in ("LIBVIRT_DEFAULT_URI", "VIRSH_DEFAULT_CONNECT_URI", "LIBVIRT_DEBUG",
                 "LIBVIRT_LOG_OUTPUTS", "LIBVIRT_LOG_FILTERS"):
        env.pop(name, None)
    return subprocess.run([*release.virsh(), "-q", "-c", uri, *args], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=timeout, check=False)


def _must(proc: subprocess.CompletedProcess[str]) -> str:
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(proc.args)}: {proc.stderr.strip()}")
    return proc.stdout


def domstate(release: Release, uri: str, guest: str) -> str | None:
    """"running", "paused", "shutoff" (or libvirt's word), None when the guest is unknown."""
    proc = virsh(release, uri, "domstate", guest)
    if proc.returncode != 0:
        return None
    word = proc.stdout.strip().splitlines()[0] if proc.stdout.strip() else ""
    return _DOMSTATE.get(word, word)


def empty_destination(release: Release) -> None:
    """Destroy and undefine every guest on the destination daemon (all of them are ours)."""
    names = _must(virsh(release, release.destination, "list", "--all", "--name")).split()
    for name in names:
        virsh(release, release.destination, "destroy", name)
        virsh(release, release.destination, "undefine", name)


def _abort_jobs(release: Release, guest: str) -> None:
    for uri in (release.source, release.destination):
        virsh(release, uri, "domjobabort", guest, timeout=10)


def prepare(release: Release, guest: str, state: str) -> None:
    """Put `guest` on the source into `state` (running, paused or shutoff).

    Right after a failed migration libvirt may still be resuming the guest on its own, so each
    step is checked again instead of trusted (a few rounds, 0.2 s apart)."""
    if guest in TRANSIENT and state == "shutoff":
        raise ValueError("a transient guest cannot be shut off and stay defined")
    xml = release.inside(_visible_copy(release, release.guest_xml_file(guest)))
    src = release.source
    last = ""
    for _ in range(25):
        current = domstate(release, src, guest)
        if current == state:
            return
        if current is None:
            proc = virsh(release, src, "create" if guest in TRANSIENT else "define", xml)
        elif state == "shutoff":
            proc = virsh(release, src, "destroy", guest)
        elif current == "shutoff":
            proc = virsh(release, src, "start", guest)
        elif state == "paused" and current == "running":
            proc = virsh(release, src, "suspend", guest)
        elif state == "running" and current == "paused":
            proc = virsh(release, src, "resume", guest)
        else:  # a passing state (e.g. "in shutdown"): wait
            proc = subprocess.CompletedProcess([], 0, "", "")
        if proc.returncode == 0 and current is not None and current not in ("shutoff",
                                                                            "running",
                                                                            "paused"):
            time.sleep(0.2)
        elif proc.returncode != 0:
            last = proc.stderr.strip()
            time.sleep(0.2)
    raise RuntimeError(f"{release.version}: cannot bring {guest} to {state}: {last}")


def _visible_copy(release: Release, path: str) -> str:
    if not release.root:
        return path
    target = os.path.join(release.tmpdir(), os.path.basename(path))
    with open(path, "rb") as src, open(target, "wb") as dst:
        dst.write(src.read())
    return target


def restore(release: Release, guest: str) -> None:
    """Empty the destination and put `guest` back into its home state on the source.

    A paused guest is started afresh: after a migration that failed once QEMU had stopped it,
    QEMU 10.0 keeps it "paused due to previous migration" and refuses to migrate it again
    (`Can't migrate the vm that was paused due to previous migration`), which no later case
    should inherit."""
    empty_destination(release)
    if HOME_STATE[guest] == "paused":
        virsh(release, release.source, "destroy", guest)
    prepare(release, guest, HOME_STATE[guest])


@dataclass
class RealOutcome:
    version: str
    guest: str
    state: str
    options: tuple[str, ...]
    result: str  # MIGRATED or virsh's first error message ("error: " removed)
    stderr: str
    seconds: float
    killed: bool = False
    argv: list[str] = field(default_factory=list)
    domain_xml: str = ""  # `virsh dumpxml` of the guest just before the migration

    @property
    def migrated(self) -> bool:
        return self.result == MIGRATED


def first_error(stderr: str) -> str | None:
    for line in stderr.splitlines():
        if line.startswith("error: "):
            return line[len("error: "):]
    return None


def dumpxml(release: Release, guest: str) -> str:
    """`virsh dumpxml GUEST` on the source (what `check --domain-xml` is given)."""
    return _must(virsh(release, release.source, "dumpxml", guest))


# Options of the API cases -> the python3-libvirt constant of the flag, or the typed parameter
# (written out here: the harness must not borrow migflags' own tables).
API_FLAGS = {
    "--live": "VIR_MIGRATE_LIVE", "--p2p": "VIR_MIGRATE_PEER2PEER",
    "--postcopy": "VIR_MIGRATE_POSTCOPY", "--postcopy-resume": "VIR_MIGRATE_POSTCOPY_RESUME",
    "--copy-storage-all": "VIR_MIGRATE_NON_SHARED_DISK",
}
API_PARAMS = {
    "--comp-zlib-level": ("compression.zlib.level", "int"),
    "--migrate-disks": ("migrate_disks", "list"),
    "--migrate-disks-detect-zeroes": ("migrate_disks_detect_zeroes", "list"),
    "--migrate-disks-target-zero": ("migrate_disks_target_zero", "list"),
}
_API_SCRIPT = """
import json, sys
import libvirt
spec = json.loads(sys.argv[1])
libvirt.registerErrorHandler(lambda ctx, err: None, None)
flags = 0
for name in spec["flags"]:
    flags |= getattr(libvirt, name)
src = libvirt.open(spec["source"])
dom = src.lookupByName(spec["guest"])
try:
    if flags & libvirt.VIR_MIGRATE_PEER2PEER:
        dom.migrateToURI3(spec["destination"], spec["params"], flags)
    else:
        dom.migrate3(libvirt.open(spec["destination"]), spec["params"], flags)
    print(json.dumps("migrated"))
except libvirt.libvirtError as err:
    print(json.dumps(err.get_error_message()))
"""


def api_available() -> bool:
    """Whether the system Python has the libvirt binding (Debian's python3-libvirt)."""
    return subprocess.run(["/usr/bin/python3", "-c", "import libvirt"], capture_output=True,
                          check=False).returncode == 0


def _api_spec(release: Release, options: Sequence[str], guest: str) -> dict[str, object]:
    flags: list[str] = []
    params: dict[str, object] = {}
    words = list(options)
    while words:
        word = words.pop(0)
        if word in API_FLAGS:
            flags.append(API_FLAGS[word])
            continue
        key, kind = API_PARAMS[word]
        value = words.pop(0)
        params[key] = int(value) if kind == "int" else value.split(",")
    return {"source": release.source, "destination": release.destination, "guest": guest,
            "flags": flags, "params": params}


def _run_api(release: Release, options: Sequence[str], guest: str, timeout: float,
             ) -> tuple[str, str, bool]:
    spec = json.dumps(_api_spec(release, options, guest))
    try:
        proc = subprocess.run(["/usr/bin/python3", "-c", _API_SCRIPT, spec],
                              capture_output=True, text=True, timeout=timeout, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        _abort_jobs(release, guest)
        return f"(no answer within {timeout:.0f} s)", "", True
    if proc.returncode != 0:
        return f"(API script failed: {proc.stderr.strip().splitlines()[-1:]})", proc.stderr, False
    return str(json.loads(proc.stdout)), proc.stderr, False


def _revive(release: Release) -> None:
    """Start the release's daemons again when one of them has gone (setup.sh is idempotent)."""
    for uri in (release.source, release.destination):
        if virsh(release, uri, "version", timeout=10).returncode != 0:
            subprocess.run(["bash", SETUP, "start", release.version], check=True,
                           capture_output=True, timeout=300)
            return


def migrate(release: Release, options: Sequence[str], guest: str, state: str | None = None,
            *, desturi: str | None = None, timeout: float = 60,
            files: dict[str, str] | None = None, api: bool = False) -> RealOutcome:
    """Run `virsh -c SOURCE migrate OPTIONS GUEST DEST` for real and put everything back.

    `state` defaults to the guest's home state. In `options`, "@NAME" stands for the path
    of a file holding `files[NAME]` (for --xml, --persistent-xml). With `api`, the options
    (those of API_FLAGS and API_PARAMS only) go to the migration API through python3-libvirt
    instead of virsh."""
    state = state or HOME_STATE[guest]
    fixed_port = any(_FIXED_PORT.search(word) for word in options)
    with exclusive(release.version), _PORT_LOCK if fixed_port else contextlib.nullcontext():
        outcome = _migrate(release, options, guest, state, desturi, timeout, files, api)
        if outcome.killed or _STARTUP_FLAKE in outcome.result:
            # Two flakes of the machinery, not answers (no recorded case is a timeout):
            # - the destination's QEMU died while starting (seen once in ~900 runs on a loaded
            #   machine; the same case migrated 3 times out of 3 right after);
            # - virsh 12.9.0 printed its verdict and then never exited. Seen when `migrate`
            #   fails on the first check of its worker thread (--copy-storage-synchronous-
            #   writes without --copy-storage-*; 12.9.0 makes it first, 9.0.0 later): 11 of
            #   600 such runs under load hung, 0 of 300 on 9.0.0, 0 of 300 for `virsh
            #   version` or an unknown option. Running the case again gives its answer.
            first = outcome
            outcome = _migrate(release, options, guest, state, desturi, timeout, files, api)
            RETRIED.append((first, outcome))
        return outcome


def _migrate(release: Release, options: Sequence[str], guest: str, state: str,
             desturi: str | None, timeout: float, files: dict[str, str] | None,
             api: bool) -> RealOutcome:
    prepare(release, guest, state)
    key = (release.version, guest, state)
    if key not in _XML_CACHE:
        _XML_CACHE[key] = dumpxml(release, guest)
    domain_xml = _XML_CACHE[key]
    if api:
        start = time.monotonic()
        result, stderr, killed = _run_api(release, options, guest, timeout)
        outcome = RealOutcome(release.version, guest, state, tuple(options), result, stderr,
                              time.monotonic() - start, killed, ["(API)", *options],
                              domain_xml)
        _revive(release)
        restore(release, guest)
        return outcome
    opts = list(options)
    with tempfile.TemporaryDirectory(dir=release.tmpdir()) as tmp:
        for index, word in enumerate(opts):
            if word.startswith("@") and files and word[1:] in files:
                path = os.path.join(tmp, word[1:])
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(files[word[1:]])
                opts[index] = release.inside(path)
        argv = [*release.virsh(), "-c", release.source, "migrate", *opts, guest,
                desturi or release.destination]
        env = dict(os.environ, LC_ALL="C", LANG="C")
        for name in ("LIBVIRT_DEFAULT_URI", "VIRSH_DEFAULT_CONNECT_URI", "LIBVIRT_DEBUG",
                     "LIBVIRT_LOG_OUTPUTS", "LIBVIRT_LOG_FILTERS"):
            env.pop(name, None)
        start = time.monotonic()
        killed = False
        proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            killed = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            _, stderr = proc.communicate()
            _abort_jobs(release, guest)
        seconds = time.monotonic() - start
    error = first_error(stderr)
    if killed:
        result = f"(no answer within {timeout:.0f} s)"
    elif proc.returncode == 0 and error is None:
        result = MIGRATED
    else:
        result = error or f"(virsh exit {proc.returncode} without an error line)"
    outcome = RealOutcome(release.version, guest, state, tuple(options), result, stderr,
                          seconds, killed, argv, domain_xml)
    if any(word in result for word in _DAEMON_GONE):
        _revive(release)
    restore(release, guest)
    return outcome


def run_cases(release: Release, cases: Sequence[tuple[str, Sequence[str], str, str | None, bool]],
              ) -> list[RealOutcome]:
    """Run (name, options, guest, state, api) cases one after the other on one release."""
    with exclusive(release.version):
        return [migrate(release, options, guest, state, api=api)
                for _, options, guest, state, api in cases]


@functools.cache
def qemu_version(release: Release) -> str:
    """The QEMU the release's daemons run (`virsh version`'s hypervisor line)."""
    for line in _must(virsh(release, release.source, "version")).splitlines():
        if "hypervisor" in line.lower():
            return line.split()[-1]
    return "?"


Cases = Sequence[tuple[str, Sequence[str], str, str | None, bool]]


def record(path_for: str, cases_for: dict[str, Cases]) -> None:
    """Run `cases_for[version]` on every running release (the releases in parallel) and write
    what the real daemons answered to `path_for % version` (tests/data/realqemu-VERSION.json)."""
    from concurrent.futures import ThreadPoolExecutor

    chosen = [rel for rel in (available(v) for v in cases_for) if rel is not None]
    with ThreadPoolExecutor(max_workers=max(1, len(chosen))) as pool:
        results = list(pool.map(lambda rel: run_cases(rel, cases_for[rel.version]), chosen))
    for rel, outcomes in zip(chosen, results, strict=True):
        cases = cases_for[rel.version]
        guests: dict[str, dict[str, str]] = {}
        rows = []
        for (name, _, _, _, api), out in zip(cases, outcomes, strict=True):
            guests.setdefault(out.guest, {})[out.state] = out.domain_xml
            rows.append({"name": name, "options": list(out.options), "guest": out.guest,
                         "state": out.state, "api": api, "result": out.result})
        doc = {"libvirt": rel.version, "qemu": qemu_version(rel), "source": rel.source,
               "destination": rel.destination, "guests": guests, "cases": rows}
        with open(path_for % rel.version, "w", encoding="utf-8") as handle:
            json.dump(doc, handle, indent=1, ensure_ascii=False)
            handle.write("\n")


# Migrations whose daemon debug logs are kept as annotate fixtures: (name, guest, options).
LOGGED = (
    ("p2p", "mf-ro", ("--live", "--p2p", "--persistent", "--undefinesource")),
    ("storage", "mf-rw", ("--live", "--copy-storage-all", "--tls")),
    ("offline", "mf-off", ("--offline", "--persistent")),
    ("refused", "mf-ro", ("--live", "--postcopy", "--suspend")),
)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def anonymise(text: str, hostname: str) -> str:
    """Drop what identifies this machine: its host name and where the tier keeps its state."""
    text = text.replace(STATE_DIR, "/srv/realqemu")
    pairs = (
        (f"<hostname>{hostname}</hostname>", "<hostname>dst.example</hostname>"),
        (f"//{hostname}:", "//dst.example:"), (f"tcp:{hostname}:", "tcp:dst.example:"),
        (f"'{hostname}'", "'dst.example'"), (f'"{hostname}"', '"dst.example"'),
        (f"host={hostname},", "host=dst.example,"),
        (f"hostname={hostname} ", "hostname=dst.example "),
        (f"hostname={hostname},", "hostname=dst.example,"),
    )
    for before, after in pairs:
        text = text.replace(before, after)
    return text


def logged_migration(release: Release, guest: str, options: Sequence[str]) -> tuple[str, str, str]:
    """Run one migration and return (result, source daemon log, destination daemon log), the
    logs being what the two daemons wrote while it ran (preparation and clean-up excluded)."""
    with exclusive(release.version):
        return _logged_migration(release, guest, options)


def _logged_migration(release: Release, guest: str, options: Sequence[str],
                      ) -> tuple[str, str, str]:
    prepare(release, guest, HOME_STATE[guest])
    empty_destination(release)
    time.sleep(0.5)
    marks = (_size(release.source_log), _size(release.destination_log))
    argv = [*release.virsh(), "-c", release.source, "migrate", *options, guest,
            release.destination]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False,
                          stdin=subprocess.DEVNULL, env=dict(os.environ, LC_ALL="C"))
    time.sleep(0.5)
    logs = []
    for path, mark in zip((release.source_log, release.destination_log), marks, strict=True):
        with open(path, "rb") as handle:
            handle.seek(mark)
            logs.append(handle.read().decode("utf-8", "replace"))
    restore(release, guest)
    result = first_error(proc.stderr) or MIGRATED
    return result, logs[0], logs[1]


def save_logs(directory: str, versions: Sequence[str]) -> None:
    """Write tests/data/realqemu-logs/RELEASE-NAME-{source,destination}.log.xz."""
    import lzma
    import socket

    os.makedirs(directory, exist_ok=True)
    for version in versions:
        rel = available(version)
        if rel is None:
            continue
        for name, guest, options in LOGGED:
            result, src, dst = logged_migration(rel, guest, options)
            print(f"{version} {name}: {result}")
            for role, text in (("source", src), ("destination", dst)):
                path = os.path.join(directory, f"{version}-{name}-{role}.log.xz")
                with lzma.open(path, "wt", encoding="utf-8", preset=9) as handle:
                    handle.write(anonymise(text, socket.gethostname()))


if __name__ == "__main__":
    # python tests/qemu_oracle.py 9.0.0 mf-ro --live      one real migration
    # python tests/qemu_oracle.py record                   re-record tests/data/realqemu-*.json
    # python tests/qemu_oracle.py logs                     re-capture tests/data/realqemu-logs/
    import sys

    if sys.argv[1:2] == ["logs"]:
        save_logs(os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                               "realqemu-logs"), sys.argv[2:] or ["9.0.0", "12.9.0"])
        sys.exit(0)
    if sys.argv[1:2] == ["record"]:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from realqemu_cases import ALL_CASES, sample_cases

        data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
        os.makedirs(data, exist_ok=True)
        # a written case runs on the releases it names; the sample on every one
        record(os.path.join(data, "realqemu-%s.json"), {
            version: [(c.name, c.options, c.guest, c.state, c.api)
                      for c in (*ALL_CASES, *sample_cases())
                      if not c.expect or version in c.expect]
            for version in sys.argv[2:] or ["9.0.0", "12.9.0"]})
        sys.exit(0)
    rel = available(sys.argv[1])
    if rel is None:
        sys.exit(f"release {sys.argv[1]} is not running; run scripts/realqemu/setup.sh")
    out = migrate(rel, sys.argv[3:], sys.argv[2])
    print(f"{out.version} {out.guest} ({out.state}) {' '.join(out.options)}: {out.result}"
          f"  [{out.seconds:.1f} s]")
