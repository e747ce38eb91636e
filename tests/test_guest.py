"""--state and --domain-xml: the guest facts read from `virsh dumpxml`, the CLI around them, and
the checks that need them. Expected values are literals (libvirt's messages as in
test_rule_cases.py); the XML documents are written here by hand in dumpxml's shape."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from migflags.cli import main
from migflags.guest import Disk, GuestError, guest_from, parse_domain_xml

RUNNING = """<domain type='kvm' id='12'>
  <name>db1</name>
  <uuid>6f1c2a52-3a0e-4c27-9a7b-6e0c1f2d3e4f</uuid>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none' io='native'/>
      <source file='/srv/images/db1.qcow2' index='2'/>
      <backingStore/>
      <target dev='vda' bus='virtio'/>
      <alias name='virtio-disk0'/>
    </disk>
    <disk type='block' device='disk'>
      <driver name='qemu' type='raw' cache='writeback'/>
      <source dev='/dev/sdb' index='1'/>
      <target dev='vdb' bus='virtio'/>
      <shareable/>
    </disk>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <disk type='network' device='disk'>
      <source protocol='rbd' name='pool/db1-data'><host name='mon1'/></source>
      <target dev='vdc' bus='virtio'/>
    </disk>
  </devices>
</domain>
"""
SHUT_OFF = RUNNING.replace(" id='12'", "")


def test_disks_as_libvirt_sees_them() -> None:
    guest = parse_domain_xml(RUNNING)
    assert guest.name == "db1"
    assert guest.state == "active"
    assert guest.disks == (
        Disk("vda", "disk", "file", "/srv/images/db1.qcow2", False, False, "none"),
        Disk("vdb", "disk", "block", "/dev/sdb", False, True, "writeback"),
        Disk("sda", "cdrom", "file", None, True, False, None),
        Disk("vdc", "disk", "network", "pool/db1-data", False, False, None),
    )
    assert [d.empty for d in guest.disks] == [False, False, True, False]


def test_no_id_means_shut_off_and_state_wins() -> None:
    assert parse_domain_xml(SHUT_OFF).state == "shutoff"
    assert guest_from("paused", RUNNING).state == "paused"  # type: ignore[union-attr]
    assert guest_from(None, None) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("<domain><name>x</name>", "malformed domain XML"),
        ("<network><name>x</name></network>", "<network>, not <domain>"),
        ("<domain><devices><disk type='file'/></devices></domain>", "no <target"),
        ("<!DOCTYPE d [<!ENTITY a 'b'>]><domain/>", "DOCTYPE"),
        ("", "malformed domain XML"),
    ],
)
def test_bad_xml_is_one_error(text: str, words: str) -> None:
    with pytest.raises(GuestError, match=words):
        parse_domain_xml(text)


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_malformed_file_exits_2_in_one_line(tmp_path: object) -> None:
    code, out, err = _run("check", "--domain-xml", "-", "--live", stdin="<domain><name>")
    assert code == 2 and out == ""
    assert err.startswith("migflags: error: --domain-xml '-': malformed domain XML")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_missing_file_exits_2() -> None:
    code, _, err = _run("check", "--domain-xml", "/nonexistent/dom.xml", "--live")
    assert code == 2
    assert err == ("migflags: error: --domain-xml '/nonexistent/dom.xml': No such file or "
                   "directory\n")


def test_check_reads_the_guest_from_stdin() -> None:
    code, out, err = _run("check", "--libvirt", "9.0.0", "--domain-xml", "-", "--live", "--p2p",
                          stdin=RUNNING)
    assert code == 1
    assert out.splitlines()[-1] == ("refused by the QEMU driver of libvirt 9.0.0: Unsafe "
                                    "migration: Migration without shared storage is unsafe")
    assert "not checked" not in err


def test_without_the_guest_check_says_what_it_skipped() -> None:
    code, out, err = _run("check", "--libvirt", "9.0.0", "--live", "--p2p")
    assert code == 0
    assert out == "accepted by virsh, libvirt and QEMU (libvirt 9.0.0)\n"
    assert err == ("migflags: note: not checked (needs --state, --domain-xml or --qemu): "
                   "qemu-domain-not-running, qemu-shmem-not-master, qemu-shmem-blocked, "
                   "qemu-transient-disk, qemu-unsafe-storage\n")


def test_the_note_in_chinese() -> None:
    _, _, err = _run("check", "--lang", "zh", "--live", "--p2p")
    assert "未检查（需要 --state、--domain-xml 或 --qemu）：qemu-domain-not-running" in err


@pytest.mark.parametrize("command", ["decode", "encode", "check"])
def test_json_carries_the_guest(command: str, tmp_path: object) -> None:
    import pathlib

    assert isinstance(tmp_path, pathlib.Path)
    path = tmp_path / "db1.xml"
    path.write_text(SHUT_OFF, encoding="utf-8")
    values = ["LIVE|PEER2PEER"] if command == "decode" else ["--live", "--p2p"]
    code, out, _ = _run(command, "--libvirt", "9.0.0", "--json", "--domain-xml", str(path),
                        *values)
    assert code == (1 if command == "check" else 0)  # only check is strict by default
    doc = json.loads(out)
    assert doc["guest"]["name"] == "db1" and doc["guest"]["state"] == "shutoff"
    assert [d["target"] for d in doc["guest"]["disks"]] == ["vda", "vdb", "sda", "vdc"]
    assert doc["guest"]["disks"][0] == {
        "target": "vda", "device": "disk", "source_type": "file",
        "path": "/srv/images/db1.qcow2", "readonly": False, "shareable": False, "empty": False,
        "cache": "none", "transient": False}
    assert doc["guest"]["shmems"] == []
    assert doc["unchecked"] == []
    assert doc["problems"][0]["message"] == ("Requested operation is not valid: domain is not "
                                             "running")


def test_state_alone_leaves_the_storage_check_undecided() -> None:
    code, out, _ = _run("check", "--json", "--libvirt", "9.0.0", "--state", "running", "--live",
                        "--p2p")
    doc = json.loads(out)
    assert doc["guest"] == {"name": None, "state": "running", "disks": None, "shmems": None}
    assert doc["unchecked"] == ["qemu-shmem-not-master", "qemu-shmem-blocked",
                                "qemu-transient-disk", "qemu-unsafe-storage"]
    assert code == 0


def test_decode_cannot_read_values_and_xml_from_stdin() -> None:
    code, _, err = _run("decode", "--domain-xml", "-", "-", stdin="1\n")
    assert code == 2 and "not both" in err


def test_unknown_state_suggests() -> None:
    code, _, err = _run("check", "--state", "runing", "--live")
    assert code == 2 and "runing" in err


def test_qemu_decides_the_qemu_bounded_rules() -> None:
    argv = ["check", "--json", "--libvirt", "12.9.0", "--state", "running", "--unsafe", "--live",
            "--p2p", "--compressed", "--comp-methods", "mt"]
    _, out, _ = _run(*argv)
    doc = json.loads(out)
    assert doc["qemu"] is None and doc["unchecked"] == [
        "qemu-shmem-not-master", "qemu-shmem-blocked", "qemu-transient-disk",
        "qmp-compress-removed"]
    assert [p["rule"] for p in doc["problems"] if p["level"] == "error"] == []
    code, out, _ = _run(*argv[:2], "--qemu", "10.0", *argv[2:])
    doc = json.loads(out)
    assert code == 1 and doc["qemu"] == "10.0.0"
    assert "qmp-compress-removed" not in doc["unchecked"]
    assert doc["problems"][0]["message"] == ("argument unsupported: Migration option 'compress' "
                                             "is not supported by QEMU binary")
    assert doc["problems"][0]["layer"] == "qmp"
    code, out, _ = _run(*argv[:2], "--qemu", "7.2.0", *argv[2:])
    assert code == 0 and "qmp-compress-removed" not in json.loads(out)["unchecked"]


def test_bad_qemu_version() -> None:
    code, _, err = _run("check", "--qemu", "seven", "--live")
    assert code == 2 and "invalid QEMU version 'seven'" in err


def test_qemu_itself_is_named_in_the_verdict() -> None:
    code, out, _ = _run("check", "--libvirt", "9.0.0", "--state", "running", "--live", "--p2p",
                        "--zerocopy", "--parallel", "--tls")
    assert code == 1
    assert out.splitlines()[-1] == (
        "refused by QEMU itself under libvirt 9.0.0: internal error: unable to execute QEMU "
        "command 'migrate-set-parameters': Zero copy only available for non-compressed non-TLS "
        "multifd migration")
    _, out, _ = _run("check", "--lang", "zh", "--libvirt", "9.0.0", "--state", "running",
                     "--live", "--p2p", "--zerocopy", "--parallel", "--tls")
    assert out.splitlines()[-1].startswith("会被 QEMU 本身拒绝（libvirt 9.0.0）：internal error:")


_XML_PIECES = st.sampled_from([
    "<domain>", "</domain>", "<domain id='3'>", "<name>g</name>", "<devices>", "</devices>",
    "<disk type='file' device='disk'>", "<disk type='network'>", "<disk>", "</disk>",
    "<target dev='vda'/>", "<target/>", "<source file='/x'/>", "<source protocol='rbd'/>",
    "<readonly/>", "<transient/>", "<shmem name='s'/>", "<driver cache='none'/>", "&amp;",
    "&bogus;", "<!DOCTYPE d>", "<?xml version='1.0'?>", "\x00", "é", "<", ">", "'", '"',
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_XML_PIECES, max_size=12).map("".join) | st.text(max_size=60))
def test_any_text_is_a_guest_or_one_error(text: str) -> None:
    try:
        guest = parse_domain_xml(text)
    except GuestError as error:
        assert "\n" not in str(error)
    else:
        assert guest.disks is not None and guest.state in ("active", "shutoff")
